/// Everything a case file declares that could tell who the client is (PRIVACY.md): the client,
/// the sponsor, the people, the organisation, the places, contact details, the client id and
/// file names, each with the ways a note may write it and what replaces it.
struct Registry: Sendable {
    enum Kind: String, Sendable { case person, organisation, place, role, identifier }

    /// One way of writing one entry: a sequence of folded words.
    struct Variant: Sendable {
        var words: [String]
        var kind: Kind
        /// What replaces each word; nil keeps it (a title), "" drops it with the space before.
        var parts: [String?]
        /// Where it came from, to name it when the leak gate finds it.
        var label: String
    }

    /// Variants by their first word, longest first.
    private(set) var variants: [String: [Variant]] = [:]
    /// Exact strings to find anywhere in an output (emails, ids), folded.
    private(set) var literals: [(text: String, label: String)] = []
    /// Phone numbers as their last nine digits.
    private(set) var phoneDigits: [(digits: String, label: String)] = []
    /// Every word of every declared name, folded: file-name words already covered are not added again.
    private var declaredWords: Set<String> = []
    private var replacementWords: Set<String> = []

    static let titles = ["m", "mme", "mlle", "madame", "monsieur", "mademoiselle", "dr", "docteur", "me",
                         "maitre", "pr", "professeur", "mr", "mrs", "ms", "miss", "sir"]
    private static let particles: Set<String> = ["de", "du", "des", "d", "la", "le", "van", "von", "der", "den",
                                                 "di", "da", "del", "dos", "ben", "ibn", "al", "el", "mac"]
    /// Words of organisation names too common to stand for the organisation alone.
    private static let genericWords: Set<String> = [
        "groupe", "group", "societe", "company", "atelier", "ateliers", "cabinet", "banque", "bank", "conseil",
        "consulting", "hopital", "hospital", "mairie", "universite", "university", "ecole", "school", "lycee",
        "college", "association", "entreprise", "agence", "agency", "studio", "institut", "institute", "centre",
        "center", "clinique", "laboratoire", "laboratoires", "fondation", "foundation", "compagnie", "services",
        "service", "industries", "industrie", "france", "international", "holding", "partners", "associes",
        "logiciels", "logiciel", "software", "systems", "solutions", "technologies", "sa", "sas", "sarl", "ltd",
        "inc", "gmbh", "et", "and", "the", "les", "la", "le", "de", "des", "du", "of",
    ]

