/// The tree's values and the walks over them: plain Swift, no cmark (every call into libcmark
/// stays in MarkdownTree.swift).
extension MarkdownTree {
    struct Node: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading
            case thematicBreak, text, softBreak, lineBreak, code, htmlInline, emphasis, strong
            case link, image, other
        }
        var kind: Kind
        /// Index of the parent in `nodes`; -1 for the document.
        var parent: Int
        var depth: Int
        /// Lines and columns in the whole file (front-matter included), counted from 1. Inline
        /// nodes carry their block's position when cmark gives none.
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var headingLevel: Int = 0
        /// Text of text, code, HTML and code-block nodes.
        var literal: String = ""
        /// Destination of links and images.
        var destination: String = ""
        /// True for nodes in a private section and for HTML comments: set by `SectionMap`.
        var isPrivate: Bool = false

        var isHTMLComment: Bool {
            (kind == .htmlBlock || kind == .htmlInline)
                && literal.utf8.starts(with: "<!--".utf8)
        }
    }

    /// How `rewrite` changes a body on its way to an output.
    struct Rewrite {
        /// Nodes to leave out, whole subtrees (private sections, comments, raw HTML…).
        var drop: (MarkdownTree) -> Set<Int>
        /// Added to every heading's level (capped at 6), so that a note nests in a summary.
        var headingShift = 0
        /// Links and images become their text: their targets are dropped.
        var flattenLinks = false
        /// Applied to every piece of text before `edits` sees it (invisible characters removed).
        var normalise: (String) -> String = { $0 }
        /// The changes to make to a text: a whole paragraph or heading at once (its line breaks
        /// as "\n", its code spans with it), a code block, a link's target.
        var edits: (String) -> [TextEdit] = { _ in [] }
    }

    init(nodes: [Node]) {
        self.nodes = nodes
    }

    static func hasChildren(_ kind: Node.Kind) -> Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .htmlBlock, .codeBlock,
             .thematicBreak, .other:
            return false
        default:
            return true
        }
    }

    /// The plain text of node `index` and its descendants (for headings).
    func plainText(of index: Int) -> String {
        var result = ""
        var i = index + 1
        // Descendants follow their ancestor contiguously in pre-order, with a greater depth.
        while i < nodes.count, nodes[i].depth > nodes[index].depth {
            switch nodes[i].kind {
            case .text, .code: result += nodes[i].literal
            case .softBreak, .lineBreak: result += " "
            default: break
            }
            i += 1
        }
        return result
    }

    /// Index one past the last descendant of node `index`.
    func subtreeEnd(of index: Int) -> Int {
        var i = index + 1
        while i < nodes.count, nodes[i].depth > nodes[index].depth { i += 1 }
        return i
    }
}
