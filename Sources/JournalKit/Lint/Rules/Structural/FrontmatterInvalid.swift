extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let frontmatterInvalid = StructuralRule(
        id: Rule.frontmatterInvalid.rawValue, defaultSeverity: .error,
        summary: Message("front-matter that is not a YAML mapping, or is not closed",
                         fr: "un en-tête qui n'est pas une suite de clés YAML, ou qui n'est pas fermé"),
        explanation: Message("The header between the two `---` lines is what journal reads a note's type, client and dates from; if it is not valid YAML, the whole note is ignored.",
                             fr: "L'en-tête entre les deux lignes `---` est là où journal lit le type, le client et les dates d'une note ; s'il n'est pas du YAML valide, toute la note est ignorée."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": "---\ntype: session\ndate: [2026-05-01\n---\n"], expected: ["clients/a/s1.md:4"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin")], expected: []),
        ])
}
