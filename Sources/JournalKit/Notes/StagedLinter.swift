import Foundation

/// Checks the notes staged in git, reading the staged blobs rather than the working files: what
/// the pre-commit hook runs, so that what is checked is exactly what is committed.
public struct StagedLinter: Sendable {
    public let journal: Journal

    public init(journal: Journal) {
        self.journal = journal
    }

    public enum Failure: UserFacingError, Sendable {
        case noGit

        public func message(in language: JournalConfig.Language) -> String {
            language == .fr ? "git n'est pas disponible, ou le journal n'est pas dans un dépôt git"
                            : "git is not available, or the journal is not in a git repository"
        }
    }

    public func lint() throws -> [Diagnostic] {
        guard let git = Initializer.which("git"),
              let top = Initializer.output(git, ["-C", journal.root.path, "rev-parse", "--show-toplevel"]) else {
            throw Failure.noGit
        }
        let prefix = Self.relativePrefix(of: journal.root.path, in: top)
        guard let names = Initializer.outputData(git, ["-C", top, "diff", "--cached", "--name-only", "-z",
                                                       "--diff-filter=ACMR", "--", "*.md"])
            .map({ String(decoding: $0, as: UTF8.self) }) else {
            throw Failure.noGit
        }
        // The journal.yml in git's index is the one that will be committed: it is checked, and the
        // notes are read with its headings, rather than with the one in the folder.
        var config = journal.config
        let configName = prefix + JournalConfig.fileName
        if let data = Self.blob(git, top: top, name: configName) {
            config = Journal.config(from: data)
        }
        let parser = NoteParser(aliases: config.headingAliases, zone: config.timezone)
        var diagnostics: [Diagnostic] = config.diagnostics
        var staged: [String: Note] = [:]
        for name in names.split(separator: "\0").map(String.init) {
            guard name.hasPrefix(prefix) else { continue }
            let path = String(name.dropFirst(prefix.count))
            let first = path.split(separator: "/").first.map(String.init) ?? ""
            if FileWalker.skippedTopLevel.contains(first) || path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                continue
            }
            guard let data = Self.blob(git, top: top, name: name) else { continue }
            let note = parser.parse(data: data, path: path)
            staged[path] = note
            diagnostics += note.diagnostics
        }
        diagnostics += try crossNoteDiagnostics(staged)
        return diagnostics.sorted()
    }

    /// The checks that need a client's other notes (refs, ids, case files), run on the staged
    /// notes together with the client's other notes as the index has them.
    private func crossNoteDiagnostics(_ staged: [String: Note]) throws -> [Diagnostic] {
        guard !staged.isEmpty else { return [] }
        let store = try IndexStore.open(journal)
        _ = try store.update()
        var known = try store.clientsWithCaseFile()
        for note in staged.values where note.type == .client { known.insert(note.client ?? "") }
        let resolver = Resolver(zone: journal.config.timezone)
        var found: [Diagnostic] = []
        for client in Set(staged.values.map { $0.client ?? "" }).sorted() {
            var notes = try store.notes(ofClient: client).filter { staged[$0.path] == nil }
            notes += staged.values.filter { ($0.client ?? "") == client }
            let resolution = resolver.resolve(client: client.isEmpty ? nil : client, notes: notes,
                                              knownClients: known)
            found += resolution.diagnostics.filter { staged[$0.path] != nil }
        }
        return found
    }

    static func relativePrefix(of root: String, in top: String) -> String {
        let realRoot = FileWalker.realPath(root) ?? root
        let realTop = FileWalker.realPath(top) ?? top
        guard realRoot != realTop, realRoot.hasPrefix(realTop + "/") else { return "" }
        return String(realRoot.dropFirst(realTop.count + 1)) + "/"
    }

    private static func blob(_ git: String, top: String, name: String) -> Data? {
        Initializer.outputData(git, ["-C", top, "show", ":" + name])
    }
}
