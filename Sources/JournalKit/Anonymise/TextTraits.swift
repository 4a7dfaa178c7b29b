/// What a text holds that a detector's pattern needs before it can match: digits, an `@`, a
/// dot before a letter, and its words. Read in one pass over the bytes, so that the regular
/// expressions (most of a summary's time) run only on the texts where they could match:
/// most paragraphs of prose have no date, phone or address at all.
struct TextTraits: Sendable {
    var digits = 0
    /// The longest run of consecutive digits.
    var longestDigitRun = 0
    var at = false
    /// A `.` followed at once by a letter or digit: a domain, an abbreviation with a dot.
    var dotBeforeLetter = false
    /// `/`, `.` or `-` between two digits: a date in digits.
    var digitSeparator = false
    /// `'` or `’` before a digit: '24.
    var apostropheBeforeDigit = false
    /// Which `Trigger` words the text holds, one bit each.
    private var triggers: UInt32 = 0

    /// Words a pattern in words starts from, folded (no case, no accent).
    enum Trigger: Int, CaseIterable {
        case month, day, period, age, week, street, residence, house, unit, postcode, siret, scheme

        var words: [String] {
            switch self {
            case .month:
                return ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                        "novembre", "decembre", "january", "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december", "janv", "jan", "fevr", "fev", "feb", "mar", "avr",
                        "apr", "juil", "jul", "jun", "aug", "sept", "sep", "oct", "nov", "dec"]
            case .day:
                let days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday",
                            "wednesday", "thursday", "friday", "saturday", "sunday"]
                return days + days.map { $0 + "s" } + ["mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
                                                        "sat", "sun", "lun", "mar", "mer", "jeu", "ven", "sam", "dim"]
            case .period:
                return ["noel", "paques", "toussaint", "pentecote", "reveillon", "christmas", "xmas", "easter", "thanksgiving",
                        "halloween", "half", "boxing", "new", "nouvel", "an", "sylvestre", "valentin", "valentine", "hogmanay",
                        "bank", "rentree"]
            case .age: return ["ans", "year", "years", "aged"]
            case .week: return ["semaine", "week", "sem"]
            case .street:
                return ["rue", "avenue", "av", "boulevard", "bd", "place", "allee", "chemin", "impasse", "quai", "route", "cours",
                        "square", "passage", "chaussee", "rond", "lieu", "residence", "street", "st", "road", "rd", "lane",
                        "drive", "way", "row", "ave", "court", "close", "crescent", "terrace", "gardens", "hill", "walk",
                        "quay", "wharf", "mews", "parade", "grove"]
            case .residence: return ["residence", "lotissement", "domaine", "hameau", "villa", "immeuble", "batiment", "cite"]
            case .house:
                return ["vicarage", "rectory", "manor", "lodge", "cottage", "cottages", "farm", "farmhouse", "grange", "barn",
                        "mill", "house", "court", "works", "yard", "wharf"]
            case .unit: return ["unit", "flat", "apartment", "apt", "suite"]
            case .postcode: return ["code", "cp", "postcode"]
            case .siret: return ["siret", "siren", "rcs"]
            case .scheme: return ["http", "https", "ftp", "www"]
            }
        }
    }

    /// Each trigger word's hash, with the bits of the triggers it belongs to. Two words with
    /// one hash would only make a pattern run for nothing.
    private static let table: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        for trigger in Trigger.allCases {
            for word in trigger.words { table[ContentHash.value(word.utf8), default: 0] |= 1 << UInt32(trigger.rawValue) }
        }
        return table
    }()

    init(_ text: String) {
        var run = 0
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var wordStart: String.Index?
        // The word read so far, as the hash of its folded bytes (`ContentHash.value`).
        let basis = ContentHash.basis
        var hash = basis
        func add(_ byte: UInt8) { hash = ContentHash.adding(byte, to: hash) }
        let utf8 = text.utf8
        var index = utf8.startIndex
        func endWord() {
            if hash != basis, let bits = Self.table[hash] { triggers |= bits }
            hash = basis
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit {
                digits += 1
                run += 1
                longestDigitRun = max(longestDigitRun, run)
                if beforePrevious >= 0x30 && beforePrevious <= 0x39, previous == 0x2F || previous == 0x2E || previous == 0x2D {
                    digitSeparator = true
                }
                if previous == 0x27 { apostropheBeforeDigit = true }
            } else {
                run = 0
            }
            if byte == 0x40 { at = true }
            let isASCIILetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if previous == 0x2E, isASCIILetter || isDigit { dotBeforeLetter = true }
            if isASCIILetter {
                add(byte | 0x20)
                if wordStart == nil { wordStart = index }
            } else if byte >= 0xC0 {
                // Outside ASCII: Latin-1 letters join the word without their accent (é → e);
                // other letters join it as `*`, which no trigger has; punctuation and spaces
                // (U+0080–U+00BF, U+2000–U+206F: «, », ’, no-break spaces) end it.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = utf8.index(index, offsetBy: length, limitedBy: utf8.endIndex) ?? utf8.endIndex
                let second = utf8.index(after: index) < utf8.endIndex ? utf8[utf8.index(after: index)] : 0
                var letter: UInt8?
                if byte == 0xC3 {
                    letter = Self.latin1[Int(second & 0x3F)]
                } else if byte == 0xC2 || (byte == 0xE2 && (second == 0x80 || second == 0x81)) {
                    letter = nil
                } else {
                    letter = UInt8(ascii: "*")
                }
                if let letter, letter != 0 {
                    add(letter)
                    if wordStart == nil { wordStart = index }
                } else {
                    endWord()
                    wordStart = nil
                }
                beforePrevious = previous
                // ’ counts as ' (the '24 of a year).
                previous = byte == 0xE2 && second == 0x80 && end > utf8.index(index, offsetBy: 2) && utf8[utf8.index(index, offsetBy: 2)] == 0x99 ? 0x27 : byte
                index = end
                continue
            } else if byte < 0x80 {
                endWord()
                wordStart = nil
            }
            beforePrevious = previous
            previous = byte
            index = utf8.index(after: index)
        }
        endWord()
    }

    /// U+00C0–U+00FF by their last six bits: the letter without its accent, 0 for × and ÷.
    private static let latin1: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty".utf8).map { $0 == UInt8(ascii: "_") ? 0 : $0 }

    func has(_ trigger: Trigger) -> Bool { triggers & (1 << UInt32(trigger.rawValue)) != 0 }
}
