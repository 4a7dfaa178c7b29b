import Foundation

/// Cuts the language server's input into JSON-RPC messages, each announced by LSP's headers
/// (`Content-Length: N`, a blank line, N bytes). Sizes are bounded: a header section past
/// 8 KB or a message past `maximumBody` is skipped, not kept in memory, and said to the caller.
struct LSPMessageReader {
    enum Outcome: Sendable, Equatable {
        case message(Data)
        /// A body larger than the limit was read and thrown away.
        case oversized(Int)
        /// Headers with no usable Content-Length: what was read up to their blank line is dropped.
        case badHeader
        /// The input is closed: the client went away.
        case end
    }

    static let maximumHeader = 8 * 1024
    /// Room for a note over the parser's 1 MB cap (so that it gets its diagnostic) many times over.
    static let maximumBody = 64 * 1024 * 1024

    /// Gives the next bytes of the input; empty at its end.
    private let source: @Sendable () -> [UInt8]
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    let maximumBody: Int

    init(maximumBody: Int = LSPMessageReader.maximumBody, source: @escaping @Sendable () -> [UInt8]) {
        self.source = source
        self.maximumBody = maximumBody
    }

    /// Reads from a file descriptor (the server's standard input), retrying on EINTR.
    static func reading(_ descriptor: Int32) -> @Sendable () -> [UInt8] {
        {
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 { return Array(chunk[..<count]) }
                if count < 0, errno == EINTR { continue }
                return []
            }
        }
    }

    mutating func next() -> Outcome {
        while true {
            if let end = headerEnd() {
                let header = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 4
                guard let length = Self.contentLength(header) else { return .badHeader }
                if length > maximumBody {
                    skip(length)
                    return .oversized(length)
                }
                guard fill(length) else { return .end }
                let body = Data(buffer[start..<(start + length)])
                start += length
                compact()
                return .message(body)
            }
            if buffer.count - start > Self.maximumHeader {
                // No blank line within the limit: not LSP. Drop it and look again further on.
                start = buffer.count
                compact()
                return .badHeader
            }
            guard more() else { return .end }
        }
    }

    /// The value of `Content-Length` (headers are case-insensitive; others, such as
    /// Content-Type, are allowed and ignored).
    static func contentLength(_ header: String) -> Int? {
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length"
            else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, value.count <= 12, value.allSatisfy(\.isASCII), let length = Int(value), length >= 0
            else { return nil }
            return length
        }
        return nil
    }

    private func headerEnd() -> Int? {
        guard buffer.count - start >= 4 else { return nil }
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    private mutating func more() -> Bool {
        if ended { return false }
        let chunk = source()
        if chunk.isEmpty {
            ended = true
            return false
        }
        buffer += chunk
        return true
    }

    private mutating func fill(_ count: Int) -> Bool {
        while buffer.count - start < count {
            guard more() else { return false }
        }
        return true
    }

    /// Throws away `count` bytes of body, as they come, without holding them.
    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0 {
            let available = buffer.count - start
            if available == 0 {
                buffer.removeAll(keepingCapacity: true)
                start = 0
                guard more() else { return }
                continue
            }
            let taken = min(available, left)
            start += taken
            left -= taken
        }
        compact()
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
            start = 0
        } else if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

/// Writes JSON-RPC messages with their Content-Length header.
struct LSPMessageWriter {
    /// Takes the bytes of one whole message; false when they could not be written (the client
    /// went away).
    let sink: (Data) -> Bool

    static func writing(_ descriptor: Int32) -> (Data) -> Bool {
        { data in
            var offset = 0
            while offset < data.count {
                let written = data.withUnsafeBytes { raw in
                    write(descriptor, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                }
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    func send(_ message: JSONValue) -> Bool {
        let body = Data(message.compact().utf8)
        return sink(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }
}
