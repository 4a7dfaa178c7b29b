import Foundation
import Testing
@testable import JournalKit

/// Obsidian Tasks' emoji with a missing value (`📅📅`, `✅📅🆔`) are reported, and `lint --fix`
/// never turns them into fields nested in one another.
@Suite struct EmojiFixTests {
    static func journal(_ lines: String) throws -> TemporaryJournal {
        try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            "clients/a/2026-03-18-session.md": Sample.note("session", "date: 18/03/2026\nnext: none\nnext_reason: fin",
                                                           "## Engagements\n" + lines),
        ])
    }

    @Test func theParserReadsAnEmojiFollowedByAnotherAsAFieldWithoutValue() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n- [ ] Appeler 📅📅 2026-04-01\n- [ ] Écrire ✅📅🆔\n")
        #expect(note.items[0].due?.description == "2026-04-01")
        #expect(note.items[1].due == nil && note.items[1].done == nil && note.items[1].id == nil)
        let invalid = note.diagnostics.filter { $0.rule == Rule.fieldInvalid.rawValue }
        // One for the first 📅 of line 6; ✅ and 📅 of line 7 (🆔 with nothing after is prose).
        #expect(invalid.map(\.line) == [6, 7, 7], "\(invalid)")
        #expect(invalid.allSatisfy { $0.message.contains("has no value") })
        #expect(invalid.map(\.column) == [15, 14, 15])
    }

    @Test func emojiWithoutValuesAreLeftAloneWithAMessage() throws {
        let lines = "- [ ] Appeler 📅📅\n- [ ] Écrire ✅📅🆔\n- [ ] Relire 📅 01/04/2026 🆔 relire\n- [ ] Ranger 📅 demain\n"
        let journal = try Self.journal(lines)
        let result = try runJournal(["lint", "--fix", "--today", "2026-04-02", "--journal", journal.root.path])
        let text = try journal.read("clients/a/2026-03-18-session.md")
        #expect(text.contains("- [ ] Appeler 📅📅\n"), "\(text)")
        #expect(text.contains("- [ ] Écrire ✅📅🆔\n"), "\(text)")
        #expect(text.contains("- [ ] Ranger 📅 demain\n"), "\(text)")
        // The well-formed line and the header are still fixed.
        #expect(text.contains("- [ ] Relire [due:: 2026-04-01] [id:: relire]\n"), "\(text)")
        #expect(text.contains("date: 2026-03-18\n"))
        #expect(!text.contains(":: ["), "nested fields: \(text)")
        #expect(result.stderr.contains("clients/a/2026-03-18-session.md:8 : 📅 n'est pas suivi d'une date"), "\(result.stderr)")
        #expect(result.stderr.contains("clients/a/2026-03-18-session.md:9 : ✅ n'est pas suivi d'une date"), "\(result.stderr)")
        #expect(result.stderr.contains("clients/a/2026-03-18-session.md:11 : 📅 n'est pas suivi d'une date"), "\(result.stderr)")
        // Running it again changes nothing more, and every line still parses.
        _ = try runJournal(["lint", "--fix", "--today", "2026-04-02", "--journal", journal.root.path])
        #expect(try journal.read("clients/a/2026-03-18-session.md") == text)
    }

    @Test func eachFieldIsRewrittenOnce() {
        #expect(LintFixer.emojiFields("- [ ] A 📅 2026-04-01 ✅ 2026-04-02 🆔 a").line
                == "- [ ] A [due:: 2026-04-01] [done:: 2026-04-02] [id:: a]")
        #expect(LintFixer.emojiFields("- [ ] A 📅2026-04-01✅2026-04-02").line == "- [ ] A [due:: 2026-04-01][done:: 2026-04-02]")
        #expect(LintFixer.emojiFields("- [ ] A 📅📅").left == "📅")
        #expect(LintFixer.emojiFields("- [ ] A ✅📅🆔").left == "✅")
        #expect(LintFixer.emojiFields("- [ ] A 🆔 Pas-Un-Id").left == "🆔")
        // Inside a Dataview field or a comment, an emoji is text.
        #expect(LintFixer.emojiFields("- [ ] A [note:: 📅 2026-04-01] <!-- 📅 2026 -->").line == "- [ ] A [note:: 📅 2026-04-01] <!-- 📅 2026 -->")
        #expect(LintFixer.emojiFields("- [ ] A 📅\u{FE0F} 2026-04-01\r").line == "- [ ] A [due:: 2026-04-01]\r")
    }
}
