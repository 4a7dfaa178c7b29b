import Foundation
import Testing
@testable import JournalKit

/// A declared place or surname cut short, with an apostrophe or a dot to mark the cut
/// (« Douarn' » for Douarnenez, « Kerbr. » for Kerbrat): hidden by the anonymiser, and found by
/// the leak gate on its own; the whole word, other words and ordinary text are left as they were.
@Suite struct CutShortTests {
    static func registry() -> Registry {
        var file = CaseFile()
        file.name = "Solène Kerbrat"
        file.gender = "f"
        file.places = [CaseFile.Place(name: "Douarnenez")]
        var pseudonyms = Pseudonyms(key: "k", language: .fr, excluded: [])
        return Registry(client: "solene-kerbrat", file: file, stems: [], pseudonyms: &pseudonyms, language: .fr)
    }

    @Test func theAnonymiserHidesAWordCutShort() {
        let anonymiser = Anonymiser(registry: Self.registry(), language: .fr, origin: nil, undeclared: [], detectsNames: false)
        for (text, cut) in [("Elle parle de Douarn' et du port.", "Douarn"), ("Elle rentre à Douarn’ ce soir.", "Douarn"),
                            ("Vu avec Mme Kerbr. hier.", "Kerbr")] {
            let result = anonymiser.apply(text, context: nil)
            #expect(!result.contains(cut), "\(text) → \(result)")
        }
        // Too short to stand for the word, lower case, or no mark of a cut: left alone.
        for text in ["Elle a dit : Dou.", "le douarn' du coin", "Douarne sans marque"] {
            #expect(anonymiser.apply(text, context: nil) == text)
        }
    }

    @Test func theGateFindsAWordCutShortOnItsOwn() {
        let gate = LeakGate(registry: Self.registry(), undeclared: [], privateLines: [])
        #expect(gate.scan("Elle parle de Douarn' et du port.").contains { $0.what.hasSuffix("(cut short)") })
        #expect(gate.scan("Vu avec Kerbr. hier.").contains { $0.what.hasSuffix("(cut short)") })
        #expect(!gate.scan("Elle a dit : Dou. Puis le douarn' du coin.").contains { $0.what.hasSuffix("(cut short)") })
    }
}
