import Foundation

/// `journal new`: writes a note from its template, pre-filled from the index, atomically and
/// never over an existing file.
public struct NoteWriter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case client, session, chemistry, threeWay = "three-way", supervision
    }

    public enum Failure: UserFacingError, Sendable {
        case badClientID(String)
        /// With the known client nearest to a misspelt id, if one is.
        case unknownClient(String, nearest: String? = nil)
        case badDate(String, ValueError)
        case emptyName

        public func message(in language: JournalConfig.Language) -> String {
            let fr = language == .fr
            switch self {
            case .badClientID(let id):
                return fr ? "« \(id) » ne peut pas être un identifiant de client : lettres minuscules, chiffres et tirets (par exemple jeanne-martin)"
                          : "“\(id)” cannot be a client id: use lower-case letters, digits and hyphens (e.g. jeanne-martin)"
            case .unknownClient(let id, let nearest?):
                return fr ? "il n'y a pas de client `\(id)` : vouliez-vous écrire `\(nearest)` ? (sinon créez-le d'abord avec `journal new client \(id) --name \"…\"`)"
                          : "there is no client `\(id)`: did you mean `\(nearest)`? (else create it first with `journal new client \(id) --name \"…\"`)"
            case .unknownClient(let id, nil):
                return fr ? "il n'y a pas de client `\(id)` : créez-le d'abord avec `journal new client \(id) --name \"…\"`"
                          : "there is no client `\(id)`: create it first with `journal new client \(id) --name \"…\"`"
            case .badDate(let text, let reason):
                return fr ? "--date « \(text) » : \(reason.text.fr)" : "--date “\(text)”: \(reason.text.en)"
            case .emptyName:
                return fr ? "--name ne peut pas être vide" : "--name cannot be empty"
            }
        }
    }

    let journal: Journal
    let templates: Templates

    public init(journal: Journal, language: JournalConfig.Language? = nil) {
        self.journal = journal
        self.templates = Templates(journalRoot: journal.root, language: language ?? journal.config.language)
    }

    /// A client id for a new folder: a plain slug, so that it is safe as a path and an id.
    static func isNewClientID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && !id.hasPrefix("-") && !id.hasSuffix("-")
            && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// Writes clients/ID/client.md. Returns its path relative to the journal.
    public func newClient(id: String, name: String, today: LocalDate, force: Bool = false) throws -> String {
        guard Self.isNewClientID(id) else { throw Failure.badClientID(id) }
        guard !name.trimmingWhitespace.isEmpty else { throw Failure.emptyName }
        let text = try templates.render("client.md", [
            "name": Templates.yamlScalar(name), "today": today.description, "client": id,
        ])
        let path = "clients/\(id)/client.md"
        do {
            try AtomicFile.write(Data(text.utf8), to: journal.root.appendingPathComponent(path), overwrite: force)
        } catch AtomicFile.Failure.exists {
            throw AtomicFile.Failure.exists(path)
        }
        return path
    }

    /// Writes a dated note for `client` (nil for supervision). `date` is the user's `--date`;
    /// without it a session takes the `next` date fixed last time, else `now`.
    /// With `force`, an existing note of the same name is replaced instead of a `-2` being added.
    public func newNote(_ kind: Kind, client: String?, date: String?, now: DateValue, force: Bool = false) throws -> String {
        precondition(kind != .client)
        var resolution: ClientResolution? = nil
        if let client {
            guard ClientID.isValid(client) else { throw Failure.badClientID(client) }
            let store = try IndexStore.open(journal)
            _ = try store.update()
            resolution = try store.resolutions().first { $0.client?.id == client }
            guard resolution != nil else {
                throw Failure.unknownClient(client, nearest: NoteParser.nearest(to: client, among: try store.clientsWithCaseFile()))
            }
        }
        var noteDate = now
        if let date {
            switch DateValue.parse(date) {
            case .success(let parsed): noteDate = parsed
            case .failure(let error): throw Failure.badDate(date, error)
            }
        } else if kind == .session, let next = resolution.flatMap(Self.lastNext) {
            noteDate = next
        }
        var context: [String: Any] = ["date": noteDate.description, "client": client ?? ""]
        if kind == .session, let resolution {
            let held = resolution.documents.filter { $0.type == "session" && $0.status == "held" }
            context["number"] = (held.compactMap(\.number).max() ?? 0) + 1
            let open = resolution.commitments.filter { ["open", "partial", "carried"].contains($0.status) }
            // A private commitment is reviewed under the private heading, never in the open.
            context["review"] = open.filter { !$0.isPrivate }.map { ["ref": $0.id, "text": $0.text] as [String: Any] }
            context["private_review"] = open.filter(\.isPrivate).map { ["ref": $0.id, "text": $0.text] as [String: Any] }
            context["has_private_review"] = open.contains(where: \.isPrivate)
        }
        let text = try templates.render("\(kind.rawValue).md", context)
        let folder = client.map { "clients/\($0)" } ?? "supervision"
        let base = "\(folder)/\(noteDate.date.description)-\(kind.rawValue)"
        if force {
            try AtomicFile.write(Data(text.utf8), to: journal.root.appendingPathComponent(base + ".md"), overwrite: true)
            return base + ".md"
        }
        // A second note of the same kind on the same day gets a suffix rather than a refusal.
        for suffix in 1...99 {
            let path = suffix == 1 ? base + ".md" : base + "-\(suffix).md"
            do {
                try AtomicFile.write(Data(text.utf8), to: journal.root.appendingPathComponent(path),
                                     overwrite: false)
                return path
            } catch AtomicFile.Failure.exists {
                continue
            }
        }
        throw AtomicFile.Failure.exists(base + ".md")
    }

    /// The `next` date of the client's latest dated document.
    static func lastNext(_ resolution: ClientResolution) -> DateValue? {
        resolution.client?.next.flatMap(DateValue.parseUserDate)
    }
}
