import Foundation

/// Messages read from the client, waiting for the server: the reader thread puts, the server
/// takes all that have come at once, so that a burst of changes is linted once, at its last
/// version. Bounded: a client that writes faster than the server works waits for room.
final class LSPInbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [LSPMessageReader.Outcome] = []
    private var bytes = 0
    static let maximumMessages = 4096
    static let maximumBytes = 256 * 1024 * 1024

    func put(_ outcome: LSPMessageReader.Outcome) {
        let size = Self.size(outcome)
        condition.lock()
        while !queue.isEmpty, queue.count >= Self.maximumMessages || bytes + size > Self.maximumBytes {
            condition.wait()
        }
        queue.append(outcome)
        bytes += size
        condition.broadcast()
        condition.unlock()
    }

    /// Everything that has come, waiting for at least one message.
    func takeAll() -> [LSPMessageReader.Outcome] {
        condition.lock()
        while queue.isEmpty { condition.wait() }
        let taken = queue
        queue.removeAll()
        bytes = 0
        condition.broadcast()
        condition.unlock()
        return taken
    }

    private static func size(_ outcome: LSPMessageReader.Outcome) -> Int {
        if case .message(let data) = outcome { return data.count }
        return 0
    }
}
