import Foundation
import Testing
@testable import JournalKit

@Suite struct FrontMatterTests {
    @Test func sessionFieldsAreTyped() {
        let note = parseNote("""
            ---
            type: séance
            date: 18/03/2026 10h00
            number: 3
            mode: téléphone
            duration: 1h30
            status: annulée
            cancelled_by: commanditaire
            next: 2026-04-15T10:00+02:00
            ---
            """)
        #expect(note.type == .session)
        #expect(note.date?.description == "2026-03-18T10:00")
        #expect(note.number == 3)
        #expect(note.mode == .phone)
        #expect(note.durationMinutes == 90)
        #expect(note.status == .cancelled)
        #expect(note.cancelledBy == .sponsor)
        #expect(note.next?.description == "2026-04-15T10:00+02:00")
        #expect(note.diagnostics.isEmpty)
        #expect(note.client == "test-client")
    }

    @Test func nextNoneAndClientField() {
        let note = parseNote("---\ntype: session\nclient: autre-client\ndate: 2026-03-18\nnext: none\nnext_reason: fin\n---\n")
        #expect(note.nextIsNone)
        #expect(note.next == nil)
        #expect(note.nextReason == "fin")
        #expect(note.client == "autre-client")
    }

    @Test func crlfAndBOMKeepLineNumbers() {
        let text = "\u{FEFF}---\r\ntype: session\r\ndate: 2026-03-18\r\n---\r\n\r\n## Engagements\r\n- [?] a\r\n"
        let note = parseNote(text)
        #expect(note.type == .session)
        #expect(note.diagnostics.first { $0.rule == "marker-invalid" }?.line == 7)
    }

