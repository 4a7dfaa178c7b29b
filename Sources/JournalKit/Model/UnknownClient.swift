/// A client id that names no client of the journal, with the known client a typo away if there
/// is one: the one error of every command that takes a client.
public struct UnknownClient: UserFacingError, Sendable, Equatable {
    /// What the command needed of the client, which the message says.
    public enum Needed: Sendable, Equatable {
        /// Notes or a case file (show, commitments, agenda, search, close, retention).
        case any
        /// The case file, for a summary.
        case caseFile
        /// The case file, for a sponsor report.
        case sponsorCaseFile
        /// The case file, before a note of the client is written (`journal new`).
        case caseFileToWriteIn
    }

    public var id: String
    public var nearest: String?
    public var needed: Needed

    public init(_ id: String, needed: Needed = .any, nearest: String?) {
        self.id = id
        self.nearest = nearest
        self.needed = needed
    }

    public var message: Message {
        switch needed {
        case .any:
            return Message("there is no client `\(id)` in this journal", fr: "il n'y a pas de client `\(id)` dans ce journal")
                + ClientID.didYouMean(nearest)
        case .caseFile:
            return Message("there is no case file for client `\(id)` in this journal (clients/\(id)/client.md)",
                           fr: "il n'y a pas de dossier client `\(id)` dans ce journal (clients/\(id)/client.md)")
                + ClientID.didYouMean(nearest)
        case .sponsorCaseFile:
            return Message("there is no client `\(id)` in this journal (no clients/\(id)/client.md)",
                           fr: "il n'y a pas de client `\(id)` dans ce journal (pas de clients/\(id)/client.md)")
                + ClientID.didYouMean(nearest)
        case .caseFileToWriteIn:
            guard let nearest else {
                return Message("there is no client `\(id)`: create it first with `journal new client \(id) --name \"…\"`",
                               fr: "il n'y a pas de client `\(id)` : créez-le d'abord avec `journal new client \(id) --name \"…\"`")
            }
            return Message("there is no client `\(id)`: did you mean `\(nearest)`? (else create it first with `journal new client \(id) --name \"…\"`)",
                           fr: "il n'y a pas de client `\(id)` : vouliez-vous écrire `\(nearest)` ? (sinon créez-le d'abord avec `journal new client \(id) --name \"…\"`)")
        }
    }
}
