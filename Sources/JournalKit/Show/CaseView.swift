public import Foundation

/// `journal show CLIENT`: one case on one screen, for the coach before a session. It is the
/// coach's own view: private sections appear, marked as such, and nothing is anonymised.
public struct CaseView: Sendable {
    /// One section of a note as the timeline shows it: its heading and its first line of text.
    public struct Section: Sendable, Hashable {
        /// nil for the text before the first heading.
        public var heading: String?
        public var firstLine: String
        public var isPrivate: Bool
    }

    public struct Entry: Sendable, Hashable {
        public var path: String
        public var type: DocumentType
        public var date: DateValue?
        public var status: SessionStatus?
        public var number: Int?
        public var sections: [Section]
    }

    public struct Miss: Sendable, Hashable {
        public var date: LocalDate?
        public var commitment: String
        public var reason: MissReason?
        public var path: String
        public var line: Int
    }

    public var client: String
    public var today: LocalDate
    public var name: String?
    public var status: ClientStatus?
    public var closed: LocalDate?
    public var outcome: String?
    public var sponsor: String?
    var contract: CaseFile.Contract?
    public var held: Int
    public var demand: String?
    public var need: String?
    public var objectives: [ResolvedObjective]
    /// The next appointment still standing, today or later.
    public var next: DateValue?
    /// With no next appointment: the agenda's reading of how long it has been.
    public var unscheduled: Unscheduled?
    public var openCommitments: [ResolvedCommitment]
    public var missStreak: Int
    /// The latest misses, newest first.
    public var recentMisses: [Miss]
    public var timeline: [Entry]

    /// How many misses the screen lists: enough to see a pattern in the reasons.
    static let missesListed = 5

