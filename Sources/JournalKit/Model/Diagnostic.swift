/// One problem found in a file: where it is, how serious, which rule, and what to do.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
    // Stored as before: `message` in English, `french` in French.
    private enum CodingKeys: String, CodingKey { case path, line, column, severity, rule, message, french }

    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// Relative to the journal root, with `/`.
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var rule: String
    /// What is wrong and what to do, in both languages: both are kept, so that `--lang` can
    /// choose without reading notes again.
    public var text: Message
    public var message: String {
        get { text.en }
        set { text.en = newValue }
    }
    public var french: String {
        get { text.fr }
        set { text.fr = newValue }
    }

    public init(path: String, line: Int, column: Int, severity: Severity, rule: String,
                message: String, french: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.text = Message(message, fr: french ?? message)
    }

    init(path: String, line: Int, column: Int, severity: Severity, rule: String, _ text: Message) {
        self.init(path: path, line: line, column: column, severity: severity, rule: rule,
                  message: text.en, french: text.fr)
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try values.decode(String.self, forKey: .path), line: try values.decode(Int.self, forKey: .line),
                  column: try values.decode(Int.self, forKey: .column), severity: try values.decode(Severity.self, forKey: .severity),
                  rule: try values.decode(String.self, forKey: .rule), message: try values.decode(String.self, forKey: .message),
                  french: try values.decode(String.self, forKey: .french))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(path, forKey: .path)
        try values.encode(line, forKey: .line)
        try values.encode(column, forKey: .column)
        try values.encode(severity, forKey: .severity)
        try values.encode(rule, forKey: .rule)
        try values.encode(message, forKey: .message)
        try values.encode(french, forKey: .french)
    }

    init(path: String, line: Int, column: Int, severity: Severity, rule: Rule, _ text: Message) {
        self.init(path: path, line: line, column: column, severity: severity, rule: rule.rawValue, text)
    }

    public func message(in language: JournalConfig.Language) -> String {
        text.in(language)
    }

    /// The form compilers and editors understand: `path:line:col: severity: message [rule]`.
    /// The severity stays in English in every language: editors' problem matchers look for it.
    public func formatted(in language: JournalConfig.Language = .en) -> String {
        // The path and the message may hold a note's text (a file name, a value): controls are
        // shown escaped, so that one finding is always one line.
        "\(path.escapingControls):\(line):\(column): \(severity.rawValue): \(message(in: language).escapingControls) [\(rule)]"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.rule, lhs.message)
            < (rhs.path, rhs.line, rhs.column, rhs.rule, rhs.message)
    }
}


/// Every rule's id, written once here: the problems the parser, the walker and the index report
/// themselves, then the lint rules'. They sit below Lint so that reading journal.yml's
/// `lint.rules` and the parser need nothing from it; each rule of `LintCatalogue` takes its id
/// from here, and a test checks that every case has exactly one rule.
enum Rule: String, CaseIterable, Sendable {
    case frontmatterInvalid = "frontmatter-invalid"
    case fieldMissing = "field-missing"
    case fieldInvalid = "field-invalid"
    case fieldUnknown = "field-unknown"
    case clientUnknown = "client-unknown"
    case markerInvalid = "marker-invalid"
    case idDuplicate = "id-duplicate"
    case refUnknown = "ref-unknown"
    case fileUnreadable = "file-unreadable"
    case configInvalid = "config-invalid"
    case commentUnclosed = "comment-unclosed"
    // The lint rules' own.
    case cadenceGap = "cadence-gap"
    case chemistryBriefing = "chemistry-briefing"
    case chemistryDisclosure = "chemistry-disclosure"
    case commitmentLowOdds = "commitment-low-odds"
    case commitmentNoDue = "commitment-no-due"
    case commitmentUnreviewed = "commitment-unreviewed"
    case contractExceeded = "contract-exceeded"
    case dateOrder = "date-order"
    case demandNeed = "demand-need"
    case disclosureBeyondAgreement = "disclosure-beyond-agreement"
    case missStreak = "miss-streak"
    case missWithoutReason = "miss-without-reason"
    case nextMissing = "next-missing"
    case nextNoneUnexplained = "next-none-unexplained"
    case objectiveUnvalidated = "objective-unvalidated"
    case plannedSessionPast = "planned-session-past"
    case retentionExpired = "retention-expired"
    case undeclaredPerson = "undeclared-person"
}
