/// Sessions that drift apart lose the thread of the work.
struct CadenceGap: LintRule {
    let id = Rule.cadenceGap.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("more than 1.5 × the cadence between two held sessions, or since the last one with nothing planned",
                          fr: "plus de 1,5 × la cadence entre deux séances tenues, ou depuis la dernière sans rendez-vous prévu")
    let explanation = Message(
        "The contract's cadence (else journal.yml's) is the rhythm at which the work keeps its momentum. A gap of more than half again is worth noticing; one still open today, with no appointment planned (no `next` from today on, no planned session), is a case drifting away: the agenda's « Cadence dépassée » is that same lapse.",
        fr: "La cadence du contrat (sinon celle de journal.yml) est le rythme auquel le travail garde son élan. Un écart de plus de moitié en plus mérite d'être remarqué ; un écart encore ouvert aujourd'hui, sans rendez-vous prévu (aucun `next` à partir d'aujourd'hui, aucune séance prévue), c'est un accompagnement qui s'éloigne : la « Cadence dépassée » de l'agenda est ce même écart.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\ncontract: {cadence: 2w}"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-03-02\nnext: 2026-04-06"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-04-06\nnext: 2026-04-20")],
                    today: "2026-04-10", expected: ["clients/a/s2.md:3"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\ncontract: {cadence: 2w}"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-03-02\nnext: none\nnext_reason: à rappeler")],
                    today: "2026-04-10", expected: ["clients/a/s1.md:3"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\ncontract: {cadence: 2w}"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-03-02\nnext: 2026-03-16"),
                            "clients/a/s2.md": Sample.note("session", "date: 2026-03-16\nnext: 2026-04-20")],
                    today: "2026-04-10", expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.caseFiles.flatMap { client, entry -> [Finding] in
            guard entry.file.status == .active, let cadence = context.cadence(of: client) else { return [] }
            let notes = context.notes(of: client)
            let held = notes.filter(\.isHeldSession).compactMap { note in note.date.map { (note, $0.date) } }
            var findings: [Finding] = []
            for (previous, next) in zip(held, held.dropFirst())
            where CadenceLapse.exceeds(days: previous.1.days(to: next.1), cadence: cadence) {
                findings.append(Finding(path: next.0.path, line: next.0.line(ofKey: "date"), message: Message(
                    "\(previous.1.days(to: next.1)) days since the previous session, for a cadence of one session \(cadence.spelled.en)",
                    fr: "\(previous.1.days(to: next.1)) jours depuis la séance précédente, pour une séance prévue \(cadence.spelled.fr)")))
            }
            // The agenda's « Cadence dépassée » is this same lapse.
            if let lapse = CadenceLapse.current(notes: notes.filter { $0.date != nil }, cadence: cadence, today: context.today),
               let last = held.last {
                findings.append(Finding(path: last.0.path, line: last.0.line(ofKey: "date"), message: Message(
                    "\(lapse.days) days since the last session and no appointment planned, for a cadence of one session \(cadence.spelled.en)",
                    fr: "\(lapse.days) jours depuis la dernière séance et aucun rendez-vous prévu, pour une séance prévue \(cadence.spelled.fr)")))
            }
            return findings
        }
    }
}
