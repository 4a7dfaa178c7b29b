/// The sponsor report shows what the case file's `disclosure` lists; the client agreed, at the
/// chemistry call, to what `disclosure_agreed` says. The first must never go beyond the second.
struct DisclosureBeyondAgreement: LintRule {
    let id = Rule.disclosureBeyondAgreement.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a case file's `disclosure` shares an item the chemistry call's `disclosure_agreed` does not allow",
                          fr: "le `disclosure` d'un dossier communique un élément que le `disclosure_agreed` de la rencontre préalable ne permet pas")
    let explanation = Message(
        "`journal report` tells the sponsor what the case file's `disclosure` lists. What the client agreed to, at the chemistry call, is `disclosure_agreed` (the latest call that records one). An item in the first and not in the second would reach the sponsor without the client's agreement: remove it from `disclosure`, or, once the client agrees, add it to `disclosure_agreed`. Only the items themselves count (attendance, dates, objectives, progress, themes, or their French spellings présence, objectifs, avancement), as a list or separated by commas: a sentence agrees to none of them.",
        fr: "`journal report` communique au commanditaire ce que liste le `disclosure` du dossier. Ce que le client a accepté, lors de la rencontre préalable, c'est le `disclosure_agreed` (de la dernière rencontre qui en note un). Un élément du premier absent du second parviendrait au commanditaire sans l'accord du client : retirez-le de `disclosure`, ou, quand le client l'accepte, ajoutez-le à `disclosure_agreed`. Seuls les éléments eux-mêmes comptent (attendance, dates, objectives, progress, themes, ou présence, objectifs, avancement), en liste ou séparés par des virgules : une phrase n'en accorde aucun.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [attendance, objectives, progress]"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: yes\ndisclosure_agreed: [attendance]")],
                    expected: ["clients/a/client.md:6"]),
        // A sentence is not an agreement to any item.
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [dates]"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndisclosure_agreed: que la rencontre a eu lieu")],
                    expected: ["clients/a/client.md:6"]),
        // The latest call decides: it agreed to less than an earlier one.
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [attendance, dates]"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndisclosure_agreed: [attendance, dates]"),
                            "clients/a/c2.md": Sample.note("chemistry", "date: 2026-05-08\ndisclosure_agreed: [attendance]")],
                    expected: ["clients/a/client.md:6"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [attendance, objectives]"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndisclosure_agreed: [attendance, dates, objectives]")],
                    expected: []),
        // French spellings, separated by commas, in one text.
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [attendance, objectives, progress]"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndisclosure_agreed: présence, objectifs ; avancement")],
                    expected: []),
        // A later call that agrees to more.
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [attendance, dates]"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndisclosure_agreed: [attendance]"),
                            "clients/a/c2.md": Sample.note("chemistry", "date: 2026-05-08\ndisclosure_agreed: [attendance, dates]")],
                    expected: []),
        // Nothing disclosed, or no agreement recorded at all (chemistry-disclosure says so).
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}"),
                            "clients/a/c1.md": Sample.note("chemistry", "date: 2026-05-01\ndisclosure_agreed: [dates]"),
                            "clients/b/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [dates]"),
                            "clients/b/c1.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: yes")],
                    expected: []),
    ]

    /// The items an agreement names: each entry, split at commas and semicolons; anything that
    /// is not an item's name is no agreement.
    static func agreed(_ entries: [String]) -> Set<Disclosure> {
        Set(entries.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }.compactMap {
            Disclosure.parse($0.trimmingCharacters(in: .whitespaces))
        })
    }

    func check(_ context: LintContext) -> [Finding] {
        context.caseFiles.keys.sorted().compactMap { client in
            guard let (note, file) = context.caseFiles[client], !file.disclosure.isEmpty,
                  let call = context.notes(of: client).last(where: { $0.type == .chemistry && $0.disclosureAgreed != nil })
            else { return nil }
            let agreed = Self.agreed(call.disclosureAgreed ?? [])
            let beyond = Disclosure.allCases.filter { file.disclosure.contains($0) && !agreed.contains($0) }
            guard !beyond.isEmpty else { return nil }
            let items = beyond.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            let allowed = Disclosure.allCases.filter(agreed.contains).map { "`\($0.rawValue)`" }.joined(separator: ", ")
            let message = agreed.isEmpty
                ? Message("`disclosure` shares \(items) with the sponsor, but the chemistry call \(call.path) agreed to none of the items: remove \(beyond.count == 1 ? "it" : "them"), or record the client's agreement as a list in `disclosure_agreed`",
                          fr: "`disclosure` communique \(items) au commanditaire, mais la rencontre préalable \(call.path) n'a accordé aucun de ces éléments : \(beyond.count == 1 ? "retirez-le" : "retirez-les"), ou notez l'accord du client en liste dans `disclosure_agreed`")
                : Message("`disclosure` shares \(items) with the sponsor, but the chemistry call \(call.path) agreed only to \(allowed): remove \(beyond.count == 1 ? "it" : "them"), or record the client's agreement in `disclosure_agreed`",
                          fr: "`disclosure` communique \(items) au commanditaire, mais la rencontre préalable \(call.path) n'a accordé que \(allowed) : \(beyond.count == 1 ? "retirez-le" : "retirez-les"), ou notez l'accord du client dans `disclosure_agreed`")
            return Finding(path: note.path, line: note.line(ofKey: "disclosure"), message: message)
        }
    }
}
