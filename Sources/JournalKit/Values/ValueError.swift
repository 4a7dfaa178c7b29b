/// Why a typed value could not be read; `message` is shown after the field's name.
public enum ValueError: Error, Sendable, Equatable {
    case notADate(String)
    case impossibleDate(String)
    case badTime(String)
    case badDuration(String)
    case badCadence(String)
    case badOdds(String)

    public var message: String {
        switch self {
        case .notADate(let text):
            return "“\(text.clipped)” is not a date: write 2026-03-18, 2026-03-18 10:00 or 18/03/2026"
        case .impossibleDate(let text):
            return "\(text.clipped) is not a day of the calendar"
        case .badTime(let text):
            return "“\(text.clipped)” is not a time of day: write 10:00 or 10h00"
        case .badDuration(let text):
            return "“\(text.clipped)” is not a duration: write minutes (60) or 1h30"
        case .badCadence(let text):
            return "“\(text.clipped)” is not an interval: write a number and d, w, m or y (3w)"
        case .badOdds(let text):
            return "“\(text.clipped)” are not odds: write 10:1 (ten to one in favour), 1:3, or 90%"
        }
    }
}
