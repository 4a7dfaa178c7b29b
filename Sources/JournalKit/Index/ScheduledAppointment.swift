import Foundation

/// A date fixed in a note's `next` that still stands: the agenda lists the coming ones, the
/// calendar export has an event for each.
struct ScheduledAppointment: Sendable, Hashable {
    /// The client id; "" for the coach's own supervision.
    var client: String
    var date: DateValue
    /// The note that fixed it: with the client, what identifies the appointment.
    var path: String
    /// A session note on that day says it was cancelled (or the client did not come).
    var cancelled: Bool

    /// The appointments that still stand, by date then path. A `next` is replaced when a later
    /// note of the same client, dated before that day, exists: it either rescheduled the
    /// appointment or recorded what happened instead. A note on the day itself is the meeting.
    /// A planned session note (`status: planned`) stands for its own day.
    static func current(in book: CaseBook) -> [ScheduledAppointment] {
        let zone = book.config.timezone
        var result: [ScheduledAppointment] = []
        for (group, notes) in book.dated {
            for (index, note) in notes.enumerated() {
                guard let next = note.next else { continue }
                let replaced = notes[(index + 1)...].contains { later in
                    guard let day = later.date?.date else { return false }
                    return day < next.date
                }
                if replaced { continue }
                let cancelled = notes.contains { other in
                    other.type == .session && other.date?.date == next.date
                        && (other.status == .cancelled || other.status == .noShow)
                }
                result.append(ScheduledAppointment(client: group, date: next, path: note.path, cancelled: cancelled))
            }
            // A planned session is an appointment of its own, unless a `next` already fixed that day.
            for note in notes where note.isPlannedSession {
                guard let date = note.date,
                      !result.contains(where: { $0.client == group && $0.date.date == date.date }) else { continue }
                result.append(ScheduledAppointment(client: group, date: date, path: note.path, cancelled: false))
            }
        }
        // Each instant once: inside the comparison, the zone's rules were read n log n times.
        let instants = result.map { $0.date.instant(in: zone) }
        return result.indices.sorted { (instants[$0], result[$0].path) < (instants[$1], result[$1].path) }
            .map { result[$0] }
    }
}
