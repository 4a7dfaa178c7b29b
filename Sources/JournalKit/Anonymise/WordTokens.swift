/// The words of a text, for matching names: runs of letters. Hyphens, apostrophes, dots and
/// underscores separate words, so that a declared name is found inside a compound or a slug
/// (`l'après-Jean-Pierre`, `notes-mh-delatour`), and "Paul" never matches inside "Pauline".
/// The Breton `c'h` stays inside its word (`Guivarc'h` is one word, not `Guivarc` and `h`).
struct WordTokens {
    struct Token {
        var range: Range<String.Index>
        /// Without case or accents: "Amélie" and "AMELIE" are both `amelie`.
        var folded: String
        /// Whether the word starts with a capital letter as written.
        var capitalised: Bool
        /// Whether every letter is a capital (`AR`, `AMÉLIE`).
        var shouted: Bool
    }

    var tokens: [Token] = []

    /// Read on the UTF-8 bytes, cut where `Character` would cut (a combining mark stays with
    /// its letter), without building a `Character` for every letter: the leak gate has its own
    /// reading, this one is the anonymiser's.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        let source = text
        tokens = source.utf8.withContiguousStorageIfAvailable { Self.tokens(of: source, bytes: $0) } ?? []
    }

    private static func tokens(of source: String, bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        let utf8 = source.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        /// The flags of the scalar at `offset`, its length, and whether it joins the character
        /// before it (whose last scalar had `before` and ended with `beforeByte`).
        func read(_ offset: Int, after before: TextFold.Flags, _ beforeByte: UInt8) -> (TextFold.Flags, Int, Bool) {
            let byte = bytes[offset]
            if byte < 0x80 {
                let flags = TextFold.flags(UInt32(byte))
                return (flags, 1, byte == 0x0A && beforeByte == 0x0D)
            }
            let (value, length) = TextFold.scalar(bytes, at: offset)
            let flags = TextFold.flags(value)
            return (flags, length, flags.contains(.extend) && !before.contains(.control))
        }
        var tokens: [Token] = []
        // Prose says the same words again and again: each is folded once (ASCII ones need no look-up).
        var folds: [Substring: String] = [:]
        var scratch: [UInt8] = []
        var offset = 0
        var previousFlags: TextFold.Flags = .control
        var previousByte: UInt8 = 0
        var atStart = true
        while offset < bytes.count {
            let (flags, length, joinsBefore) = read(offset, after: previousFlags, previousByte)
            let joined = !atStart && joinsBefore
            atStart = false
            guard !joined, flags.contains(.letter) else {
                previousFlags = flags
                previousByte = bytes[offset + length - 1]
                offset += length
                continue
            }
            let start = offset
            var ascii = bytes[offset] < 0x80
            // Letters as characters: how many, whether one is lower case, whether one holds a mark.
            var letters = 1
            var lower = flags.contains(.lower)
            var marked = false
            let firstLength = length
            previousFlags = flags
            previousByte = bytes[offset + length - 1]
            offset += length
            while offset < bytes.count {
                let (flags, length, joined) = read(offset, after: previousFlags, previousByte)
                if joined {
                    marked = true
                } else if flags.contains(.letter) {
                    letters += 1
                    if flags.contains(.lower) { lower = true }
                } else if !isBretonApostrophe(bytes, at: offset, length: length, wordStart: start) {
                    break
                }
                if bytes[offset] >= 0x80 { ascii = false }
                previousFlags = flags
                previousByte = bytes[offset + length - 1]
                offset += length
            }
            let range = index(start)..<index(offset)
            let word = source[range]
            let folded: String
            if ascii {
                scratch.removeAll(keepingCapacity: true)
                for byte in bytes[start..<offset] { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                folded = String(decoding: scratch, as: UTF8.self)
            } else if let known = folds[word] {
                folded = known
            } else {
                folded = TextFold.fold(String(word))
                folds[word] = folded
            }
            let firstMarked = marked && start + firstLength < offset
                && read(start + firstLength, after: TextFold.flags(TextFold.scalar(bytes, at: start).value), bytes[start + firstLength - 1]).2
            let capitalised = firstMarked ? word.first?.isUppercase == true
                                          : TextFold.flags(TextFold.scalar(bytes, at: start).value).contains(.upper)
            let shouted: Bool
            if marked {
                // A letter with a mark is one character: `Character` says what case it is.
                let all = word.filter(TextFold.isLetter)
                shouted = all.count > 1 && all.allSatisfy { !$0.isLowercase }
            } else {
                shouted = letters > 1 && !lower
            }
            tokens.append(Token(range: range, folded: folded, capitalised: capitalised, shouted: shouted))
        }
        return tokens
    }

    /// `c'h` inside a word: an apostrophe (a character of its own) after a `c` that follows
    /// another letter, before an `h` that ends the word.
    private static func isBretonApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int, wordStart: Int) -> Bool {
        let value = TextFold.scalar(bytes, at: offset).value
        guard value == 0x27 || value == 0x2019 || value == 0x02BC || value == 0x2018 else { return false }
        // The `c` just before, a character of its own, not the word's first.
        guard offset - 1 > wordStart, bytes[offset - 1] == UInt8(ascii: "c") || bytes[offset - 1] == UInt8(ascii: "C") else { return false }
        let h = offset + length
        guard h < bytes.count, bytes[h] == UInt8(ascii: "h") || bytes[h] == UInt8(ascii: "H") else { return false }
        // Nothing may join the apostrophe or the `h`, and no letter may follow the `h`.
        if h + 1 < bytes.count {
            let (next, _) = TextFold.scalar(bytes, at: h + 1)
            let flags = TextFold.flags(next)
            if flags.contains(.extend) || flags.contains(.letter) { return false }
        }
        return true
    }

    /// Folded words of a name or phrase.
    static func folded(_ text: String) -> [String] {
        WordTokens(text).tokens.map(\.folded)
    }

    /// A name's words grouped as written between spaces: `Paul Lemaire-Dubois` → [paul],
    /// [lemaire, dubois].
    static func groups(_ text: String) -> [[String]] {
        text.split(whereSeparator: { $0.isWhitespace }).map { folded(String($0)) }.filter { !$0.isEmpty }
    }
}
