/// How the parser cuts a note into search lines.
extension SearchLine {
    /// The header's lines, between the fences: values are where `demand`, `need` and
    /// `outcome` are written.
    static func header(_ lines: [Substring], bodyStartLine: Int) -> [SearchLine] {
        guard bodyStartLine > 2 else { return [] }
        var found: [SearchLine] = []
        for index in 1..<min(bodyStartLine - 2, lines.count) {
            let text = cleaned(lines[index])
            if !text.trimmingWhitespace.isEmpty {
                found.append(SearchLine(line: index + 1, section: "header", isPrivate: false, text: text))
            }
        }
        return found
    }

    /// The body's lines, each with the section and privacy of the innermost block covering it
    /// (cmark's tree, as `SectionMap` marked it); the text of comments goes on a private line
    /// of its own, the rest of that line staying as it is.
    static func body(_ lines: ArraySlice<Substring>, firstLine: Int, tree: MarkdownTree, sections: SectionMap) -> [SearchLine] {
        let count = lines.count
        var kinds = [SectionKind?](repeating: nil, count: count)
        var privacy = [Bool](repeating: false, count: count)
        for (index, node) in tree.nodes.enumerated() {
            switch node.kind {
            case .document, .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image, .other:
                continue
            default:
                break
            }
            let start = max(node.startLine - firstLine, 0), end = min(node.endLine - firstLine, count - 1)
            guard start <= end else { continue }
            // Parents come before their children: the innermost block is written last.
            for line in start...end {
                kinds[line] = sections.kinds[index]
                privacy[line] = node.isPrivate
            }
        }
        var found: [SearchLine] = []
        var inComment: ItemLine.Comment?
        for (offset, raw) in lines.enumerated() {
            let (plain, comment) = split(raw, inComment: &inComment)
            let number = firstLine + offset
            let text = cleaned(Substring(plain))
            if !text.trimmingWhitespace.isEmpty {
                found.append(SearchLine(line: number, section: kinds[offset]?.rawValue, isPrivate: privacy[offset], text: text))
            }
            let remark = cleaned(Substring(comment))
            if !remark.trimmingWhitespace.isEmpty {
                found.append(SearchLine(line: number, section: kinds[offset]?.rawValue, isPrivate: true,
                                        text: remark.trimmingWhitespace))
            }
        }
        return found
    }

    /// A line's text outside comments and inside them, as `HTMLComments` reads comments: every
    /// `<!--` opens one, up to the next `-->`, and every `%%` (Obsidian's) up to the next `%%`,
    /// across lines; whichever opens first wins.
    static func split(_ line: Substring, inComment: inout ItemLine.Comment?) -> (plain: String, comment: String) {
        // Outside a comment, a line without `<` or `%` holds none: most lines of a note.
        if inComment == nil, !line.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "%") }) {
            return (String(line), "")
        }
        var plain = "", comment = ""
        var rest = line[...]
        var nextHTML = rest.range(of: "<!--"), nextObsidian = rest.range(of: "%%")
        while !rest.isEmpty {
            if let open = inComment {
                if let close = rest.range(of: open == .html ? "-->" : "%%") {
                    comment += rest[..<close.lowerBound] + " "
                    rest = rest[close.upperBound...]
                    inComment = nil
                } else {
                    comment += rest
                    rest = ""
                }
                continue
            }
            // Each opener's next place, searched again only once passed: a line of a thousand
            // comments of one kind stays linear.
            if let found = nextHTML, found.lowerBound < rest.startIndex { nextHTML = rest.range(of: "<!--") }
            if let found = nextObsidian, found.lowerBound < rest.startIndex { nextObsidian = rest.range(of: "%%") }
            let html = nextHTML, obsidian = nextObsidian
            let first: (range: Range<Substring.Index>, kind: ItemLine.Comment)?
            switch (html, obsidian) {
            case (nil, nil): first = nil
            case (let h?, nil): first = (h, .html)
            case (nil, let o?): first = (o, .obsidian)
            case (let h?, let o?): first = h.lowerBound <= o.lowerBound ? (h, .html) : (o, .obsidian)
            }
            if let first {
                plain += rest[..<first.range.lowerBound] + " "
                rest = rest[first.range.upperBound...]
                inComment = first.kind
            } else {
                plain += rest
                rest = ""
            }
        }
        return (plain, comment)
    }
}
