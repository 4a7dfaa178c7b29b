/// The values a summary template sees. Every sentence taken from the notes goes through the
/// anonymiser (when there is one) before it gets here: a template can only print safe text,
/// and the leak gate checks that it did.
struct SummaryBuilder {
    var language: JournalConfig.Language
    var anonymiser: Anonymiser?
    /// The one path by which text from the notes leaves.
    var outgoing: OutgoingText
    var origin: LocalDate?
    var file: CaseFile
    var client: String
    var resolution: ClientResolution
    /// Dated documents of the case, oldest first.
    var documents: [Note]
    /// Each note's body, already made safe, by path.
    var bodies: [String: String]
    var casePath: String

    /// A sentence from the notes, made safe; `context` is the date of the note it comes from,
    /// `path` the note (the case file unless said).
    func safe(_ text: String, context: LocalDate? = nil, path: String? = nil) -> String {
        outgoing.inline(text, path: path ?? casePath, context: context)
    }

    var displayName: String {
        guard let anonymiser else { return file.name ?? client }
        let full = anonymiser.apply(file.name ?? client, context: nil)
        // "Sophie Durand" → "Sophie D.": enough to follow the case, no more.
        let words = full.split(separator: " ")
        guard words.count > 1, let initial = words.last?.first else { return full }
        return words.dropLast().joined(separator: " ") + " \(initial)."
    }

    var title: String { (Message("Case summary: ", fr: "Synthèse de cas : ").in(language)) + displayName }

    /// When something happened: relative to the first session when anonymised, else the date.
    func when(_ date: LocalDate?) -> String {
        guard let date else { return Message("date unknown", fr: "date inconnue").in(language) }
        guard anonymiser != nil else { return date.description }
        guard let origin else { return Message("date hidden", fr: "date masquée").in(language) }
        return Anonymiser.relative(days: date.dayNumber - origin.dayNumber, language: language)
    }

    func context() -> [String: Any] {
        let held = resolution.documents.filter { $0.type == .session && ($0.status ?? .held) == .held }
        var values: [String: Any] = [
            "title": title,
            "client": displayName,
            "anonymised": anonymiser != nil,
            "profile": profile(heldCount: held.count),
            "context": bodies[casePath] ?? "",
            // False when absent: an empty string would still print the label with nothing after it.
            "demand": file.demand.map { safe($0) as Any } ?? false,
            "need": file.need.map { safe($0) as Any } ?? false,
            "has_demand_or_need": file.demand != nil || file.need != nil,
            // Without a sponsor, the demand is the client's own.
            "has_sponsor": file.sponsor != nil,
            "objectives": objectives(),
            "timeline": timeline(),
            "outcome": outcome(),
        ]
        let (items, summary) = commitments()
        values["commitments"] = items
        values["commitments_summary"] = summary
        let missed = misses()
        values["misses"] = missed
        values["has_misses"] = !missed.isEmpty
        return values
    }

    private func profile(heldCount: Int) -> [String] {
        var lines: [String] = []
        if let role = file.role { lines.append((Message("Role: ", fr: "Fonction : ").in(language)) + safe(role)) }
        if let organisation = file.organisation {
            let shown = anonymiser?.registry.organisationPhrase ?? organisation.name
            lines.append((Message("Organisation: ", fr: "Organisation : ").in(language)) + safe(shown))
        }
        if file.sponsor != nil {
            lines.append(Message("Coaching commissioned by a third party (employer or manager)",
                             fr: "Accompagnement commandité par un tiers (employeur ou manager)").in(language))
        }
        var contract: [String] = []
        if let sessions = file.contract?.sessions {
            contract.append(Message("\(sessions) sessions planned", fr: "\(sessions) séances prévues").in(language))
        }
        if let cadence = file.contract?.cadence {
            contract.append(Message("one every \(Self.spell(cadence).en)", fr: "une tous les \(Self.spell(cadence).fr)").in(language))
        }
        // Without a contract, the count alone: "Contrat : 2 tenues" would speak of one.
        guard !contract.isEmpty else {
            lines.append(Message("Sessions held so far: \(heldCount)", fr: "Séances tenues à ce jour : \(heldCount)").in(language))
            return lines
        }
        contract.append(Message("\(heldCount) held so far", fr: "\(heldCount) tenue\(heldCount > 1 ? "s" : "") à ce jour").in(language))
        lines.append((Message("Contract: ", fr: "Contrat : ").in(language)) + contract.joined(separator: ", "))
        return lines
    }

