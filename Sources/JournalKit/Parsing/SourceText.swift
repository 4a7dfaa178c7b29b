import Foundation

/// A note's text as the user sees it: UTF-8 validated, BOM dropped, CRLF folded to LF, split into
/// lines so that every later stage reports the same line numbers as the user's editor.
struct SourceText: Sendable {
    /// Files above this size are refused, unread: a session note is a few KB and a long case file
    /// rarely 100 KB, and this bounds what parsing the largest note allowed may cost (with
    /// `BodyBudget`): seconds and a few hundred MB, whatever the note holds.
    static let maximumBytes = 1024 * 1024

    enum Problem: Error, Sendable, Equatable {
        case tooLarge(bytes: Int)
        case binary(line: Int, column: Int)
        case notUTF8(line: Int, column: Int)
    }

    let text: String
    let lines: [Substring]

    init(text: String) {
        self.text = text
        // Splitting the UTF-8 view is much faster than splitting characters, and the same here:
        // a newline never belongs to a multi-scalar grapheme once CRLF is folded.
        self.lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }

    static func decode(_ data: Data) -> Result<SourceText, Problem> {
        if data.count > maximumBytes { return .failure(.tooLarge(bytes: data.count)) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(ofByte: nul, in: bytes)
            return .failure(.binary(line: line, column: column))
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? 0
            let (line, column) = position(ofByte: bad, in: bytes)
            return .failure(.notUTF8(line: line, column: column))
        }
        if bytes.contains(13) {
            // On the bytes: Foundation's search and replace took seconds on a long CRLF list.
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            for (index, byte) in bytes.enumerated() where byte != 13 || index + 1 == bytes.count || bytes[index + 1] != 10 {
                folded.append(byte)
            }
            text = String(decoding: folded, as: UTF8.self)
        }
        return .success(SourceText(text: text))
    }

    /// Line and column (in characters, from 1) of byte `offset`.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        // Columns count characters, not bytes: continuation bytes do not start one.
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return i
            }
            if i + length > count { return i }
            for k in 1..<length {
                let byte = bytes[i + k]
                if byte & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i
            }
            i += length
        }
        return nil
    }
}
