import GRDB

extension IndexStore {
    /// The files of a client's folder that could not be read in full: over the size cap, a body
    /// of too many blocks, a header that is not YAML. Such a file has no client of its own (its
    /// header was not read), so it is found by its folder; a summary or a report that left it
    /// out without saying so would count sessions that are not there.
    func unreadNotes(ofClient client: String) throws -> [String] {
        let paths = try repairing {
            try database.read {
                try String.fetchAll($0, sql: """
                    SELECT DISTINCT path FROM diagnostics
                    WHERE severity = ? AND rule IN (?, ?) AND scope LIKE 'file:clients/%'
                    """, arguments: [Diagnostic.Severity.error.rawValue, Rule.fileUnreadable.rawValue, Rule.frontmatterInvalid.rawValue])
            }
        }
        return paths.filter { NoteParser.clientFolder(of: $0) == client }.sorted()
    }
}
