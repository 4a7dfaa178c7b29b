import Foundation
import Testing
@testable import JournalKit

/// `journal lsp` as editors run it: the built binary, a child process spoken to over its
/// standard input and output.
@Suite struct LSPProcessTests {
    /// The server process, with a reader of its messages and a watchdog that ends it if it hangs.
    final class Server: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        var reader: LSPMessageReader

        init(journal: URL, arguments: [String] = []) throws {
            process.executableURL = try journalBinary()
            process.arguments = ["lsp", "--journal", journal.path, "--today", "2026-03-20"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "JOURNAL_DIR")
            process.environment = environment
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            reader = LSPMessageReader(source: LSPMessageReader.reading(output.fileHandleForReading.fileDescriptor))
            try process.run()
            let process = process
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        }

        func write(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

        func send(_ object: [String: Any]) throws {
            var message = object
            message["jsonrpc"] = "2.0"
            let body = try JSONSerialization.data(withJSONObject: message)
            input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        }

        /// The messages up to the first that `until` accepts (nil at the end of the output).
        func read(until: ([String: Any]) -> Bool) -> [String: Any]? {
            while case .message(let data) = reader.next() {
                guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                if until(object) { return object }
            }
            return nil
        }

        func waitForExit() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func aSessionOverStdioEndsWithCodeZero() throws {
        let journal = try fixtureJournal("lsp")
        let server = try Server(journal: journal.root)
        let path = journal.root.appendingPathComponent(LanguageServerTests.second).path
        // Not LSP, then a valid message: the server says so and goes on.
        server.write("Content-Type: nothing\r\n\r\n")
        let refused = server.read { $0["error"] != nil }
        #expect(refused?[path: "error", "code"] as? Int == -32700)
        try server.send(["id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:],
                                                                     "rootUri": LSPDocument.uri(ofPath: journal.root.path)]])
        #expect(server.read { $0["id"] as? Int == 1 }?[path: "result", "capabilities", "hoverProvider"] as? Bool == true)
        try server.send(["method": "initialized", "params": [:]])
        try server.send(["method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": LSPDocument.uri(ofPath: path), "languageId": "markdown", "version": 1, "text": try journal.read(LanguageServerTests.second),
        ]]])
        let published = server.read { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let rules = (published?[path: "params", "diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(rules.contains("ref-unknown"))
        try server.send(["id": 2, "method": "no/such-method", "params": [:]])
        #expect(server.read { $0["id"] as? Int == 2 }?[path: "error", "code"] as? Int == -32601)
        try server.send(["id": 3, "method": "shutdown"])
        #expect(server.read { $0["id"] as? Int == 3 }?["result"] is NSNull)
        try server.send(["method": "exit"])
        #expect(server.waitForExit() == 0)
        #expect(try journal.read(LanguageServerTests.second).contains("suplier"))
    }

    @Test func aClientThatDisappearsEndsTheServer() throws {
        let journal = try fixtureJournal("lsp")
        let server = try Server(journal: journal.root)
        try server.send(["id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:]]])
        _ = server.read { $0["id"] as? Int == 1 }
        // Half a message, then gone.
        server.write("Content-Length: 100\r\n\r\n{\"jsonrpc\":")
        try server.input.fileHandleForWriting.close()
        #expect(server.waitForExit() == 1)
    }

    @Test func aClientThatStopsReadingEndsTheServerWithoutASignal() throws {
        let journal = try fixtureJournal("lsp")
        let server = try Server(journal: journal.root)
        try server.output.fileHandleForReading.close()
        try server.send(["id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:]]])
        #expect(server.waitForExit() == 1)
        #expect(server.process.terminationReason == .exit)
    }
}
