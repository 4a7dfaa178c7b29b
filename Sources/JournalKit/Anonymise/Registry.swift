import Foundation

/// Everything a case file declares that could tell who the client is (docs/privacy.md): the client,
/// the sponsor, the people, the organisation, the places, contact details, the client id and
/// file names, each with the ways a note may write it and what replaces it.
struct Registry: Sendable {
    enum Kind: String, Sendable { case person, organisation, place, role, identifier }

    /// One way of writing one entry: a sequence of folded words.
    struct Variant: Sendable {
        var words: [String]
        var kind: Kind
        /// What replaces each word; nil keeps it (a title), "" drops it with the gap before.
        var parts: [String?]
        /// Where it came from, to name it when the leak gate finds it.
        var label: String
        /// A name that is also an ordinary word (Pierre, Hope, Petit) counts only with its
        /// capital: « la pierre angulaire » and "I hope" stay.
        var needsCapital = false
        /// A joined form (`jpmorin`, `NourEA`): the replacement takes the case of the original.
        var joined = false
        /// An alias, matched as written: its one-letter words need no dot (`Mrs E-P`).
        var literal = false
        /// Two initials joined (`SA` for Sylvie Arnaud) count only in capitals: « Sa sœur »,
        /// « Le matin », "On Monday" are words of the language.
        var needsAllCapitals = false
    }

    /// What the case file declares, as written: the leak gate builds its own search from these,
    /// so that it does not share the anonymiser's blind spots.
    struct Entry: Sendable {
        var kind: Kind
        var text: String
        var label: String
        /// For a person: the first names and the surname, as groups of words.
        var first: [String] = []
        var last: [String] = []
    }

    /// Variants by their first word, longest first.
    private(set) var variants: [String: [Variant]] = [:]
    private(set) var entries: [Entry] = []
    /// Exact strings to find anywhere in an output (emails, ids), folded.
    private(set) var literals: [(text: String, label: String)] = []
    /// Phone numbers as their last nine digits.
    private(set) var phoneDigits: [(digits: String, label: String)] = []
    /// Every word of every declared name, folded: file-name words already covered are not added again.
    private var declaredWords: Set<String> = []
    /// Places' words and surnames long enough to be cut short (« Douarn' » for Douarnenez), with
    /// what replaces them.
    private(set) var shortenable: [(word: String, replacement: String, label: String)] = []
    /// What replaces the organisation's name: « une ETI du secteur édition de logiciels ».
    private(set) var organisationPhrase = ""
    /// Words of the generalised forms that replace names: never names to hide.
    private(set) var replacementWords: Set<String> = []
    private var emailWords: [(String, String)] = []

    static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{02BC}", "\u{2018}"]
    static let titles = ["m", "mme", "mlle", "madame", "monsieur", "mademoiselle", "dr", "docteur", "me",
                         "maitre", "pr", "professeur", "mr", "mrs", "ms", "miss", "sir"]
    static let particles: Set<String> = ["de", "du", "des", "d", "la", "le", "van", "von", "der", "den",
                                         "di", "da", "del", "dos", "ben", "ibn", "al", "el", "mac"]
    /// Words before a hyphen that make a place or a saint of the name after it: Saint-Paul.
    static let saints: Set<String> = ["saint", "sainte", "st", "ste", "san", "santa", "sao", "santo"]
    /// Words of place names that do not stand for the place alone.
    private static let placeWords: Set<String> = [
        "le", "la", "les", "l", "sur", "sous", "en", "de", "du", "des", "d", "et", "lez", "les", "aux", "au",
        "saint", "sainte", "st", "ste", "mont", "port", "ville", "city", "upon", "on", "the", "of", "new", "north",
        "south", "east", "west", "nord", "sud", "est", "ouest", "grand", "grande", "petit", "petite", "bas", "haut",
        "vieux", "neuf", "neuve", "lac", "bourg", "pont", "val", "rue", "place", "quartier", "centre",
    ]
    /// Surnames and first names that are ordinary lowercase words, beyond `NameDetector.ordinaryWords`.
    static let wordNames: Set<String> = [
        "petit", "roux", "blanc", "brun", "noir", "boulanger", "marchand", "meunier", "berger", "fontaine",
        "chevalier", "mercier", "faure", "roy", "moulin", "bois", "lebrun", "boucher", "charpentier", "masson",
        "legrand", "lenoir", "vigne", "laporte", "lefort", "bonheur", "lion", "loup", "renard", "leduc",
        "smith", "baker", "wood", "green", "hall", "hill", "bell", "cook", "turner", "carter", "king", "young",
        "white", "brown", "black", "hope", "will", "grace", "may", "mark", "bill", "page", "little", "long",
        "cross", "lane", "fox", "price", "rich", "hunt", "stone", "wells", "mills", "ward", "rose", "joy",
        "faith", "dawn", "summer", "april", "june", "august", "sky", "river", "pierre", "claire", "olive",
        "prudence", "constance", "patience", "aime", "franc", "franck", "victoire", "bastide", "salle", "martin",
    ]
    /// Words of organisation names too common to stand for the organisation alone.
    private static let genericWords: Set<String> = [
        "groupe", "group", "societe", "company", "atelier", "ateliers", "cabinet", "banque", "bank", "conseil",
        "consulting", "hopital", "hospital", "mairie", "universite", "university", "ecole", "school", "lycee",
        "college", "association", "entreprise", "agence", "agency", "studio", "institut", "institute", "centre",
        "center", "clinique", "laboratoire", "laboratoires", "fondation", "foundation", "compagnie", "services",
        "service", "industries", "industrie", "france", "international", "holding", "partners", "associes",
        "logiciels", "logiciel", "software", "systems", "solutions", "technologies", "sa", "sas", "sarl", "ltd",
        "inc", "gmbh", "et", "and", "the", "les", "la", "le", "de", "des", "du", "of", "co", "plc", "llp",
    ]

