import Foundation

/// Reads one client's notes together: statuses from the latest dated statement, each
/// commitment's history, misses and streaks, session numbers, and the checks that need more
/// than one note (`ref-unknown`, `id-duplicate`, `client-unknown`).
struct Resolver: Sendable {
    var zone: TimeZone

    /// `client` is nil for the notes that belong to no client (supervision).
    /// `knownClients` are the ids with a case file anywhere in the journal.
    func resolve(client: String?, notes: [Note], knownClients: Set<String>) -> ClientResolution {
        var result = ClientResolution()
        result.group = client ?? ""
        let documents = notes.filter { $0.type != nil }
            .sorted { (sortKey($0.date), $0.path) < (sortKey($1.date), $1.path) }
        var caseFile: Note?
        for note in documents where note.type == .client {
            if let first = caseFile {
                result.diagnostics.append(Diagnostic(
                    path: note.path, line: 1, column: 1, severity: .error, rule: Rule.idDuplicate,
                    Message("a second case file for client `\(client ?? "")` (the first is \(first.path)): keep one",
                            fr: "un second dossier pour le client `\(client ?? "")` (le premier est \(first.path)) : n'en gardez qu'un")))
            } else {
                caseFile = note
            }
        }
        if let client, let caseFile, let file = caseFile.caseFile {
            result.client = ResolvedClient(
                id: client, status: file.status, hasSponsor: file.sponsor != nil,
                contract: file.contract, missStreak: 0, longestMissStreak: 0,
                // A planned session has not taken place: its empty `next` says nothing yet.
                next: documents.last(where: { note in
                    note.date != nil && note.type != .client && (!note.isPlannedSession || note.next != nil || note.nextIsNone)
                })?.next)
        }
        if let client, !knownClients.contains(client) {
            // A typo of a known client is far likelier than a new client without a case file.
            let message = Suggestion.nearest(to: client, among: knownClients).map { known in
                Message("no case file for client `\(client)`: did you mean `\(known)`? (else create clients/\(client)/client.md: journal new client \(client) --name \"…\")",
                        fr: "pas de dossier pour le client `\(client)` : vouliez-vous écrire `\(known)` ? (sinon créez clients/\(client)/client.md : journal new client \(client) --name \"…\")")
            } ?? Message("no case file for client `\(client)`: create clients/\(client)/client.md (journal new client \(client) --name \"…\")",
                         fr: "pas de dossier pour le client `\(client)` : créez clients/\(client)/client.md (journal new client \(client) --name \"…\")")
            for note in documents where note.type != .client {
                result.diagnostics.append(Diagnostic(
                    path: note.path, line: note.keyLines["client"] ?? 1, column: 1, severity: .error,
                    rule: Rule.clientUnknown, message))
            }
        }
        // A held session without `number` follows the previous one: after an explicit
        // `number: 7`, the next is 8 (what `journal new session` writes too).
        var lastNumber = 0
        for note in documents {
            var number = note.number
            // A planned session keeps the number of the session it prepares.
            if note.type == .session, note.status == .held || note.status == .planned {
                lastNumber = note.number ?? lastNumber + 1
                number = lastNumber
            }
            result.documents.append(ResolvedDocument(
                path: note.path, type: note.type!, client: note.type == .supervision ? nil : client,
                date: note.date, status: note.type == .session ? note.status : nil,
                number: note.type == .session ? number : nil, next: note.next,
                sortKey: sortKey(note.date)))
            if let next = note.next {
                result.appointments.append(Appointment(
                    client: note.type == .supervision ? nil : client, date: next,
                    path: note.path, sortKey: sortKey(next)))
            }
        }
        // A review line names a commitment before an objective: an id given to both (an error,
        // reported below) must not move the objective too.
        var commitmentIDs: [String: Int] = [:]
        for (noteIndex, note) in documents.enumerated() {
            for item in note.items where item.kind == .commitment {
                if let id = item.id, commitmentIDs[id] == nil { commitmentIDs[id] = noteIndex }
            }
        }
        let objectiveIDs = resolveObjectives(client: client, documents: documents, commitmentIDs: commitmentIDs, into: &result)
        resolveCommitments(client: client, documents: documents, objectiveIDs: objectiveIDs, into: &result)
        return result
    }

