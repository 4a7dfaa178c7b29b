import Foundation
import Testing
@testable import JournalKit

/// docs/commands.md and README.md show real output of the example journal on 2026-05-20: these
/// tests run the same commands and find their output in the documents, so the two cannot drift.
@Suite struct DocsExampleTests {
    func example() throws -> TemporaryJournal {
        let copy = try TemporaryJournal()
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples/cabinet-fontaine"), to: copy.root)
        return copy
    }

    func document(_ path: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test(arguments: [
        ["agenda"], ["report", "nadia-benali"], ["hours"], ["hours", "--format", "csv"], ["show", "nadia-benali"],
        ["search", "deleg*", "--client", "nadia-benali"],
    ])
    func commandsDocumentShowsRealOutput(_ arguments: [String]) throws {
        let journal = try example()
        let result = try runJournal(arguments + ["--journal", journal.root.path, "--today", "2026-05-20"])
        #expect(result.status == 0, "\(result.stderr)")
        // As typed in a shell: a `*` quoted; a search does not depend on the day.
        let typed = arguments.map { $0.contains("*") ? "'\($0)'" : $0 }.joined(separator: " ")
        let shown = "$ journal \(typed)" + (["hours", "search"].contains(arguments.first) ? "" : " --today 2026-05-20")
        // A French journal's CSV starts with a byte order mark, which a document cannot show.
        var output = result.stdout
        if arguments.contains("csv") {
            #expect(output.hasPrefix("\u{FEFF}"))
            output = String(output.dropFirst())
        }
        let expected = shown + "\n" + output.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(try document("docs/commands.md").contains(expected), "docs/commands.md does not show the output of `\(shown)`")
        if ["agenda", "show", "search"].contains(arguments.first) {
            #expect(try document("README.md").contains(expected))
        }
    }
}
