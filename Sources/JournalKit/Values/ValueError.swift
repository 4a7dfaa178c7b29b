/// Why a typed value could not be read; `text` is shown after the field's name.
public enum ValueError: Error, Sendable, Equatable {
    case notADate(String)
    /// A date written in words (`3 décembre 2026`): the forms journal reads are given for it.
    case dateInWords(String, LocalDate)
    case impossibleDate(String)
    case badTime(String)
    case badDuration(String)
    case badCadence(String)
    case badOdds(String)

    var text: Message {
        switch self {
        case .notADate(let value):
            return Message("“\(value.clipped)” is not a date: write 2026-03-18, 2026-03-18 10:00 or 18/03/2026",
                           fr: "« \(value.clipped) » n'est pas une date : écrivez 2026-03-18, 2026-03-18 10:00 ou 18/03/2026")
        case .dateInWords(let value, let date):
            let french = LocalDate.pad(date.day, 2) + "/" + LocalDate.pad(date.month, 2) + "/" + String(date.year)
            return Message("“\(value.clipped)” is a date in words: write it \(date) (or \(french))",
                           fr: "« \(value.clipped) » est une date en toutes lettres : une date s'écrit \(date) ou \(french)")
        case .impossibleDate(let value):
            return Message("\(value.clipped) is not a day of the calendar",
                           fr: "le \(value.clipped) n'existe pas dans le calendrier")
        case .badTime(let value):
            return Message("“\(value.clipped)” is not a time of day: write 10:00 or 10h00",
                           fr: "« \(value.clipped) » n'est pas une heure : écrivez 10:00 ou 10h00")
        case .badDuration(let value):
            return Message("“\(value.clipped)” is not a duration: write minutes (60) or 1h30",
                           fr: "« \(value.clipped) » n'est pas une durée : écrivez des minutes (60) ou 1h30")
        case .badCadence(let value):
            return Message("“\(value.clipped)” is not an interval: write a number and d, w, m or y (3w)",
                           fr: "« \(value.clipped) » n'est pas un intervalle : écrivez un nombre et d, w, m ou y (3w)")
        case .badOdds(let value):
            return Message("“\(value.clipped)” are not odds: write 10:1 (ten to one in favour), 1:3, or 90%",
                           fr: "« \(value.clipped) » n'est pas une cote : écrivez 10:1 (dix contre un), 1:3 ou 90%")
        }
    }

    /// For the command line's `--date` and `--today`.
    public var message: String { text.en }
    public var frenchMessage: String { text.fr }
}
