import Foundation

extension NoteParser {
    /// `<!-- journal-lint-disable RULE… -->` and `<!-- journal-lint-disable-next-line RULE… -->`,
    /// as markdownlint spells them; no rule named means every rule. A comment at the top of the
    /// body (nothing but blank lines and other such comments above it) covers the header too:
    /// most findings are about a header key, and the comment cannot go above the header.
    private static let suppressionMark = Array("journal-lint-disable".utf8)

    static func suppressions(in lines: [Substring], bodyStart: Int) -> [Note.Suppression] {
        var found: [Note.Suppression] = []
        var atTop = true
        for (index, line) in lines.enumerated() {
            guard line.utf8.count < 4_096 && ByteSearch.contains(line, Self.suppressionMark) else {
                if atTop && index + 1 >= bodyStart && !line.allSatisfy(\.isWhitespace) { atTop = false }
                continue
            }
            var rest = line[line.range(of: "journal-lint-disable")!.upperBound...]
            let nextLineOnly = rest.hasPrefix("-next-line")
            if nextLineOnly { rest = rest.dropFirst("-next-line".count) }
            guard rest.hasPrefix(" ") || rest.hasPrefix("-->") else { continue }
            let inside = rest.components(separatedBy: "-->").first ?? ""
            let rules = inside.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let whole = atTop && !nextLineOnly && index + 1 >= bodyStart
            found.append(Note.Suppression(rules: rules, line: whole ? 1 : index + 1, nextLineOnly: nextLineOnly))
        }
        return found
    }
}
