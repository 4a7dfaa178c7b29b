extension StructuralRule {
    /// Found by the parser; this gives it its place in the catalogue.
    static let commentUnclosed = StructuralRule(
        id: Rule.commentUnclosed.rawValue, defaultSeverity: .warning,
        summary: Message("an HTML comment `<!--` that no `-->` closes, or an Obsidian `%%` that no `%%` closes",
                         fr: "un commentaire HTML `<!--` qu'aucun `-->` ne ferme, ou un `%%` d'Obsidian qu'aucun `%%` ne ferme"),
        explanation: Message("Everything after an unclosed `<!--` (or `%%`) is a comment: it never reaches a summary or a report, which is safe, but the commitments and notes written after it are not read either.",
                             fr: "Tout ce qui suit un `<!--` (ou un `%%`) non fermé est un commentaire : rien n'en sort dans une synthèse ou un rapport, ce qui est sûr, mais les engagements et notes écrits après ne sont pas lus non plus."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "Bonne séance. <!-- à revoir\n\n## Engagements\n- [ ] Appeler [due:: 2026-05-10]\n")], expected: ["clients/a/s1.md:7"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "Bonne séance. <!-- à revoir -->\n")], expected: []),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "Bonne séance. %% à revoir\n\n## Engagements\n- [ ] Appeler [due:: 2026-05-10]\n")], expected: ["clients/a/s1.md:7"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "Bonne séance. %% à revoir %%\n")], expected: []),
        ])
}
