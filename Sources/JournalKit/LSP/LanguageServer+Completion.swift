import Foundation

extension LanguageServer {
    /// What can be written at the cursor: after `[ref:: ` the client's open commitments, after
    /// `[` the field keys, in the header the keys of the note's type and the values of its
    /// enumerations and client ids; dates as ISO.
    func completion(_ params: [String: Any]) -> JSONValue? {
        guard let (document, note) = target(params), let position = params.position("position") else { return nil }
        let lines = document.lines
        guard position.line < lines.count else { return .array([]) }
        let line = lines[position.line]
        let cursor = LSPDocument.byteOffset(utf16: position.character, in: document.bytes, from: line.startIndex,
                                            to: line.endIndex)
        let before = String(decoding: document.bytes[line.startIndex..<cursor], as: UTF8.self)
        let items: [JSONValue]
        if Self.inHeader(lines, line: position.line) {
            items = headerCompletion(before, type: note?.type ?? Self.typeLine(lines), note: note, position: position)
        } else {
            items = fieldCompletion(before, note: note, position: position)
        }
        // In the order given (the most recent commitment first), not the client's alphabetical one.
        let ordered = items.enumerated().map { index, item -> JSONValue in
            guard case .object(var fields) = item else { return item }
            fields.append(("sortText", .string(LocalDate.pad(index, 4))))
            return .object(fields)
        }
        return .object([("isIncomplete", .bool(false)), ("items", .array(ordered))])
    }

