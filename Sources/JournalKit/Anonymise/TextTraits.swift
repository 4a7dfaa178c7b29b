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
    /// Two ASCII capitals, then two digits, a space between them or not: an IBAN, a National
    /// Insurance number (`FR76`, `QQ 12`).
    var capitalsBeforeDigits = false
    /// A digit, then two ASCII capitals: the end of a British postcode (`1AA`).
    var digitBeforeCapitals = false
    /// A word that ends a domain name (`fr`, `com`, `example`) right after a dot.
    var topLevelDomain = false
    /// Which `Trigger` words the text holds, one bit each.
    private var triggers: UInt32 = 0
    /// The same, for the words written with an ASCII capital first (`Street`, not `street`):
    /// what the case-sensitive patterns need.
    private var capitalTriggers: UInt32 = 0

    /// Words a pattern in words starts from, folded (no case, no accent).
    enum Trigger: Int, CaseIterable {
        case month, day, period, age, week, street, residence, house, unit, postcode, siret, scheme
        /// The French street words a name follows (« rue Victor Hugo »).
        case frenchStreet
        /// The English street words after a name (`12 Mill Road`, `Church Lane`).
        case englishStreet
        /// An `@` and a `.` spelled out: `nkem at example [dot] org`, « arobase », « (point) ».
        case spelledAt, spelledDot

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
            case .age:
                // « il a eu 50 ans », "he is 42.", "she turned 50", "he's 42"
                return ["ans", "year", "years", "aged", "is", "was", "am", "s", "m", "turned", "turns", "turning", "turn"]
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
            case .frenchStreet: return ["rue", "avenue", "boulevard", "impasse", "allee", "quai", "chemin"]
            case .englishStreet:
                return ["street", "st", "road", "rd", "avenue", "ave", "lane", "row", "drive", "way", "place", "square", "court",
                        "close", "crescent", "terrace", "gardens", "hill", "walk", "quay", "wharf", "mews", "parade", "grove"]
            case .spelledAt: return ["at", "arobase", "arobas"]
            case .spelledDot: return ["dot", "point"]
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
        var capital = false
        var afterDot = false
        // The bytes before this one, as written (a character outside ASCII by its first byte).
        var back1: UInt8 = 0, back2: UInt8 = 0, back3: UInt8 = 0, back4: UInt8 = 0
        func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isNumeral(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        // The word read so far, as the hash of its folded bytes (`ContentHash.value`).
        let basis = ContentHash.basis
        var hash = basis
        func add(_ byte: UInt8) { hash = ContentHash.adding(byte, to: hash) }
        let utf8 = text.utf8
        var index = utf8.startIndex
        func endWord() {
            if hash != basis, let bits = Self.table[hash] {
                triggers |= bits
                if capital { capitalTriggers |= bits }
            }
            if afterDot, hash != basis, Self.domains.contains(hash) { topLevelDomain = true }
            hash = basis
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit, isNumeral(back1),
               (isCapital(back2) && isCapital(back3)) || (back2 == 0x20 && isCapital(back3) && isCapital(back4)) {
                capitalsBeforeDigits = true
            }
            if isCapital(byte), isCapital(back1), isNumeral(back2) { digitBeforeCapitals = true }
            defer {
                back4 = back3
                back3 = back2
                back2 = back1
                back1 = byte
            }
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
                if wordStart == nil {
                    wordStart = index
                    capital = byte <= 0x5A
                    afterDot = previous == 0x2E
                }
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
                let third = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex).flatMap { $0 < utf8.endIndex ? utf8[$0] : nil } ?? 0
                // U+3000 and U+1680 are spaces too.
                if (byte == 0xE3 && second == 0x80 && third == 0x80) || (byte == 0xE1 && second == 0x9A && third == 0x80) {
                    letter = nil
                }
                if let letter, letter != 0 {
                    add(letter)
                    if wordStart == nil {
                        wordStart = index
                        capital = false
                        afterDot = false
                    }
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

    /// The endings of domain names the link pattern knows, by their hash.
    private static let domains: Set<UInt64> = Set(["fr", "com", "org", "net", "io", "eu", "be", "ch", "ca", "lu", "co", "uk", "de", "es",
                                                   "it", "info", "biz", "example", "app", "dev", "me"].map { ContentHash.value($0.utf8) })

    /// U+00C0–U+00FF by their last six bits: the letter without its accent, 0 for × and ÷.
    private static let latin1: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty".utf8).map { $0 == UInt8(ascii: "_") ? 0 : $0 }

    func has(_ trigger: Trigger) -> Bool { triggers & (1 << UInt32(trigger.rawValue)) != 0 }

    /// Whether a word of `trigger` is written with an ASCII capital first.
    func hasCapitalised(_ trigger: Trigger) -> Bool { capitalTriggers & (1 << UInt32(trigger.rawValue)) != 0 }
}
