import Foundation
import Testing
@testable import JournalKit

/// The language server driven in the test process, message by message, on the `lsp` fixture
/// journal (one client, two sessions: a review that misspells a ref, odds in a wrong form on a
/// line with accents and an emoji, a French date).
@Suite struct LanguageServerTests {
    static let first = "clients/nina-keller/2026-03-02-session.md"
    static let second = "clients/nina-keller/2026-03-16-session.md"

    func started() throws -> LSPTestClient {
        let client = LSPTestClient(try fixtureJournal("lsp"))
        client.initialize()
        return client
    }

    @Test func initializeAnnouncesWhatTheServerDoes() throws {
        let client = LSPTestClient(try fixtureJournal("lsp"))
        let answer = client.request("initialize", ["processId": NSNull(), "capabilities": [:],
                                                   "rootUri": client.uri("")])
        #expect(answer[path: "result", "capabilities", "textDocumentSync", "change"] as? Int == 2)
        #expect(answer[path: "result", "capabilities", "hoverProvider"] as? Bool == true)
        #expect(answer[path: "result", "capabilities", "definitionProvider"] as? Bool == true)
        #expect(answer[path: "result", "serverInfo", "name"] as? String == "journal")
    }

    @Test func diagnosticsAreLintsFindingsInUTF16() throws {
        let client = try started()
        try client.open(Self.first)
        client.settle()
        let found = try #require(client.diagnostics(Self.first))
        #expect(client.rules(Self.first) == ["commitment-unreviewed", "field-invalid"])
        let odds = try #require(found.first { $0["code"] as? String == "field-invalid" })
        let line = try client.journal.read(Self.first).components(separatedBy: "\n")[10]
        // “é” is one UTF-16 unit, “🚀” two: the column is counted as the editor counts it.
        let expected = line[..<line.range(of: "[odds::")!.lowerBound].utf16.count
        #expect(odds[path: "range", "start", "line"] as? Int == 10)
        #expect(odds[path: "range", "start", "character"] as? Int == expected)
        #expect(odds[path: "range", "end", "character"] as? Int == line.utf16.count)
        #expect(odds["severity"] as? Int == 1)
        #expect(odds["source"] as? String == "journal")
        #expect((odds["message"] as? String)?.contains("are not odds") == true)
        // The same findings as `journal lint PATH`, rule for rule and line for line.
        let lint = try LintEngine(journal: client.journal.journal())
            .run(today: LocalDate.fromText("2026-03-20")!, paths: [Self.first])
        #expect(lint.map(\.rule).sorted() == client.rules(Self.first))
        #expect(Set(lint.map { $0.line - 1 }) == Set(found.compactMap { $0[path: "range", "start", "line"] as? Int }))
    }

    @Test func unsavedTextIsLintedAndTheFileIsNotWritten() throws {
        let client = try started()
        let before = try client.journal.read(Self.second)
        try client.open(Self.second)
        client.settle()
        #expect(client.rules(Self.second).contains("ref-unknown"))
        // `suplier` → `supplier`, typed at line 11 (from 0), in the ref.
        let line = before.components(separatedBy: "\n")[11]
        let at = line.range(of: "suplier")!.upperBound
        let character = line[..<at].utf16.count - 4
        client.change(Self.second, version: 2, line: 11, from: character, to: character, "p")
        client.settle()
        #expect(!client.rules(Self.second).contains("ref-unknown"))
        #expect(client.publications(Self.second).last?["version"] as? Int == 2)
        #expect(try client.journal.read(Self.second) == before)
    }

    @Test func fixingARefClearsTheFindingInTheOtherNote() throws {
        let client = try started()
        try client.open(Self.first)
        try client.open(Self.second)
        client.settle()
        #expect(client.rules(Self.first).contains("commitment-unreviewed"))
        let line = try client.journal.read(Self.second).components(separatedBy: "\n")[11]
        let start = line[..<line.range(of: "suplier")!.lowerBound].utf16.count
        client.change(Self.second, version: 2, line: 11, from: start, to: start + 7, "supplier")
        client.settle()
        #expect(!client.rules(Self.first).contains("commitment-unreviewed"))
        #expect(client.rules(Self.first) == ["field-invalid"])
        // Closed, the note falls back to its file: the finding is back in the other note.
        client.notify("textDocument/didClose", ["textDocument": ["uri": client.uri(Self.second)]])
        client.settle()
        #expect(client.rules(Self.first).contains("commitment-unreviewed"))
        #expect(client.diagnostics(Self.second)?.isEmpty == true)
    }

