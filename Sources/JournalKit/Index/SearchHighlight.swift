import Foundation

/// Marks the words of a query in a line found by the search, as SQLite's FTS5 `highlight()`
/// would, but without asking SQLite to tokenise every line found a second time (that was most
/// of a query's cost). Tokens are cut and folded as the search table's tokenizer does
/// (`unicode61 remove_diacritics 2`): runs of letters, digits and private-use characters,
/// compared without case or accents. A test compares the two on hostile lines. Where they could
/// still differ, the line was found by SQLite all the same: at worst a word is not marked.
struct SearchHighlight {
    /// A word or a phrase of the query, as tokens; `prefix`: its last token may be the start of
    /// a longer word.
    struct Term {
        var tokens: [String]
        var prefix: Bool
    }

    let terms: [Term]
    /// Distinct non-ASCII tokens folded once: prose repeats its words.
    private var folded: [Substring: String] = [:]

    init(words: [(text: String, prefix: Bool)]) {
        var cache: [Substring: String] = [:]
        terms = words.compactMap { word in
            let tokens = Self.tokens(of: word.text).map { Self.fold($0, cache: &cache) }
            return tokens.isEmpty ? nil : Term(tokens: tokens, prefix: word.prefix)
        }
    }

    /// `text` with each match between `open` and `close`; overlapping matches are one.
    mutating func marked(_ text: String, open: String, close: String) -> String {
        let tokens = Self.tokens(of: text)
        guard !tokens.isEmpty else { return text }
        let keys = tokens.map { Self.fold($0, cache: &folded) }
        var ranges: [(start: Int, end: Int)] = []
        for term in terms where term.tokens.count <= keys.count {
            for first in 0...(keys.count - term.tokens.count) where matches(term, keys, at: first) {
                ranges.append((first, first + term.tokens.count - 1))
            }
        }
        guard !ranges.isEmpty else { return text }
        ranges.sort { $0.start < $1.start }
        var merged: [(start: Int, end: Int)] = []
        for range in ranges {
            if let last = merged.last, range.start <= last.end {
                merged[merged.count - 1].end = max(last.end, range.end)
            } else {
                merged.append(range)
            }
        }
        var out = ""
        var position = text.startIndex
        for range in merged {
            let start = tokens[range.start].startIndex, end = tokens[range.end].endIndex
            out += text[position..<start]
            out += open
            out += text[start..<end]
            out += close
            position = end
        }
        out += text[position...]
        return out
    }

    private func matches(_ term: Term, _ keys: [String], at first: Int) -> Bool {
        for (offset, token) in term.tokens.enumerated() {
            let key = keys[first + offset]
            if term.prefix && offset == term.tokens.count - 1 {
                if !key.hasPrefix(token) { return false }
            } else if key != token {
                return false
            }
        }
        return true
    }

    /// The tokens of `text`, each a slice of it.
    static func tokens(of text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isTokenCharacter(scalars[index]) {
                if start == nil { start = index }
            } else if let begun = start {
                tokens.append(Substring(text.unicodeScalars[begun..<index]))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begun = start { tokens.append(Substring(text.unicodeScalars[begun...])) }
        return tokens
    }

    /// Letters, numbers and private-use characters: unicode61's default token characters.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    /// Lower case, accents removed (every combining mark of the decomposed letter).
    static func fold(_ token: Substring, cache: inout [Substring: String]) -> String {
        if token.utf8.allSatisfy({ $0 < 0x80 }) { return token.lowercased() }
        if let known = cache[token] { return known }
        var scalars = String.UnicodeScalarView()
        for scalar in String(token).decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        let folded = String(scalars).lowercased()
        cache[token] = folded
        return folded
    }
}
