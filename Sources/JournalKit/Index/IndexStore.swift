import Foundation
import GRDB

/// The derived index under `.journal/`: one SQLite file, updated incrementally and rebuildable
/// at any time.
///
/// Per file it keeps, in a narrow table, what tells whether the file changed (size, times,
/// inode, a content hash) and what commands ask without reading a note (its client, whether it
/// is a case file, the names it holds); in a table of its own, the parsed `Note` in a compact
/// binary form. Per client, the resolved rows of the JSON contract, pre-rendered, so that
/// `index --json` is a sorted read. A change to one note re-resolves only the clients that note
/// belongs (or belonged) to.
///
/// Its concerns have files of their own: opening and repairing (`+Open`), the tables
/// (`+Schema`), bringing it up to date (`+Update`), reading it (`+Reading`), and the full-text
/// search (`+Search`).
public struct IndexStore: Sendable {
    /// Bump when what is stored changes meaning: the index is then rebuilt from the notes.
    static let schemaVersion = 22
    /// A file modified less than this long before the scan that read it is not trusted by the
    /// next scan even if nothing seems to have changed (git's "racy clean" rule): file systems
    /// stamp times from a coarse clock (and FAT to 2 s), so a second write within the same tick
    /// can leave size and mtime as they were.
    static let racyMargin: Int64 = 2_000_000_000
    public static let folder = ".journal"

    public let journal: Journal
    /// The open database; replaced when a damaged index is set aside and built again.
    let handle: Handle
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

    var fingerprint: String {
        journal.configData.withUnsafeBytes { ContentHash.of($0) } + "-\(Self.schemaVersion)"
    }
}
