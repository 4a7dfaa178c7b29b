import Foundation

/// One check of the catalogue: what it finds, why it matters to a coach, and examples that
/// must and must not trigger it (run for every rule by one test, and shown in docs/lint.md).
protocol LintRule: Sendable {
    var id: String { get }
    var defaultSeverity: Diagnostic.Severity { get }
    var summary: Message { get }
    var explanation: Message { get }
    var examples: [LintExample] { get }
    func check(_ context: LintContext) -> [Finding]
}

/// A place and a message; the rule's id and severity are added by the engine.
struct Finding: Sendable {
    var path: String
    var line: Int
    var column: Int = 1
    var message: Message
    /// Only structural findings carry their own (a link outside the journal is a warning, a
    /// binary file an error, both `file-unreadable`).
    var severity: Diagnostic.Severity? = nil
}

/// A small journal, as files, and whether the rule must fire on it (at these `path:line`s).
struct LintExample: Sendable {
    var files: [String: String]
    var today: String
    /// `path:line` of each expected finding; empty for an example that must not trigger.
    var expected: [String]
    /// Where the example is written, so that a test that fails on it points there.
    var fileID: String
    var line: Int

    init(files: [String: String], today: String = "2026-06-01", expected: [String],
         fileID: String = #fileID, line: Int = #line) {
        self.files = files
        self.today = today
        self.expected = expected
        self.fileID = fileID
        self.line = line
    }
}

/// What rules look at: every note, every client's resolution, the settings and today.
struct LintContext: Sendable {
    var config: JournalConfig
    var today: LocalDate
    /// Journal documents (notes with a `type`), sorted by date then path.
    var notes: [Note]
    var resolutions: [String: ClientResolution]
    /// Problems the parser and the index found: the structural rules report them.
    var structural: [Diagnostic]

    /// Each client's case file, and each client's other notes in date order: worked out once,
    /// since every rule asks for them.
    let caseFiles: [String: (note: Note, file: CaseFile)]
    private let byClient: [String: [Note]]

    init(config: JournalConfig, today: LocalDate, notes: [Note], resolutions: [String: ClientResolution],
         structural: [Diagnostic]) {
        self.config = config
        self.today = today
        self.notes = notes
        self.resolutions = resolutions
        self.structural = structural
        var caseFiles: [String: (note: Note, file: CaseFile)] = [:]
        var byClient: [String: [Note]] = [:]
        for note in notes {
            guard let client = note.client else { continue }
            if note.type == .client {
                if let file = note.caseFile, caseFiles[client] == nil { caseFiles[client] = (note, file) }
            } else {
                byClient[client, default: []].append(note)
            }
        }
        self.caseFiles = caseFiles
        self.byClient = byClient
    }

    func notes(of client: String) -> [Note] { byClient[client] ?? [] }

    /// The expected interval between sessions: the contract's, else journal.yml's.
    func cadence(of client: String) -> Cadence? {
        caseFiles[client]?.file.contract?.cadence ?? config.cadence
    }
}

/// A rule whose problems the parser or the index already found: it gives them a home in the
/// catalogue (summary, explanation, examples, severity settings).
struct StructuralRule: LintRule {
    var id: String
    var defaultSeverity: Diagnostic.Severity
    var summary: Message
    var explanation: Message
    var examples: [LintExample]

    func check(_ context: LintContext) -> [Finding] {
        context.structural.filter { $0.rule == id }.map {
            Finding(path: $0.path, line: $0.line, column: $0.column, message: $0.text,
                    severity: $0.severity)
        }
    }
}

/// Building blocks for rule examples: a case file and notes, as text.
enum Sample {
    static func caseFile(_ fields: String = "status: active", body: String = "") -> String {
        "---\ntype: client\nname: Ana Test\n\(fields)\n---\n\(body)"
    }

    static func note(_ type: String, _ fields: String, _ body: String = "") -> String {
        "---\ntype: \(type)\n\(fields)\n---\n\(body)"
    }
}

extension Note {
    /// Where a finding about the header goes: the key's line, else the line after the last key.
    func line(ofKey key: String) -> Int {
        keyLines[key] ?? ((keyLines.values.max() ?? 1) + 1)
    }

    var isHeldSession: Bool { type == .session && status == .held }

    /// Written before the session (`status: planned`): it states nothing about the work yet.
    var isPlannedSession: Bool { type == .session && status == .planned }
}
