/// journal.yml's `lint.rules`: a severity per rule, or `off`.
extension JournalConfig {
    /// Every rule id `lint.rules` may name: the structural checks made now, and the practice
    /// and privacy rules of the catalogue (COMMANDS.md), so that settings written for them
    /// ahead of time are not reported as typos.
    public static let knownRules: Set<String> = [
        "frontmatter-invalid", "field-missing", "field-invalid", "field-unknown", "client-unknown",
        "marker-invalid", "id-duplicate", "ref-unknown", "date-order", "file-unreadable", "config-invalid",
        "next-missing", "next-none-unexplained", "cadence-gap", "commitment-no-due", "commitment-low-odds",
        "commitment-unreviewed", "miss-without-reason", "miss-streak", "chemistry-briefing",
        "chemistry-disclosure", "demand-need", "objective-unvalidated", "contract-exceeded",
        "retention-expired", "undeclared-person",
    ]

    /// The diagnostics with the journal's severities applied: `off` rules removed. Problems
    /// with journal.yml itself are never silenced.
    public func applyingRuleSettings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            guard diagnostic.path != JournalConfig.fileName, let setting = ruleSeverities[diagnostic.rule] else {
                return diagnostic
            }
            guard let severity = setting else { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }
}
