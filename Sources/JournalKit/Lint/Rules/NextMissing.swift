/// The coach owns the calendar: a date fixed before the session ends keeps the work going.
struct NextMissing: LintRule {
    let id = Rule.nextMissing.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("an active case's latest session, three-way meeting or chemistry call that proceeds has no next date",
                          fr: "la dernière séance, réunion tripartite ou rencontre préalable d'un accompagnement actif n'a pas de prochaine date")
    let explanation = Message(
        "When nobody fixes the next date before the session ends, sessions drift apart and much of the work is lost; clients rarely ask for the next one themselves. Fix it together at the end, or write `next: none` with a `next_reason`. Only the latest meeting of each active client is checked: older ones were followed by others.",
        fr: "Quand personne ne fixe la prochaine date avant la fin de la séance, les rendez-vous s'espacent et une grande partie du travail se perd ; les clients la demandent rarement d'eux-mêmes. Fixez-la ensemble en fin de séance, ou écrivez `next: none` avec un `next_reason`. Seule la dernière rencontre de chaque client actif est vérifiée : les précédentes ont eu une suite.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15")],
                    expected: ["clients/a/s2.md:4"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin")],
                    expected: []),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: closed"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01")],
                    expected: []),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndecision: pending")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.caseFiles.compactMap { client, entry -> Finding? in
            guard entry.file.status == .active else { return nil }
            let meetings = context.notes(of: client).filter { note in
                note.date != nil && (note.isHeldSession || note.type == .threeWay
                    || (note.type == .chemistry && note.decision == .proceed))
            }
            guard let last = meetings.last, last.next == nil, !last.nextIsNone else { return nil }
            return Finding(path: last.path, line: last.line(ofKey: "next"), message: Message(
                "no next appointment fixed at the end of this meeting: add `next:` (or `next: none` and a `next_reason`)",
                fr: "aucun prochain rendez-vous fixé en fin de rencontre : ajoutez `next:` (ou `next: none` et un `next_reason`)"))
        }
    }
}
