import CCmark

/// A CommonMark document as plain Swift values.
///
/// This is the only file that talks to libcmark: it parses, copies every node into a flat array at
/// once, and frees cmark's tree before returning. The tree is flat (parent indices, not nested
/// values) so that a hostile file with 50,000 nested block quotes costs no recursion anywhere:
/// neither here, nor in the code that walks it, nor when Swift releases it.
struct MarkdownTree: Sendable, Hashable {
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

    var nodes: [Node]

    /// Parses `body`, whose first line is line `firstLine` of the file.
    init(parsing body: String, firstLine: Int = 1) {
        let offset = firstLine - 1
        var nodes: [Node] = []
        var stack: [Int] = []
        var body = body
        let root: OpaquePointer? = body.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else {
            self.nodes = [Node(kind: .document, parent: -1, depth: 0, startLine: firstLine,
                               startColumn: 1, endLine: firstLine)]
            return
        }
        defer { cmark_node_free(root) }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT {
                stack.removeLast()
                continue
            }
            guard event == CMARK_EVENT_ENTER, let pointer = cmark_iter_get_node(iterator) else {
                continue
            }
            let kind = Self.kind(of: cmark_node_get_type(pointer))
            let parent = stack.last ?? -1
            var startLine = Int(cmark_node_get_start_line(pointer))
            var startColumn = Int(cmark_node_get_start_column(pointer))
            var endLine = Int(cmark_node_get_end_line(pointer))
            if startLine == 0, parent >= 0 {
                // cmark 0.30 gives no positions to most inlines: borrow the enclosing block's.
                startLine = nodes[parent].startLine - offset
                startColumn = nodes[parent].startColumn
                endLine = nodes[parent].endLine - offset
            }
            var node = Node(kind: kind, parent: parent,
                            depth: parent >= 0 ? nodes[parent].depth + 1 : 0,
                            startLine: startLine + offset, startColumn: max(startColumn, 1),
                            endLine: max(endLine, startLine) + offset)
            switch kind {
            case .heading:
                node.headingLevel = Int(cmark_node_get_heading_level(pointer))
            case .text, .code, .htmlBlock, .htmlInline, .codeBlock:
                if let literal = cmark_node_get_literal(pointer) {
                    node.literal = String(cString: literal)
                }
            case .link, .image:
                if let url = cmark_node_get_url(pointer) {
                    node.destination = String(cString: url)
                }
            default:
                break
            }
            nodes.append(node)
            if Self.hasChildren(kind) {
                stack.append(nodes.count - 1)
            }
        }
        self.nodes = nodes
    }

    private static func hasChildren(_ kind: Node.Kind) -> Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .htmlBlock, .codeBlock,
             .thematicBreak, .other:
            return false
        default:
            return true
        }
    }

    private static func kind(of type: cmark_node_type) -> Node.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .other
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

extension MarkdownTree {
    /// CommonMark to an HTML fragment, by libcmark's own renderer in its safe mode: raw HTML
    /// is left out and `javascript:` links are dropped, so text from notes cannot become markup.
    static func renderHTML(_ markdown: String) -> String {
        var source = markdown
        let rendered: UnsafeMutablePointer<CChar>? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_SAFE)
            }
        }
        guard let rendered else { return "" }
        // Freed by the allocator cmark used, so that this file needs nothing but CCmark.
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }
}
