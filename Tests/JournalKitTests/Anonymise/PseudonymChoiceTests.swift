import Foundation
import Testing
@testable import JournalKit

/// How pseudonyms are chosen, and what a summary of a large journal looks like: names that are
/// real anywhere in the journal are never used, a pseudonym never has a declared person's
/// initials, and a passage the coach wrote both in private and in the open is not a leak.
@Suite struct PseudonymChoiceTests {
    static func session(_ date: String, _ body: String) -> String {
        "---\ntype: session\ndate: \(date)\nnext: none\nnext_reason: fin\n---\n\n\(body)\n"
    }

    @Test func aPseudonymNeverHasTheInitialsOfADeclaredPerson() throws {
        // Every first name and surname the pools hold, with the initials of the people declared.
        for key in (0..<40).map({ "key-\($0)" }) {
            var pseudonyms = Pseudonyms(key: key, language: .fr, excluded: [])
            var file = CaseFile()
            file.name = "Agnès Barbier"
            file.aliases = ["A.B."]
            file.gender = "f"
            file.people = Pseudonyms.frenchWomen.prefix(8).map { CaseFile.Person(name: "Anaïs " + $0, gender: "f") }
            _ = Registry(client: "agnes-barbier", file: file, stems: [], pseudonyms: &pseudonyms, language: .fr)
            let declared = ([file.name!] + file.people.map(\.name)).reduce(into: Set<String>()) { $0.formUnion(Registry.initials(of: $1)) }
            #expect(pseudonyms.avoidedInitials == declared.union(Registry.initials(of: "A.B.")))
            var again = Pseudonyms(key: key, language: .fr, excluded: [])
            again.avoidedInitials = declared
            for rank in 0..<6 {
                let name = again.name(client: "agnes-barbier", rank: rank, gender: "f")
                let initials = TextFold.fold(String(name.first.prefix(1)) + String(name.last.prefix(1)))
                #expect(!declared.contains(initials), "\(name) has the initials of a declared person (key \(key))")
            }
        }
    }

    @Test func whenEverySurnameIsRealTheSurnameIsAnInitial() {
        let everyName = Set((Pseudonyms.frenchSurnames).map(TextFold.fold))
        var pseudonyms = Pseudonyms(key: "k", language: .fr, excluded: everyName)
        let name = pseudonyms.name(client: "c", rank: 0, gender: "m")
        #expect(name.last.count == 2 && name.last.hasSuffix("."), "\(name)")
        #expect(!everyName.contains(TextFold.fold(name.last)))
        #expect(!name.last.hasPrefix("Personne"))
    }

    @Test func namesFromEveryNoteOfTheJournalAreStoredAndNeverUsed() throws {
        // Another client's supervisor and a name in another case's notes: real in this
        // journal, so no pseudonym may be one of them, whichever the key.
        let others = Pseudonyms.frenchWomen.map { "\($0) Testard" }
        var files = [
            "clients/lea-morel/client.md": "---\ntype: client\nname: Léa Morel\ngender: f\nstatus: active\n---\n\n# Léa Morel\n",
            "clients/lea-morel/2026-03-02-session.md": Self.session("2026-03-02", "Léa a avancé."),
            "supervision/2026-03-05-supervision.md": "---\ntype: supervision\ndate: 2026-03-05\nsupervisor: \(others[0])\ncases: [lea-morel]\n---\n\nSupervision.\n",
        ]
        for (index, name) in others.dropFirst().enumerated() {
            files["clients/other-\(index)/client.md"] = "---\ntype: client\nname: \(name)\nstatus: active\n---\n\n# \(name)\n"
        }
        let journal = try TemporaryJournal(files)
        try journal.backdate()
        let store = try journal.index()
        _ = try store.update()
        let words = try store.personWords()
        for name in others { #expect(PersonWords.of(name).isSubset(of: words), "\(name)") }
        let output = try CaseSummary.render(try journal.journal(), store: store, options: .init(client: "lea-morel"))
        // Every woman's first name of the pool is taken by a real person: the pseudonym is a placeholder.
        for first in Pseudonyms.frenchWomen { #expect(!output.text.contains(first + " "), "\(first) is real in this journal") }
    }

    @Test func aPassageWrittenBothInPrivateAndInTheOpenIsNotALeak() throws {
        let sentence = "Nous avons listé les options sans les juger vers la fin de la séance."
        let journal = try TemporaryJournal([
            "clients/lea-morel/client.md": "---\ntype: client\nname: Léa Morel\ngender: f\nstatus: active\n---\n\n# Léa Morel\n",
            "clients/lea-morel/2026-03-02-session.md": Self.session("2026-03-02", "\(sentence)\n\n## Notes privées\n\n\(sentence)\n\nSa sœur traverse une période de chômage difficile."),
        ])
        try journal.backdate()
        let store = try journal.index()
        _ = try store.update()
        let output = try CaseSummary.render(try journal.journal(), store: store, options: .init(client: "lea-morel"))
        #expect(output.text.contains("Nous avons listé les options sans les juger"))
        #expect(!output.text.contains("chômage"))
        // The gate itself: a private passage that the open text has too is no hit; one it has not is.
        let secret = "Sa sœur traverse une période de chômage difficile."
        let gate = LeakGate(registry: nil, undeclared: [], privateLines: [sentence, secret], publicLines: [sentence])
        #expect(gate.scan(sentence).isEmpty)
        #expect(gate.scan("Elle dit : " + secret.lowercased()).contains { $0.what == "private text" })
    }

    @Test func parAilleursOpensASentenceWithoutNamingAnyone() {
        let spans = NameDetector.spans(in: "Elle hésite. Par ailleurs, elle avance.\nPar ailleurs rien.")
        #expect(spans.isEmpty, "\(spans)")
    }
}
