extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let markerInvalid = StructuralRule(
        id: Rule.markerInvalid.rawValue, defaultSeverity: .error,
        summary: Message("a checkbox other than `[ ]`, `[x]`, `[X]`, `[/]`, `[-]`, `[>]`",
                         fr: "une case à cocher autre que `[ ]`, `[x]`, `[X]`, `[/]`, `[-]`, `[>]`"),
        explanation: Message("An item you meant to tick must not silently stay open: `[v]`, `[ x ]` or `[x]` glued to the text are reported.",
                             fr: "Un élément que vous pensiez cocher ne doit pas rester ouvert en silence : `[v]`, `[ x ]` ou `[x]` collé au texte sont signalés."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Engagements\n- [v] Appeler [due:: 2026-05-10]\n")], expected: ["clients/a/s1.md:8"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Engagements\n- [x] Appeler [due:: 2026-05-10]\n")], expected: []),
        ])
}
