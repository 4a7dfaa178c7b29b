import Foundation

/// Turns one file's bytes into a `Note`: front-matter fields typed and checked, body items read,
/// every problem a diagnostic. Pure: no file system, no clock, safe to run on many threads.
struct NoteParser: Sendable {
    var aliases: HeadingAliases
    /// The journal's zone, in which a `date` or `next` without an offset is read: a time its
    /// clocks skip is reported. nil: not checked.
    var zone: TimeZone?
    /// `tasks` in journal.yml: the Tasks global filter and the coach's own checkboxes.
    var tasks: TasksSettings

    init(aliases: HeadingAliases = HeadingAliases(), zone: TimeZone? = nil, tasks: TasksSettings = TasksSettings()) {
        self.aliases = aliases
        self.zone = zone
        self.tasks = tasks
    }

    /// Keys each document type takes; `tags` and `title` are accepted everywhere because
    /// Obsidian and other editors write them (`aliases`, `cssclasses`, `publish` are Obsidian's
    /// own; on a case file `aliases` also names the client).
    static let commonKeys: Set<String> = ["type", "tags", "title", "aliases", "cssclasses", "cssclass", "publish"]
    static let keys: [DocumentType: Set<String>] = [
        .client: ["name", "aliases", "gender", "email", "phone", "role", "organisation", "sponsor",
                  "people", "places", "demand", "need", "contract", "disclosure", "consent",
                  "status", "closed", "outcome"],
        .chemistry: ["client", "date", "mode", "duration", "client_briefed", "disclosure_agreed",
                     "fit", "decision", "next", "next_reason"],
        .threeWay: ["client", "date", "mode", "duration", "participants", "next", "next_reason"],
        .session: ["client", "date", "number", "mode", "duration", "status", "cancelled_by",
                   "next", "next_reason"],
        .supervision: ["date", "supervisor", "cases", "mode", "duration"],
    ]

    func parse(data: Data, path: String) -> Note {
        var note = Note(path: path)
        let source: SourceText
        switch SourceText.decode(data) {
        case .success(let decoded):
            source = decoded
        case .failure(let problem):
            note.diagnostics.append(Self.diagnostic(for: problem, path: path))
            return note
        }
        return parse(source: source, path: path)
    }

    func parse(source: SourceText, path: String) -> Note {
        var note = Note(path: path)
        let frontMatter = FrontMatter(lines: source.lines)
        var reader = FieldReader(path: path)
        for problem in frontMatter.problems {
            reader.report(Rule.frontmatterInvalid, line: problem.line, column: problem.column,
                          problem.message)
        }
        guard let root = frontMatter.root, let entries = root.entries else {
            note.diagnostics = reader.diagnostics
            return note
        }
        for entry in entries { note.keyLines[entry.key] = entry.keyLine }
        guard let typeValue = root["type"], !typeValue.isNull else {
            // Markdown with front-matter but no type: not a journal document.
            note.diagnostics = reader.diagnostics
            return note
        }
        guard let type = reader.choice(typeValue, key: "type",
                                       allowed: DocumentType.allCases.map(\.rawValue),
                                       DocumentType.parse) else {
            note.diagnostics = reader.diagnostics
            return note
        }
        note.type = type
        // Most notes have none: one search of the bytes saves a search per line.
        if ByteSearch.contains(source.text, "journal-lint-disable") {
            note.suppressions = Self.suppressions(in: source.lines, bodyStart: frontMatter.bodyStartLine)
        }
        readFields(entries: entries, root: root, into: &note, reader: &reader)
        note.client = note.client ?? Self.clientFolder(of: path)
        note.searchLines = SearchLine.header(source.lines, bodyStartLine: frontMatter.bodyStartLine)
        readBody(source: source, firstLine: frontMatter.bodyStartLine, into: &note, reader: &reader)
        note.diagnostics = Self.bounded(reader.diagnostics, path: path)
        return note
    }

