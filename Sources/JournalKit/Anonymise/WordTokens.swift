/// The words of a text, for matching names: letter runs joined by inner hyphens, so that
/// "Jean-Pierre" and "Saint-Paul" are one word each and "Paul" never matches inside "Pauline".
/// An apostrophe separates words: "d'Amélie" is `d` and `Amélie`, "Amélie's" is `Amélie` and `s`.
struct WordTokens {
    struct Token {
        var range: Range<String.Index>
        /// Without case or accents: "Amélie" and "AMELIE" are both `amelie`.
        var folded: String
    }

    var tokens: [Token] = []

    init(_ text: String) {
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isLetter else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end < text.endIndex {
                if text[end].isLetter {
                    end = text.index(after: end)
                } else if text[end] == "-", text.index(after: end) < text.endIndex, text[text.index(after: end)].isLetter {
                    end = text.index(after: end)
                } else {
                    break
                }
            }
            tokens.append(Token(range: start..<end, folded: TextFold.fold(String(text[start..<end]))))
            index = end
        }
    }

    /// Folded words of a name or phrase.
    static func folded(_ text: String) -> [String] {
        WordTokens(text).tokens.map(\.folded)
    }
}
