import Foundation

/// Runs work on every core with threads of its own: unlike `concurrentPerform`, it stays
/// parallel when called from inside a serial queue (GRDB runs transactions on one), and its
/// threads get a large stack, so that no hostile file can exhaust it.
enum Parallel {
    static let stackSize = 16 * 1024 * 1024

    static func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        start(count, body).wait()
    }

    /// Work started on its threads, whose results `wait()` returns: the caller does something
    /// else meanwhile (writes the previous batch to SQLite).
    final class Pending<T: Sendable>: @unchecked Sendable {
        fileprivate let results: Locked<[T?]>
        fileprivate let done = DispatchSemaphore(value: 0)
        fileprivate let workers: Int

        fileprivate init(count: Int, workers: Int) {
            results = Locked(Array(repeating: nil, count: count))
            self.workers = workers
        }

        func wait() -> [T] {
            for _ in 0..<workers { done.wait() }
            return results.withLock { slots in slots.map { $0! } }
        }
    }

    static func start<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> Pending<T> {
        let workers = count == 0 ? 0 : min(ProcessInfo.processInfo.activeProcessorCount, count)
        let pending = Pending<T>(count: count, workers: workers)
        let next = Locked(0)
        for _ in 0..<workers {
            let thread = Thread {
                while true {
                    let index = next.increment()
                    guard index < count else { break }
                    let result = body(index)
                    pending.results.withLock { $0[index] = result }
                }
                pending.done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        return pending
    }
}