    /// Objectives, each with its history: a later note names one by its `id`, in a review line or
    /// in an objective line with `[ref:: …]`, and that records its progress instead of making a
    /// second objective. Returns each objective id with the index of the note that set it.
    private func resolveObjectives(client: String?, documents: [Note], commitmentIDs: [String: Int],
                                   into result: inout ClientResolution) -> [String: (note: Int, path: String, line: Int)] {
        var objectives: [ResolvedObjective] = []
        var events: [[Event]] = []
        var byID: [String: Int] = [:]
        var madeAt: [Int] = []
        for (noteIndex, note) in documents.enumerated() {
            for item in note.items where item.kind == .objective || (item.kind == .review && item.ref != nil) {
                if let ref = item.ref {
                    if item.kind == .review, let made = commitmentIDs[ref], made < noteIndex { continue }
                    guard let target = byID[ref], madeAt[target] < noteIndex else {
                        // A review's ref may name a commitment: resolveCommitments checks those.
                        if item.kind == .objective {
                            result.diagnostics.append(Diagnostic(
                                path: note.path, line: item.line, column: item.column, severity: .error,
                                rule: Rule.refUnknown,
                                Message("`ref:: \(ref)` names no earlier objective of this client: give the objective an `[id:: …]` where it was first written, and name that id here",
                                        fr: "`ref:: \(ref)` ne désigne aucun objectif antérieur de ce client : donnez un `[id:: …]` à l'objectif là où il a été écrit, et reprenez cet identifiant ici")))
                        }
                        continue
                    }
                    // A planned session has not taken place: what it prepares states nothing.
                    if note.isPlannedSession { continue }
                    let date = item.done.map { DateValue(date: $0) } ?? note.date
                    let statement = Statement(date: date?.date, status: item.status,
                                              reason: item.reason, path: note.path, line: item.line, isMiss: false,
                                              isPrivate: item.isPrivate)
                    events[target].append(Event(order: (sortKey(date), 1, noteIndex), statement: statement,
                                                isReview: true, reviewNote: noteIndex))
                    if let validated = item.validated, objectives[target].validated == nil {
                        objectives[target].validated = validated
                    }
                    continue
                }
                guard item.kind == .objective else { continue }
                let index = objectives.count
                if let id = item.id {
                    if let first = byID[id] {
                        result.diagnostics.append(Diagnostic(
                            path: note.path, line: item.line, column: item.column, severity: .error,
                            rule: Rule.idDuplicate,
                            Message("the objective id `\(id)` is already used in \(objectives[first].path) line \(objectives[first].line): to record its progress here, write `[ref:: \(id)]` instead",
                                    fr: "l'identifiant d'objectif `\(id)` est déjà pris dans \(objectives[first].path) ligne \(objectives[first].line) : pour noter ici où il en est, écrivez plutôt `[ref:: \(id)]`")))
                    } else {
                        byID[id] = index
                    }
                }
                madeAt.append(noteIndex)
                let date = item.done.map { DateValue(date: $0) } ?? note.date
                events.append([Event(order: (sortKey(date), 0, noteIndex), statement: Statement(
                    date: date?.date, status: item.status, reason: item.reason,
                    path: note.path, line: item.line, isMiss: false, isPrivate: item.isPrivate),
                    isReview: false, reviewNote: -1)])
                objectives.append(ResolvedObjective(
                    id: item.id, client: client, text: item.text, status: item.status,
                    validated: item.validated, path: note.path, line: item.line,
                    isPrivate: item.isPrivate))
            }
        }
        for index in objectives.indices {
            let ordered = events[index].sorted { $0.order < $1.order }
            objectives[index].status = ordered.last!.statement.status
            objectives[index].history = ordered.filter(\.isReview).map(\.statement)
            objectives[index].shownStatus = ordered.last(where: { !$0.statement.isPrivate })?.statement.status
                ?? objectives[index].status
        }
        result.objectives = objectives
        return byID.mapValues { (madeAt[$0], objectives[$0].path, objectives[$0].line) }
    }