    /// The most diagnostics one note's reading gives. A note at the caps can hold a problem on
    /// every few bytes (a million bytes of `📅📅📅`, 240,000 fields without value): listing them
    /// all would cost the index, lint and every command far more than the note itself.
    static let maximumDiagnostics = 500

    /// The first `maximumDiagnostics`, then one that says how many more there are.
    static func bounded(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
        guard diagnostics.count > maximumDiagnostics else { return diagnostics }
        let rest = diagnostics[maximumDiagnostics...]
        let first = rest.first!
        let more = rest.count
        return Array(diagnostics.prefix(maximumDiagnostics)) + [Diagnostic(
            path: path, line: first.line, column: first.column, severity: rest.map(\.severity).min()!, rule: first.rule, Message(
                "this note has \(more) more problems from here on, not listed (a note shows at most \(maximumDiagnostics)): fix the ones above, then run journal lint again",
                fr: "cette note a encore \(more) problèmes à partir d'ici, qui ne sont pas listés (une note en montre au plus \(maximumDiagnostics)) : corrigez ceux ci-dessus, puis relancez journal lint"))]
    }

    /// `<!-- journal-lint-disable RULE… -->` and `<!-- journal-lint-disable-next-line RULE… -->`,
    /// as markdownlint spells them; no rule named means every rule. A comment at the top of the
    /// body (nothing but blank lines and other such comments above it) covers the header too:
    /// most findings are about a header key, and the comment cannot go above the header.
    private static let suppressionMark = Array("journal-lint-disable".utf8)

    static func suppressions(in lines: [Substring], bodyStart: Int) -> [Note.Suppression] {
        var found: [Note.Suppression] = []
        var atTop = true
        for (index, line) in lines.enumerated() {
            guard line.utf8.count < 4_096 && ByteSearch.contains(line, Self.suppressionMark) else {
                if atTop && index + 1 >= bodyStart && !line.allSatisfy(\.isWhitespace) { atTop = false }
                continue
            }
            var rest = line[line.range(of: "journal-lint-disable")!.upperBound...]
            let nextLineOnly = rest.hasPrefix("-next-line")
            if nextLineOnly { rest = rest.dropFirst("-next-line".count) }
            guard rest.hasPrefix(" ") || rest.hasPrefix("-->") else { continue }
            let inside = rest.components(separatedBy: "-->").first ?? ""
            let rules = inside.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let whole = atTop && !nextLineOnly && index + 1 >= bodyStart
            found.append(Note.Suppression(rules: rules, line: whole ? 1 : index + 1, nextLineOnly: nextLineOnly))
        }
        return found
    }

