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

    /// Folded initials of the case's declared people (`al` for Anaïs Lemaire): a pseudonym
    /// with the same initials would read, written « A.L. », as that real person's.
    var avoidedInitials: Set<String> = []

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
        let first = pick(from: pool, seed: "\(client)\u{0}\(rank)\u{0}first")!
        let initial = TextFold.fold(String(first.prefix(1)))
        let avoided = avoidedInitials
        let allowed = { (surname: String) in !avoided.contains(initial + surname.prefix(1)) }
        let seed = "\(client)\u{0}\(rank)\u{0}last"
        // In a large journal every surname of the pool may be real somewhere: an initial is
        // then the surname (« Bruno V. »), which names nobody and still reads as a person.
        let last = pick(from: language == .fr ? Self.frenchSurnames : Self.englishSurnames, seed: seed, allowed: allowed, fallback: false)
            ?? pick(from: Self.letters, seed: seed, allowed: allowed, fallback: false).map { $0 + "." }
            ?? pick(from: Self.letters, seed: seed, allowed: allowed)!
        return Name(first: first, last: last)
    }

    /// The first name of `pool` at the seed's position that is neither real nor taken yet.
    /// `allowed` is asked of the folded candidate.
    /// nil when every one is excluded and `fallback` is false.
    private mutating func pick(from pool: [String], seed: String, allowed: (String) -> Bool = { _ in true },
                               fallback: Bool = true) -> String? {
        let start = Int(ContentHash.value((key + "\u{0}" + seed).utf8) % UInt64(pool.count))
        for step in 0..<pool.count {
            let candidate = pool[(start + step) % pool.count]
            let folded = TextFold.fold(candidate)
            if !excluded.contains(folded), !taken.contains(folded), allowed(folded) {
                taken.insert(folded)
                return candidate
            }
        }
        guard fallback else { return nil }
        // Every name of the pool is real or taken: a numbered placeholder is still safe.
        let fallback = (Message("Person ", fr: "Personne ").in(language)) + String(taken.count + 1)
        taken.insert(TextFold.fold(fallback))
        return fallback
    }

    /// The journal's pseudonym key: derived by HMAC-SHA256 from the journal's secret
    /// (`journal.key`, committed with the notes, made when missing), or the key of the older
    /// `.journal/pseudonym-key` that journal.key took over, so that pseudonyms never change.
    static func key(of journal: Journal) throws -> String {
        try JournalSecret.load(root: journal.root, process: journal.process).pseudonymKey
    }

    static let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
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