    static func spell(_ cadence: Cadence) -> Message {
        let units: [Cadence.Unit: (String, String, String, String)] = [
            .day: ("jour", "jours", "day", "days"), .week: ("semaine", "semaines", "week", "weeks"),
            .month: ("mois", "mois", "month", "months"), .year: ("an", "ans", "year", "years"),
        ]
        let (frOne, frMany, enOne, enMany) = units[cadence.unit]!
        if cadence.count == 1 { return Message(enOne, fr: frOne) }
        return Message("\(cadence.count) " + enMany, fr: "\(cadence.count) " + frMany)
    }

    private static let symbols: [ItemStatus: String] = [.open: "☐", .done: "☑", .partial: "◐", .dropped: "☒", .carried: "↷"]

    /// A commitment is kept (an objective is reached: `ItemStatus.objectiveLabel`, as reports say it).
    func commitmentLabel(_ status: ItemStatus) -> String {
        let labels: [ItemStatus: Message] = [
            .open: Message("open", fr: "en cours"), .done: Message("kept", fr: "tenu"),
            .partial: Message("partly", fr: "en partie"), .dropped: Message("dropped", fr: "abandonné"),
            .carried: Message("carried forward", fr: "reporté"),
        ]
        return labels[status]!.in(language)
    }

    /// Where an item was written: the case file, or which session.
    private func source(of path: String) -> String {
        if path == casePath { return Message("initial case file", fr: "dossier initial").in(language) }
        guard let document = resolution.documents.first(where: { $0.path == path }) else { return "" }
        return documentName(document)
    }

    private func documentName(_ document: ResolvedDocument) -> String {
        switch document.type {
        case .chemistry: return Message("chemistry call", fr: "entretien préalable").in(language)
        case .threeWay: return Message("three-way meeting", fr: "réunion tripartite").in(language)
        case .client, .session, .supervision:
            if let number = document.number { return Message("session \(number)", fr: "séance \(number)").in(language) }
            return Message("session", fr: "séance").in(language)
        }
    }

    private func objectives() -> [[String: Any]] {
        resolution.objectives.filter { !$0.isPrivate }.map { objective in
            let note = documents.first { $0.path == objective.path }
            var item: [String: Any] = [
                "symbol": Self.symbols[objective.shownStatus] ?? "☐",
                "text": safe(objective.text, context: note?.date?.date, path: objective.path),
                "status": ItemStatus.objectiveLabel(objective.shownStatus, language: language),
                "origin": source(of: objective.path),
            ]
            if let validated = objective.validated {
                item["validated"] = when(validated)
            }
            return item
        }
    }

