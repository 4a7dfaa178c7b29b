import Foundation

/// A note's body as it may leave the journal: private sections, HTML comments and raw HTML
/// left out (FORMAT.md section 4), and the private text kept aside so that the leak gate can
/// check it never shows up.
struct NoteBody: Sendable {
    /// The body after the front-matter, as written.
    var source: String

    /// What `rendered` gives: the body as it may leave, and the private text it left out.
    struct Rendered: Sendable {
        var markdown: String
        /// Folded lines of private text, long enough to be told apart from ordinary words.
        var privateLines: [String]
    }

    /// `\[personne\]` as cmark prints it, unless a link follows.
    private static let escapedBrackets = try! NSRegularExpression(pattern: #"\\\[([^\]\\\n]{1,60})\\\](?![(\[:])"#)

    init(root: URL, path: String) {
        source = ""
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
              case .success(let text) = SourceText.decode(data) else { return }
        let frontMatter = FrontMatter(lines: text.lines)
        guard frontMatter.bodyStartLine <= text.lines.count else { return }
        source = text.lines[(frontMatter.bodyStartLine - 1)...].joined(separator: "\n")
    }

    /// The body for a summary: what is private, raw HTML, the first-level title, and the lists
    /// of objectives, commitments, reviews and themes (the summary shows those itself) are left
    /// out; headings move down `shift` levels; `text` rewrites every piece of text.
    func rendered(aliases: HeadingAliases, shift: Int, flattenLinks: Bool, text: @escaping (String) -> String) -> Rendered {
        // Filled while cmark's tree is read, so that the body is parsed once.
        var privateLines: [String] = []
        let rewrite = MarkdownTree.Rewrite(drop: { tree in
            var tree = tree
            let sections = SectionMap(tree: &tree, aliases: aliases)
            var drop = Set<Int>()
            for (index, node) in tree.nodes.enumerated() {
                if node.isPrivate {
                    let literal = node.literal.replacingOccurrences(of: "<!--", with: " ").replacingOccurrences(of: "-->", with: " ")
                    for line in literal.split(separator: "\n") {
                        let folded = TextFold.fold(String(line))
                        if folded.count >= LeakGate.minimumPrivateLength { privateLines.append(folded) }
                    }
                }
                let inItemSection = sections.kinds[index].map { $0 != .private } ?? false
                switch node.kind {
                case .htmlBlock, .htmlInline:
                    drop.insert(index)
                case .heading where node.headingLevel == 1 || inItemSection:
                    drop.insert(index)
                case .list where inItemSection:
                    drop.insert(index)
                default:
                    if node.isPrivate { drop.insert(index) }
                }
            }
            return drop
        }, headingShift: shift, flattenLinks: flattenLinks, text: text)
        let markdown = MarkdownTree.rewrite(source, rewrite).trimmingCharacters(in: .whitespacesAndNewlines)
        // cmark escapes the brackets of « [personne] »; they read better bare, and mean nothing
        // to Markdown without a link after them.
        let bare = Self.escapedBrackets.stringByReplacingMatches(
            in: markdown, range: NSRange(markdown.startIndex..<markdown.endIndex, in: markdown), withTemplate: "[$1]")
        return Rendered(markdown: bare, privateLines: privateLines)
    }
}
