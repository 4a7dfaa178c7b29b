/// The sponsor's demand and the coach's reading of the need are not always the same thing.
struct DemandNeed: LintRule {
    let id = Rule.demandNeed.rawValue
    let defaultSeverity = Diagnostic.Severity.info
    let summary = Message("a sponsored client's case file lacks the `demand` or the `need`",
                          fr: "le dossier d'un client commandité n'a pas de `demand` ou de `need`")
    let explanation = Message(
        "What the sponsor asked for, in their words (`demand`), and what the coach reads as the real need (`need`) often differ; writing both down keeps the difference visible, for the coaching and for supervision.",
        fr: "Ce que le commanditaire demande, dans ses mots (`demand`), et ce que le coach lit comme le besoin réel (`need`) diffèrent souvent ; écrire les deux garde cet écart visible, pour l'accompagnement comme pour la supervision.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndemand: qu'elle délègue")],
                    expected: ["clients/a/client.md:7"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndemand: qu'elle délègue\nneed: asseoir sa légitimité")],
                    expected: []),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active")], expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.caseFiles.values.compactMap { note, file -> Finding? in
            guard file.sponsor != nil else { return nil }
            let missing = [file.demand == nil ? "demand" : nil, file.need == nil ? "need" : nil].compactMap { $0 }
            guard let first = missing.first else { return nil }
            let keys = missing.map { "`\($0)`" }.joined(separator: ", ")
            return Finding(path: note.path, line: note.line(ofKey: first), message: Message(
                "a sponsored case without \(keys): write down what the sponsor asked for and your reading of the real need",
                fr: "un accompagnement commandité sans \(keys) : notez ce que le commanditaire a demandé et votre lecture du besoin réel"))
        }
    }
}
