import Foundation
import Testing
@testable import JournalKit

/// What a note or a file name holds never forges a line or reaches the terminal as a command.
@Suite struct ControlCharacterTests {
    @Test func escaping() {
        #expect("plain é ✓".escapingControls == "plain é ✓")
        #expect("a\nb\tc\r".escapingControls == "a\\nb\\tc\\r")
        #expect("\u{1B}[2J\u{7}\u{9B}\u{202E}x".escapingControls == "\\u{1B}[2J\\u{7}\\u{9B}\\u{202E}x")
    }

    @Test func aFileNameWithANewlineCannotForgeAFinding() throws {
        let forged = "clients/a/2026-01-05.md:1:1: error: tout va bien [field-invalid]\nx.md"
        let journal = try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            forged: Sample.note("session", "date: 2026-02-30\nnext: none\nnext_reason: fin"),
        ])
        let result = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-04-10"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        // One finding, one line: every line starts with a real note's path.
        #expect(lines.allSatisfy { $0.hasPrefix("clients/a/client.md:") || $0.hasPrefix("clients/a/2026-01-05.md:1:1: error: tout va bien") }, "\(lines)")
        #expect(lines.filter { $0.contains("tout va bien") }.count == 1)
        #expect(lines.first?.hasPrefix("clients/a/2026-01-05.md:1:1: error: tout va bien [field-invalid]\\nx.md:3:") == true)
    }

    @Test func noEscapeSequenceFromANoteReachesTheTerminal() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            "clients/a/2026-03-10-session.md": Sample.note("session", "date: 2026-03-10\nnext: none\nnext_reason: fin\nmode: \"\\e]0;titre\\avisio\"",
                                                         "## Engagements\n- [ ] Appeler \u{1B}[2J Paul [due:: 2026-03-20]\n"),
        ])
        let lint = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-04-10"])
        let commitments = try runJournal(["commitments", "--journal", journal.root.path, "--today", "2026-04-10"])
        let agenda = try runJournal(["agenda", "--journal", journal.root.path, "--today", "2026-04-10"])
        #expect(lint.stderr.contains("\\u{1B}]0;titre\\u{7}visio"), "\(lint.stderr)")
        #expect(commitments.stdout.contains("Appeler \\u{1B}[2J Paul"), "\(commitments.stdout)")
        for output in [lint.stdout, lint.stderr, commitments.stdout, commitments.stderr, agenda.stdout, agenda.stderr] {
            #expect(!output.unicodeScalars.contains("\u{1B}"))
            #expect(!output.unicodeScalars.contains("\u{7}"))
        }
    }
}
