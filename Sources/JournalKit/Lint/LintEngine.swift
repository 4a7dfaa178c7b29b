import Foundation

/// Runs the catalogue over a journal, from its index, and applies journal.yml's settings.
public struct LintEngine: Sendable {
    public let journal: Journal

    public init(journal: Journal) {
        self.journal = journal
    }

    /// Every finding in the journal, sorted, with journal.yml's severities applied. With
    /// `paths` (relative to the journal; a folder covers what is under it), only the cases those
    /// notes belong to are checked, each whole, and only findings in those paths are returned.
    /// `store`: the journal's index when the caller has opened it already.
    public func run(today: LocalDate, paths: [String]? = nil, store: IndexStore? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [Diagnostic] {
        let store = try store ?? IndexStore.open(journal)
        let report = try store.update(progress: progress)
        func inScope(_ path: String) -> Bool {
            guard let paths else { return true }
            return paths.contains { $0.isEmpty || path == $0 || path.hasPrefix($0 + "/") }
        }
        let notes: [Note]
        let resolutions: [ClientResolution]
        if paths != nil {
            let clients = try store.clients(ofPaths: inScope)
            notes = try clients.sorted().flatMap { try store.notes(ofClient: $0) }.filter { $0.type != nil }
                .sorted(by: Self.order(journal.config.timezone))
            resolutions = try store.resolutions(of: clients)
        } else {
            notes = try store.documents()
            resolutions = try store.resolutions()
        }
        let context = LintContext(
            config: journal.config, today: today, notes: notes,
            resolutions: Dictionary(resolutions.map { ($0.client?.id ?? $0.group, $0) },
                                    uniquingKeysWith: { first, _ in first }),
            structural: report.diagnostics.filter { inScope($0.path) })
        let suppressions = Dictionary(context.notes.map { ($0.path, $0.suppressions) }, uniquingKeysWith: { a, _ in a })
        let findings = Self.findings(in: context).filter { finding in
            !(suppressions[finding.path] ?? []).contains { $0.covers(rule: finding.rule, line: finding.line) }
        }
        return journal.config.applyingRuleSettings(findings.filter { inScope($0.path) }).sorted()
    }

    /// Documents by date (undated first), then path.
    static func order(_ zone: TimeZone) -> (Note, Note) -> Bool {
        let key = sortKey(zone)
        return { (key($0), $0.path) < (key($1), $1.path) }
    }

    /// What `order` compares before the path: the note's instant, undated notes first.
    static func sortKey(_ zone: TimeZone) -> (Note) -> Double {
        { note in note.date?.instant(in: zone).timeIntervalSince1970 ?? -.greatestFiniteMagnitude }
    }

    static func findings(in context: LintContext) -> [Diagnostic] {
        LintCatalogue.rules.flatMap { rule in
            rule.check(context).map { finding in
                Diagnostic(path: finding.path, line: finding.line, column: finding.column,
                           severity: finding.severity ?? rule.defaultSeverity, rule: rule.id, finding.message)
            }
        }
    }
}
