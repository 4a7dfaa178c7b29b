import Foundation
import Testing
@testable import JournalKit

/// The hook tests' PATH is git's folder alone: a `journal` there would hide the failure.
private let journalBesideGit = gitPath.map {
    FileManager.default.isExecutableFile(atPath: URL(fileURLWithPath: $0).deletingLastPathComponent()
        .appendingPathComponent("journal").path)
} ?? false

/// The pre-commit hook, run by a real `git commit` with a PATH that has git but no `journal`
/// (as from a GUI git client): it runs the binary that installed it, refuses the commit when it
/// cannot check, and never lets the index or the exports into the repository.
@Suite(.enabled(if: gitPath != nil, "git is not installed"),
       .enabled(if: !journalBesideGit, "a `journal` binary sits in git's folder: it would hide the failure"))
struct HookTests {

    struct Repository {
        let journal: TemporaryJournal
        let git: String
        var hook: URL { journal.root.appendingPathComponent(".git/hooks/pre-commit") }

        /// `git commit` (or any git command) with PATH limited to git's own folder.
        func run(_ arguments: [String]) throws -> CommandResult {
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = URL(fileURLWithPath: git).deletingLastPathComponent().path
            env.removeValue(forKey: "JOURNAL_DIR")
            env["NO_COLOR"] = "1"
            return try runProcess(URL(fileURLWithPath: git), ["-C", journal.root.path, "-c", "user.name=Test",
                                                              "-c", "user.email=test@example.invalid"] + arguments, environment: env).result
        }

        func commit(_ message: String) throws -> CommandResult {
            _ = try run(["add", "-A"])
            return try run(["commit", "-q", "-m", message])
        }
    }

    /// A journal made by `journal init` (which installs the hook), whose folder has no
    /// `journal` binary on the PATH git gets.
    func repository(language: String = "fr") throws -> Repository {
        let git = try #require(gitPath)
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"],
                                           config: "language: \(language)\ntimezone: Europe/Paris\n")
        let initialised = try runJournal(["init", journal.root.path])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        return Repository(journal: journal, git: git)
    }

    @Test func theHookRunsTheBinaryThatInstalledItWithoutPath() throws {
        let repository = try repository()
        #expect(try String(contentsOf: repository.hook, encoding: .utf8).contains("recorded='\(try journalBinary().path)'"))
        try repository.journal.write("clients/a/2026-01-05-session.md", "---\ntype: session\ndate: 2026-02-30\n---\n")
        let refused = try repository.commit("a bad date")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("2026-01-05-session.md:3:7: error:"), "\(refused.stderr)")
        try repository.journal.write("clients/a/2026-01-05-session.md", "---\ntype: session\ndate: 2026-01-05\n---\n")
        let accepted = try repository.commit("fixed")
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test(arguments: ["fr", "en"])
    func withoutABinaryTheCommitIsRefusedAndTheCoachToldWhatToDo(_ language: String) throws {
        let repository = try repository(language: language)
        let text = try String(contentsOf: repository.hook, encoding: .utf8)
        let moved = text.replacingOccurrences(of: "recorded='\(try journalBinary().path)'", with: "recorded='/nowhere/bin/journal'")
        #expect(moved != text)
        try Data(moved.utf8).write(to: repository.hook)
        try repository.journal.write("clients/a/2026-01-05-session.md", "---\ntype: session\ndate: 2026-01-05\n---\n")
        let refused = try repository.commit("no binary")
        #expect(refused.status != 0)
        if language == "fr" {
            #expect(refused.stderr.contains("journal introuvable (ni /nowhere/bin/journal, ni dans le PATH)"), "\(refused.stderr)")
            #expect(refused.stderr.contains("le commit est refusé"))
            #expect(refused.stderr.contains("journal hook install"))
        } else {
            #expect(refused.stderr.contains("journal not found (neither /nowhere/bin/journal nor on PATH)"), "\(refused.stderr)")
            #expect(refused.stderr.contains("the commit is refused"))
        }
        // A binary that cannot run (here: not a program at all) refuses the commit too.
        let fake = repository.journal.root.appendingPathComponent("fake-journal")
        try Data("not a program".utf8).write(to: fake)
        chmod(fake.path, 0o755)
        try Data(moved.replacingOccurrences(of: "/nowhere/bin/journal", with: fake.path).utf8).write(to: repository.hook)
        let broken = try repository.run(["commit", "-q", "-m", "broken binary"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains(language == "fr" ? "n'a pas pu vérifier les notes" : "could not check the notes"), "\(broken.stderr)")
        // Put back by `hook install`, the hook works again.
        #expect(try runJournal(["hook", "install", "--journal", repository.journal.root.path]).status == 0)
        try FileManager.default.removeItem(at: fake)
        #expect(try repository.commit("binary back").status == 0)
    }

    @Test func theIndexAndTheExportsAreNeverCommitted() throws {
        let repository = try repository()
        #expect(try runJournal(["index", "--journal", repository.journal.root.path]).status == 0)
        try repository.journal.write("exports/rapport.md", "# Rapport\n")
        #expect(try repository.run(["add", "-f", "exports/rapport.md", ".journal"]).status == 0)
        let refused = try repository.commit("exports")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("exports/rapport.md : les exports"), "\(refused.stderr)")
        #expect(refused.stderr.contains("git reset -q -- 'exports/rapport.md'"))
        #expect(refused.stderr.contains(".journal/index.sqlite : l'index de journal ne va pas dans le dépôt"))
        #expect(try repository.run(["reset", "-q", "--", "exports", ".journal"]).status == 0)
        let accepted = try repository.run(["commit", "-q", "-m", "notes only"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let committed = try repository.run(["ls-files"]).stdout
        #expect(!committed.contains("exports/") && !committed.contains(".journal/"))
    }
}