    private func sortKey(_ date: DateValue?) -> Double {
        guard let date else { return -Double.greatestFiniteMagnitude }
        return date.instant(in: zone).timeIntervalSince1970
    }

    /// A statement about a commitment, before it is attached: where it was made and what it said.
    private struct Event {
        var order: (Double, Int, Int)
        var statement: Statement
        var isReview: Bool
        var reviewNote: Int
    }

    private func resolveCommitments(client: String?, documents: [Note], objectiveIDs: [String: (note: Int, path: String, line: Int)],
                                    into result: inout ClientResolution) {
        var commitments: [ResolvedCommitment] = []
        var byID: [String: Int] = [:]
        var firstLine: [String: (String, Int)] = [:]
        var madeAt: [Int] = []
        var dueDates: [LocalDate?] = []
        var events: [[Event]] = []
        var stems: [String: String] = [:]
        var suggestions = 0
        // `[>] [ref:: old] [id:: new]` in a review, and `[ref:: old]` on a new commitment: the
        // successor that carries a commitment on.
        var carriedInto: [(target: Int, successor: String, note: Int, item: NoteItem)] = []
        var continuing: [(index: Int, ref: String, note: Int, item: NoteItem)] = []
        // Commitments that depend on others (`⛔`, `dependsOn`): resolved once every id is known.
        var waiting: [(index: Int, note: Int, item: NoteItem)] = []
        for (noteIndex, note) in documents.enumerated() {
            if let first = note.items.first(where: { $0.kind == .commitment }) {
                if let other = stems[note.stem], other != note.path {
                    result.diagnostics.append(Diagnostic(
                        path: note.path, line: first.line, column: first.column, severity: .error,
                        rule: Rule.idDuplicate,
                        Message("another note of this client is also named \(note.stem).md (\(other)): implicit ids such as \(note.stem)#1 would name both; rename one, or give its commitments an `id`",
                                fr: "une autre note de ce client s'appelle aussi \(note.stem).md (\(other)) : les identifiants implicites comme \(note.stem)#1 désigneraient les deux ; renommez-en une, ou donnez un `id` à ses engagements")))
                } else {
                    stems[note.stem] = note.path
                }
            }
            // Earlier notes first, so that a ref can only name a commitment made before it.
            for item in note.items where item.kind == .review {
                guard let ref = item.ref else { continue }
                if byID[ref] == nil, let objective = objectiveIDs[ref], objective.note < noteIndex { continue }
                guard let target = byID[ref], madeAt[target] < noteIndex else {
                    // A few suggestions per client are enough to show the pattern; thousands of
                    // broken refs must not each scan every id.
                    suggestions += 1
                    let earlier = suggestions <= 20 && byID.count <= Suggestion.maximumCandidates
                        ? Array(byID.filter { madeAt[$0.value] < noteIndex }.keys) : []
                    let message = Suggestion.nearest(to: ref, among: earlier).map { known in
                        Message("`ref:: \(ref)` names no earlier commitment of this client: did you mean `\(known)`?",
                                fr: "`ref:: \(ref)` ne désigne aucun engagement antérieur de ce client : vouliez-vous écrire `\(known)` ?")
                    } ?? Message("`ref:: \(ref)` names no earlier commitment of this client: use a commitment's `id`, or FILE#N for the Nth commitment of FILE",
                                 fr: "`ref:: \(ref)` ne désigne aucun engagement antérieur de ce client : utilisez l'`id` d'un engagement, ou FICHIER#N pour le N-ième engagement de FICHIER")
                    result.diagnostics.append(Diagnostic(
                        path: note.path, line: item.line, column: item.column, severity: .error,
                        rule: Rule.refUnknown, message))
                    continue
                }
                // A planned session has not taken place: its review lines say nothing yet.
                if note.isPlannedSession { continue }
                if item.status == .carried, let successor = item.id {
                    carriedInto.append((target, successor, noteIndex, item))
                }
                let reviewDate = note.date?.date
                var isMiss = false
                if item.status == .open || item.status == .dropped, item.reason != nil {
                    isMiss = true
                } else if item.status == .open, let due = dueDates[target], let reviewDate, reviewDate > due {
                    isMiss = true
                }
                let statement = Statement(
                    date: reviewDate, status: item.status, reason: item.reason,
                    path: note.path, line: item.line, isMiss: isMiss, isPrivate: item.isPrivate)
                events[target].append(Event(order: (sortKey(note.date), 1, noteIndex), statement: statement,
                                            isReview: true, reviewNote: noteIndex))
            }
            for item in note.items where item.kind == .commitment {
                // In the one form ids are compared in, whatever form the file's name has on the disk.
                let implicit = "\(TextFold.composed(note.stem))#\(item.rank)"
                let id = item.id ?? implicit
                if let explicit = item.id, let first = firstLine[explicit], first.0 != note.path {
                    result.diagnostics.append(Diagnostic(
                        path: note.path, line: item.line, column: item.column, severity: .error,
                        rule: Rule.idDuplicate,
                        Message("the id `\(explicit)` is already used in \(first.0) line \(first.1): ids must be unique for a client",
                                fr: "l'identifiant `\(explicit)` est déjà pris dans \(first.0) ligne \(first.1) : chaque identifiant est unique pour un client")))
                } else if let explicit = item.id, firstLine[explicit] == nil {
                    firstLine[explicit] = (note.path, item.line)
                    if let objective = objectiveIDs[explicit] {
                        result.diagnostics.append(Diagnostic(
                            path: note.path, line: item.line, column: item.column, severity: .error,
                            rule: Rule.idDuplicate,
                            Message("the id `\(explicit)` is already an objective's, in \(objective.path) line \(objective.line): a review naming it would be read as about this commitment only; give one of them another id",
                                    fr: "l'identifiant `\(explicit)` est déjà celui d'un objectif, dans \(objective.path) ligne \(objective.line) : une revue qui le nomme serait lue comme portant sur cet engagement seulement ; donnez un autre identifiant à l'un des deux")))
                    }
                }
                let index = commitments.count
                if let ref = item.ref { continuing.append((index, ref, noteIndex, item)) }
                if byID[id] == nil { byID[id] = index }
                if byID[implicit] == nil { byID[implicit] = index }
                madeAt.append(noteIndex)
                dueDates.append(item.due)
                let ownDate = item.done.map { DateValue(date: $0) } ?? note.date
                let own = Statement(date: ownDate?.date, status: item.status,
                                    reason: item.reason, path: note.path, line: item.line, isMiss: false)
                events.append([Event(order: (sortKey(ownDate), 0, noteIndex), statement: own,
                                     isReview: false, reviewNote: -1)])
                var commitment = ResolvedCommitment(
                    id: id, client: client, text: item.text, owner: item.owner,
                    made: note.date?.date, due: item.due, odds: item.odds,
                    status: item.status, path: note.path, line: item.line,
                    isPrivate: item.isPrivate, history: [])
                commitment.created = item.created
                commitment.scheduled = item.scheduled
                commitment.start = item.start
                commitment.priority = item.priority
                commitment.recurrence = item.recurrence
                commitment.dependsOn = item.dependsOn ?? []
                if !commitment.dependsOn.isEmpty { waiting.append((index, noteIndex, item)) }
                commitments.append(commitment)
            }
        }
        for link in carriedInto {
            guard let successor = byID[link.successor], successor != link.target, madeAt[successor] >= link.note else {
                let path = documents[link.note].path
                result.diagnostics.append(Diagnostic(
                    path: path, line: link.item.line, column: link.item.column, severity: .error, rule: Rule.refUnknown,
                    Message("`id:: \(link.successor)` on this carried commitment names no commitment made here or later: write the new commitment with `[id:: \(link.successor)]`",
                            fr: "`id:: \(link.successor)` sur cet engagement reporté ne désigne aucun engagement pris ici ou plus tard : écrivez le nouvel engagement avec `[id:: \(link.successor)]`")))
                continue
            }
            commitments[link.target].carriedTo = commitments[successor].id
            commitments[successor].continues = commitments[link.target].id
        }
        for link in continuing {
            guard let target = byID[link.ref], madeAt[target] < link.note, target != link.index else {
                let path = documents[link.note].path
                result.diagnostics.append(Diagnostic(
                    path: path, line: link.item.line, column: link.item.column, severity: .error, rule: Rule.refUnknown,
                    Message("`ref:: \(link.ref)` names no earlier commitment of this client for this one to continue: use a commitment's `id`, or FILE#N",
                            fr: "`ref:: \(link.ref)` ne désigne aucun engagement antérieur de ce client que celui-ci prolongerait : utilisez l'`id` d'un engagement, ou FICHIER#N")))
                continue
            }
            if commitments[link.index].continues == nil { commitments[link.index].continues = commitments[target].id }
            if commitments[target].carriedTo == nil { commitments[target].carriedTo = commitments[link.index].id }
        }
        var missedAtReview: [Int: Bool] = [:]
        for index in commitments.indices {
            let ordered = events[index].sorted { $0.order < $1.order }
            commitments[index].status = ordered.last!.statement.status
            commitments[index].history = ordered.filter(\.isReview).map(\.statement)
            if commitments[index].owner == .client {
                for event in ordered where event.isReview {
                    missedAtReview[event.reviewNote] = (missedAtReview[event.reviewNote] ?? false)
                        || event.statement.isMiss
                }
            }
        }
        for link in waiting {
            for dependency in commitments[link.index].dependsOn {
                guard var blocker = byID[dependency], blocker != link.index else {
                    let path = documents[link.note].path
                    result.diagnostics.append(Diagnostic(
                        path: path, line: link.item.line, column: link.item.column, severity: .warning, rule: Rule.refUnknown,
                        Message("this commitment depends on `\(dependency)`, which names no other commitment of this client: give the commitment it waits for `[id:: \(dependency)]` (or `🆔 \(dependency)`), or correct the id",
                                fr: "cet engagement dépend de `\(dependency)`, qui ne désigne aucun autre engagement de ce client : donnez à l'engagement attendu `[id:: \(dependency)]` (ou `🆔 \(dependency)`), ou corrigez l'identifiant")))
                    continue
                }
                // A blocker carried forward goes on in its successor: that one is what is waited for.
                var hops = 0
                while commitments[blocker].status == .carried, let next = commitments[blocker].carriedTo,
                      let successor = byID[next], successor != blocker, hops < 32 {
                    blocker = successor
                    hops += 1
                }
                if commitments[blocker].isOpen, blocker != link.index {
                    commitments[link.index].blockedBy.append(commitments[blocker].id)
                }
            }
        }
        result.commitments = commitments
        if result.client != nil {
            // Reviews newest first: the current streak stops at the first review without a miss.
            let reviews = missedAtReview.keys.sorted(by: >)
            var current = 0
            var counting = true
            var longest = 0
            var run = 0
            for note in reviews {
                if missedAtReview[note]! {
                    run += 1
                    longest = max(longest, run)
                    if counting { current += 1 }
                } else {
                    run = 0
                    counting = false
                }
            }
            result.client?.missStreak = current
            result.client?.longestMissStreak = longest
        }
    }
}
