import Foundation

/// How headings, keys and enumerated values are compared: without case, accents, emoji,
/// a trailing colon, or extra spaces. "🎯 Objectif(s) de coaching :" → "objectif(s) de coaching".
enum TextFold {
    /// The text in Unicode's composed form (NFC): the one form in which ids and paths are
    /// compared and stored. macOS writes file names decomposed (NFD: `e` then U+0301), keyboards
    /// type them composed (`é`), and SQLite compares bytes: the same id in two forms would be
    /// two clients.
    static func composed(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Invisible characters (soft hyphens, zero-width spaces and joiners, byte-order marks) are
    /// removed, and the text is put in one Unicode form, so that a name cannot hide behind them.
    static func visible(_ text: String) -> String {
        guard mayHideLetters(text.utf8) else { return text }
        let composed = text.precomposedStringWithCanonicalMapping
        // U+02BC is a letter to Unicode, an apostrophe to the writer: « dʼAmélie ».
        guard composed.unicodeScalars.contains(where: { $0.properties.generalCategory == .format || $0 == "\u{02BC}" }) else { return composed }
        var scalars = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars where scalar.properties.generalCategory != .format {
            scalars.append(scalar == "\u{02BC}" ? "\u{2019}" : scalar)
        }
        return String(scalars)
    }

    /// Whether `visible` could change anything: a byte scan for what starts an invisible
    /// format character (U+00AD, U+200B–U+200F, U+2060–U+206F, U+FEFF), U+02BC, a combining
    /// mark (text not in composed form) or a Cyrillic or Greek letter. Most lines of French
    /// prose have accents and none of these, and skip the costly normalisation.
    static func mayHideLetters<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in bytes {
            // Combining marks (U+0300–U+036F), Greek and Cyrillic (U+0370–U+052F).
            if byte >= 0xCC && byte <= 0xD4 { return true }
            switch (first, second, byte) {
            case (_, 0xC2, 0xAD), (_, 0xCA, 0xBC), (0xEF, 0xBB, 0xBF): return true
            case (0xE2, 0x80, 0x8B...0x8F), (0xE2, 0x80, 0xAA...0xAE), (0xE2, 0x81, 0xA0...0xAF): return true
            default: break
            }
            first = second
            second = byte
        }
        return false
    }

