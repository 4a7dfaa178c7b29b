import Foundation

/// Runs the catalogue over a journal, from its index, and applies journal.yml's settings.
public struct LintEngine: Sendable {
    public let journal: Journal

    public init(journal: Journal) {
        self.journal = journal
    }

    /// Every finding in the journal, sorted, with journal.yml's severities applied.
    public func run(today: LocalDate, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [Diagnostic] {
        let store = try IndexStore.open(journal)
        let report = try store.update(progress: progress)
        let context = LintContext(
            config: journal.config, today: today, notes: try store.documents(),
            resolutions: Dictionary(try store.resolutions().map { ($0.client?.id ?? $0.group, $0) },
                                    uniquingKeysWith: { first, _ in first }),
            structural: report.diagnostics)
        let suppressions = Dictionary(context.notes.map { ($0.path, $0.suppressions) }, uniquingKeysWith: { a, _ in a })
        let findings = Self.findings(in: context).filter { finding in
            !(suppressions[finding.path] ?? []).contains { $0.covers(rule: finding.rule, line: finding.line) }
        }
        return journal.config.applyingRuleSettings(findings).sorted()
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
