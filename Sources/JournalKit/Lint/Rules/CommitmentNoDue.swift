/// Homework without a date tends to slide until the next session, or past it.
struct CommitmentNoDue: LintRule {
    let id = Rule.commitmentNoDue.rawValue
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
        let nextByPath = Dictionary(context.notes.compactMap { note in note.next.map { (note.path, $0.date) } },
                                    uniquingKeysWith: { first, _ in first })
        return context.resolutions.values.flatMap(\.commitments).filter { $0.isOpen && $0.owner == .client && $0.due == nil }.map {
            // The example date is one the coach could really agree on: the next session fixed
            // in that note if it is still ahead, else a week from today; never a day gone by.
            let suggested = nextByPath[$0.path].flatMap { $0 > context.today ? $0 : nil } ?? context.today.adding(days: 7)
            return Finding(path: $0.path, line: $0.line, message: Message(
                "“\($0.text.clipped)” has no due date: agree on one (`[due:: \(suggested)]`)",
                fr: "« \($0.text.clipped) » n'a pas d'échéance : convenez-en d'une (`[échéance:: \(suggested)]`)"))
        }
    }
}
