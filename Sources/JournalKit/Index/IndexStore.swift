import Foundation
import GRDB

/// The derived index under `.journal/`: one SQLite file, updated incrementally and rebuildable
/// at any time.
///
/// Per file it keeps size, mtime, a content hash and the parsed `Note`; per client, the resolved
/// rows of the JSON contract, pre-rendered, so that `index --json` is a sorted read. A change to
/// one note re-resolves only the clients that note belongs (or belonged) to.
public struct IndexStore: Sendable {
    /// Bump when what is stored changes meaning: the index is then rebuilt from the notes.
    static let schemaVersion = 6
    /// A file modified less than this long before the scan that read it is not trusted by the
    /// next scan even if nothing seems to have changed (git's "racy clean" rule): file systems
    /// stamp times from a coarse clock (and FAT to 2 s), so a second write within the same tick
    /// can leave size and mtime as they were.
    static let racyMargin: Int64 = 2_000_000_000
    public static let folder = ".journal"

    public let journal: Journal
    let database: DatabaseQueue

    /// What an update did.
    public struct Report: Sendable {
        public var files = 0
        /// Files read from disk (new, or size/mtime changed).
        public var read = 0
        /// Files whose content had changed and were parsed again.
        public var parsed = 0
        public var removed = 0
        public var rebuilt = false
        /// Every structural problem now known in the journal, sorted.
        public var diagnostics: [Diagnostic] = []
    }

