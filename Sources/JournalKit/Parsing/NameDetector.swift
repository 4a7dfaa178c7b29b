import FirstNameData

/// Words that look like a person's name: a known first name written with a capital, or any
/// capitalised word after a title (M., Mme, Dr, Me…). Shared by the `undeclared-person` lint
/// rule and, later, by anonymised summaries, so that both see the same names.
enum NameDetector {
    /// A candidate in a text, by its range.
    struct Span: Sendable {
        var range: Range<String.Index>
        var name: String
        var confident: Bool
    }

    private struct Found {
        var name: String
        var column: Int
        var bytes: Range<Int>
        var confident: Bool
    }

    /// Folded (no accents, lower case) by the generator, so that Élodie and Elodie are both
    /// found and nothing is folded when the program starts.
    static let firstNames: Set<Substring> = Set(FirstNames.list.split(separator: "\n"))
    /// First names that are also ordinary words: not counted at the start of a sentence.
    static let ordinaryWords: Set<Substring> = Set(FirstNames.ordinaryWords.split(separator: "\n"))
    /// First names that are far more often places or months, wherever they stand.
    static let neverNames: Set<String> = [
        "france", "paris", "lourdes", "valence", "orleans", "vienne", "sienne", "sydney", "dallas",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "janvier", "fevrier", "mars", "avril", "juin", "juillet",
        "aout", "septembre", "octobre", "novembre", "decembre", "noel", "paques", "toussaint", "easter", "christmas",
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "lane", "ou", "les", "des", "une",
    ]
    /// Words that open sentences all the time and are first names only somewhere far away
    /// (Elle, Les, Il, Mon): never a candidate at a sentence start, not even an uncertain one.
    static let sentenceWords: Set<Substring> = [
        "rien", "personne", "chaque", "aucun", "aucune", "deux", "trois", "peu", "toujours", "jamais", "parfois",
        "souvent", "depuis", "pendant", "selon", "malgre", "voici", "voila", "merci", "bravo", "reste", "fin",
        "debut", "premier", "premiere", "dernier", "derniere", "reprise", "rappel", "retour", "demain", "hier",
        "ensemble", "seul", "seule", "vrai", "vraie", "franc", "franche", "clair", "cher", "chere", "the", "a",
        "this", "that", "these", "those", "we", "she", "they", "his", "her", "our", "their", "what", "when", "where",
        "why", "how", "run", "check", "but", "and", "or", "if", "then", "all", "after", "before", "first", "next",
        "last", "now", "here", "there", "today", "note", "notes", "see", "let", "get", "set", "try", "keep", "make",
        "take", "voir", "point", "suite", "faire", "prochaine", "objectif", "bilan", "elle", "elles", "il", "ils",
        "je", "tu", "on", "nous", "vous", "le", "la", "les", "de", "des", "du", "en", "un", "une", "mais", "ou", "et",
        "donc", "car", "ni", "puis", "bien", "mon", "ma", "mes", "ton", "ta", "sa", "son", "ses", "ce", "cet",
        "cette", "qui", "que", "si", "non", "oui", "pas", "plus", "tout", "tous", "ici", "lors", "aussi", "alors",
        "encore", "enfin", "ensuite", "bon", "beau", "belle", "juste", "mal", "an", "ans", "lieu", "mille", "ah",
        "oh", "hi", "he", "me", "my", "be", "do", "go", "in", "is", "it", "one", "so", "to", "up", "am", "are", "can",
        "did", "even", "ever", "just", "long", "love", "hey", "ha", "ho", "no", "yes", "mi", "dieu", "chez", "par",
        "pour", "sans", "sous", "sur", "vers", "avec", "apres", "avant", "comme", "quand", "odd", "due", "else",
        "era", "ideal", "job", "key", "man", "mine", "noble", "deep", "bang", "bet", "doc", "ego", "file", "floor",
        "forest", "grant", "hack", "hat", "hero", "lane", "lean", "lie", "line", "major", "mark", "mate", "merit",
        "nest", "novel", "pace", "pave", "pat", "pearl", "rest", "sage", "star", "sterling", "summer", "true",
        "vision",
    ]
    static let titles: Set<String> = ["M", "Mme", "Mmes", "Mlle", "Madame", "Monsieur", "Mademoiselle", "Dr",
                                      "Docteur", "Me", "Maître", "Pr", "Professeur", "Mr", "Mrs", "Ms"]
    /// Capitalised words that follow titles but are not names (`M. le directeur`).
    static let notNames: Set<String> = ["Le", "La", "Les", "The"]

