import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock between processes of ours, on a file of `.journal/` (flock): for the few
/// steps that read the journal and then write from what they read, such as numbering a new
/// session, and must not interleave with the same steps of another run.
enum FileLock {
    /// Runs `body` holding the lock of `url`, waiting for another holder to finish. A lock that
    /// cannot be taken (a read-only folder) does not stop the work: `body` runs unlocked, and the
    /// writes it makes are still exclusive ones.
    static func withExclusive<T>(_ url: URL, _ body: () throws -> T) rethrows -> T {
        // Never through a link: nothing inside `.journal/` is followed.
        let fd = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        var locked = false
        while !locked {
            if flock(fd, LOCK_EX) == 0 { locked = true } else if errno != EINTR { break }
        }
        defer { if locked { flock(fd, LOCK_UN) } }
        return try body()
    }
}
