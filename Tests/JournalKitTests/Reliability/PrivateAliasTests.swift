import Foundation
import Testing
@testable import JournalKit

/// journal.yml can add headings, never make a private one public.
@Suite struct PrivateAliasTests {
    @Test func privateAliasesWinOverEveryOtherKind() {
        for kind in SectionKind.allCases where kind != .private {
            let aliases = HeadingAliases(extra: [kind: ["Privé", "Mes notes"], .private: ["Mes notes"]])
            #expect(aliases.kind(ofHeading: "Privé") == .private)
            #expect(aliases.kind(ofHeading: "Mes notes") == .private)
            #expect(aliases.kind(ofHeading: "Coach only") == .private)
        }
        let config = JournalConfig(text: "headings:\n  themes: [\"Privé\"]\n", zone: .current)
        let note = parseNote(Sample.caseFile("disclosure: [themes]", body: "## Privé\n\n- ce que le client m'a confié\n"),
                             path: "clients/a/client.md", aliases: config.headingAliases)
        #expect(note.items.allSatisfy { $0.isPrivate || $0.kind != .theme })
    }

    @Test func aPrivateHeadingUnderAnotherSectionIsAConfigError() throws {
        let config = JournalConfig(text: "language: fr\nheadings:\n  themes: [\"Privé\", \"Sujets\"]\n  private: [\"Engagements\"]\n", zone: .current)
        let found = config.diagnostics.map { "\($0.rule):\($0.line):\($0.severity)" }
        #expect(found == ["config-invalid:3:error", "config-invalid:4:error"])
        #expect(config.diagnostics.first?.french.contains("« Privé » est un titre de section privée") == true)
        #expect(config.diagnostics.last?.message.contains("is also a commitments heading") == true)
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()],
                                           config: "language: fr\nheadings:\n  themes: [\"Privé\"]\n")
        let result = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-04-10"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal.yml:3:12: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("[config-invalid]"))
    }

    @Test func theSponsorReportNeverShowsAPrivateSection() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile("status: active\nsponsor: {name: Paul Durand, organisation: Acme}\ndisclosure: [themes]",
                                                   body: "## Thèmes\n\n- Prise de parole\n\n## Privé\n\n- Son divorce en cours\n"),
        ], config: "language: fr\nheadings:\n  themes: [\"Privé\"]\n")
        let result = try runJournal(["report", "a", "--journal", journal.root.path, "--today", "2026-04-10"])
        #expect(result.stdout.contains("Prise de parole"), "\(result.stderr)")
        #expect(!result.stdout.contains("divorce"))
    }
}
