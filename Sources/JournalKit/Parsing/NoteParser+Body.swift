import Foundation

/// The body: sections, items, the names it holds, the lines search keeps.
extension NoteParser {
    func readBody(source: SourceText, firstLine: Int, into note: inout Note,
                          reader: inout FieldReader) {
        guard firstLine <= source.lines.count else { return }
        // Comments go before cmark sees the body: it would print some of them as text.
        let blanked = HTMLComments.blank(source.lines[(firstLine - 1)...].joined(separator: "\n"))
        if let unclosed = blanked.unclosed {
            let (opener, closer) = blanked.unclosedIsObsidian ? ("%%", "%%") : ("<!--", "-->")
            reader.report(Rule.commentUnclosed, .warning, line: firstLine + unclosed.line - 1, column: unclosed.column, Message(
                "this `\(opener)` is never closed by `\(closer)`: everything after it is a comment, left out of the index and of every output; close it where the comment ends",
                fr: "ce `\(opener)` n'est jamais fermé par `\(closer)` : tout ce qui suit est un commentaire, absent de l'index et de toute sortie ; fermez-le là où le commentaire finit"))
        }
        let body = blanked.text
        if let overrun = BodyBudget.check(body) {
            // Refused before cmark, whose cost grows with blocks and nesting (and which aborts
            // when memory runs out); the front-matter read above stays.
            reader.diagnostics.append(BodyBudget.diagnostic(overrun, path: note.path, line: firstLine + overrun.line - 1,
                                                            column: overrun.column))
            return
        }
        var tree = MarkdownTree(parsing: body, firstLine: firstLine)
        let sections = SectionMap(tree: &tree, aliases: aliases)
        note.searchLines = (note.searchLines ?? [])
            + SearchLine.body(source.lines[(firstLine - 1)...], firstLine: firstLine, tree: tree, sections: sections)
        // The source's own lines when no comment was blanked (nearly always): no second split.
        let bodyLines = blanked.comments.isEmpty && blanked.unclosed == nil ? Array(source.lines[(firstLine - 1)...])
            : body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        note.names = Self.names(in: bodyLines, tree: tree, firstLine: firstLine)
        var rank = 0
        var ids: [String: Int] = [:]
        // Per node: is it inside a list item? One pass, parents coming before their children.
        var insideItem = [Bool](repeating: false, count: tree.nodes.count)
        for index in tree.nodes.indices {
            let parent = tree.nodes[index].parent
            if parent >= 0 { insideItem[index] = tree.nodes[parent].kind == .item || insideItem[parent] }
        }
        for index in tree.nodes.indices where tree.nodes[index].kind == .item {
            guard let section = sections.kinds[index] else { continue }
            let kind: NoteItem.Kind
            switch section {
            case .objectives: kind = .objective
            case .commitments: kind = .commitment
            case .review: kind = .review
            case .themes: kind = .theme
            case .private: continue
            }
            let node = tree.nodes[index]
            // Read from the body with its comments blanked: a comment that opens before an item
            // and closes on its line can put none of its words in the item's text.
            let lines = ownLines(of: index, in: tree, bodyLines: bodyLines, firstLine: firstLine)
            var parsed = ItemLine(lines: lines, firstLine: node.startLine)
            if tasks.globalFilter != nil {
                // Tasks' global filter: in a commitments section, an item without it is an
                // ordinary list item; everywhere, it is a tag for Tasks, not the coach's words.
                if kind == .commitment, !tasks.hasGlobalFilter(parsed.text) { continue }
                parsed.text = tasks.removingGlobalFilter(parsed.text)
            }
            // An item with no words is a template's placeholder (`- [ ]`, `- [ ] [owner:: coach]`),
            // not a commitment; a review line needs only its `ref`.
            if parsed.text.isEmpty, kind != .review || !parsed.fields.contains(where: { $0.key == "ref" }) {
                continue
            }
            var status = tasks.status(marker: parsed.marker)
            if status == nil {
                let shown = parsed.markerText ?? "[\(parsed.marker!)]"
                let written = Array(shown)
                if written.count == 3, ItemStatus(marker: written[1]) != nil {
                    // `[ ]Faire Z`: a right box, only the space after it is missing.
                    let example = "- \(shown) \(parsed.text.clipped)"
                    reader.report(Rule.markerInvalid, line: node.startLine, column: parsed.markerColumn, Message(
                        "a space is missing after \(shown): write `\(example)`",
                        fr: "il manque une espace après \(shown) : écrivez « \(example) »"))
                } else {
                    reader.report(Rule.markerInvalid, line: node.startLine, column: parsed.markerColumn, Message(
                        "\(shown) is not a checkbox marker: use [ ] open, [x] done, [/] partly done, [-] dropped or [>] carried forward (or declare it in journal.yml, `tasks: {statuses: {\"?\": open}}`)",
                        fr: "\(shown) n'est pas une case à cocher : utilisez [ ] à faire, [x] fait, [/] en partie, [-] abandonné ou [>] reporté (ou déclarez-la dans journal.yml, `tasks: {statuses: {\"?\": open}}`)"))
                }
                status = .open
            }
            if kind == .commitment { rank += 1 }
            var item = NoteItem(kind: kind, line: node.startLine, column: node.startColumn,
                                status: status!, text: parsed.text, owner: .client,
                                reason: nil, isPrivate: node.isPrivate,
                                rank: kind == .commitment ? rank : 0)
            item.isNested = insideItem[index]
            readItemFields(parsed.fields, into: &item, reader: &reader)
            if kind == .commitment, let id = item.id {
                if let first = ids[id] {
                    reader.report(Rule.idDuplicate, line: item.line, column: item.column, Message(
                        "the id `\(id)` is already used at line \(first): ids must be unique for a client",
                        fr: "l'identifiant `\(id)` est déjà pris ligne \(first) : chaque identifiant est unique pour un client"))
                } else {
                    ids[id] = item.line
                }
            }
            note.items.append(item)
        }
    }

