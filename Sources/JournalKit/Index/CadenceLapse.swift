/// When a client's sessions have drifted past their cadence: one definition, read by the agenda's
/// « Cadence dépassée » and by the `cadence-gap` lint rule, so that the two never disagree.
struct CadenceLapse: Sendable, Hashable {
    var lastSession: LocalDate
    var days: Int

    /// Half again the cadence: a session a few days late is ordinary; beyond that the work drifts.
    static func exceeds(days: Int, cadence: Cadence) -> Bool {
        Double(days) > Double(cadence.days) * 1.5
    }

    /// Still open today: the last held session is more than 1.5 × the cadence ago, and nothing is
    /// planned (no note's `next` on or after today, no planned session from today on).
    /// `notes`: the client's dated notes, in date order.
    static func current(notes: [Note], cadence: Cadence, today: LocalDate) -> CadenceLapse? {
        guard let last = notes.last(where: \.isHeldSession)?.date?.date else { return nil }
        let days = last.days(to: today)
        guard exceeds(days: days, cadence: cadence) else { return nil }
        let planned = notes.contains { note in
            (note.next.map { $0.date >= today } ?? false)
                || (note.isPlannedSession && (note.date.map { $0.date >= today } ?? false))
        }
        return planned ? nil : CadenceLapse(lastSession: last, days: days)
    }
}
