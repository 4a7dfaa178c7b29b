/// Where an objective or a commitment stands, from its checkbox marker.
enum ItemStatus: String, Sendable, Codable, Hashable, CaseIterable {
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
}
