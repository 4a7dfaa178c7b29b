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
    }

    /// The character between the brackets of a checkbox, nil when the item has none.
    var marker: Character?
    var markerColumn: Int
    var fields: [Field]
    /// Everything else on the item's lines: fields and comments removed, whitespace folded.
    var text: String
    /// True when an HTML comment was removed from the item's text.
    var hadComment: Bool

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
        markerColumn = 0
        fields = []
        hadComment = false
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
        // The checkbox: `[c]` followed by a space or the end of the line.
        if var first = pieces.first {
            let chars = Array(first.text.prefix(4))
            if chars.count >= 3, chars[0] == "[", chars[2] == "]", chars.count == 3 || chars[3] == " " || chars[3] == "\t" {
                if !(chars[1] == ":" ) {
                    marker = chars[1]
                    markerColumn = first.columnOffset + 1
                    first.text = first.text.dropFirst(3)
                    first.columnOffset += 3
                    pieces[0] = first
                }
            } else if chars.count >= 2, chars[0] == "[", chars[1] == "]" {
                // `[]` is a checkbox missing its space: reported as an invalid marker.
                marker = "\u{0}"
                markerColumn = first.columnOffset + 1
                first.text = first.text.dropFirst(2)
                first.columnOffset += 2
                pieces[0] = first
            }
        }
        var words: [String] = []
        var inComment = false
        for piece in pieces {
            let (kept, fieldsHere, sawComment) = Self.extract(
                piece.text, line: piece.line, columnOffset: piece.columnOffset, inComment: &inComment)
            fields += fieldsHere
            hadComment = hadComment || sawComment
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
    private static func extract(_ line: Substring, line number: Int, columnOffset: Int,
                                inComment: inout Bool) -> (String, [Field], Bool) {
        var kept = ""
        var fields: [Field] = []
        var sawComment = inComment
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            if inComment {
                if chars[i] == "-", i + 2 < chars.count, chars[i + 1] == "-", chars[i + 2] == ">" {
                    inComment = false
                    i += 3
                } else {
                    i += 1
                }
                continue
            }
            let c = chars[i]
            if c == "<", i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                inComment = true
                sawComment = true
                i += 4
                continue
            }
            if c == "[", let (field, next) = field(in: chars, at: i) {
                fields.append(Field(key: field.0, value: field.1, line: number,
                                    column: columnOffset + i + 1))
                i = next
                continue
            }
            if let key = emojiFields.first(where: { $0.0 == c })?.1 {
                var j = i + 1
                while j < chars.count, chars[j] == " " || chars[j] == "\u{FE0F}" { j += 1 }
                let start = j
                while j < chars.count, chars[j] != " ", chars[j] != "\t" { j += 1 }
                if j > start {
                    fields.append(Field(key: key, value: String(chars[start..<j]), line: number,
                                        column: columnOffset + i + 1))
                    i = j
                    continue
                }
            }
            kept.append(c)
            i += 1
        }
        return (kept, fields, sawComment)
    }

    /// A Dataview field `[key:: value]` starting at `start`: its folded key and trimmed value,
    /// and the index after its closing bracket.
    private static func field(in chars: [Character], at start: Int) -> ((String, String), Int)? {
        var j = start + 1
        while j < chars.count, chars[j] == " " { j += 1 }
        let keyStart = j
        while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" {
            j += 1
        }
        guard j > keyStart, j + 1 < chars.count, chars[j] == ":", chars[j + 1] == ":" else { return nil }
        let key = TextFold.fold(String(chars[keyStart..<j]))
        j += 2
        let valueStart = j
        while j < chars.count, chars[j] != "]" { j += 1 }
        guard j < chars.count else { return nil }
        let value = String(chars[valueStart..<j]).trimmingCharacters(in: .whitespaces)
        return ((key, value), j + 1)
    }
}
