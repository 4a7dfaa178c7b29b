import Foundation

/// Every rule, in the order docs/lint.md and `--list-rules` show them.
enum LintCatalogue {
    static let rules: [any LintRule] = [
        StructuralRule.frontmatterInvalid, StructuralRule.fieldMissing, StructuralRule.fieldInvalid,
        StructuralRule.fieldUnknown, StructuralRule.clientUnknown, StructuralRule.markerInvalid,
        StructuralRule.idDuplicate, StructuralRule.refUnknown, DateOrder(), StructuralRule.fileUnreadable,
        StructuralRule.configInvalid, StructuralRule.commentUnclosed,
        NextMissing(), NextNoneUnexplained(), CommitmentNoDue(), CommitmentLowOdds(), MissWithoutReason(),
        CadenceGap(), PlannedSessionPast(), CommitmentUnreviewed(), MissStreak(), ChemistryBriefing(), ChemistryDisclosure(), DisclosureBeyondAgreement(),
        DemandNeed(), ObjectiveUnvalidated(), ContractExceeded(), RetentionExpired(), UndeclaredPerson(),
    ]
}

/// The catalogue as people read it: `lint --list-rules`, and docs/lint.md (checked by a test).
public enum LintRuleList {
    /// One line per rule: id, default severity, summary.
    public static func text(_ language: JournalConfig.Language) -> String {
        let width = LintCatalogue.rules.map(\.id.count).max() ?? 0
        return LintCatalogue.rules.map { rule in
            let summary = rule.summary.in(language)
            return rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + summary
        }.joined(separator: "\n")
    }

    /// Every rule with what it finds, why it matters, and an example that triggers it.
    public static func markdown() -> String {
        var out = "| rule | default | finds |\n| --- | --- | --- |\n"
        for rule in LintCatalogue.rules {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.defaultSeverity.rawValue) | \(rule.summary.en) |\n"
        }
        for rule in LintCatalogue.rules {
            out += "\n### \(rule.id)\n\n"
            out += "Default severity: **\(rule.defaultSeverity.rawValue)**. Finds \(rule.summary.en).\n\n"
            out += rule.explanation.en + "\n\n"
            out += "_En français :_ " + rule.explanation.fr + "\n"
            if let example = rule.examples.first(where: { !$0.expected.isEmpty }) {
                let place = example.expected[0]
                let path = String(place.split(separator: ":")[0])
                // A binary example (a NUL byte) is not shown: it would make the page binary too.
                if let text = example.files[path], !text.unicodeScalars.contains(where: { $0.value < 0x09 }) {
                    out += "\nFor example, `\(path)` (reported at line \(place.split(separator: ":")[1])):\n\n```markdown\n"
                    out += text.hasSuffix("\n") ? text : text + "\n"
                    out += "```\n"
                }
            }
            out += "\nSilence it in journal.yml (`lint: {rules: {\(rule.id): off}}`), or change its severity there.\n"
        }
        return out
    }
}
