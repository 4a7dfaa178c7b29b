extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let fieldMissing = StructuralRule(
        id: Rule.fieldMissing.rawValue, defaultSeverity: .error,
        summary: Message("a required field is absent (a case file's `name`, a dated note's `date`)",
                         fr: "un champ obligatoire manque (le `name` d'un dossier client, la `date` d'une note datée)"),
        explanation: Message("Without a date a note cannot be placed in the case's timeline, nor its commitments followed; without a name a case file cannot be anonymised.",
                             fr: "Sans date, une note ne peut pas être placée dans l'histoire de l'accompagnement, ni ses engagements suivis ; sans nom, un dossier ne peut pas être anonymisé."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "mode: visio")], expected: ["clients/a/s1.md:1"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nmode: visio\nnext: none\nnext_reason: fin")], expected: []),
        ])
}