    static func isGenericWord(_ word: String) -> Bool { genericWords.contains(word) }

    /// The fewest letters a declared word cut short keeps and still counts (« Douarn' », « Kerbr. »).
    static let shortestCut = 4

    /// What replaces a declared word cut short: `folded` is its first letters (at least
    /// `shortestCut`), written with an apostrophe or a dot right after it.
    func shortened(_ folded: String) -> (replacement: String, label: String)? {
        guard folded.count >= Self.shortestCut else { return nil }
        return shortenable.first { $0.word.count > folded.count && $0.word.hasPrefix(folded) }.map { ($0.replacement, $0.label) }
    }
    static func isPlaceWord(_ word: String) -> Bool { placeWords.contains(word) }

    /// Whether a folded word is also an ordinary word, so that only its capitalised form is a name.
    static func isOrdinaryWord(_ word: String) -> Bool {
        wordNames.contains(word) || NameDetector.ordinaryWords.contains(Substring(word))
    }

    init(client: String, file: CaseFile, stems: [String], pseudonyms: inout Pseudonyms,
         language: JournalConfig.Language) {
        var rank = 0
        var declaredPeople = [(file.name ?? client, file.aliases)] + file.people.map { ($0.name, $0.aliases) }
        if let sponsor = file.sponsor { declaredPeople.append((sponsor.name, sponsor.aliases)) }
        pseudonyms.avoidedInitials = declaredPeople.reduce(into: Set<String>()) { set, person in
            for name in [person.0] + person.1 { set.formUnion(Self.initials(of: name)) }
        }
        func person(_ name: String, aliases: [String], gender: String?, label: String) -> Pseudonyms.Name {
            let pseudonym = pseudonyms.name(client: client, rank: rank, gender: gender)
            rank += 1
            addPerson(name: name, aliases: aliases, pseudonym: pseudonym, label: label)
            return pseudonym
        }
        let clientName = person(file.name ?? client, aliases: file.aliases, gender: file.gender, label: "name")
        if let email = file.email { addLiteral(email, label: "email") }
        if let phone = file.phone { addPhone(phone, label: "phone") }
        // The sector is the coach's words, and may name someone (« ex-Brume & Quéré »): what is in
        // brackets and every declared word are left out of it.
        var organisation = file.organisation
        if let sector = organisation?.sector {
            organisation?.sector = Self.withoutNames(sector, declared: PersonWords.declared(by: file, client: client))
        }
        let organisationPhrase = Self.generalised(organisation, language: language)
        self.organisationPhrase = organisationPhrase
        // Words of what replaces names are never names to hide: "logistique" in « TB Logistique »
        // must not match « une PME du secteur transport et logistique ».
        replacementWords = Set(WordTokens.folded(organisationPhrase + " " + file.places.compactMap(\.generalised).joined(separator: " ")))
        if let organisation = file.organisation {
            addOrganisation(organisation.name, aliases: organisation.aliases, phrase: organisationPhrase, label: "organisation")
        }
        if let sponsor = file.sponsor {
            _ = person(sponsor.name, aliases: sponsor.aliases, gender: sponsor.gender, label: "sponsor.name")
            if let email = sponsor.email { addLiteral(email, label: "sponsor.email") }
            if let phone = sponsor.phone { addPhone(phone, label: "sponsor.phone") }
            if let role = sponsor.role { addPhrase(role, kind: .role, replacement: Message("[role]", fr: "[fonction]").in(language), label: "sponsor.role") }
            if let organisation = sponsor.organisation, TextFold.fold(organisation) != TextFold.fold(file.organisation?.name ?? "") {
                addOrganisation(organisation, aliases: [], phrase: Message("the sponsor's organisation", fr: "l'organisation du commanditaire").in(language),
                                label: "sponsor.organisation")
            }
        }
        for (index, other) in file.people.enumerated() {
            _ = person(other.name, aliases: other.aliases, gender: other.gender, label: "people[\(index)]")
            if let email = other.email { addLiteral(email, label: "people[\(index)].email") }
            if let phone = other.phone { addPhone(phone, label: "people[\(index)].phone") }
        }
        for (index, place) in file.places.enumerated() {
            addPlace(place.name, replacement: place.generalised ?? (Message("[place]", fr: "[lieu]").in(language)), label: "places[\(index)]")
        }
        let full = clientName.first + " " + clientName.last
        addPhrase(client, kind: .identifier, replacement: full, label: "client id")
        addLiteral(client, label: "client id")
        for stem in stems {
            // File names often carry the client's name (2026-03-18-amelie-roux.md): their words count.
            let words = WordTokens.folded(stem).filter { !Self.noteWords.contains($0) }
            for word in words where word.count >= 3 && !declaredWords.contains(word) {
                addPhrase(word, kind: .identifier, replacement: Message("[name]", fr: "[nom]").in(language), label: "file name \(stem).md")
            }
        }
        addEmailWords()
        for key in variants.keys {
            variants[key]!.sort { $0.words.count > $1.words.count }
        }
    }

