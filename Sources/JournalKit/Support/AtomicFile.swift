import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never leave a half-written file and never replace a note by surprise: the data
/// goes to a temporary file in the same folder, is flushed, then linked or renamed into place.
enum AtomicFile {
    enum Failure: UserFacingError, Sendable, Equatable {
        case exists(String)
        case io(String, String)
        /// The file's content is no longer what the new content was computed from.
        case changedMeanwhile(String)
        /// A link whose target is outside the journal, or missing.
        case linkOutside(String)
        /// Not a regular file (a folder, a device, a pipe…): never replaced.
        case notRegular(String)
        /// A file with several hard links: replacing it would split them.
        case hardLinked(String)
        /// The file belongs to someone else, and a rewritten copy could not keep its owner.
        case ownerNotKept(String)
        /// A note, a setting, the secret or a template of the journal, named as an export's `--out`.
        case journalFile(String)

        var message: Message {
            switch self {
            case .exists(let path):
                return Message("\(path) already exists: nothing was written (use --force to replace it)",
                           fr: "\(path) existe déjà : rien n'a été écrit (--force pour le remplacer)")
            case .io(let path, let reason):
                return Message("could not write \(path): \(reason)", fr: "impossible d'écrire \(path) : \(ErrorText.localised(reason, in: .fr))")
            case .changedMeanwhile(let path):
                return Message("\(path) changed while it was being fixed: it was left as it is (run the command again)",
                           fr: "\(path) a changé pendant qu'il était corrigé : il est laissé tel quel (relancez la commande)")
            case .linkOutside(let path):
                return Message("\(path) is a link to a file outside the journal (or to nothing): it was not changed",
                           fr: "\(path) est un lien vers un fichier hors du journal (ou absent) : il n'est pas modifié")
            case .notRegular(let path):
                return Message("\(path) is not a regular file (a folder, a device, a pipe…): it is never replaced, even with --force",
                           fr: "\(path) n'est pas un fichier ordinaire (dossier, périphérique, tube…) : il n'est pas remplacé, même avec --force")
            case .hardLinked(let path):
                return Message("\(path) has several hard links: rewriting it would split them, so it was not changed",
                           fr: "\(path) a plusieurs liens physiques : le réécrire les séparerait, il n'est pas modifié")
            case .ownerNotKept(let path):
                return Message("\(path) belongs to another user: rewriting it would change its owner, so it was not changed",
                           fr: "\(path) appartient à un autre utilisateur : le réécrire en changerait le propriétaire, il n'est pas modifié")
            case .journalFile(let path):
                return Message("\(path) is a file of the journal (a note, journal.yml, journal.key or a template): an export never replaces it, even with --force; write it elsewhere, for instance in exports/",
                           fr: "\(path) est un fichier du journal (une note, journal.yml, journal.key ou un modèle) : un export ne le remplace jamais, même avec --force ; écrivez-le ailleurs, par exemple dans exports/")
            }
        }

        /// The system's words for what went wrong, without the path.
        var reason: String {
            switch self {
            case .exists: return String(cString: strerror(EEXIST))
            case .io(_, let reason): return reason
            case .changedMeanwhile: return "changed meanwhile"
            case .linkOutside: return "link outside the journal"
            case .notRegular: return "not a regular file"
            case .hardLinked: return "several hard links"
            case .ownerNotKept: return "owner could not be kept"
            case .journalFile: return "a file of the journal"
            }
        }
    }

