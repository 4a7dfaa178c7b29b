/// The kinds of section a heading can open (FORMAT.md section 4).
enum SectionKind: String, Sendable, Codable, CaseIterable {
    case objectives, commitments, review, `private`, themes

    /// Built-in aliases, French and English; journal.yml's `headings` adds to them.
    var builtInAliases: [String] {
        switch self {
        case .objectives:
            return ["Objectif", "Objectifs", "Objectif(s) de coaching", "Objectifs de coaching",
                    "Objective", "Objectives", "Goals", "Goal"]
        case .commitments:
            return ["Engagements", "Devoirs", "Actions", "Tâches", "Commitments", "Homework",
                    "Action items"]
        case .review:
            return ["Revue", "Revue des engagements", "Suivi des engagements", "Review", "Follow-up"]
        case .private:
            return ["Privé", "Notes privées", "Confidentiel", "Private", "Coach only"]
        case .themes:
            return ["Thèmes", "Themes"]
        }
    }
}

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
}

/// Which section each node of a tree is in, and whether it is private.
///
/// A section runs from its heading to the next heading of the same or a higher level; an inner
/// matching heading takes over for its own range, and anything under a private heading stays
/// private however deep.
struct SectionMap: Sendable {
    /// Per node: the innermost section kind other than `private`.
    var kinds: [SectionKind?]

    init(tree: inout MarkdownTree, aliases: HeadingAliases) {
        var open: [(level: Int, kind: SectionKind?)] = []
        kinds = Array(repeating: nil, count: tree.nodes.count)
        var current: SectionKind? = nil
        var isPrivate = false
        var index = 0
        while index < tree.nodes.count {
            let node = tree.nodes[index]
            if node.kind == .heading {
                let level = node.headingLevel
                while let last = open.last, last.level >= level { open.removeLast() }
                open.append((level, aliases.kind(ofHeading: tree.plainText(of: index))))
                current = open.last(where: { $0.kind != nil && $0.kind != .private })?.kind
                isPrivate = open.contains { $0.kind == .private }
                // A private heading is itself private text.
                let end = tree.subtreeEnd(of: index)
                for i in index..<end {
                    tree.nodes[i].isPrivate = isPrivate
                    kinds[i] = current
                }
                index = end
                continue
            }
            kinds[index] = current
            tree.nodes[index].isPrivate = isPrivate || node.isHTMLComment
            index += 1
        }
    }
}
