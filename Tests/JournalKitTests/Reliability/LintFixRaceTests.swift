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

/// `lint --fix` places every edit from the note as it is when rewritten, not from the index.
@Suite struct LintFixPlacementTests {
    static let owner = "clients/a/2026-03-18-session.md"
    static let reviewer = "clients/a/2026-04-01-session.md"

    func journal() throws -> TemporaryJournal {
        try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            Self.owner: Sample.note("session", "date: 2026-03-18\nnext: 2026-04-01",
                                    "## Engagements\n- [ ] Appeler trois anciens clients [id:: appels]\n- [ ] Écrire le texte\n- [ ] Relire\n"),
            Self.reviewer: Sample.note("session", "date: 2026-04-01\nnext: none\nnext_reason: fin",
                                       "## Revue\n- [x] [ref:: 2026-03-18-session#3] relu\n"),
        ])
    }

    @Test func aLineAddedAboveACommitmentAfterTheIndexWasReadDoesNotMoveItsId() throws {
        let journal = try journal()
        let root = journal.root
        var fixer = LintFixer(journal: try journal.journal())
        fixer.afterPlanning = {
            let url = root.appendingPathComponent(Self.owner)
            let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            try? Data(text.replacingOccurrences(of: "## Engagements\n", with: "Une ligne ajoutée entre-temps.\n\n## Engagements\n").utf8).write(to: url)
        }
        let report = try fixer.run()
        #expect(report.refused.isEmpty, "\(report.refused)")
        let text = try journal.read(Self.owner)
        #expect(text.contains("- [ ] Écrire le texte\n"))
        #expect(text.contains("- [ ] Relire  [id:: relire]\n"))
        #expect(text.contains("Une ligne ajoutée entre-temps."))
        #expect(try journal.read(Self.reviewer).contains("- [x] [ref:: relire] relu"))
        #expect(report.changes.map(\.line).contains(11))
    }

    @Test func aCommitmentAddedAboveAfterTheIndexWasReadStopsTheIdAndItsReviews() throws {
        let journal = try journal()
        let root = journal.root
        var fixer = LintFixer(journal: try journal.journal())
        fixer.afterPlanning = {
            let url = root.appendingPathComponent(Self.owner)
            let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            try? Data(text.replacingOccurrences(of: "## Engagements\n", with: "## Engagements\n- [ ] Un engagement de plus\n").utf8).write(to: url)
        }
        let report = try fixer.run()
        #expect(report.refused == [LintFixer.Refusal(path: Self.owner, reason: .commitmentMoved("Relire"))])
        #expect(report.refused.first?.message(in: .fr).contains("la note a changé depuis la lecture de l'index") == true)
        let text = try journal.read(Self.owner)
        #expect(!text.contains("[id:: relire]"))
        #expect(!text.contains("[id:: ecrire"))
        // The review still names the implicit id: a ref to an id written nowhere would be worse.
        #expect(try journal.read(Self.reviewer).contains("[ref:: 2026-03-18-session#3]"))
    }
}
