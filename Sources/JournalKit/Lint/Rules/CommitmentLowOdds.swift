/// Asking the client for their odds, and reshaping what they doubt, is how homework gets done.
struct CommitmentLowOdds: LintRule {
    let id = Rule.commitmentLowOdds.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("an open commitment's odds are below 10:1 in favour", fr: "la cote d'un engagement ouvert est inférieure à 10 contre 1")
    let explanation = Message(
        "When the client rates their own chances below ten to one, the commitment is likely to be missed: reshape it, split it, or make it smaller before the session ends, until the client would bet on it.",
        fr: "Quand le client estime ses chances à moins de dix contre un, l'engagement a de bonnes chances d'être manqué : reformulez-le, découpez-le ou réduisez-le avant la fin de la séance, jusqu'à ce que le client parie dessus.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] Appeler [odds:: 1:3]\n- [ ] Écrire [odds:: 10:1]\n- [ ] Lire [odds:: 95%]\n- [x] Ranger [odds:: 1:1]\n")],
                    expected: ["clients/a/s1.md:7"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] Écrire [odds:: 20:1]\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.resolutions.values.flatMap(\.commitments).compactMap { commitment in
            guard commitment.isOpen, let odds = commitment.odds, odds.isBelowTenToOne else { return nil }
            let text = odds.text
            return Finding(path: commitment.path, line: commitment.line, message: Message(
                "odds of \(text) on “\(commitment.text.clipped)”: worth reshaping or splitting until the client would bet on it",
                fr: "cote de \(text) pour « \(commitment.text.clipped) » : à reformuler ou découper jusqu'à ce que le client parie dessus"))
        }
    }
}
