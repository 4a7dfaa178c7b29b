import Foundation
import Testing
@testable import JournalKit

/// What Obsidian adds to a note must not open a way out: a `%%comment%%` is as private as an HTML
/// comment wherever it is written, and a wikilink named after a person is anonymised like the
/// person's name.
@Suite struct ObsidianPrivacyTests {
    static let caseFile = """
        ---
        type: client
        name: Amélie Roux
        aliases: [Amélie]
        gender: f
        demand: "Prendre sa place d'experte %% elle parle de partir %% dans l'équipe"
        consent: {case_study: true}
        status: active
        ---

        Suivie depuis mars ; voir [[notes-amelie-roux]]. %% Dossier médical évoqué, ne jamais citer. %%
        """

    static let session = """
        ---
        type: session
        date: 2026-03-18 10:00
        next: 2026-04-08 10:00
        ---

        # Séance 1

        Amélie a relu [[notes-amelie-roux]], [[Amélie Roux]] et [[fiche|Amélie]] ; voir aussi ![[amelie-roux-bilan.pdf]].
        Elle a avancé. %% Elle songe à démissionner, ne rien en dire. %% Nous avons reformulé l'objectif.

        %%
        Piste personnelle : un conflit ancien avec sa sœur.
        %%

        ## Objectifs

        - [ ] Déléguer les relectures %% parce qu'elle s'épuise %% [validated:: 2026-03-18]

        ## Engagements

        - [ ] Noter chaque reprise %% surtout celles du vendredi soir, quand elle pleure %% d'un dossier  [due:: 2026-04-03]
        - [ ] Relire [[notes-amelie-roux|ses notes]] avant la séance  [due:: 2026-04-03]

        Un dernier mot. %% Jamais fermé : tout ce qui suit est caché, même le diagnostic de burn-out.
        - [ ] Caché aussi
        """

    static let secrets = ["partir", "médical", "démissionner", "conflit", "sœur", "épuise", "pleure", "burn", "caché", "Caché"]

    @Test(arguments: CaseSummary.Format.allCases)
    func obsidianCommentsNeverLeaveAndWikilinksAreAnonymised(format: CaseSummary.Format) throws {
        let journal = try TemporaryJournal(["clients/amelie-roux/client.md": Self.caseFile,
                                            "clients/amelie-roux/2026-03-18-session.md": Self.session])
        let store = try journal.index()
        _ = try store.update()
        let output = try CaseSummary.render(try journal.journal(), store: store, options: .init(client: "amelie-roux", format: format))
        let visible = format == .html ? HTMLPage.visibleText(output.text) : output.text
        for secret in Self.secrets { #expect(!visible.contains(secret), "\(format) shows “\(secret)”:\n\(visible)") }
        let words = Set(WordTokens.folded(visible))
        for name in ["amelie", "roux"] { #expect(!words.contains(name), "\(format) leaks \(name):\n\(visible)") }
        for syntax in ["%%", "[[", "]]"] { #expect(!visible.contains(syntax), "\(format) shows \(syntax):\n\(visible)") }
        // What is not private still reads: the text around the comment, the link's own words.
        #expect(visible.contains("Elle a avancé. Nous avons reformulé l'objectif.") || format == .html)
        #expect(visible.contains("Relire ses notes avant la séance"))
        #expect(visible.contains("Noter chaque reprise d'un dossier"))
    }

    @Test func theIndexKeepsNoCommentInATextAndTheCoachIsTold() throws {
        let note = parseNote(Self.session, path: "clients/amelie-roux/2026-03-18-session.md")
        for item in note.items {
            for secret in Self.secrets { #expect(!item.text.contains(secret), "\(item.text)") }
        }
        #expect(note.items.map(\.text) == ["Déléguer les relectures", "Noter chaque reprise d'un dossier",
                                           "Relire ses notes avant la séance"])
        #expect(note.diagnostics.map(\.rule) == ["comment-unclosed"])
        // Names in a comment are not offered for declaration either: they never leave.
        #expect(!note.names.contains { $0.name.contains("burn") })
    }

    @Test func anInlineValueDropsObsidianCommentsAndLinks() {
        let outgoing = OutgoingText(anonymiser: nil)
        #expect(outgoing.inline("Prendre sa place %% elle parle de partir %% avec [[notes|ses notes]]", path: "x", context: nil)
                == "Prendre sa place avec ses notes")
    }

    @Test func aCommentClosingOnAnItemsLinePutsNoneOfItsWordsInTheItem() {
        for (open, close) in [("%%", "%%"), ("<!--", "-->")] {
            let note = parseNote("---\ntype: session\ndate: 2026-03-10\n---\n## Engagements\n\n\(open) note\n- [ ] secret \(close) - [ ] vrai\n")
            #expect(note.items.map(\.text) == ["vrai"], "\(open)")
        }
    }
}