    /// The folded initials a name may be written with: all of them (`jpm`), the first and the
    /// last (`jm`), and those of the first names when there are several (`jp`).
    static func initials(of name: String) -> Set<String> {
        let words = WordTokens.folded(name).filter { !titles.contains($0) && !particles.contains($0) }
        guard let first = words.first?.first, let last = words.last?.first else { return [] }
        var set: Set<String> = [String(words.compactMap(\.first)), String([first, last])]
        if words.count > 2 { set.insert(String(words.dropLast().compactMap(\.first))) }
        return set
    }

    /// `text` without what is in brackets and without the declared words (generic words stay).
    static func withoutNames(_ text: String, declared: Set<String>) -> String {
        var depth = 0
        var plain = ""
        for character in text {
            if character == "(" || character == "[" { depth += 1; continue }
            if character == ")" || character == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { plain.append(character) }
        }
        let kept = plain.split(whereSeparator: \.isWhitespace).filter { word in
            let folded = WordTokens.folded(String(word))
            return folded.isEmpty || !folded.contains { declared.contains($0) && !genericWords.contains($0) }
        }
        return kept.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-&"))
    }

    /// « une ETI du secteur édition de logiciels », "a consultancy in banking", else « l'organisation ».
    static func generalised(_ organisation: CaseFile.Organisation?, language: JournalConfig.Language) -> String {
        let size = organisation?.size.flatMap { $0.isEmpty ? nil : $0 }
        let sector = organisation?.sector.flatMap { $0.isEmpty ? nil : $0 }
        switch (size, sector) {
        case let (size?, sector?):
            return Message("\(englishArticle(size)) \(size) in \(sector)", fr: "\(frenchArticle(size)) \(size) du secteur \(sector)").in(language)
        case let (size?, nil):
            return Message("\(englishArticle(size)) \(size)", fr: "\(frenchArticle(size)) \(size)").in(language)
        case let (nil, sector?):
            return Message("an organisation in \(sector)", fr: "une organisation du secteur \(sector)").in(language)
        case (nil, nil):
            return Message("the organisation", fr: "l'organisation").in(language)
        }
    }

    private static func frenchArticle(_ noun: String) -> String {
        let masculine: Set<String> = ["groupe", "grand", "cabinet", "etablissement", "ministere", "hopital",
                                      "laboratoire", "service", "organisme", "institut", "centre", "studio", "office"]
        return masculine.contains(WordTokens.folded(noun).first ?? "") ? "un" : "une"
    }

