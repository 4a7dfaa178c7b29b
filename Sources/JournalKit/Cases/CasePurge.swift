import Foundation

/// `journal retention --purge CLIENT`: deletes a closed case's notes (the whole client folder,
/// and any note elsewhere that names the client) and its exports, once its retention has ended
/// or on the client's request for erasure; commits the removal alone when the journal is a git
/// repository. An open case is never deleted.
public struct CasePurge: Sendable {
    public enum Failure: UserFacingError, Sendable {
        case notClosed(String)
        case notExpired(String, ends: LocalDate)
        case noRetention(String)
        case noClosedDate(String)

        public var message: Message {
            switch self {
            case .notClosed(let id):
                return Message("\(id)'s case is not closed: nothing was deleted (close it first: journal close \(id) --outcome \"…\")",
                           fr: "l'accompagnement de \(id) n'est pas clos : rien n'a été supprimé (closez-le d'abord : journal close \(id) --outcome \"…\")")
            case .notExpired(let id, let ends):
                return Message("\(id)'s notes are to be kept until \(ends): nothing was deleted; before then, only if the client asks for their data to be erased (--erasure-request)",
                           fr: "la durée de conservation du dossier de \(id) court jusqu'au \(ends) : rien n'a été supprimé ; avant cette date, seulement si le client demande l'effacement de ses données (--erasure-request)")
            case .noRetention(let id):
                return Message("journal.yml sets no retention period (`retention: 3y`, say): nothing was deleted; without one, \(id)'s notes can be deleted only at the client's request (--erasure-request)",
                           fr: "journal.yml ne fixe pas de durée de conservation (`retention: 3y` par exemple) : rien n'a été supprimé ; sans elle, le dossier de \(id) ne peut être supprimé qu'à la demande du client (--erasure-request)")
            case .noClosedDate(let id):
                return Message("\(id)'s case is closed with no `closed` date: nothing was deleted; add it (journal close \(id) --outcome \"…\" --date YYYY-MM-DD) or use --erasure-request",
                           fr: "le dossier de \(id) est clos sans date `closed` : rien n'a été supprimé ; ajoutez-la (journal close \(id) --outcome \"…\" --date AAAA-MM-JJ) ou invoquez --erasure-request")
            }
        }
    }

    /// What a purge will delete, worked out before anything is touched, for the coach to confirm.
    public struct Plan: Sendable {
        public var client: String
        /// Notes and other files, relative to the journal, sorted.
        public var files: [String]
        /// Files or folders under `exports/` named after the client.
        public var exports: [String]
        /// Supervision notes whose `cases:` names the client: left for the coach to edit.
        public var supervision: [String]
        public var erasureRequest: Bool
        /// The hours the client's held sessions add up to, kept anonymously with `--keep-hours`.
        public var hours: HoursArchive.Entry?
    }

    public struct Result: Sendable {
        public var removed: [String]
        public var exports: [String]
        /// The commit's abbreviated hash, when one was made.
        public var commit: String?
        /// Why the removal could not be committed (git's own words), when it could not.
        public var commitFailure: String?
        /// The journal is in a git repository: earlier commits still hold the notes.
        public var inGit: Bool
        /// The paths to give `git filter-repo`, relative to the repository's top.
        public var historyPaths: [String]
        public var keptHours: Bool
    }

    public let journal: Journal

    public init(journal: Journal) { self.journal = journal }

    public func plan(book: CaseBook, client typed: String, today: LocalDate, erasureRequest: Bool) throws -> Plan {
        let client = ClientID.normalized(typed)
        guard let file = book.caseFiles[client] else {
            throw UnknownClient(client, nearest: book.nearestClient(to: client))
        }
        guard file.status == .closed else { throw Failure.notClosed(client) }
        if !erasureRequest {
            guard let period = book.config.retention else { throw Failure.noRetention(client) }
            guard let closed = file.closed else { throw Failure.noClosedDate(client) }
            let ends = closed.adding(days: period.days)
            guard ends < today else { throw Failure.notExpired(client, ends: ends) }
        }
        var files = Set(Self.filesUnder(journal.root, "clients/" + client))
        for note in book.documents where note.client == client && note.type != .supervision {
            files.insert(note.path)
        }
        let supervision = book.documents.filter { $0.type == .supervision && $0.cases.map(ClientID.normalized).contains(client) }
            .map(\.path)
        let held = (book.dated[client] ?? []).filter(\.isHeldSession)
        var hours: HoursArchive.Entry?
        if let first = held.first?.date?.date, let last = held.last?.date?.date {
            let usual = book.defaultDuration(of: client)
            hours = HoursArchive.Entry(first: first, last: last, sessions: held.count,
                                       minutes: held.reduce(0) { $0 + ($1.durationMinutes ?? usual) },
                                       estimated: held.filter { $0.durationMinutes == nil }.count)
        }
        return Plan(client: client, files: files.sorted(), exports: Self.exports(of: client, root: journal.root),
                    supervision: supervision.sorted(), erasureRequest: erasureRequest, hours: hours)
    }

