/// `journal commitments`: the commitments that match a query, by client, with each client's
/// next date, done rate and current miss streak.
public struct CommitmentSummary: Sendable {
    public struct Query: Sendable {
        public var client: String?
        public var status: ItemStatus?
        public var owner: Party?
        /// Still open (or partly done) and past its due date; a carried commitment is closed.
        public var overdue = false

        public init(client: String? = nil, status: ItemStatus? = nil, owner: Party? = nil, overdue: Bool = false) {
            // However it was typed: the index keys clients in one normal form.
            self.client = client.map(ClientID.normalized)
            self.status = status
            self.owner = owner
            self.overdue = overdue
        }
    }

    public struct Group: Sendable {
        /// "" for commitments of no client (supervision notes).
        public var client: String
        public var next: DateValue?
        /// The client's own commitments that are done, and those counted for the rate (see
        /// `doneRate`); over all of the client's commitments, whatever the filters.
        public var done: Int
        public var counted: Int
        public var missStreak: Int
        public var items: [ResolvedCommitment]

        /// Done ÷ the client's own commitments that have come to a verdict: done, partly done or
        /// dropped, or still open but missed at a review or past their due date. A carried one
        /// is left to its successor.
        /// Open commitments not yet due and never missed do not count yet. nil when none do.
        public var doneRate: Double? { counted == 0 ? nil : Double(done) / Double(counted) }
    }

    public var today: LocalDate
    public var groups: [Group] = []

    public var isEmpty: Bool { groups.isEmpty }

    public init(book: CaseBook, query: Query, today: LocalDate) throws {
        self.today = today
        let all = book.commitments
        if let client = query.client, !book.hasClient(client), !all.contains(where: { $0.client == client }) {
            throw UnknownClient(client, nearest: Suggestion.nearest(to: client, among: book.clientIDs))
        }
        let shown = all.filter { item in
            (query.client == nil || item.client == query.client)
                && (query.status == nil || item.status == query.status)
                && (query.owner == nil || item.owner == query.owner)
                && (!query.overdue || item.isLate(on: today))
        }
        let byClient = Dictionary(grouping: shown, by: { $0.client ?? "" })
        let everyByClient = Dictionary(grouping: all, by: { $0.client ?? "" })
        for client in byClient.keys.sorted() {
            let (done, counted) = ResolvedCommitment.doneRate(of: everyByClient[client] ?? [], today: today)
            let resolved = book.resolved(client)
            groups.append(Group(client: client, next: resolved?.next, done: done, counted: counted,
                                missStreak: resolved?.missStreak ?? 0, items: byClient[client]!))
        }
    }

    static let symbols: [ItemStatus: String] = [.open: "[ ]", .done: "[x]", .partial: "[/]", .dropped: "[-]", .carried: "[>]"]

    // MARK: Text

    public func text(language: JournalConfig.Language, colour: Bool) -> String {
        var out: [String] = []
        for group in groups {
            var header = group.client.isEmpty ? (Message("(no client)", fr: "(sans client)").in(language)) : group.client.escapingControls
            if let next = group.next {
                // For people: `2026-12-07 09:00`, not the stored `2026-12-07T09:00`.
                let shown = next.shown
                if next.date >= today {
                    header += Message("  · next appointment \(shown)", fr: "  · prochain rendez-vous \(shown)").in(language)
                } else {
                    header += Message("  · date fixed \(shown), past", fr: "  · date fixée \(shown), passée").in(language)
                }
            }
            if !group.client.isEmpty {
                if let rate = group.doneRate {
                    let percent = Int((rate * 100).rounded())
                    header += Message("  · done \(group.done) of \(group.counted) (\(percent)%)",
                                  fr: "  · faits \(group.done) sur \(group.counted) (\(percent) %)").in(language)
                }
                header += Message("  · miss streak: \(group.missStreak)", fr: "  · série de revues manquées : \(group.missStreak)").in(language)
            }
            out.append(TextColumns.styled(header, "1", colour))
            for item in group.items {
                var columns = ["  " + (Self.symbols[item.status] ?? "[?]"), item.id.escapingControls]
                if let due = item.due {
                    let late = item.isLate(on: today)
                    columns.append((Message("due ", fr: "échéance ").in(language)) + due.description
                        + (late ? TextColumns.styled(Message(" (late)", fr: " (en retard)").in(language), "31", colour) : ""))
                }
                if item.isBlocked {
                    columns.append((Message("waits for ", fr: "attend ").in(language)) + item.blockedBy.joined(separator: ", ").escapingControls)
                }
                if let odds = item.odds { columns.append((Message("odds ", fr: "cote ").in(language)) + odds.text) }
                if item.owner != .client {
                    columns.append((Message("by: ", fr: "par : ").in(language)) + Party.ownerLabel(item.owner, language))
                }
                columns.append(item.text.escapingControls + (item.isPrivate ? (Message(" (private)", fr: " (privé)").in(language)) : ""))
                if let successor = item.carriedTo {
                    columns.append((Message("carried into ", fr: "reporté dans ").in(language)) + successor.escapingControls)
                }
                if let earlier = item.continues {
                    columns.append((Message("continues ", fr: "suite de ").in(language)) + earlier.escapingControls)
                }
                out.append(columns.joined(separator: "  "))
                for statement in item.history {
                    var text = "        \(statement.date?.description ?? "?") \(Self.symbols[statement.status] ?? "")"
                    if let reason = statement.reason {
                        text += " (\(reason.label(in: language).escapingControls))"
                    }
                    if statement.isMiss { text += Message(" missed", fr: " manqué").in(language) }
                    out.append(text)
                }
            }
            out.append("")
        }
        if groups.isEmpty { out.append(Message("No commitment matches.", fr: "Aucun engagement ne correspond.").in(language)) }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// `[{client, next, done, counted, done_rate, miss_streak, commitments: [index rows]}]`.
    public func json() -> String {
        JSONValue.array(groups.map { group in
            .object([
                ("client", .string(group.client.isEmpty ? nil : group.client)),
                ("next", IndexJSON.date(group.next)),
                ("done", .int(group.done)),
                ("counted", .int(group.counted)),
                ("done_rate", group.doneRate.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
                ("miss_streak", .int(group.missStreak)),
                ("commitments", .array(group.items.map(\.json))),
            ])
        }).rendered() + "\n"
    }
}
