import Foundation

/// The journal as the language server sees it: the index for every note on disk, with the
/// editor's unsaved text in place of the notes it has open. The index is brought up to date when
/// the server starts, when a note is saved and when files change on disk; between those, a
/// change is linted from the case's notes as last read, so that it costs one parse and one case.
final class LSPWorkspace {
    let journal: Journal
    let store: IndexStore
    /// `--today`, for reproducible tests; else the clock in the journal's zone, at each lint.
    let fixedToday: LocalDate?
    let parser: NoteParser
    private let resolver: Resolver
    /// Each group's notes as stored ("" for notes of no client), read once after each update.
    private var stored: [String: [Note]] = [:]
    /// The group each stored path belongs to, asked once per path after each update.
    private var storedGroup: [String: String] = [:]
    private var knownClients: Set<String> = []
    /// What the walker found (links out of the journal, names that differ only by Unicode
    /// normalisation): not in the index, so kept from the last update.
    private var walkerDiagnostics: [String: [Diagnostic]] = [:]
    private(set) var lastUpdate = Date.distantPast

    init(journal: Journal, today: LocalDate?) throws {
        self.journal = journal
        self.fixedToday = today
        store = try IndexStore.open(journal)
        parser = NoteParser(aliases: journal.config.headingAliases, zone: journal.config.timezone,
                            tasks: journal.config.tasks)
        resolver = Resolver(zone: journal.config.timezone)
        try refresh()
    }

    var today: LocalDate { fixedToday ?? DateValue.now(in: journal.config.timezone).date }

    /// Brings the index up to date with the disk (the server's only write: derived data).
    func refresh() throws {
        let report = try store.update()
        lastUpdate = Date()
        if report.parsed > 0 || report.removed > 0 || report.rebuilt || report.repaired {
            stored = [:]
            storedGroup = [:]
        }
        knownClients = try store.clientsWithCaseFile()
        let indexed = Set(try store.diagnostics())
        walkerDiagnostics = Dictionary(grouping: report.diagnostics.filter { !indexed.contains($0) }, by: \.path)
    }

    /// The path of a file relative to the journal, or nil when it is not a note of it.
    func relativePath(_ absolute: String) -> String? {
        let roots = [journal.root.standardizedFileURL.path, FileSystem.realPath(journal.root.path)].compactMap { $0 }
        let candidates = [URL(fileURLWithPath: absolute).standardizedFileURL.path, FileSystem.realPath(absolute)
            ?? FileSystem.realPath(URL(fileURLWithPath: absolute).deletingLastPathComponent().path)
            .map { $0 + "/" + URL(fileURLWithPath: absolute).lastPathComponent }].compactMap { $0 }
        for root in roots {
            for path in candidates where path.hasPrefix(root + "/") {
                let relative = String(path.dropFirst(root.count + 1))
                guard relative.hasSuffix(".md") else { return nil }
                let first = relative.split(separator: "/").first.map(String.init) ?? ""
                if FileWalker.skippedTopLevel.contains(first)
                    || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    return nil
                }
                return relative
            }
        }
        return nil
    }

    func parse(_ document: LSPDocument) -> Note? {
        guard let path = document.path else { return nil }
        return parser.parse(data: Data(document.bytes), path: path)
    }

    /// The group a note was in when last stored (nil for a note the index does not have).
    func storedGroup(of path: String) -> String? {
        if let group = storedGroup[path] { return group }
        guard let group = (try? store.clients(ofPaths: { $0 == path }))?.first else { return nil }
        storedGroup[path] = group
        return group
    }

    private func storedNotes(of group: String) -> [Note] {
        if let notes = stored[group] { return notes }
        let notes = (try? store.notes(ofClient: group)) ?? []
        stored[group] = notes
        return notes
    }

    /// One or more cases with the open notes' unsaved text: their resolutions, and the
    /// findings of `journal lint` in the open notes.
    struct CaseState {
        var notes: [Note]
        var resolutions: [String: ClientResolution]
        var diagnostics: [String: [Diagnostic]]
        var knownClients: Set<String>
    }

    /// The cases of `groups`, with `open` (parsed unsaved notes, by path) in place of what the
    /// index has, linted as `journal lint PATH` lints them.
    func state(of groups: Set<String>, open: [String: Note]) -> CaseState {
        var known = knownClients
        for note in open.values where note.type == .client { known.insert(note.client ?? "") }
        var documents: [Note] = []
        var resolutions: [String: ClientResolution] = [:]
        var structural: [Diagnostic] = []
        for group in groups.sorted() {
            let unsaved = open.values.filter { ($0.client ?? "") == group }
            let notes = storedNotes(of: group).filter { open[$0.path] == nil } + unsaved
            let resolution = resolver.resolve(client: group.isEmpty ? nil : group, notes: notes, knownClients: known)
            resolutions[resolution.client?.id ?? resolution.group] = resolution
            documents += notes.filter { $0.type != nil }
            structural += resolution.diagnostics
            for note in unsaved { structural += note.diagnostics + (walkerDiagnostics[note.path] ?? []) }
        }
        let inCases = Set(open.values.filter { groups.contains($0.client ?? "") }.map(\.path))
        let context = LintContext(config: journal.config, today: today,
                                  notes: documents.sorted(by: Note.journalOrder(journal.config.timezone)),
                                  resolutions: resolutions,
                                  structural: structural.filter { inCases.contains($0.path) })
        let findings = LintEngine(journal: journal).lint(context, inScope: { inCases.contains($0) })
        var byPath = Dictionary(grouping: findings, by: \.path)
        for path in inCases where byPath[path] == nil { byPath[path] = [] }
        return CaseState(notes: context.notes, resolutions: resolutions, diagnostics: byPath, knownClients: known)
    }
}
