import Foundation
import GRDB

extension IndexStore {
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

    /// Files read, parsed and written per batch: workers parse the next batch while SQLite
    /// writes this one, and no more than two batches of notes are in memory at once.
    static let batchSize = 256
    /// SQLite's page cache during a rebuild, in KiB (its default is 2,000).
    static let rebuildCacheKiB = 32 * 1024
    /// Clients resolved and written per batch, for the same reason.
    static let clientBatchSize = 64

    func updateOnce(rebuild: Bool,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> Report {
        // Taken before the walk: every file stat'ed below was seen no earlier than this.
        let scanned = Self.clock()
        let walked = FileWalker(root: journal.root).walk()
        var report = Report()
        report.cleaned = Self.removeStaleTemporaries(walked.temporaries, root: journal.root)
        report.files = walked.entries.count
        let parser = NoteParser(aliases: journal.config.headingAliases, zone: journal.config.timezone, tasks: journal.config.tasks)
        let resolver = Resolver(zone: journal.config.timezone)
        let zone = journal.config.timezone
        let fingerprint = self.fingerprint
        let root = journal.root.path
        // Only the narrow table of file states is read to decide what changed: no note is.
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
        try database.inTransaction(.immediate) { db in
            if rebuilding {
                report.rebuilt = true
                // A larger page cache for the load, back to SQLite's default after: the tables
                // and indexes being filled stay in memory instead of being spilled to the WAL
                // again and again (SQLite alone took 7 % less CPU for the same rows).
                try db.execute(sql: "PRAGMA cache_size = -\(Self.rebuildCacheKiB)")
                // Emptied whole (SQLite truncates a table deleted without a condition), inside
                // the locked transaction: a reader sees the old index or the new one.
                for table in ["files", "notes", "records", "resolutions", "diagnostics", "search", "search_files"] {
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
            let work = candidates.filter { current[ExactPath($0.path)]?.matches($0) != true }
            let previous = work.map { current[ExactPath($0.path)] }
            var writer = try Writer(db, rebuilding: rebuilding, zone: zone)
            var affected = Set<String>()
            // Reading and parsing run on the worker threads, one batch ahead of the writes.
            let done = Locked(0)
            let total = work.count
            func start(_ batch: Int) -> Parallel.Pending<ReadResult> {
                let low = batch * Self.batchSize, high = min(total, low + Self.batchSize)
                let entries = Array(work[low..<high]), hashes = previous[low..<high].map { $0?.hash }
                return Parallel.start(entries.count) { index in
                    defer {
                        if let progress { progress(done.increment() + 1, total) }
                    }
                    return Self.readAndParse(entries[index], previousHash: hashes[index], root: root, parser: parser)
                }
            }
            let batches = (total + Self.batchSize - 1) / Self.batchSize
            var pending = batches > 0 ? start(0) : nil
            // A failed write leaves no worker running past the transaction.
            defer { _ = pending?.wait() }
            for batch in 0..<batches {
                let results = pending!.wait()
                pending = batch + 1 < batches ? start(batch + 1) : nil
                let low = batch * Self.batchSize
                for (offset, result) in results.enumerated() {
                    let entry = work[low + offset]
                    let old = previous[low + offset]
                    if let old { affected.insert(old.client) }
                    switch result {
                    case .unchanged:
                        try writer.touch(entry, verified: scanned)
                    case .parsed(let parsed):
                        report.parsed += 1
                        affected.insert(parsed.note.client ?? "")
                        try writer.store(parsed, entry: entry, verified: scanned)
                    }
                }
            }
            let present = Set(walked.entries.map { ExactPath($0.path) })
            for (key, old) in current where !present.contains(key) {
                report.removed += 1
                affected.insert(old.client)
                try writer.remove(old.path)
            }
            if !affected.isEmpty {
                let knownClients = Set(try String.fetchAll(
                    db, sql: "SELECT DISTINCT client FROM files WHERE case_file = 1"))
                let clients = affected.sorted()
                for low in stride(from: 0, to: clients.count, by: Self.clientBatchSize) {
                    let batch = Array(clients[low..<min(clients.count, low + Self.clientBatchSize)])
                    // Only the stored bytes are read here: decoding them is part of the work
                    // done on every core (it was a serial tenth of a cold index).
                    let stored = try batch.map { try Self.noteData(of: $0, db) }
                    // Resolving and rendering are pure: on every core; only the writes are serial.
                    let prepared = Parallel.map(batch.count) { index in
                        Result {
                            Prepared(resolver.resolve(client: batch[index].isEmpty ? nil : batch[index],
                                                      notes: try stored[index].map { try Note(storage: $0) },
                                                      knownClients: knownClients))
                        }
                    }
                    for (client, rows) in zip(batch, prepared) {
                        try Self.store(try rows.get(), client: client, replacing: !rebuilding, db)
                    }
                }
            }
            if rebuilding { try db.execute(sql: "PRAGMA cache_size = -2000") }
            return .commit
        }
        report.diagnostics = try storedDiagnostics() + walked.diagnostics + journal.config.diagnostics
        report.diagnostics.sort()
        return report
    }

    /// The per-row statements of an update, prepared once and run for every file.
    struct Writer {
        let db: Database
        let rebuilding: Bool
        let zone: TimeZone
        /// The search table's next rowid: each file's lines take a run of them.
        var nextSearchRow: Int64

        init(_ db: Database, rebuilding: Bool, zone: TimeZone) throws {
            self.db = db
            self.rebuilding = rebuilding
            self.zone = zone
            nextSearchRow = rebuilding ? 1 : (try Int64.fetchOne(db, sql: "SELECT max(high) FROM search_files") ?? 0) + 1
        }

        /// The file's content did not change: only its times are new.
        func touch(_ entry: FileWalker.Entry, verified: Int64) throws {
            try db.cachedStatement(sql: "UPDATE files SET size = ?, modified = ?, changed = ?, inode = ?, verified = ? WHERE path = ?")
                .execute(arguments: [entry.size, entry.modified, entry.changed, Int64(bitPattern: entry.inode),
                                     verified, entry.path])
        }

        mutating func store(_ parsed: Parsed, entry: FileWalker.Entry, verified: Int64) throws {
            let note = parsed.note
            // A rebuild starts from empty tables: nothing of the file's to take out first.
            if !rebuilding { try dropRows(of: entry.path, keepingFile: true) }
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO files(path, size, modified, changed, inode, verified, hash, client, case_file, names)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    entry.path, entry.size, entry.modified, entry.changed, Int64(bitPattern: entry.inode), verified,
                    parsed.hash, note.client ?? "", note.type == .client, parsed.names,
                ])
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO notes(path, data) VALUES (?, ?)")
                .execute(arguments: [entry.path, parsed.encoded])
            try IndexStore.insert(note.diagnostics, scope: "file:" + entry.path, db)
            // The search table changes in the same transaction as the note's own rows.
            try insertSearchLines(of: note, path: entry.path)
        }

        /// A file gone from the journal.
        func remove(_ path: String) throws {
            try dropRows(of: path, keepingFile: false)
        }

        private func dropRows(of path: String, keepingFile: Bool) throws {
            if !keepingFile {
                try db.cachedStatement(sql: "DELETE FROM files WHERE path = ?").execute(arguments: [path])
                try db.cachedStatement(sql: "DELETE FROM notes WHERE path = ?").execute(arguments: [path])
            }
            try db.cachedStatement(sql: "DELETE FROM diagnostics WHERE scope = ?").execute(arguments: ["file:" + path])
            try IndexStore.deleteSearchLines(of: path, db)
        }

        private mutating func insertSearchLines(of note: Note, path: String) throws {
            guard let type = note.type, let lines = note.searchLines, !lines.isEmpty else { return }
            let low = nextSearchRow
            nextSearchRow += Int64(lines.count)
            try IndexStore.insertSearchLines(lines, of: note, type: type, path: path, firstRow: low, zone: zone, db)
        }
    }

    /// The wall clock, in nanoseconds since 1970, as file times are.
    static func clock() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    enum ReadResult: Sendable {
        case unchanged
        case parsed(Parsed)
    }

    /// A note read and made ready to store, by the worker that parsed it: only the SQL is left
    /// for the writing thread.
    struct Parsed: Sendable {
        var note: Note
        var hash: String
        var encoded: Data
        /// `Note.personWords`, as the `names` column holds them.
        var names: String

        init(_ note: Note, hash: String) {
            self.note = note
            self.hash = hash
            encoded = note.storageData()
            names = note.personWords.sorted().joined(separator: " ")
        }
    }

    /// Reads, parses and encodes one file (on a worker thread). A file that cannot be read
    /// becomes a note with a diagnostic, so that it is reported and retried when it changes.
    static func readAndParse(_ entry: FileWalker.Entry, previousHash: String?, root: String, parser: NoteParser) -> ReadResult {
        if entry.size > SourceText.maximumBytes {
            // Known from the folder scan: refused without reading it into memory.
            var note = Note(path: entry.path)
            note.diagnostics.append(NoteParser.diagnostic(for: .tooLarge(bytes: Int(entry.size)), path: entry.path))
            return .parsed(Parsed(note, hash: "size-\(entry.size)"))
        }
        // By path: building a URL for every file was a percent of a cold index.
        guard let data = FileManager.default.contents(atPath: root + "/" + entry.path) else {
            var note = Note(path: entry.path)
            note.diagnostics.append(Diagnostic(
                path: entry.path, line: 1, column: 1, severity: .error, rule: Rule.fileUnreadable,
                Message("the file could not be read (check its permissions)",
                        fr: "le fichier n'a pas pu être lu (vérifiez ses droits)")))
            return .parsed(Parsed(note, hash: ""))
        }
        let hash = data.withUnsafeBytes { ContentHash.of($0) }
        if hash == previousHash { return .unchanged }
        return .parsed(Parsed(parser.parse(data: data, path: entry.path), hash: hash))
    }

    /// A group's stored notes, in path order.
    static func notes(of client: String, _ db: Database) throws -> [Note] {
        try noteData(of: client, db).map { try Note(storage: $0) }
    }

    /// A group's stored notes, in path order, not decoded yet.
    static func noteData(of client: String, _ db: Database) throws -> [Data] {
        try Data.fetchAll(db, sql: """
            SELECT notes.data FROM files JOIN notes ON notes.path = files.path WHERE files.client = ? ORDER BY files.path
            """, arguments: [client])
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

    static func fileStates(_ db: Database) throws -> [ExactPath: FileState] {
        var states: [ExactPath: FileState] = [:]
        states.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0)
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified, changed, inode, verified, hash, client FROM files")
        while let row = try rows.next() {
            // Decoded with `decode`, which throws, rather than by subscript, which stops the
            // program on a value of the wrong type: a damaged index must be repairable. By
            // position, in the SELECT's order: a column name is looked up for every row.
            let path = try row.decode(String.self, atIndex: 0)
            states[ExactPath(path)] = FileState(
                size: try row.decode(atIndex: 1), modified: try row.decode(atIndex: 2),
                changed: try row.decode(atIndex: 3), inode: UInt64(bitPattern: try row.decode(Int64.self, atIndex: 4)),
                verified: try row.decode(atIndex: 5), hash: try row.decode(atIndex: 6),
                client: try row.decode(atIndex: 7), path: path)
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

    /// A client's resolution with its rows already rendered, ready to be written.
    struct Prepared: Sendable {
        var rows: [IndexJSON.Record] = []
        var encoded: Data
        var diagnostics: [Diagnostic]

        init(_ resolution: ClientResolution) {
            rows = IndexJSON.records(of: resolution)
            encoded = resolution.storageData()
            diagnostics = resolution.diagnostics
        }
    }

    static func store(_ prepared: Prepared, client: String, replacing: Bool, _ db: Database) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM records WHERE client = ?").execute(arguments: [client])
            try db.cachedStatement(sql: "DELETE FROM resolutions WHERE client = ?").execute(arguments: [client])
            try db.cachedStatement(sql: "DELETE FROM diagnostics WHERE scope = ?").execute(arguments: ["client:" + client])
        }
        let record = try db.cachedStatement(sql: """
            INSERT INTO records(kind, client, sort_key, path, line, json) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in prepared.rows {
            try record.execute(arguments: [row.kind, client, row.sortKey, row.path, row.line, row.json])
        }
        try db.cachedStatement(sql: "INSERT INTO resolutions(client, data) VALUES (?, ?)")
            .execute(arguments: [client, prepared.encoded])
        try insert(prepared.diagnostics, scope: "client:" + client, db)
    }

    static func insert(_ diagnostics: [Diagnostic], scope: String, _ db: Database) throws {
        guard !diagnostics.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO diagnostics(scope, path, line, col, severity, rule, message, french) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for d in diagnostics {
            try statement.execute(arguments: [scope, d.path, d.line, d.column, d.severity.rawValue, d.rule, d.message, d.french])
        }
    }
}
