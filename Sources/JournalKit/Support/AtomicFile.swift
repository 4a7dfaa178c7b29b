import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never leave a half-written file and never replace a note by surprise: the data
/// goes to a temporary file in the same folder, is flushed, then linked or renamed into place.
enum AtomicFile {
    enum Failure: UserFacingError, Sendable {
        case exists(String)
        case io(String, String)

        func message(in language: JournalConfig.Language) -> String {
            let fr = language == .fr
            switch self {
            case .exists(let path):
                return fr ? "\(path) existe déjà : rien n'a été écrit (--force pour le remplacer)"
                          : "\(path) already exists: nothing was written (use --force to replace it)"
            case .io(let path, let reason):
                return fr ? "impossible d'écrire \(path) : \(reason)" : "could not write \(path): \(reason)"
            }
        }
    }

    static func write(_ data: Data, to url: URL, overwrite: Bool) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure.io(url.path, String(cString: strerror(errno))) }
        let ok = writeAll(data, to: fd)
        close(fd)
        guard ok else {
            unlink(temporary.path)
            throw Failure.io(url.path, String(cString: strerror(errno)))
        }
        if overwrite {
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary.path)
                throw Failure.io(url.path, reason)
            }
        } else {
            // link() fails if the target exists: no window in which another file could be replaced.
            let linked = link(temporary.path, url.path)
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
