/// A note prepared before a session says nothing until the coach marks what happened: one still
/// `planned` after its day leaves its review unsaid and the session uncounted.
struct PlannedSessionPast: LintRule {
    let id = Rule.plannedSessionPast.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a session note still marked `planned` after its date",
                          fr: "une note de séance encore marquée `prévue` après sa date")
    let explanation = Message(
        "`journal new session` writes `status: planned`, so that the pre-filled review lines state nothing before the session: no miss, no streak. Once the day has passed, the note should say what happened: `held` (its review then counts), `cancelled` or `no-show`. Until then the session is counted nowhere: not in the hours, the sponsor report nor the cadence.",
        fr: "`journal new session` écrit `status: prévue`, pour que les lignes de revue pré-remplies ne disent rien avant la séance : ni engagement manqué, ni série. Une fois le jour passé, la note doit dire ce qui a eu lieu : `tenue` (sa revue compte alors), `annulée` ou `absent`. D'ici là, la séance n'est comptée nulle part : ni dans les heures, ni dans le rapport au commanditaire, ni pour la cadence.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15 10:00\nstatus: prévue", "## Revue\n- [ ] [ref:: s1#1]\n")],
                    today: "2026-05-20", expected: ["clients/a/s2.md:4"]),
        // On its day, or before it, a planned session is what it should be.
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-15 10:00\nstatus: planned")],
                    today: "2026-05-15", expected: []),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-15 10:00\nstatus: tenue")],
                    today: "2026-05-20", expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.notes.compactMap { note -> Finding? in
            guard note.isPlannedSession, let date = note.date?.date, date < context.today else { return nil }
            return Finding(path: note.path, line: note.line(ofKey: "status"), message: Message(
                "the session of \(date) is still marked planned: write `status: held` once it took place (or `cancelled`, `no-show`)",
                fr: "la séance du \(date) est encore marquée prévue : écrivez `status: tenue` si elle a eu lieu (ou `annulée`, `absent`)"))
        }
    }
}