    /// Every file below `folder` (relative to `root`), links as links, never followed.
    static func filesUnder(_ root: URL, _ folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).path
        var info = stat()
        guard lstat(base, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [] }
        var found: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(current).path)) ?? []
            for name in names {
                let relative = current + "/" + name
                guard lstat(root.appendingPathComponent(relative).path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR { pending.append(relative) } else { found.append(relative) }
            }
        }
        return found
    }

    /// What `exports/` holds under the client's id: `ID`, `ID.ext`, `ID-…`, `ID_…` (the names a
    /// coach gives `--out` for that client).
    static func exports(of client: String, root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("exports").path)) ?? []
        return names.filter { name in
            let composed = ClientID.normalized(name)
            guard composed.hasPrefix(client) else { return false }
            let rest = composed.dropFirst(client.count)
            return rest.isEmpty || rest.first == "." || rest.first == "-" || rest.first == "_"
        }.map { "exports/" + $0 }.sorted()
    }

    /// Deletes what `plan` lists, keeps the hours first when asked, and commits the removal.
    public func execute(_ plan: Plan, keepHours: Bool, language: JournalConfig.Language) throws -> Result {
        let root = journal.root
        var kept = false
        if keepHours, let hours = plan.hours {
            // Written before anything is deleted: the hours are never lost with the notes.
            try HoursArchive.append(hours, root: root, language: language)
            kept = true
        }
        let git = Git(on: journal.process)
        let top = git.flatMap { $0.output(["-C", root.path, "rev-parse", "--show-toplevel"]) }
        var tracked: [String] = []
        if let git, top != nil, !plan.files.isEmpty,
           let data = git.outputData(["--literal-pathspecs", "-C", root.path, "ls-files", "-z", "--"] + plan.files) {
            tracked = String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
        }
        var removed: [String] = []
        for path in plan.files where unlink(root.appendingPathComponent(path).path) == 0 || errno == ENOENT {
            removed.append(path)
        }
        Self.removeEmptyFolders(under: "clients/" + plan.client, root: root)
        var exports: [String] = []
        for path in plan.exports where (try? FileManager.default.removeItem(at: root.appendingPathComponent(path))) != nil {
            exports.append(path)
        }
        var commit: String?
        var failure: String?
        if let git, top != nil, !tracked.isEmpty || kept {
            let paths = tracked + (kept ? [HoursArchive.fileName] : [])
            let subject = plan.erasureRequest
                ? (Message("Delete a closed case at the client's request (right to erasure)",
                       fr: "Suppression d'un dossier clos à la demande du client (droit à l'effacement)").in(language))
                : (Message("Delete a closed case whose retention period has ended",
                       fr: "Suppression d'un dossier clos dont la durée de conservation est écoulée").in(language))
            // The client is not named: a message outlives the files it describes.
            let body = Message("Made by journal retention --purge. This commit holds the removed files only\(kept ? ", and the hours kept anonymously" : "").",
                           fr: "Fait par journal retention --purge. Ce commit ne contient que les fichiers retirés\(kept ? " et les heures gardées anonymement" : "").").in(language)
            _ = git.outputData(["--literal-pathspecs", "-C", root.path, "rm", "-q", "-r", "--cached", "--ignore-unmatch", "--"] + tracked)
            if kept { _ = git.outputData(["--literal-pathspecs", "-C", root.path, "add", "--", HoursArchive.fileName]) }
            let result = Self.run(git.program, ["--literal-pathspecs", "-C", root.path, "commit", "-q", "--only", "-m", subject, "-m", body, "--"] + paths)
            if result.status == 0 {
                commit = git.output(["-C", root.path, "rev-parse", "--short", "HEAD"])
            } else {
                failure = result.error.trimmingWhitespace.isEmpty ? "git commit: \(result.status)" : result.error.trimmingWhitespace
            }
        }
        let prefix = top.map { Git.relativePrefix(of: root.path, in: $0) } ?? ""
        var history = tracked.contains { $0.hasPrefix("clients/\(plan.client)/") } ? [prefix + "clients/\(plan.client)/"] : []
        history += tracked.filter { !$0.hasPrefix("clients/\(plan.client)/") }.map { prefix + $0 }
        return Result(removed: removed, exports: exports, commit: commit, commitFailure: failure, inGit: top != nil,
                      historyPaths: history, keptHours: kept)
    }

    private static func removeEmptyFolders(under folder: String, root: URL) {
        let base = root.appendingPathComponent(folder)
        var folders: [String] = []
        var pending = [base.path]
        var info = stat()
        while let current = pending.popLast() {
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            folders.append(current)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? [] { pending.append(current + "/" + name) }
        }
        // Deepest first; rmdir leaves a folder that still holds something.
        for path in folders.sorted(by: { $0.count > $1.count }) { rmdir(path) }
    }

    private static func run(_ program: String, _ arguments: [String]) -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
