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

    private var fr: Bool { language == .fr }

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

    var title: String { (fr ? "Synthèse de cas : " : "Case summary: ") + displayName }

    /// When something happened: relative to the first session when anonymised, else the date.
    func when(_ date: LocalDate?) -> String {
        guard let date else { return fr ? "date inconnue" : "date unknown" }
        guard anonymiser != nil else { return date.description }
        guard let origin else { return fr ? "date masquée" : "date hidden" }
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
        if let role = file.role { lines.append((fr ? "Fonction : " : "Role: ") + safe(role)) }
        if let organisation = file.organisation {
            let shown = anonymiser?.registry.organisationPhrase ?? organisation.name
            lines.append((fr ? "Organisation : " : "Organisation: ") + safe(shown))
        }
        if file.sponsor != nil {
            lines.append(fr ? "Accompagnement commandité par un tiers (employeur ou manager)"
                            : "Coaching commissioned by a third party (employer or manager)")
        }
        var contract: [String] = []
        if let sessions = file.contract?.sessions {
            contract.append(fr ? "\(sessions) séances prévues" : "\(sessions) sessions planned")
        }
        if let cadence = file.contract?.cadence {
            contract.append(fr ? "une tous les \(Self.spell(cadence, fr: true))" : "one every \(Self.spell(cadence, fr: false))")
        }
        // Without a contract, the count alone: "Contrat : 2 tenues" would speak of one.
        guard !contract.isEmpty else {
            lines.append(fr ? "Séances tenues à ce jour : \(heldCount)" : "Sessions held so far: \(heldCount)")
            return lines
        }
        contract.append(fr ? "\(heldCount) tenue\(heldCount > 1 ? "s" : "") à ce jour" : "\(heldCount) held so far")
        lines.append((fr ? "Contrat : " : "Contract: ") + contract.joined(separator: ", "))
        return lines
    }

    static func spell(_ cadence: Cadence, fr: Bool) -> String {
        let units: [Cadence.Unit: (String, String, String, String)] = [
            .day: ("jour", "jours", "day", "days"), .week: ("semaine", "semaines", "week", "weeks"),
            .month: ("mois", "mois", "month", "months"), .year: ("an", "ans", "year", "years"),
        ]
        let (frOne, frMany, enOne, enMany) = units[cadence.unit]!
        if cadence.count == 1 { return fr ? frOne : enOne }
        return "\(cadence.count) " + (fr ? frMany : enMany)
    }

    private static let symbols: [ItemStatus: String] = [.open: "☐", .done: "☑", .partial: "◐", .dropped: "☒", .carried: "↷"]

    /// A commitment is kept (an objective is reached: `ItemStatus.objectiveLabel`, as reports say it).
    func commitmentLabel(_ status: ItemStatus) -> String {
        let labels: [ItemStatus: (String, String)] = [
            .open: ("en cours", "open"), .done: ("tenu", "kept"),
            .partial: ("en partie", "partly"), .dropped: ("abandonné", "dropped"), .carried: ("reporté", "carried forward"),
        ]
        let label = labels[status]!
        return fr ? label.0 : label.1
    }

    /// Where an item was written: the case file, or which session.
    private func source(of path: String) -> String {
        if path == casePath { return fr ? "dossier initial" : "initial case file" }
        guard let document = resolution.documents.first(where: { $0.path == path }) else { return "" }
        return documentName(document)
    }

    private func documentName(_ document: ResolvedDocument) -> String {
        switch document.type {
        case .chemistry: return fr ? "entretien préalable" : "chemistry call"
        case .threeWay: return fr ? "réunion tripartite" : "three-way meeting"
        case .client, .session, .supervision:
            if let number = document.number { return fr ? "séance \(number)" : "session \(number)" }
            return fr ? "séance" : "session"
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
            case .chemistry: heading = fr ? "Entretien préalable" : "Chemistry call"
            case .threeWay: heading = fr ? "Réunion tripartite" : "Three-way meeting"
            default:
                switch note.status ?? .held {
                case .held:
                    heading = resolved?.number.map { fr ? "Séance \($0)" : "Session \($0)" } ?? (fr ? "Séance" : "Session")
                case .cancelled:
                    let by = note.cancelledBy.map { party -> String in
                        let names: [Party: (String, String)] = [.client: ("le client", "the client"), .coach: ("le coach", "the coach"),
                                                                .sponsor: ("le commanditaire", "the sponsor")]
                        return fr ? " par \(names[party]!.0)" : " by \(names[party]!.1)"
                    } ?? ""
                    heading = (fr ? "Séance annulée" : "Session cancelled") + by
                case .noShow:
                    heading = fr ? "Absence du client" : "Client did not come"
                case .planned:
                    // Not held yet: what it prepares is no part of what happened.
                    heading = resolved?.number.map { fr ? "Séance \($0) (prévue)" : "Session \($0) (planned)" }
                        ?? (fr ? "Séance prévue" : "Planned session")
                }
            }
            heading += " — " + when(date)
            var facts: [String] = []
            if let mode = note.mode {
                let modes: [Mode: (String, String)] = [.visio: ("visio", "video"), .phone: ("téléphone", "phone"), .inPerson: ("en présentiel", "in person")]
                facts.append(fr ? modes[mode]!.0 : modes[mode]!.1)
            }
            if let minutes = note.durationMinutes { facts.append(Self.spell(minutes: minutes)) }
            if note.type == .chemistry {
                let words: [String: String] = ["yes": "oui", "no": "non", "unknown": "inconnu", "proceed": "commencer",
                                               "decline": "ne pas commencer", "pending": "en attente"]
                if let briefed = note.clientBriefed?.rawValue {
                    facts.append((fr ? "client informé par le commanditaire : " + (words[briefed] ?? briefed) : "client briefed by the sponsor: " + briefed))
                }
                if let decision = note.decision?.rawValue {
                    facts.append(fr ? "décision : " + (words[decision] ?? decision) : "decision: " + decision)
                }
            }
            if note.nextIsNone {
                facts.append(fr ? "aucune date suivante fixée" : "no next date fixed")
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
        let label: (String, String)
        switch reason {
        case .busy: label = ("manque de temps", "too busy")
        case .hard: label = ("trop difficile", "too hard")
        case .stuck: label = ("bloqué", "stuck")
        case .notUseful: label = ("jugé inutile", "not useful")
        case .other(let words): return safe(words, context: context, path: path)
        }
        return fr ? label.0 : label.1
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
                item["owner"] = commitment.owner == .coach ? (fr ? "engagement du coach" : "the coach's commitment")
                                                            : (fr ? "engagement du commanditaire" : "the sponsor's commitment")
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
            summary = fr ? "Aucun engagement du client n'a encore été revu." : "None of the client's commitments has been reviewed yet."
        } else {
            let percent = Int((Double(done) / Double(counted) * 100).rounded())
            summary = fr ? "Engagements du client arrivés à échéance ou revus : \(done) tenu\(done > 1 ? "s" : "") sur \(counted) (\(percent) %), \(missCount) manqué\(missCount > 1 ? "s" : "") au fil des revues. Plus longue série de revues avec un manqué : \(longest)."
                         : "Client commitments due or reviewed: \(done) kept out of \(counted) (\(percent)%), \(missCount) missed across reviews. Longest run of reviews with a miss: \(longest)."
        }
        if shown.count > Self.maximumListed {
            let left = shown.count - Self.maximumListed
            summary += fr ? " Seuls les \(Self.maximumListed) plus récents sont listés ci-dessous ; les \(left) plus anciens ne le sont pas (`journal commitments \(client)` les donne tous)."
                          : " Only the latest \(Self.maximumListed) are listed below; the \(left) older ones are not (`journal commitments \(client)` gives them all)."
        }
        if missCount > Self.maximumListed {
            summary += fr ? " Des manqués, seuls les \(Self.maximumListed) plus récents sont listés."
                          : " Of the misses, only the latest \(Self.maximumListed) are listed."
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
                "reason": statement.reason.map { reasonLabel($0, context: statement.date, path: statement.path) } ?? (fr ? "raison non notée" : "no reason noted"),
            ]
        }
    }

    private func outcome() -> String {
        var parts: [String] = []
        let statuses: [ClientStatus: (String, String)] = [
            .prospect: ("Accompagnement pas encore engagé.", "Coaching not started yet."),
            .active: ("Accompagnement en cours.", "Coaching under way."),
            .paused: ("Accompagnement en pause.", "Coaching paused."),
            .closed: ("Accompagnement terminé.", "Coaching completed."),
        ]
        // Said as the sponsor report says it: an active case whose chemistry call declined, with
        // no session held, has not started; held sessions then declined, it has ended.
        let phase = CasePhase.of(file, notes: documents)
        if file.status == .active || file.status == .paused, phase != .underWay {
            parts.append(phase == .ended ? (fr ? "Accompagnement terminé." : "Coaching completed.")
                                         : (fr ? "Accompagnement pas encore engagé." : "Coaching not started yet."))
        } else if let status = file.status, let label = statuses[status] {
            parts.append(fr ? label.0 : label.1)
        }
        if let outcome = file.outcome { parts.append(safe(outcome, context: file.closed)) }
        if parts.isEmpty { parts.append(fr ? "Aucune issue notée dans le dossier." : "No outcome recorded in the case file.") }
        return parts.joined(separator: " ")
    }
}
