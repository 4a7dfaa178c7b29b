/// A client with no appointment to come: the agenda's `no next appointment` and `show`'s one
/// definition.
public struct Unscheduled: Sendable, Hashable {
    public var client: String
    /// The last meeting, or the last appointment that passed, whichever is later; nil when
    /// the client has no dated note yet.
    public var since: LocalDate?
    public var days: Int?
    /// The appointment that passed with no note written for it since.
    public var passedAppointment: DateValue?
    /// The latest meeting said `next: none`.
    public var decidedNone: Bool
    /// The passed appointment has its note, still marked planned.
    public var passedPlanned = false

    /// Whether `client` (an active case, or a prospect whose chemistry call said `proceed`)
    /// has no appointment standing from `today` on; `standing` holds the journal's appointments
    /// still standing (`ScheduledAppointment.current`), `notes` the client's dated notes in order.
    static func current(_ client: String, file: CaseFile, notes: [Note], standing: [ScheduledAppointment],
                        today: LocalDate) -> Unscheduled? {
        let meetings = notes.filter { note in
            note.isHeldSession || note.type == .threeWay || (note.type == .chemistry && note.decision == .proceed)
        }
        let proceeding = file.status == .prospect && notes.contains { $0.type == .chemistry && $0.decision == .proceed }
        guard file.status == .active || proceeding else { return nil }
        guard !standing.contains(where: { $0.client == client && $0.date.date >= today && !$0.cancelled }) else { return nil }
        let passed = standing.last { $0.client == client && $0.date.date < today }
        let lastMeeting = meetings.last?.date?.date
        let since = [lastMeeting, passed?.date.date].compactMap { $0 }.max()
        let passedAppointment = passed.flatMap { appointment in
            (lastMeeting.map { $0 < appointment.date.date } ?? true) ? appointment.date : nil
        }
        return Unscheduled(
            client: client, since: since, days: since.map { $0.days(to: today) },
            passedAppointment: passedAppointment,
            decidedNone: meetings.last?.nextIsNone ?? false,
            passedPlanned: passedAppointment.map { day in
                notes.contains { $0.isPlannedSession && $0.date?.date == day.date }
            } ?? false)
    }
}
