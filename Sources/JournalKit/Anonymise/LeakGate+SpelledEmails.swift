/// The leak gate's own look for addresses spelled out to escape a filter: `nkem at example
/// [dot] org`, « prenom.nom (at) domaine (point) fr », `contact [at] acme [dot] co [dot] uk`,
/// « arobase ». Read on the gate's words, not with the anonymiser's pattern, so that a gap in
/// one is not a gap in the other.
extension LeakGate {
    private static let atWords: Set<String> = ["at", "arobase", "arobas"]
    private static let dotWords: Set<String> = ["dot", "point"]
    /// The endings a bare "at" needs after it to be an address ("looked at it dot by dot" is not one).
    private static let endings: Set<String> = ["fr", "com", "org", "net", "io", "eu", "be", "ch", "ca", "lu", "uk", "de", "es",
                                               "it", "info", "biz", "example", "app", "dev", "me", "us", "ie", "nl", "edu", "gov"]

    /// `gap` without spaces and the backslashes Markdown escapes brackets with.
    private static func bare(_ gap: Substring) -> String {
        String(gap.filter { $0 != " " && $0 != "\\" && $0 != "\n" && $0 != "\u{00A0}" })
    }

    private static func opens(_ gap: Substring) -> Bool { bare(gap).last.map { "([{<".contains($0) } ?? false }
    private static func closes(_ gap: Substring) -> Bool { bare(gap).first.map { ")]}>".contains($0) } ?? false }

    func spelledEmails(_ words: [Word]) -> [Hit] {
        var hits: [Hit] = []
        var index = 1
        while index < words.count {
            // Where the domain starts, and how plainly the `@` is marked.
            var domain: Int?
            var plain = false
            let word = words[index]
            if Self.atWords.contains(word.folded), index + 1 < words.count, word.gapLength <= 3, !word.blankLine {
                let bracketed = Self.opens(word.gap) && Self.closes(words[index + 1].gap)
                domain = index + 1
                plain = bracketed || word.folded != "at"
                if !bracketed, Self.bare(words[index + 1].gap) != "" { domain = nil }
            } else if word.gap.contains("@"), word.gapLength <= 5, !word.blankLine,
                      Self.bare(word.gap).allSatisfy({ "@([{<>}])".contains($0) }) {
                domain = index
                plain = true
            }
            guard let start = domain, start < words.count else {
                index += 1
                continue
            }
            // Labels joined by a dot, spelled (`dot`, `(point)`) or written (`.`, `[.]`).
            var last = start
            var labels = 0
            while last + 1 < words.count {
                let next = words[last + 1]
                let gap = Self.bare(next.gap)
                if [".", "[.]", "(.)", "{.}", "<.>"].contains(gap), next.gapLength <= 5 {
                    last += 1
                } else if Self.dotWords.contains(next.folded), next.gapLength <= 3, last + 2 < words.count,
                          ["", "(", "[", "{", "<"].contains(gap), ["", ")", "]", "}", ">"].contains(Self.bare(words[last + 2].gap)),
                          words[last + 2].gapLength <= 3 {
                    last += 2
                } else {
                    break
                }
                labels += 1
            }
            let ending = words[last].folded
            if labels > 0, plain ? ending.count >= 2 : Self.endings.contains(ending) {
                let first = index - 1
                hits.append(Hit(what: "email (spelled out)", found: words[first...last].map { String($0.original) }.joined(separator: " "),
                                line: words[first].line))
                index = last + 1
                continue
            }
            index += 1
        }
        return hits
    }
}
