import Testing
@testable import JournalKit

@Suite struct SectionTests {
    @Test(arguments: [
        "Objectifs", "## 🎯 Objectif(s) de coaching :", "OBJECTIVES", "Goals",
    ])
    func objectiveHeadings(_ heading: String) {
        let text = heading.hasPrefix("#") ? heading : "## " + heading
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n\(text)\n- [ ] x\n")
        #expect(note.items.first?.kind == .objective)
    }

    @Test(arguments: ["Engagements", "Devoirs", "Actions", "Tâches", "taches", "Commitments", "Homework", "Action items"])
    func commitmentHeadings(_ heading: String) {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n### \(heading)\n- [ ] x\n")
        #expect(note.items.first?.kind == .commitment)
    }

    @Test func sectionEndsAtSameOrHigherLevelHeading() {
        let note = parseNote("""
            ---
            type: session
            date: 2026-03-10
            ---
            ## Engagements
            - [ ] a
            ### Pour la semaine
            - [ ] b
            ## Notes
            - pas un engagement
            """)
        #expect(note.items.map(\.text) == ["a", "b"])
    }

    @Test func privateSectionsAndCommentsArePrivate() {
        let note = parseNote("""
            ---
            type: session
            date: 2026-03-10
            ---
            ## Notes privées
            ### Engagements
            - [ ] caché
            ## Engagements
            - [ ] visible
            """)
        #expect(note.items.map(\.isPrivate) == [true, false])
        var tree = MarkdownTree(parsing: "texte\n\n<!-- secret -->\n\n## Privé\n\nconfidentiel\n\n## Autre\n\npublic\n")
        _ = SectionMap(tree: &tree, aliases: HeadingAliases())
        let privateText = tree.nodes.filter(\.isPrivate).map(\.literal).joined(separator: "|")
        #expect(privateText.contains("<!-- secret -->"))
        #expect(privateText.contains("confidentiel"))
        #expect(!privateText.contains("public"))
        #expect(!tree.nodes.contains { !$0.isPrivate && $0.literal.contains("confidentiel") })
    }

    @Test func aHeadingInsideAQuoteOrAListItemDoesNotEndAPrivateSection() {
        let note = parseNote("""
            ---
            type: session
            date: 2026-03-10
            ---
            ## Privé

            > ## Ce qu'elle a dit
            > texte

            ### Engagements
            - [ ] après la citation

            ## Notes privées

            - une remarque
              ## Sous-titre

            ### Engagements
            - [ ] après la liste

            ## Engagements
            - [ ] public
            """)
        #expect(note.items.map(\.text) == ["après la citation", "après la liste", "public"])
        #expect(note.items.map(\.isPrivate) == [true, true, false])
    }

    @Test func aPrivateHeadingInsideAQuoteIsPrivateToTheEndOfTheQuote() {
        let note = parseNote("""
            ---
            type: session
            date: 2026-03-10
            ---
            ## Engagements

            > ## Privé
            > - [ ] dans la citation

            - [ ] après la citation
            """)
        #expect(note.items.map(\.isPrivate) == [true, false])
    }

    @Test(arguments: ["Privé\n=====", "Notes privées\n---", "Pour moi seule\nNotes privées\n=============",
                      "Coach only\n==", "Private\n-------"])
    func setextPrivateHeadingsArePrivate(_ heading: String) {
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\ntexte\n\n\(heading)\n\n### Engagements\n\n- [ ] caché\n")
        #expect(note.items.map(\.kind) == [.commitment])
        #expect(note.items.map(\.isPrivate) == [true])
    }

    @Test func aJournalAliasCannotMakeAPrivateHeadingPublic() {
        let aliases = HeadingAliases(extra: [.themes: ["Privé"], .commitments: ["Coach only"]])
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Privé\n- [ ] a\n## Coach only\n### Engagements\n- [ ] b\n",
                             aliases: aliases)
        #expect(note.items.map(\.text) == ["b"])
        #expect(note.items.allSatisfy { $0.isPrivate })
    }

    @Test func journalHeadingAliasesAreAdded() {
        let aliases = HeadingAliases(extra: [.commitments: ["Plan d'action"]])
        let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Plan d’action\n- [ ] x\n## Plan d'action\n- [ ] y\n",
                             aliases: aliases)
        // Typographic and straight apostrophes are the same heading.
        #expect(note.items.map(\.text) == ["x", "y"])
        #expect(note.items.allSatisfy { $0.kind == .commitment })
    }

    @Test func reviewItemsCarryTheirRef() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-24\n---\n## Revue des engagements\n- [ ] [ref:: 2026-03-18-session#2] pas fait [reason:: busy]\n")
        #expect(note.items.first?.kind == .review)
        #expect(note.items.first?.ref == "2026-03-18-session#2")
        #expect(note.items.first?.reason == .busy)
        #expect(note.items.first?.text == "pas fait")
    }
}
