import Foundation
import GRDB

extension IndexStore {

    // MARK: Reading

    /// The structural diagnostics stored by the last update.
    public func diagnostics() throws -> [Diagnostic] {
        try repairing { try storedDiagnostics() }
    }

    func storedDiagnostics() throws -> [Diagnostic] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT path, line, col, severity, rule, message, french FROM diagnostics").map { row in
                Diagnostic(path: try row.decode(forColumn: "path"), line: try row.decode(forColumn: "line"),
                           column: try row.decode(forColumn: "col"),
                           severity: Diagnostic.Severity(rawValue: try row.decode(forColumn: "severity")) ?? .error,
                           rule: try row.decode(forColumn: "rule"), message: try row.decode(forColumn: "message"),
                           french: try row.decode(forColumn: "french"))
            }
        }
    }

    /// The index as the JSON document of docs/format.md ("The index and its JSON"), byte for byte the same for the
    /// same journal.
    public func json() throws -> String {
        try repairing { try database.read { db in
            var out = "{\n  \"schema\": 1"
            let sections: [(String, String, String)] = [
                ("clients", "client", "path"),
                ("documents", "document", "sort_key, path"),
                ("objectives", "objective", "path, line"),
                ("commitments", "commitment", "path, line"),
                ("appointments", "appointment", "sort_key, path"),
            ]
            for (name, kind, order) in sections {
                let rows = try String.fetchAll(
                    db, sql: "SELECT json FROM records WHERE kind = ? ORDER BY \(order), json", arguments: [kind])
                out += ",\n  \"\(name)\": "
                if rows.isEmpty {
                    out += "[]"
                } else {
                    out += "[\n    " + rows.joined(separator: ",\n    ") + "\n  ]"
                }
            }
            return out + "\n}\n"
        } }
    }

    /// Every client's resolution, for the commands that work from the index.
    func resolutions() throws -> [ClientResolution] {
        try repairing { try database.read { db in
            try Data.fetchAll(db, sql: "SELECT data FROM resolutions ORDER BY client").map {
                try ClientResolution(storage: $0)
            }
        } }
    }

    /// The stored notes of one client ("" for notes of no client), and the clients with a case
    /// file: what the staged check needs to see a note with its whole case.
    func notes(ofClient client: String) throws -> [Note] {
        try repairing { try database.read { try Self.notes(of: client, $0) } }
    }

    /// Every journal document, sorted by date (undated first) then path.
    func documents() throws -> [Note] {
        let zone = journal.config.timezone
        return try repairing {
            let blobs = try database.read { try Data.fetchAll($0, sql: "SELECT data FROM notes ORDER BY path") }
            // Decoding is a walk over each note's bytes; thousands of them still go on every core.
            let notes = Parallel.map(blobs.count) { index in Result { try Note(storage: blobs[index]) } }
            // Sorted on keys computed once: an instant costs a look-up in the time zone's rules,
            // which a comparison inside the sort made some n log n times.
            let documents = try notes.map { try $0.get() }.filter { $0.type != nil }
            let keys = documents.map(Note.journalSortKey(zone))
            return documents.indices.sorted { (keys[$0], documents[$0].path) < (keys[$1], documents[$1].path) }
                .map { documents[$0] }
        }
    }

    /// Every word of a person's name anywhere in the journal's documents (`Note.personWords`),
    /// read from one column rather than by decoding every note.
    func personWords() throws -> Set<String> {
        let rows = try repairing { try database.read { try String.fetchAll($0, sql: "SELECT names FROM files") } }
        var words = Set<String>()
        for row in rows { words.formUnion(row.split(separator: " ").map(String.init)) }
        return words
    }

    /// The clients (groups) whose files match `include`.
    func clients(ofPaths include: (String) -> Bool) throws -> Set<String> {
        try repairing { try database.read { db in
            Set(try Row.fetchAll(db, sql: "SELECT path, client FROM files").compactMap { row -> String? in
                include(try row.decode(forColumn: "path")) ? try row.decode(String.self, forColumn: "client") : nil
            })
        } }
    }

    /// The stored resolutions of some clients only.
    func resolutions(of clients: Set<String>) throws -> [ClientResolution] {
        try repairing { try database.read { db in
            try clients.sorted().compactMap { client in
                try Data.fetchOne(db, sql: "SELECT data FROM resolutions WHERE client = ?", arguments: [client])
            }.map { try ClientResolution(storage: $0) }
        } }
    }

    func clientsWithCaseFile() throws -> Set<String> {
        try repairing { try database.read { Set(try String.fetchAll($0, sql: "SELECT DISTINCT client FROM files WHERE case_file = 1")) } }
    }

    /// All commitments, sorted by client, then path and line.
    public func commitments() throws -> [ResolvedCommitment] {
        try clientsAndCommitments().commitments
    }

    public func clients() throws -> [ResolvedClient] {
        try clientsAndCommitments().clients
    }

    /// Both, from one read of the stored resolutions.
    public func clientsAndCommitments() throws -> (clients: [ResolvedClient], commitments: [ResolvedCommitment]) {
        let all = try resolutions()
        return (all.compactMap(\.client),
                all.flatMap(\.commitments).sorted { ($0.client ?? "", $0.path, $0.line) < ($1.client ?? "", $1.path, $1.line) })
    }

    public func appointments() throws -> [Appointment] {
        try resolutions().flatMap(\.appointments).sorted { ($0.sortKey, $0.path) < ($1.sortKey, $1.path) }
    }
}
