import Foundation

/// Everything the reading commands (agenda, calendar, commitments, report, hours) work from,
/// read once from the index: every document, every client's case file and resolution.
public struct CaseBook: Sendable {
    public let config: JournalConfig
    /// Journal documents (case files included), by date (undated first), then path.
    let documents: [Note]
    /// Each group's resolution: the client id, or "" for notes of no client (supervision).
    let resolutions: [String: ClientResolution]
    /// Each client's case file.
    let caseFiles: [String: CaseFile]
    /// Each group's dated documents (not the case file), in date order.
    let dated: [String: [Note]]

    /// Brings the index up to date first; its structural problems are returned for the caller
    /// to show (they do not stop a reading command).
    public static func load(from store: IndexStore) throws -> (book: CaseBook, diagnostics: [Diagnostic]) {
        let report = try store.update()
        let book = CaseBook(config: store.journal.config, documents: try store.documents(),
                            resolutions: try store.resolutions())
        return (book, report.diagnostics)
    }

    init(config: JournalConfig, documents: [Note], resolutions: [ClientResolution]) {
        self.config = config
        self.documents = documents
        self.resolutions = Dictionary(resolutions.map { ($0.group, $0) }, uniquingKeysWith: { first, _ in first })
        var caseFiles: [String: CaseFile] = [:]
        var dated: [String: [Note]] = [:]
        for note in documents {
            if note.type == .client {
                if let client = note.client, let file = note.caseFile, caseFiles[client] == nil {
                    caseFiles[client] = file
                }
            } else if note.date != nil {
                dated[note.type == .supervision ? "" : note.client ?? "", default: []].append(note)
            }
        }
        self.caseFiles = caseFiles
        self.dated = dated
    }

    /// Ids of the clients with a case file, sorted.
    public var clientIDs: [String] { caseFiles.keys.sorted() }

    public func hasClient(_ id: String) -> Bool { caseFiles[id] != nil }

    /// The known client nearest to a misspelt id, for a did-you-mean.
    public func nearestClient(to id: String) -> String? { Suggestion.nearest(to: id, among: clientIDs) }

    func resolved(_ client: String) -> ResolvedClient? { resolutions[client]?.client }

    /// The case file of `client`, and its notes in the case-file note (for objectives, themes).
    func caseNote(of client: String) -> Note? {
        documents.first { $0.type == .client && $0.client == client }
    }

    /// The expected interval between sessions: the contract's, else journal.yml's.
    func cadence(of client: String) -> Cadence? {
        caseFiles[client]?.contract?.cadence ?? config.cadence
    }

    /// The usual length of a session: the contract's, else journal.yml's, else an hour.
    func defaultDuration(of client: String) -> Int {
        caseFiles[client]?.contract?.duration ?? config.duration ?? Self.fallbackDuration
    }

    static let fallbackDuration = 60

    /// Every commitment, sorted by client, then path and line.
    var commitments: [ResolvedCommitment] {
        resolutions.keys.sorted().flatMap { resolutions[$0]!.commitments }
            .sorted { ($0.client ?? "", $0.path, $0.line) < ($1.client ?? "", $1.path, $1.line) }
    }

    /// Short initials for a client: from the case file's name, else from the id
    /// (`Nadia Benali` → `N.B.`; `jean-luc-roux` → `J.L.R.`). Lower-case particles are left out.
    func initials(of client: String) -> String {
        if client.isEmpty { return "" }
        let source = caseFiles[client]?.name ?? client.replacingOccurrences(of: "-", with: " ")
        var letters = ""
        for word in source.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2019}" || $0 == "'" }) {
            guard let first = word.first, first.isLetter else { continue }
            if caseFiles[client]?.name != nil, first.isLowercase { continue }
            letters += first.uppercased() + "."
        }
        return letters.isEmpty ? "?" : letters
    }

    /// The client's name as the case file gives it, else the id.
    func displayName(of client: String) -> String {
        caseFiles[client]?.name ?? client
    }
}
