import Foundation

extension LanguageServer {
    /// A finding as LSP shows it: from its column to the end of its line (the parser knows
    /// where a problem starts, not always where it ends), with the rule as its code.
    func lspDiagnostic(_ diagnostic: Diagnostic, in document: LSPDocument?) -> JSONValue {
        let line = max(0, diagnostic.line - 1)
        let text = document?.line(line) ?? []
        let start = LSPDocument.utf16(column: diagnostic.column, of: text)
        let end = max(start, LSPDocument.utf16Length(of: text))
        let severity: Int
        switch diagnostic.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .info: severity = 3
        }
        return .object([
            ("range", Self.range(LSPPosition(line: line, character: start), LSPPosition(line: line, character: end))),
            ("severity", .int(severity)),
            ("code", .string(diagnostic.rule)),
            ("source", .string("journal")),
            ("message", .string(diagnostic.message(in: language))),
        ])
    }

    static func range(_ start: LSPPosition, _ end: LSPPosition) -> JSONValue {
        .object([("start", start.json), ("end", end.json)])
    }

    static func location(uri: String, line: Int) -> JSONValue {
        .object([("uri", .string(uri)),
                 ("range", range(LSPPosition(line: line, character: 0), LSPPosition(line: line, character: 0)))])
    }

    /// The URI of a note of the journal, for locations and edits.
    func uri(ofNote path: String) -> String? {
        guard let root = workspace?.journal.root else { return nil }
        if let open = documents.documents.values.first(where: { $0.path == path }) { return open.uri }
        return LSPDocument.uri(ofPath: root.appendingPathComponent(path).path)
    }
}
