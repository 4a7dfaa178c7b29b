import Foundation
import Testing
@testable import JournalKit

/// `disclosure-beyond-agreement`: what the sponsor report would share beyond what the client
/// agreed to, named in both languages.
@Suite struct DisclosureAgreementTests {
    @Test func itemsAreReadFromListsAndCommasOnly() {
        #expect(DisclosureBeyondAgreement.agreed(["attendance", "Dates"]) == [.attendance, .dates])
        #expect(DisclosureBeyondAgreement.agreed(["présence, objectifs ; avancement"]) == [.attendance, .objectives, .progress])
        // A sentence that mentions an item is not an agreement to it.
        #expect(DisclosureBeyondAgreement.agreed(["pas les objectifs, seulement que l'appel a eu lieu"]).isEmpty)
        #expect(DisclosureBeyondAgreement.agreed([]).isEmpty)
    }

    @Test func theFindingNamesWhatGoesBeyondAndWhatWasAgreed() throws {
        let journal = try TemporaryJournal([
            "clients/ana-test/client.md": Sample.caseFile("status: active\nsponsor: {name: Marc Petit}\ndisclosure: [attendance, objectives, themes]"),
            "clients/ana-test/2026-05-01-chemistry.md": Sample.note("chemistry", "date: 2026-05-01\nclient_briefed: yes\ndisclosure_agreed: [présence]"),
        ])
        let found = try LintEngine(journal: journal.journal()).run(today: LocalDate(year: 2026, month: 6, day: 1)!)
            .filter { $0.rule == "disclosure-beyond-agreement" }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.path == "clients/ana-test/client.md" && finding.line == 6 && finding.severity == .warning)
        #expect(finding.message.contains("`objectives`, `themes`") && finding.message.contains("agreed only to `attendance`"))
        #expect(finding.message.contains("clients/ana-test/2026-05-01-chemistry.md"))
        #expect(finding.french.contains("n'a accordé que `attendance` : retirez-les"))
    }
}
