extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let clientUnknown = StructuralRule(
        id: Rule.clientUnknown.rawValue, defaultSeverity: .error,
        summary: Message("a note whose client has no case file",
                         fr: "une note dont le client n'a pas de dossier"),
        explanation: Message("Every note belongs to a client with a case file (clients/ID/client.md): that is where what must be hidden in summaries is declared.",
                             fr: "Chaque note appartient à un client qui a un dossier (clients/ID/client.md) : c'est là qu'est déclaré ce qui doit être masqué dans les synthèses."),
        examples: [
            LintExample(files: ["clients/a/s1.md": Sample.note("session", "date: 2026-05-01")], expected: ["clients/a/s1.md:1"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile("status: closed"), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01")], expected: []),
        ])
}
