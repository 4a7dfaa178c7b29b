/// The words of a text, for matching names: runs of letters. Hyphens, apostrophes, dots and
/// underscores separate words, so that a declared name is found inside a compound or a slug
/// (`l'après-Jean-Pierre`, `notes-mh-delatour`), and "Paul" never matches inside "Pauline".
/// The Breton `c'h` stays inside its word (`Guivarc'h` is one word, not `Guivarc` and `h`).
struct WordTokens {
    struct Token {
        var range: Range<String.Index>
        /// Without case or accents: "Amélie" and "AMELIE" are both `amelie`.
        var folded: String
        /// Whether the word starts with a capital letter as written.
        var capitalised: Bool
        /// Whether every letter is a capital (`AR`, `AMÉLIE`).
        var shouted: Bool
    }

    var tokens: [Token] = []

    init(_ text: String) {
        var index = text.startIndex
        // Prose says the same words again and again: each is folded once.
        var folds: [Substring: String] = [:]
        while index < text.endIndex {
            guard TextFold.isLetter(text[index]) else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end < text.endIndex {
                if TextFold.isLetter(text[end]) {
                    end = text.index(after: end)
                } else if Self.isBretonApostrophe(text, at: end, wordStart: start) {
                    end = text.index(after: end)
                } else {
                    break
                }
            }
            let word = text[start..<end]
            let letters = word.filter(TextFold.isLetter)
            let folded: String
            if let known = folds[word] {
                folded = known
            } else {
                folded = TextFold.fold(String(word))
                folds[word] = folded
            }
            tokens.append(Token(range: start..<end, folded: folded,
                                capitalised: word.first?.isUppercase == true,
                                shouted: letters.count > 1 && letters.allSatisfy { !$0.isLowercase }))
            index = end
        }
    }

    /// `c'h` inside a word: an apostrophe after a `c` that follows another letter, before an `h`.
    private static func isBretonApostrophe(_ text: String, at index: String.Index, wordStart: String.Index) -> Bool {
        guard Registry.apostrophes.contains(text[index]), index > wordStart else { return false }
        let before = text.index(before: index)
        guard before > wordStart, text[before] == "c" || text[before] == "C" else { return false }
        let after = text.index(after: index)
        guard after < text.endIndex, text[after] == "h" || text[after] == "H" else { return false }
        let next = text.index(after: after)
        return next == text.endIndex || !text[next].isLetter
    }

    /// Folded words of a name or phrase.
    static func folded(_ text: String) -> [String] {
        WordTokens(text).tokens.map(\.folded)
    }

    /// A name's words grouped as written between spaces: `Paul Lemaire-Dubois` → [paul],
    /// [lemaire, dubois].
    static func groups(_ text: String) -> [[String]] {
        text.split(whereSeparator: { $0.isWhitespace }).map { folded(String($0)) }.filter { !$0.isEmpty }
    }
}