    public static func open(_ journal: Journal) throws -> IndexStore {
        let folder = journal.root.appendingPathComponent(Self.folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ignore = folder.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try? AtomicFile.write(Data("# derived data: never commit it\n*\n".utf8), to: ignore, overwrite: false)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            // Derived data: a power cut may lose the last update (the next run redoes it), never
            // corrupt the file, which is all WAL with NORMAL promises; it saves an fsync per commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.label = "journal-index"
        let path = folder.appendingPathComponent("index.sqlite").path
        let database: DatabaseQueue
        do {
            database = try openDatabase(path, configuration)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            // The index is derived data: a damaged one is deleted and built again from the notes.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            database = try openDatabase(path, configuration)
        }
        return IndexStore(journal: journal, database: database)
    }

    private static func openDatabase(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
        let database = try DatabaseQueue(path: path, configuration: configuration)
        try database.write { db in
            // An index written by another version of journal is dropped whole: it is derived
            // data, and its tables may not have the columns this version needs.
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version != schemaVersion {
                for table in ["meta", "files", "records", "resolutions", "diagnostics"] {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
                }
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
            }
            try createSchema(db)
        }
        return database
    }

    private var fingerprint: String {
        journal.configData.withUnsafeBytes { ContentHash.of($0) } + "-\(Self.schemaVersion)"
    }

    // MARK: Update

    /// `progress` is called from worker threads with the number of files read so far and the
    /// number to read: the command line shows it on a terminal when the work is long.
    public func update(rebuild: Bool = false,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Report {
        // Taken before the walk: every file stat'ed below was seen no earlier than this.
        let scanned = Self.clock()
        let walked = FileWalker(root: journal.root).walk()
        var report = Report()
        report.files = walked.entries.count
        let parser = NoteParser(aliases: journal.config.headingAliases)
        let resolver = Resolver(zone: journal.config.timezone)
        let fingerprint = self.fingerprint
        // Reading and parsing happen outside the write lock, on every core; the lock is taken
        // only to store the results, so a second process waits for milliseconds, not seconds.
        let (stored, generation, before) = try database.read { db in
            (try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fingerprint'"),
             try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'"),
             try Self.fileStates(db))
        }
        let rebuilding = rebuild || stored != fingerprint
        let baseline = rebuilding ? [:] : before
        let candidates = walked.entries.filter { !(baseline[$0.path]?.matches($0) ?? false) }
        report.read = candidates.count
        // Nothing new, nothing changed, nothing removed: no need for the write lock at all.
        if !rebuilding, candidates.isEmpty, walked.entries.count == before.count {
            report.diagnostics = (try diagnostics() + walked.diagnostics + journal.config.diagnostics).sorted()
            return report
        }
        let results = Self.readAndParse(candidates, previousHashes: candidates.map { baseline[$0.path]?.hash },
                                        root: journal.root, parser: parser, progress: progress)
        try database.inTransaction(.immediate) { db in
            if rebuilding {
                report.rebuilt = true
                for table in ["files", "records", "resolutions", "diagnostics"] {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('fingerprint', ?)",
                               arguments: [fingerprint])
            }
            // Another process may have stored some of these files since the read above: the
            // generation, bumped by every update, tells whether the files must be read again.
            let now = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'")
            let current = rebuilding ? [:] : (now == generation ? before : try Self.fileStates(db))
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)",
                           arguments: [String((Int(now ?? "0") ?? 0) + 1)])
            var affected = Set<String>()
            var fresh: [String: Note] = [:]
            for (entry, result) in zip(candidates, results) {
                let old = current[entry.path]
                if old?.matches(entry) == true { continue }
                if let old { affected.insert(old.client) }
                switch result {
                case .unchanged:
                    try db.execute(sql: "UPDATE files SET size = ?, modified = ?, changed = ?, inode = ?, verified = ? WHERE path = ?",
                                   arguments: [entry.size, entry.modified, entry.changed, Int64(bitPattern: entry.inode),
                                               scanned, entry.path])
                case .parsed(let note, let hash, let encoded):
                    report.parsed += 1
                    let group = note.client ?? ""
                    affected.insert(group)
                    fresh[entry.path] = note
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO files(path, size, modified, changed, inode, verified, hash, client, case_file, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [entry.path, entry.size, entry.modified, entry.changed,
                                    Int64(bitPattern: entry.inode), scanned, hash, group,
                                    note.type == .client, encoded])
                    try db.execute(sql: "DELETE FROM diagnostics WHERE scope = ?", arguments: ["file:" + entry.path])
                    try Self.insert(note.diagnostics, scope: "file:" + entry.path, db)
                }
            }
            let present = Set(walked.entries.map(\.path))
            for (path, old) in current where !present.contains(path) {
                report.removed += 1
                affected.insert(old.client)
                try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
                try db.execute(sql: "DELETE FROM diagnostics WHERE scope = ?", arguments: ["file:" + path])
            }
            if !affected.isEmpty {
                let knownClients = Set(try String.fetchAll(
                    db, sql: "SELECT DISTINCT client FROM files WHERE case_file = 1"))
                let clients = affected.sorted()
                let notes = try clients.map { try Self.notes(of: $0, fresh: fresh, db) }
                // Resolving and rendering are pure: on every core; only the writes are serial.
                let prepared = Parallel.map(clients.count) { index in
                    Prepared(resolver.resolve(client: clients[index].isEmpty ? nil : clients[index],
                                              notes: notes[index], knownClients: knownClients))
                }
                for (client, rows) in zip(clients, prepared) {
                    try Self.store(rows, client: client, db)
                }
            }
            return .commit
        }
        report.diagnostics = try diagnostics() + walked.diagnostics + journal.config.diagnostics
        report.diagnostics.sort()
        return report
    }

    /// What the index stored about a file.
    struct FileState: Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
        /// When the scan that last read the file began (nanoseconds since 1970).
        var verified: Int64
        var hash: String
        var client: String

