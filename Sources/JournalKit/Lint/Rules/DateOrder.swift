import Foundation

/// Dates that contradict each other are usually typing slips that hide a real date.
struct DateOrder: LintRule {
    let id = Rule.dateOrder.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a `next` date before the note's own date, or a held session dated in the future",
                          fr: "une date `next` antérieure à celle de la note, ou une séance tenue datée dans le futur")
    let explanation = Message(
        "A next appointment cannot come before the meeting that fixed it, and a session cannot have been held after today: one of the dates is a slip (a month or a year typed wrong), and the agenda built on it would be wrong.",
        fr: "Un prochain rendez-vous ne peut pas précéder la rencontre qui l'a fixé, et une séance ne peut pas avoir été tenue après aujourd'hui : l'une des dates est une faute de frappe (un mois ou une année), et l'agenda qui en découle serait faux.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-04-15")],
                    expected: ["clients/a/s1.md:4"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-07-01\nnext: 2026-07-15")],
                    today: "2026-06-01", expected: ["clients/a/s1.md:3"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-07-01\nstatus: cancelled\nnext: 2026-07-15")],
                    today: "2026-06-01", expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        let zone = context.config.timezone
        var findings: [Finding] = []
        for note in context.notes {
            guard let date = note.date else { continue }
            if let next = note.next, next.instant(in: zone) < date.instant(in: zone) {
                findings.append(Finding(path: note.path, line: note.line(ofKey: "next"), message: Message(
                    "the next appointment (\(next.shown)) comes before this note's own date (\(date.shown))",
                    fr: "le prochain rendez-vous (\(next.shown)) précède la date de cette note (\(date.shown))")))
            }
            if note.isHeldSession, date.date > context.today {
                findings.append(Finding(path: note.path, line: note.line(ofKey: "date"), message: Message(
                    "a held session dated \(date.shown), after today: fix the date, or write `status: planned` if it is still to come",
                    fr: "une séance tenue datée du \(date.shown), après aujourd'hui : corrigez la date, ou écrivez `status: prévue` si elle est encore à venir")))
            }
        }
        return findings
    }
}
