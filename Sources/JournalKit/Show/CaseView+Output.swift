import Foundation

extension CaseView {
    // MARK: Text

    /// Blocks in the order a coach reads a case before a session; columns aligned, colour
    /// only when asked (a terminal).
    public func text(language: JournalConfig.Language, colour: Bool) -> String {
        let privateMark = Message("[private]", fr: "[privé]").in(language)
        var out: [String] = []
        let title = (name.map { "\($0) (\(client))" } ?? client) + " · " + Self.statusLabel(status, language)
        out.append(TextColumns.styled(title.escapingControls, "1", colour))
        if status == .closed {
            var line = Message("  closed", fr: "  clos").in(language)
            if let closed { line += Message(" on \(closed)", fr: " le \(closed)").in(language) }
            if let outcome { line += " : " + outcome.escapingControls }
            out.append(line)
        }
        func section(_ heading: String, _ lines: [String]) {
            out.append("")
            out.append(TextColumns.styled(heading, "1", colour))
            out += lines
        }
        var facts = TextColumns()
        if let sponsor { facts.add([.init(Message("sponsor", fr: "commanditaire").in(language)), .init(sponsor)]) }
        let planned = contract?.sessions.map { Message(" of \($0) planned", fr: " sur \($0) prévues").in(language) } ?? ""
        facts.add([.init(Message("sessions", fr: "séances").in(language)), .init((Message("\(held) held", fr: "\(held) tenue(s)").in(language)) + planned,
                                                         style: (contract?.sessions).map { held > $0 ? "33" : nil } ?? nil)])
        if let cadence = contract?.cadence {
            facts.add([.init("cadence"), .init("\(cadence) (\(cadence.days) \(Message("d", fr: "j").in(language)))")])
        }
        if let contract, contract.start != nil || contract.end != nil {
            let start = contract.start?.description ?? "—", end = contract.end?.description ?? "—"
            facts.add([.init(Message("dates", fr: "dates").in(language)), .init(Message("from \(start) to \(end)", fr: "du \(start) au \(end)").in(language))])
        }
        if let demand { facts.add([.init(Message("demand", fr: "demande").in(language)), .init(demand)]) }
        if let need { facts.add([.init(Message("need", fr: "besoin").in(language)), .init(need)]) }
        section(Message("Case", fr: "Dossier").in(language), facts.lines(colour: colour))

        var goals = TextColumns()
        for objective in objectives {
            let validated = objective.validated.map { Message("validated \($0)", fr: "validé le \($0)").in(language) }
                ?? (Message("not validated", fr: "non validé").in(language))
            var text = objective.text.shortened(to: 80)
            if objective.isPrivate { text += " " + privateMark }
            goals.add([.init(ItemStatus.objectiveLabel(objective.status, language: language),
                             style: objective.status == .done ? "32" : nil),
                       .init(validated, style: objective.validated == nil ? "33" : nil), .init(text)])
        }
        section(Message("Objectives", fr: "Objectifs").in(language),
                goals.rows.isEmpty ? ["  " + (Message("no objective noted", fr: "aucun objectif noté").in(language))] : goals.lines(colour: colour))

        var nextLines: [String] = []
        if let next {
            let days = today.days(to: next.date)
            let when = days == 0 ? (Message("today", fr: "aujourd'hui").in(language)) : days == 1 ? (Message("tomorrow", fr: "demain").in(language))
                : (Message("in \(days) days", fr: "dans \(days) jours").in(language))
            nextLines.append("  " + next.shown + "  " + when)
        } else if let unscheduled {
            var line = "  " + TextColumns.styled(Message("none", fr: "aucun").in(language), "33", colour)
            if let days = unscheduled.days { line += Message(", for \(days) d", fr: ", depuis \(days) j").in(language) }
            if let passed = unscheduled.passedAppointment {
                line += Message(" (the appointment of \(passed.shown) has passed)", fr: " (le rendez-vous du \(passed.shown) est passé)").in(language)
            } else if unscheduled.decidedNone {
                line += Message(" (`next: none` at the last meeting)", fr: " (`next: none` à la dernière rencontre)").in(language)
            } else if let since = unscheduled.since {
                line += Message(" (last meeting on \(since))", fr: " (dernière rencontre le \(since))").in(language)
            }
            nextLines.append(line)
        } else {
            nextLines.append("  " + (Message("none", fr: "aucun").in(language)))
        }
        section(Message("Next appointment", fr: "Prochain rendez-vous").in(language), nextLines)

        var commitments: [String] = []
        var table = TextColumns()
        var histories: [[String]] = []
        for item in openCommitments {
            var text = item.text.shortened(to: 70)
            if item.isPrivate { text += " " + privateMark }
            // Waiting for a commitment still open (Obsidian Tasks' ⛔): not late meanwhile.
            let late = item.isLate(on: today)
            table.add([.init(item.id), .init(Party.ownerLabel(item.owner, language)),
                       .init(item.due.map { (Message("due ", fr: "échéance ").in(language)) + $0.description } ?? (Message("no due date", fr: "sans échéance").in(language)),
                             style: late ? "31" : nil),
                       .init(item.odds.map { (Message("odds ", fr: "cote ").in(language)) + $0.text } ?? ""), .init(text)])
            histories.append(item.history.map { statement in
                var line = (statement.date?.description ?? "—") + " " + Self.commitmentLabel(statement.status, language)
                if statement.isMiss { line += Message(", missed", fr: ", manqué").in(language) }
                if let reason = statement.reason { line += " (" + Self.reasonLabel(reason, language) + ")" }
                return line.escapingControls
            })
        }
        for (line, history) in zip(table.lines(colour: colour), histories) {
            commitments.append(line)
            if !history.isEmpty { commitments.append("      " + history.joined(separator: " · ")) }
        }
        section(Message("Open commitments", fr: "Engagements ouverts").in(language),
                commitments.isEmpty ? ["  " + (Message("none", fr: "aucun").in(language))] : commitments)

        var missLines: [String] = []
        let streak = Message("current streak: \(missStreak) review(s) in a row with a missed commitment",
                         fr: "série en cours : \(missStreak) revue(s) d'affilée avec un engagement manqué").in(language)
        missLines.append("  " + TextColumns.styled(streak, missStreak >= 2 ? "33" : nil, colour))
        var misses = TextColumns()
        for miss in recentMisses {
            misses.add([.init(miss.date?.description ?? "—"), .init(miss.commitment), .init(Self.reasonLabel(miss.reason, language))])
        }
        missLines += misses.lines(colour: colour)
        section(Message("Missed commitments", fr: "Engagements manqués").in(language), missLines)

        // One table for the notes' own lines, so that dates, types and statuses align down the
        // whole timeline; each note's sections are aligned among themselves under it.
        var heads = TextColumns()
        for entry in timeline {
            heads.add([.init(entry.date.map(\.shown) ?? "—"), .init(Self.typeLabel(entry, language)),
                       .init(Self.sessionLabel(entry.status, language)), .init(entry.path)])
        }
        var timelineLines: [String] = []
        for (entry, head) in zip(timeline, heads.lines(colour: colour)) {
            timelineLines.append(head)
            var parts = TextColumns()
            parts.indent = "      "
            for part in entry.sections {
                var first = part.firstLine.shortened(to: 70)
                if part.isPrivate { first = privateMark + " " + first }
                parts.add([.init(part.heading.map { $0.shortened(to: 30) } ?? "…"),
                           .init(first, style: part.isPrivate ? "35" : nil)])
            }
            timelineLines += parts.lines(colour: colour)
        }
        section(Message("Timeline", fr: "Chronologie").in(language),
                timelineLines.isEmpty ? ["  " + (Message("no note", fr: "aucune note").in(language))] : timelineLines)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// The same facts for scripts; dates as the index spells them.
    public func json() -> String {
        JSONValue.object([
            ("client", .string(client)), ("today", .string(today.description)), ("name", .string(name)),
            ("status", IndexJSON.word(status)), ("closed", IndexJSON.date(closed)),
            ("outcome", .string(outcome)), ("sponsor", .string(sponsor)),
            ("contract", IndexJSON.contract(contract)), ("held", .int(held)),
            ("demand", .string(demand)), ("need", .string(need)),
            ("objectives", .array(objectives.map(\.json))),
            ("next", .string(next?.description)),
            ("no_next_since_days", .int(next == nil ? unscheduled?.days : nil)),
            ("open_commitments", .array(openCommitments.map(\.json))),
            ("miss_streak", .int(missStreak)),
            ("recent_misses", .array(recentMisses.map { miss in
                .object([("date", IndexJSON.date(miss.date)), ("commitment", .string(miss.commitment)),
                         ("reason", IndexJSON.reason(miss.reason)), ("path", .string(miss.path)), ("line", .int(miss.line))])
            })),
            ("timeline", .array(timeline.map { entry in
                .object([
                    ("path", .string(entry.path)), ("type", IndexJSON.word(entry.type)),
                    ("date", IndexJSON.date(entry.date)), ("status", IndexJSON.word(entry.status)),
                    ("number", .int(entry.number)),
                    ("sections", .array(entry.sections.map { part in
                        .object([("heading", .string(part.heading)), ("first_line", .string(part.firstLine)),
                                 ("private", .bool(part.isPrivate))])
                    })),
                ])
            })),
        ]).rendered() + "\n"
    }
}
