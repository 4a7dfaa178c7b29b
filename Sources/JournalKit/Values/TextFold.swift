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
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if isSymbol(scalar) { continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if value >= 0xC0, value < 0x180 {
                out.append(contentsOf: latin[Int(value - 0xC0)].utf8)
            } else {
                out.append(contentsOf: plain(scalar).utf8)
            }
        }
        while let last = out.last, last == UInt8(ascii: ":") || last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// `plain` of U+00C0–U+017F (the accented letters of French and its neighbours), worked
    /// out once: decomposing each letter again is most of the cost of folding prose.
    private static let latin: [String] = (0xC0..<0x180).map { plain(Unicode.Scalar($0)!) }

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
