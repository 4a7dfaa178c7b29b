/// The coach's hours log, as professional coaching bodies ask for it: one row per client with
/// at least one held session, in the order of their first session.
///
/// A client appears by name only when the case file says `consent: {hours_log: true}`;
/// otherwise (false, or no consent recorded) as « Client N », N being the row's rank in the
/// log: nothing of the client id, which is often the real name, goes into it, and no
/// organisation either (not even a generalised one: with the dates, a sector and a size can be
/// enough to point at one person in a small world, and no credential asks for it).
public struct HoursLog: Sendable {
    public struct Row: Sendable, Hashable {
        /// The client's name, or the pseudonym.
        public var client: String
        public var named: Bool
        /// Who commissions and pays, when it is an organisation; only for a named client.
        public var sponsorOrganisation: String?
        public var first: LocalDate
        public var last: LocalDate
        public var sessions: Int
        public var minutes: Int
        /// Held sessions with no `duration`, counted at the usual length.
        public var estimated: Int
    }

    public var rows: [Row] = []

    public var sessions: Int { rows.reduce(0) { $0 + $1.sessions } }
    public var minutes: Int { rows.reduce(0) { $0 + $1.minutes } }
    public var estimated: Int { rows.reduce(0) { $0 + $1.estimated } }

    /// `archived`: the anonymous lines `retention --purge --keep-hours` kept in the journal's
    /// `hours-archive.yml`, counted as unnamed clients.
    public init(book: CaseBook, archived: [HoursArchive.Entry] = []) {
        var found: [(id: String, row: Row)] = []
        for (index, entry) in archived.enumerated() {
            // Sorted among the others by first session; the id only breaks ties, never shown.
            found.append(("\u{10FFFF}archived-\(String(format: "%06d", index))", Row(
                client: "", named: false, sponsorOrganisation: nil, first: entry.first, last: entry.last,
                sessions: entry.sessions, minutes: entry.minutes, estimated: entry.estimated)))
        }
        for client in book.clientIDs {
            guard let file = book.caseFiles[client] else { continue }
            let held = (book.dated[client] ?? []).filter(\.isHeldSession)
            guard let first = held.first?.date?.date, let last = held.last?.date?.date else { continue }
            let usual = book.defaultDuration(of: client)
            let named = file.consent.hoursLog
            let organisation = named ? file.sponsor.map { $0.organisation ?? file.organisation?.name } ?? nil : nil
            found.append((client, Row(
                client: named ? file.name ?? client : "", named: named, sponsorOrganisation: organisation,
                first: first, last: last, sessions: held.count,
                minutes: held.reduce(0) { $0 + ($1.durationMinutes ?? usual) },
                estimated: held.filter { $0.durationMinutes == nil }.count)))
        }
        found.sort { ($0.row.first, $0.id) < ($1.row.first, $1.id) }
        rows = found.enumerated().map { index, entry in
            var row = entry.row
            if !row.named { row.client = "Client \(index + 1)" }
            return row
        }
    }