    /// Names in the body, outside what no output ever shows (private sections, comments) and
    /// code. Lines longer than an item's limit are not scanned: no note's prose line is that long.
    static func names(in lines: [Substring], tree: MarkdownTree, firstLine: Int) -> [NameCandidate] {
        var skipped = Set<Int>()
        for node in tree.nodes where node.isPrivate || node.kind == .codeBlock || node.kind == .htmlBlock {
            // Blocks only: an inline comment borrows its paragraph's lines, which stay scanned.
            let blocks: Set<MarkdownTree.Node.Kind> = [.paragraph, .heading, .item, .list, .blockQuote, .codeBlock, .htmlBlock]
            if !blocks.contains(node.kind) || node.endLine - node.startLine > 10_000 { continue }
            for line in node.startLine...max(node.startLine, node.endLine) { skipped.insert(line) }
        }
        var found: [NameCandidate] = []
        var previousEndsSentence = true
        let lastLine = firstLine + lines.count - 1
        for number in firstLine...max(firstLine, lastLine) where number <= lastLine {
            let line = lines[number - firstLine]
            let ending = previousEndsSentence
            previousEndsSentence = Self.endsSentence(line)
            guard !skipped.contains(number), line.utf8.count <= ItemLine.maximumScanned else { continue }
            // Soft hyphens and zero-width spaces do not split a name: « Shi­vani » is one word.
            let visible = TextFold.mayHideLetters(line.utf8) ? Substring(TextFold.visible(String(line))) : line
            found += NameDetector.candidates(in: visible, number: number, continuing: !ending && !Self.opensBlock(line))
        }
        return found
    }

    /// Whether a line closes its sentence: blank, or ending with a full stop, a question or an
    /// exclamation mark, a colon, or a heading.
    static func endsSentence(_ line: Substring) -> Bool {
        let trimmed = line.reversed().drop { $0 == " " || $0 == "\t" }
        guard let last = trimmed.first else { return true }
        return ".!?:;»\"|".contains(last) || line.drop { $0 == " " }.hasPrefix("#")
    }

    /// Whether a line starts a block of its own (a list item, a heading, a quote, a table row),
    /// so that it begins a sentence whatever the line before.
    static func opensBlock(_ line: Substring) -> Bool {
        let start = line.drop { $0 == " " || $0 == "\t" }
        guard let first = start.first else { return true }
        if "-*+#>|".contains(first) { return true }
        let digits = start.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (start.dropFirst(digits.count).first == "." || start.dropFirst(digits.count).first == ")")
    }

    /// The item's own source lines: from its first line to its end, without nested lists.
    func ownLines(of index: Int, in tree: MarkdownTree, bodyLines: [Substring], firstLine: Int) -> [Substring] {
        let node = tree.nodes[index]
        var end = node.endLine
        // The item's text stops where its first nested block other than its paragraph starts.
        var child = index + 1
        let stop = tree.subtreeEnd(of: index)
        while child < stop {
            let candidate = tree.nodes[child]
            if candidate.parent == index, candidate.kind == .list || (candidate.kind != .paragraph && candidate.startLine > node.startLine) {
                end = min(end, candidate.startLine - 1)
                break
            }
            child = tree.subtreeEnd(of: child)
        }
        end = min(max(end, node.startLine), firstLine + bodyLines.count - 1, node.startLine + 50)
        guard node.startLine >= firstLine, node.startLine <= end else { return [] }
        return Array(bodyLines[(node.startLine - firstLine)...(end - firstLine)])
    }
}
