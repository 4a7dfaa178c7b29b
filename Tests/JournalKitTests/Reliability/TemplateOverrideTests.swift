import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// A journal's own templates/ holds templates, and nothing else is read through it.
@Suite struct TemplateOverrideTests {
    @Test func aLinkedSummaryTemplateIsNotPrinted() throws {
        let journal = try fixtureJournal("basic")
        let secret = try TemporaryJournal()
        try secret.write("secret.txt", "mot de passe : hunter2\n")
        try FileManager.default.createDirectory(at: journal.root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        #expect(symlink(secret.root.appendingPathComponent("secret.txt").path,
                        journal.root.appendingPathComponent("templates/summary.md").path) == 0)
        let result = try runJournal(["summarize", "lea-morel", "--journal", journal.root.path, "--today", "2026-04-10"])
        #expect(result.status == 2)
        #expect(!result.stdout.contains("hunter2"))
        #expect(!result.stderr.contains("hunter2"))
        #expect(result.stderr.contains("templates/summary.md n'est pas un fichier ordinaire"))
    }

    @Test(arguments: ["link", "fifo", "hard link", "linked folder"])
    func onlyAPlainFileOfTemplatesIsRead(_ what: String) throws {
        let journal = try TemporaryJournal()
        let outside = try TemporaryJournal()
        try outside.write("ailleurs.md", "{{client}} ailleurs\n")
        let folder = journal.root.appendingPathComponent("templates")
        let path = folder.appendingPathComponent("session.md").path
        if what == "linked folder" {
            #expect(symlink(outside.root.path, folder.path) == 0)
            try outside.write("session.md", "{{client}}\n")
        } else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            switch what {
            case "link": #expect(symlink(outside.root.appendingPathComponent("ailleurs.md").path, path) == 0)
            case "fifo": #expect(mkfifo(path, 0o644) == 0)
            default:
                try journal.write("templates/copie.md", "{{client}} copie\n")
                #expect(link(folder.appendingPathComponent("copie.md").path, path) == 0)
            }
        }
        let templates = Templates(journalRoot: journal.root, language: .fr)
        #expect(throws: Templates.Failure.notAFile("templates/session.md")) { try templates.source(named: "session.md") }
    }

    @Test func aPlainOverrideWins() throws {
        let journal = try TemporaryJournal(["templates/session.md": "{{client}} à moi\n"])
        let templates = Templates(journalRoot: journal.root, language: .fr)
        let source = try templates.source(named: "session.md")
        #expect(source.origin == "templates/session.md")
        #expect(try templates.render("session.md", ["client": "a"]) == "a à moi\n")
        #expect(try Templates(journalRoot: journal.root, language: .fr).source(named: "client.md").origin.hasPrefix("built-in"))
    }
}
