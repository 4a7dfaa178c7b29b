/// What the sponsor may hear about the first meeting is agreed with the client, not assumed.
struct ChemistryDisclosure: LintRule {
    let id = Rule.chemistryDisclosure.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a sponsored client's chemistry call has no `disclosure_agreed`",
                          fr: "la rencontre préalable d'un client commandité n'a pas de `disclosure_agreed`")
    let explanation = Message(
        "The sponsor will ask how the first meeting went. Agree with the client what may be said, and write it down (`disclosure_agreed`), so that nothing else is said.",
        fr: "Le commanditaire demandera comment s'est passée la première rencontre. Convenez avec le client de ce qui peut en être dit, et notez-le (`disclosure_agreed`), pour que rien d'autre ne le soit.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: prospect\nsponsor: {name: Marc Petit}"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: yes")],
                    expected: ["clients/a/c1.md:5"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: prospect\nsponsor: {name: Marc Petit}"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: yes\ndisclosure_agreed: [dates]")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        let sponsored = context.caseFiles.filter { $0.value.file.sponsor != nil }
        return context.notes.filter {
            $0.type == .chemistry && sponsored[$0.client ?? ""] != nil && ($0.disclosureAgreed ?? []).isEmpty
        }.map { note in
            Finding(path: note.path, line: note.line(ofKey: "disclosure_agreed"), message: Message(
                "nothing records what the sponsor may be told about this call: add `disclosure_agreed`",
                fr: "rien n'indique ce qui peut être dit au commanditaire de cette rencontre : ajoutez `disclosure_agreed`"))
        }
    }
}
