import Foundation

/// A value shared between threads, reached only while holding its lock: worker threads' results,
/// a counter handing out work, a buffer filled by a pipe reader.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    /// Reads or changes the value under the lock; keep `body` short, it blocks every other user.
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    /// A copy of the value as it is now.
    var value: Value {
        get { withLock { $0 } }
        set { withLock { $0 = newValue } }
    }
}

extension Locked where Value == Int {
    /// Returns the value, then adds one: hands out work indices.
    func increment() -> Int {
        withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
