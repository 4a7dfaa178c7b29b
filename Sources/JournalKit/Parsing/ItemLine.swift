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

    /// Obsidian Tasks' emoji and the field each stands for, under the name Tasks gives it in
    /// its Dataview format (`✅` is journal's `done`). Tasks also reads 📆 and 🗓 for a due date
    /// and ⌛ for a scheduled one.
    static let emojiFields: [(Character, String)] = [
        ("\u{1F4C5}", "due"), ("\u{1F4C6}", "due"), ("\u{1F5D3}", "due"), ("\u{2705}", "done"),
        ("\u{274C}", "cancelled"), ("\u{1F194}", "id"), ("\u{2795}", "created"), ("\u{23F3}", "scheduled"),
        ("\u{231B}", "scheduled"), ("\u{1F6EB}", "start"), ("\u{1F501}", "repeat"), ("\u{26D4}", "dependson"),
        ("\u{1F3C1}", "oncompletion"),
        ("\u{1F53A}", "priority"), ("\u{23EB}", "priority"), ("\u{1F53C}", "priority"), ("\u{1F53D}", "priority"),
        ("\u{23EC}", "priority"),
    ]

    /// The priority each Tasks priority emoji stands for: it takes no value after it.
    static let priorityEmoji: [Character: String] = [
        "\u{1F53A}": "highest", "\u{23EB}": "high", "\u{1F53C}": "medium", "\u{1F53D}": "low", "\u{23EC}": "lowest",
    ]

    /// What marks a removed field in the text while it is assembled: NUL, which no decoded note
    /// holds. Separators (commas) next to one are folded with it.
    private static let gap: UInt8 = 0

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
        var comment: Comment?
        for piece in pieces {
            let (kept, fieldsHere) = Self.extract(
                piece.text, line: piece.line, columnOffset: piece.columnOffset, comment: &comment)
            fields += fieldsHere
            words.append(kept)
        }
        text = Self.folded(words.joined(separator: " "))
    }

    /// The comment an item's scan is inside, from one of its lines to the next.
    enum Comment { case html, obsidian }

    /// The item's text once its fields are out: separators left between or after fields (`, `)
    /// go with them, Obsidian's links become their text, a block id goes, whitespace folds.
    static func folded(_ raw: String) -> String {
        var text = raw
        if raw.utf8.contains(gap) {
            var out: [UInt8] = []
            let bytes = Array(raw.utf8)
            var i = 0
            func isRunByte(_ byte: UInt8) -> Bool {
                byte == gap || byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
            }
            while i < bytes.count {
                guard isRunByte(bytes[i]) else { out.append(bytes[i]); i += 1; continue }
                var j = i
                while j < bytes.count, isRunByte(bytes[j]) { j += 1 }
                let run = bytes[i..<j]
                if let firstGap = run.firstIndex(of: gap) {
                    // At either end of the text, the run goes whole; inside, it is a space, or
                    // the comma the coach wrote before the field.
                    if i > 0, j < bytes.count {
                        let comma = run[..<firstGap].first(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") })
                        if let comma { out.append(comma) }
                        out.append(0x20)
                    }
                } else {
                    out += run
                }
                i = j
            }
            text = String(decoding: out, as: UTF8.self)
        }
        text = ObsidianSyntax.flatteningLinks(text)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return String(ObsidianSyntax.strippingBlockID(Substring(words.joined(separator: " "))))
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

    /// Removes `[key:: value]` and `(key:: value)` fields, Tasks emoji fields, HTML comments
    /// and Obsidian `%%` comments from one line. Works on UTF-8 bytes: every marker it looks for
    /// is ASCII or a fixed emoji sequence. A non-breaking space counts as a space.
    private static func extract(_ line: Substring, line number: Int, columnOffset: Int,
                                comment: inout Comment?) -> (String, [Field]) {
        var kept: [UInt8] = []
        var fields: [Field] = []
        let bytes = Array(line.utf8)
        kept.reserveCapacity(bytes.count)
        // Columns count characters (scalars), as editors do, not bytes. Fields come in order:
        // counting on from the last one keeps a line of a thousand fields linear.
        var counted = (byte: 0, characters: 0)
        func column(_ index: Int) -> Int {
            if index < counted.byte { counted = (0, 0) }
            counted.characters += bytes[counted.byte..<index].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            counted.byte = index
            return columnOffset + 1 + counted.characters
        }
        var i = 0
        while i < bytes.count {
            if let open = comment {
                if open == .html, bytes[i] == UInt8(ascii: "-"), bytes[i...].starts(with: Self.commentEnd) {
                    comment = nil
                    i += 3
                } else if open == .obsidian, bytes[i...].starts(with: Self.obsidianComment) {
                    comment = nil
                    i += 2
                } else {
                    i += 1
                }
                continue
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), bytes[i...].starts(with: Self.commentStart) {
                comment = .html
                i += 4
                continue
            }
            if byte == UInt8(ascii: "%"), bytes[i...].starts(with: Self.obsidianComment) {
                comment = .obsidian
                i += 2
                continue
            }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "("),
               let (key, written, value, next) = field(in: bytes, at: i) {
                fields.append(Field(key: key, value: value, line: number, column: column(i), written: written))
                kept.append(gap)
                i = next
                continue
            }
            if byte >= 0xE2, let found = emojiField(in: bytes, at: i) {
                fields.append(Field(key: found.key, value: found.value, line: number, column: column(i)))
                kept.append(gap)
                i = found.end
                continue
            }
            let space = spaceLength(bytes, i)
            if space > 1 {
                kept.append(0x20)
                i += space
                continue
            }
            kept.append(byte)
            i += 1
        }
        return (String(decoding: kept, as: UTF8.self), fields)
    }

    /// The byte length of the space at `index`: 1 for a space or a tab, 2 for a non-breaking
    /// space (which Obsidian and French keyboards put before a date or a colon), 3 for a narrow
    /// one; 0 for anything else.
    static func spaceLength(_ bytes: [UInt8], _ index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case 0x20, 0x09: return 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2: return bytes[index...].starts(with: [0xE2, 0x80, 0xAF]) ? 3 : 0
        default: return 0
        }
    }

    /// An Obsidian Tasks field whose emoji starts at `start`: its key, its value (the word after
    /// the emoji), and the index after it. The value stops where another field's emoji starts:
    /// in `📅📅 2026-04-01` or `✅📅🆔`, an emoji directly followed by another has an empty value
    /// (a field with nothing in it, which the parser reports), rather than the next emoji as its
    /// value. An emoji with no word at all after it is prose (`fini ✅`): nil. A priority emoji
    /// takes no value; 🔁 takes the words up to the next field; ⛔ takes ids separated by commas.
    static func emojiField(in bytes: [UInt8], at start: Int) -> (key: String, value: String, end: Int)? {
        guard let (emoji, key) = emojiAt(bytes, start) else { return nil }
        var j = start + emoji
        if key == "priority" {
            let character = String(decoding: bytes[start..<(start + emoji)], as: UTF8.self).unicodeScalars
                .first.map { Character($0) }
            return (key, character.flatMap { priorityEmoji[$0] } ?? "", j)
        }
        let afterEmoji = j
        while spaceLength(bytes, j) > 0 { j += spaceLength(bytes, j) }
        if emojiAt(bytes, j) != nil { return (key, "", afterEmoji) }
        let valueStart = j
        switch key {
        case "repeat":
            // `🔁 every week on Monday 📅 2026-04-01`: the rule runs to the next field.
            var end = j
            while j < bytes.count, emojiAt(bytes, j) == nil,
                  !((bytes[j] == UInt8(ascii: "[") || bytes[j] == UInt8(ascii: "(")) && opensField(bytes, at: j)),
                  !bytes[j...].starts(with: commentStart), !bytes[j...].starts(with: obsidianComment) {
                j += 1
                if spaceLength(bytes, j - 1) == 0 { end = j }
            }
            guard end > valueStart else { return nil }
            let value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            return (key, value.split(whereSeparator: \.isWhitespace).joined(separator: " "), end)
        case "dependson":
            // `⛔ a1b2c3,d4e5f6` or `⛔ a1b2c3, d4e5f6`.
            var end = j
            while true {
                while j < bytes.count, isIDByte(bytes[j]) { j += 1 }
                guard j > end else { break }
                end = j
                var k = j
                while spaceLength(bytes, k) > 0 { k += spaceLength(bytes, k) }
                guard k < bytes.count, bytes[k] == UInt8(ascii: ",") else { break }
                k += 1
                while spaceLength(bytes, k) > 0 { k += spaceLength(bytes, k) }
                guard k < bytes.count, isIDByte(bytes[k]) else { break }
                j = k
            }
            guard end > valueStart else { return nil }
            let value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            return (key, value.filter { !$0.isWhitespace }, end)
        default:
            while j < bytes.count, spaceLength(bytes, j) == 0, emojiAt(bytes, j) == nil {
                j += 1
            }
            guard j > valueStart else { return nil }
            return (key, String(decoding: bytes[valueStart..<j], as: UTF8.self), j)
        }
    }

    /// Whether a Dataview field's `[key::` (or `(key::`) starts at `start`, without looking for
    /// its end: cheap enough to ask at every bracket.
    private static func opensField(_ bytes: [UInt8], at start: Int) -> Bool {
        var j = start + 1
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
        let keyStart = j
        while j < bytes.count, j - keyStart <= 64, bytes[j] >= 0x80 || isIDByte(bytes[j]) { j += 1 }
        return j > keyStart && j + 1 < bytes.count && bytes[j] == UInt8(ascii: ":") && bytes[j + 1] == UInt8(ascii: ":")
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
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
        fields(inLine: line).filter { !$0.dataview }.map { ($0.range, $0.key, $0.value) }
    }

    /// The Dataview fields of one source line (`[key:: value]`, `(key:: value)`), as `lint --fix`
    /// rewrites them for a journal in Tasks' emoji format: byte range, folded key, value.
    /// Comments are skipped as the parser skips them.
    static func dataviewFields(inLine line: String) -> [(range: Range<Int>, key: String, value: String)] {
        fields(inLine: line).filter(\.dataview).map { ($0.range, $0.key, $0.value) }
    }

    /// Every field of one source line, Dataview and emoji, in order, outside comments.
    private static func fields(inLine line: String) -> [(dataview: Bool, range: Range<Int>, key: String, value: String)] {
        let bytes = Array(line.utf8)
        var found: [(dataview: Bool, range: Range<Int>, key: String, value: String)] = []
        var comment: Comment?
        var i = 0
        while i < bytes.count {
            if let open = comment {
                if open == .html, bytes[i...].starts(with: commentEnd) {
                    comment = nil
                    i += 3
                } else if open == .obsidian, bytes[i...].starts(with: obsidianComment) {
                    comment = nil
                    i += 2
                } else {
                    i += 1
                }
                continue
            }
            if bytes[i] == UInt8(ascii: "<"), bytes[i...].starts(with: commentStart) {
                comment = .html
                i += 4
            } else if bytes[i] == UInt8(ascii: "%"), bytes[i...].starts(with: obsidianComment) {
                comment = .obsidian
                i += 2
            } else if bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "("),
                      let (key, _, value, next) = field(in: bytes, at: i) {
                found.append((true, i..<next, key, value))
                i = next
            } else if bytes[i] >= 0xE2, let field = emojiField(in: bytes, at: i) {
                found.append((false, i..<field.end, field.key, field.value))
                i = field.end
            } else {
                i += 1
            }
        }
        return found
    }

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let obsidianComment = Array("%%".utf8)
    private static let emojiBytes: [([UInt8], String)] = emojiFields.map { (Array(String($0.0).utf8), $0.1) }

    /// A Dataview field `[key:: value]` or `(key:: value)` starting at `start`: its folded key,
    /// its key as written, trimmed value, and the index after its closing bracket.
    static func field(in bytes: [UInt8], at start: Int) -> (String, String, String, Int)? {
        let close = bytes[start] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        var j = start + 1
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
        let keyStart = j
        // Keys are letters (accented ones too), digits, `-` and `_`; no key is longer than 64
        // bytes, which bounds the work at each bracket of a hostile line.
        while j < bytes.count, j - keyStart <= 64, bytes[j] >= 0x80 || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
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
        while j < bytes.count, bytes[j] != close { j += 1 }
        guard j < bytes.count else { return nil }
        let value = String(decoding: bytes[valueStart..<j], as: UTF8.self).trimmingWhitespace
        return (key, written, value, j + 1)
    }
}
