extension DateValue {
    /// `2026-05-11 09:00`: as a coach reads a date, the offset kept when the note gave one.
    var shown: String {
        description.replacingOccurrences(of: "T", with: " ")
    }
}

extension Party {
    /// Who owns a commitment, as the coach's own views say it (`coach`, `client`, `sponsor`).
    static func ownerLabel(_ owner: Party, _ language: Language) -> String {
        switch owner {
        case .coach: return "coach"
        case .sponsor: return Message("sponsor", fr: "commanditaire").in(language)
        case .client: return "client"
        }
    }
}