    /// `Character.isLetter` without a Unicode property look-up for ASCII, most of any text.
    @inline(__always) static func isLetter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return character.isLetter
    }

    /// What Swift's `Character` says of a character that starts with a given scalar (letter,
    /// capital, lower case, digit), and whether the scalar extends the character before it
    /// (a combining mark, a variation selector): the byte scanners of the anonymiser and of
    /// the leak gate read text on its UTF-8 bytes and must cut it where `Character` does.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let letter = Flags(rawValue: 1)
        static let upper = Flags(rawValue: 2)
        static let lower = Flags(rawValue: 4)
        static let number = Flags(rawValue: 8)
        /// Joins the character before it (`Character` would not start a new one here).
        static let extend = Flags(rawValue: 16)
        /// A control (line breaks included): nothing joins it.
        static let control = Flags(rawValue: 32)
    }

    @inline(__always) static func flags(_ value: UInt32) -> Flags {
        if value < 0x800 { return flagTable[Int(value)] }
        if value >= 0x2000, value < 0x2070 { return punctuationFlags[Int(value - 0x2000)] }
        return computedFlags(value)
    }

    private static func computedFlags(_ value: UInt32) -> Flags {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        let character = Character(scalar)
        var flags: Flags = []
        if character.isLetter { flags.insert(.letter) }
        if character.isUppercase { flags.insert(.upper) }
        if character.isLowercase { flags.insert(.lower) }
        if character.isNumber { flags.insert(.number) }
        let properties = scalar.properties
        if properties.isGraphemeExtend || properties.generalCategory == .spacingMark || value == 0x200D
            || (0x1F3FB...0x1F3FF).contains(value) {
            flags.insert(.extend)
        }
        switch properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: flags.insert(.control)
        case .format where value != 0x200C && value != 0x200D: flags.insert(.control)
        default: break
        }
        return flags
    }

    /// U+0000–U+07FF (ASCII, Latin, Greek, Cyrillic, combining marks) and the general
    /// punctuation (’, « », no-break spaces), worked out once.
    private static let flagTable: [Flags] = (0..<0x800).map { computedFlags(UInt32($0)) }
    private static let punctuationFlags: [Flags] = (0x2000..<0x2070).map { computedFlags(UInt32($0)) }

    /// The scalar that starts at `index` of well-formed UTF-8 `bytes`, and its length.
    @inline(__always) static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        // UTF-8 bytes, appended to an array: a String grown scalar by scalar copies itself.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII without a property look-up: most letters of French prose.
                if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            // Latin, Greek, Cyrillic and the general punctuation (’, « », no-break spaces) from a
            // table; the rest by their Unicode properties, as the table was made.
            let folded: Folded
            if value < 0x800 {
                folded = foldTable[Int(value - 0x80)]
            } else if value >= 0x2000, value < 0x2070 {
                folded = punctuationFolds[Int(value - 0x2000)]
            } else {
                folded = Self.folded(scalar)
            }
            switch folded {
            case .space:
                pendingSpace = !out.isEmpty
            case .dropped:
                break
            case .text(let bytes):
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: bytes)
            }
        }
        while let last = out.last, last == UInt8(ascii: ":") || last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// What `fold` makes of one scalar outside ASCII: a space, nothing (a symbol), or its
    /// plain letters.
    private enum Folded {
        case space, dropped
        case text([UInt8])
    }

    private static func folded(_ scalar: Unicode.Scalar) -> Folded {
        if scalar.properties.isWhitespace { return .space }
        if isSymbol(scalar) { return .dropped }
        return .text(Array(plain(scalar).utf8))
    }

    /// `folded` of U+0080–U+07FF and U+2000–U+206F, worked out once: decomposing each letter
    /// again is most of the cost of folding prose.
    private static let foldTable: [Folded] = (0x80..<0x800).map { folded(Unicode.Scalar(UInt32($0))!) }
    private static let punctuationFolds: [Folded] = (0x2000..<0x2070).map { folded(Unicode.Scalar(UInt32($0))!) }

    /// The common case, headings and keys in plain ASCII, without Unicode property look-ups.
    private static func foldASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        while let last = bytes.last, last == UInt8(ascii: ":") || last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Emoji, variation selectors and joiners: decoration, not words.
    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) { return true }
        if scalar.isASCII { return false }
        let properties = scalar.properties
        if properties.isEmojiPresentation { return true }
        if properties.isEmoji, !properties.isAlphabetic, !(scalar.value >= 0x30 && scalar.value <= 0x39) {
            return true
        }
        switch properties.generalCategory {
        case .otherSymbol, .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private static let confusables: [Unicode.Scalar: String] = {
        let pairs = "Аa Вb Еe Кk Мm Нh Оo Рp Сc Тt Хx Уy Іi Јj Ѕs аa еe оo рp сc уy хx іi јj ѕs ԁd ԛq ԝw "
            + "Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx οo ιi κk νv ρp τt υu χx"
        var map: [Unicode.Scalar: String] = [:]
        for pair in pairs.split(separator: " ") {
            let scalars = Array(pair.unicodeScalars)
            map[scalars[0]] = String(scalars[1])
        }
        return map
    }()

    /// Lower case without diacritics; ligatures spelt out.
    private static func plain(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return String(scalar).lowercased() }
        switch scalar {
        case "œ", "Œ": return "oe"
        case "æ", "Æ": return "ae"
        case "ß": return "ss"
        case "\u{2019}", "\u{2018}", "\u{02BC}": return "'"
        default: break
        }
        // Cyrillic and Greek letters drawn like Latin ones: « Аmélie » with a Cyrillic А is Amélie.
        if let latin = confusables[scalar] { return latin }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(decomposed)).lowercased()
    }
}
