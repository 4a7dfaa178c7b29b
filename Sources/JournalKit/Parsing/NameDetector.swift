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
    /// UTF-8 bytes; scalars are decoded only outside ASCII, and a String is made only for
    /// capitalised words, which are few.
    static func candidates(in line: Substring, number: Int) -> [Candidate] {
        if let found = line.utf8.withContiguousStorageIfAvailable({ scan($0, number: number) }) { return found }
        return Array(line.utf8).withUnsafeBufferPointer { scan($0, number: number) }
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

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        var column = 1
        var sentenceStart = true
        var previousTitle: String? = nil
        var previousFollowedByDot = false
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
