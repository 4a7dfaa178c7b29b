/// More sessions than agreed is a decision to make with the client and the sponsor.
struct ContractExceeded: LintRule {
    let id = Rule.contractExceeded.rawValue
    let defaultSeverity = Diagnostic.Severity.info
    let summary = Message("more sessions were held than the contract's `sessions`", fr: "plus de séances tenues que le `sessions` du contrat")
    let explanation = Message(
        "Going past the number of sessions agreed can be right, but it is a decision: renew or amend the contract with the client (and the sponsor), rather than drifting into it.",
        fr: "Dépasser le nombre de séances convenu peut être juste, mais c'est une décision : renouvelez ou modifiez le contrat avec le client (et le commanditaire), plutôt que d'y glisser.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\ncontract: {sessions: 1}"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: 2026-05-29")],
                    expected: ["clients/a/s2.md:3"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\ncontract: {sessions: 2}"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-05-15\nnext: none\nnext_reason: fin"),
                            "clients/a/s3.md": Sample.note("session", "date: 2026-05-22\nstatus: cancelled\nnext: none\nnext_reason: fin")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.caseFiles.compactMap { client, entry -> Finding? in
            guard let planned = entry.file.contract?.sessions else { return nil }
            let held = context.notes(of: client).filter(\.isHeldSession)
            guard held.count > planned else { return nil }
            let first = held[planned]
            return Finding(path: first.path, line: first.line(ofKey: "date"), message: Message(
                "session \(planned + 1) of a contract for \(planned): renew or amend the contract with the client",
                fr: "séance \(planned + 1) d'un contrat prévu pour \(planned) : renouvelez ou modifiez le contrat avec le client"))
        }
    }
}