    /// The candidates on one line of text (line `number` of the file). One pass over the
    /// UTF-8 bytes; scalars are decoded only outside ASCII, and a String is made only for
    /// capitalised words, which are few.
    /// `continuing`: the line goes on a sentence begun on the line before, so that its first
    /// word is not at a sentence start.
    static func candidates(in line: Substring, number: Int, continuing: Bool = false) -> [NameCandidate] {
        let found = line.utf8.withContiguousStorageIfAvailable({ scan($0, continuing: continuing) })
            ?? Array(line.utf8).withUnsafeBufferPointer { scan($0, continuing: continuing) }
        return found.map { NameCandidate(name: $0.name, line: number, column: $0.column, confident: $0.confident) }
    }

    /// The candidates of a whole text (a paragraph, several lines), with their ranges.
    static func spans(in text: String) -> [Span] {
        var copy = text
        let found = copy.withUTF8 { scan($0, continuing: false) }
        let utf8 = text.utf8
        return found.map { found in
            let lower = utf8.index(utf8.startIndex, offsetBy: found.bytes.lowerBound)
            let upper = utf8.index(lower, offsetBy: found.bytes.count)
            return Span(range: lower..<upper, name: found.name, confident: found.confident)
        }
    }

    private static let sentenceMarks: Set<UInt8> = Set(".!?:;\"#>*[]".utf8)

