import Foundation

extension LanguageServer {
    /// What the cursor is on: a ref or a commitment (its text, owner, due date, odds, status and
    /// history across sessions), or the client of the header (status, next date, miss streak).
    enum Subject {
        case commitment(ResolvedCommitment)
        case client(ResolvedClient)
    }

    func subject(_ params: [String: Any]) -> (document: LSPDocument, subject: Subject?)? {
        guard let (document, note) = target(params), let position = params.position("position") else { return nil }
        guard let line = document.line(position.line) else { return (document, nil) }
        let text = String(decoding: line, as: UTF8.self)
        let cursor = LSPDocument.byteOffset(utf16: position.character, in: document.bytes, from: line.startIndex,
                                            to: line.endIndex) - line.startIndex
        let group = note?.client ?? ""
        if let ref = Self.ref(in: text, atByte: cursor) {
            let commitment = resolutions[group]?.commitments.first { $0.id == ref }
                ?? resolutions.values.lazy.flatMap(\.commitments).first { $0.id == ref }
            return (document, commitment.map(Subject.commitment))
        }
        if Self.inHeader(document.lines, line: position.line) {
            let key = text.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
            if key == "client", let client = resolutions[group]?.client { return (document, .client(client)) }
            return (document, nil)
        }
        if let path = document.path,
           let commitment = resolutions[group]?.commitments.first(where: { $0.path == path && $0.line == position.line + 1 }) {
            return (document, .commitment(commitment))
        }
        return (document, nil)
    }

    /// The id of the `[ref:: …]` (or `(ref:: …)`) field the byte `offset` of `line` is in.
    static func ref(in line: String, atByte offset: Int) -> String? {
        for field in ItemLine.dataviewFields(inLine: line) where field.key == "ref" {
            // From its opening bracket to its closing one, both included.
            if (field.range.lowerBound...field.range.upperBound).contains(offset) { return field.value }
        }
        return nil
    }

    func hover(_ params: [String: Any]) -> JSONValue? {
        guard let (_, subject) = subject(params) else { return nil }
        guard let subject else { return .null }
        var lines: [String] = []
        switch subject {
        case .commitment(let commitment):
            lines.append("**\(commitment.text)**" + (commitment.isPrivate ? (Message(" *(private)*", fr: " *(privé)*").in(language)) : ""))
            lines.append("")
            var facts = ["`\(commitment.id)`", (Message("owner: ", fr: "qui : ").in(language)) + commitment.owner.rawValue]
            if let due = commitment.due { facts.append((Message("due: ", fr: "échéance : ").in(language)) + due.description) }
            if let odds = commitment.odds { facts.append((Message("odds: ", fr: "cote : ").in(language)) + odds.text) }
            facts.append((Message("status: ", fr: "statut : ").in(language)) + commitment.status.rawValue)
            lines.append(facts.joined(separator: " · "))
            if let made = commitment.made { lines.append("") ; lines.append((Message("made ", fr: "pris le ").in(language)) + made.description + " (\(commitment.path):\(commitment.line))") }
            if !commitment.history.isEmpty {
                lines.append("")
                lines.append(Message("History:", fr: "Historique :").in(language))
                for statement in commitment.history {
                    var entry = "- " + (statement.date?.description ?? "?") + " " + statement.status.rawValue
                    if let reason = statement.reason { entry += " (\(reason.canonical))" }
                    if statement.isPrivate { entry += Message(" *(private)*", fr: " *(privé)*").in(language) }
                    lines.append(entry + " — \(statement.path):\(statement.line)")
                }
            }
        case .client(let client):
            lines.append("**\(client.id)**")
            lines.append("")
            var facts = [(Message("status: ", fr: "statut : ").in(language)) + (client.status?.rawValue ?? "?")]
            facts.append((Message("next date: ", fr: "prochaine date : ").in(language)) + (client.next?.description ?? (Message("none", fr: "aucune").in(language))))
            facts.append((Message("miss streak: ", fr: "séances manquées de suite : ").in(language)) + String(client.missStreak))
            lines.append(facts.joined(separator: " · "))
        }
        return .object([("contents", .object([("kind", .string("markdown")),
                                               ("value", .string(lines.joined(separator: "\n")))]))])
    }

    /// On a ref or a commitment: the line where the commitment was made.
    func definition(_ params: [String: Any]) -> JSONValue? {
        guard let (_, subject) = subject(params) else { return nil }
        guard case .commitment(let commitment) = subject, let uri = uri(ofNote: commitment.path) else { return .null }
        return Self.location(uri: uri, line: max(0, commitment.line - 1))
    }
}
