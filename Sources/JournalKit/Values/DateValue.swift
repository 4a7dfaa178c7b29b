public import Foundation

/// A date as a coach writes it in a note: a day, maybe a time, maybe an explicit UTC offset.
/// Without an offset it is in the journal's time zone, applied only when an instant is needed.
public struct DateValue: Sendable, Hashable, TextCodable {
    public struct Time: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
    }

    /// How the date was written: `lint --fix` rewrites French dates to ISO.
    public enum Form: Sendable, Hashable { case iso, french }

    public var date: LocalDate
    public var time: Time?
    /// Minutes east of UTC, when the note gave an offset.
    public var offsetMinutes: Int?
    public var form: Form = .iso

    /// Equal when they name the same date, however it was spelt.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.date, lhs.time, lhs.offsetMinutes) == (rhs.date, rhs.time, rhs.offsetMinutes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(time)
        hasher.combine(offsetMinutes)
    }

    public init(date: LocalDate, time: Time? = nil, offsetMinutes: Int? = nil) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM`, plus `±HH:MM` when the note gave an offset.
    public var description: String {
        guard let time else { return date.description }
        var text = date.description + "T" + LocalDate.pad(time.hour, 2) + ":" + LocalDate.pad(time.minute, 2)
        if let offset = offsetMinutes {
            let sign = offset < 0 ? "-" : "+"
            text += sign + LocalDate.pad(abs(offset) / 60, 2) + ":" + LocalDate.pad(abs(offset) % 60, 2)
        }
        return text
    }

    /// The instant this names: the offset if given, else the journal's zone; a day alone is
    /// its midnight.
    ///
    /// A wall-clock time the zone skips (02:30 on the night clocks go from 02:00 to 03:00) is
    /// read with the offset in force before the change, as RFC 5545 reads it (so 03:30 summer
    /// time); the parser reports it. A time the zone has twice (02:30 on the night clocks go
    /// back) is the first of the two, also as RFC 5545 says: write the offset for the second.
    public func instant(in zone: TimeZone) -> Date {
        let wall = wallSeconds
        if let offset = offsetMinutes { return Date(timeIntervalSince1970: Double(wall - offset * 60)) }
        let readings = Self.readings(wall, in: zone)
        return Date(timeIntervalSince1970: Double(readings.first ?? wall - Self.offset(zone, at: wall - Self.day)))
    }

    /// Seconds since 1970 of the date and time as if they were UTC.
    private var wallSeconds: Int {
        date.dayNumber * Self.day + ((time?.hour ?? 0) * 60 + (time?.minute ?? 0)) * 60
    }

    private static let day = 86_400

    /// The zone's offset (seconds east of UTC) at an instant.
    private static func offset(_ zone: TimeZone, at seconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// The instants at which the zone's clocks show `wall`, earliest first: one on most days,
    /// none in the hour skipped in spring, two in the hour repeated in autumn. Offsets are
    /// taken from a day before and a day after: no zone changes twice within two days.
    private static func readings(_ wall: Int, in zone: TimeZone) -> [Int] {
        let offsets = Set([offset(zone, at: wall - day), offset(zone, at: wall + day)])
        return offsets.map { wall - $0 }.filter { offset(zone, at: $0) == wall - $0 }.sorted()
    }

    /// When this time (without an offset) is skipped by `zone`'s clocks: the wall-clock times the
    /// jump goes from and to (`02:00` and `03:00`), for a diagnostic that says so.
    public func skipped(in zone: TimeZone) -> (from: Time, to: Time)? {
        guard time != nil, offsetMinutes == nil else { return nil }
        let wall = wallSeconds
        guard Self.readings(wall, in: zone).isEmpty else { return nil }
        let before = Self.offset(zone, at: wall - Self.day), after = Self.offset(zone, at: wall + Self.day)
        // The change is within the day before `wall` read with the old offset: found to the minute.
        var low = (wall - Self.day - before) / 60, high = (wall - before) / 60
        while high - low > 1 {
            let middle = (low + high) / 2
            if Self.offset(zone, at: middle * 60) == before { low = middle } else { high = middle }
        }
        func clock(_ seconds: Int) -> Time {
            let minutes = ((seconds % Self.day) + Self.day) % Self.day / 60
            return Time(hour: minutes / 60, minute: minutes % 60)
        }
        return (clock(high * 60 + before), clock(high * 60 + after))
    }

    /// Now, to the minute, in `zone`.
    public static func now(in zone: TimeZone, clock: Date = Date()) -> DateValue {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: clock)
        let day = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        return DateValue(date: day, time: Time(hour: parts.hour!, minute: parts.minute!))
    }

    /// A date given on the command line: the same forms as in notes.
    public static func parseUserDate(_ text: String) -> DateValue? {
        try? parse(text).get()
    }

    static let maximumLength = 40

    /// ISO `2026-03-18`, `2026-03-18 10:00`, `2026-03-18T10:00[:SS][Z|±HH:MM|±HHMM]`; French
    /// `18/03/2026`, `18/03/2026 10:00`, `18/03/2026 10h00`, `18/03/2026 10h`.
    public static func parse(_ input: String) -> Result<DateValue, ValueError> {
        let text = input.trimmingWhitespace
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return .failure(.notADate(text)) }
        let datePart: Substring
        var rest: Substring = ""
        if let split = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = text[..<split]
            rest = text[text.index(after: split)...].drop(while: { $0 == " " })
        } else {
            datePart = Substring(text)
        }
        let day: LocalDate
        switch LocalDate.parse(datePart) {
        case .success(let parsed): day = parsed
        case .failure(.notADate):
            // The whole value is quoted (`3 décembre 2026`, not « 3 »), with its digits when
            // it is a date in words.
            if let meant = LocalDate.fromWords(text) { return .failure(.dateInWords(text, meant)) }
            return .failure(.notADate(text))
        case .failure(let error): return .failure(error)
        }
        var value = DateValue(date: day)
        // On the bytes: `contains("/")` went through Foundation's search. The date part was
        // read as a date, so it holds digits and separators only.
        value.form = datePart.utf8.contains(UInt8(ascii: "/")) ? .french : .iso
        guard !rest.isEmpty else { return .success(value) }
        // The offset starts at Z, + or - after the time.
        var offsetText: Substring = ""
        if let sign = rest.firstIndex(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }) {
            offsetText = rest[sign...]
            rest = rest[..<sign]
        }
        rest = Substring(String(rest).trimmingWhitespace)
        guard let time = parseTime(rest) else { return .failure(.badTime(String(rest))) }
        value.time = time
        if !offsetText.isEmpty {
            guard let offset = parseOffset(offsetText) else { return .failure(.badTime(String(offsetText))) }
            value.offsetMinutes = offset
        }
        return .success(value)
    }

    /// `10:00`, `9:30`, `10:00:00`, `10h00`, `10h`.
    static func parseTime(_ text: Substring) -> Time? {
        // On the bytes, not through Foundation's search: a time is ASCII or is refused anyway.
        let hasLower = text.utf8.contains(UInt8(ascii: "h")), hasUpper = text.utf8.contains(UInt8(ascii: "H"))
        let separator: Character = hasLower ? "h" : hasUpper ? "H" : ":"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count >= 1, parts.count <= 3, (1...2).contains(parts[0].count),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let hour = Int(parts[0]), hour < 24 else { return nil }
        var minute = 0
        if parts.count >= 2 {
            if parts[1].isEmpty, separator != ":", parts.count == 2 {
                minute = 0
            } else {
                guard parts[1].count == 2, let m = Int(parts[1]), m < 60 else { return nil }
                minute = m
            }
        } else if separator == ":" {
            return nil
        }
        if parts.count == 3 {
            guard separator == ":", parts[2].count == 2, let s = Int(parts[2]), s < 60 else { return nil }
        }
        return Time(hour: hour, minute: minute)
    }

    /// `Z`, `+01:00`, `+0100`, `-05:00`.
    static func parseOffset(_ text: Substring) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let hours = Int(digits.prefix(2))!
        let minutes = digits.count == 4 ? Int(digits.suffix(2))! : 0
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    static func fromText(_ text: String) -> DateValue? { try? parse(text).get() }
}