    private static func englishArticle(_ noun: String) -> String {
        guard let first = noun.first else { return "a" }
        return "AEIOUaeiou".contains(first) ? "an" : "a"
    }

    private mutating func add(_ variant: Variant) {
        guard let first = variant.words.first, !first.isEmpty, !variant.words.contains(where: \.isEmpty) else { return }
        // A variant of one letter would hide every « a » and every initial of the language.
        if variant.words.count == 1, first.count < 2 { return }
        if let existing = variants[first], existing.contains(where: { $0.words == variant.words && $0.kind == variant.kind }) { return }
        variants[first, default: []].append(variant)
    }

    private mutating func addLiteral(_ text: String, label: String) {
        let folded = TextFold.fold(text)
        guard !folded.isEmpty else { return }
        literals.append((folded, label))
        entries.append(Entry(kind: .identifier, text: text, label: label))
        if folded.contains("@") { emailWords.append((text, label)) }
    }

    /// An email's local part and domain are words too (amelie.roux@garnier.fr): those that no
    /// declared name covers already, once every name is in.
    private mutating func addEmailWords() {
        for (text, label) in emailWords {
            for word in WordTokens.folded(text) where word.count >= 3 && !Self.genericWords.contains(word) {
                if Self.mailWords.contains(word) || variants[word] != nil || declaredWords.contains(word) { continue }
                add(Variant(words: [word], kind: .identifier, parts: ["[email]"], label: label))
            }
        }
    }

    /// Words of file names that say what a note is, not who it is about.
    static let noteWords: Set<String> = [
        "session", "sessions", "chemistry", "three", "way", "client", "supervision", "seance", "seances", "note", "notes",
        "tripartite", "bilan", "point", "suivi", "entretien", "premier", "premiere", "appel", "call", "review", "meeting",
        "kickoff", "check", "debrief", "follow", "up", "final", "finale", "cloture", "closing", "intake", "prealable",
        "preliminaire", "decouverte", "discovery", "reunion", "rdv", "compte", "rendu", "cr", "draft", "brouillon",
        "copie", "copy", "old", "new", "bis", "ter", "annulee", "cancelled", "absence", "no", "show", "prevue", "planned",
    ]

    static let mailWords: Set<String> = ["com", "org", "net", "example", "mail", "gmail", "yahoo", "hotmail", "outlook",
                                         "orange", "free", "wanadoo", "laposte", "fr", "co", "uk", "icloud", "proton"]

    private mutating func addPhone(_ text: String, label: String) {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard digits.count >= 8 else { return }
        phoneDigits.append((String(digits.suffix(9)), label))
    }

    private mutating func addPhrase(_ text: String, kind: Kind, replacement: String, label: String) {
        let words = WordTokens.folded(text)
        guard !words.isEmpty else { return }
        // « l'Atelier », « le Patron »: ordinary words that name something only with a capital.
        let ordinary = words.allSatisfy { $0.count < 2 || Self.particles.contains($0) || Self.genericWords.contains($0) || Self.isOrdinaryWord($0) }
        add(Variant(words: words, kind: kind, parts: [replacement] + Array(repeating: "", count: words.count - 1), label: label,
                    needsCapital: ordinary && kind != .identifier))
        entries.append(Entry(kind: kind, text: text, label: label))
        if kind == .place || kind == .identifier { declaredWords.formUnion(words) }
    }

    /// A place: the whole name, and each word that stands for it alone (Clermont and Ferrand for
    /// Clermont-Ferrand, Havre for Le Havre).
    private mutating func addPlace(_ text: String, replacement: String, label: String) {
        addPhrase(text, kind: .place, replacement: replacement, label: label)
        let words = WordTokens.folded(text)
        for word in words where word.count >= Self.shortestCut + 2 && !Self.placeWords.contains(word) {
            shortenable.append((word, replacement, label))
        }
        guard words.count > 1 else { return }
        for word in words where word.count >= 3 && !Self.placeWords.contains(word) && !replacementWords.contains(word) {
            add(Variant(words: [word], kind: .place, parts: [replacement], label: label,
                        needsCapital: Self.isOrdinaryWord(word) || NameDetector.firstNames.contains(Substring(word))))
        }
    }

