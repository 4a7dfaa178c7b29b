/// Where an objective or a commitment stands, from its checkbox marker.
public enum ItemStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case open, done, partial, dropped, carried

    /// nil for a character that is not a marker (a `marker-invalid` error).
    init?(marker: Character?) {
        switch marker {
        case nil, " ": self = .open
        case "x", "X": self = .done
        case "/": self = .partial
        case "-": self = .dropped
        case ">": self = .carried
        default: return nil
        }
    }

    /// A status as a coach types it on the command line, in English or French.
    public static func parse(_ text: String) -> ItemStatus? {
        switch TextFold.fold(text) {
        case "open", "ouvert", "ouverte", "a faire", "en cours": return .open
        case "done", "fait", "faite", "fini": return .done
        case "partial", "partiel", "partielle", "en partie": return .partial
        case "dropped", "abandonne", "abandonnee", "abandon": return .dropped
        case "carried", "reporte", "reportee": return .carried
        default: return nil
        }
    }

    /// How an objective's status reads in a report or a summary.
    static func objectiveLabel(_ status: ItemStatus, language: JournalConfig.Language) -> String {
        switch status {
        case .done: return Message("reached", fr: "atteint").in(language)
        case .partial: return Message("partly reached", fr: "en partie atteint").in(language)
        case .dropped: return Message("dropped", fr: "abandonné").in(language)
        case .carried: return Message("carried forward", fr: "reporté").in(language)
        case .open: return Message("in progress", fr: "en cours").in(language)
        }
    }
}
