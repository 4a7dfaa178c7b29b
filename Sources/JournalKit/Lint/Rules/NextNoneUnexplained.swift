/// Deciding not to fix a date is fine; the reason is what a later reading needs.
struct NextNoneUnexplained: LintRule {
    let id = Rule.nextNoneUnexplained.rawValue
    let defaultSeverity = Diagnostic.Severity.info
    let summary = Message("`next: none` without a `next_reason`", fr: "`next: none` sans `next_reason`")
    let explanation = Message(
        "A note that says no next date was fixed should say why (end of the contract, the client will call back, a pause): months later, it is the only trace of the decision.",
        fr: "Une note qui dit qu'aucune date n'a été fixée devrait dire pourquoi (fin du contrat, le client rappellera, une pause) : des mois plus tard, c'est la seule trace de cette décision.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none")],
                    expected: ["clients/a/s1.md:4"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: pause estivale")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.notes.filter { $0.nextIsNone && $0.nextReason == nil }.map { note in
            Finding(path: note.path, line: note.line(ofKey: "next"), message: Message(
                "`next: none` without a `next_reason`: say why no date was fixed",
                fr: "`next: none` sans `next_reason` : dites pourquoi aucune date n'a été fixée"))
        }
    }
}
