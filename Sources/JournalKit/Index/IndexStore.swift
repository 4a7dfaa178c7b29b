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
    static let schemaVersion = 19
    /// A file modified less than this long before the scan that read it is not trusted by the
    /// next scan even if nothing seems to have changed (git's "racy clean" rule): file systems
    /// stamp times from a coarse clock (and FAT to 2 s), so a second write within the same tick
    /// can leave size and mtime as they were.
    static let racyMargin: Int64 = 2_000_000_000
    public static let folder = ".journal"

    public let journal: Journal
    /// The open database; replaced when a damaged index is set aside and built again.
    private let handle: Handle
    var database: DatabaseQueue { handle.queue }

    /// What the index's files may be called in `.journal/`, and where a damaged one is put.
    static let fileName = "index.sqlite"
    static let companions = ["", "-wal", "-shm"]
    static let damagedSuffix = ".damaged"

    /// What the update did.
    public struct Report: Sendable {
        public var files = 0
        /// Files read from disk (new, or changed, or not to be trusted yet).
        public var read = 0
        /// Files whose content had changed and were parsed again.
        public var parsed = 0
        public var removed = 0
        public var rebuilt = false
        /// The index was damaged (or was not a database file at all): it was set aside as
        /// `.journal/index.sqlite.damaged` and built again.
        public var repaired = false
        /// Temporary files left by an interrupted write (`.NAME.PID.RANDOM.tmp`, older than a few
        /// minutes) that were removed, relative to the journal.
        public var cleaned: [String] = []
        /// Every structural problem now known in the journal, sorted.
        public var diagnostics: [Diagnostic] = []
    }

    /// Why the index could not be used at all (it is set aside and rebuilt whenever it can be).
    public enum Failure: UserFacingError, Sendable {
        case folderNotUsable(String)
        case damaged(String, String)

        public var message: Message {
            switch self {
            case .folderNotUsable(let path):
                return Message("\(path) is not a folder: delete it, and the index will be built there again",
                           fr: "\(path) n'est pas un dossier : supprimez-le, l'index y sera reconstruit")
            case .damaged(let path, let reason):
                return Message("the index \(path) is damaged and could not be set aside (\(reason)): delete the .journal/ folder, it will be built again from the notes",
                           fr: "l'index \(path) est endommagé et n'a pas pu être mis de côté (\(reason)) : supprimez le dossier .journal/, il sera reconstruit à partir des notes")
            }
        }
    }

    /// The index lives in memory for this process only: the journal or its `.journal/` cannot be
    /// written (a read-only disk or share, an archive, another user's journal). It is built from
    /// the notes as usual, and nothing is saved: commands work, only slower.
    public var inMemory: Bool { handle.inMemory }

    /// What a command says once when the index is in memory.
    public static func inMemoryNotice(in language: JournalConfig.Language) -> String {
        Message("note: the journal (or its .journal/ folder) is read-only: the index was built in memory for this command and is not saved",
             fr: "note : le journal (ou son dossier .journal/) est en lecture seule : l'index a été construit en mémoire pour cette commande et n'est pas enregistré").in(language)
    }

    public static func open(_ journal: Journal) throws -> IndexStore {
        if isReadOnly(journal.root) {
            return IndexStore(journal: journal, handle: Handle(try openMemory(), inMemory: true), repairedAtOpen: false)
        }
        let folder = try preparedFolder(journal.root)
        let ignore = folder.appendingPathComponent(".gitignore")
        var info = stat()
        if lstat(ignore.path, &info) != 0 {
            try? AtomicFile.write(Data("# derived data: never commit it\n*\n".utf8), to: ignore, overwrite: false)
        }
        let path = folder.appendingPathComponent(fileName).path
        let database = try openRepairing(path)
        return IndexStore(journal: journal, handle: Handle(database.queue), repairedAtOpen: database.repaired)
    }

    private init(journal: Journal, handle: Handle, repairedAtOpen: Bool) {
        self.journal = journal
        self.handle = handle
        if repairedAtOpen { handle.repaired = true }
    }

    /// Whether the index cannot be written where it belongs: `.journal/` (or, when it does not
    /// exist yet, the journal's folder) or the index file itself is not writable by us.
    static func isReadOnly(_ root: URL) -> Bool {
        let folder = root.appendingPathComponent(Self.folder).path
        var info = stat()
        guard lstat(folder, &info) == 0 else { return errno == ENOENT && Self.notWritable(root.path) }
        // A link or a file there is replaced by a folder, if the journal's folder can be written.
        guard info.st_mode & S_IFMT == S_IFDIR else { return Self.notWritable(root.path) }
        if Self.notWritable(folder) { return true }
        let index = folder + "/" + fileName
        return lstat(index, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Self.notWritable(index)
    }

    private static func notWritable(_ path: String) -> Bool {
        access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM)
    }

    /// An index in memory, for a journal that cannot be written.
    private static func openMemory() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.label = "journal-index-memory"
        let database = try DatabaseQueue(configuration: configuration)
        try prepare(database)
        return database
    }

    /// `.journal/` as a real folder of the journal: a symbolic link there (to a folder, or a
    /// database, elsewhere) is removed, never followed; the link's target is not touched.
    private static func preparedFolder(_ root: URL) throws -> URL {
        let folder = root.appendingPathComponent(Self.folder)
        var info = stat()
        if lstat(folder.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return folder
            case S_IFLNK: unlink(folder.path)
            default: throw Failure.folderNotUsable(Self.folder)
            }
        }
        if mkdir(folder.path, 0o755) != 0, errno != EEXIST {
            throw Failure.damaged(Self.folder + "/" + fileName, String(cString: strerror(errno)))
        }
        guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure.folderNotUsable(Self.folder)
        }
        return folder
    }

    /// Opens the index at `path`, setting aside first anything there that is not a plain file
    /// (a folder, a pipe, a device, a link: SQLite would follow a link, or block on a pipe), and
    /// then a file SQLite finds damaged.
    private static func openRepairing(_ path: String) throws -> (queue: DatabaseQueue, repaired: Bool) {
        var repaired = false
        for name in companions.map({ path + $0 }) {
            var info = stat()
            if lstat(name, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                try setAside(path)
                repaired = true
                break
            }
        }
        do {
            return (try openDatabase(path, configuration), repaired)
        } catch where isDamage(error) {
            try setAside(path)
            do {
                return (try openDatabase(path, configuration), true)
            } catch {
                // SQLite's own words (short and stable), never a dump of the error's structure.
                let reason = (error as? DatabaseError).map { $0.message ?? "SQLite \($0.resultCode.rawValue)" }
                    ?? ErrorText.describe(error, in: .en) ?? "\(type(of: error))"
                throw Failure.damaged(Self.folder + "/" + fileName, reason)
            }
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            // Derived data: a power cut may lose the last update (the next run redoes it), never
            // corrupt the file, which is all WAL with NORMAL promises; it saves an fsync per commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.label = "journal-index"
        return configuration
    }

    /// Errors that say the index file itself is unusable, rather than that the work failed.
    static func isDamage(_ error: any Error) -> Bool {
        if error is DecodingError || error is RowDecodingError { return true }
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_FORMAT,
                .SQLITE_MISMATCH].contains(error.resultCode)
    }

    /// Moves the index and its companion files to `index.sqlite.damaged…` (replacing an earlier
    /// damaged copy), by name: a link is moved as a link, never followed.
    private static func setAside(_ path: String) throws {
        for suffix in companions {
            let damaged = path + damagedSuffix + suffix
            var info = stat()
            if lstat(damaged, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFDIR { try? FileManager.default.removeItem(atPath: damaged) } else { unlink(damaged) }
            }
            if lstat(path + suffix, &info) == 0, rename(path + suffix, damaged) != 0 {
                throw Failure.damaged(Self.folder + "/" + fileName, String(cString: strerror(errno)))
            }
        }
    }

    /// Runs `body`; if the index turns out to be damaged, sets it aside, builds it again from the
    /// notes, and runs `body` once more on the new one.
    func repairing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch where Self.isDamage(error) {
            try repair()
            _ = try updateOnce(rebuild: true, progress: nil)
            return try body()
        }
    }

    private func repair() throws {
        if handle.inMemory {
            try handle.replace { _ in try Self.openMemory() }
            return
        }
        try handle.replace {
            try? $0.close()
            let path = journal.root.appendingPathComponent(Self.folder).appendingPathComponent(Self.fileName).path
            try Self.setAside(path)
            return try Self.openRepairing(path).queue
        }
    }

    /// Several runs that open a new index at the same moment (two `journal new`, a script) meet
    /// in SQLite's switch to WAL, which answers "database is locked" at once instead of waiting
    /// for the busy timeout: the open is tried again for a few seconds, as the timeout would.
    private static func openDatabase(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
        var attempts = 0
        while true {
            do {
                return try openDatabaseOnce(path, configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempts < 400 {
                attempts += 1
                usleep(25_000)
            }
        }
    }

    private static func openDatabaseOnce(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
        let database = try DatabaseQueue(path: path, configuration: configuration)
        try prepare(database)
        return database
    }

    private static func prepare(_ database: DatabaseQueue) throws {
        try database.write { db in
            // An index written by another version of journal is dropped whole: it is derived
            // data, and its tables may not have the columns this version needs.
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version != schemaVersion {
                for table in ["meta", "files", "records", "resolutions", "diagnostics", "search", "search_files"] {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
                }
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
            }
            try createSchema(db)
        }
    }

    private var fingerprint: String {
        journal.configData.withUnsafeBytes { ContentHash.of($0) } + "-\(Self.schemaVersion)"
    }

    // MARK: Update

    /// `progress` is called from worker threads with the number of files read so far and the
    /// number to read: the command line shows it on a terminal when the work is long.
    ///
    /// A damaged index (SQLite reports it malformed, or what it stored cannot be decoded) is set
    /// aside and built again from the notes: derived data never stops a command.
    public func update(rebuild: Bool = false,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Report {
        var report: Report
        do {
            report = try updateOnce(rebuild: rebuild, progress: progress)
        } catch where Self.isDamage(error) {
            try repair()
            report = try updateOnce(rebuild: true, progress: progress)
        }
        if handle.takeRepaired() { report.repaired = true }
        return report
    }

    private func updateOnce(rebuild: Bool,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> Report {
        // Taken before the walk: every file stat'ed below was seen no earlier than this.
        let scanned = Self.clock()
        let walked = FileWalker(root: journal.root).walk()
        var report = Report()
        report.cleaned = Self.removeStaleTemporaries(walked.temporaries, root: journal.root)
        report.files = walked.entries.count
        let parser = NoteParser(aliases: journal.config.headingAliases, zone: journal.config.timezone, tasks: journal.config.tasks)
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
        let candidates = walked.entries.filter { !(baseline[ExactPath($0.path)]?.matches($0) ?? false) }
        report.read = candidates.count
        // Nothing new, nothing changed, nothing removed: no need for the write lock at all.
        if !rebuilding, candidates.isEmpty, walked.entries.count == before.count {
            report.diagnostics = (try storedDiagnostics() + walked.diagnostics + journal.config.diagnostics).sorted()
            return report
        }
        let results = Self.readAndParse(candidates, previousHashes: candidates.map { baseline[ExactPath($0.path)]?.hash },
                                        root: journal.root, parser: parser, progress: progress)
        try database.inTransaction(.immediate) { db in
            if rebuilding {
                report.rebuilt = true
                for table in ["files", "records", "resolutions", "diagnostics", "search", "search_files"] {
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
            var fresh: [ExactPath: Note] = [:]
            for (entry, result) in zip(candidates, results) {
                let old = current[ExactPath(entry.path)]
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
                    fresh[ExactPath(entry.path)] = note
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO files(path, size, modified, changed, inode, verified, hash, client, case_file, names, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [entry.path, entry.size, entry.modified, entry.changed,
                                    Int64(bitPattern: entry.inode), scanned, hash, group,
                                    note.type == .client, note.personWords.sorted().joined(separator: " "), encoded])
                    try db.execute(sql: "DELETE FROM diagnostics WHERE scope = ?", arguments: ["file:" + entry.path])
                    try Self.insert(note.diagnostics, scope: "file:" + entry.path, db)
                    // The search table changes in the same transaction as the note's own rows.
                    try Self.replaceSearchLines(of: note, path: entry.path, zone: journal.config.timezone, db)
                }
            }
            let present = Set(walked.entries.map { ExactPath($0.path) })
            for (key, old) in current where !present.contains(key) {
                let path = old.path
                report.removed += 1
                affected.insert(old.client)
                try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
                try db.execute(sql: "DELETE FROM diagnostics WHERE scope = ?", arguments: ["file:" + path])
                try Self.replaceSearchLines(of: nil, path: path, zone: journal.config.timezone, db)
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
        report.diagnostics = try storedDiagnostics() + walked.diagnostics + journal.config.diagnostics
        report.diagnostics.sort()
        return report
    }

    /// A path compared byte for byte. Swift's strings are equal up to canonical equivalence,
    /// so that a note renamed from its decomposed name (macOS) to its composed one would still
    /// be found under its old key, and its old row never removed: the files of the index and of
    /// the disk are matched by their bytes, as SQLite and the file system match them.
    struct ExactPath: Hashable, Sendable {
        let bytes: [UInt8]
        init(_ path: String) { bytes = Array(path.utf8) }
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
        /// As stored, byte for byte.
        var path = ""

        /// Whether the file can be taken as unchanged without reading it: the same size,
        /// mtime (to the nanosecond), ctime and inode, and an mtime far enough before the scan
        /// that read it that a write in the same clock tick cannot hide behind it.
        func matches(_ entry: FileWalker.Entry) -> Bool {
            size == entry.size && modified == entry.modified && changed == entry.changed
                && inode == entry.inode && entry.modified < verified - IndexStore.racyMargin
        }
    }

    private static func fileStates(_ db: Database) throws -> [ExactPath: FileState] {
        var states: [ExactPath: FileState] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified, changed, inode, verified, hash, client FROM files")
        while let row = try rows.next() {
            // Decoded with `decode`, which throws, rather than by subscript, which stops the
            // program on a value of the wrong type: a damaged index must be repairable.
            let inode = try row.decode(Int64.self, forColumn: "inode")
            let path = try row.decode(String.self, forColumn: "path")
            states[ExactPath(path)] = FileState(
                size: try row.decode(forColumn: "size"), modified: try row.decode(forColumn: "modified"),
                changed: try row.decode(forColumn: "changed"), inode: UInt64(bitPattern: inode),
                verified: try row.decode(forColumn: "verified"), hash: try row.decode(forColumn: "hash"),
                client: try row.decode(forColumn: "client"), path: path)
        }
        return states
    }

    /// Removes the stale temporary files the walk saw in the note folders, and those in the
    /// folders it does not enter but we write to (`.journal/`, `exports/`), at their top level.
    static func removeStaleTemporaries(_ walked: [String], root: URL) -> [String] {
        var relative = walked
        for folder in [Self.folder, "exports"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            relative += names.filter(AtomicFile.isTemporaryName).map { folder + "/" + $0 }
        }
        let removed = Set(AtomicFile.removeStale(relative.map { root.appendingPathComponent($0).path }))
        return relative.filter { removed.contains(root.appendingPathComponent($0).path) }.sorted()
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

    private static func notes(of client: String, fresh: [ExactPath: Note], _ db: Database) throws -> [Note] {
        var notes: [Note] = []
        for row in try Row.fetchAll(db, sql: "SELECT path, note FROM files WHERE client = ?", arguments: [client]) {
            let path = try row.decode(String.self, forColumn: "path")
            if let note = fresh[ExactPath(path)] {
                notes.append(note)
            } else {
                let data = try row.decode(Data.self, forColumn: "note")
                notes.append(try decoder.decode(Note.self, from: data))
            }
        }
        return notes
    }

    /// A client's resolution with its rows already rendered, ready to be written.
    private struct Prepared: Sendable {
        var rows: [IndexJSON.Record] = []
        var encoded: Data
        var diagnostics: [Diagnostic]

        init(_ resolution: ClientResolution) {
            rows = IndexJSON.records(of: resolution)
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
                hash TEXT NOT NULL, client TEXT NOT NULL, case_file INTEGER NOT NULL, names TEXT NOT NULL, note BLOB NOT NULL);
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
        try createSearchSchema(db)
    }

    static let encoder = JSONEncoder()
    static let decoder = JSONDecoder()

    // MARK: Reading

    /// The structural diagnostics stored by the last update.
    public func diagnostics() throws -> [Diagnostic] {
        try repairing { try storedDiagnostics() }
    }

    private func storedDiagnostics() throws -> [Diagnostic] {
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
                try Self.decoder.decode(ClientResolution.self, from: $0)
            }
        } }
    }

    /// The stored notes of one client ("" for notes of no client), and the clients with a case
    /// file: what the staged check needs to see a note with its whole case.
    func notes(ofClient client: String) throws -> [Note] {
        try repairing { try database.read { try Self.notes(of: client, fresh: [:], $0) } }
    }

    /// Every journal document, sorted by date (undated first) then path.
    func documents() throws -> [Note] {
        let zone = journal.config.timezone
        let blobs = try repairing { try database.read { try Data.fetchAll($0, sql: "SELECT note FROM files ORDER BY path") } }
        // Decoding thousands of notes is most of a full lint: on every core.
        let notes = Parallel.map(blobs.count) { index in try? JSONDecoder().decode(Note.self, from: blobs[index]) }
        return notes.compactMap { $0 }.filter { $0.type != nil }.sorted(by: Note.journalOrder(zone))
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
            }.map { try Self.decoder.decode(ClientResolution.self, from: $0) }
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

/// The index's open database, shared by the copies of one `IndexStore`, and replaced when a
/// damaged index is set aside.
final class Handle: @unchecked Sendable {
    private var current: DatabaseQueue
    private var wasRepaired = false
    private let lock = NSLock()
    let inMemory: Bool

    init(_ queue: DatabaseQueue, inMemory: Bool = false) {
        current = queue
        self.inMemory = inMemory
    }

    var queue: DatabaseQueue { lock.withLock { current } }

    var repaired: Bool {
        get { lock.withLock { wasRepaired } }
        set { lock.withLock { wasRepaired = newValue } }
    }

    /// Whether a repair happened since the last call.
    func takeRepaired() -> Bool {
        lock.withLock {
            defer { wasRepaired = false }
            return wasRepaired
        }
    }

    func replace(_ make: (DatabaseQueue) throws -> DatabaseQueue) throws {
        try lock.withLock {
            current = try make(current)
            wasRepaired = true
        }
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
