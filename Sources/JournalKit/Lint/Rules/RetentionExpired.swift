/// Notes about a person are kept no longer than agreed: a closed case has a retention limit.
struct RetentionExpired: LintRule {
    let id = Rule.retentionExpired.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a closed case's `closed` date is older than journal.yml's `retention`",
                          fr: "un accompagnement clos depuis plus longtemps que la `retention` de journal.yml")
    let explanation = Message(
        "Coaching notes are personal data: once the retention period agreed for closed cases has passed (journal.yml's `retention`, e.g. 3y), the case's notes should be deleted or anonymised. git keeps history: remove them from it too if your commitments require it.",
        fr: "Les notes de coaching sont des données personnelles : passé le délai de conservation convenu pour les accompagnements clos (`retention` dans journal.yml, par exemple 3y), elles devraient être supprimées ou anonymisées. git garde l'historique : retirez-les-en aussi si vos engagements l'exigent.")
    let examples = [
        LintExample(files: ["journal.yml": "language: fr\nretention: 1y\n",
                            "clients/a/client.md": Sample.caseFile("status: closed\nclosed: 2025-01-31")],
                    today: "2026-06-01", expected: ["clients/a/client.md:5"]),
        LintExample(files: ["journal.yml": "language: fr\nretention: 3y\n",
                            "clients/a/client.md": Sample.caseFile("status: closed\nclosed: 2025-01-31")],
                    today: "2026-06-01", expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        guard let retention = context.config.retention else { return [] }
        return context.caseFiles.values.compactMap { note, file -> Finding? in
            guard file.status == .closed, let closed = file.closed,
                  closed.adding(days: retention.days) < context.today else { return nil }
            return Finding(path: note.path, line: note.line(ofKey: "closed"), message: Message(
                "closed on \(closed), longer ago than the retention of \(retention.amount.en): delete or anonymise this case's notes",
                fr: "clos le \(closed), il y a plus longtemps que la durée de conservation (\(retention.amount.fr)) : supprimez ou anonymisez les notes de ce client"))
        }
    }
}
