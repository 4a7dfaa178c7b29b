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
        let (example, found) = try Self.run(id, index)
        #expect(found == example.expected, "\(id) example \(index + 1)", sourceLocation: example.sourceLocation)
    }

    /// Examples reported in a file journal cannot read as a note (journal.yml, a header that is
    /// not YAML, a binary file): the comment cannot be read there either; journal.yml's
    /// `lint.rules` is the way to silence them.
    static let unreadable: Set<String> = ["frontmatter-invalid 0", "file-unreadable 0", "config-invalid 0"]

    static let triggering: [(String, Int)] = cases.filter { id, index in
        !LintCatalogue.rules.first { $0.id == id }!.examples[index].expected.isEmpty
            && !unreadable.contains("\(id) \(index)")
    }

    /// As SwiftLint's own tests do: the comment that silences a rule, put at the top of each
    /// note where an example triggers it, silences it there.
    @Test(arguments: triggering)
    func disableCommentSilences(_ id: String, _ index: Int) throws {
        let (example, found) = try Self.run(id, index) { files, example in
            for path in Set(example.expected.map { String($0.split(separator: ":")[0]) }) {
                files[path] = files[path].map { Self.disabling(id, in: $0) }
            }
        }
        #expect(found.isEmpty, "\(id) example \(index + 1)", sourceLocation: example.sourceLocation)
    }

    /// Only a comment at the top of the body reaches back into the header; below the first
    /// text it covers the rest of the note, and `-next-line` one line wherever it is.
    @Test func whereTheCommentReaches() {
        let top = parseNote("---\ntype: session\ndate: 2026-05-01\n---\n\n<!-- journal-lint-disable next-missing -->\nTexte\n")
        #expect(top.suppressions.map(\.line) == [1])
        let below = parseNote("---\ntype: session\ndate: 2026-05-01\n---\nTexte\n<!-- journal-lint-disable next-missing -->\n")
        #expect(below.suppressions.map(\.line) == [6])
        #expect(!below.suppressions[0].covers(rule: "next-missing", line: 3))
        #expect(below.suppressions[0].covers(rule: "next-missing", line: 7))
        let next = parseNote("---\ntype: session\ndate: 2026-05-01\n---\n<!-- journal-lint-disable-next-line -->\nTexte\n")
        #expect(next.suppressions.map(\.line) == [5] && next.suppressions[0].nextLineOnly)
    }

    /// `text` with the comment on the first line of its body, under the header.
    static func disabling(_ id: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let bodyStart = lines.first == "---" ? (lines.dropFirst().firstIndex(of: "---").map { $0 + 1 } ?? 0) : 0
        lines.insert("<!-- journal-lint-disable \(id) -->", at: bodyStart)
        return lines.joined(separator: "\n")
    }

    /// Example `index` of rule `id`, its files changed by `edit` first: where the rule fired.
    static func run(_ id: String, _ index: Int, edit: (inout [String: String], LintExample) -> Void = { _, _ in })
        throws -> (example: LintExample, found: [String]) {
        let rule = try #require(LintCatalogue.rules.first { $0.id == id })
        let example = rule.examples[index]
        var files = example.files
        let config = files.removeValue(forKey: "journal.yml") ?? "language: fr\ntimezone: Europe/Paris\ncadence: 2w\n"
        edit(&files, example)
        let journal = try TemporaryJournal(files, config: config)
        let today = try LocalDate.parse(Substring(example.today)).get()
        let found = try LintEngine(journal: try journal.journal()).run(today: today)
            .filter { $0.rule == id }.map { "\($0.path):\($0.line)" }
        return (example, found)
    }

    @Test func everyRuleHasATriggeringAndACleanExample() {
        for rule in LintCatalogue.rules {
            #expect(rule.examples.contains { !$0.expected.isEmpty }, "\(rule.id)")
            #expect(rule.examples.contains { $0.expected.isEmpty }, "\(rule.id)")
        }
        #expect(Set(LintCatalogue.rules.map(\.id)).count == LintCatalogue.rules.count)
    }

    /// Every id of `Rule` has exactly one rule in the catalogue, and the catalogue has no other:
    /// journal.yml accepts every rule a note can report, and nothing else.
    @Test func oneRegistry() {
        #expect(LintCatalogue.rules.map(\.id).sorted() == Rule.allCases.map(\.rawValue).sorted())
        #expect(JournalConfig.knownRules == Set(LintCatalogue.rules.map(\.id)))
    }
}

extension LintExample {
    var sourceLocation: SourceLocation {
        SourceLocation(fileID: fileID, filePath: fileID, line: line, column: 1)
    }
}

/// journal.yml's `lint.rules` takes every rule of the catalogue, the ones added after the list
/// of settings was first written included, and still catches a typo.
@Suite struct RuleSettingsTests {
    @Test func everyCatalogueRuleCanBeSet() {
        let config = JournalConfig(text: "lint:\n  rules:\n    planned-session-past: off\n    comment-unclosed: info\n    next-mising: off\n", zone: .current)
        let unknown = config.diagnostics.filter { $0.rule == Rule.fieldUnknown.rawValue }.map(\.message)
        #expect(unknown == ["`next-mising` is not a rule: did you mean `next-missing`?"])
        #expect(config.ruleSeverities["planned-session-past"] == .some(nil))
        #expect(config.ruleSeverities["comment-unclosed"] == .some(.info))
    }
}