    /// `root` is the journal's folder: the timeline reads each note's headings from its file.
    public init(book: CaseBook, root: URL, client typed: String, today: LocalDate) throws {
        let client = ClientID.normalized(typed)
        guard book.hasClient(client) else {
            throw UnknownClient(client, nearest: Suggestion.nearest(to: client, among: book.clientIDs))
        }
        self.client = client
        self.today = today
        let file = book.caseFiles[client]
        name = file?.name
        status = file?.status
        closed = file?.closed
        outcome = file?.outcome
        sponsor = file?.sponsor.map { person in
            ([person.name] + [person.role, person.organisation].compactMap { $0 }).joined(separator: ", ")
        }
        contract = file?.contract
        demand = file?.demand
        need = file?.need
        let notes = book.dated[client] ?? []
        held = notes.filter(\.isHeldSession).count
        let resolution = book.resolutions[client]
        objectives = resolution?.objectives ?? []
        openCommitments = (resolution?.commitments ?? []).filter(\.isOpen)
        missStreak = resolution?.client?.missStreak ?? 0
        var misses: [Miss] = []
        for commitment in resolution?.commitments ?? [] {
            for statement in commitment.history where statement.isMiss {
                misses.append(Miss(date: statement.date, commitment: commitment.id, reason: statement.reason,
                                   path: statement.path, line: statement.line))
            }
        }
        // Newest first; undated ones last.
        misses.sort { (LocalDate.sortKey($1.date), $1.path, $1.line) < (LocalDate.sortKey($0.date), $0.path, $0.line) }
        recentMisses = Array(misses.prefix(Self.missesListed))
        let standing = ScheduledAppointment.current(in: book).filter { $0.client == client }
        next = standing.first { $0.date.date >= today && !$0.cancelled }?.date
        unscheduled = book.caseFiles[client].flatMap { file in
            Unscheduled.current(client, file: file, notes: book.dated[client] ?? [], standing: standing, today: today)
        }
        let aliases = book.config.headingAliases
        // Session numbers as the index counts them (held sessions), where the note gives none.
        let numbers = Dictionary((resolution?.documents ?? []).map { ($0.path, $0.number) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for note in book.documents where note.client == client && note.type != nil {
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(note.path).path)
            entries.append(Entry(path: note.path, type: note.type!, date: note.date,
                                 status: note.type == .session ? note.status : nil, number: numbers[note.path] ?? note.number,
                                 sections: data.map { Self.sections(of: $0, aliases: aliases) } ?? []))
        }
        timeline = entries
    }

    /// The headings of a note's body and the first line under each, comments left out. A plain
    /// reading of ATX headings (`## …`): enough for a glance, never used to decide anything.
    static func sections(of data: Data, aliases: HeadingAliases) -> [Section] {
        guard case .success(let source) = SourceText.decode(data) else { return [] }
        let frontMatter = FrontMatter(lines: source.lines)
        guard frontMatter.bodyStartLine <= source.lines.count else { return [] }
        // Comments (HTML and Obsidian's) left out, Obsidian's links shown as their text.
        let body = ObsidianSyntax.forOutput(HTMLComments.blank(source.lines[(frontMatter.bodyStartLine - 1)...].joined(separator: "\n")).text)
        var sections: [Section] = []
        var current: Section? = Section(heading: nil, firstLine: "", isPrivate: false)
        // Private headings open a private stretch that lasts until a heading of the same level or higher.
        var privateLevel: Int?
        var fenced = false
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false).prefix(10_000) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fenced.toggle() }
            if !fenced, let (level, text) = Self.heading(line) {
                if let section = current, section.heading != nil || !section.firstLine.isEmpty { sections.append(section) }
                if let open = privateLevel, level <= open { privateLevel = nil }
                if privateLevel == nil, aliases.kind(ofHeading: text) == .private { privateLevel = level }
                current = Section(heading: text, firstLine: "", isPrivate: privateLevel != nil)
                continue
            }
            if current?.firstLine.isEmpty == true, !line.isEmpty {
                current?.firstLine = Self.withoutListMarker(line)
            }
        }
        if let section = current, section.heading != nil || !section.firstLine.isEmpty { sections.append(section) }
        return sections
    }

    /// `- [x] Texte` → `Texte`: the item's words, the status being told elsewhere on the screen.
    static func withoutListMarker(_ line: String) -> String {
        var rest = Substring(line)
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            rest = rest.dropFirst(2)
        } else if let dot = rest.firstIndex(where: { $0 == "." || $0 == ")" }), dot > rest.startIndex,
                  rest[..<dot].allSatisfy(\.isASCII), rest[..<dot].allSatisfy(\.isNumber),
                  rest[rest.index(after: dot)...].first == " " {
            rest = rest[rest.index(dot, offsetBy: 2)...]
        }
        if rest.count >= 4, rest.first == "[", rest.dropFirst(2).first == "]", rest.dropFirst(3).first == " " {
            rest = rest.dropFirst(4)
        }
        let text = rest.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? line : text
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    // MARK: Labels

    static func statusLabel(_ status: ClientStatus?, _ language: JournalConfig.Language) -> String {
        switch status {
        case .prospect: return Message("prospect", fr: "prospect").in(language)
        case .active: return Message("active", fr: "actif").in(language)
        case .paused: return Message("paused", fr: "en pause").in(language)
        case .closed: return Message("closed", fr: "clos").in(language)
        case nil: return Message("no status", fr: "statut non renseigné").in(language)
        }
    }

    static func typeLabel(_ entry: Entry, _ language: JournalConfig.Language) -> String {
        switch entry.type {
        case .client: return Message("case file", fr: "dossier").in(language)
        case .chemistry: return Message("chemistry call", fr: "entretien préalable").in(language)
        case .threeWay: return Message("three-way", fr: "tripartite").in(language)
        case .supervision: return "supervision"
        case .session:
            let number = entry.number.map { " \($0)" } ?? ""
            return (Message("session", fr: "séance").in(language)) + number
        }
    }

    static func sessionLabel(_ status: SessionStatus?, _ language: JournalConfig.Language) -> String {
        switch status {
        case .held: return Message("held", fr: "tenue").in(language)
        case .planned: return Message("planned", fr: "prévue").in(language)
        case .cancelled: return Message("cancelled", fr: "annulée").in(language)
        case .noShow: return Message("no-show", fr: "absence").in(language)
        case nil: return ""
        }
    }

    static func commitmentLabel(_ status: ItemStatus, _ language: JournalConfig.Language) -> String {
        switch status {
        case .done: return Message("done", fr: "fait").in(language)
        case .partial: return Message("partly done", fr: "en partie").in(language)
        case .dropped: return Message("dropped", fr: "abandonné").in(language)
        case .carried: return Message("carried", fr: "reporté").in(language)
        case .open: return Message("open", fr: "ouvert").in(language)
        }
    }

    static func reasonLabel(_ reason: MissReason?, _ language: JournalConfig.Language) -> String {
        guard let reason else { return Message("no reason noted", fr: "sans raison notée").in(language) }
        return reason.label(in: language)
    }
}
