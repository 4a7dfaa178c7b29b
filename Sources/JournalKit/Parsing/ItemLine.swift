import Foundation

/// What a list item says, read from its source lines rather than from cmark's tree: CommonMark
/// turns `[x]` into a link when the file defines `[x]: …`, and fields are plain text to cmark.
struct ItemLine: Sendable, Hashable {
    struct Field: Sendable, Hashable, Codable {
        /// The key as written, folded (lower case, no accents): `échéance` → `echeance`.
        var key: String
        var value: String
        var line: Int
        var column: Int
        /// The key as the coach wrote it (accents kept), for messages; empty for an emoji field.
        var written: String = ""
    }

    /// The character between the brackets of a checkbox, nil when the item has none, U+0000
    /// for a malformed one (then `markerText` is what was written).
    var marker: Character?
    var markerText: String?
    var markerColumn: Int
    var fields: [Field]
    /// Everything else on the item's lines: fields and comments removed, whitespace folded.
    var text: String

    /// Obsidian Tasks' emoji and the field each stands for.
    static let emojiFields: [(Character, String)] = [
        ("\u{1F4C5}", "due"), ("\u{2705}", "done"), ("\u{274C}", "cancelled"), ("\u{1F194}", "id"),
    ]

    /// Items longer than this are read only up to it: no note's item is, and it bounds the work
    /// on a hostile 10 MB line.
    static let maximumScanned = 4_096