    @Test func tabsInBodyAreTolerated() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-18\n---\n## Engagements\n-\t[ ]\tavec\ttabulations\n")
        #expect(note.items.first?.text == "avec tabulations")
    }

    @Test func unknownKeyWithSuggestion() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-18\nnxt: 2026-04-01\n---\n")
        let unknown = note.diagnostics.first { $0.rule == "field-unknown" }
        #expect(unknown?.severity == .warning)
        #expect(unknown?.line == 4)
        #expect(unknown?.message.contains("`next`") == true)
    }

    @Test func swappedLettersAndMisspeltInlineKeysGetASuggestion() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-18\nmdoe: visio\n---\n## Engagements\n- [ ] a [échance:: 2026-04-10] [humeur:: bonne]\n")
        let unknown = note.diagnostics.filter { $0.rule == "field-unknown" }
        #expect(unknown.count == 2)
        #expect(unknown.first?.message.contains("`mode`") == true)
        #expect(unknown.last?.message.contains("did you mean `échéance`") == true)
        #expect(unknown.last?.message.contains("`échance` is not") == true)
        #expect(unknown.last?.line == 7)
    }

    @Test func missingFields() {
        #expect(parseNote("---\ntype: session\n---\n").diagnostics.map(\.rule) == ["field-missing"])
        #expect(parseNote("---\ntype: client\n---\n", path: "clients/x/client.md").diagnostics.map(\.rule) == ["field-missing"])
    }

    @Test(arguments: [
        ("date: 2026-02-30", 3), ("date: 2025-02-29", 3), ("date: 03/18/2026", 3), ("mode: pigeon", 4),
        ("status: peut-être", 4), ("number: trois", 4), ("duration: long", 4), ("type: facture", 2),
        ("next: [2026-04-01, 2026-04-02]", 4), ("client: ../../etc", 4),
    ])
    func invalidValuesAreFieldInvalidAtTheirLine(_ line: String, _ expectedLine: Int) {
        let text: String
        if line.hasPrefix("date:") {
            text = "---\ntype: session\n\(line)\n---\n"
        } else if line.hasPrefix("type:") {
            text = "---\n\(line)\ndate: 2026-03-18\n---\n"
        } else {
            text = "---\ntype: session\ndate: 2026-03-18\n\(line)\n---\n"
        }
        let note = parseNote(text)
        let invalid = note.diagnostics.filter { $0.rule == "field-invalid" }
        #expect(invalid.count == 1, "\(note.diagnostics)")
        #expect(invalid.first?.line == expectedLine)
    }

    @Test func frontMatterThatIsAListOrNeverClosed() {
        let list = parseNote("---\n- a\n- b\n---\ntext\n")
        #expect(list.diagnostics.map(\.rule) == ["frontmatter-invalid"])
        #expect(list.type == nil)
        let open = parseNote("---\ntype: session\ndate: 2026-03-18\n\n# Titre\n")
        #expect(open.diagnostics.map(\.rule) == ["frontmatter-invalid"])
        #expect(open.diagnostics.first?.line == 1)
    }

    @Test func yamlSyntaxErrorHasItsPosition() {
        let note = parseNote("---\ntype: session\ndate: [2026-03-18\n---\n")
        let problem = note.diagnostics.first
        #expect(problem?.rule == "frontmatter-invalid")
        #expect((problem?.line ?? 0) >= 3)
    }

    @Test func markdownWithoutTypeIsNotADocument() {
        #expect(parseNote("# Juste du texte\n").type == nil)
        #expect(parseNote("---\ntitle: Mémo\n---\ntexte\n").type == nil)
        #expect(parseNote("---\ntitle: Mémo\n---\ntexte\n").diagnostics.isEmpty)
    }

    @Test func caseFileFields() {
        let note = parseNote("""
            ---
            type: client
            name: Léa Morel
            aliases: [Léa]
            gender: f
            organisation: {name: Atelier Nord, sector: artisanat, size: TPE}
            sponsor: {name: Marc Petit, role: DRH}
            people: [{name: Paul Durand, relation: manager, gender: m}, Zoé]
            places: [Lyon, {name: Villeurbanne, generalised: une ville de banlieue}]
            contract: {start: 2026-03-01, sessions: 6, cadence: 2w}
            disclosure: [présence, objectifs]
            consent: {case_study: oui, hours_log: false}
            status: actif
            ---
            """, path: "clients/lea-morel/client.md")
        let file = note.caseFile
        #expect(note.diagnostics.isEmpty, "\(note.diagnostics)")
        #expect(file?.name == "Léa Morel")
        #expect(file?.organisation?.sector == "artisanat")
        #expect(file?.sponsor?.role == "DRH")
        #expect(file?.people.map(\.name) == ["Paul Durand", "Zoé"])
        #expect(file?.places.last?.generalised == "une ville de banlieue")
        #expect(file?.contract?.cadence?.description == "2w")
        #expect(file?.disclosure == [.attendance, .objectives])
        #expect(file?.consent.caseStudy == true)
        #expect(file?.status == .active)
    }

    @Test func chemistryFields() {
        let note = parseNote("---\ntype: chemistry\ndate: 2026-03-01\nclient_briefed: non\ndisclosure_agreed: [dates]\nfit: oui\ndecision: poursuivre\n---\n")
        #expect(note.clientBriefed == TriState.no)
        #expect(note.disclosureAgreed == ["dates"])
        #expect(note.fit == Fit.yes)
        #expect(note.decision == Decision.proceed)
    }
}

@Suite struct AmpersandTests {
    /// "&" and "*" inside a plain value are text, not YAML anchors: a firm called
    /// "Brackwell & Stone" must be readable; a real anchor is still refused.
    @Test func anAmpersandInsideAValueIsText() {
        let note = parseNote("---\ntype: client\nname: Ada Obi\norganisation: {name: Brackwell & Stone LLP}\nrole: 5 * 3 team lead\n---\n",
                             path: "clients/ada-obi/client.md")
        #expect(note.diagnostics.isEmpty, "\(note.diagnostics)")
        #expect(note.caseFile?.organisation?.name == "Brackwell & Stone LLP")
        let anchored = parseNote("---\ntype: client\nname: &n Ada\naliases: [*n, *n]\n---\n", path: "clients/ada-obi/client.md")
        #expect(anchored.diagnostics.contains { $0.rule == "frontmatter-invalid" })
    }
}
