import Foundation

/// A note's body as it may leave the journal: private sections, HTML and Obsidian comments
/// and raw HTML left out (docs/format.md, "Private content"), and the private text kept aside so that the leak gate can
/// check it never shows up.
struct NoteBody: Sendable {
    /// The body after the front-matter, as written.
    var source: String

    /// What `rendered` gives: the body as it may leave, and the private text it left out.
    struct Rendered: Sendable {
        var markdown: String
        /// Lines of private text, for the leak gate to look for.
        var privateLines: [String]
        /// Text outside private parts: a passage written there too is not private.
        var publicLines: [String] = []
    }

    init(root: URL, path: String) {
        source = ""
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
              case .success(let text) = SourceText.decode(data) else { return }
        let frontMatter = FrontMatter(lines: text.lines)
        guard frontMatter.bodyStartLine <= text.lines.count else { return }
        source = text.lines[(frontMatter.bodyStartLine - 1)...].joined(separator: "\n")
    }

    /// The body for a summary: what is private, comments, raw HTML, the first-level title, and
    /// the lists of objectives, commitments, reviews and themes (the summary shows those itself)
    /// are left out; headings move down `shift` levels; `outgoing` rewrites every piece of text.
    /// `droppedHeadings` (folded) are headings the template already writes (the case file's
    /// « Contexte », under the summary's own): left out, their section kept.
    func rendered(aliases: HeadingAliases, shift: Int, outgoing: OutgoingText, path: String, context: LocalDate?,
                  droppedHeadings: Set<String> = []) -> Rendered {
        // Comments go before cmark sees the body; what they say is private, and the gate knows it.
        let blanked = HTMLComments.blank(source, .compact)
        var privateLines: [String] = blanked.comments.flatMap { $0.split(separator: "\n").map(String.init) }
        // The open text as one run: a passage may cross an emphasis or a line break.
        var openText: [String] = []
        let drop = { (tree: MarkdownTree) -> Set<Int> in
            var tree = tree
            let sections = SectionMap(tree: &tree, aliases: aliases)
            var drop = Set<Int>()
            for (index, node) in tree.nodes.enumerated() {
                if node.isPrivate, node.kind == .text || node.kind == .code || node.kind == .codeBlock || node.kind == .htmlBlock || node.kind == .htmlInline {
                    privateLines += node.literal.split(separator: "\n").map(String.init)
                } else if !node.isPrivate, node.kind == .text || node.kind == .code {
                    openText.append(node.literal)
                }
                let inItemSection = sections.kinds[index].map { $0 != .private } ?? false
                switch node.kind {
                case .htmlBlock, .htmlInline:
                    drop.insert(index)
                case .heading where node.headingLevel == 1 || inItemSection:
                    drop.insert(index)
                case .heading where node.headingLevel == 2 && !droppedHeadings.isEmpty
                    && droppedHeadings.contains(TextFold.fold(SectionMap.lines(of: index, in: tree).joined(separator: " "))):
                    drop.insert(index)
                case .list where inItemSection:
                    drop.insert(index)
                default:
                    if node.isPrivate { drop.insert(index) }
                }
            }
            // A heading with nothing left under it (the skeleton's « Notes » left blank, a
            // section whose lists the summary shows itself) would stand alone: it goes too.
            // From the last one up, so that a section holding only empty ones is empty.
            let topLevel = tree.nodes.indices.filter { tree.nodes[$0].parent == 0 }
            for (position, index) in topLevel.enumerated().reversed()
            where tree.nodes[index].kind == .heading && !drop.contains(index) {
                let level = tree.nodes[index].headingLevel
                let following = topLevel[(position + 1)...].prefix { tree.nodes[$0].kind != .heading || tree.nodes[$0].headingLevel > level }
                if following.allSatisfy(drop.contains) { drop.insert(index) }
            }
            return drop
        }
        // Obsidian's links leave as their text, its block ids not at all; footnotes as superscript numbers.
        let markdown = MarkdownTree.rewrite(Footnotes.forOutput(ObsidianSyntax.forOutput(blanked.text)), outgoing.rewrite(path: path, context: context, drop: drop, headingShift: shift))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return Rendered(markdown: OutgoingText.bareBrackets(markdown), privateLines: privateLines, publicLines: [openText.joined(separator: " ")])
    }
}
