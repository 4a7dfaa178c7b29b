/// journal.yml's `lint.rules`: a severity per rule, or `off`.
extension JournalConfig {
    /// Every rule id `lint.rules` may name (each has its rule in the catalogue: a test checks it).
    public static let knownRules: Set<String> = Set(Rule.allCases.map(\.rawValue))

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
