import Foundation

/// `journal summarize CLIENT`: a case summary a supervisor can follow without being able to
/// tell who the client is (docs/privacy.md). Everything that leaves goes through the `Anonymiser`;
/// the rendered text then goes through the `LeakGate`, and nothing is returned if it finds
/// anything.
public enum CaseSummary {
    public enum Format: String, Sendable, CaseIterable { case markdown = "md", html }

    public struct Options: Sendable {
        public var client: String
        public var format: Format
        public var anonymise: Bool
        /// Refuse to render while a name the case file does not declare remains.
        public var strict: Bool
        /// Meant for a publication (a case study): refused without `consent.case_study`.
        public var forPublication: Bool
        public init(client: String, format: Format = .markdown, anonymise: Bool = true, strict: Bool = false,
                    forPublication: Bool = false) {
            // However it was typed: the index keys clients in one normal form.
            self.client = ClientID.normalized(client)
            self.format = format
            self.anonymise = anonymise
            self.strict = strict
            self.forPublication = forPublication
        }
    }

    /// A name that looks like a person's and that the case file does not declare.
    public struct UndeclaredName: Sendable, Hashable {
        public var name: String
        public var path: String
        public var line: Int
        /// False for a first name that may be an ordinary word (« Rose » at the start of a
        /// sentence): hidden all the same, but `--strict` does not refuse for it.
        public var confident = true
    }

    public struct Output: Sendable {
        public var text: String
        /// Replaced by « [personne] »: the coach should declare them.
        public var undeclared: [UndeclaredName]
        /// The client's notes that could not be read in full (too large, a broken header): what
        /// they hold is missing, and the summary says so in its first lines.
        public var unread: [String] = []
    }

    public enum Failure: UserFacingError, Sendable {
        case leak([LeakHit])
        case undeclared([UndeclaredName])
        /// `--for-publication` without the client's consent, or without anonymisation.
        case noConsent(String)

        public var message: Message {
            switch self {
            case .noConsent(let id):
                return Message("the case file of `\(id)` does not give `consent: {case_study: true}`: a summary for publication is refused (without --for-publication it stays for supervision only)",
                           fr: "le dossier de `\(id)` ne donne pas `consent: {case_study: true}` : une synthèse pour publication est refusée (sans --for-publication, elle reste réservée à la supervision)")
            case .undeclared(let names):
                return (Message("--strict: \(names.count) name(s) not declared in the case file; declare them under `people` (or `aliases`) in clients/…/client.md; nothing was written",
                            fr: "--strict : \(names.count) nom(s) non déclaré(s) dans le dossier ; déclarez-les dans `people` (ou `aliases`) de clients/…/client.md, rien n'a été écrit"))
            case .leak(let hits):
                return LeakHit.report(hits, head: Message("the summary would leak \(hits.count) identifying item(s); nothing was written:\n",
                                                      fr: "la synthèse laisserait passer \(hits.count) élément(s) identifiant(s) ; rien n'a été écrit :\n"),
                                      template: Message("templates/summary.md", fr: "templates/summary.md"))
            }
        }
    }