    static func hours(_ minutes: Int, decimalComma: Bool) -> String {
        let hundredths = (minutes * 100 + 30) / 60
        let text = "\(hundredths / 100)." + LocalDate.pad(hundredths % 100, 2)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    private func headers(_ language: JournalConfig.Language) -> [String] {
        [Message("client", fr: "client"), Message("sponsor organisation", fr: "organisation commanditaire"),
         Message("first session", fr: "première séance"), Message("last session", fr: "dernière séance"),
         Message("sessions held", fr: "séances tenues"), Message("hours", fr: "heures"),
         Message("sessions without duration", fr: "séances sans durée")].map { $0.in(language) }
    }

    private func cells(_ row: Row, comma: Bool) -> [String] {
        [row.client, row.sponsorOrganisation ?? "", row.first.description, row.last.description, String(row.sessions),
         Self.hours(row.minutes, decimalComma: comma), String(row.estimated)]
    }

    private func totalCells(_ fr: Bool, comma: Bool) -> [String] {
        ["Total", "", rows.map(\.first).min()?.description ?? "", rows.map(\.last).max()?.description ?? "",
         String(sessions), Self.hours(minutes, decimalComma: comma), String(estimated)]
    }

    // MARK: CSV

    /// The two kinds of CSV: the one a French spreadsheet opens as it is, and the standard one.
    public enum CSVStyle: String, Sendable, CaseIterable {
        /// What Excel expects in France (and LibreOffice reads too): a UTF-8 byte order mark
        /// (without it Excel reads « é » as « Ã© »), `;` between fields (the comma is the decimal
        /// separator there), hours with a decimal comma.
        case excelFR = "excel-fr"
        /// RFC 4180: `,` between fields, hours with a decimal point, no byte order mark; for
        /// scripts, and spreadsheets set to English.
        case rfc4180

        /// A French journal's hours open in a French spreadsheet; an English one's are standard.
        public static func defaultStyle(for language: JournalConfig.Language) -> CSVStyle {
            switch language {
            case .fr: .excelFR
            case .en: .rfc4180
            }
        }
    }

    /// A header row, CRLF line ends, fields quoted when they hold the separator, a quote or a
    /// line break, and a last row of totals; separator, decimal mark and byte order mark as
    /// `style` says.
    public func csv(language: JournalConfig.Language, style: CSVStyle? = nil) -> String {
        let fr = language == .fr
        let style = style ?? CSVStyle.defaultStyle(for: language)
        let comma = style == .excelFR
        let separator: Character = comma ? ";" : ","
        var lines = [headers(language)]
        lines += rows.map { cells($0, comma: comma) }
        lines.append(totalCells(fr, comma: comma))
        let body = lines.map { $0.map { Self.csvField($0.escapingControls, separator: separator) }.joined(separator: String(separator)) + "\r\n" }.joined()
        return (comma ? "\u{FEFF}" : "") + body
    }

    static func csvField(_ raw: String, separator: Character = ",") -> String {
        // A cell that opens with = + - @ (or a tab or CR) is a formula to a spreadsheet: a name
        // written « =HYPERLINK(…) » must stay text. A quote before it is what they expect.
        let text = raw.first.map { "=+-@\t\r".contains($0) } == true && Double(raw) == nil ? "'" + raw : raw
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Markdown

    /// A Markdown table (readable as it is in a terminal), totals in bold, and a note on the
    /// sessions counted at their usual length.
    public func markdown(language: JournalConfig.Language, coach: String?) -> String {
        let fr = language == .fr
        var out = Message("# Coaching hours log", fr: "# Journal des heures de coaching").in(language)
        if let coach { out += Message(" of \(coach.escapingControls)", fr: " de \(coach.escapingControls)").in(language) }
        out += "\n\n"
        guard !rows.isEmpty else {
            return out + (Message("No session held yet.\n", fr: "Aucune séance tenue pour l'instant.\n").in(language))
        }
        var table = [headers(language)] + rows.map { cells($0, comma: fr) }
        table.append(totalCells(fr, comma: fr).map { $0.isEmpty ? "" : "**\($0)**" })
        let escaped = table.map { $0.map { $0.escapingControls.replacingOccurrences(of: "|", with: "\\|") } }
        var widths = Array(repeating: 3, count: escaped[0].count)
        for row in escaped { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        let numeric: Set<Int> = [4, 5, 6]
        func line(_ row: [String]) -> String {
            "| " + row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric.contains(index) ? pad + cell : cell + pad
            }.joined(separator: " | ") + " |\n"
        }
        out += line(escaped[0])
        out += "|" + widths.enumerated().map { index, width in
            numeric.contains(index) ? " " + String(repeating: "-", count: width - 1) + ": " : " " + String(repeating: "-", count: width) + " "
        }.joined(separator: "|") + "|\n"
        for row in escaped.dropFirst() { out += line(row) }
        let pseudonyms = rows.filter { !$0.named }.count
        if estimated > 0 || pseudonyms > 0 { out += "\n" }
        if estimated > 0 {
            out += Message("Sessions with no `duration` are counted at the usual length (the contract's, else journal.yml's `duration`, else 60 minutes).\n",
                       fr: "Les séances sans `duration` sont comptées à la durée habituelle (celle du contrat, sinon `duration` de journal.yml, sinon 60 minutes).\n").in(language)
        }
        if pseudonyms > 0 {
            out += Message("“Client N”: the client has not consented to be named in this log (`consent.hours_log`); neither their name nor their organisation is shown.\n",
                       fr: "« Client N » : le client n'a pas consenti à figurer nommément dans ce journal (`consent.hours_log`) ; ni son nom ni son organisation n'y figurent.\n").in(language)
        }
        return out
    }
}
