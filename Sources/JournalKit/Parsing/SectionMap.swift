/// Heading aliases, folded once so that matching a heading is one dictionary look-up.
struct HeadingAliases: Sendable, Hashable {
    private(set) var kinds: [String: SectionKind] = [:]

    init(extra: [SectionKind: [String]] = [:]) {
        // Private aliases are set last, so that they win: a heading that journal.yml also lists
        // under another section (`themes: ["Privé"]`) stays private, and never reaches an output.
        for kind in SectionKind.allCases.filter({ $0 != .private }) + [.private] {
            for alias in kind.builtInAliases + (extra[kind] ?? []) {
                kinds[TextFold.fold(alias)] = kind
            }
        }
    }

    func kind(ofHeading text: String) -> SectionKind? {
        kinds[TextFold.fold(text)]
    }

    /// The kind of a heading given line by line (a setext heading may span several lines:
    /// `Texte\nPrivé\n=====` is one heading). The whole text decides, except that a heading
    /// one of whose lines is a private alias is private: the coach who wrote « Privé » above
    /// the underline meant it.
    func kind(ofHeadingLines lines: [String]) -> SectionKind? {
        let whole = kind(ofHeading: lines.joined(separator: " "))
        if whole != .private, lines.count > 1, lines.contains(where: { kind(ofHeading: $0) == .private }) {
            return .private
        }
        return whole
    }
}

/// Which section each node of a tree is in, and whether it is private.
///
/// A section runs from its heading to the next heading of the same or a higher level; an inner
/// matching heading takes over for its own range, and anything under a private heading stays
/// private however deep.
///
/// Sections belong to the container their heading is in. A heading inside a block quote or a
/// list item is part of the section around that container: it opens a section for the rest
/// of its container only, and it never ends the section outside (`## Privé`, then a quote
/// holding `## Ce qu'elle a dit`, then `### Engagements`: those commitments are private).
/// Every reader (index, agenda, calendar, report, summary, names) takes privacy from here.
struct SectionMap: Sendable {
    /// Per node: the innermost section kind other than `private`.
    var kinds: [SectionKind?]

    /// The headings open in one container (the document, a block quote, a list item), over
    /// what the container inherits from where it sits.
    private struct Frame {
        var depth: Int
        var inheritedKind: SectionKind?
        var inheritedPrivate: Bool
        var open: [(level: Int, kind: SectionKind?)] = []
        var kind: SectionKind?
        var isPrivate: Bool

        init(depth: Int, kind: SectionKind?, isPrivate: Bool) {
            self.depth = depth
            inheritedKind = kind
            inheritedPrivate = isPrivate
            self.kind = kind
            self.isPrivate = isPrivate
        }

        mutating func enter(level: Int, kind heading: SectionKind?) {
            while let last = open.last, last.level >= level { open.removeLast() }
            open.append((level, heading))
            kind = open.last(where: { $0.kind != nil && $0.kind != .private })?.kind ?? inheritedKind
            isPrivate = inheritedPrivate || open.contains { $0.kind == .private }
        }
    }

    init(tree: inout MarkdownTree, aliases: HeadingAliases) {
        kinds = Array(repeating: nil, count: tree.nodes.count)
        // Frames of the containers enclosing the current node, innermost last. Popped by
        // depth, so that 50,000 nested quotes cost no more than 50,000 nodes.
        var frames: [Frame] = [Frame(depth: -1, kind: nil, isPrivate: false)]
        var index = 0
        while index < tree.nodes.count {
            let node = tree.nodes[index]
            while frames.count > 1, frames[frames.count - 1].depth >= node.depth { frames.removeLast() }
            if node.kind == .heading {
                frames[frames.count - 1].enter(level: node.headingLevel,
                                               kind: aliases.kind(ofHeadingLines: Self.lines(of: index, in: tree)))
                let frame = frames[frames.count - 1]
                // A private heading is itself private text.
                let end = tree.subtreeEnd(of: index)
                for i in index..<end {
                    tree.nodes[i].isPrivate = frame.isPrivate
                    kinds[i] = frame.kind
                }
                index = end
                continue
            }
            let frame = frames[frames.count - 1]
            kinds[index] = frame.kind
            tree.nodes[index].isPrivate = frame.isPrivate || node.isHTMLComment
            if node.kind == .blockQuote || node.kind == .item {
                frames.append(Frame(depth: node.depth, kind: frame.kind, isPrivate: frame.isPrivate))
            }
            index += 1
        }
    }

    /// A heading's text, line by line (its soft and hard breaks).
    static func lines(of heading: Int, in tree: MarkdownTree) -> [String] {
        var lines = [""]
        var i = heading + 1
        while i < tree.nodes.count, tree.nodes[i].depth > tree.nodes[heading].depth {
            switch tree.nodes[i].kind {
            case .text, .code: lines[lines.count - 1] += tree.nodes[i].literal
            case .softBreak, .lineBreak: lines.append("")
            default: break
            }
            i += 1
        }
        return lines
    }
}