    /// `clients/ID/…` → ID, in the form ids are compared in (a folder made on macOS is named
    /// in NFD).
    static func clientFolder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == "clients" else { return nil }
        return ClientID.normalized(String(parts[1]))
    }

    static func diagnostic(for problem: SourceText.Problem, path: String) -> Diagnostic {
        switch problem {
        case .tooLarge(let bytes):
            let size = Double(bytes) / 1_048_576
            let shown = size < 10 ? String(format: "%.1f", size) : String(Int(size))
            return Diagnostic(path: path, line: 1, column: 1, severity: .error, rule: Rule.fileUnreadable, Message(
                "the file is \(shown) MB, more than the 1 MB a note may hold: it was not read; split it into several notes, or move it out of the journal if it is not one",
                fr: "le fichier fait \(shown.replacingOccurrences(of: ".", with: ",")) Mo, plus que le 1 Mo qu'une note peut contenir : il n'a pas été lu ; répartissez-le en plusieurs notes, ou sortez-le du journal si ce n'en est pas une"))
        case .binary(let line, let column):
            return Diagnostic(path: path, line: line, column: column, severity: .error, rule: Rule.fileUnreadable, Message(
                "this looks like a binary file, not a text note: it was skipped (move it out of the journal, or rename it without .md)",
                fr: "ce fichier semble binaire, pas une note en texte : il n'a pas été lu (sortez-le du journal, ou renommez-le sans .md)"))
        case .notUTF8(let line, let column):
            return Diagnostic(path: path, line: line, column: column, severity: .error, rule: Rule.fileUnreadable, Message(
                "the file is not UTF-8 text (perhaps Latin-1 or Windows-1252): re-save it as UTF-8 in your editor; it was skipped",
                fr: "le fichier n'est pas en UTF-8 (peut-être en Latin-1 ou Windows-1252) : réenregistrez-le en UTF-8 dans votre éditeur ; il n'a pas été lu"))
        }
    }

    // MARK: Front-matter

    private func readFields(entries: [YAMLValue.Entry], root: YAMLValue, into note: inout Note,
                            reader: inout FieldReader) {
        let known = Self.commonKeys.union(Self.keys[note.type!] ?? [])
        for entry in entries where !known.contains(entry.key) {
            var message = Message("`\(entry.key)` is not a field of a \(note.type!.rawValue) note",
                                  fr: "`\(entry.key)` n'est pas un champ d'une note de type \(note.type!.rawValue)")
            if let suggestion = Self.closest(to: entry.key, in: known) {
                message = Message(message.en + ": did you mean `\(suggestion)`?",
                                  fr: message.fr + " : vouliez-vous écrire `\(suggestion)` ?")
            }
            reader.report(Rule.fieldUnknown, .warning, line: entry.keyLine, column: entry.keyColumn, message)
        }
        if let value = root["client"], note.type != .client {
            if let id = reader.text(value, key: "client") {
                if ClientID.isValid(id) {
                    note.client = ClientID.normalized(id)
                } else {
                    reader.report(Rule.fieldInvalid, at: value, Message(
                        "`client` must be a client id (the name of its folder under clients/), not “\(id.clipped)”",
                        fr: "`client` doit être un identifiant de client (le nom de son dossier dans clients/), pas « \(id.clipped) »"))
                }
            }
        }
        if note.isDated {
            if let value = root["date"], !value.isNull {
                note.date = reader.date(value, key: "date")
                checkClock(note.date, key: "date", at: value, reader: &reader)
            } else {
                reader.report(Rule.fieldMissing, line: 1, column: 1, Message(
                    "a \(note.type!.rawValue) note needs a `date` (e.g. `date: 2026-03-18 10:00`)",
                    fr: "une note de type \(note.type!.rawValue) a besoin d'une `date` (par exemple `date: 2026-03-18 10:00`)"))
            }
        }
        note.mode = reader.choice(root["mode"], key: "mode", allowed: ["visio", "phone", "in-person"], Mode.parse)
        if let value = root["duration"], let text = reader.text(value, key: "duration") {
            switch Minutes.parse(text) {
            case .success(let minutes): note.durationMinutes = minutes
            case .failure(let error):
                reader.report(Rule.fieldInvalid, at: value, error.text.prefixed("`duration` : ").fixingEnglishColon)
            }
        }
        if let value = root["next"], let text = reader.text(value, key: "next") {
            if ["none", "aucun", "aucune", "non", "no"].contains(TextFold.fold(text)) {
                note.nextIsNone = true
            } else {
                note.next = reader.date(value, key: "next")
                checkClock(note.next, key: "next", at: value, reader: &reader)
            }
        }
        note.nextReason = reader.text(root["next_reason"], key: "next_reason")
        switch note.type! {
        case .session:
            note.status = reader.choice(root["status"], key: "status",
                                        allowed: ["held", "cancelled", "no-show", "planned"], SessionStatus.parse) ?? .held
            note.cancelledBy = reader.choice(root["cancelled_by"], key: "cancelled_by",
                                             allowed: ["client", "coach", "sponsor"], Party.parse)
            if let value = root["number"], let number = reader.integer(value, key: "number") {
                if number == 0 {
                    reader.report(Rule.fieldInvalid, at: value,
                                  Message("`number` counts from 1", fr: "`number` compte à partir de 1"))
                } else {
                    note.number = number
                }
            }
        case .chemistry:
            note.clientBriefed = reader.choice(root["client_briefed"], key: "client_briefed",
                                               allowed: ["yes", "no", "unknown"], TriState.parse)
            if let value = root["disclosure_agreed"], !value.isNull {
                note.disclosureAgreed = reader.texts(value, key: "disclosure_agreed")
            }
            note.fit = reader.choice(root["fit"], key: "fit", allowed: ["yes", "no", "unsure"], Fit.parse)
            note.decision = reader.choice(root["decision"], key: "decision",
                                          allowed: ["proceed", "decline", "pending"], Decision.parse)
        case .threeWay:
            note.participants = reader.texts(root["participants"], key: "participants")
        case .supervision:
            note.supervisor = reader.text(root["supervisor"], key: "supervisor")
            note.cases = reader.texts(root["cases"], key: "cases").map(ClientID.normalized)
        case .client:
            note.caseFile = CaseFileReader.read(root, reader: &reader)
        }
    }

    /// Inline field keys, folded, with their French aliases.
    static let itemKeys: Set<String> = ["id", "due", "echeance", "odds", "cote", "owner", "qui", "done", "fait",
                                        "reason", "raison", "validated", "valide", "ref",
                                        "created", "scheduled", "start", "completion", "cancelled", "priority",
                                        "repeat", "dependson"]

    /// The accented spelling of the folded keys that have one, for suggestions.
    static let itemKeySpellings: [String: String] = ["echeance": "échéance", "valide": "validé"]

    /// The known key nearest to a misspelt one, if it is close enough to be a typo.
    /// A candidate whose length alone rules it out is not compared: a note of thousands of
    /// unknown keys must not cost an edit distance against every known one for each.
    static func closest(to key: String, in known: Set<String>) -> String? {
        let folded = TextFold.fold(key)
        let length = folded.count
        let limit = max(1, min(2, length / 3))
        var best: (String, Int)?
        // Known keys are ASCII once folded: so is nearly every key written, and on bytes the
        // bounded distance stops as soon as the limit is passed.
        let ascii = folded.utf8.allSatisfy { $0 < 0x80 } ? Array(folded.utf8.prefix(64)) : nil
        for candidate in known where abs(candidate.count - length) <= limit {
            let distance = ascii.map { boundedDistance($0, Array(candidate.utf8), limit: limit) } ?? editDistance(folded, candidate)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.1, best!.0) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The candidate nearest to a misspelt id (a client's, a commitment's), if it is close
    /// enough to be a typo; ids are compared as written. Bounded: nothing is suggested among
    /// more than `maximumCandidates` (a hostile journal must not make every miss quadratic),
    /// and a candidate whose length alone rules it out costs one comparison.
    static func nearest(to word: String, among candidates: some Collection<String>) -> String? {
        guard candidates.count <= maximumCandidates else { return nil }
        let target = Array(word.utf8.prefix(64))
        let limit = max(1, min(2, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let bytes = Array(candidate.utf8.prefix(64))
            guard abs(bytes.count - target.count) <= limit else { continue }
            let distance = boundedDistance(target, bytes, limit: limit)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.1, best!.0) { best = (candidate, distance) }
        }
        return best?.0
    }

    static let maximumCandidates = 5_000

    /// Edit distance (a swap of two neighbours counting one), or `limit + 1` as soon as it is
    /// known to exceed `limit`.
    static func boundedDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, beforePrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var beforePrevious = previous
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                // Two letters swapped (`mdoe`) is one slip, not two.
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }

    // MARK: Body

    private func readBody(source: SourceText, firstLine: Int, into note: inout Note,
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
    static func names(in lines: [Substring], tree: MarkdownTree, firstLine: Int) -> [NameDetector.Candidate] {
        var skipped = Set<Int>()
        for node in tree.nodes where node.isPrivate || node.kind == .codeBlock || node.kind == .htmlBlock {
            // Blocks only: an inline comment borrows its paragraph's lines, which stay scanned.
            let blocks: Set<MarkdownTree.Node.Kind> = [.paragraph, .heading, .item, .list, .blockQuote, .codeBlock, .htmlBlock]
            if !blocks.contains(node.kind) || node.endLine - node.startLine > 10_000 { continue }
            for line in node.startLine...max(node.startLine, node.endLine) { skipped.insert(line) }
        }
        var found: [NameDetector.Candidate] = []
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
    private func ownLines(of index: Int, in tree: MarkdownTree, bodyLines: [Substring], firstLine: Int) -> [Substring] {
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

    /// A time that the journal's clocks skip when they go forward (2026-03-29 02:30 in
    /// Europe/Paris) names no moment: it is an error, not a silent shift of an hour.
    private func checkClock(_ date: DateValue?, key: String, at value: YAMLValue, reader: inout FieldReader) {
        guard let zone, let date, let (from, to) = date.skipped(in: zone), let time = date.time else { return }
        func clock(_ time: DateValue.Time) -> String { LocalDate.pad(time.hour, 2) + ":" + LocalDate.pad(time.minute, 2) }
        let written = "\(date.date) \(clock(time))"
        reader.report(Rule.fieldInvalid, at: value, Message(
            "`\(key)` \(written) does not exist in \(zone.identifier): that night the clocks go from \(clock(from)) straight to \(clock(to)); write a time before \(clock(from)) or from \(clock(to)) on",
            fr: "`\(key)` \(written) n'existe pas dans le fuseau \(zone.identifier) : cette nuit-là, les horloges passent de \(clock(from)) directement à \(clock(to)) ; écrivez une heure avant \(clock(from)) ou à partir de \(clock(to))"))
    }

    /// More ids after ⛔ than any commitment waits for: bounded work in resolving them.
    static let maximumDependencies = 32

    /// The item fields journal reads a value from.
    static let valuedKeys: Set<String> = ["id", "identifiant", "due", "echeance", "done", "fait", "cancelled",
                                          "validated", "valide", "odds", "cote", "owner", "qui", "completion",
                                          "created", "scheduled", "start", "repeat", "dependson"]

    private func readItemFields(_ fields: [ItemLine.Field], into item: inout NoteItem,
                                reader: inout FieldReader) {
        for field in fields {
            func invalid(_ message: Message) {
                reader.report(Rule.fieldInvalid, line: field.line, column: field.column, message)
            }
            func day() -> LocalDate? {
                switch DateValue.parse(field.value) {
                case .success(let date): return date.date
                case .failure(let error):
                    invalid(error.text.prefixed("`\(field.key)` : ").fixingEnglishColon)
                    return nil
                }
            }
            // `[due:: ]`, or a Tasks emoji followed at once by another (`📅📅`, `✅📅🆔`).
            if field.value.isEmpty, Self.valuedKeys.contains(field.key) {
                invalid(Message(
                    "`\(field.key)` has no value: write it after the emoji or the `::` (`📅 2026-04-01`, `[due:: 2026-04-01]`), or remove the field",
                    fr: "`\(field.key)` n'a pas de valeur : écrivez-la après l'emoji ou les `::` (`📅 2026-04-01`, `[due:: 2026-04-01]`), ou retirez le champ"))
                continue
            }
            switch field.key {
            case "id", "identifiant":
                // On a review line, the id names the commitment a `[>]` carries this one into.
                if item.kind == .commitment || item.kind == .objective || item.kind == .review {
                    if ClientID.isValidItemID(field.value) {
                        item.id = field.value
                    } else {
                        invalid(Message(
                            "the id “\(field.value.clipped)” should be 1 to 32 lower-case letters, digits or hyphens",
                            fr: "l'identifiant « \(field.value.clipped) » doit faire 1 à 32 lettres minuscules, chiffres ou tirets"))
                    }
                }
            case "due", "echeance": item.due = day()
            case "done", "fait", "completion": item.done = day()
            case "created": item.created = day()
            case "scheduled": item.scheduled = day()
            case "start": item.start = day()
            case "priority":
                switch TextFold.fold(field.value) {
                case "highest", "high", "medium", "low", "lowest": item.priority = TextFold.fold(field.value)
                case "none", "normal", "": item.priority = nil
                default:
                    invalid(Message(
                        "`priority` cannot be “\(field.value.clipped)”: use highest, high, medium, low or lowest (or a Tasks emoji 🔺 ⏫ 🔼 🔽 ⏬)",
                        fr: "`priority` ne peut pas valoir « \(field.value.clipped) » : utilisez highest, high, medium, low ou lowest (ou un emoji de Tasks 🔺 ⏫ 🔼 🔽 ⏬)"))
                }
            case "repeat": item.recurrence = field.value
            case "oncompletion":
                // Tasks' own (what to do with a recurring task once done): nothing for journal.
                break
            case "dependson":
                let ids = field.value.split(separator: ",").map({ String($0).trimmingWhitespace }).filter { !$0.isEmpty }
                if ids.count + (item.dependsOn?.count ?? 0) > Self.maximumDependencies {
                    invalid(Message(
                        "a commitment can wait for at most \(Self.maximumDependencies) others: split it, or keep the ones that matter",
                        fr: "un engagement peut en attendre au plus \(Self.maximumDependencies) autres : scindez-le, ou gardez ceux qui comptent"))
                    continue
                }
                for id in ids {
                    if ClientID.isValidItemID(id) {
                        item.dependsOn = (item.dependsOn ?? []) + [id]
                    } else {
                        invalid(Message(
                            "the id “\(id.clipped)” this commitment depends on should be 1 to 32 lower-case letters, digits or hyphens",
                            fr: "l'identifiant « \(id.clipped) » dont dépend cet engagement doit faire 1 à 32 lettres minuscules, chiffres ou tirets"))
                    }
                }
            case "cancelled":
                item.done = day()
                if item.status == .open { item.status = .dropped }
            case "validated", "valide": item.validated = day()
            case "odds", "cote":
                switch Odds.parse(field.value) {
                case .success(let odds):
                    item.odds = odds.text
                    item.oddsProbability = odds.probability
                case .failure(let error): invalid(error.text.prefixed("`odds` : ").fixingEnglishColon)
                }
            case "owner", "qui":
                if let party = Party.parse(field.value) {
                    item.owner = party
                } else {
                    invalid(Message("`owner` cannot be “\(field.value.clipped)”: use client, coach or sponsor",
                                    fr: "`owner` ne peut pas valoir « \(field.value.clipped) » : utilisez client, coach ou sponsor"))
                }
            case "reason", "raison":
                item.reason = MissReason.parse(field.value).canonical
            case "ref":
                item.ref = field.value
            default:
                // Other keys are the coach's own (Dataview users have many); one that is a
                // letter or two from a known key is most likely a typo, and its value is lost.
                if let folded = Self.closest(to: field.key, in: Self.itemKeys), folded != field.key {
                    // Shown as the coach writes them: `échance` → `échéance`, not `echeance`.
                    let written = field.written.isEmpty ? field.key : field.written
                    let suggestion = Self.itemKeySpellings[folded] ?? folded
                    reader.report(Rule.fieldUnknown, .warning, line: field.line, column: field.column, Message(
                        "`\(written)` is not a field journal reads: did you mean `\(suggestion)`?",
                        fr: "`\(written)` n'est pas un champ que journal lit : vouliez-vous écrire `\(suggestion)` ?"))
                }
            }
        }
    }
}