    /// `makeLink` is `link(2)`; tests give one that fails, as on a file system without hard links.
    static func write(_ data: Data, to url: URL, overwrite: Bool,
                      makeLink: (String, String) -> Int32 = { link($0, $1) }) throws {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
        let temporary = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure.io(url.path, String(cString: strerror(errno))) }
        let ok = writeAll(data, to: fd)
        close(fd)
        guard ok else {
            unlink(temporary.path)
            throw Failure.io(url.path, String(cString: strerror(errno)))
        }
        if overwrite {
            // Replacing is for regular files only: `--force` over /dev/null, a pipe, a folder or
            // a link would replace the device or the link itself.
            var info = stat()
            if lstat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                unlink(temporary.path)
                throw Failure.notRegular(url.path)
            }
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary.path)
                throw Failure.io(url.path, reason)
            }
        } else {
            // link() fails if the target exists: no window in which another file could be replaced.
            let linked = makeLink(temporary.path, url.path)
            let error = errno
            if linked == 0 || error == EEXIST { unlink(temporary.path) }
            if linked == 0 { return }
            if error == EEXIST { throw Failure.exists(url.path) }
            // Some file systems (exFAT, network and cloud mounts) have no hard links: create the
            // target exclusively instead, so that an existing file is still never replaced.
            defer { unlink(temporary.path) }
            let target = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard target >= 0 else {
                if errno == EEXIST { throw Failure.exists(url.path) }
                throw Failure.io(url.path, String(cString: strerror(errno)))
            }
            let written = writeAll(data, to: target)
            close(target)
            guard written else {
                unlink(url.path)
                throw Failure.io(url.path, String(cString: strerror(errno)))
            }
        }
    }

    /// Replaces the note at `url`, whose content was `previous` when the new content was computed
    /// from it, keeping what the file is:
    ///
    /// - a link is written through to its target, when that target is inside `root` (the
    ///   journal); a link to anything else is refused;
    /// - only a regular file with one hard link is replaced;
    /// - the new file gets the old one's permission bits and owner (refused when the owner cannot
    ///   be kept);
    /// - the new content is written and flushed to a temporary file first; then the file is read
    ///   again and, if its bytes are no longer `previous` (an editor saved it meanwhile), the
    ///   temporary file is removed and nothing is replaced. `beforeCheck` lets tests act there.
    ///   A nil `previous` replaces whatever the file holds (`new --force`).
    static func replace(_ data: Data, at url: URL, inside root: URL, expecting previous: Data?,
                        beforeCheck: (() -> Void)? = nil) throws {
        var path = url.path
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Failure.io(path, String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFLNK {
            let realRoot = FileSystem.realPath(root.path) ?? root.path
            guard let target = FileSystem.realPath(path), target.hasPrefix(realRoot + "/") else {
                throw Failure.linkOutside(path)
            }
            path = target
            guard lstat(path, &info) == 0 else { throw Failure.io(path, String(cString: strerror(errno))) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure.notRegular(path) }
        guard info.st_nlink == 1 else { throw Failure.hardLinked(path) }
        let temporary = try temporaryCopy(of: data, beside: URL(fileURLWithPath: path),
                                          mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
        beforeCheck?()
        if let previous {
            guard let current = FileManager.default.contents(atPath: path), current == previous else {
                unlink(temporary)
                throw Failure.changedMeanwhile(path)
            }
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure.io(path, reason)
        }
    }

    /// How old a temporary file of ours must be to be taken as left by a crash: no write takes
    /// anywhere near this long.
    static let staleAge: TimeInterval = 10 * 60

    /// Whether `name` is one of our temporary files' names: `.NAME.PID.RANDOM.tmp`, the two
    /// numbers in decimal.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let numbers = parts.suffix(2)
        return !parts.dropLast(2).joined(separator: ".").isEmpty
            && numbers.allSatisfy { !$0.isEmpty && $0.count <= 10 && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    /// Removes the temporary files among `paths` that a crashed write left behind: our naming, a
    /// regular file (a link is never followed), modified more than `staleAge` ago. Returns those
    /// removed.
    static func removeStale(_ paths: [String], now: Date = Date()) -> [String] {
        let limit = Int64(now.addingTimeInterval(-staleAge).timeIntervalSince1970)
        return paths.filter { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var info = stat()
            guard isTemporaryName(name), lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  Int64(info.st_mtim.tv_sec) < limit else { return false }
            return unlink(path) == 0
        }
    }

    /// Creates `folder` and the folders above it. When one of them is a file, the coach is told
    /// which, in words: Foundation says only "file exists" or a bare error number.
    static func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            var current = folder.standardizedFileURL
            while current.path != "/" {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: current.path, isDirectory: &isFolder) {
                    if !isFolder.boolValue { throw Failure.io(current.path, String(cString: strerror(ENOTDIR))) }
                    break
                }
                current = current.deletingLastPathComponent()
            }
            throw error
        }
    }

    /// The name of a temporary file for `name`: `.NAME.PID.RANDOM.tmp`, in the same folder.
    static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Writes `data` to a new temporary file beside `url`, flushed; returns its path.
    /// With `mode` and `owner`, the copy gets exactly those (the umask does not apply).
    private static func temporaryCopy(of data: Data, beside url: URL, mode: mode_t,
                                      owner: (uid: uid_t, gid: gid_t)) throws -> String {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(temporaryName(for: url.lastPathComponent)).path
        // Private until its owner and mode are set.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Failure.io(url.path, String(cString: strerror(errno))) }
        var created = stat()
        if fstat(fd, &created) != 0 || created.st_uid != owner.uid || created.st_gid != owner.gid {
            // fchown clears set-id bits, so the mode is set after it.
            guard fchown(fd, owner.uid, owner.gid) == 0 else {
                close(fd)
                unlink(temporary)
                throw Failure.ownerNotKept(url.path)
            }
        }
        guard fchmod(fd, mode) == 0 else {
            let error = errno
            close(fd)
            unlink(temporary)
            throw Failure.io(url.path, String(cString: strerror(error)))
        }
        let ok = writeAll(data, to: fd)
        let error = errno
        close(fd)
        guard ok else {
            unlink(temporary)
            throw Failure.io(url.path, String(cString: strerror(error)))
        }
        return temporary
    }

    /// Writes every byte and flushes it to the disk.
    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return written && fsync(fd) == 0
    }
}