        /// Whether the file can be taken as unchanged without reading it: the same size,
        /// mtime (to the nanosecond), ctime and inode, and an mtime far enough before the scan
        /// that read it that a write in the same clock tick cannot hide behind it.
        func matches(_ entry: FileWalker.Entry) -> Bool {
            size == entry.size && modified == entry.modified && changed == entry.changed
                && inode == entry.inode && entry.modified < verified - IndexStore.racyMargin
        }
    }

    private static func fileStates(_ db: Database) throws -> [String: FileState] {
        var states: [String: FileState] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified, changed, inode, verified, hash, client FROM files")
        while let row = try rows.next() {
            let inode: Int64 = row["inode"]
            states[row["path"]] = FileState(size: row["size"], modified: row["modified"], changed: row["changed"],
                                            inode: UInt64(bitPattern: inode), verified: row["verified"],
                                            hash: row["hash"], client: row["client"])
        }
        return states
    }

    /// The wall clock, in nanoseconds since 1970, as file times are.
    static func clock() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    private enum ReadResult: Sendable {
        case unchanged
        case parsed(Note, hash: String, encoded: Data)
    }

    /// Reads, parses and encodes files on every core. A file that cannot be read becomes a note
    /// with a diagnostic, so that it is reported and retried when it changes.
    private static func readAndParse(_ entries: [FileWalker.Entry], previousHashes: [String?],
                                     root: URL, parser: NoteParser,
                                     progress: (@Sendable (Int, Int) -> Void)?) -> [ReadResult] {
        let done = ResultBox<Int>(count: 1, initial: 0)
        return Parallel.map(entries.count) { index -> ReadResult in
            defer {
                if let progress { progress(done.increment() + 1, entries.count) }
            }
            let entry = entries[index]
            let url = root.appendingPathComponent(entry.path)
            if entry.size > SourceText.maximumBytes {
                // Known from the folder scan: refused without reading it into memory.
                var note = Note(path: entry.path)
                note.diagnostics.append(NoteParser.diagnostic(for: .tooLarge(bytes: Int(entry.size)), path: entry.path))
                return .parsed(note, hash: "size-\(entry.size)", encoded: note.storageData())
            }
            guard let data = try? Data(contentsOf: url) else {
                var note = Note(path: entry.path)
                note.diagnostics.append(Diagnostic(
                    path: entry.path, line: 1, column: 1, severity: .error, rule: Rule.fileUnreadable,
                    Message("the file could not be read (check its permissions)",
                            fr: "le fichier n'a pas pu être lu (vérifiez ses droits)")))
                return .parsed(note, hash: "", encoded: note.storageData())
            }
            let hash = data.withUnsafeBytes { ContentHash.of($0) }
            if hash == previousHashes[index] { return .unchanged }
            let note = parser.parse(data: data, path: entry.path)
            return .parsed(note, hash: hash, encoded: note.storageData())
        }
    }

    private static func notes(of client: String, fresh: [String: Note], _ db: Database) throws -> [Note] {
        var notes: [Note] = []
        for row in try Row.fetchAll(db, sql: "SELECT path, note FROM files WHERE client = ?", arguments: [client]) {
            let path: String = row["path"]
            if let note = fresh[path] {
                notes.append(note)
            } else {
                let data: Data = row["note"]
                notes.append(try decoder.decode(Note.self, from: data))
            }
        }
        return notes
    }

    /// A client's resolution with its rows already rendered, ready to be written.
    private struct Prepared: Sendable {
        var rows: [(kind: String, sortKey: Double, path: String, line: Int, json: String)] = []
        var encoded: Data
        var diagnostics: [Diagnostic]

        init(_ resolution: ClientResolution) {
            if let found = resolution.client {
                rows.append(("client", 0, found.id, 0, found.json.rendered(level: 2)))
            }
            for d in resolution.documents { rows.append(("document", d.sortKey, d.path, 0, d.json.rendered(level: 2))) }
            for o in resolution.objectives { rows.append(("objective", 0, o.path, o.line, o.json.rendered(level: 2))) }
            for c in resolution.commitments { rows.append(("commitment", 0, c.path, c.line, c.json.rendered(level: 2))) }
            for a in resolution.appointments { rows.append(("appointment", a.sortKey, a.path, 0, a.json.rendered(level: 2))) }
            encoded = (try? JSONEncoder().encode(resolution)) ?? Data()
            diagnostics = resolution.diagnostics
        }
    }

    private static func store(_ prepared: Prepared, client: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM records WHERE client = ?", arguments: [client])
        try db.execute(sql: "DELETE FROM resolutions WHERE client = ?", arguments: [client])
        try db.execute(sql: "DELETE FROM diagnostics WHERE scope = ?", arguments: ["client:" + client])
        let record = try db.cachedStatement(sql: """
            INSERT INTO records(kind, client, sort_key, path, line, json) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in prepared.rows {
            try record.execute(arguments: [row.kind, client, row.sortKey, row.path, row.line, row.json])
        }
        try db.execute(sql: "INSERT INTO resolutions(client, data) VALUES (?, ?)",
                       arguments: [client, prepared.encoded])
        try insert(prepared.diagnostics, scope: "client:" + client, db)
    }

    private static func insert(_ diagnostics: [Diagnostic], scope: String, _ db: Database) throws {
        guard !diagnostics.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO diagnostics(scope, path, line, col, severity, rule, message, french) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for d in diagnostics {
            try statement.execute(arguments: [scope, d.path, d.line, d.column, d.severity.rawValue, d.rule, d.message, d.french])
        }
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS files(
                path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL,
                changed INTEGER NOT NULL, inode INTEGER NOT NULL, verified INTEGER NOT NULL,
                hash TEXT NOT NULL, client TEXT NOT NULL, case_file INTEGER NOT NULL, note BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS files_client ON files(client);
            CREATE TABLE IF NOT EXISTS records(
                kind TEXT NOT NULL, client TEXT NOT NULL, sort_key REAL NOT NULL, path TEXT NOT NULL,
                line INTEGER NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS records_client ON records(client);
            CREATE INDEX IF NOT EXISTS records_order ON records(kind, sort_key, path, line);
            CREATE TABLE IF NOT EXISTS resolutions(client TEXT PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS diagnostics(
                scope TEXT NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
                severity TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL, french TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS diagnostics_scope ON diagnostics(scope);
            """)
    }

    static let encoder = JSONEncoder()
    static let decoder = JSONDecoder()

    // MARK: Reading

    /// The structural diagnostics stored by the last update.
    public func diagnostics() throws -> [Diagnostic] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT path, line, col, severity, rule, message, french FROM diagnostics").map { row in
                Diagnostic(path: row["path"], line: row["line"], column: row["col"],
                           severity: Diagnostic.Severity(rawValue: row["severity"]) ?? .error,
                           rule: row["rule"], message: row["message"], french: row["french"])
            }
        }
    }

    /// The index as the JSON document of FORMAT.md section 5, byte for byte the same for the
    /// same journal.
    public func json() throws -> String {
        try database.read { db in
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
        }
    }

    /// Every client's resolution, for the commands that work from the index.
    func resolutions() throws -> [ClientResolution] {
        try database.read { db in
            try Data.fetchAll(db, sql: "SELECT data FROM resolutions ORDER BY client").map {
                try Self.decoder.decode(ClientResolution.self, from: $0)
            }
        }
    }

    /// The stored notes of one client ("" for notes of no client), and the clients with a case
    /// file: what the staged check needs to see a note with its whole case.
    func notes(ofClient client: String) throws -> [Note] {
        try database.read { try Self.notes(of: client, fresh: [:], $0) }
    }

    /// Every journal document, sorted by date (undated first) then path.
    func documents() throws -> [Note] {
        let zone = journal.config.timezone
        let blobs = try database.read { try Data.fetchAll($0, sql: "SELECT note FROM files ORDER BY path") }
        // Decoding thousands of notes is most of a full lint: on every core.
        let notes = Parallel.map(blobs.count) { index in try? JSONDecoder().decode(Note.self, from: blobs[index]) }
        return notes.compactMap { $0 }.filter { $0.type != nil }.sorted(by: LintEngine.order(zone))
    }

    /// The clients (groups) whose files match `include`.
    func clients(ofPaths include: (String) -> Bool) throws -> Set<String> {
        try database.read { db in
            Set(try Row.fetchAll(db, sql: "SELECT path, client FROM files").compactMap { row -> String? in
                include(row["path"]) ? row["client"] : nil
            })
        }
    }

    /// The stored resolutions of some clients only.
    func resolutions(of clients: Set<String>) throws -> [ClientResolution] {
        try database.read { db in
            try clients.sorted().compactMap { client in
                try Data.fetchOne(db, sql: "SELECT data FROM resolutions WHERE client = ?", arguments: [client])
            }.map { try Self.decoder.decode(ClientResolution.self, from: $0) }
        }
    }

    func clientsWithCaseFile() throws -> Set<String> {
        try database.read { Set(try String.fetchAll($0, sql: "SELECT DISTINCT client FROM files WHERE case_file = 1")) }
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

/// Results written by many threads at distinct indices, then read once they have all finished.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value]
    private let lock = NSLock()

    init(count: Int, initial: Value) {
        storage = Array(repeating: initial, count: count)
    }

    subscript(index: Int) -> Value {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage } }

    func lockedUpdate<T>(_ body: (inout Value) -> T) -> T {
        lock.withLock { body(&storage[0]) }
    }
}
