/// Names that are in no list but that the words around them make plain: a relation, kinship or
/// role word just before (« sa sœur Nkem », "my manager Tunde", « son N+1, Oyelaran ») or in
/// apposition just after (« Nkem (sa sœur) », "Aoife, her colleague,"). Read on the bytes around
/// a capitalised word, only for the few capitalised words that are not known first names.
extension NameDetector {
    /// Relation, kinship and role words, folded, French and English.
    static let relationWords: Set<String> = [
        "soeur", "frere", "demi-soeur", "demi-frere", "mari", "femme", "epouse", "epoux", "compagne", "compagnon",
        "conjoint", "conjointe", "fils", "fille", "mere", "pere", "maman", "papa", "oncle", "tante", "neveu", "niece",
        "cousin", "cousine", "grand-mere", "grand-pere", "belle-soeur", "beau-frere", "belle-mere", "beau-pere",
        "fiance", "fiancee", "n+1", "n+2", "n+3", "n-1", "manager", "manageuse", "boss", "patron", "patronne", "chef",
        "cheffe", "associe", "associee", "collegue", "ami", "amie", "copain", "copine", "voisin", "voisine", "mentor",
        "mentore", "adjoint", "adjointe", "assistant", "assistante", "binome", "stagiaire", "superieur", "superieure",
        "directeur", "directrice", "responsable", "coloc", "colocataire", "ex", "filleul", "filleule", "parrain",
        "marraine", "sister", "brother", "wife", "husband", "partner", "son", "daughter", "mother", "father", "mum",
        "mom", "dad", "aunt", "uncle", "nephew", "grandmother", "grandfather", "grandma", "grandpa", "stepson",
        "stepdaughter", "stepmother", "stepfather", "sister-in-law", "brother-in-law", "girlfriend", "boyfriend",
        "colleague", "coworker", "co-worker", "friend", "flatmate", "housemate", "roommate", "neighbour", "neighbor",
        "mentee", "deputy", "director", "supervisor", "godmother", "godfather", "twin", "jumeau", "jumelle",
    ]
    /// Possessives: with one before the relation word (« sa sœur », "her colleague"), or in an
    /// apposition, the name is certain enough for lint to report it.
    static let possessives: Set<String> = [
        "sa", "son", "ses", "mon", "ma", "mes", "ta", "ton", "tes", "leur", "leurs", "notre", "nos", "votre", "vos",
        "my", "his", "her", "their", "our", "your",
    ]
    static let englishPossessives: Set<String> = ["my", "his", "her", "their", "our", "your"]
    /// Capitalised words that are tools, products, departments, languages or countries far more
    /// often than people or towns: a cue before them does not make them a name or a place. Folded.
    static let commonCapitalised: Set<String> = [
        "excel", "word", "teams", "outlook", "slack", "zoom", "python", "java", "javascript", "swift", "kotlin",
        "linkedin", "google", "microsoft", "apple", "amazon", "facebook", "instagram", "whatsapp", "signal", "skype",
        "notion", "jira", "confluence", "trello", "miro", "powerpoint", "sharepoint", "onedrive", "github", "gitlab",
        "webex", "meet", "salesforce", "sap", "oracle", "tableau", "figma", "canva", "chatgpt", "copilot", "visio",
        "keynote", "gmail", "calendly", "doctolib", "youtube", "internet", "intranet", "agile", "scrum", "lean",
        "kanban", "marketing", "finance", "finances", "sales", "ventes", "product", "produit", "engineering",
        "operations", "legal", "juridique", "compta", "comptabilite", "achats", "support", "direction", "qualite",
        "production", "logistique", "recherche", "innovation", "strategie", "communication", "design", "data",
        "platform", "ops", "devops", "procurement", "people", "talent", "anglais", "francais", "english", "french",
        "spanish", "german", "italian", "portuguese", "arabic", "chinese", "japanese", "dutch", "polish", "espagnol",
        "allemand", "italien", "portugais", "arabe", "chinois", "welsh", "irish", "scottish", "british", "european",
        "france", "belgique", "suisse", "canada", "angleterre", "england", "scotland", "ecosse", "wales", "ireland",
        "irlande", "allemagne", "germany", "espagne", "spain", "italie", "italy", "portugal", "maroc", "morocco",
        "algerie", "algeria", "tunisie", "tunisia", "senegal", "nigeria", "ghana", "usa", "chine", "china", "japon",
        "japan", "inde", "india", "europe", "afrique", "africa", "asie", "asia", "amerique", "america", "britain",
        "luxembourg", "quebec", "pays-bas", "netherlands", "pologne", "poland", "roumanie", "romania", "bresil",
        "brazil", "mexique", "mexico", "australie", "australia", "russie", "russia", "ukraine", "turquie", "turkey",
        "liban", "lebanon", "egypte", "egypt", "kenya", "cameroun", "cameroon", "vietnam", "corse", "outre-mer",
        "covid", "brexit", "bac", "master",
        "licence", "mba", "phd", "commercial", "commerciale", "general", "generale", "financier", "financiere",
        "technique", "marketing", "rh", "it", "ceo", "cto", "cfo", "drh", "daf", "dg", "pdg",
    ]

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// A byte that may belong to a cue word as read backwards or forwards: a letter (any byte
    /// outside ASCII: it is checked once decoded), `-`, and the `+` and digits of « N+1 ».
    private static func isCueByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x2D || byte == 0x2B || (byte >= 0x30 && byte <= 0x39)
    }

    /// The folded word that ends at `end`, and where it starts.
    private static func word(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        var start = end
        // A no-break space (C2 A0) or « » (C2 AB, C2 BB) end the word; so does any other ASCII.
        while start > 0, isCueByte(bytes[start - 1]), !(start >= 2 && bytes[start - 2] == 0xC2 && bytes[start - 1] >= 0xA0) {
            start -= 1
        }
        while start < end, bytes[start] & 0xC0 == 0x80 { start += 1 }
        guard start < end, end - start <= 40 else { return nil }
        let folded = TextFold.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        return (folded, start)
    }

    /// The folded word that starts at `start` (after spaces), and where it ends.
    private static func word(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        var start = start
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, isCueByte(bytes[end]), !(bytes[end] == 0xC2 && end + 1 < bytes.count && bytes[end + 1] >= 0xA0) {
            end += 1
        }
        guard start < end, end - start <= 40 else { return nil }
        return (TextFold.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)), end)
    }

    static func isRelation(_ folded: String) -> Bool {
        if relationWords.contains(folded) { return true }
        // Plurals (« ses sœurs Nkem et Ada »), and "ex-wife".
        if folded.hasSuffix("s"), relationWords.contains(String(folded.dropLast())) { return true }
        return folded.split(separator: "-").count > 1 && folded.split(separator: "-").contains { relationWords.contains(String($0)) && $0.count > 2 }
    }

    /// Whether a relation word stands just before the word at `start` (a comma between them
    /// allowed), and whether a possessive comes before that (the name is then certain).
    static func relationBefore(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (found: Bool, certain: Bool) {
        var end = start
        var comma = false
        while end > 0, isSpace(bytes[end - 1]) || (!comma && bytes[end - 1] == UInt8(ascii: ",")) {
            if bytes[end - 1] == UInt8(ascii: ",") { comma = true }
            end -= 1
        }
        guard end < start, let (cue, cueStart) = word(endingAt: end, in: bytes), isRelation(cue) else { return (false, false) }
        var before = cueStart
        while before > 0, isSpace(bytes[before - 1]) { before -= 1 }
        let owner = before < cueStart ? word(endingAt: before, in: bytes)?.0 : nil
        // « son » is French for his or her far more often than English for a son.
        if cue == "son" { return englishPossessives.contains(owner ?? "") ? (true, true) : (false, false) }
        return (true, owner.map(possessives.contains) ?? false)
    }

    /// Whether a relation stands in apposition just after the word that ends at `end`:
    /// « Nkem (sa sœur) », « Nkem (sœur) », "Aoife, her colleague".
    static func relationAfter(_ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: ",") else { return false }
        let bracket = bytes[index] == UInt8(ascii: "(")
        guard let (first, firstEnd) = word(startingAt: index + 1, in: bytes) else { return false }
        if possessives.contains(first), let (second, _) = word(startingAt: firstEnd, in: bytes) { return isRelation(second) }
        return bracket && isRelation(first)
    }
}
