public import Foundation

/// `journal init`: makes a folder a journal. Safe to run twice: it only adds what is missing.
public struct Initializer: Sendable {
    public struct Report: Sendable {
        /// What was created, relative to the journal, in order.
        public var created: [String] = []
        public var gitInitialised = false
        public var hookInstalled = false
        /// A hook written by an earlier version of journal was replaced by the current one.
        public var hookUpgraded = false
        /// Why a step was skipped, for the user.
        public var notes: [Note] = []

        /// Why a step was skipped.
        public enum Note: Sendable {
            case gitMissing, gitInitFailed
            /// Someone else's hook: the line that would add the check to it.
            case otherHookExists(command: String)
            /// Someone else's hook that already runs the check: left alone, but it may let a
            /// commit through when journal cannot run, which only its author can tell.
            case otherHookRunsLint(command: String)

            public var message: Message {
                switch self {
                case .gitMissing:
                    return Message("git is not installed: the journal is not under version control", fr: "git n'est pas installé : le journal n'est pas versionné")
                case .gitInitFailed:
                    return Message("git init failed: the journal is not under version control", fr: "git init a échoué : le journal n'est pas versionné")
                case .otherHookExists(let command):
                    return Message("a pre-commit hook already exists: add the line `\(command) || exit 1` to it to check notes before each commit",
                               fr: "un hook pre-commit existe déjà : ajoutez-y la ligne `\(command) || exit 1` pour vérifier les notes avant chaque commit")
                case .otherHookRunsLint(let command):
                    return Message("a pre-commit hook not written by journal already runs `journal lint --staged`: it is left as it is; check that it refuses the commit when journal cannot run (the line `\(command) || exit 1` does)",
                               fr: "un hook pre-commit, qui n'a pas été écrit par journal, lance déjà `journal lint --staged` : il est laissé tel quel ; vérifiez qu'il refuse le commit quand journal ne peut pas tourner (c'est ce que fait la ligne `\(command) || exit 1`)")
                }
            }
        }
    }

    public let root: URL
    public let language: JournalConfig.Language
    /// The absolute path of the `journal` binary that runs, written into the hook.
    public let executable: String?

    /// Where git is found, and the time zone journal.yml is given.
    public let process: ProcessContext

    public init(root: URL, language: JournalConfig.Language = .fr, executable: String? = nil, process: ProcessContext) {
        self.root = root.standardizedFileURL
        self.language = language
        self.executable = executable
        self.process = process
    }

    /// `.gitignore`'s lines: the derived index and the exports are not committed, nor the
    /// temporary files of a write that a crash interrupted (`.NAME.PID.RANDOM.tmp`); the journal's
    /// secret must be, even when a wider rule (`*.key`) would leave it out.
    static let ignored = [".journal/", "exports/", ".*.tmp", "!" + JournalSecret.fileName]

    /// The pre-commit hook. Git runs hooks from the top of the work tree, which is not the
    /// journal when the journal is a folder inside a larger repository: the hook names it. It
    /// runs the binary that installed it (a GUI git client or an absolute-path install has no
    /// `journal` on its PATH), else the one on PATH; when neither runs, the commit is refused
    /// with what to do, in the journal's language: a check that cannot run must not pass.
    static func hook(journalFolder: String, executable: String?, language: JournalConfig.Language) -> String {
        let missing = Message("journal not found (neither $recorded nor on PATH): the notes were not checked, the commit is refused. Run 'journal hook install' from a terminal where journal works, or commit with --no-verify to skip the check.",
             fr: "journal introuvable (ni $recorded, ni dans le PATH) : les notes n'ont pas été vérifiées, le commit est refusé. Lancez « journal hook install » depuis un terminal où journal fonctionne, ou commitez avec --no-verify pour passer la vérification.").in(language)
        let broken = Message("journal ($binary) could not check the notes (code $status): the commit is refused. Reinstall journal, then run 'journal hook install', or commit with --no-verify to skip the check.",
             fr: "journal ($binary) n'a pas pu vérifier les notes (code $status) : le commit est refusé. Réinstallez journal puis lancez « journal hook install », ou commitez avec --no-verify pour passer la vérification.").in(language)
        return """
            #!/bin/sh
            # Installed by `journal init`: checks the staged notes before each commit.
            # A commit with errors is refused; fix them, or commit with --no-verify to skip the check.
            recorded=\(shellQuoted(executable ?? ""))
            binary="$recorded"
            if [ -z "$binary" ] || [ ! -x "$binary" ]; then
              binary=$(command -v journal 2>/dev/null)
            fi
            if [ -z "$binary" ]; then
              echo "\(missing)" >&2
              exit 1
            fi
            "$binary" lint --staged --journal \(shellQuoted(journalFolder))
            status=$?
            if [ "$status" -ge 126 ]; then
              echo "\(broken)" >&2
              exit 1
            fi
            exit "$status"

            """
    }

    /// `text` between single quotes, for sh: nothing inside is expanded.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The value of a `shellQuoted` word, nil when `word` is not one.
    static func shellUnquoted(_ word: Substring) -> String? {
        guard word.count >= 2, word.hasPrefix("'"), word.hasSuffix("'") else { return nil }
        let inner = word.dropFirst().dropLast()
        let pieces = inner.components(separatedBy: "'\\''")
        guard pieces.allSatisfy({ !$0.contains("'") }) else { return nil }
        return pieces.joined(separator: "'")
    }

