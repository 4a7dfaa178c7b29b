/// The kinds of section a heading can open (docs/format.md, "The body").
enum SectionKind: String, Sendable, Codable, CaseIterable {
    case objectives, commitments, review, `private`, themes

    /// Built-in aliases, French and English; journal.yml's `headings` adds to them.
    var builtInAliases: [String] {
        switch self {
        case .objectives:
            return ["Objectif", "Objectifs", "Objectif(s) de coaching", "Objectifs de coaching",
                    "Objective", "Objectives", "Goals", "Goal"]
        case .commitments:
            return ["Engagements", "Devoirs", "Actions", "Tâches", "Commitments", "Homework",
                    "Action items"]
        case .review:
            return ["Revue", "Revue des engagements", "Suivi des engagements", "Review", "Follow-up"]
        case .private:
            return ["Privé", "Notes privées", "Confidentiel", "Private", "Coach only"]
        case .themes:
            return ["Thèmes", "Themes"]
        }
    }
}
