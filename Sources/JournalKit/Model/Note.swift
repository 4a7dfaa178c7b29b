/// Everything `journal` reads out of one Markdown file. Stored in the index as is, so that a
/// file whose size and mtime did not change is never read again.
struct Note: Sendable, Codable, Hashable {
    /// Relative to the journal root, with `/`.
    var path: String
    /// nil: the file has no front-matter `type`, so it is not a journal document.
    var type: DocumentType?
    /// The `client` field, else the client folder the file sits in.
    var client: String?
    var date: DateValue?
    var status: SessionStatus?
    var number: Int?
    var mode: Mode?
    var durationMinutes: Int?
    var cancelledBy: Party?
    var next: DateValue?
    /// `next: none`: the coach decided not to fix a date.
    var nextIsNone = false
    var nextReason: String?
    /// Chemistry calls.
    var clientBriefed: TriState?
    var disclosureAgreed: [String]?
    var fit: Fit?
    var decision: Decision?
    /// Three-way meetings and supervision.
    var participants: [String] = []
    var supervisor: String?
    var cases: [String] = []
    /// Case files.
    var caseFile: CaseFile?
    /// Line of each front-matter key, for diagnostics about it.
    var keyLines: [String: Int] = [:]
    var items: [NoteItem] = []
    var diagnostics: [Diagnostic] = []
    /// `<!-- journal-lint-disable RULE -->` comments: what lint must not report here.
    var suppressions: [Suppression] = []
    /// Words that look like people's names, outside private sections, comments and code.
    var names: [NameCandidate] = []
    /// The note's lines for the full-text search: set by the parser, stored in the index's
    /// search table only (`storageData` leaves them out of the stored note, which they would
    /// double in size).
    var searchLines: [SearchLine]?

    struct Suppression: Sendable, Codable, Hashable {
        /// Empty: every rule.
        var rules: [String]
        var line: Int
        /// `-next-line`: only the line after the comment; else the rest of the file.
        var nextLineOnly: Bool

        func covers(rule: String, line findingLine: Int) -> Bool {
            guard rules.isEmpty || rules.contains(rule) else { return false }
            return nextLineOnly ? findingLine == line + 1 : findingLine >= line
        }
    }

    /// The file name without `.md`: the first half of implicit commitment ids.
    var stem: String { Self.stem(of: path) }

    static func stem(of path: String) -> String {
        // The last non-empty component, as `split(separator: "/").last` gives it, without
        // making every component (the resolver asks for it per item).
        var name = Substring(path)
        while name.last == "/" { name = name.dropLast() }
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.isEmpty { name = Substring(path) }
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : String(name)
    }

    /// Whether the note takes a `date`.
    var isDated: Bool { type != nil && type != .client }

    init(path: String) {
        self.path = path
    }
}