    public static func render(_ journal: Journal, store: IndexStore, options: Options) throws -> Output {
        let language = journal.config.language
        let notes = try store.notes(ofClient: options.client)
        let unread = try store.unreadNotes(ofClient: options.client)
        guard let resolution = try store.resolutions(of: [options.client]).first,
              let caseNote = notes.first(where: { $0.type == .client }), let file = caseNote.caseFile else {
            throw UnknownClient(options.client, needed: .caseFile, nearest: Suggestion.nearest(to: options.client, among: try store.clientsWithCaseFile()))
        }
        if options.forPublication, !file.consent.caseStudy || !options.anonymise { throw Failure.noConsent(options.client) }
        let documents = notes.filter { $0.type != nil && $0.type != .client && $0.type != .supervision && $0.date != nil }
            .sorted { ($0.date!.date, $0.path) < ($1.date!.date, $1.path) }
        let origin = documents.first(where: { $0.type == .session && ($0.status ?? .held) == .held })?.date?.date
            ?? documents.first?.date?.date

        // What to hide, and with what.
        var registry: Registry?
        var undeclared: [UndeclaredName] = []
        var anonymiser: Anonymiser?
        if options.anonymise {
            let coach = PersonWords.of(journal.config.coach ?? "")
            let excluded = coach.union(try store.personWords())
            var pseudonyms = Pseudonyms(key: try Pseudonyms.key(of: journal), language: language, excluded: excluded)
            let declared = Registry(client: options.client, file: file, stems: ([caseNote] + documents).map(\.stem),
                                    pseudonyms: &pseudonyms, language: language)
            registry = declared
            undeclared = undeclaredNames(file: file, client: options.client, notes: [caseNote] + documents, coach: journal.config.coach)
            anonymiser = Anonymiser(registry: declared, language: language, origin: origin, undeclared: Set(undeclared.map(\.name)),
                                    detectsNames: true, notUndeclared: coach.union(PersonWords.declared(by: file, client: options.client)))
        }
        let outgoing = OutgoingText(anonymiser: anonymiser)
        // Each body read and parsed once: rewritten for the summary, its private lines kept for the gate.
        var bodies: [String: NoteBody.Rendered] = [:]
        var sources: [String: String] = [:]
        for (note, shift) in [(caseNote, 1)] + documents.map({ ($0, 2) }) {
            let body = NoteBody(root: journal.root, path: note.path)
            sources[note.path] = body.source
            // The template writes « Contexte » above the case file's text: its own heading would repeat it.
            bodies[note.path] = body.rendered(aliases: journal.config.headingAliases, shift: shift, outgoing: outgoing,
                                              path: note.path, context: note.type == .client ? nil : note.date?.date,
                                              droppedHeadings: note.type == .client ? ["contexte", "context"] : [])
        }
        let builder = SummaryBuilder(language: language, anonymiser: anonymiser, outgoing: outgoing, origin: origin, file: file,
                                     client: options.client, resolution: resolution, documents: documents,
                                     bodies: bodies.mapValues(\.markdown), casePath: caseNote.path)
        let templates = Templates(journalRoot: journal.root, language: language)
        let values = builder.context()
        // Names found on the way out, in code, items or front-matter fields, are listed too.
        var known = Set(undeclared.map(\.name))
        for (name, path) in outgoing.undeclared where !known.contains(name) {
            known.insert(name)
            let line = (sources[path] ?? "").split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(name) }
            undeclared.append(UndeclaredName(name: name, path: path, line: line.map { $0 + 1 } ?? 0))
        }
        // Undeclared places too, word by word, as the gate reads words: one named « à Roubaix »
        // in a note and « Roubaix » alone in an earlier one stops the summary.
        let gateWords = known.union(outgoing.placeWords)
        if options.strict, undeclared.contains(where: \.confident) { throw Failure.undeclared(undeclared.filter(\.confident)) }
        // The notice no template can drop: without consent, the summary is for supervision only.
        var notice = options.anonymise && !file.consent.caseStudy ? supervisionOnly(language) + "\n\n" : ""
        if !unread.isEmpty { notice += incomplete(unread.count, language) + "\n\n" }
        func page(_ templates: Templates, _ values: [String: Any], title: String) throws -> (markdown: String, text: String) {
            let markdown = notice + tidy(try templates.render("summary.md", values))
            let text = options.format == .html ? HTMLPage.render(markdown: markdown, title: title, language: language) : markdown
            return (markdown, text)
        }
        let (markdown, text) = try page(templates, values, title: builder.title)
        // What a note holds may be printed on a terminal: no escape sequence goes out raw.
        guard let registry else { return Output(text: text.escapingControlsKeepingLines, undeclared: undeclared, unread: unread) }
        let gate = LeakGate(registry: registry, undeclared: gateWords, privateLines: bodies.values.flatMap(\.privateLines),
                            publicLines: bodies.values.flatMap(\.publicLines))
        func scan(_ rendered: (markdown: String, text: String)) -> [LeakHit] {
            options.format == .html ? gate.scan(HTMLPage.readableText(rendered.text)) : gate.scan(rendered.markdown)
        }
        // What the built-in template says by itself (rendered with every value blank) is not a
        // leak: only what the values add can be. A journal's own template gets no such pass: if
        // it writes a name in full, it is stopped like any other leak.
        let skeleton = try page(Templates(journalRoot: nil, language: language), values.mapValues(Templates.blanked), title: "")
        let hits = subtracting(scan(skeleton), from: scan((markdown, text)))
        guard hits.isEmpty else { throw Failure.leak(hits) }
        return Output(text: text.escapingControlsKeepingLines, undeclared: undeclared, unread: unread)
    }

    static func incomplete(_ count: Int, _ language: JournalConfig.Language) -> String {
        Message("**Incomplete**: \(count) note(s) of this case could not be read in full; what they hold is missing from this summary.",
             fr: "**Incomplète** : \(count) note(s) de ce dossier n'ont pas pu être lues en entier ; ce qu'elles contiennent manque à cette synthèse.").in(language)
    }

    static func supervisionOnly(_ language: JournalConfig.Language) -> String {
        Message("**For supervision only**: the client has not agreed to a case study; this document may not be shared or published.",
             fr: "**Réservé à la supervision** : le client n'a pas donné son accord pour une étude de cas ; ce document ne doit être ni diffusé ni publié.").in(language)
    }

    /// `hits` less those that `template` already has, counted one for one.
    private static func subtracting(_ template: [LeakHit], from hits: [LeakHit]) -> [LeakHit] {
        var counts: [String: Int] = [:]
        for hit in template { counts[hit.what + "\u{0}" + TextFold.fold(hit.found), default: 0] += 1 }
        return hits.filter { hit in
            let key = hit.what + "\u{0}" + TextFold.fold(hit.found)
            guard let count = counts[key], count > 0 else { return true }
            counts[key] = count - 1
            return false
        }
    }

    /// Words that look like names in the case's notes and that the case file does not declare:
    /// the `undeclared-person` detection, on the same notes, with the less certain ones too.
    static func undeclaredNames(file: CaseFile, client: String, notes: [Note], coach: String?) -> [UndeclaredName] {
        let declared = PersonWords.of(coach ?? "").union(PersonWords.declared(by: file, client: client))
        var found: [UndeclaredName] = []
        var seen = Set<String>()
        for note in notes {
            for candidate in note.names {
                guard !PersonWords.of(candidate.name).isSubset(of: declared), !seen.contains(candidate.name) else { continue }
                seen.insert(candidate.name)
                found.append(UndeclaredName(name: candidate.name, path: note.path, line: candidate.line, confident: candidate.confident))
            }
        }
        return found
    }

    /// Blank lines at most two in a row, one newline at the end.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blanks = 0
        // Trailing spaces off (a space is always the last byte of its character).
        for line in text.characterLines {
            var end = line.utf8.endIndex
            while end > line.utf8.startIndex, line.utf8[line.utf8.index(before: end)] == 0x20 { end = line.utf8.index(before: end) }
            let clean = line[line.startIndex..<end]
            if clean.isEmpty {
                blanks += 1
                if blanks > 1 || lines.isEmpty { continue }
            } else {
                blanks = 0
            }
            lines.append(clean)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
