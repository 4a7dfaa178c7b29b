import Foundation

/// A place in a document as LSP counts it: lines from 0, characters in UTF-16 code units.
struct LSPPosition: Sendable, Hashable, Comparable {
    var line: Int
    var character: Int

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }

    var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }
}

/// A note open in the editor: its unsaved text, as UTF-8 bytes, and its version.
///
/// Lines end at `\n` (a `\r` before it belongs to the line break, as the parser folds CRLF),
/// so that the line numbers of the parser's diagnostics are the editor's.
struct LSPDocument: Sendable {
    var uri: String
    /// Relative to the journal; nil for a file outside it (it gets no diagnostics).
    var path: String?
    var version: Int
    var bytes: [UInt8]

    /// The byte offset of `position`; a line past the end is the end, a character past its
    /// line's end is that end (as LSP asks of a server).
    func offset(of position: LSPPosition) -> Int {
        var start = 0
        var line = 0
        while line < position.line {
            guard let newline = bytes[start...].firstIndex(of: 10) else { return bytes.count }
            start = newline + 1
            line += 1
        }
        var end = bytes[start...].firstIndex(of: 10) ?? bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return Self.byteOffset(utf16: position.character, in: bytes, from: start, to: end)
    }

    /// The first byte of line `line` (from 0), or nil past the end.
    func lineStart(_ line: Int) -> Int? {
        var start = 0
        for _ in 0..<line {
            guard let newline = bytes[start...].firstIndex(of: 10) else { return nil }
            start = newline + 1
        }
        return start
    }

    /// Line `line` (from 0) without its line break, or nil past the end.
    func line(_ line: Int) -> ArraySlice<UInt8>? {
        guard let start = lineStart(line) else { return nil }
        var end = bytes[start...].firstIndex(of: 10) ?? bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<end]
    }

    /// Every line, without its line break: what the code actions and completion read.
    var lines: [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        while true {
            let newline = bytes[start...].firstIndex(of: 10)
            var end = newline ?? bytes.count
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            result.append(bytes[start..<end])
            guard let newline else { return result }
            start = newline + 1
        }
    }

    /// Replaces `range` (the whole text when nil) with `text`: one change of `didChange`.
    mutating func apply(_ range: (start: LSPPosition, end: LSPPosition)?, _ text: String) {
        guard let range else {
            bytes = Array(text.utf8)
            return
        }
        let from = offset(of: min(range.start, range.end))
        let to = max(from, offset(of: max(range.start, range.end)))
        bytes.replaceSubrange(from..<to, with: text.utf8)
    }

    /// The byte in `bytes[start..<end]` at which `utf16` code units have been passed (never
    /// inside a character: a count that falls inside a surrogate pair stops after the pair).
    static func byteOffset(utf16: Int, in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        var units = 0
        while index < end, units < utf16 {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            units += length == 4 ? 2 : 1
            index = min(end, index + length)
        }
        return index
    }

    /// The UTF-16 offset of the `column`-th Unicode scalar (from 1: the parser's columns) of a
    /// line; past the line's end, its end.
    static func utf16(column: Int, of line: ArraySlice<UInt8>) -> Int {
        var units = 0
        var scalars = 1
        var index = line.startIndex
        while index < line.endIndex, scalars < column {
            let lead = line[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            units += length == 4 ? 2 : 1
            scalars += 1
            index = min(line.endIndex, index + length)
        }
        return units
    }

    /// The UTF-16 length of a line.
    static func utf16Length(of line: ArraySlice<UInt8>) -> Int {
        utf16(column: Int.max, of: line)
    }

    /// The UTF-16 offset within its line of byte `offset` of the line.
    static func utf16(byte offset: Int, of line: ArraySlice<UInt8>) -> Int {
        utf16Length(of: line[line.startIndex..<min(line.endIndex, line.startIndex + offset)])
    }
}

/// The notes open in the editor, by URI. Bounded by what the client sends: each text is
/// limited by the reader's largest message.
struct LSPDocumentStore: Sendable {
    private(set) var documents: [String: LSPDocument] = [:]

    subscript(uri: String) -> LSPDocument? {
        get { documents[uri] }
        set { documents[uri] = newValue }
    }

    /// Open documents of the journal, by path.
    var byPath: [String: LSPDocument] {
        Dictionary(documents.values.compactMap { document in document.path.map { ($0, document) } },
                   uniquingKeysWith: { first, _ in first })
    }
}

extension LSPDocument {
    /// `file:///a/b%20c.md` → `/a/b c.md`; nil for another scheme.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else {
            // Some clients leave characters URL(string:) refuses unescaped: read it by hand.
            guard uri.hasPrefix("file://") else { return nil }
            let rest = String(uri.dropFirst("file://".count))
            return rest.removingPercentEncoding ?? rest
        }
        return url.path
    }

    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }
}
