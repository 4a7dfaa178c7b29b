import Foundation

/// The last check on the outputs other than summaries, made on the text as it will be read and
/// independent of how it was built: a sponsor report shows nothing of what the notes say beyond
/// what it is allowed to, the hours log names no client who did not agree to it, and the
/// calendar carries no private text and, unless `--names`, no declared name. One hit and nothing
/// is written.
public enum OutputCheck {
    public enum Output: String, Sendable { case report, hours, calendar }

    public struct Refused: UserFacingError, Sendable {
        public var output: Output
        public var hits: [LeakHit]

        public var message: Message {
            let what: Message
            switch output {
            case .report: what = Message("the report would show", fr: "le rapport montrerait")
            case .hours: what = Message("the hours log would show", fr: "le journal des heures montrerait")
            case .calendar: what = Message("the calendar would show", fr: "le calendrier montrerait")
            }
            return LeakHit.report(hits, head: Message("\(what.en) \(hits.count) item(s) it must not show; nothing was written:\n",
                                                  fr: "\(what.fr) \(hits.count) élément(s) qu'il ne doit pas montrer ; rien n'a été écrit :\n"),
                                  template: Message("the template in templates/", fr: "le modèle dans templates/"))
        }
    }

    /// A sponsor report (`text`, Markdown or HTML) of `client`: no passage of the client's notes
    /// (sessions, chemistry calls, the case file's own text, `need`, commitments, private parts)
    /// other than what the report may quote (the objectives and themes of the case file, as
    /// worded there) and what the built-in template says by itself.
    public static func report(_ text: String, html: Bool, report: SponsorReport, book: CaseBook, journal: Journal) throws {
        let id = ClientID.normalized(report.clientID)
        var forbidden: [String] = []
        for note in book.documents where note.client == id && note.type != .supervision {
            forbidden += NoteBody(root: journal.root, path: note.path).source.split(separator: "\n").map(String.init)
            forbidden += note.items.map(\.text)
        }
        if let file = book.caseFiles[id] { forbidden += [file.need, file.demand, file.outcome].compactMap { $0 } }
        // The names the report gives by design (the client, the sponsor, the coach) may stand
        // alone on a line of the notes too (« # Jean-Marc Lemaire-Dubois »).
        var allowed = (report.objectives ?? []).compactMap(\.text) + (report.themes ?? [])
            + [report.client, report.sponsor, report.sponsorOrganisation, report.coach].compactMap { $0 }
        // The template's own words, rendered with every value blank.
        let skeleton = try Templates(journalRoot: nil, language: journal.config.language)
            .render("report.md", report.context(journal.config.language).mapValues(Templates.blanked))
        allowed.append(skeleton)
        let gate = LeakGate(registries: [], privateLines: forbidden, publicLines: allowed, checks: [.privateText])
        let hits = gate.scan(html ? HTMLPage.readableText(text) : text)
        guard hits.isEmpty else { throw Refused(output: .report, hits: hits) }
    }

    /// The hours log: no name, organisation, email, phone or id of a client without
    /// `consent.hours_log` (nor of their sponsor or the people of their case), except words that
    /// the log shows for a client who agreed, or the coach's own name.
    public static func hours(_ text: String, book: CaseBook) throws {
        var hidden: [Registry] = []
        var shown = PersonWords.of(book.config.coach ?? "")
        for id in book.clientIDs {
            guard let file = book.caseFiles[id] else { continue }
            if file.consent.hoursLog {
                shown.formUnion(PersonWords.of(file.name ?? id))
                shown.formUnion(PersonWords.of(file.sponsor?.organisation ?? ""))
                shown.formUnion(PersonWords.of(file.organisation?.name ?? ""))
            } else {
                hidden.append(registry(id, file, language: book.config.language))
            }
        }
        let hits = LeakGate(registries: hidden, checks: [.names, .initials]).scan(text)
            .filter { !PersonWords.of($0.found).isSubset(of: shown) }
        guard hits.isEmpty else { throw Refused(output: .hours, hits: hits) }
    }

    /// The calendar: no private passage of the notes whose commitments it lists, and without
    /// `names` no client's declared name (initials are what it shows instead).
    public static func calendar(_ text: String, book: CaseBook, journal: Journal, names: Bool) throws {
        // Content lines are folded at 75 octets: unfolded, a name cut in two is whole again.
        // UID lines are left out: they are ours, HMAC-SHA256 in hex, where any name of three
        // letters a-f (« Dec », « Abe ») turns up by chance between digits.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !Self.isOurUID($0) }.joined(separator: "\n")
        var hits: [LeakHit] = []
        if !names {
            let registries = book.clientIDs.compactMap { id in book.caseFiles[id].map { registry(id, $0, language: book.config.language) } }
            // Initials are what the calendar shows instead of a name, an alias such as « H.G. » included.
            hits += LeakGate(registries: registries, checks: [.names]).scan(unfolded).filter { hit in
                !hit.found.split(whereSeparator: { !$0.isLetter }).allSatisfy { $0.count == 1 }
            }
        }
        var privateLines: [String] = []
        var publicLines: [String] = []
        let outgoing = OutgoingText(anonymiser: nil)
        for path in Set(book.commitments.filter { $0.owner == .coach }.map(\.path)).sorted() {
            let body = NoteBody(root: journal.root, path: path)
                .rendered(aliases: book.config.headingAliases, shift: 0, outgoing: outgoing, path: path, context: nil)
            privateLines += body.privateLines
            publicLines += body.publicLines
        }
        hits += LeakGate(registries: [], privateLines: privateLines, publicLines: publicLines, checks: [.privateText]).scan(unfolded)
        guard hits.isEmpty else { throw Refused(output: .calendar, hits: hits) }
    }

    /// A UID line as ICalendar writes it (`JournalSecret.uid`): 32 lowercase hex digits and
    /// `@journal`, nothing else, so that no text of a note can pass for one.
    static func isOurUID(_ line: Substring) -> Bool {
        guard line.hasPrefix("UID:"), line.hasSuffix("@journal") else { return false }
        let hex = line.dropFirst(4).dropLast("@journal".count)
        return hex.utf8.count == 32 && hex.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// What a case file declares, for the names checks only (pseudonyms are not used here).
    private static func registry(_ id: String, _ file: CaseFile, language: JournalConfig.Language) -> Registry {
        var pseudonyms = Pseudonyms(key: "", language: language, excluded: [])
        return Registry(client: id, file: file, stems: [], pseudonyms: &pseudonyms, language: language)
    }
}