    private func timeline() -> [[String: Any]] {
        documents.map { note in
            let resolved = resolution.documents.first { $0.path == note.path }
            let date = note.date?.date
            var heading: String
            switch note.type {
            case .chemistry: heading = Message("Chemistry call", fr: "Entretien préalable").in(language)
            case .threeWay: heading = Message("Three-way meeting", fr: "Réunion tripartite").in(language)
            default:
                switch note.status ?? .held {
                case .held:
                    heading = resolved?.number.map { Message("Session \($0)", fr: "Séance \($0)").in(language) } ?? (Message("Session", fr: "Séance").in(language))
                case .cancelled:
                    let by = note.cancelledBy.map { party -> String in
                        let names: [Party: (String, String)] = [.client: ("le client", "the client"), .coach: ("le coach", "the coach"),
                                                                .sponsor: ("le commanditaire", "the sponsor")]
                        return Message(" by \(names[party]!.1)", fr: " par \(names[party]!.0)").in(language)
                    } ?? ""
                    heading = (Message("Session cancelled", fr: "Séance annulée").in(language)) + by
                case .noShow:
                    heading = Message("Client did not come", fr: "Absence du client").in(language)
                case .planned:
                    // Not held yet: what it prepares is no part of what happened.
                    heading = resolved?.number.map { Message("Session \($0) (planned)", fr: "Séance \($0) (prévue)").in(language) }
                        ?? (Message("Planned session", fr: "Séance prévue").in(language))
                }
            }
            heading += " — " + when(date)
            var facts: [String] = []
            if let mode = note.mode {
                let modes: [Mode: Message] = [.visio: Message("video", fr: "visio"), .phone: Message("phone", fr: "téléphone"),
                                              .inPerson: Message("in person", fr: "en présentiel")]
                facts.append(modes[mode]!.in(language))
            }
            if let minutes = note.durationMinutes { facts.append(Self.spell(minutes: minutes)) }
            if note.type == .chemistry {
                let words: [String: String] = ["yes": "oui", "no": "non", "unknown": "inconnu", "proceed": "commencer",
                                               "decline": "ne pas commencer", "pending": "en attente"]
                if let briefed = note.clientBriefed?.rawValue {
                    facts.append(Message("client briefed by the sponsor: " + briefed,
                                         fr: "client informé par le commanditaire : " + (words[briefed] ?? briefed)).in(language))
                }
                if let decision = note.decision?.rawValue {
                    facts.append(Message("decision: " + decision, fr: "décision : " + (words[decision] ?? decision)).in(language))
                }
            }
            if note.nextIsNone {
                facts.append(Message("no next date fixed", fr: "aucune date suivante fixée").in(language))
            }
            return [
                "heading": heading,
                // False when there is none: the template's `*{{facts}}*` would print a stray `**`.
                "facts": facts.isEmpty ? false : facts.joined(separator: " · ") as Any,
                "body": bodies[note.path] ?? "",
            ]
        }
    }

    static func spell(minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(LocalDate.pad(minutes % 60, 2))"
    }

    private func reasonLabel(_ reason: MissReason, context: LocalDate?, path: String) -> String {
        let label: Message
        switch reason {
        case .busy: label = Message("too busy", fr: "manque de temps")
        case .hard: label = Message("too hard", fr: "trop difficile")
        case .stuck: label = Message("stuck", fr: "bloqué")
        case .notUseful: label = Message("not useful", fr: "jugé inutile")
        case .other(let words): return safe(words, context: context, path: path)
        }
        return label.in(language)
    }

    /// The commitments and the line that sums them up: done rate on the client's own
    /// commitments that have come up for review, and the longest miss streak.
    /// A summary lists at most this many commitments, and as many misses: the latest ones. Past
    /// that a supervisor reads figures, not lists, and every line listed costs an anonymiser
    /// pass (a case with 200,000 commitments would take minutes). The figures count them all.
    static let maximumListed = 500

