import Foundation

/// Runs work on every core with threads of its own: unlike `concurrentPerform`, it stays
/// parallel when called from inside a serial queue (GRDB runs transactions on one), and its
/// threads get a large stack, so that no hostile file can exhaust it.
enum Parallel {
    static let stackSize = 16 * 1024 * 1024

    static func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = ResultSlots<T>(count: count)
        let next = ResultBox<Int>(count: 1, initial: 0)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while true {
                    let index = next.increment()
                    guard index < count else { break }
                    results[index] = body(index)
                }
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
        return results.values
    }
}

/// Slots written once each by worker threads, read when all have finished.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value {
        get { lock.withLock { storage[index]! } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.map { $0! } } }
}

extension ResultBox where Value == Int {
    /// Returns the value of slot 0, then adds one: hands out work indices.
    func increment() -> Int {
        lockedUpdate { value in
            defer { value += 1 }
            return value
        }
    }
}
