import Foundation

/// One screen of what needs the coach's attention on a given day, most urgent first:
/// the coming appointments, the commitments past due, the miss streaks, the clients with no
/// next appointment, and those past their cadence.
public struct Agenda: Sendable {
    public struct Meeting: Sendable, Hashable {
        public var client: String
        public var date: DateValue
        public var path: String
        public var cancelled: Bool
        /// 0 today, 1 tomorrow…
        public var inDays: Int
    }

    public struct Overdue: Sendable, Hashable {
        public var client: String
        public var id: String
        public var text: String
        public var owner: Party
        public var status: ItemStatus
        public var due: LocalDate
        public var daysLate: Int
        public var isPrivate: Bool
        var path: String
        var line: Int
    }

    public struct CadenceLag: Sendable, Hashable {
        public var client: String
        public var lastSession: LocalDate
        public var days: Int
        public var cadence: Cadence
    }

    public struct Streak: Sendable, Hashable {
        public var client: String
        public var reviews: Int
    }

    public var today: LocalDate
    public var days: Int
    public var appointments: [Meeting] = []
    public var overdue: [Overdue] = []
    public var streaks: [Streak] = []
    public var unscheduled: [Unscheduled] = []
    public var pastCadence: [CadenceLag] = []

    public var isEmpty: Bool {
        appointments.isEmpty && overdue.isEmpty && streaks.isEmpty && unscheduled.isEmpty && pastCadence.isEmpty
    }

    /// The one client the agenda is narrowed to (`agenda --client`), if any.
    public var client: String?

    /// `days`: appointments from today to today + `days` are listed. `client`: only that
    /// client's items (the coach's own commitments to that client included).
    public init(book: CaseBook, today: LocalDate, days: Int, client: String? = nil) {
        self.today = today
        self.days = days
        self.client = client
        let standing = ScheduledAppointment.current(in: book).filter { client == nil || $0.client == client }
        let horizon = today.adding(days: days)
        appointments = standing.filter { $0.date.date >= today && $0.date.date <= horizon }.map {
            Meeting(client: $0.client, date: $0.date, path: $0.path, cancelled: $0.cancelled,
                    inDays: today.days(to: $0.date.date))
        }
        // Commitments: the coach's own promises always; the client's and the sponsor's while
        // the case is neither paused nor closed.
        // One that waits for another commitment still open is not late: the blocker is.
        for item in book.commitments where client == nil || item.client == client {
            guard item.isLate(on: today), let due = item.due else { continue }
            let client = item.client ?? ""
            let status = book.caseFiles[client]?.status
            if item.owner != .coach, status == .closed || status == .paused { continue }
            overdue.append(Overdue(client: client, id: item.id, text: item.text, owner: item.owner,
                                   status: item.status, due: due, daysLate: due.days(to: today),
                                   isPrivate: item.isPrivate, path: item.path, line: item.line))
        }
        overdue.sort { ($1.daysLate, $0.client, $0.path, $0.line) < ($0.daysLate, $1.client, $1.path, $1.line) }
        for client in book.clientIDs where self.client == nil || client == self.client {
            guard let file = book.caseFiles[client] else { continue }
            let notes = book.dated[client] ?? []
            if file.status != .closed, let resolved = book.resolved(client),
               resolved.missStreak >= book.config.missStreakThreshold {
                streaks.append(Streak(client: client, reviews: resolved.missStreak))
            }
            if let lack = Unscheduled.current(client, file: file, notes: notes, standing: standing, today: today) {
                unscheduled.append(lack)
            }
            if file.status == .active, let cadence = book.cadence(of: client),
               let lapse = CadenceLapse.current(notes: notes, cadence: cadence, today: today) {
                pastCadence.append(CadenceLag(client: client, lastSession: lapse.lastSession, days: lapse.days,
                                              cadence: cadence))
            }
        }
        streaks.sort { ($1.reviews, $0.client) < ($0.reviews, $1.client) }
        unscheduled.sort { ($1.days ?? Int.max, $0.client) < ($0.days ?? Int.max, $1.client) }
        pastCadence.sort { ($1.days - $1.cadence.days, $0.client) < ($0.days - $0.cadence.days, $1.client) }
    }

    // MARK: Text

