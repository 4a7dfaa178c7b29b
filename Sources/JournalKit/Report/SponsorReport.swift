import Foundation

/// The sponsor report (docs/privacy.md, "`journal report CLIENT`"): built from an allow-list. This value
/// holds only what the client's `disclosure` permits, computed here from the case file's
/// fields and the sessions' dates and statuses; nothing else exists in it for a template to
/// show: no session content, no commitment, odds, reason or need, nothing private.
public struct SponsorReport: Sendable, Hashable {
    public struct Attendance: Sendable, Hashable {
        public var held = 0
        public var cancelledByClient = 0
        public var cancelledByCoach = 0
        public var cancelledBySponsor = 0
        /// Cancelled without `cancelled_by`.
        public var cancelledOther = 0
        public var noShows = 0
        public var planned: Int?
    }

    public struct Dates: Sendable, Hashable {
        public var held: [LocalDate] = []
        public var next: DateValue?
    }

    public struct Objective: Sendable, Hashable {
        public var number: Int
        /// With `objectives`.
        public var text: String?
        /// With `progress`.
        public var status: ItemStatus?
    }

    // Always shown: where the coaching stands, its start, the planned number of sessions.
    public var client: String
    /// The client's id (its folder), for the last check.
    public var clientID: String
    public var coach: String?
    public var sponsor: String?
    public var sponsorOrganisation: String?
    public var start: LocalDate?
    public var plannedSessions: Int?
    public var phase: CasePhase
    /// The case file's `closed` date, once the coaching has ended.
    public var endedOn: LocalDate?
    public var today: LocalDate
    /// What the case file's `disclosure` allows, in the order of `Disclosure`'s cases (as the report shows them).
    public var disclosed: [Disclosure]
    public var attendance: Attendance?
    public var dates: Dates?
    public var objectives: [Objective]?
    public var themes: [String]?

    public enum Failure: UserFacingError, Sendable {
        case noSponsor(String)

        public var message: Message {
            switch self {
            case .noSponsor(let id):
                return Message("the case file of `\(id)` names no sponsor (`sponsor:` in clients/\(id)/client.md): there is no one to send a sponsor report to",
                                        fr: "le dossier de `\(id)` ne nomme pas de commanditaire (`sponsor:` dans clients/\(id)/client.md) : il n'y a personne à qui adresser un rapport")
            }
        }
    }

    public init(book: CaseBook, client typed: String, today: LocalDate) throws {
        let id = ClientID.normalized(typed)
        guard let file = book.caseFiles[id] else {
            throw UnknownClient(id, needed: .sponsorCaseFile, nearest: Suggestion.nearest(to: id, among: book.caseFiles.keys))
        }
        // A client who pays for their own coaching has no sponsor to report to.
        guard file.sponsor != nil else { throw Failure.noSponsor(id) }
        client = file.name ?? id
        clientID = id
        coach = book.config.coach
        sponsor = file.sponsor?.name
        sponsorOrganisation = file.sponsor?.organisation ?? (file.sponsor != nil ? file.organisation?.name : nil)
        let sessions = (book.dated[id] ?? []).filter { $0.type == .session }
        phase = CasePhase.of(file, notes: book.dated[id] ?? [])
        // A coaching that has not started has no start to tell, nor sessions it plans.
        start = phase == .notStarted ? nil : file.contract?.start
        plannedSessions = phase == .notStarted ? nil : file.contract?.sessions
        endedOn = phase == .ended ? file.closed : nil
        self.today = today
        let allowed = Set(file.disclosure)
        disclosed = Disclosure.allCases.filter(allowed.contains)
        if allowed.contains(.attendance) {
            var counts = Attendance(planned: plannedSessions)
            for session in sessions {
                switch session.status ?? .held {
                case .held: counts.held += 1
                case .noShow: counts.noShows += 1
                // Not held yet: a sponsor is told about sessions that took place.
                case .planned: break
                case .cancelled:
                    switch session.cancelledBy {
                    case .client: counts.cancelledByClient += 1
                    case .coach: counts.cancelledByCoach += 1
                    case .sponsor: counts.cancelledBySponsor += 1
                    case nil: counts.cancelledOther += 1
                    }
                }
            }
            attendance = counts
        }
        if allowed.contains(.dates) {
            let next = ScheduledAppointment.current(in: book).first { $0.client == id && $0.date.date >= today && !$0.cancelled }
            dates = Dates(held: sessions.filter(\.isHeldSession).compactMap { $0.date?.date }, next: next?.date)
        }
        if allowed.contains(.objectives) || allowed.contains(.progress) {
            // The case file's own objectives: top-level items only, never a sub-bullet (the
            // coach's note under an objective is not for the sponsor).
            let caseNote = book.caseNote(of: id)
            let items = (caseNote?.items ?? []).filter { $0.kind == .objective && !$0.isPrivate && !$0.isNested }
            let resolved = book.resolutions[id]?.objectives ?? []
            objectives = items.enumerated().map { index, item in
                // Progress is the objective's history (later notes that name it by its id), as
                // far as it was written in the open: a private line stays the coach's.
                let status = resolved.first { $0.path == caseNote?.path && $0.line == item.line }?.shownStatus
                    ?? item.status
                return Objective(number: index + 1,
                                 text: allowed.contains(.objectives) ? item.text : nil,
                                 status: allowed.contains(.progress) ? status : nil)
            }
        }
        if allowed.contains(.themes) {
            themes = (book.caseNote(of: id)?.items ?? []).filter { $0.kind == .theme && !$0.isPrivate && !$0.isNested }.map(\.text)
        }
    }

