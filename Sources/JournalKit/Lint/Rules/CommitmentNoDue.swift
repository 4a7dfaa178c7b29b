/// Homework without a date tends to slide until the next session, or past it.
struct CommitmentNoDue: LintRule {
    let id = "commitment-no-due"
    let defaultSeverity = Diagnostic.Severity.info
    let summary = Message("an open client commitment has no `due` date", fr: "un engagement ouvert du client n'a pas d'échéance (`due`)")
    let explanation = Message(
        "A commitment with a date is one the client can plan for and the next review can check; without one, it slides. Only open commitments owned by the client are checked.",
        fr: "Un engagement daté se planifie et se vérifie à la revue suivante ; sans date, il glisse. Seuls les engagements ouverts du client sont vérifiés.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] Appeler\n- [ ] Écrire [due:: 2026-05-10]\n- [x] Lire\n- [ ] Envoyer l'article [owner:: coach]\n")],
                    expected: ["clients/a/s1.md:7"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] Écrire [due:: 2026-05-10]\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.resolutions.values.flatMap(\.commitments).filter { $0.isOpen && $0.owner == "client" && $0.due == nil }.map {
            Finding(path: $0.path, line: $0.line, message: Message(
                "“\($0.text.clipped)” has no due date: agree on one (`[due:: 2026-04-01]`)",
                fr: "« \($0.text.clipped) » n'a pas d'échéance : convenez-en d'une (`[due:: 2026-04-01]`)"))
        }
    }
}
