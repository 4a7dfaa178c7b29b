import Foundation

/// A progress line on standard error, for work that takes more than about a second: only on a
/// terminal, never in a pipe, and redrawn at most ten times a second.
enum Progress {
    private static let state = State()

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        let start = Date()
        var lastDrawn = Date.distantPast
        var shown = false
    }

    static var enabled: Bool { isatty(STDERR_FILENO) == 1 }

    static func reporter(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { done, total in
            let now = Date()
            state.lock.withLock {
                guard now.timeIntervalSince(state.start) > 1, now.timeIntervalSince(state.lastDrawn) > 0.1 || done == total
                else { return }
                state.lastDrawn = now
                state.shown = true
                FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\u{1B}[K".utf8))
            }
        }
    }

    /// Clears the line, if one was drawn.
    static func finish() {
        state.lock.withLock {
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.shown = false
        }
    }
}
