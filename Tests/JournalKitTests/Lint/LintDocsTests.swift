import Foundation
import Testing
@testable import JournalKit

/// docs/lint.md cannot drift from the rules: its generated part must be what the code says.
@Suite struct LintDocsTests {
    static let marker = "<!-- generated from the rule catalogue: do not edit below -->\n"

    @Test func docsListEveryRuleAsTheCodeDescribesIt() throws {
        let url = packageRoot.appendingPathComponent("docs/lint.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let parts = text.components(separatedBy: Self.marker)
        #expect(parts.count == 2)
        let generated = "\n" + LintRuleList.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try Data((parts[0] + Self.marker + generated).utf8).write(to: url)
            return
        }
        #expect(parts.last == generated, "docs/lint.md is out of date: UPDATE_DOCS=1 swift test --filter LintDocsTests")
        for rule in LintCatalogue.rules {
            #expect(text.contains("### \(rule.id)\n"))
        }
    }
}
