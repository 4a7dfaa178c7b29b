/// The reason a commitment was missed is what the next session works on.
struct MissWithoutReason: LintRule {
    let id = Rule.missWithoutReason.rawValue
    let defaultSeverity = Diagnostic.Severity.info
    let summary = Message("a review records a miss without a `reason`", fr: "une revue note un engagement manqué sans `reason`")
    let explanation = Message(
        "A missed commitment says little until its reason is known: no time (busy), too hard (hard), blocked by something (stuck), or no longer useful (not-useful). Each calls for a different next step; write it with `[reason:: …]`.",
        fr: "Un engagement manqué dit peu de chose tant qu'on n'en connaît pas la raison : pas le temps (occupé), trop difficile (difficile), bloqué (bloqué) ou plus utile (pas-utile). Chacune appelle une suite différente ; notez-la avec `[raison:: …]`.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] Appeler [id:: appels] [due:: 2026-05-08]\n- [ ] Écrire [id:: ecrire] [due:: 2026-05-08]\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [ ] [ref:: appels] pas fait\n- [ ] [ref:: ecrire] pas fait [reason:: busy]\n")],
                    expected: ["clients/a/s2.md:7"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", "## Engagements\n- [ ] Appeler [id:: appels] [due:: 2026-05-20]\n"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29", "## Revue\n- [ ] [ref:: appels] en cours\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.resolutions.values.flatMap(\.commitments).flatMap { commitment in
            commitment.history.filter { $0.isMiss && $0.reason == nil }.map { statement in
                Finding(path: statement.path, line: statement.line, message: Message(
                    "“\(commitment.text.clipped)” was missed: note why with `[reason:: busy|hard|stuck|not-useful]` or your own words",
                    fr: "« \(commitment.text.clipped) » n'a pas été tenu : notez pourquoi avec `[raison:: occupé|difficile|bloqué|pas-utile]` ou vos mots"))
            }
        }
    }
}
