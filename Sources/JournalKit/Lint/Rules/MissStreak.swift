/// Two reviews in a row with missed homework call for a firmer conversation.
struct MissStreak: LintRule {
    let id = Rule.missStreak.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("the client missed commitments at several reviews in a row", fr: "le client a manqué des engagements à plusieurs revues d'affilée")
    let explanation = Message(
        "Once is an accident; at two consecutive reviews (journal.yml's `lint.miss_streak`), it is a pattern worth naming with the client: what the commitments are for, whether they are the right size, what gets in the way. Counted from the newest review back; commitments owned by the coach or the sponsor do not count.",
        fr: "Une fois, c'est un accident ; à deux revues de suite (`lint.miss_streak` dans journal.yml), c'est un schéma qui mérite d'être nommé avec le client : à quoi servent ces engagements, sont-ils à la bonne taille, qu'est-ce qui fait obstacle. Compté depuis la revue la plus récente ; les engagements du coach ou du commanditaire ne comptent pas.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] A [id:: a]\n- [ ] B [id:: b]\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [ ] [ref:: a] non [reason:: busy]\n"),
                            "clients/a/s3.md": Sample.note("session", "date: 2026-05-29\nnext: 2026-06-12", "## Revue\n- [-] [ref:: b] non [reason:: hard]\n")],
                    expected: ["clients/a/s3.md:7"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] A [id:: a]\n- [ ] B [id:: b]\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [ ] [ref:: a] non [reason:: busy]\n"),
                            "clients/a/s3.md": Sample.note("session", "date: 2026-05-29\nnext: 2026-06-12", "## Revue\n- [x] [ref:: b] fait\n")],
                    expected: []),
        // The same two misses in a row, with journal.yml asking for three before warning.
        LintExample(files: ["journal.yml": "language: fr\nlint:\n  miss_streak: 3\n",
                            "clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] A [id:: a]\n- [ ] B [id:: b]\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [ ] [ref:: a] non [reason:: busy]\n"),
                            "clients/a/s3.md": Sample.note("session", "date: 2026-05-29\nnext: 2026-06-12", "## Revue\n- [-] [ref:: b] non [reason:: hard]\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        let threshold = context.config.missStreakThreshold
        return context.resolutions.values.compactMap { resolution -> Finding? in
            guard let client = resolution.client, client.missStreak >= threshold else { return nil }
            let misses = resolution.commitments.filter { $0.owner == .client }.flatMap(\.history).filter(\.isMiss)
            guard let latest = misses.max(by: {
                (LocalDate.sortKey($0.date), $0.path, $0.line) < (LocalDate.sortKey($1.date), $1.path, $1.line)
            }) else {
                return nil
            }
            return Finding(path: latest.path, line: latest.line, message: Message(
                "commitments missed at \(client.missStreak) reviews in a row: time for the firmer conversation",
                fr: "des engagements manqués à \(client.missStreak) revues d'affilée : le moment d'une conversation plus ferme"))
        }
    }
}
