extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let fieldUnknown = StructuralRule(
        id: Rule.fieldUnknown.rawValue, defaultSeverity: .warning,
        summary: Message("an unknown key, with a suggestion when a known one is close (`nxt` → `next`)",
                         fr: "une clé inconnue, avec une suggestion quand une clé connue est proche (`nxt` → `next`)"),
        explanation: Message("A misspelt key is a value lost without a word: `nxt: 2026-04-01` fixes no appointment.",
                             fr: "Une clé mal orthographiée est une valeur perdue sans un mot : `nxt: 2026-04-01` ne fixe aucun rendez-vous."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnxt: 2026-05-15")], expected: ["clients/a/s1.md:4"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin\ntags: [pro]")], expected: []),
        ])
}
