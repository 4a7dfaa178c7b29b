import Foundation

/// The one path by which text from the notes leaves in a summary: a note's body, and each value
/// a template prints (an objective, a commitment, a reason, `role`, `demand`, `need`,
/// `outcome`). Every piece goes through cmark, so that raw HTML is dropped, comments (HTML and
/// Obsidian's `%%`) are taken out before cmark sees them, links, images and Obsidian's
/// `[[wikilinks]]` become their text, and the anonymiser sees
/// each paragraph whole. It also gathers the undeclared names it hid, for the coach.
final class OutgoingText {
    private(set) var anonymiser: Anonymiser?
    /// Names hidden as « [personne] », with the note they were in, in order, once each.
    private(set) var undeclared: [(name: String, path: String)] = []
    private var seen: Set<String> = []
    /// The words of the undeclared places hidden as « [lieu] » (« Roubaix » of « à Roubaix »):
    /// hidden in every later text too, and looked for by the leak gate everywhere (a place
    /// named once with « à » and once without).
    private(set) var placeWords: Set<String> = []
    /// Values already made safe: a commitment is printed in the list and again among the
    /// misses, each time the same.
    private var inlined: [InlineKey: String] = [:]

    private struct InlineKey: Hashable {
        var value: String
        var path: String
        var context: LocalDate?
    }

    init(anonymiser: Anonymiser?) {
        self.anonymiser = anonymiser
    }

    /// How `MarkdownTree.rewrite` should change text from the note at `path`, dated `context`.
    func rewrite(path: String, context: LocalDate?, drop: @escaping (MarkdownTree) -> Set<Int> = { _ in [] },
                 headingShift: Int = 0) -> MarkdownTree.Rewrite {
        MarkdownTree.Rewrite(drop: drop, headingShift: headingShift, flattenLinks: anonymiser != nil,
                             normalise: TextFold.visible, edits: { [self] text in edits(text, path: path, context: context) })
    }

    private func edits(_ text: String, path: String, context: LocalDate?) -> [TextEdit] {
        guard let anonymiser = self.anonymiser else { return [] }
        guard text.utf8.count <= Anonymiser.maximumLength else {
            return [TextEdit(range: text.startIndex..<text.endIndex, text: anonymiser.tooLong)]
        }
        let result = anonymiser.rewrite(text, context: context)
        for name in result.undeclared where !seen.contains(name) {
            seen.insert(name)
            undeclared.append((name, path))
        }
        for place in result.places {
            for word in WordTokens(place).tokens where word.capitalised && word.folded.count >= 3 && !Registry.isPlaceWord(word.folded) {
                placeWords.insert(String(place[word.range]))
            }
        }
        if !result.places.isEmpty { self.anonymiser?.knownPlaces = placeWords }
        return result.replacements
    }

    /// A value printed on one line of a summary, made safe the same way as a note's body.
    func inline(_ value: String, path: String, context: LocalDate?) -> String {
        let key = InlineKey(value: value, path: path, context: context)
        if let known = inlined[key] { return known }
        let line = rendered(value, path: path, context: context)
        inlined[key] = line
        return line
    }

    private func rendered(_ value: String, path: String, context: LocalDate?) -> String {
        let blanked = Footnotes.forOutput(ObsidianSyntax.forOutput(HTMLComments.blank(value, .compact).text))
        let markdown = MarkdownTree.rewrite(blanked, rewrite(path: path, context: context))
        let line = markdown.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return Self.bareBrackets(line)
    }

    /// `\[personne\]` as cmark prints it, unless a link follows, or a colon at the start of a
    /// line (bare, `[personne]: …` there would define a link).
    private static let escapedBrackets = try! NSRegularExpression(pattern: #"\\\[([^\]\\\n]{1,60})\\\](?![(\[])(?!(?<=^ {0,3}\\\[[^\]\\\n]{1,60}\\\]):)"#, options: .anchorsMatchLines)

    /// cmark escapes the brackets of « [personne] »; they read better bare, and mean nothing to
    /// Markdown without a link after them.
    static func bareBrackets(_ markdown: String) -> String {
        // Most pieces have no `\[` at all: a look at the bytes spares the regular expression.
        var backslash = false
        guard markdown.utf8.contains(where: { byte in
            defer { backslash = byte == 0x5C }
            return backslash && byte == 0x5B
        }) else { return markdown }
        return escapedBrackets.stringByReplacingMatches(
            in: markdown, range: NSRange(markdown.startIndex..<markdown.endIndex, in: markdown), withTemplate: "[$1]")
    }
}
