import Foundation

extension CaseView {
    // MARK: Text

    /// Blocks in the order a coach reads a case before a session; columns aligned, colour
    /// only when asked (a terminal).
    public func text(language: JournalConfig.Language, colour: Bool) -> String {
        let fr = language == .fr
        let privateMark = fr ? "[privé]" : "[private]"
        var out: [String] = []
        let title = (name.map { "\($0) (\(client))" } ?? client) + " · " + Self.statusLabel(status, fr)
        out.append(TextColumns.styled(title.escapingControls, "1", colour))
        if status == .closed {
            var line = fr ? "  clos" : "  closed"
            if let closed { line += fr ? " le \(closed)" : " on \(closed)" }
            if let outcome { line += " : " + outcome.escapingControls }
            out.append(line)
        }
        func section(_ heading: String, _ lines: [String]) {
            out.append("")
            out.append(TextColumns.styled(heading, "1", colour))
            out += lines
        }
        var facts = TextColumns()
        if let sponsor { facts.add([.init(fr ? "commanditaire" : "sponsor"), .init(sponsor)]) }
        let planned = contract?.sessions.map { fr ? " sur \($0) prévues" : " of \($0) planned" } ?? ""
        facts.add([.init(fr ? "séances" : "sessions"), .init((fr ? "\(held) tenue(s)" : "\(held) held") + planned,
                                                         style: (contract?.sessions).map { held > $0 ? "33" : nil } ?? nil)])
        if let cadence = contract?.cadence {
            facts.add([.init("cadence"), .init("\(cadence) (\(cadence.days) \(fr ? "j" : "d"))")])
        }
        if let contract, contract.start != nil || contract.end != nil {
            let start = contract.start?.description ?? "—", end = contract.end?.description ?? "—"
            facts.add([.init(fr ? "dates" : "dates"), .init(fr ? "du \(start) au \(end)" : "from \(start) to \(end)")])
        }
        if let demand { facts.add([.init(fr ? "demande" : "demand"), .init(demand)]) }
        if let need { facts.add([.init(fr ? "besoin" : "need"), .init(need)]) }
        section(fr ? "Dossier" : "Case", facts.lines(colour: colour))

        var goals = TextColumns()
        for objective in objectives {
            let validated = objective.validated.map { fr ? "validé le \($0)" : "validated \($0)" }
                ?? (fr ? "non validé" : "not validated")
            var text = objective.text.shortened(to: 80)
            if objective.isPrivate { text += " " + privateMark }
            goals.add([.init(ItemStatus.objectiveLabel(objective.status, language: language),
                             style: objective.status == .done ? "32" : nil),
                       .init(validated, style: objective.validated == nil ? "33" : nil), .init(text)])
        }
        section(fr ? "Objectifs" : "Objectives",
                goals.rows.isEmpty ? ["  " + (fr ? "aucun objectif noté" : "no objective noted")] : goals.lines(colour: colour))

        var nextLines: [String] = []
        if let next {
            let days = today.days(to: next.date)
            let when = days == 0 ? (fr ? "aujourd'hui" : "today") : days == 1 ? (fr ? "demain" : "tomorrow")
                : (fr ? "dans \(days) jours" : "in \(days) days")
            nextLines.append("  " + next.shown + "  " + when)
        } else if let unscheduled {
            var line = "  " + TextColumns.styled(fr ? "aucun" : "none", "33", colour)
            if let days = unscheduled.days { line += fr ? ", depuis \(days) j" : ", for \(days) d" }
            if let passed = unscheduled.passedAppointment {
                line += fr ? " (le rendez-vous du \(passed.shown) est passé)" : " (the appointment of \(passed.shown) has passed)"
            } else if unscheduled.decidedNone {
                line += fr ? " (`next: none` à la dernière rencontre)" : " (`next: none` at the last meeting)"
            } else if let since = unscheduled.since {
                line += fr ? " (dernière rencontre le \(since))" : " (last meeting on \(since))"
            }
            nextLines.append(line)
        } else {
            nextLines.append("  " + (fr ? "aucun" : "none"))
        }
        section(fr ? "Prochain rendez-vous" : "Next appointment", nextLines)

        var commitments: [String] = []
        var table = TextColumns()
        var histories: [[String]] = []
        for item in openCommitments {
            var text = item.text.shortened(to: 70)
            if item.isPrivate { text += " " + privateMark }
            // Waiting for a commitment still open (Obsidian Tasks' ⛔): not late meanwhile.
            let late = item.isLate(on: today)
            table.add([.init(item.id), .init(Party.ownerLabel(item.owner, fr)),
                       .init(item.due.map { (fr ? "échéance " : "due ") + $0.description } ?? (fr ? "sans échéance" : "no due date"),
                             style: late ? "31" : nil),
                       .init(item.odds.map { (fr ? "cote " : "odds ") + $0.text } ?? ""), .init(text)])
            histories.append(item.history.map { statement in
                var line = (statement.date?.description ?? "—") + " " + Self.commitmentLabel(statement.status, fr)
                if statement.isMiss { line += fr ? ", manqué" : ", missed" }
                if let reason = statement.reason { line += " (" + Self.reasonLabel(reason, language) + ")" }
                return line.escapingControls
            })
        }
        for (line, history) in zip(table.lines(colour: colour), histories) {
            commitments.append(line)
            if !history.isEmpty { commitments.append("      " + history.joined(separator: " · ")) }
        }
        section(fr ? "Engagements ouverts" : "Open commitments",
                commitments.isEmpty ? ["  " + (fr ? "aucun" : "none")] : commitments)

        var missLines: [String] = []
        let streak = fr ? "série en cours : \(missStreak) revue(s) d'affilée avec un engagement manqué"
                        : "current streak: \(missStreak) review(s) in a row with a missed commitment"
        missLines.append("  " + TextColumns.styled(streak, missStreak >= 2 ? "33" : nil, colour))
        var misses = TextColumns()
        for miss in recentMisses {
            misses.add([.init(miss.date?.description ?? "—"), .init(miss.commitment), .init(Self.reasonLabel(miss.reason, language))])
        }
        missLines += misses.lines(colour: colour)
        section(fr ? "Engagements manqués" : "Missed commitments", missLines)

        // One table for the notes' own lines, so that dates, types and statuses align down the
        // whole timeline; each note's sections are aligned among themselves under it.
        var heads = TextColumns()
        for entry in timeline {
            heads.add([.init(entry.date.map(\.shown) ?? "—"), .init(Self.typeLabel(entry, fr)),
                       .init(Self.sessionLabel(entry.status, fr)), .init(entry.path)])
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
        section(fr ? "Chronologie" : "Timeline",
                timelineLines.isEmpty ? ["  " + (fr ? "aucune note" : "no note")] : timelineLines)
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
