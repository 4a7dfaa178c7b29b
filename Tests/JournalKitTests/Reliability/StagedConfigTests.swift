import Foundation
import Testing
@testable import JournalKit

/// The pre-commit check reads the journal.yml that is staged, as it does the notes.
@Suite struct StagedConfigTests {
    @Test(.enabled(if: gitPath != nil, "git is not installed")) func aStagedBrokenJournalYmlIsRefused() throws {
        let git = try #require(gitPath)
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        let root = journal.root.path
        #expect(Git(program: git).run(["init", "-q", root]))
        #expect(Git(program: git).run(["-C", root, "add", "-A"]))
        #expect(Git(program: git).run(["-C", root, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "notes"]))
        let clean = try runJournal(["lint", "--staged", "--journal", root])
        #expect(clean.status == 0, "\(clean.stderr)")
        // Staged: a private heading made public. In the folder: journal.yml as it was.
        let good = try journal.read("journal.yml")
        try journal.write("journal.yml", good + "headings:\n  themes: [\"Privé\"]\n")
        #expect(Git(program: git).run(["-C", root, "add", "journal.yml"]))
        try journal.write("journal.yml", good)
        let result = try runJournal(["lint", "--staged", "--journal", root])
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal.yml:4:12: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("[config-invalid]"))
        // And the other way round: a fixed journal.yml staged passes, whatever the folder holds.
        #expect(Git(program: git).run(["-C", root, "add", "journal.yml"]))
        try journal.write("journal.yml", "language: [fr\n")
        #expect(try runJournal(["lint", "--staged", "--journal", root]).status == 0)
    }
}