    /// The scalar at `index` and its length in bytes (a lone continuation byte counts as one).
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (" ", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? " ", length)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, continuing: Bool) -> [Found] {
        var found: [Found] = []
        var index = 0
        var column = 1
        var sentenceStart = !continuing
        var previousTitle: String? = nil
        var previousFollowedByDot = false
        // Where the last name that a relation word made ends: a surname may follow it.
        var cueNameEnd = -1
        while index < bytes.count {
            let (first, firstLength) = scalar(bytes, index)
            guard isLetter(first) else {
                if first.isASCII ? sentenceMarks.contains(UInt8(first.value)) : (first == "«" || first == "»") {
                    // The end of a sentence, a heading, a quote, a list marker or a checkbox.
                    if !(first == "." && previousTitle != nil) { sentenceStart = true }
                } else if first.isASCII ? (first.value >= 0x30 && first.value <= 0x39) : first.properties.numericType != nil {
                    sentenceStart = false
                }
                index += firstLength
                column += 1
                continue
            }
            let wordStart = index
            let wordColumn = column
            var end = index
            while end < bytes.count {
                let (next, length) = scalar(bytes, end)
                guard isLetter(next) || (next == "-" && end != wordStart) else { break }
                end += length
                column += 1
            }
            var wordEnd = end
            while wordEnd > wordStart, bytes[wordEnd - 1] == UInt8(ascii: "-") { wordEnd -= 1 }
            let followedByDot = end < bytes.count && bytes[end] == UInt8(ascii: ".")
            let isUpper = first.isASCII ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
            defer {
                index = end
                sentenceStart = false
                previousFollowedByDot = followedByDot
            }
            guard isUpper else {
                previousTitle = nil
                continue
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self)
            let title = previousTitle
            previousTitle = titles.contains(word) ? word : nil
            // A title is not a name itself (Me Kerbrat, Dr Castaing).
            if previousTitle != nil, title == nil { continue }
            // `M` alone is a title only with its dot (`M. Garnier`); the others with or without.
            if let title, title != "M" || previousFollowedByDot, !notNames.contains(word) {
                if isCapitalised(word) { found.append(Found(name: word, column: wordColumn, bytes: wordStart..<wordEnd, confident: true)) }
                continue
            }
            let folded = TextFold.fold(word)
            // On the bytes: `contains("-")` went through Foundation's search, for every word.
            let hyphenated = folded.utf8.contains(UInt8(ascii: "-"))
            let isName = hyphenated ? folded.split(separator: "-").contains { firstNames.contains($0) }
                                    : firstNames.contains(Substring(folded))
            guard isCapitalised(word) else { continue }
            // The surname after a name its relation word made (« sa sœur Nkem Adichie »).
            if let last = found.last, last.bytes.upperBound == cueNameEnd, last.bytes.upperBound + 1 == wordStart,
               bytes[last.bytes.upperBound] == 0x20,
               !commonCapitalised.contains(folded), !sentenceWords.contains(Substring(folded)), !neverNames.contains(folded) {
                found.append(Found(name: word, column: wordColumn, bytes: wordStart..<wordEnd, confident: last.confident))
                cueNameEnd = wordEnd
                continue
            }
            guard isName, !neverNames.contains(folded) else {
                // A word in no list, made a name by a relation word before or after it.
                guard !neverNames.contains(folded), !commonCapitalised.contains(folded), !sentenceWords.contains(Substring(folded)),
                      !notNames.contains(word) else { continue }
                let before = relationBefore(wordStart, in: bytes)
                if before.found || relationAfter(wordEnd, in: bytes) {
                    found.append(Found(name: word, column: wordColumn, bytes: wordStart..<wordEnd, confident: before.certain || !before.found))
                    cueNameEnd = wordEnd
                }
                continue
            }
            let ordinary = !hyphenated && ordinaryWords.contains(Substring(folded))
            if sentenceStart, sentenceWords.contains(Substring(folded)) { continue }
            // Saint-Paul, Sainte-Marie: a place or a saint.
            if hyphenated, let head = folded.split(separator: "-").first, ["saint", "sainte", "st", "ste"].contains(head) { continue }
            if ordinary, plainlyAWord(folded, before: wordEnd, in: bytes) { continue }
            let confident = !(sentenceStart && ordinary)
            found.append(Found(name: word, column: wordColumn, bytes: wordStart..<wordEnd, confident: confident))
            // A known first name after a relation word may have its surname after it too (« my manager Tunde Bakare »).
            if relationBefore(wordStart, in: bytes).found { cueNameEnd = wordEnd }
        }
        return found
    }

    /// Words that are plainly not names by the word after them: « Grâce à », "Will you", "May I".
    private static let plainWords: [String: Set<String>] = [
        "grace": ["a", "au", "aux", "à"],
        "will": ["you", "she", "he", "it", "we", "they", "i", "this", "that", "there"],
        "may": ["i", "we", "you", "be", "have"],
        "mark": ["the", "a", "your", "my"],
    ]

    private static func plainlyAWord(_ folded: String, before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let after = plainWords[folded] else { return false }
        var start = end
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        var stop = start
        while stop < bytes.count, bytes[stop] != 0x20, bytes[stop] != UInt8(ascii: ","), bytes[stop] != UInt8(ascii: "?"),
              bytes[stop] != UInt8(ascii: "."), bytes[stop] != UInt8(ascii: "\n") { stop += 1 }
        guard stop > start, start > end else { return false }
        let next = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
        return after.contains(TextFold.fold(next)) || after.contains(next.lowercased())
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    /// A capital, then at least one lower-case letter: names, not acronyms (DRH, PME).
    private static func isCapitalised(_ word: String) -> Bool {
        guard word.unicodeScalars.count >= 2 else { return false }
        return word.unicodeScalars.dropFirst().contains { $0.properties.isLowercase }
    }
}
