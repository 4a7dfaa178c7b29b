import Foundation

extension LanguageServer {
    /// The fixes of `journal lint --fix` for the note, computed by `LintFixer` on the unsaved
    /// text, as workspace edits: the editor shows them, the coach applies them, nothing is
    /// written by the server. One action per fixed line in the requested range, and one for the
    /// whole note (with the reviews in other notes that must name a commitment's new id).
    func codeActions(_ params: [String: Any]) -> JSONValue? {
        guard let (document, _) = target(params), let range = params.object("range"),
              let start = range.position("start"), let end = range.position("end") else { return nil }
        guard let workspace, let path = document.path else { return .array([]) }
        let fixer = LintFixer(journal: workspace.journal)
        let group = note(of: document)?.client ?? ""
        let planned = LintFixer.idFixes(documents: caseNotes(group), resolutions: resolutions[group].map { [$0] } ?? [])
        // An id is given only where the commitment's note, as it is now, takes it.
        var confirmed: [String: String] = [:]
        var idsByPath: [String: [LintFixer.IDFix]] = [:]
        for fix in planned.fixes { idsByPath[fix.path, default: []].append(fix) }
        let reviewed = Set(planned.reviewers[path] ?? [])
        for (notePath, fixes) in idsByPath where notePath == path || fixes.contains(where: { reviewed.contains($0.implicit) }) {
            guard let bytes = text(of: notePath),
                  let fixed = fixer.fixed(Data(bytes), path: notePath, LintFixer.Plan(ids: fixes), parser: workspace.parser),
                  !fixed.misplaced else { continue }
            for fix in fixed.standing + fixed.adding { confirmed[fix.implicit] = fix.id }
        }
        func plan(for notePath: String) -> LintFixer.Plan {
            let refs = Dictionary((planned.reviewers[notePath] ?? []).compactMap { implicit in confirmed[implicit].map { (implicit, $0) } },
                                  uniquingKeysWith: { first, _ in first })
            return LintFixer.Plan(ids: notePath == path ? idsByPath[path] ?? [] : [], refs: refs)
        }
        guard let here = lineEdits(document.bytes, path: path, plan(for: path), fixer: fixer, onlyPlanned: false) else {
            return .array([])
        }
        var actions: [JSONValue] = []
        for edit in here where edit.line >= start.line && edit.line <= end.line {
            let title = (Message("journal: ", fr: "journal : ").in(language)) + edit.before.trimmingCharacters(in: .whitespaces)
                + " → " + edit.after.trimmingCharacters(in: .whitespaces)
            actions.append(action(title, kind: "quickfix", [(document.uri, [edit])]))
        }
        // The reviews elsewhere that name by FILE#N a commitment this note now gives an id.
        var elsewhere: [(String, [LineEdit])] = []
        let added = Set((idsByPath[path] ?? []).filter(\.add).map(\.implicit))
        for (notePath, implicits) in planned.reviewers.sorted(by: { $0.key < $1.key })
        where notePath != path && implicits.contains(where: added.contains) {
            guard let bytes = text(of: notePath), let uri = uri(ofNote: notePath),
                  let edits = lineEdits(bytes, path: notePath, plan(for: notePath), fixer: fixer, onlyPlanned: true),
                  !edits.isEmpty else { continue }
            elsewhere.append((uri, edits))
        }
        if !here.isEmpty {
            let title = Message("journal: every lint --fix correction in this note",
                            fr: "journal : toutes les corrections de lint --fix dans cette note").in(language)
            actions.append(action(title, kind: "source.fixAll", [(document.uri, here)] + elsewhere))
        }
        return .array(actions)
    }

    /// One line replaced, without its line break; `line` from 0.
    struct LineEdit {
        var line: Int
        var before: String
        var after: String
        var length: Int
    }

    /// The lines `LintFixer` changes in `bytes`; with `onlyPlanned`, only those the plan's ids and
    /// refs change (another note's dates are that note's own business).
    private func lineEdits(_ bytes: [UInt8], path: String, _ plan: LintFixer.Plan, fixer: LintFixer,
                           onlyPlanned: Bool) -> [LineEdit]? {
        guard let parser = workspace?.parser,
              let fixed = fixer.fixed(Data(bytes), path: path, plan, parser: parser), !fixed.misplaced else { return nil }
        var keep = Set(fixed.changes.map(\.line))
        if onlyPlanned, let plain = fixer.fixed(Data(bytes), path: path, LintFixer.Plan(), parser: parser) {
            keep = Set(fixed.changes.map(\.line)).filter { fixed.lines[$0 - 1] != plain.lines[$0 - 1] }
        }
        let original = LSPDocument(uri: "", path: path, version: 0, bytes: bytes).lines
        return keep.sorted().compactMap { number in
            guard number - 1 < original.count, number - 1 < fixed.lines.count else { return nil }
            let old = original[number - 1]
            var after = fixed.lines[number - 1]
            if after.hasSuffix("\r") { after.removeLast() }
            // The fixer sets the byte-order mark aside; the line replaced holds it, if the editor kept it.
            if number == 1, old.starts(with: [0xEF, 0xBB, 0xBF]) { after = "\u{FEFF}" + after }
            let before = String(decoding: old, as: UTF8.self)
            if after == before { return nil }
            return LineEdit(line: number - 1, before: before, after: after, length: LSPDocument.utf16Length(of: old))
        }
    }

    private func action(_ title: String, kind: String, _ edits: [(String, [LineEdit])]) -> JSONValue {
        let changes = edits.map { uri, lines -> (String, JSONValue) in
            (uri, .array(lines.map { edit in
                .object([("range", Self.range(LSPPosition(line: edit.line, character: 0),
                                              LSPPosition(line: edit.line, character: edit.length))),
                         ("newText", .string(edit.after))])
            }))
        }
        return .object([("title", .string(title)), ("kind", .string(kind)),
                         ("edit", .object([("changes", .object(changes))]))])
    }

    /// A note's text: the editor's when it is open, else the file's.
    func text(of path: String) -> [UInt8]? {
        if let open = documents.documents.values.first(where: { $0.path == path }) { return open.bytes }
        guard let root = workspace?.journal.root,
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return Array(data)
    }
}
