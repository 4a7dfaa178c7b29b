import Foundation
@testable import JournalKit

/// Plays the editor against a server in the test process: messages in as JSON text, messages
/// out decoded, changes linted when the test says a batch is over (as the server's loop does).
final class LSPTestClient {
    let journal: TemporaryJournal
    private(set) var server: LanguageServer!
    private let outbox = Outbox()
    private var nextID = 1

    final class Outbox: @unchecked Sendable {
        var messages: [[String: Any]] = []
    }

    init(_ journal: TemporaryJournal, today: String = "2026-03-20", language: JournalConfig.Language? = nil) {
        self.journal = journal
        let outbox = outbox
        server = LanguageServer(
            options: .init(explicitJournal: journal.root.path,
                           process: ProcessContext(environment: [:], workingDirectory: journal.root.path, zone: .current),
                           today: LocalDate.fromText(today), language: language),
            send: { message in
                let object = try? JSONSerialization.jsonObject(with: Data(message.compact().utf8))
                outbox.messages.append(object as? [String: Any] ?? [:])
                return true
            })
    }

    func uri(_ path: String) -> String { LSPDocument.uri(ofPath: journal.root.appendingPathComponent(path).path) }

    /// Sends raw bytes of a message body.
    func raw(_ body: String) { server.receive(.message(Data(body.utf8))) }

    func send(_ object: [String: Any]) {
        var message = object
        message["jsonrpc"] = "2.0"
        let data = try! JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: message))
        server.receive(.message(try! JSONSerialization.data(withJSONObject: data)))
    }

    /// A request; returns its answer (the last message with its id).
    @discardableResult
    func request(_ method: String, _ params: [String: Any] = [:]) -> [String: Any] {
        let id = nextID
        nextID += 1
        send(["id": id, "method": method, "params": params])
        return outbox.messages.last { ($0["id"] as? Int) == id } ?? [:]
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["method": method, "params": params])
    }

    func initialize() {
        request("initialize", ["processId": NSNull(), "rootUri": LSPDocument.uri(ofPath: journal.root.path), "capabilities": [:]])
        notify("initialized")
    }

    func open(_ path: String, text: String? = nil, version: Int = 1) throws {
        let content = try text ?? journal.read(path)
        notify("textDocument/didOpen", ["textDocument": ["uri": uri(path), "languageId": "markdown", "version": version,
                                                         "text": content]])
    }

    func change(_ path: String, version: Int, line: Int, from: Int, to: Int, _ text: String) {
        notify("textDocument/didChange", [
            "textDocument": ["uri": uri(path), "version": version],
            "contentChanges": [["range": ["start": ["line": line, "character": from], "end": ["line": line, "character": to]],
                                "text": text]],
        ])
    }

    /// The end of a batch of messages: what the server's loop does once it has read them all.
    func settle() { server.lintPending() }

    var messages: [[String: Any]] { outbox.messages }

    func clear() { outbox.messages.removeAll() }

    /// The diagnostics last published for `path`.
    func diagnostics(_ path: String) -> [[String: Any]]? {
        let target = uri(path)
        return publications(path).last.flatMap { _ in
            (outbox.messages.last { ($0["params"] as? [String: Any])?["uri"] as? String == target
                && $0["method"] as? String == "textDocument/publishDiagnostics" }?["params"] as? [String: Any])?["diagnostics"]
                as? [[String: Any]]
        }
    }

    func publications(_ path: String) -> [[String: Any]] {
        let target = uri(path)
        return outbox.messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
            .compactMap { $0["params"] as? [String: Any] }.filter { $0["uri"] as? String == target }
    }

    func rules(_ path: String) -> [String] { (diagnostics(path) ?? []).compactMap { $0["code"] as? String }.sorted() }
}

extension Dictionary where Key == String, Value == Any {
    subscript(path keys: String...) -> Any? {
        var value: Any? = self
        for key in keys {
            if let index = Int(key), let array = value as? [Any] {
                value = index < array.count ? array[index] : nil
            } else {
                value = (value as? [String: Any])?[key]
            }
        }
        return value
    }
}