    /// For a terminal: a title, then one block per non-empty section, columns aligned.
    public func text(language: JournalConfig.Language, colour: Bool) -> String {
        var out: [String] = []
        var title = Message("Agenda for \(today): appointments until \(today.adding(days: days))",
                        fr: "Agenda du \(today) : rendez-vous jusqu'au \(today.adding(days: days))").in(language)
        if let client { title += Message(" (\(client) only)", fr: " (\(client) seulement)").in(language) }
        out.append(TextColumns.styled(title, "1", colour))
        func section(_ heading: String, _ table: TextColumns) {
            out.append("")
            out.append(TextColumns.styled(heading, "1", colour))
            out += table.lines(colour: colour)
        }
        if !appointments.isEmpty {
            var table = TextColumns()
            for meeting in appointments {
                let when: String
                switch meeting.inDays {
                case 0: when = Message("today", fr: "aujourd'hui").in(language)
                case 1: when = Message("tomorrow", fr: "demain").in(language)
                default: when = Message("in \(meeting.inDays) days", fr: "dans \(meeting.inDays) jours").in(language)
                }
                let time = meeting.date.time.map { LocalDate.pad($0.hour, 2) + ":" + LocalDate.pad($0.minute, 2) } ?? ""
                var who = meeting.client.isEmpty ? "supervision" : meeting.client
                if meeting.cancelled { who += Message("  (cancelled)", fr: "  (annulé)").in(language) }
                table.add([.init(meeting.date.date.description), .init(time), .init(when, style: meeting.inDays == 0 ? "1;32" : nil),
                           .init(who)])
            }
            section(Message("Appointments", fr: "Rendez-vous").in(language), table)
        }
        if !overdue.isEmpty {
            var table = TextColumns()
            for item in overdue {
                let late = Message("\(item.daysLate) d late", fr: "\(item.daysLate) j de retard").in(language)
                let owner = Party.ownerLabel(item.owner, language)
                var text = item.text.shortened(to: 70)
                if item.isPrivate { text += Message(" (private)", fr: " (privé)").in(language) }
                table.add([.init(late, style: "31"), .init(item.client.isEmpty ? "—" : item.client),
                           .init(owner, style: item.owner == .coach ? "1" : nil),
                           .init(item.id), .init(text)])
            }
            section(Message("Overdue commitments", fr: "Engagements en retard").in(language), table)
        }
        if !streaks.isEmpty {
            var table = TextColumns()
            for streak in streaks {
                table.add([.init(streak.client),
                           .init(Message("commitments missed at \(streak.reviews) reviews in a row",
                                     fr: "engagements manqués à \(streak.reviews) revues d'affilée").in(language), style: "33")])
            }
            section(Message("Miss streaks", fr: "Séries d'engagements manqués").in(language), table)
        }
        if !unscheduled.isEmpty {
            var table = TextColumns()
            for item in unscheduled {
                var what: String
                if let days = item.days {
                    what = Message("for \(days) d", fr: "depuis \(days) j").in(language)
                } else {
                    what = Message("no meeting noted yet", fr: "aucune rencontre notée").in(language)
                }
                var detail = ""
                if let passed = item.passedAppointment, item.passedPlanned {
                    detail = Message("the session planned on \(passed.shown) is not marked held yet",
                                 fr: "la séance prévue le \(passed.shown) n'est pas encore marquée tenue").in(language)
                } else if let passed = item.passedAppointment {
                    detail = Message("the appointment of \(passed.shown) passed with no note", fr: "le rendez-vous du \(passed.shown) est passé sans note").in(language)
                } else if item.decidedNone {
                    detail = Message("`next: none` at the last meeting", fr: "`next: none` à la dernière rencontre").in(language)
                } else if let since = item.since {
                    detail = Message("last meeting on \(since)", fr: "dernière rencontre le \(since)").in(language)
                }
                table.add([.init(item.client), .init(what, style: "33"), .init(detail)])
            }
            section(Message("No next appointment", fr: "Sans prochain rendez-vous").in(language), table)
        }
        if !pastCadence.isEmpty {
            var table = TextColumns()
            for item in pastCadence {
                table.add([.init(item.client),
                           .init(Message("\(item.days) d since the last session", fr: "\(item.days) j depuis la dernière séance").in(language), style: "33"),
                           .init(Message("one session \(item.cadence.spelled.en) (\(item.cadence.days) d), last session on \(item.lastSession)",
                                     fr: "une séance \(item.cadence.spelled.fr) (\(item.cadence.days) j), dernière séance le \(item.lastSession)").in(language))])
            }
            section(Message("Past their cadence", fr: "Cadence dépassée").in(language), table)
        }
        if isEmpty {
            out.append("")
            out.append(Message("Nothing needs your attention.", fr: "Rien ne demande votre attention.").in(language))
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// `{today, days, appointments, overdue, miss_streaks, no_next, past_cadence}`, in the
    /// agenda's order.
    public func json() -> String {
        // `client` only when narrowed: the whole agenda's document stays as it was.
        let narrowed: [(String, JSONValue)] = client.map { [("client", .string($0))] } ?? []
        return JSONValue.object([
            ("today", .string(today.description)),
            ("days", .int(days)),
        ] + narrowed + [
            ("appointments", .array(appointments.map { meeting in
                .object([("client", .string(meeting.client.isEmpty ? nil : meeting.client)),
                         ("date", .string(meeting.date.description)), ("in_days", .int(meeting.inDays)),
                         ("cancelled", .bool(meeting.cancelled)), ("path", .string(meeting.path))])
            })),
            ("overdue", .array(overdue.map { item in
                .object([("client", .string(item.client.isEmpty ? nil : item.client)), ("id", .string(item.id)),
                         ("text", .string(item.text)), ("owner", IndexJSON.word(item.owner)), ("status", IndexJSON.word(item.status)),
                         ("due", IndexJSON.date(item.due)), ("days_late", .int(item.daysLate)),
                         ("private", .bool(item.isPrivate)), ("path", .string(item.path)), ("line", .int(item.line))])
            })),
            ("miss_streaks", .array(streaks.map { .object([("client", .string($0.client)), ("reviews", .int($0.reviews))]) })),
            ("no_next", .array(unscheduled.map { item in
                .object([("client", .string(item.client)), ("since", .string(item.since?.description)),
                         ("days", .int(item.days)), ("passed_appointment", .string(item.passedAppointment?.description)),
                         ("next_none", .bool(item.decidedNone)), ("passed_planned", .bool(item.passedPlanned))])
            })),
            ("past_cadence", .array(pastCadence.map { item in
                .object([("client", .string(item.client)), ("last_session", .string(item.lastSession.description)),
                         ("days", .int(item.days)), ("cadence", .string(item.cadence.description)),
                         ("cadence_days", .int(item.cadence.days))])
            })),
        ]).rendered() + "\n"
    }
}
