import Foundation

/// The calendar export (`agenda --ics`): an RFC 5545 calendar with an event for each standing
/// appointment and a to-do for each open commitment of the coach's with a due date, outside
/// private sections.
///
/// Calendars are often synced to a cloud provider, so by default an event names the client by
/// initials only and nothing from the notes is carried; `names` puts the client's name, and
/// the text of the coach's commitments, in. A commitment from a private section is not in the
/// calendar at all, not even as a to-do without its text: its existence and its due date are
/// the coach's alone. Two exports of the same
/// journal on the same day are the same bytes: UIDs are HMAC-SHA256 of the client id and the
/// note that fixed the date under the journal's secret (`journal.key`), so that nobody without
/// it can recompute them from a guessed client id, and DTSTAMP is the day of the export,
/// midnight UTC.
public struct ICalendar: Sendable {
    public let text: String
    /// How many events and to-dos it holds.
    public let events: Int
    public let todos: Int

    public init(book: CaseBook, today: LocalDate, names: Bool, language: JournalConfig.Language, secret: JournalSecret) {
        let zone = book.config.timezone
        let stamp = Self.basic(today) + "T000000Z"
        let appointments = ScheduledAppointment.current(in: book)
        let commitments = book.commitments.filter {
            $0.owner == .coach && $0.isOpen && $0.due != nil && !$0.isPrivate
        }
        func who(_ client: String) -> String {
            names ? book.displayName(of: client) : book.initials(of: client)
        }
        var body: [String] = []
        var years: [Int] = [today.year]
        for appointment in appointments {
            years.append(appointment.date.date.year)
            let client = appointment.client
            var lines = ["BEGIN:VEVENT",
                         "UID:" + Self.uid("appointment", client, appointment.path, secret: secret),
                         "DTSTAMP:" + stamp]
            if appointment.date.time == nil {
                lines.append("DTSTART;VALUE=DATE:" + Self.basic(appointment.date.date))
                lines.append("DTEND;VALUE=DATE:" + Self.basic(appointment.date.date.adding(days: 1)))
            } else {
                let start = appointment.date.instant(in: zone)
                let end = start.addingTimeInterval(Double(book.defaultDuration(of: client)) * 60)
                if appointment.date.offsetMinutes != nil {
                    lines.append("DTSTART:" + TimeZoneRules.localStamp(start, offset: 0) + "Z")
                    lines.append("DTEND:" + TimeZoneRules.localStamp(end, offset: 0) + "Z")
                } else {
                    lines.append("DTSTART;TZID=\(zone.identifier):" + TimeZoneRules.localStamp(start, offset: zone.secondsFromGMT(for: start)))
                    lines.append("DTEND;TZID=\(zone.identifier):" + TimeZoneRules.localStamp(end, offset: zone.secondsFromGMT(for: end)))
                }
            }
            let summary = client.isEmpty ? "Supervision" : (Message("Session — ", fr: "Séance — ").in(language)) + who(client)
            lines += ["SUMMARY:" + ContentLine.escape(summary), "CLASS:PRIVATE",
                      "STATUS:" + (appointment.cancelled ? "CANCELLED" : "CONFIRMED"), "TRANSP:OPAQUE", "END:VEVENT"]
            body += lines
        }
        for item in commitments {
            guard let due = item.due else { continue }
            years.append(due.year)
            let client = item.client ?? ""
            var summary = names ? item.text : (Message("Coach's commitment", fr: "Engagement du coach").in(language))
            if !client.isEmpty { summary += " — " + who(client) }
            body += ["BEGIN:VTODO",
                     "UID:" + Self.uid("commitment", client, item.id, secret: secret),
                     "DTSTAMP:" + stamp,
                     "DUE;VALUE=DATE:" + Self.basic(due),
                     "SUMMARY:" + ContentLine.escape(summary), "CLASS:PRIVATE",
                     "STATUS:" + (item.status == .partial ? "IN-PROCESS" : "NEEDS-ACTION"),
                     "END:VTODO"]
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//journal//journal agenda//" + (Message("EN", fr: "FR").in(language)),
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:journal", "X-WR-TIMEZONE:" + zone.identifier]
        lines += TimeZoneRules(zone: zone, years: years.min()!...years.max()!).lines
        lines += body
        lines.append("END:VCALENDAR")
        text = lines.map(ContentLine.folded).joined()
        events = appointments.count
        todos = body.filter { $0 == "BEGIN:VTODO" }.count
    }

    /// `20260318`.
    static func basic(_ date: LocalDate) -> String {
        LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2)
    }

    /// A stable identifier that does not show the client id and cannot be recomputed without
    /// the journal's secret: a keyed hash of the kind, the client and what identifies the item
    /// within the client.
    static func uid(_ kind: String, _ client: String, _ key: String, secret: JournalSecret) -> String {
        secret.uid(["journal", kind, client, key])
    }
}