    private mutating func addOrganisation(_ name: String, aliases: [String], phrase: String, label: String) {
        for text in [name] + aliases {
            addPhrase(text, kind: .organisation, replacement: phrase, label: label)
            let words = WordTokens.folded(text)
            declaredWords.formUnion(words)
            // "Garnier" alone stands for "Atelier Garnier"; "Atelier" alone does not.
            if words.count > 1 {
                for word in words where word.count >= 3 && !Self.genericWords.contains(word) && !replacementWords.contains(word) {
                    add(Variant(words: [word], kind: .organisation, parts: [phrase], label: label,
                                needsCapital: Self.isOrdinaryWord(word)))
                }
            }
            // An acronym of the organisation's words (Atelier Garnier → AG), in capitals only.
            let initials = words.filter { !["et", "and", "de", "des", "du", "of", "the", "la", "le", "les"].contains($0) }.compactMap(\.first)
            if initials.count >= 2 {
                add(Variant(words: [String(initials)], kind: .organisation, parts: [phrase], label: label, needsCapital: true))
            }
        }
    }

    /// A person: the whole name both ways round, each part, initials (dotted, joined, with a
    /// hyphen between the initials of a compound first name), joined handles (`jpmorin`,
    /// `NourEA`), titles with an initial, and each alias; the pseudonym keeps the shape.
    private mutating func addPerson(name: String, aliases: [String], pseudonym: Pseudonyms.Name, label: String) {
        // « Dr Castaing » declares Castaing: the title stays a title.
        let groups = Array(WordTokens.groups(name).drop { $0.count == 1 && Self.titles.contains($0[0]) })
        guard !groups.isEmpty else { return }
        // First names: every group before a surname's particle or the last group.
        var split = groups.count > 1 ? groups.count - 1 : 1
        if let particle = groups.indices.dropFirst().first(where: { groups[$0].count == 1 && Self.particles.contains(groups[$0][0]) }) {
            split = particle
        }
        let first = Array(groups[..<split].joined())
        let last = Array(groups[split...].joined())
        let words = first + last
        declaredWords.formUnion(words)
        entries.append(Entry(kind: .person, text: name, label: label, first: first, last: last))
        let pf = pseudonym.first, pl = pseudonym.last
        for word in last where word.count >= Self.shortestCut + 2 && !Self.particles.contains(word) {
            shortenable.append((word, pl, label))
        }
        let pfi = String(pf.prefix(1)), pli = String(pl.prefix(1))
        func blank(_ count: Int) -> [String?] { Array(repeating: "", count: max(0, count)) }
        func person(_ words: [String], _ parts: [String?], joined: Bool = false, needsCapital: Bool = false) {
            let capital = needsCapital || (words.count == 1 && !joined && Self.isOrdinaryWord(words[0]))
            add(Variant(words: words, kind: .person, parts: parts, label: label, needsCapital: capital, joined: joined,
                        needsAllCapitals: joined && words.count == 1 && words[0].count == 2))
        }
        let core = last.filter { !Self.particles.contains($0) }
        let firstInitials = first.compactMap(\.first).map(String.init)
        let lastInitials = core.compactMap(\.first).map(String.init)
        if !last.isEmpty {
            person(first + last, [pf] + blank(first.count - 1) + [pl] + blank(last.count - 1))
            person(last + first, [pl] + blank(last.count - 1) + [pf] + blank(first.count - 1))
            person(last, [pl] + blank(last.count - 1))
            for word in core { person([word], [pl]) }
            if !firstInitials.isEmpty, !lastInitials.isEmpty {
                // J.-P. Morin, J. Morin, J.-P. M., J.P.M., Jean-Pierre M.
                person(firstInitials + last, [pfi] + blank(firstInitials.count - 1) + [pl] + blank(last.count - 1))
                person([firstInitials[0]] + last, [pfi, pl] + blank(last.count - 1))
                person(firstInitials + lastInitials, [pfi] + blank(firstInitials.count - 1) + [pli] + blank(lastInitials.count - 1))
                person(first + [lastInitials[0]], [pf] + blank(first.count - 1) + [pli])
                for title in Self.titles { person([title, lastInitials[0]], [nil, pli]) }
                // Joined: jpmorin, mhdelatour, amelieroux, rouxamelie, NourEA, JPM.
                let joinedForms: [(String, String)] = [
                    (firstInitials.joined() + core.joined(), pfi + pl),
                    (first.joined() + core.joined(), pf + pl),
                    (core.joined() + first.joined(), pl + pf),
                    (first.joined() + lastInitials.joined(), pf + pli),
                    // NourEA for Nour El-Amin: the particle's initial too.
                    (first.joined() + last.compactMap(\.first).map(String.init).joined(), pf + pli),
                ]
                for (form, replacement) in joinedForms where form.count >= 5 {
                    person([form], [TextFold.fold(replacement)], joined: true)
                }
                let initials = firstInitials.joined() + lastInitials.joined()
                person([initials], [TextFold.fold(pfi + pli)], joined: true, needsCapital: true)
            }
        }
        // A compound written by its initials with the hyphen and no dots: « Mrs E-P », « J-P ».
        for (offset, group) in groups.enumerated() where group.count > 1 {
            let initials = group.compactMap(\.first).map(String.init)
            let isSurname = offset >= split
            add(Variant(words: initials, kind: .person, parts: [isSurname ? pli : pfi] + blank(initials.count - 1), label: label,
                        needsCapital: true, literal: true))
        }
        if firstInitials.count > 1 {
            person(firstInitials, [pfi] + blank(firstInitials.count - 1))
            person([firstInitials.joined()], [TextFold.fold(pfi)], joined: true, needsCapital: true)
        }
        person(first, [pf] + blank(first.count - 1))
        for word in first { person([word], [pf]) }
        let initials = (firstInitials + lastInitials).joined()
        for alias in aliases {
            let aliasWords = WordTokens.folded(alias)
            guard !aliasWords.isEmpty else { continue }
            declaredWords.formUnion(aliasWords)
            entries.append(Entry(kind: .person, text: alias, label: label + " alias"))
            let parts: [String?] = aliasWords.enumerated().map { offset, word in
                // « Dr Castaing » as an alias: the title stays a title.
                if Self.titles.contains(word), offset < aliasWords.count - 1 { return nil }
                if last.contains(word) { return pl }
                if first.contains(word) { return offset == 0 ? pf : "" }
                if word.count == 1, word == firstInitials.first { return pfi }
                if word.count == 1, word == lastInitials.last { return pli }
                if word == initials { return pfi + pli }
                return offset == 0 ? pf : ""
            }
            let capital = aliasWords.count == 1 && aliasWords[0].count <= 2 || aliasWords.allSatisfy { $0.count == 1 || Self.titles.contains($0) }
            add(Variant(words: aliasWords, kind: .person, parts: parts, label: label, needsCapital: capital || (aliasWords.count == 1 && Self.isOrdinaryWord(aliasWords[0])),
                        literal: true))
        }
    }

