extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let configInvalid = StructuralRule(
        id: Rule.configInvalid.rawValue, defaultSeverity: .error,
        summary: Message("journal.yml cannot be read; the defaults are used",
                         fr: "journal.yml est illisible ; les réglages par défaut s'appliquent"),
        explanation: Message("A broken journal.yml never stops the work, but its settings (time zone, headings, rule severities) are then not applied.",
                             fr: "Un journal.yml cassé n'arrête jamais le travail, mais ses réglages (fuseau horaire, titres, sévérités) ne s'appliquent plus."),
        examples: [
            LintExample(files: ["journal.yml": "language: [fr\n"], expected: ["journal.yml:2"]),
            LintExample(files: ["journal.yml": "language: fr\n"], expected: []),
        ])
}
