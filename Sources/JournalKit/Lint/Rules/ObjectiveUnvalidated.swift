/// Objectives the client has not confirmed in their own words are the coach's, not the client's.
struct ObjectiveUnvalidated: LintRule {
    let id = Rule.objectiveUnvalidated.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("an active client with a held session has no objective carrying `validated`",
                          fr: "un client actif avec une séance tenue n'a aucun objectif `validated`")
    let explanation = Message(
        "The stated demand is not always the real need; once the coaching has started, the client should have confirmed at least one objective's wording. Record the day with `[validated:: DATE]` on the objective.",
        fr: "La demande exprimée n'est pas toujours le besoin réel ; une fois l'accompagnement commencé, le client devrait avoir confirmé la formulation d'au moins un objectif. Notez le jour avec `[validé:: DATE]` sur l'objectif.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(body: "## Objectifs\n- [ ] Déléguer\n"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15")],
                    expected: ["clients/a/client.md:1"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(body: "## Objectifs\n- [ ] Déléguer [validated:: 2026-05-01]\n"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15")],
                    expected: []),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(body: "## Objectifs\n- [ ] Déléguer\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.caseFiles.compactMap { client, entry -> Finding? in
            guard entry.file.status == .active, context.notes(of: client).contains(where: \.isHeldSession),
                  !(context.resolutions[client]?.objectives.contains { $0.validated != nil } ?? false) else { return nil }
            return Finding(path: entry.note.path, line: 1, message: Message(
                "no objective has been validated with the client yet: add `[validated:: DATE]` once they confirm its wording",
                fr: "aucun objectif n'a encore été validé avec le client : ajoutez `[validé:: DATE]` quand il en confirme la formulation"))
        }
    }
}
