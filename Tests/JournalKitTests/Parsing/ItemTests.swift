import Foundation
import Testing
@testable import JournalKit

/// Items: markers read from the source line, fields, emoji, ids, text.
@Suite struct ItemTests {
    func commitments(_ body: String) -> [NoteItem] {
        parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n" + body)
            .items.filter { $0.kind == .commitment }
    }

    @Test(arguments: [
        ("- [ ] a", ItemStatus.open), ("- [x] a", .done), ("- [X] a", .done), ("- [/] a", .partial),
        ("- [-] a", .dropped), ("- [>] a", .carried), ("- a", .open), ("* [x] a", .done), ("1. [x] a", .done),
    ])
    func markers(_ line: String, _ expected: ItemStatus) {
        let items = commitments(line)
        #expect(items.count == 1)
        #expect(items.first?.status == expected)
    }

    @Test func emptyPlaceholderItemsAreNotCommitments() {
        let items = commitments("- [ ] \n- [ ] vrai\n- [x]\n- [ ] [owner:: coach] \n- [ ] encore\n")
        #expect(items.map(\.text) == ["vrai", "encore"])
        #expect(items.map(\.rank) == [1, 2])
        let review = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Revue\n- [x] [ref:: a]\n- [ ]\n")
        #expect(review.items.map(\.ref) == ["a"])
    }

    @Test(arguments: ["- [x]Appeler", "- [ x ] B", "- [X ] D", "- [xx] E", "- [] F"])
    func nearMissCheckboxesAreReported(_ line: String) {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n\(line)\n")
        #expect(note.diagnostics.map(\.rule) == ["marker-invalid"])
        #expect(!(note.items.first?.text.contains("[") ?? true))
    }

    @Test func linksAndFieldsAtTheStartAreNotCheckboxes() {
        let items = commitments("- [Lien](https://example.org) à lire\n- [due:: 2026-04-01] payer\n")
        #expect(items.map(\.status) == [.open, .open])
        #expect(items.first?.text == "[Lien](https://example.org) à lire")
    }

    @Test func invalidMarkerIsAnErrorAtItsColumn() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n- [?] a\n- [] b\n")
        let markers = note.diagnostics.filter { $0.rule == "marker-invalid" }
        #expect(markers.map(\.line) == [6, 7])
        #expect(markers.first?.column == 3)
        #expect(note.items.count == 2)
    }

    @Test func markerIsReadFromTheSourceNotFromALinkDefinition() {
        // With `[x]: …` defined, cmark turns `[x]` into a link; the marker must still count.
        let items = commitments("- [x] fait\n\n[x]: https://example.org\n")
        #expect(items.first?.status == .done)
        #expect(items.first?.text == "fait")
    }

    @Test func fieldsAndTheirFrenchAliases() {
        let items = commitments("""
            - [ ] Appeler  [due:: 2026-03-25]  [odds:: 10:1]  [id:: appels]  [owner:: coach]
            - [ ] Écrire [échéance:: 25/03/2026] [cote:: 90 %] [qui:: sponsor] [raison:: occupé]
            - [x] Lister [done:: 2026-03-20] [fait:: 2026-03-21]
            """)
        #expect(items[0].due?.description == "2026-03-25")
        #expect(items[0].odds?.text == "10:1")
        #expect(items[0].id == "appels")
        #expect(items[0].owner == .coach)
        #expect(items[0].text == "Appeler")
        #expect(items[1].due?.description == "2026-03-25")
        #expect(items[1].odds?.text == "90%")
        #expect(items[1].owner == .sponsor)
        #expect(items[1].reason == .busy)
        #expect(items[2].done?.description == "2026-03-21")
    }

    @Test func objectiveValidationAndItsFrenchAlias() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Objectifs\n- [ ] a [validated:: 2026-03-10]\n- [x] b [validé:: 11/03/2026]\n- [/] c\n")
        #expect(note.items.map(\.kind) == [.objective, .objective, .objective])
        #expect(note.items.map { $0.validated?.description } == ["2026-03-10", "2026-03-11", nil])
        #expect(note.items.map(\.status) == [.open, .done, .partial])
    }

    @Test func tasksEmojiFields() {
        let items = commitments("- [ ] Relancer 📅 2026-04-01 🆔 relance\n- [ ] Vieux ❌ 2026-03-30\n- [x] Fini ✅ 2026-03-28\n")
        #expect(items[0].due?.description == "2026-04-01")
        #expect(items[0].id == "relance")
        #expect(items[0].text == "Relancer")
        #expect(items[1].status == .dropped)
        #expect(items[2].done?.description == "2026-03-28")
    }

    @Test func textFoldsContinuationLinesAndDropsComments() {
        let items = commitments("- [ ] Préparer   la\n  réunion <!-- pas pour le client --> d'équipe\n  - [ ] sous-tâche\n")
        #expect(items[0].text == "Préparer la réunion d'équipe")
        #expect(items[1].text == "sous-tâche")
    }

    @Test func implicitRankCountsCommitmentsOnly() {
        let note = parseNote("""
            ---
            type: session
            date: 2026-03-10
            ---
            ## Objectifs
            - [ ] un objectif
            ## Engagements
            - [ ] premier
            - [ ] second
            """)
        #expect(note.items.filter { $0.kind == .commitment }.map(\.rank) == [1, 2])
        #expect(note.items.first?.kind == .objective)
    }

    @Test(arguments: ["Bad_Id", "", String(repeating: "a", count: 33), "é-t-é", "../x"])
    func invalidExplicitIDs(_ id: String) {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n- [ ] a [id:: \(id)]\n")
        #expect(note.items.first?.id == nil)
        #expect(note.diagnostics.contains { $0.rule == "field-invalid" } || id.isEmpty)
    }

    @Test func duplicateIDInOneNote() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n- [ ] a [id:: x]\n- [ ] b [id:: x]\n")
        #expect(note.diagnostics.filter { $0.rule == "id-duplicate" }.map(\.line) == [7])
    }

    @Test func badFieldValuesAreDiagnosedAtTheField() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n- [ ] a [due:: 2026-02-30] [odds:: beaucoup]\n")
        let invalid = note.diagnostics.filter { $0.rule == "field-invalid" }
        #expect(invalid.count == 2)
        #expect(invalid.first?.line == 6)
        #expect(invalid.first?.column == 9)
    }
}
