import Foundation

/// The VTIMEZONE component of a calendar, made from the system's time-zone data: one
/// observance per change of offset over the years the calendar covers, each with the offsets
/// before and after and the local time it starts at, so that a reader needs no zone database
/// of its own to turn local times into UTC on both sides of a daylight-saving change.
struct TimeZoneRules: Sendable {
    var zone: TimeZone
    var years: ClosedRange<Int>

    struct Observance: Sendable, Hashable {
        var daylight: Bool
        /// Local time, in the offset in force before the change.
        var start: String
        var offsetFrom: Int
        var offsetTo: Int
    }

    /// Every change of offset from the start of the year before `years` to the end of the last
    /// one; a zone without changes gets one standard observance.
    var observances: [Observance] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let from = calendar.date(from: DateComponents(year: years.lowerBound - 1, month: 1, day: 1))!
        let until = calendar.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1))!
        var result: [Observance] = []
        var cursor = from
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < until, result.count < 1000 {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            if before != after {
                result.append(Observance(daylight: zone.isDaylightSavingTime(for: change),
                                         start: Self.localStamp(change, offset: before),
                                         offsetFrom: before, offsetTo: after))
            }
            cursor = change
        }
        if result.isEmpty {
            let offset = zone.secondsFromGMT(for: from)
            result.append(Observance(daylight: false, start: "19700101T000000", offsetFrom: offset, offsetTo: offset))
        }
        return result
    }

    /// The component's content lines.
    var lines: [String] {
        var out = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        for observance in observances {
            let kind = observance.daylight ? "DAYLIGHT" : "STANDARD"
            out += ["BEGIN:" + kind, "DTSTART:" + observance.start,
                    "TZOFFSETFROM:" + Self.offset(observance.offsetFrom),
                    "TZOFFSETTO:" + Self.offset(observance.offsetTo), "END:" + kind]
        }
        out.append("END:VTIMEZONE")
        return out
    }

    /// `+0100`, `-0330`, `+054500` when seconds are needed.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        var text = sign + LocalDate.pad(value / 3600, 2) + LocalDate.pad(value % 3600 / 60, 2)
        if value % 60 != 0 { text += LocalDate.pad(value % 60, 2) }
        return text
    }

    /// `YYYYMMDDTHHMMSS` of `instant` seen at `offset` seconds east of UTC.
    static func localStamp(_ instant: Date, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return LocalDate.pad(parts.year!, 4) + LocalDate.pad(parts.month!, 2) + LocalDate.pad(parts.day!, 2) + "T"
            + LocalDate.pad(parts.hour!, 2) + LocalDate.pad(parts.minute!, 2) + LocalDate.pad(parts.second!, 2)
    }
}
