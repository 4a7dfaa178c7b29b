/// A commitment no review ever mentions is one nobody followed.
struct CommitmentUnreviewed: LintRule {
    let id = Rule.commitmentUnreviewed.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("an open commitment made before the latest held session was never reviewed",
                          fr: "un engagement ouvert, pris avant la dernière séance tenue, n'a jamais été revu")
    let explanation = Message(
        "Homework is where the change happens, and following it up is what makes it count: a commitment that was due for review at a later session and appears in none was dropped without a word. Review it (`[ref:: …]` in a review section); `journal new session` lists the open ones for you. A commitment that waits for another still open (Obsidian Tasks' ⛔ or `dependsOn`) is followed through that one, and not reported.",
        fr: "C'est entre les séances que le changement se fait, et le suivi lui donne son poids : un engagement qui aurait dû être revu à une séance suivante et n'apparaît dans aucune a été abandonné sans un mot. Revoyez-le (`[ref:: …]` dans une section de revue) ; `journal new session` liste pour vous ceux qui sont ouverts. Un engagement qui en attend un autre encore ouvert (⛔ d'Obsidian Tasks ou `dependsOn`) se suit par celui-là, et n'est pas signalé.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] A [id:: a] [due:: 2026-05-10]\n- [ ] B [id:: b] [due:: 2026-05-10]\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [x] [ref:: a] fait\n")],
                    expected: ["clients/a/s1.md:8"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] A [id:: a] [due:: 2026-05-10]\n")],
                    expected: []),
        // B waits for A (Obsidian Tasks' ⛔), still open: A is the one to follow up.
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] A 🆔 a 📅 2026-05-10\n- [ ] B ⛔ a 📅 2026-05-10\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [ ] [ref:: a] pas encore\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.resolutions.flatMap { client, resolution -> [Finding] in
            guard let latest = context.notes(of: client).filter(\.isHeldSession).compactMap({ $0.date?.date }).max() else {
                return []
            }
            return resolution.commitments.compactMap { commitment -> Finding? in
                // One that waits for an open commitment is followed through its blocker.
                guard commitment.isOpen, !commitment.isBlocked, commitment.history.isEmpty, let made = commitment.made,
                      made < latest else { return nil }
                return Finding(path: commitment.path, line: commitment.line, message: Message(
                    "“\(commitment.text.clipped)” has not been reviewed since: add it to the next review (`[ref:: \(commitment.id)]`)",
                    fr: "« \(commitment.text.clipped) » n'a pas été revu depuis : ajoutez-le à la prochaine revue (`[ref:: \(commitment.id)]`)"))
            }
        }
    }
}
