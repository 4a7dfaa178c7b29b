import Foundation
import Testing
@testable import JournalKit

/// `journal hook install` and `journal init` bring a hook of an earlier version up to date, and
/// leave anyone else's alone.
@Suite(.enabled(if: gitPath != nil, "git is not installed")) struct HookUpgradeTests {
    /// What an earlier version wrote: no journal folder, so it broke in a larger repository.
    static let earlier = """
        #!/bin/sh
        # Installed by `journal init`: checks the staged notes before each commit.
        if ! command -v journal >/dev/null 2>&1; then
          echo "journal is not on PATH: the notes were not checked" >&2
          exit 0
        fi
        exec journal lint --staged

        """

    func repository() throws -> (TemporaryJournal, URL) {
        let git = try #require(gitPath)
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        #expect(Git(program: git).run(["init", "-q", journal.root.path]))
        return (journal, journal.root.appendingPathComponent(".git/hooks/pre-commit"))
    }

    @Test(arguments: [["hook", "install"], ["init"]])
    func anEarlierHookIsUpgraded(_ command: [String]) throws {
        let (journal, hook) = try repository()
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.earlier.utf8).write(to: hook)
        let arguments = command == ["init"] ? ["init", journal.root.path] : command + ["--journal", journal.root.path]
        let result = try runJournal(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pre-commit mis à jour"))
        #expect(try String(contentsOf: hook, encoding: .utf8)
            == Initializer.hook(journalFolder: ".", executable: try journalBinary().path, language: .fr))
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        let again = try runJournal(arguments)
        #expect(!again.stdout.contains("mis à jour"))
    }

    @Test func someoneElsesHookIsLeftAlone() throws {
        let (journal, hook) = try repository()
        let theirs = Self.earlier.replacingOccurrences(of: "exec journal lint --staged", with: "npm test\nexec journal lint --staged")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(theirs.utf8).write(to: hook)
        let result = try runJournal(["hook", "install", "--journal", journal.root.path])
        #expect(result.status == 0)
        #expect(try String(contentsOf: hook, encoding: .utf8) == theirs)
        // Left alone, but not in silence: only its author can tell whether it fails closed.
        #expect(result.stderr.contains("lance déjà `journal lint --staged` : il est laissé tel quel ; vérifiez qu'il refuse le commit quand journal ne peut pas tourner"),
                "\(result.stderr)")
        #expect(!Initializer.isOurHook(theirs))
        #expect(Initializer.isOurHook(Initializer.hook(journalFolder: "notes", executable: "/opt/j'o/journal", language: .en)))
    }

    /// A hook of this version that records another binary (journal moved, or reinstalled
    /// elsewhere) is ours too: `hook install` points it at the binary that runs now.
    @Test func aHookRecordingAnotherBinaryIsUpgraded() throws {
        let (journal, hook) = try repository()
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        let moved = Initializer.hook(journalFolder: ".", executable: "/old/place/journal", language: .fr)
        try Data(moved.utf8).write(to: hook)
        let result = try runJournal(["hook", "install", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pre-commit mis à jour"))
        let text = try String(contentsOf: hook, encoding: .utf8)
        #expect(text.contains("recorded='\(try journalBinary().path)'"))
        // Edited by hand since: left alone.
        let edited = moved.replacingOccurrences(of: "exit \"$status\"", with: "npm test\nexit \"$status\"")
        try Data(edited.utf8).write(to: hook)
        _ = try runJournal(["hook", "install", "--journal", journal.root.path])
        #expect(try String(contentsOf: hook, encoding: .utf8) == edited)
    }

    /// A hook without the check is left alone, and the coach is given the very line to add: with
    /// the binary's path, since the hook may run without `journal` on its PATH.
    @Test func aHookWithoutTheCheckIsGivenTheLineToAdd() throws {
        let (journal, hook) = try repository()
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        let theirs = "#!/bin/sh\nnpm test\n"
        try Data(theirs.utf8).write(to: hook)
        let result = try runJournal(["hook", "install", "--journal", journal.root.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("ajoutez-y la ligne `'\(try journalBinary().path)' lint --staged --journal '.' || exit 1`"), "\(result.stderr)")
        #expect(try String(contentsOf: hook, encoding: .utf8) == theirs)
    }
}
