import Foundation
import Testing
@testable import JournalKit

/// `lint --fix` and an editor saving the same note: the coach's edit always wins.
@Suite struct LintFixRaceTests {
    static let note = Sample.note("session", "date: 18/03/2026\nnext: none\nnext_reason: fin", "## Engagements\n- [ ] Appeler trois anciens clients\n")
    static let path = "clients/a/2026-03-18-session.md"

    @Test func aNoteSavedWhileItIsFixedKeepsTheSavedContent() throws {
        // Bounded loop: the edit lands at the last moment before the rename, every time.
        for round in 0..<5 {
            let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), Self.path: Self.note])
            let saved = Self.note.replacingOccurrences(of: "## Engagements", with: "Ajouté pendant la correction \(round)\n\n## Engagements")
            let root = journal.root
            var fixer = LintFixer(journal: try journal.journal())
            fixer.beforeReplacing = { path in
                try? Data(saved.utf8).write(to: root.appendingPathComponent(path))
            }
            let report = try fixer.run()
            #expect(try journal.read(Self.path) == saved)
            #expect(report.changes.isEmpty)
            #expect(report.refused == [LintFixer.Refusal(path: Self.path, reason: .changedMeanwhile)])
            #expect(report.refused.first?.message(in: .fr).contains("a changé pendant la correction") == true)
            #expect(report.refused.first?.message(in: .en).contains("changed while it was being fixed") == true)
            // No temporary file is left beside the note.
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("clients/a").path)
            #expect(names.sorted() == ["2026-03-18-session.md", "client.md"])
        }
    }

    @Test func aNoteLeftAloneIsFixed() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), Self.path: Self.note])
        var fixer = LintFixer(journal: try journal.journal())
        fixer.beforeReplacing = { _ in }
        let report = try fixer.run()
        #expect(report.refused.isEmpty)
        #expect(try journal.read(Self.path).contains("date: 2026-03-18\n"))
    }
}
