extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let idDuplicate = StructuralRule(
        id: "id-duplicate", defaultSeverity: .error,
        summary: Message("one commitment id used twice for one client",
                         fr: "un même identifiant d'engagement utilisé deux fois pour un client"),
        explanation: Message("A review's `ref` must name one commitment; with two of the same id, one of them would never be followed.",
                             fr: "Le `ref` d'une revue doit désigner un seul engagement ; avec deux identifiants identiques, l'un ne serait jamais suivi."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Engagements\n- [x] A [id:: a]\n- [x] B [id:: a]\n")], expected: ["clients/a/s1.md:9"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Engagements\n- [x] A [id:: a]\n- [x] B [id:: b]\n")], expected: []),
        ])
}
