import Foundation

/// Invented names for the people of a case. Chosen by a keyed hash of the case and the
/// person's rank, so two renders of one case agree, while nothing outside `.journal/` (where the
/// key lives) can tell which real name a pseudonym stands for.
struct Pseudonyms: Sendable {
    struct Name: Sendable, Hashable {
        var first: String
        var last: String
    }

    /// The secret that makes choices stable for this journal and unguessable elsewhere.
    var key: String
    var language: JournalConfig.Language
    /// Folded words that are real names somewhere in the journal: never used.
    var excluded: Set<String>

    private var taken: Set<String> = []

    init(key: String, language: JournalConfig.Language, excluded: Set<String>) {
        self.key = key
        self.language = language
        self.excluded = excluded
    }

    /// The pseudonym of the person of rank `rank` in case `client`.
    mutating func name(client: String, rank: Int, gender: String?) -> Name {
        let pool: [String]
        switch gender.map(TextFold.fold) {
        case "f": pool = language == .fr ? Self.frenchWomen : Self.englishWomen
        case "m": pool = language == .fr ? Self.frenchMen : Self.englishMen
        default: pool = language == .fr ? Self.frenchEpicene : Self.englishEpicene
        }
        let first = pick(from: pool, seed: "\(client)\u{0}\(rank)\u{0}first")
        let last = pick(from: language == .fr ? Self.frenchSurnames : Self.englishSurnames,
                        seed: "\(client)\u{0}\(rank)\u{0}last")
        return Name(first: first, last: last)
    }

    /// The first name of `pool` at the seed's position that is neither real nor taken yet.
    private mutating func pick(from pool: [String], seed: String) -> String {
        let start = Int(ContentHash.value((key + "\u{0}" + seed).utf8) % UInt64(pool.count))
        for step in 0..<pool.count {
            let candidate = pool[(start + step) % pool.count]
            let folded = TextFold.fold(candidate)
            if !excluded.contains(folded), !taken.contains(folded) {
                taken.insert(folded)
                return candidate
            }
        }
        // Every name of the pool is real or taken: a numbered placeholder is still safe.
        let fallback = (language == .fr ? "Personne " : "Person ") + String(taken.count + 1)
        taken.insert(TextFold.fold(fallback))
        return fallback
    }

    /// The journal's pseudonym key: derived by HMAC-SHA256 from the journal's secret
    /// (`journal.key`, committed with the notes, made when missing), or the key of the older
    /// `.journal/pseudonym-key` that journal.key took over, so that pseudonyms never change.
    static func key(journalRoot: URL) throws -> String {
        try JournalSecret.load(root: journalRoot).pseudonymKey
    }

    static let frenchWomen = ["Sophie", "Claire", "Élise", "Inès", "Mathilde", "Lucie", "Agathe", "Juliette",
                              "Margaux", "Anne", "Hélène", "Odile", "Pauline", "Alice", "Louise", "Jeanne",
                              "Irène", "Colette", "Béatrice", "Aurore", "Estelle", "Nathalie", "Maud", "Léa"]
    static let frenchMen = ["Olivier", "Bruno", "Étienne", "Paul", "Hugo", "Marc", "Antoine", "Denis",
                            "Gilles", "Arnaud", "Félix", "Lucien", "Rémi", "Yves", "Xavier", "Baptiste",
                            "Vincent", "Laurent", "Mathieu", "Simon", "Fabien", "Émile", "Gaspard", "Lucas"]
    static let frenchEpicene = ["Camille", "Dominique", "Claude", "Alix", "Sacha", "Charlie", "Morgan",
                                "Andrea", "Eden", "Lou", "Maxence", "Noa", "Ange", "Yaël", "Swann", "Hyacinthe"]
    static let frenchSurnames = ["Durand", "Lefèvre", "Moreau", "Garnier", "Chevalier", "Fournier", "Girard",
                                 "Lambert", "Fontaine", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
                                 "Roussel", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont",
                                 "Lopez", "Fabre", "Vidal", "Aubert", "Leclerc", "Marchand", "Renaud"]
    static let englishWomen = ["Emma", "Olivia", "Grace", "Hannah", "Lucy", "Megan", "Rachel", "Sarah",
                               "Laura", "Helen", "Joanna", "Alice", "Ruth", "Fiona", "Naomi", "Abigail"]
    static let englishMen = ["James", "Oliver", "Thomas", "Daniel", "Henry", "Samuel", "Peter", "Matthew",
                             "Adam", "Owen", "Edward", "Simon", "Martin", "George", "Patrick", "Neil"]
    static let englishEpicene = ["Alex", "Jordan", "Taylor", "Morgan", "Casey", "Robin", "Jamie", "Sam",
                                 "Charlie", "Riley", "Avery", "Quinn", "Drew", "Rowan", "Emerson", "Reese"]
    static let englishSurnames = ["Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Hughes",
                                  "Green", "Hall", "Wood", "Clarke", "Turner", "Hill", "Cooper", "Ward",
                                  "Morris", "Baker", "Harris", "Cook", "Bell", "Carter", "Mills", "Shaw"]
}
