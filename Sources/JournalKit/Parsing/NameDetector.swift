/// Words that look like a person's name: a known first name written with a capital, or any
/// capitalised word after a title (M., Mme, Dr, Me…). Shared by the `undeclared-person` lint
/// rule and, later, by anonymised summaries, so that both see the same names.
enum NameDetector {
    struct Candidate: Sendable, Codable, Hashable {
        var name: String
        var line: Int
        var column: Int
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
        "aout", "septembre", "octobre", "novembre", "decembre",
    ]
    static let titles: Set<String> = ["M", "Mme", "Mmes", "Mlle", "Madame", "Monsieur", "Mademoiselle", "Dr",
                                      "Docteur", "Me", "Maître", "Pr", "Professeur", "Mr", "Mrs", "Ms"]
    /// Capitalised words that follow titles but are not names (`M. le directeur`).
    static let notNames: Set<String> = ["Le", "La", "Les", "The"]

    /// The candidates on one line of text (line `number` of the file). One pass over the
    /// scalars; a String is made only for capitalised words, which are few.
    static func candidates(in line: Substring, number: Int) -> [Candidate] {
        var found: [Candidate] = []
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        var column = 1
        var sentenceStart = true
        var previousTitle: String? = nil
        var previousFollowedByDot = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isLetter(scalar) else {
                if ".!?:;«»\"#>*[]".unicodeScalars.contains(scalar) {
                    // The end of a sentence, a heading, a quote, a list marker or a checkbox.
                    if !(scalar == "." && previousTitle != nil) { sentenceStart = true }
                } else if scalar.properties.numericType != nil {
                    sentenceStart = false
                }
                index = scalars.index(after: index)
                column += 1
                continue
            }
            let wordStart = index
            let wordColumn = column
            var end = index
            while end < scalars.endIndex, isLetter(scalars[end]) || (scalars[end] == "-" && end != wordStart) {
                end = scalars.index(after: end)
                column += 1
            }
            var wordEnd = end
            while wordEnd > wordStart, scalars[scalars.index(before: wordEnd)] == "-" { wordEnd = scalars.index(before: wordEnd) }
            let followedByDot = end < scalars.endIndex && scalars[end] == "."
            let isUpper = scalar.properties.isUppercase
            defer {
                index = end
                sentenceStart = false
                previousFollowedByDot = followedByDot
            }
            guard isUpper else {
                previousTitle = nil
                continue
            }
            let word = String(String.UnicodeScalarView(scalars[wordStart..<wordEnd]))
            let title = previousTitle
            previousTitle = titles.contains(word) ? word : nil
            // `M` alone is a title only with its dot (`M. Garnier`); the others with or without.
            if let title, title != "M" || previousFollowedByDot, !notNames.contains(word) {
                if isCapitalised(word) { found.append(Candidate(name: word, line: number, column: wordColumn)) }
                continue
            }
            let folded = TextFold.fold(word)
            let hyphenated = folded.contains("-")
            let isName = hyphenated ? folded.split(separator: "-").contains { firstNames.contains($0) }
                                    : firstNames.contains(Substring(folded))
            guard isName, !neverNames.contains(folded), isCapitalised(word) else { continue }
            if sentenceStart, !hyphenated, ordinaryWords.contains(Substring(folded)) { continue }
            found.append(Candidate(name: word, line: number, column: wordColumn))
        }
        return found
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
