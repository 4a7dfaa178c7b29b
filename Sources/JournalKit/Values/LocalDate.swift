/// A calendar day, with no time and no zone.
public struct LocalDate: Sendable, Hashable, Comparable, TextCodable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil for a day that does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// What sorts optional days as the index does: a missing day before every day.
    static func sortKey(_ date: LocalDate?) -> Int { date?.dayNumber ?? Int.min }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// `2026-03-18` or French `18/03/2026` (day first, never US order).
    public static func parse(_ text: Substring) -> Result<LocalDate, ValueError> {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value
        }
        var parts: (Int, Int, Int)?
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) {
            parts = (y, m, d)
        } else if bytes.count >= 8, bytes.count <= 10 {
            let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
            if pieces.count == 3, (1...2).contains(pieces[0].count), (1...2).contains(pieces[1].count),
               pieces[2].count == 4, let d = Int(pieces[0]), let m = Int(pieces[1]), let y = Int(pieces[2]),
               pieces.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }) {
                parts = (y, m, d)
            }
        }
        guard let (y, m, d) = parts else { return .failure(.notADate(String(text))) }
        guard let date = LocalDate(year: y, month: m, day: d) else {
            return .failure(.impossibleDate(String(text)))
        }
        return .success(date)
    }

    static func fromText(_ text: String) -> LocalDate? { try? parse(Substring(text)).get() }

    /// Month names, folded, French and English, with their usual abbreviations.
    private static let monthNames: [String: Int] = {
        let names: [[String]] = [
            ["janvier", "janv", "january", "jan"], ["fevrier", "fevr", "fev", "february", "feb"],
            ["mars", "march", "mar"], ["avril", "avr", "april", "apr"], ["mai", "may"],
            ["juin", "june", "jun"], ["juillet", "juil", "july", "jul"], ["aout", "august", "aug"],
            ["septembre", "sept", "sep", "september"], ["octobre", "oct", "october"],
            ["novembre", "nov", "november"], ["decembre", "dec", "december"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() { for word in words { table[word] = index + 1 } }
        return table
    }()

    /// A day written in words, as people write it in prose: `3 décembre 2026`, `mardi 1er
    /// décembre 2026`, `3 déc. 2026`, `December 3, 2026`. Only to say how it is written in
    /// digits: journal reads dates in digits alone.
    static func fromWords(_ text: String) -> LocalDate? {
        guard text.count <= 40 else { return nil }
        let words = TextFold.fold(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
            .map(String.init).filter { !$0.isEmpty }
        let weekdays: Set<String> = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "le",
                                     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the"]
        let rest = words.drop(while: { weekdays.contains($0) })
        func number(_ word: String) -> Int? {
            let digits = word.hasSuffix("er") ? String(word.dropLast(2))
                : word.hasSuffix("st") || word.hasSuffix("nd") || word.hasSuffix("rd") || word.hasSuffix("th") ? String(word.dropLast(2)) : word
            guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
        let parts = Array(rest)
        guard parts.count == 3 else { return nil }
        var day: Int?, month: Int?
        if let d = number(parts[0]), let m = monthNames[parts[1]] {
            (day, month) = (d, m)
        } else if let m = monthNames[parts[0]], let d = number(parts[1]) {
            (day, month) = (d, m)
        }
        guard let day, let month, parts[2].count == 4, let year = number(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
