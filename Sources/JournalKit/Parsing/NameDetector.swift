/// Words that look like a person's name: a known first name written with a capital, or any
/// capitalised word after a title (M., Mme, Dr, Me…). Shared by the `undeclared-person` lint
/// rule and, later, by anonymised summaries, so that both see the same names.
enum NameDetector {
    struct Candidate: Sendable, Codable, Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Folded (no accents, lower case), so that Élodie and Elodie are both found.
    static let firstNames: Set<String> = Set(FirstNames.list.split(separator: "\n").map { TextFold.fold(String($0)) })
    /// First names that are also ordinary words: not counted at the start of a sentence.
    static let ordinaryWords: Set<String> = Set(FirstNames.ordinaryWords.split(separator: "\n").map { TextFold.fold(String($0)) })
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

    private struct Word {
        var text: Substring
        var column: Int
        var sentenceStart: Bool
        var followedByDot: Bool
    }

    /// The candidates on one line of text (line `number` of the file).
    static func candidates(in line: Substring, number: Int) -> [Candidate] {
        let words = split(line)
        var found: [Candidate] = []
        for (index, word) in words.enumerated() where isCapitalised(word.text) {
            let previous = index > 0 ? words[index - 1] : nil
            // `M` alone is a title only with its dot (`M. Garnier`); the others with or without.
            let afterTitle = previous.map { titles.contains(String($0.text)) && ($0.followedByDot || $0.text != "M") } ?? false
            if afterTitle, !notNames.contains(String(word.text)) {
                found.append(Candidate(name: String(word.text), line: number, column: word.column))
                continue
            }
            let folded = TextFold.fold(String(word.text))
            let parts = folded.split(separator: "-").map(String.init)
            guard parts.contains(where: { firstNames.contains($0) }), !neverNames.contains(folded) else { continue }
            if word.sentenceStart, parts.count == 1, ordinaryWords.contains(folded) { continue }
            found.append(Candidate(name: String(word.text), line: number, column: word.column))
        }
        return found
    }

    /// A capital, then at least one lower-case letter: names, not acronyms (DRH, PME).
    private static func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
        return word.dropFirst().contains { $0.isLowercase }
    }

    /// Words (letters and inner hyphens), with their column and whether a sentence starts there.
    /// Elisions split a word: `d'Amélie` gives `Amélie`.
    private static func split(_ line: Substring) -> [Word] {
        var words: [Word] = []
        var current = line.startIndex
        var column = 1
        var start: Substring.Index? = nil
        var startColumn = 0
        var sentenceStart = true
        func close(at end: Substring.Index) {
            guard let begin = start else { return }
            var text = line[begin..<end]
            while text.last == "-" { text = text.dropLast() }
            let dot = end < line.endIndex && line[end] == "."
            if !text.isEmpty {
                words.append(Word(text: text, column: startColumn, sentenceStart: sentenceStart, followedByDot: dot))
                sentenceStart = false
            }
            start = nil
        }
        while current < line.endIndex {
            let character = line[current]
            if character.isLetter || (character == "-" && start != nil) {
                if start == nil {
                    start = current
                    startColumn = column
                }
            } else {
                close(at: current)
                if ".!?:;«»\"#>*[]".contains(character) {
                    // The end of a sentence, a heading, a quote or a list marker: what follows starts one.
                    let isTitleDot = character == "." && words.last.map { titles.contains(String($0.text)) } == true
                    if !isTitleDot { sentenceStart = true }
                } else if character.isNumber {
                    sentenceStart = false
                }
            }
            column += 1
            current = line.index(after: current)
        }
        close(at: line.endIndex)
        return words
    }
}
