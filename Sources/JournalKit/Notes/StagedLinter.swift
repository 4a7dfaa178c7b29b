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

        public var message: Message {
            Message("git is not available, or the journal is not in a git repository",
                             fr: "git n'est pas disponible, ou le journal n'est pas dans un dépôt git")
        }
    }

    /// What the check found: problems in the staged notes, and staged files that must not be
    /// committed at all.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// Staged files under `.journal/` (the index, derived and rebuilt at will) or `exports/`
        /// (what the coach wrote out for others: reports, summaries, calendars), relative to the
        /// journal.
        public var refused: [String]
    }

    /// The folders of the journal whose files are never committed (.gitignore lists them; this
    /// catches a `git add -f` or a journal whose .gitignore was lost).
    static let refusedFolders = [".journal", "exports"]

    public func lint() throws -> Outcome {
        guard let git = Git(on: journal.process),
              let top = git.output(["-C", journal.root.path, "rev-parse", "--show-toplevel"]) else {
            throw Failure.noGit
        }
        let prefix = Git.relativePrefix(of: journal.root.path, in: top)
        guard let every = git.outputData(["-C", top, "diff", "--cached", "--name-only", "-z",
                                                       "--diff-filter=ACMR"])
            .map({ String(decoding: $0, as: UTF8.self) }) else {
            throw Failure.noGit
        }
        let refused = every.split(separator: "\0").map(String.init).compactMap { name -> String? in
            guard name.hasPrefix(prefix) else { return nil }
            let path = String(name.dropFirst(prefix.count))
            let first = path.split(separator: "/").first.map(String.init) ?? ""
            return Self.refusedFolders.contains(first) ? path : nil
        }
        guard let names = git.outputData(["-C", top, "diff", "--cached", "--name-only", "-z",
                                                       "--diff-filter=ACMR", "--", "*.md"])
            .map({ String(decoding: $0, as: UTF8.self) }) else {
            throw Failure.noGit
        }
        // The journal.yml in git's index is the one that will be committed: it is checked, and the
        // notes are read with its headings, rather than with the one in the folder.
        var config = journal.config
        let configName = prefix + JournalConfig.fileName
        if let data = Self.blob(git, top: top, name: configName) {
            config = Journal.config(from: data, zone: journal.process.zone)
        }
        let parser = NoteParser(aliases: config.headingAliases, zone: config.timezone, tasks: config.tasks)
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
        return Outcome(diagnostics: diagnostics.sorted(), refused: refused.sorted())
    }

    /// Why a refused file cannot be committed, and how to take it out of the commit.
    public static func refusal(_ path: String, in language: JournalConfig.Language) -> String {
        let folder = path.hasPrefix(".journal/") ? ".journal/" : "exports/"
        let quoted = Initializer.shellQuoted(path)
        return (folder == ".journal/"
            ? Message("\(path): journal's index does not go into the repository (it is rebuilt from the notes): take it out of the commit with git reset -q -- \(quoted) (the file stays on disk)",
                      fr: "\(path) : l'index de journal ne va pas dans le dépôt (il se reconstruit à partir des notes) : retirez-le du commit avec git reset -q -- \(quoted) (le fichier reste sur le disque)")
            : Message("\(path): exports (reports, summaries, calendars) do not go into the repository: take it out of the commit with git reset -q -- \(quoted) (the file stays on disk)",
                      fr: "\(path) : les exports (rapports, synthèses, calendriers) ne vont pas dans le dépôt : retirez-le du commit avec git reset -q -- \(quoted) (le fichier reste sur le disque)")).in(language)
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

    private static func blob(_ git: Git, top: String, name: String) -> Data? {
        git.outputData(["-C", top, "show", ":" + name])
    }
}
