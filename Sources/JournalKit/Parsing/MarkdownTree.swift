import CCmark

/// A CommonMark document as plain Swift values.
///
/// This is the only file that talks to libcmark: it parses, copies every node into a flat array at
/// once, and frees cmark's tree before returning. The tree is flat (parent indices, not nested
/// values) so that a hostile file with 50,000 nested block quotes costs no recursion anywhere:
/// neither here, nor in the code that walks it, nor when Swift releases it.
struct MarkdownTree: Sendable, Hashable {
    var nodes: [Node]

    /// Parses `body`, whose first line is line `firstLine` of the file.
    init(parsing body: String, firstLine: Int = 1) {
        guard let root = Self.parse(body) else {
            self.nodes = [Node(kind: .document, parent: -1, depth: 0, startLine: firstLine,
                               startColumn: 1, endLine: firstLine)]
            return
        }
        defer { cmark_node_free(root) }
        self.nodes = Self.collect(root, firstLine: firstLine).nodes
    }

    /// Nil for a body over `BodyBudget`'s limits too: cmark never sees one (the note's parser
    /// reports it; an output leaves it out).
    private static func parse(_ body: String) -> OpaquePointer? {
        guard BodyBudget.check(body) == nil else { return nil }
        var body = body
        return body.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    /// Copies cmark's tree in pre-order; `pointers[i]` is the cmark node of `nodes[i]`.
    private static func collect(_ root: OpaquePointer, firstLine: Int) -> (nodes: [Node], pointers: [OpaquePointer]) {
        let offset = firstLine - 1
        var nodes: [Node] = []
        var pointers: [OpaquePointer] = []
        var stack: [Int] = []
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
            pointers.append(pointer)
            if Self.hasChildren(kind) {
                stack.append(nodes.count - 1)
            }
        }
        return (nodes, pointers)
    }

    /// A body as CommonMark again, after `rewrite` has left out, flattened and changed what it
    /// says. Works on cmark's own tree, so that what is printed is well-formed whatever the text.
    static func rewrite(_ body: String, _ rewrite: Rewrite) -> String {
        guard let root = parse(body) else { return "" }
        defer { cmark_node_free(root) }
        let (nodes, pointers) = collect(root, firstLine: 1)
        let tree = MarkdownTree(nodes: nodes)
        let drop = rewrite.drop(tree)
        var index = 0
        while index < nodes.count {
            if drop.contains(index) {
                cmark_node_unlink(pointers[index])
                cmark_node_free(pointers[index])
                index = tree.subtreeEnd(of: index)
                continue
            }
            let pointer = pointers[index]
            switch nodes[index].kind {
            case .heading:
                cmark_node_set_heading_level(pointer, Int32(min(6, nodes[index].headingLevel + rewrite.headingShift)))
            case .htmlInline, .htmlBlock:
                // Raw HTML never leaves: it could carry anything, and no reader needs it.
                cmark_node_unlink(pointer)
                cmark_node_free(pointer)
            case .link where rewrite.flattenLinks, .image where rewrite.flattenLinks:
                // The children move up in place of the link; the link and its target go.
                while let child = cmark_node_first_child(pointer) {
                    cmark_node_insert_before(pointer, child)
                }
                cmark_node_unlink(pointer)
                cmark_node_free(pointer)
            default:
                break
            }
            index += 1
        }
        // Adjacent text nodes become one, so that "d'Amélie" is seen whole, not as d, ', Amélie.
        cmark_consolidate_text_nodes(root)
        var blocks: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        do {
            let iterator = cmark_iter_new(root)
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let pointer = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(pointer) {
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK: blocks.append(pointer)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(pointer)
                default: break
                }
            }
        }
        for block in blocks {
            if cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK {
                if let literal = cmark_node_get_literal(block) {
                    let text = rewrite.normalise(String(cString: literal))
                    _ = cmark_node_set_literal(block, TextEdit.apply(rewrite.edits(text), to: text))
                }
            } else {
                rewriteInlines(of: block, rewrite)
            }
        }
        for link in links {
            // Targets and titles are text too, when links are kept.
            for (get, set) in [(cmark_node_get_url, cmark_node_set_url), (cmark_node_get_title, cmark_node_set_title)] {
                if let value = get(link) {
                    let text = rewrite.normalise(String(cString: value))
                    _ = set(link, TextEdit.apply(rewrite.edits(text), to: text))
                }
            }
        }
        guard let rendered = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }

    /// The text of a paragraph or heading seen whole, so that a name, a phone number or a date
    /// broken by a line break, emphasis or a code span is found; each change is then written
    /// back into the nodes it covers (into the first, the others lose the covered part).
    private static func rewriteInlines(of block: OpaquePointer, _ rewrite: Rewrite) {
        var leaves: [(pointer: OpaquePointer, type: cmark_node_type)] = []
        var node = cmark_node_first_child(block)
        while let current = node {
            if let child = cmark_node_first_child(current) {
                node = child
                continue
            }
            let type = cmark_node_get_type(current)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: leaves.append((current, type))
            default: break
            }
            // Next in pre-order: a sibling, else the sibling of the nearest ancestor below the block.
            var up: OpaquePointer? = current
            node = nil
            while let candidate = up, candidate != block {
                if let next = cmark_node_next(candidate) {
                    node = next
                    break
                }
                up = cmark_node_parent(candidate)
            }
        }
        rewriteLeaves(leaves, rewrite: rewrite)
    }

    private static func rewriteLeaves(_ leaves: [(pointer: OpaquePointer, type: cmark_node_type)], rewrite: Rewrite) {
        guard !leaves.isEmpty else { return }
        var pieces: [String] = []
        for (pointer, type) in leaves {
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                pieces.append(cmark_node_get_literal(pointer).map { rewrite.normalise(String(cString: $0)) } ?? "")
            default:
                pieces.append("\n")
            }
        }
        let joined = pieces.joined()
        let edits = rewrite.edits(joined)
        // Where each leaf starts and ends in `joined`.
        var bounds: [Range<String.Index>] = []
        var start = joined.startIndex
        for piece in pieces {
            let end = joined.utf8.index(start, offsetBy: piece.utf8.count)
            bounds.append(start..<end)
            start = end
        }
        for (offset, leaf) in leaves.enumerated() {
            let range = bounds[offset]
            var text = ""
            var position = range.lowerBound
            for edit in edits where edit.range.upperBound > range.lowerBound && edit.range.lowerBound < range.upperBound {
                if edit.range.lowerBound >= range.lowerBound {
                    text += joined[position..<edit.range.lowerBound]
                    text += edit.text
                }
                position = min(max(position, edit.range.upperBound), range.upperBound)
            }
            if position < range.upperBound { text += joined[position..<range.upperBound] }
            switch leaf.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if text.isEmpty {
                    cmark_node_unlink(leaf.pointer)
                    cmark_node_free(leaf.pointer)
                } else {
                    _ = cmark_node_set_literal(leaf.pointer, text)
                }
            default:
                if text == "\n" { continue }
                // A line break taken into a change: its node becomes the text it is now.
                if !text.isEmpty, let replacement = cmark_node_new(CMARK_NODE_TEXT) {
                    _ = cmark_node_set_literal(replacement, text.replacingOccurrences(of: "\n", with: " "))
                    cmark_node_insert_before(leaf.pointer, replacement)
                }
                cmark_node_unlink(leaf.pointer)
                cmark_node_free(leaf.pointer)
            }
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