    @Test func aBurstOfChangesIsLintedOnceAtItsLastVersion() throws {
        let client = try started()
        try client.open(Self.second)
        client.settle()
        let published = client.publications(Self.second).count
        for version in 2...1001 {
            client.change(Self.second, version: version, line: 7, from: 0, to: 0, "x")
        }
        client.settle()
        #expect(client.publications(Self.second).count == published + 1)
        #expect(client.publications(Self.second).last?["version"] as? Int == 1001)
        let text = String(decoding: try #require(client.server.documents[client.uri(Self.second)]).bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\n")[7] == String(repeating: "x", count: 1000))
    }

    @Test func aNoteOverTheParsersCapGetsItsDiagnostic() throws {
        let client = try started()
        let path = "clients/nina-keller/2026-03-30-session.md"
        let text = "---\ntype: session\ndate: 2026-03-30\n---\n\n" + String(repeating: "Une ligne de notes, sans fin.\n", count: 180_000)
        #expect(text.utf8.count > 5_000_000)
        try client.open(path, text: text)
        client.settle()
        let found = try #require(client.diagnostics(path))
        #expect(found.contains { $0["code"] as? String == "file-unreadable" && ($0["message"] as? String)?.contains("1 MB") == true })
    }

    @Test func protocolErrorsAreAnsweredWithTheirCodes() throws {
        let client = LSPTestClient(try fixtureJournal("lsp"))
        #expect(client.request("textDocument/hover")[path: "error", "code"] as? Int == -32002)
        client.initialize()
        client.raw("{not json")
        #expect(client.messages.last?[path: "error", "code"] as? Int == -32700)
        #expect(client.messages.last?["id"] is NSNull)
        client.raw(#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#)
        #expect(client.messages.last?[path: "error", "code"] as? Int == -32600)
        client.raw(#"{"id":7,"method":"shutdown"}"#)
        #expect(client.messages.last?[path: "error", "code"] as? Int == -32600)
        #expect(client.messages.last?["id"] as? Int == 7)
        client.raw(#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#)
        #expect(client.messages.last?[path: "error", "code"] as? Int == -32600)
        #expect(client.request("workspace/symbol", ["query": ""])[path: "error", "code"] as? Int == -32601)
        #expect(client.request("textDocument/hover", [:])[path: "error", "code"] as? Int == -32602)
        // An unknown notification is no error: nothing is answered.
        let count = client.messages.count
        client.notify("$/setTrace", ["value": "off"])
        client.notify("custom/unknown")
        #expect(client.messages.count == count)
        #expect(client.request("shutdown")["result"] is NSNull)
        #expect(client.request("textDocument/hover", [:])[path: "error", "code"] as? Int == -32600)
        client.notify("exit")
        #expect(client.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownOrAClientGoneIsCodeOne() throws {
        let client = try started()
        client.server.receive(.end)
        #expect(client.server.exitCode == 1)
        let other = try started()
        other.notify("exit")
        #expect(other.server.exitCode == 1)
    }

    @Test func completionOffersOpenCommitmentsFieldsAndValues() throws {
        let client = try started()
        try client.open(Self.second)
        client.settle()
        // A new review line, typed at the end of the review section.
        client.change(Self.second, version: 2, line: 12, from: 0, to: 0, "- [ ] [ref:: \n")
        let refs = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                              "position": ["line": 12, "character": 13]])
        let labels = (refs[path: "result", "items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        // Open ones only (team-plan is done), the most recently made first.
        #expect(labels == ["summary", "supplier"])
        let supplier = try #require((refs[path: "result", "items"] as? [[String: Any]])?.last)
        #expect(supplier["detail"] as? String == "Call the supplier")
        client.change(Self.second, version: 3, line: 12, from: 0, to: 13, "- [ ] Relire [")
        let keys = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                              "position": ["line": 12, "character": 14]])
        let fields = (keys[path: "result", "items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(fields.contains("due::") && fields.contains("échéance::") && fields.contains("owner::") && fields.contains("qui::"))
        client.change(Self.second, version: 4, line: 4, from: 0, to: 11, "mode: ")
        let modes = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                               "position": ["line": 4, "character": 6]])
        #expect((modes[path: "result", "items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            == ["visio", "phone", "in-person"])
        client.change(Self.second, version: 5, line: 4, from: 0, to: 6, "cl")
        let header = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                                "position": ["line": 4, "character": 2]])
        let headerKeys = (header[path: "result", "items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(headerKeys.contains("client") && headerKeys.contains("next_reason") && !headerKeys.contains("sponsor"))
        client.change(Self.second, version: 6, line: 4, from: 0, to: 2, "client: ")
        let ids = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                             "position": ["line": 4, "character": 8]])
        #expect((ids[path: "result", "items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String } == ["nina-keller"])
        client.change(Self.second, version: 7, line: 4, from: 0, to: 8, "next: ")
        let dates = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                               "position": ["line": 4, "character": 6]])
        #expect((dates[path: "result", "items"] as? [[String: Any]] ?? []).first?["label"] as? String == "2026-03-20")
    }

    @Test func hoverAndDefinitionOnARef() throws {
        let client = try started()
        try client.open(Self.second)
        client.settle()
        let position: [String: Any] = ["line": 10, "character": 14]
        let hover = client.request("textDocument/hover", ["textDocument": ["uri": client.uri(Self.second)], "position": position])
        let text = try #require(hover[path: "result", "contents", "value"] as? String)
        #expect(text.contains("Préparer l'équipe 🚀 pour la réunion"))
        // Its odds are not shown: “7/10” is no odds (field-invalid says so).
        #expect(text.contains("owner: client") && text.contains("due: 2026-03-10") && !text.contains("odds"))
        #expect(text.contains("History:") && text.contains("2026-03-16 done"))
        let definition = client.request("textDocument/definition", ["textDocument": ["uri": client.uri(Self.second)],
                                                                    "position": position])
        #expect(definition[path: "result", "uri"] as? String == client.uri(Self.first))
        #expect(definition[path: "result", "range", "start", "line"] as? Int == 10)
        // On the header's date: nothing to say.
        let none = client.request("textDocument/hover", ["textDocument": ["uri": client.uri(Self.second)],
                                                         "position": ["line": 2, "character": 3]])
        #expect(none["result"] is NSNull)
    }

    @Test func hoverOnTheClient() throws {
        let client = try started()
        try client.open(Self.second, text: try client.journal.read(Self.second)
            .replacingOccurrences(of: "type: session\n", with: "type: session\nclient: nina-keller\n"))
        client.settle()
        let hover = client.request("textDocument/hover", ["textDocument": ["uri": client.uri(Self.second)],
                                                          "position": ["line": 2, "character": 3]])
        let text = try #require(hover[path: "result", "contents", "value"] as? String)
        #expect(text.contains("nina-keller") && text.contains("status: active") && text.contains("miss streak: 0"))
    }

    @Test func codeActionsAreLintFixesAsEdits() throws {
        let client = try started()
        let before = try client.journal.read(Self.second)
        try client.open(Self.second)
        client.settle()
        let answer = client.request("textDocument/codeAction", [
            "textDocument": ["uri": client.uri(Self.second)],
            "range": ["start": ["line": 15, "character": 0], "end": ["line": 15, "character": 0]],
            "context": ["diagnostics": []],
        ])
        let actions = try #require(answer["result"] as? [[String: Any]])
        let quickfix = try #require(actions.first { $0["kind"] as? String == "quickfix" })
        let edits = try #require(quickfix[path: "edit", "changes", client.uri(Self.second)] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits[0]["newText"] as? String == "- [ ] Send the summary [id:: summary] [due:: 2026-03-27]")
        #expect(edits[0][path: "range", "start", "line"] as? Int == 15)
        #expect(actions.contains { $0["kind"] as? String == "source.fixAll" })
        #expect(try client.journal.read(Self.second) == before)
    }

    @Test func codeActionGivesAnIdAndRewritesTheReviewsThatNameIt() throws {
        let client = try started()
        let path = "clients/nina-keller/2026-03-30-session.md"
        let next = "---\ntype: session\ndate: 2026-03-30 10:00\nmode: visio\nduration: 60\nnext: 2026-04-13 10:00\n---\n\n## Review\n\n- [ ] [ref:: 2026-03-16-session#2] started\n"
        try client.journal.write(path, next)
        try client.journal.write(Self.second, try client.journal.read(Self.second) + "- [ ] Book the team day\n")
        let client2 = LSPTestClient(client.journal)
        client2.initialize()
        try client2.open(Self.second)
        client2.settle()
        let answer = client2.request("textDocument/codeAction", [
            "textDocument": ["uri": client2.uri(Self.second)],
            "range": ["start": ["line": 16, "character": 0], "end": ["line": 16, "character": 0]],
        ])
        let actions = try #require(answer["result"] as? [[String: Any]])
        let all = try #require(actions.first { $0["kind"] as? String == "source.fixAll" })
        let here = try #require(all[path: "edit", "changes", client2.uri(Self.second)] as? [[String: Any]])
        #expect(here.contains { $0["newText"] as? String == "- [ ] Book the team day  [id:: book-the-team-day]" })
        let there = try #require(all[path: "edit", "changes", client2.uri(path)] as? [[String: Any]])
        #expect(there.map { $0["newText"] as? String } == ["- [ ] [ref:: book-the-team-day] started"])
    }

    @Test func aNoteChangedOnDiskIsPickedUp() throws {
        let client = try started()
        try client.open(Self.first)
        client.settle()
        #expect(client.rules(Self.first).contains("commitment-unreviewed"))
        // git brings a review of `supplier` from another machine.
        try client.journal.write("clients/nina-keller/2026-03-18-session.md",
                                 "---\ntype: session\ndate: 2026-03-18 10:00\nmode: visio\nduration: 60\nnext: 2026-04-01 10:00\n---\n\n## Review\n\n- [x] [ref:: supplier] called\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": client.uri("clients/nina-keller/2026-03-18-session.md"), "type": 1]]])
        client.settle()
        #expect(!client.rules(Self.first).contains("commitment-unreviewed"))
    }

    @Test func aNoteOutsideTheJournalGetsNoDiagnostics() throws {
        let client = try started()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-journal-\(UUID().uuidString).md")
        client.notify("textDocument/didOpen", ["textDocument": ["uri": LSPDocument.uri(ofPath: outside.path), "languageId": "markdown",
                                                                "version": 1, "text": "---\ntype: session\n---\n"]])
        client.settle()
        let published = client.messages.last { $0["method"] as? String == "textDocument/publishDiagnostics" }
        #expect((published?[path: "params", "diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func messagesFollowTheJournalsLanguage() throws {
        let client = LSPTestClient(try fixtureJournal("lsp"), language: .fr)
        client.initialize()
        try client.open(Self.second)
        client.settle()
        let unknown = try #require(client.diagnostics(Self.second)?.first { $0["code"] as? String == "ref-unknown" })
        #expect((unknown["message"] as? String)?.contains("vouliez-vous") == true || (unknown["message"] as? String)?.contains("aucun") == true)
    }

    @Test func privateCommitmentsAreMarkedAndACheckboxIsNoField() throws {
        let client = try started()
        let text = try client.journal.read(Self.second) + "\n## Private\n\n### Commitments\n\n- [ ] Ask about the move [id:: move]\n\n## Review\n\n- [ \n"
        try client.open(Self.second, text: text)
        client.settle()
        let last = text.components(separatedBy: "\n").count - 2
        let checkbox = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                                  "position": ["line": last, "character": 3]])
        #expect((checkbox[path: "result", "items"] as? [Any])?.isEmpty == true)
        client.change(Self.second, version: 2, line: last, from: 0, to: 3, "- [ ] [ref:: ")
        let refs = client.request("textDocument/completion", ["textDocument": ["uri": client.uri(Self.second)],
                                                              "position": ["line": last, "character": 13]])
        let move = (refs[path: "result", "items"] as? [[String: Any]] ?? []).first { $0["label"] as? String == "move" }
        #expect(move?["detail"] as? String == "Ask about the move (private)")
    }
}
