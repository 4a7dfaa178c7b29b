/// The coach must not be the one who tells the client why the sponsor wants a coaching.
struct ChemistryBriefing: LintRule {
    let id = Rule.chemistryBriefing.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a sponsored client's chemistry call does not record that the sponsor briefed the client",
                          fr: "la rencontre préalable d'un client commandité ne dit pas si le commanditaire l'a informé")
    let explanation = Message(
        "Before a sponsored coaching starts, the sponsor should have told the client what it is for and what is expected to change. If that is unknown or was not done, the coach risks becoming the sponsor's messenger: find out (`client_briefed: yes`) before going further.",
        fr: "Avant un accompagnement commandité, le commanditaire doit avoir dit au client à quoi il sert et ce qui est attendu. Si on ne le sait pas, ou si ce n'est pas fait, le coach risque de devenir le messager du commanditaire : vérifiez-le (`client_briefed: yes`) avant d'aller plus loin.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: prospect\nsponsor: {name: Marc Petit}"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: unknown\ndisclosure_agreed: dates")],
                    expected: ["clients/a/c1.md:4"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: prospect\nsponsor: {name: Marc Petit}"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: yes\ndisclosure_agreed: dates")],
                    expected: []),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: prospect"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        let sponsored = context.caseFiles.filter { $0.value.file.sponsor != nil }
        return context.notes.filter { $0.type == .chemistry && sponsored[$0.client ?? ""] != nil && $0.clientBriefed != .yes }
            .map { note in
                Finding(path: note.path, line: note.line(ofKey: "client_briefed"), message: Message(
                    "did the sponsor tell the client what the coaching is for? Record it with `client_briefed: yes` once you know",
                    fr: "le commanditaire a-t-il dit au client à quoi sert l'accompagnement ? Notez-le avec `client_briefed: yes` une fois vérifié"))
            }
    }
}
