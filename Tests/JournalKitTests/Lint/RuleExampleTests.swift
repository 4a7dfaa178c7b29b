import Foundation
import Testing
@testable import JournalKit

/// Every rule's examples: those that must trigger it do, at the expected places, and those
/// that must not, don't.
@Suite struct RuleExampleTests {
    static let cases: [(String, Int)] = LintCatalogue.rules.flatMap { rule in
        rule.examples.indices.map { (rule.id, $0) }
    }

    @Test(arguments: cases)
    func example(_ id: String, _ index: Int) throws {
        let rule = try #require(LintCatalogue.rules.first { $0.id == id })
        let example = rule.examples[index]
        var files = example.files
        let config = files.removeValue(forKey: "journal.yml") ?? "language: fr\ntimezone: Europe/Paris\ncadence: 2w\n"
        let journal = try TemporaryJournal(files, config: config)
        let today = try LocalDate.parse(Substring(example.today)).get()
        let found = try LintEngine(journal: try journal.journal()).run(today: today)
            .filter { $0.rule == id }.map { "\($0.path):\($0.line)" }
        #expect(found == example.expected, "\(id) example \(index + 1)")
    }

    @Test func everyRuleHasATriggeringAndACleanExample() {
        for rule in LintCatalogue.rules {
            #expect(rule.examples.contains { !$0.expected.isEmpty }, "\(rule.id)")
            #expect(rule.examples.contains { $0.expected.isEmpty }, "\(rule.id)")
        }
        #expect(Set(LintCatalogue.rules.map(\.id)).count == LintCatalogue.rules.count)
    }
}
