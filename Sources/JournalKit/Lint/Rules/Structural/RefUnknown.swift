extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let refUnknown = StructuralRule(
        id: Rule.refUnknown.rawValue, defaultSeverity: .error,
        summary: Message("a review item whose `ref` names no earlier commitment of that client",
                         fr: "un élément de revue dont le `ref` ne désigne aucun engagement antérieur du client"),
        explanation: Message("A review line that points at nothing records a follow-up that is lost: check the id, or use FILE#N for the Nth commitment of FILE.",
                             fr: "Une ligne de revue qui ne désigne rien enregistre un suivi perdu : vérifiez l'identifiant, ou utilisez FICHIER#N pour le N-ième engagement de FICHIER."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Revue\n- [x] [ref:: inconnu] fait\n")], expected: ["clients/a/s1.md:8"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s0.md": Sample.note("session", "date: 2026-04-20\nnext: 2026-05-01", "## Engagements\n- [ ] A [id:: a] [due:: 2026-04-30]\n"), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Revue\n- [x] [ref:: a] fait\n")], expected: []),
        ])
}
