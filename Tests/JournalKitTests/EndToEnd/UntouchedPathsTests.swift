import Foundation
import Testing
@testable import JournalKit

/// Paths the rest of the suite never took: `lint --list-rules`, the `commitments` filters, a
/// journal.yml that is not text, global options written before the subcommand, and writing a
/// new file where the file system has no hard links.
@Suite struct UntouchedPathsTests {
    @Test func listRulesPrintsTheCatalogueInTheJournalsLanguage() throws {
        let journal = try TemporaryJournal(config: "language: en\n")
        let english = try runJournal(["lint", "--list-rules", "--journal", journal.root.path])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout == LintRuleList.text(.en) + "\n")
        #expect(english.stdout.split(separator: "\n").count == LintCatalogue.rules.count)
        let french = try runJournal(["lint", "--list-rules", "--lang", "fr", "--journal", journal.root.path])
        #expect(french.stdout == LintRuleList.text(.fr) + "\n")
        #expect(french.stdout.hasPrefix("frontmatter-invalid ") && french.stdout.contains("en-tête"))
    }

    @Test func commitmentsByStatusAndOwner() throws {
        let journal = try fixtureJournal("agenda")
        func listed(_ options: [String]) throws -> [[String: Any]] {
            let result = try runJournal(["commitments", "--journal", journal.root.path, "--today", "2026-03-20",
                                         "--format", "json"] + options)
            #expect(result.status == 0, "\(result.stderr)")
            let groups = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return groups.flatMap { ($0["commitments"] as? [[String: Any]]) ?? [] }
        }
        let dropped = try listed(["--status", "dropped"])
        #expect(!dropped.isEmpty && dropped.allSatisfy { $0["status"] as? String == "dropped" })
        // The French spelling names the same status.
        #expect(try listed(["--status", "abandonné"]).map { $0["id"] as? String } == dropped.map { $0["id"] as? String })
        let client = try listed(["--owner", "client", "--client", "emma-lefort"])
        #expect(client.map { $0["id"] as? String } == ["budget", "mardis", "lettre"])
        #expect(try listed(["--owner", "sponsor", "--client", "emma-lefort"]).isEmpty)
        let bad = try runJournal(["commitments", "--journal", journal.root.path, "--status", "peut-être"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--status « peut-être » : utilisez open, done, partial, dropped ou carried"), "\(bad.stderr)")
        let owner = try runJournal(["commitments", "--journal", journal.root.path, "--lang", "en", "--owner", "boss"])
        #expect(owner.status == 2)
        #expect(owner.stderr.contains("--owner “boss”: use client, coach or sponsor"), "\(owner.stderr)")
    }

    @Test func aJournalYmlThatIsNotUTF8GivesTheDefaultsAndAnError() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        try journal.write("journal.yml", Data([0x6C, 0x61, 0x6E, 0x67, 0x3A, 0x20, 0xE9, 0x0A]))
        let config = try journal.journal().config
        #expect(config.language == JournalConfig(zone: .current).language)
        #expect(config.diagnostics.map(\.rule) == [Rule.configInvalid.rawValue])
        #expect(config.diagnostics.first?.message.contains("the defaults are used") == true)
        let result = try runJournal(["lint", "--journal", journal.root.path, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal.yml:1:7: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("[config-invalid]"))
    }

    /// `journal --journal DIR --today D agenda` is `journal agenda --journal DIR --today D`, with
    /// `=` or not, as git's `-C` comes before its command.
    @Test func globalOptionsBeforeTheSubcommand() throws {
        let journal = try fixtureJournal("agenda")
        let after = try runJournal(["agenda", "--journal", journal.root.path, "--today", "2026-03-20", "--lang", "en"])
        #expect(after.status == 0, "\(after.stderr)")
        let before = try runJournal(["--journal", journal.root.path, "--today", "2026-03-20", "--lang", "en", "agenda"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout && !after.stdout.isEmpty)
        let joined = try runJournal(["--journal=\(journal.root.path)", "--today=2026-03-20", "--lang=en", "agenda"])
        #expect(joined.stdout == after.stdout)
        // After the subcommand, nothing moves: the subcommand's own options stay its own.
        let mixed = try runJournal(["--lang", "en", "agenda", "--journal", journal.root.path, "--today", "2026-03-20"])
        #expect(mixed.stdout == after.stdout)
    }

    /// exFAT, network and cloud mounts refuse `link(2)`: the new file is then created exclusively
    /// instead, so it is still written whole and an existing file is still never replaced.
    @Test func writingWithoutHardLinks() throws {
        let journal = try TemporaryJournal()
        let url = journal.root.appendingPathComponent("clients/a/2026-05-01-session.md")
        let noLinks: (String, String) -> Int32 = { _, _ in errno = EPERM; return -1 }
        try AtomicFile.write(Data("nouvelle note\n".utf8), to: url, overwrite: false, makeLink: noLinks)
        #expect(try journal.read("clients/a/2026-05-01-session.md") == "nouvelle note\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(left == ["2026-05-01-session.md"], "the temporary file was left behind: \(left)")
        #expect(throws: AtomicFile.Failure.exists(url.path)) {
            try AtomicFile.write(Data("autre\n".utf8), to: url, overwrite: false, makeLink: noLinks)
        }
        #expect(try journal.read("clients/a/2026-05-01-session.md") == "nouvelle note\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).count == 1)
    }
}