    private func commitments() -> ([[String: Any]], String) {
        let shown = resolution.commitments.filter { !$0.isPrivate }
        let items: [[String: Any]] = shown.suffix(Self.maximumListed).map { commitment in
            var item: [String: Any] = [
                "symbol": Self.symbols[commitment.status] ?? "☐",
                "text": safe(commitment.text, context: commitment.made, path: commitment.path),
                "status": commitmentLabel(commitment.status),
                "made": source(of: commitment.path),
            ]
            if let odds = commitment.odds { item["odds"] = odds.text }
            if commitment.owner != .client {
                item["owner"] = commitment.owner == .coach ? (Message("the coach's commitment", fr: "engagement du coach").in(language))
                                                            : (Message("the sponsor's commitment", fr: "engagement du commanditaire").in(language))
            }
            return item
        }
        let own = shown.filter { $0.owner == .client }
        // As `journal commitments` counts, on the day of the case's latest note.
        let latest = documents.last?.date?.date
        let (done, counted) = ResolvedCommitment.doneRate(of: shown, today: latest)
        let missCount = own.reduce(0) { $0 + $1.history.filter(\.isMiss).count }
        let longest = resolution.client?.longestMissStreak ?? 0
        var summary: String
        if counted == 0 {
            summary = Message("None of the client's commitments has been reviewed yet.", fr: "Aucun engagement du client n'a encore été revu.").in(language)
        } else {
            let percent = Int((Double(done) / Double(counted) * 100).rounded())
            summary = Message("Client commitments due or reviewed: \(done) kept out of \(counted) (\(percent)%), \(missCount) missed across reviews. Longest run of reviews with a miss: \(longest).",
                          fr: "Engagements du client arrivés à échéance ou revus : \(done) tenu\(done > 1 ? "s" : "") sur \(counted) (\(percent) %), \(missCount) manqué\(missCount > 1 ? "s" : "") au fil des revues. Plus longue série de revues avec un manqué : \(longest).").in(language)
        }
        if shown.count > Self.maximumListed {
            let left = shown.count - Self.maximumListed
            // The summary leaves the coach's hands: it names no client, not even in a command.
            summary += Message(" Only the latest \(Self.maximumListed) are listed below; the \(left) older ones are not.",
                               fr: " Seuls les \(Self.maximumListed) plus récents sont listés ci-dessous ; les \(left) plus anciens ne le sont pas.").in(language)
        }
        if missCount > Self.maximumListed {
            summary += Message(" Of the misses, only the latest \(Self.maximumListed) are listed.",
                           fr: " Des manqués, seuls les \(Self.maximumListed) plus récents sont listés.").in(language)
        }
        return (items, summary)
    }

    private func misses() -> [[String: Any]] {
        let missed = resolution.commitments.filter { !$0.isPrivate && $0.owner == .client }.flatMap { commitment in
            commitment.history.filter(\.isMiss).map { (commitment, $0) }
        }
        return missed.suffix(Self.maximumListed).map { commitment, statement -> [String: Any] in
            return [
                "text": safe(commitment.text, context: commitment.made, path: commitment.path),
                "when": source(of: statement.path),
                "reason": statement.reason.map { reasonLabel($0, context: statement.date, path: statement.path) } ?? (Message("no reason noted", fr: "raison non notée").in(language)),
            ]
        }
    }

    private func outcome() -> String {
        var parts: [String] = []
        let statuses: [ClientStatus: Message] = [
            .prospect: Message("Coaching not started yet.", fr: "Accompagnement pas encore engagé."),
            .active: Message("Coaching under way.", fr: "Accompagnement en cours."),
            .paused: Message("Coaching paused.", fr: "Accompagnement en pause."),
            .closed: Message("Coaching completed.", fr: "Accompagnement terminé."),
        ]
        // Said as the sponsor report says it: an active case whose chemistry call declined, with
        // no session held, has not started; held sessions then declined, it has ended.
        let phase = CasePhase.of(file, notes: documents)
        if file.status == .active || file.status == .paused, phase != .underWay {
            parts.append(phase == .ended ? (Message("Coaching completed.", fr: "Accompagnement terminé.").in(language))
                                         : (Message("Coaching not started yet.", fr: "Accompagnement pas encore engagé.").in(language)))
        } else if let status = file.status, let label = statuses[status] {
            parts.append(label.in(language))
        }
        if let outcome = file.outcome { parts.append(safe(outcome, context: file.closed)) }
        if parts.isEmpty { parts.append(Message("No outcome recorded in the case file.", fr: "Aucune issue notée dans le dossier.").in(language)) }
        return parts.joined(separator: " ")
    }
}