    init(client: String, file: CaseFile, stems: [String], pseudonyms: inout Pseudonyms,
         language: JournalConfig.Language) {
        var rank = 0
        func person(_ name: String, aliases: [String], gender: String?, label: String) -> Pseudonyms.Name {
            let pseudonym = pseudonyms.name(client: client, rank: rank, gender: gender)
            rank += 1
            addPerson(name: name, aliases: aliases, pseudonym: pseudonym, label: label)
            return pseudonym
        }
        let clientName = person(file.name ?? client, aliases: file.aliases, gender: file.gender, label: "name")
        if let email = file.email { addLiteral(email, label: "email") }
        if let phone = file.phone { addPhone(phone, label: "phone") }
        let fr = language == .fr
        let organisationPhrase = Self.generalised(file.organisation, language: language)
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
            if let role = sponsor.role { addPhrase(role, kind: .role, replacement: fr ? "[fonction]" : "[role]", label: "sponsor.role") }
            if let organisation = sponsor.organisation, TextFold.fold(organisation) != TextFold.fold(file.organisation?.name ?? "") {
                addOrganisation(organisation, aliases: [], phrase: fr ? "l'organisation du commanditaire" : "the sponsor's organisation",
                                label: "sponsor.organisation")
            }
        }
        for (index, other) in file.people.enumerated() {
            _ = person(other.name, aliases: other.aliases, gender: other.gender, label: "people[\(index)]")
            if let email = other.email { addLiteral(email, label: "people[\(index)].email") }
            if let phone = other.phone { addPhone(phone, label: "people[\(index)].phone") }
        }
        for (index, place) in file.places.enumerated() {
            addPhrase(place.name, kind: .place, replacement: place.generalised ?? (fr ? "[lieu]" : "[place]"),
                      label: "places[\(index)]")
        }
        let full = clientName.first + " " + clientName.last
        addPhrase(client, kind: .identifier, replacement: full, label: "client id")
        addLiteral(client, label: "client id")
        for stem in stems {
            // File names often carry the client's name (2026-03-18-amelie-roux.md): their words count.
            let words = WordTokens.folded(stem).filter { !["session", "chemistry", "three-way", "client", "supervision", "seance", "note"].contains($0) }
            for word in words where word.count >= 3 && !declaredWords.contains(word) {
                addPhrase(word, kind: .identifier, replacement: fr ? "[nom]" : "[name]", label: "file name \(stem).md")
            }
        }
        for key in variants.keys {
            variants[key]!.sort { $0.words.count > $1.words.count }
        }
    }

    /// « une ETI du secteur édition de logiciels », "a consultancy in banking", else « l'organisation ».
    static func generalised(_ organisation: CaseFile.Organisation?, language: JournalConfig.Language) -> String {
        let fr = language == .fr
        let size = organisation?.size.flatMap { $0.isEmpty ? nil : $0 }
        let sector = organisation?.sector.flatMap { $0.isEmpty ? nil : $0 }
        switch (size, sector) {
        case let (size?, sector?):
            return fr ? "\(frenchArticle(size)) \(size) du secteur \(sector)" : "\(englishArticle(size)) \(size) in \(sector)"
        case let (size?, nil):
            return fr ? "\(frenchArticle(size)) \(size)" : "\(englishArticle(size)) \(size)"
        case let (nil, sector?):
            return fr ? "une organisation du secteur \(sector)" : "an organisation in \(sector)"
        case (nil, nil):
            return fr ? "l'organisation" : "the organisation"
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
        guard let first = variant.words.first, !first.isEmpty else { return }
        if let existing = variants[first], existing.contains(where: { $0.words == variant.words }) { return }
        variants[first, default: []].append(variant)
    }

    private mutating func addLiteral(_ text: String, label: String) {
        let folded = TextFold.fold(text)
        guard !folded.isEmpty else { return }
        literals.append((folded, label))
        // An email's local part and domain are words too (amelie.roux@garnier.fr).
        if folded.contains("@") {
            for word in WordTokens.folded(text) where word.count >= 3 && !Self.genericWords.contains(word) {
                if ["com", "org", "net", "example", "mail", "gmail", "yahoo", "hotmail", "outlook", "orange", "free", "wanadoo", "laposte"].contains(word) { continue }
                if variants[word] == nil {
                    add(Variant(words: [word], kind: .identifier, parts: ["[email]"], label: label))
                }
            }
        }
    }

    private mutating func addPhone(_ text: String, label: String) {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard digits.count >= 8 else { return }
        phoneDigits.append((String(digits.suffix(9)), label))
    }

    private mutating func addPhrase(_ text: String, kind: Kind, replacement: String, label: String) {
        let words = WordTokens.folded(text)
        guard !words.isEmpty else { return }
        add(Variant(words: words, kind: kind, parts: [replacement] + Array(repeating: "", count: words.count - 1), label: label))
        if kind == .place || kind == .identifier { declaredWords.formUnion(words) }
    }

    private mutating func addOrganisation(_ name: String, aliases: [String], phrase: String, label: String) {
        for text in [name] + aliases {
            addPhrase(text, kind: .organisation, replacement: phrase, label: label)
            let words = WordTokens.folded(text)
            declaredWords.formUnion(words)
            // "Garnier" alone stands for "Atelier Garnier"; "Atelier" alone does not.
            if words.count > 1 {
                for word in words where word.count >= 3 && !Self.genericWords.contains(word) && !replacementWords.contains(word) {
                    add(Variant(words: [word], kind: .organisation, parts: [phrase], label: label))
                }
            }
        }
    }

    /// A person: the whole name both ways round, each part, initials, titles with an initial,
    /// and each alias; the pseudonym keeps the shape (first name for first name, A. R. for A. R.).
    private mutating func addPerson(name: String, aliases: [String], pseudonym: Pseudonyms.Name, label: String) {
        let words = WordTokens.folded(name)
        guard !words.isEmpty else { return }
        declaredWords.formUnion(words.flatMap { [$0] + $0.split(separator: "-").map(String.init) })
        // First name: the first word, and any before a surname's particle or the last word.
        var split = words.count > 1 ? words.count - 1 : 1
        if let particle = words.indices.dropFirst().first(where: { Self.particles.contains(words[$0]) }) {
            split = particle
        }
        let first = Array(words[..<split])
        let last = Array(words[split...])
        let pf = pseudonym.first, pl = pseudonym.last
        let pfi = String(pf.prefix(1)), pli = String(pl.prefix(1))
        func blank(_ count: Int) -> [String?] { Array(repeating: "", count: max(0, count)) }
        func person(_ words: [String], _ parts: [String?]) {
            add(Variant(words: words, kind: .person, parts: parts, label: label))
        }
        if !last.isEmpty {
            person(first + last, [pf] + blank(first.count - 1) + [pl] + blank(last.count - 1))
            person(last + first, [pl] + blank(last.count - 1) + [pf] + blank(first.count - 1))
            person(last, [pl] + blank(last.count - 1))
            let core = last.filter { !Self.particles.contains($0) }
            for word in core {
                person([word], [pl])
                for part in word.split(separator: "-") where part.count >= 2 { person([String(part)], [pl]) }
            }
            if let initial = first.first?.first, let lastInitial = core.first?.first {
                person([String(initial)] + last, [pfi] + [pl] + blank(last.count - 1))
                person(first + [String(lastInitial)], [pf] + blank(first.count - 1) + [pli])
                person([String(initial), String(lastInitial)], [pfi, pli])
                for title in Self.titles { person([title, String(lastInitial)], [nil, pli]) }
            }
        }
        person(first, [pf] + blank(first.count - 1))
        for word in first {
            person([word], [pf])
            for part in word.split(separator: "-") where part.count >= 2 { person([String(part)], [pf]) }
        }
        let initials = (first.compactMap(\.first) + last.filter { !Self.particles.contains($0) }.compactMap(\.first)).map(String.init).joined()
        for alias in aliases {
            let aliasWords = WordTokens.folded(alias)
            guard !aliasWords.isEmpty else { continue }
            declaredWords.formUnion(aliasWords)
            let parts: [String?] = aliasWords.map { word in
                if last.contains(word) { return pl }
                if first.contains(word) { return pf }
                if word.count == 1, word == String(first.first?.first ?? " ") { return pfi }
                if word.count == 1, word == String(last.last?.first ?? " ") { return pli }
                if word == initials { return pfi + pli }
                return pf
            }
            person(aliasWords, parts)
        }
    }

    /// The longest variant that matches the words at `index`, with the gaps between them only
    /// spaces or the dots of initials.
    func match(_ tokens: [WordTokens.Token], at index: Int, in text: String) -> Variant? {
        guard let candidates = variants[tokens[index].folded] else { return nil }
        for variant in candidates where index + variant.words.count <= tokens.count {
            var matched = true
            for offset in 1..<max(1, variant.words.count) {
                let token = tokens[index + offset]
                let gap = text[tokens[index + offset - 1].range.upperBound..<token.range.lowerBound]
                guard token.folded == variant.words[offset], gap.count <= 3,
                      gap.allSatisfy({ $0 == " " || $0 == "." || $0 == "\u{00A0}" || $0 == "\n" || $0 == "\u{202F}" }),
                      !gap.isEmpty else {
                    matched = false
                    break
                }
            }
            if matched { return variant }
        }
        return nil
    }
}