    /// Whether `text` is a pre-commit hook that journal wrote, in this version or an earlier one
    /// (and not edited since): this version's hooks are recognised by writing the same hook
    /// again from the values it holds, earlier ones by their mark and their only command,
    /// `journal lint --staged`.
    static func isOurHook(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count >= 2, lines[0] == "#!/bin/sh", lines[1].hasPrefix("# Installed by `journal init`") else { return false }
        if let recordedLine = lines.first(where: { $0.hasPrefix("recorded=") }),
           let recorded = shellUnquoted(recordedLine.dropFirst("recorded=".count)[...]),
           let lintLine = lines.first(where: { $0.hasPrefix("\"$binary\" lint --staged --journal ") }),
           let folder = shellUnquoted(lintLine.dropFirst("\"$binary\" lint --staged --journal ".count)[...]) {
            return JournalConfig.Language.allCases.contains { language in
                hook(journalFolder: folder, executable: recorded.isEmpty ? nil : recorded, language: language) == text
            }
        }
        let commands = lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let known = ["if ! command -v journal >/dev/null 2>&1; then", "exit 0", "fi"]
        return commands.allSatisfy { line in
            known.contains(line) || line.hasPrefix("echo \"journal is not on PATH") || line.hasPrefix("exec journal lint --staged")
                || line == "journal lint --staged"
        }
    }

    public enum Failure: UserFacingError, Sendable {
        case notAFolder(String)

        public var message: Message {
            switch self {
            case .notAFolder(let path):
                return Message("\(path) exists and is not a folder: choose another name",
                                        fr: "\(path) existe et n'est pas un dossier : choisissez un autre nom")
            }
        }
    }

    public func run() throws -> Report {
        var report = Report()
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure.notAFolder(root.path)
        }
        try AtomicFile.makeFolder(root)
        let config = root.appendingPathComponent(JournalConfig.fileName)
        if !manager.fileExists(atPath: config.path) {
            let text = try Templates(journalRoot: nil, language: language)
                .render("journal.yml", ["timezone": process.zone.identifier])
            try AtomicFile.write(Data(text.utf8), to: config, overwrite: false)
            report.created.append(JournalConfig.fileName)
        }
        for folder in ["clients", "supervision"] where !manager.fileExists(atPath: root.appendingPathComponent(folder).path) {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            report.created.append(folder + "/")
        }
        if try JournalSecret.readFile(root.appendingPathComponent(JournalSecret.fileName), root: root) == nil {
            let secret = try JournalSecret.load(root: root, process: process)
            report.created.append(JournalSecret.fileName + (secret.origin == .adopted ? " (.journal/pseudonym-key)" : ""))
        }
        let ignore = root.appendingPathComponent(".gitignore")
        let existing = (try? String(contentsOf: ignore, encoding: .utf8)) ?? ""
        let lines = Set(existing.split(separator: "\n").map { String($0).trimmingWhitespace })
        let missing = Self.ignored.filter { !lines.contains($0) && !lines.contains(String($0.dropLast())) }
        if !missing.isEmpty {
            var text = existing
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += missing.joined(separator: "\n") + "\n"
            try AtomicFile.write(Data(text.utf8), to: ignore, overwrite: true)
            report.created.append(existing.isEmpty ? ".gitignore" : ".gitignore (+ \(missing.joined(separator: ", ")))")
        }
        guard let git = Git(on: process) else {
            report.notes.append(.gitMissing)
            return report
        }
        if !git.run(["-C", root.path, "rev-parse", "--is-inside-work-tree"]) {
            if git.run(["init", "-q", root.path]) {
                report.gitInitialised = true
            } else {
                report.notes.append(.gitInitFailed)
                return report
            }
        }
        try installHook(git: git, into: &report)
        return report
    }

    /// Adds the pre-commit check to the journal's repository (`journal hook install`), leaving
    /// an existing hook alone.
    public func installHook() throws -> Report {
        var report = Report()
        guard let git = Git(on: process),
              git.run(["-C", root.path, "rev-parse", "--is-inside-work-tree"]) else {
            throw StagedLinter.Failure.noGit
        }
        try installHook(git: git, into: &report)
        return report
    }

    private func installHook(git: Git, into report: inout Report) throws {
        guard let hooks = git.output(["-C", root.path, "rev-parse", "--git-path", "hooks"]) else {
            return
        }
        let hooksURL = hooks.hasPrefix("/") ? URL(fileURLWithPath: hooks)
            : root.appendingPathComponent(hooks).standardizedFileURL
        let hook = hooksURL.appendingPathComponent("pre-commit")
        let top = git.output(["-C", root.path, "rev-parse", "--show-toplevel"]) ?? root.path
        let prefix = Git.relativePrefix(of: root.path, in: top)
        let folder = prefix.isEmpty ? "." : String(prefix.dropLast())
        // The hook speaks the journal's language, which journal.yml says once it exists.
        let configData = FileManager.default.contents(atPath: root.appendingPathComponent(JournalConfig.fileName).path)
        let hookLanguage = configData.map { Journal.config(from: $0, zone: process.zone).language } ?? language
        let wanted = Self.hook(journalFolder: folder, executable: executable, language: hookLanguage)
        if let current = try? String(contentsOf: hook, encoding: .utf8) {
            if current == wanted { return }
            // Ours, from an earlier version (it starts with our own mark and was not edited
            // since, as far as the mark tells): brought up to date. Anyone else's is left alone.
            if Self.isOurHook(current) {
                try AtomicFile.write(Data(wanted.utf8), to: hook, overwrite: true)
                chmod(hook.path, 0o755)
                report.hookUpgraded = true
            } else {
                let binary = executable.map(Self.shellQuoted) ?? "journal"
                let command = "\(binary) lint --staged --journal \(Self.shellQuoted(folder))"
                report.notes.append(current.contains("lint --staged") ? .otherHookRunsLint(command: command) : .otherHookExists(command: command))
            }
        } else {
            try AtomicFile.write(Data(wanted.utf8), to: hook, overwrite: false)
            chmod(hook.path, 0o755)
            report.hookInstalled = true
        }
    }

}
