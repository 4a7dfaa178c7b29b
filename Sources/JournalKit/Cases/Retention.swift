import Foundation

/// `journal retention`: the closed cases, when each one's retention period ends (journal.yml's
/// `retention` after its `closed` date, as the `retention-expired` rule counts it), and which
/// are past it.
public struct Retention: Sendable {
    public struct Case: Sendable, Hashable {
        public var client: String
        public var closed: LocalDate?
        /// The last day the notes are kept; nil without `closed` or without `retention`.
        public var ends: LocalDate?
        public var expired: Bool
    }

    public var today: LocalDate
    public var period: Cadence?
    public var cases: [Case] = []

    public init(book: CaseBook, today: LocalDate) {
        self.today = today
        period = book.config.retention
        for client in book.clientIDs where book.caseFiles[client]?.status == .closed {
            let closed = book.caseFiles[client]?.closed
            let ends = period.flatMap { period in closed.map { $0.adding(days: period.days) } }
            cases.append(Case(client: client, closed: closed, ends: ends, expired: ends.map { $0 < today } ?? false))
        }
        // Those past their retention first, the longest past first; then by end date, the
        // cases with no end date last.
        cases.sort { ($0.expired ? 0 : 1, $0.ends?.dayNumber ?? Int.max, $0.client) < ($1.expired ? 0 : 1, $1.ends?.dayNumber ?? Int.max, $1.client) }
    }

    public func text(language: JournalConfig.Language, colour: Bool) -> String {
        var out: [String] = []
        if let period {
            out.append(TextColumns.styled(Message("Notes are kept \(period) (\(period.days) d) after a case is closed (retention, journal.yml)",
                                              fr: "Conservation des notes : \(period) (\(period.days) j) après la clôture (retention, journal.yml)").in(language), "1", colour))
        } else {
            out.append(TextColumns.styled(Message("No retention period: add `retention: 3y` (for instance) to journal.yml",
                                              fr: "Aucune durée de conservation : ajoutez `retention: 3y` (par exemple) à journal.yml").in(language), "1", colour))
        }
        out.append("")
        if cases.isEmpty {
            out.append(Message("No closed case.", fr: "Aucun accompagnement clos.").in(language))
            return out.joined(separator: "\n") + "\n"
        }
        var table = TextColumns()
        for item in cases {
            let closed = item.closed.map { Message("closed \($0)", fr: "clos le \($0)").in(language) } ?? (Message("no closed date", fr: "date de clôture absente").in(language))
            var state: TextColumns.Cell
            if let ends = item.ends, item.expired {
                state = .init(Message("\(ends.days(to: today)) d past (ended \(ends))", fr: "dépassée depuis \(ends.days(to: today)) j (fin le \(ends))").in(language), style: "31")
            } else if let ends = item.ends {
                state = .init(Message("until \(ends) (in \(today.days(to: ends)) d)", fr: "jusqu'au \(ends) (dans \(today.days(to: ends)) j)").in(language))
            } else {
                state = .init(Message("end unknown", fr: "fin inconnue").in(language), style: "33")
            }
            let hint = item.expired ? "journal retention --purge \(item.client)" : ""
            table.add([.init(item.client), .init(closed, style: item.closed == nil ? "33" : nil), state, .init(hint)])
        }
        out += table.lines(colour: colour)
        return out.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        JSONValue.object([
            ("today", .string(today.description)), ("retention", .string(period?.description)),
            ("cases", .array(cases.map { item in
                .object([("client", .string(item.client)), ("closed", .string(item.closed?.description)),
                         ("ends", .string(item.ends?.description)), ("expired", .bool(item.expired))])
            })),
        ]).rendered() + "\n"
    }
}