    /// Characters that may stand between the words of one name: spaces, the dots of initials,
    /// the hyphen of a compound, an underscore in a slug, a line break.
    private static func isGap(_ character: Character) -> Bool {
        switch character {
        case " ", ".", "-", "_", "\n", "\t", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2010}", "\u{2011}",
             "'", "\u{2019}", "\u{02BC}": return true
        default: return false
        }
    }

    /// The longest variant that matches the words at `index`, with the gaps between them only
    /// spaces, hyphens or the dots of initials, and every one-letter word followed by its dot.
    /// After a title, a person wins over an organisation of the same name (« M. Garnier » of
    /// Garnier SA is Mr Garnier).
    func match(_ tokens: [WordTokens.Token], at index: Int, in text: String, afterTitle: Bool = false) -> Variant? {
        let token = tokens[index]
        guard let all = variants[token.folded] else { return nil }
        let candidates = afterTitle ? all.filter { $0.kind == .person } + all.filter { $0.kind != .person } : all
        for variant in candidates where index + variant.words.count <= tokens.count {
            if variant.needsCapital, !tokens[index..<min(tokens.count, index + variant.words.count)].contains(where: \.capitalised) { continue }
            if variant.needsAllCapitals, !token.shouted { continue }
            var matched = true
            for offset in 0..<variant.words.count {
                let current = tokens[index + offset]
                if offset > 0 {
                    let gap = text[tokens[index + offset - 1].range.upperBound..<current.range.lowerBound]
                    guard current.folded == variant.words[offset], !gap.isEmpty, gap.count <= 3, gap.allSatisfy(Self.isGap) else {
                        matched = false
                        break
                    }
                }
                // An initial is an initial only with its dot: « A R » is not Amélie Roux.
                if variant.kind == .person, !variant.literal, variant.words[offset].count == 1, current.range.upperBound == text.endIndex || text[current.range.upperBound] != "." {
                    matched = false
                    break
                }
            }
            guard matched else { continue }
            // Saint-Paul is a place or a saint, not the Paul of the case file.
            if variant.kind == .person, variant.words.count == 1, index > 0, Self.saints.contains(tokens[index - 1].folded) {
                let gap = text[tokens[index - 1].range.upperBound..<token.range.lowerBound]
                if gap == "-" || gap == " " { continue }
            }
            return variant
        }
        return nil
    }
}