    /// `lines` are the item's own source lines (nested lists excluded); `firstLine` is the file
    /// line of the first one.
    init(lines: [Substring], firstLine: Int) {
        marker = nil
        markerText = nil
        markerColumn = 0
        fields = []
        var pieces: [(text: Substring, line: Int, columnOffset: Int)] = []
        for (offset, raw) in lines.enumerated() {
            let clipped = raw.prefix(Self.maximumScanned)
            if offset == 0 {
                let (rest, column) = Self.stripListMarker(clipped)
                pieces.append((rest, firstLine, column))
            } else {
                let trimmed = clipped.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
                pieces.append((trimmed, firstLine + offset, clipped.count - trimmed.count))
            }
        }
        // The checkbox: `[c]` followed by a space or the end of the line. Near misses (`[]`,
        // `[ x ]`, `[xx]`, `[x]Appeler`) are kept as a malformed marker, so that the coach who
        // meant "done" is told rather than the item silently staying open.
        if var first = pieces.first {
            let chars = Array(first.text.prefix(6))
            if chars.first == "[", let close = chars.firstIndex(of: "]"), close <= 4,
               !chars[1..<close].contains(":"), chars[1..<close].allSatisfy({ $0 != "[" }) {
                let inner = chars[1..<close]
                let followedBySpace = close + 1 == chars.count || chars[close + 1] == " " || chars[close + 1] == "\t"
                if inner.count == 1, followedBySpace {
                    marker = inner.first
                } else if inner.count <= 1 || inner.allSatisfy({ " xX/->".contains($0) }) {
                    markerText = String(chars[0...close])
                    marker = "\u{0}"
                }
                if marker != nil {
                    markerColumn = first.columnOffset + 1
                    first.text = first.text.dropFirst(close + 1)
                    first.columnOffset += close + 1
                    pieces[0] = first
                }
            }
        }
        var words: [String] = []
        var inComment = false
        for piece in pieces {
            let (kept, fieldsHere) = Self.extract(
                piece.text, line: piece.line, columnOffset: piece.columnOffset, inComment: &inComment)
            fields += fieldsHere
            words.append(kept)
        }
        text = words.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "\t" })
            .joined(separator: " ")
    }

    /// Drops indentation, block-quote markers and the list marker (`-`, `*`, `+`, `1.`, `1)`).
    /// Returns the rest and the number of characters dropped.
    static func stripListMarker(_ line: Substring) -> (Substring, Int) {
        var rest = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        if let first = rest.first, first == "-" || first == "*" || first == "+" {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, digits.count <= 9 {
                let after = rest.dropFirst(digits.count)
                if let delimiter = after.first, delimiter == "." || delimiter == ")" {
                    rest = after.dropFirst()
                }
            }
        }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        return (rest, line.count - rest.count)
    }

    /// Removes `[key:: value]` fields, Tasks emoji fields and HTML comments from one line.
    /// Works on UTF-8 bytes: every marker it looks for is ASCII or a fixed emoji sequence.
    private static func extract(_ line: Substring, line number: Int, columnOffset: Int,
                                inComment: inout Bool) -> (String, [Field]) {
        var kept: [UInt8] = []
        var fields: [Field] = []
        let bytes = Array(line.utf8)
        kept.reserveCapacity(bytes.count)
        // Columns count characters (scalars), as editors do, not bytes. Counted on from the
        // previous field, never from the start again: a line of fields stays linear.
        var counted = 0, scalars = 0
        func column(_ index: Int) -> Int {
            while counted < index {
                if bytes[counted] & 0xC0 != 0x80 { scalars += 1 }
                counted += 1
            }
            return columnOffset + 1 + scalars
        }
        var i = 0
        while i < bytes.count {
            if inComment {
                if bytes[i] == UInt8(ascii: "-"), bytes[i...].starts(with: Self.commentEnd) {
                    inComment = false
                    i += 3
                } else {
                    i += 1
                }
                continue
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), bytes[i...].starts(with: Self.commentStart) {
                inComment = true
                i += 4
                continue
            }
            if byte == UInt8(ascii: "["), let (key, written, value, next) = field(in: bytes, at: i) {
                fields.append(Field(key: key, value: value, line: number, column: column(i), written: written))
                i = next
                continue
            }
            if byte >= 0xE2, let found = emojiField(in: bytes, at: i) {
                fields.append(Field(key: found.key, value: found.value, line: number, column: column(i)))
                i = found.end
                continue
            }
            kept.append(byte)
            i += 1
        }
        return (String(decoding: kept, as: UTF8.self), fields)
    }

    /// An Obsidian Tasks field whose emoji starts at `start`: its key, its value (the word after
    /// the emoji), and the index after it. The value stops where another field's emoji starts:
    /// in `📅📅 2026-04-01` or `✅📅🆔`, an emoji directly followed by another has an empty value
    /// (a field with nothing in it, which the parser reports), rather than the next emoji as its
    /// value. An emoji with no word at all after it is prose (`fini ✅`): nil.
    static func emojiField(in bytes: [UInt8], at start: Int) -> (key: String, value: String, end: Int)? {
        guard let (emoji, key) = emojiAt(bytes, start) else { return nil }
        var j = start + emoji
        let afterEmoji = j
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
        if emojiAt(bytes, j) != nil { return (key, "", afterEmoji) }
        let valueStart = j
        while j < bytes.count, bytes[j] != UInt8(ascii: " "), bytes[j] != UInt8(ascii: "\t"), emojiAt(bytes, j) == nil {
            j += 1
        }
        guard j > valueStart else { return nil }
        return (key, String(decoding: bytes[valueStart..<j], as: UTF8.self), j)
    }

    /// The byte length of the field emoji at `index` (with its variation selector, EF B8 8F,
    /// when one follows) and the field's key.
    private static func emojiAt(_ bytes: [UInt8], _ index: Int) -> (Int, String)? {
        guard index < bytes.count, bytes[index] >= 0xE2,
              let (emoji, key) = emojiBytes.first(where: { bytes[index...].starts(with: $0.0) }) else { return nil }
        let length = bytes[(index + emoji.count)...].starts(with: [0xEF, 0xB8, 0x8F]) ? emoji.count + 3 : emoji.count
        return (length, key)
    }

    /// The Tasks fields of one source line as `lint --fix` rewrites them: each one's byte range
    /// in the line (emoji to the end of its value), key and value. Dataview fields and comments
    /// are skipped as the parser skips them, so that an emoji inside `[note:: 📅]` is left alone.
    static func emojiFields(inLine line: String) -> [(range: Range<Int>, key: String, value: String)] {
        let bytes = Array(line.utf8)
        var found: [(range: Range<Int>, key: String, value: String)] = []
        var inComment = false
        var i = 0
        while i < bytes.count {
            if inComment {
                if bytes[i...].starts(with: commentEnd) { inComment = false; i += 3 } else { i += 1 }
                continue
            }
            if bytes[i] == UInt8(ascii: "<"), bytes[i...].starts(with: commentStart) {
                inComment = true
                i += 4
            } else if bytes[i] == UInt8(ascii: "["), let (_, _, _, next) = field(in: bytes, at: i) {
                i = next
            } else if bytes[i] >= 0xE2, let field = emojiField(in: bytes, at: i) {
                found.append((i..<field.end, field.key, field.value))
                i = field.end
            } else {
                i += 1
            }
        }
        return found
    }

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let emojiBytes: [([UInt8], String)] = emojiFields.map { (Array(String($0.0).utf8), $0.1) }

    /// A Dataview field `[key:: value]` starting at `start`: its folded key, its key as written,
    /// trimmed value, and the index after its closing bracket.
    private static func field(in bytes: [UInt8], at start: Int) -> (String, String, String, Int)? {
        var j = start + 1
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
        let keyStart = j
        // Keys are letters (accented ones too), digits, `-` and `_`.
        while j < bytes.count, bytes[j] >= 0x80 || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
            || (bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A) || bytes[j] == UInt8(ascii: "-")
            || bytes[j] == UInt8(ascii: "_") {
            j += 1
        }
        guard j > keyStart, j + 1 < bytes.count, bytes[j] == UInt8(ascii: ":"), bytes[j + 1] == UInt8(ascii: ":")
        else { return nil }
        let written = String(decoding: bytes[keyStart..<j], as: UTF8.self)
        let key = TextFold.fold(written)
        j += 2
        let valueStart = j
        while j < bytes.count, bytes[j] != UInt8(ascii: "]") { j += 1 }
        guard j < bytes.count else { return nil }
        let value = String(decoding: bytes[valueStart..<j], as: UTF8.self).trimmingWhitespace
        return (key, written, value, j + 1)
    }
}