    // MARK: Rendering

    /// Markdown from the `report.md` template (the journal's own `templates/report.md` wins).
    public func markdown(language: JournalConfig.Language, journal: Journal) throws -> String {
        // What a case file holds may be printed on a terminal: no escape sequence goes out raw.
        try Templates(journalRoot: journal.root, language: language).render("report.md", context(language))
            .escapingControlsKeepingLines
    }

    /// A standalone HTML page of the same report.
    public func html(language: JournalConfig.Language, journal: Journal) throws -> String {
        let title = (Message("Sponsor report: ", fr: "Rapport au commanditaire : ").in(language)) + client.escapingControls
        return HTMLPage.render(markdown: try markdown(language: language, journal: journal), title: title,
                               language: language)
    }

    /// What the template sees: built from this value's fields only.
    func context(_ language: JournalConfig.Language) -> [String: Any] {
        var context: [String: Any] = [
            "client": client,
            "today": today.description,
            // `closed` is kept for templates written before `phase`: true whenever the coaching
            // is not under way, so that such a template never says it is.
            "closed": phase != .underWay,
            "phase": phase.rawValue,
            "under_way": phase == .underWay,
            "not_started": phase == .notStarted,
            "ended": phase == .ended,
            "closing": closing(language),
        ]
        if let coach { context["coach"] = coach }
        if let sponsor { context["sponsor"] = sponsor }
        if let sponsorOrganisation { context["sponsor_organisation"] = sponsorOrganisation }
        if let start { context["start"] = start.description }
        if let endedOn { context["ended_on"] = endedOn.description }
        if let plannedSessions { context["planned_sessions"] = String(plannedSessions) }
        if let attendance {
            var cancelled: [[String: Any]] = []
            let parties: [(Int, Message)] = [
                (attendance.cancelledByClient, Message("by the client", fr: "par le client")),
                (attendance.cancelledByCoach, Message("by the coach", fr: "par le coach")),
                (attendance.cancelledBySponsor, Message("by the sponsor", fr: "par le commanditaire")),
                (attendance.cancelledOther, Message("unspecified", fr: "sans précision")),
            ]
            for (count, by) in parties where count > 0 {
                cancelled.append(["count": String(count), "by": by.in(language)])
            }
            var values: [String: Any] = ["held": String(attendance.held), "no_shows": String(attendance.noShows),
                                         "cancelled": cancelled, "has_cancelled": !cancelled.isEmpty]
            if let planned = attendance.planned { values["planned"] = String(planned) }
            context["attendance"] = values
        }
        if let dates {
            var values: [String: Any] = ["held": dates.held.map(\.description), "has_held": !dates.held.isEmpty]
            if let next = dates.next { values["next"] = next.shown }
            context["dates"] = values
        }
        if let objectives {
            context["objectives"] = objectives.map { objective -> [String: Any] in
                var values: [String: Any] = ["number": String(objective.number)]
                if let text = objective.text { values["text"] = text }
                if let status = objective.status { values["status"] = ItemStatus.objectiveLabel(status, language: language) }
                return values
            }
            context["has_objectives"] = !objectives.isEmpty
        }
        if let themes {
            context["themes"] = themes
            context["has_themes"] = !themes.isEmpty
        }
        return context
    }

    /// The report's last line: what was disclosed, and that everything else is confidential.
    public func closing(_ language: JournalConfig.Language) -> String {
        let labels: [Disclosure: Message] = [
            .attendance: Message("attendance at the sessions", fr: "la présence aux séances"),
            .dates: Message("the dates of the sessions and of the next appointment", fr: "les dates des séances et du prochain rendez-vous"),
            .objectives: Message("the objectives", fr: "les objectifs"),
            .progress: Message("the progress of the objectives", fr: "l'avancement des objectifs"),
            .themes: Message("the themes of the work", fr: "les thèmes de travail"),
        ]
        guard !disclosed.isEmpty else {
            if phase == .notStarted {
                return Message("This report discloses only where the coaching stands; everything else is confidential, by agreement between the client, the sponsor and the coach.",
                           fr: "Ce rapport ne communique que l'état de l'accompagnement ; tout le reste est confidentiel, par accord entre le client, le commanditaire et le coach.").in(language)
            }
            if phase == .ended {
                return Message("This report discloses only where the coaching stands, its dates and the planned number of sessions; everything else is confidential, by agreement between the client, the sponsor and the coach.",
                           fr: "Ce rapport ne communique que l'état de l'accompagnement, ses dates et le nombre de séances prévues ; tout le reste est confidentiel, par accord entre le client, le commanditaire et le coach.").in(language)
            }
            return Message("This report discloses only that the coaching exists, its start date and the planned number of sessions; everything else is confidential, by agreement between the client, the sponsor and the coach.",
                       fr: "Ce rapport ne communique que l'existence de l'accompagnement, sa date de début et le nombre de séances prévues ; tout le reste est confidentiel, par accord entre le client, le commanditaire et le coach.").in(language)
        }
        let items = disclosed.map { labels[$0]!.in(language) }
        let list = items.count == 1 ? items[0]
            : items.dropLast().joined(separator: ", ") + (Message(" and ", fr: " et ").in(language)) + items.last!
        return Message("Disclosed in agreement with the client: \(list). Everything else, the content of the sessions above all, is confidential by agreement.",
                   fr: "Éléments communiqués en accord avec la personne accompagnée : \(list). Tout le reste, et en particulier le contenu des séances, est confidentiel par accord.").in(language)
    }
}