    /// Whether line `line` is inside the front-matter (between the opening `---` and its close).
    static func inHeader(_ lines: [ArraySlice<UInt8>], line: Int) -> Bool {
        guard line > 0, let first = lines.first, String(decoding: first, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "---"
        else { return false }
        for index in 1..<min(line, lines.count) {
            let text = String(decoding: lines[index], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text == "---" || text == "..." { return false }
        }
        return true
    }

    /// The `type:` of a header the parser could not read (a key half typed is not YAML yet).
    static func typeLine(_ lines: [ArraySlice<UInt8>]) -> DocumentType? {
        for line in lines.dropFirst().prefix(while: { !["---", "..."].contains(String(decoding: $0, as: UTF8.self)) }) {
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("type:") else { continue }
            return DocumentType.parse(text.dropFirst(5).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private func headerCompletion(_ before: String, type: DocumentType?, note: Note?, position: LSPPosition) -> [JSONValue] {
        guard let colon = before.firstIndex(of: ":") else {
            let indent = before.prefix(while: { $0 == " " })
            guard indent.isEmpty else { return [] }
            var keys = NoteParser.commonKeys
            if let type { keys.formUnion(NoteParser.keys[type] ?? []) }
            return keys.sorted().map { key in
                item(key, kind: 10, detail: nil, insert: key + ": ", replacing: before.utf16.count, at: position)
            }
        }
        let key = before[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let typed = String(before[before.index(after: colon)...].drop(while: { $0 == " " }))
        let values: [(String, String?)]
        switch key {
        case "type": values = DocumentType.allCases.map { ($0.rawValue, nil) }
        case "status": values = type == .client ? ClientStatus.allCases.map { ($0.rawValue, nil) }
                                                      : SessionStatus.allCases.map { ($0.rawValue, nil) }
        case "mode": values = Mode.allCases.map { ($0.rawValue, nil) }
        case "decision": values = Decision.allCases.map { ($0.rawValue, nil) }
        case "fit": values = Fit.allCases.map { ($0.rawValue, nil) }
        case "client_briefed": values = TriState.allCases.map { ($0.rawValue, nil) }
        case "cancelled_by": values = Party.allCases.map { ($0.rawValue, nil) }
        case "client": values = knownClients.filter { !$0.isEmpty }.sorted().map { ($0, resolutions[$0]?.client?.status?.rawValue) }
        case "date", "next", "closed": values = dates()
        default: values = []
        }
        return values.map { value, detail in
            item(value, kind: 12, detail: detail, insert: value, replacing: typed.utf16.count, at: position)
        }
    }

    private func fieldCompletion(_ before: String, note: Note?, position: LSPPosition) -> [JSONValue] {
        guard let open = before.lastIndex(of: "["), !before[open...].contains("]") else { return [] }
        let inside = String(before[before.index(after: open)...])
        guard let separator = inside.range(of: "::") else {
            // `- [` is a checkbox being typed, not a field.
            let lead = before[..<open].trimmingCharacters(in: .whitespaces)
            let checkbox = ["-", "*", "+", ">"].contains(lead) || (lead.hasSuffix(".") && lead.dropLast().allSatisfy(\.isNumber) && !lead.isEmpty)
            guard !checkbox, inside.allSatisfy({ $0.isLetter }) else { return [] }
            let keys = NoteParser.itemKeys.map { NoteParser.itemKeySpellings[$0] ?? $0 }.sorted()
            return keys.map { key in
                item(key + "::", kind: 10, detail: nil, insert: key + ":: ", replacing: inside.utf16.count, at: position)
            }
        }
        let key = TextFold.fold(inside[..<separator.lowerBound].trimmingCharacters(in: .whitespaces))
        let typed = String(inside[separator.upperBound...].drop(while: { $0 == " " }))
        if key == "ref" {
            return openCommitments(of: note?.client ?? "").map { commitment in
                let privacy = commitment.isPrivate ? (Message(" (private)", fr: " (privé)").in(language)) : ""
                var details: [String] = []
                if let due = commitment.due { details.append((Message("due ", fr: "échéance ").in(language)) + due.description) }
                details.append((Message("owner: ", fr: "qui : ").in(language)) + commitment.owner.rawValue)
                return item(commitment.id, kind: 18, detail: commitment.text + privacy,
                            documentation: details.joined(separator: ", "),
                            insert: commitment.id, replacing: typed.utf16.count, at: position)
            }
        }
        if Self.dateKeys.contains(key) {
            return dates().map { item($0.0, kind: 12, detail: $0.1, insert: $0.0, replacing: typed.utf16.count, at: position) }
        }
        return []
    }

    static let dateKeys: Set<String> = ["due", "echeance", "done", "fait", "validated", "valide", "created", "scheduled",
                                        "start", "completion", "cancelled"]

    /// The client's commitments still open, the most recently made first.
    func openCommitments(of client: String) -> [ResolvedCommitment] {
        (resolutions[client]?.commitments ?? []).filter(\.isOpen)
            .sorted { (LocalDate.sortKey($0.made), $0.path, -$0.line) > (LocalDate.sortKey($1.made), $1.path, -$1.line) }
    }

    /// Today and the days a next date usually falls on, in ISO.
    private func dates() -> [(String, String?)] {
        let today = workspace?.today ?? DateValue.now(in: options.process.zone).date
        return [(0, Message("today", fr: "aujourd'hui").in(language)), (1, Message("tomorrow", fr: "demain").in(language)),
                (7, Message("in a week", fr: "dans une semaine").in(language)), (14, Message("in two weeks", fr: "dans deux semaines").in(language))]
            .map { (today.adding(days: $0.0).description, $0.1) }
    }

    /// A completion item whose text replaces the `replacing` UTF-16 units typed before the cursor.
    private func item(_ label: String, kind: Int, detail: String?, documentation: String? = nil, insert: String,
                      replacing typed: Int, at position: LSPPosition) -> JSONValue {
        var fields: [(String, JSONValue)] = [("label", .string(label)), ("kind", .int(kind))]
        if let detail { fields.append(("detail", .string(detail))) }
        if let documentation { fields.append(("documentation", .string(documentation))) }
        let start = LSPPosition(line: position.line, character: max(0, position.character - typed))
        fields.append(("textEdit", .object([("range", Self.range(start, position)), ("newText", .string(insert))])))
        fields.append(("filterText", .string(label)))
        return .object(fields)
    }
}
