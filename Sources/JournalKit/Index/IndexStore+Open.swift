import Foundation
import GRDB

extension IndexStore {
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

    static func notWritable(_ path: String) -> Bool {
        access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM)
    }

    /// An index in memory, for a journal that cannot be written.
    static func openMemory() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.label = "journal-index-memory"
        let database = try DatabaseQueue(configuration: configuration)
        try prepare(database)
        return database
    }

    /// `.journal/` as a real folder of the journal: a symbolic link there (to a folder, or a
    /// database, elsewhere) is removed, never followed; the link's target is not touched.
    static func preparedFolder(_ root: URL) throws -> URL {
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
    static func openRepairing(_ path: String) throws -> (queue: DatabaseQueue, repaired: Bool) {
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

    static var configuration: Configuration {
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
        if error is DecodingError || error is RowDecodingError || error is StorageDecodingError { return true }
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_FORMAT,
                .SQLITE_MISMATCH].contains(error.resultCode)
    }

    /// Moves the index and its companion files to `index.sqlite.damaged…` (replacing an earlier
    /// damaged copy), by name: a link is moved as a link, never followed.
    static func setAside(_ path: String) throws {
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

    func repair() throws {
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
    static func openDatabase(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
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

    static func openDatabaseOnce(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
        let database = try DatabaseQueue(path: path, configuration: configuration)
        try prepare(database)
        return database
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
