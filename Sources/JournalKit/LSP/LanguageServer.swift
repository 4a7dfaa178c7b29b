import Foundation

/// `journal lsp`: the journal's checks, completion and hover in the coach's editor, over the
/// Language Server Protocol. It reads notes and the editor's unsaved text, brings the derived
/// index up to date, and never writes a note: its fixes are edits the editor shows first.
public final class LanguageServer {
    /// How the server finds its journal and its day.
    public struct Options: Sendable {
        /// `--journal` or JOURNAL_DIR: wins over the folder the editor opens.
        public var explicitJournal: String?
        /// The environment, folder and zone the executable hands in: the journal is looked for
        /// from the folders the editor opened, then from this folder.
        public var process: ProcessContext
        /// `--today`: the day the rules take as today (else the clock, at each lint).
        public var today: LocalDate?
        /// `--lang`: the language of the messages (else the journal's).
        public var language: JournalConfig.Language?

        public init(explicitJournal: String?, process: ProcessContext,
                    today: LocalDate? = nil, language: JournalConfig.Language? = nil) {
            self.explicitJournal = explicitJournal
            self.process = process
            self.today = today
            self.language = language
        }
    }

    let options: Options
    private let send: (JSONValue) -> Bool
    var workspace: LSPWorkspace?
    var documents = LSPDocumentStore()
    /// Each open note parsed at its current version, so that linting a case does not parse
    /// again the notes that did not change.
    private var parsed: [String: (version: Int, note: Note)] = [:]
    /// Open notes changed since their last lint.
    private var pending: Set<String> = []
    /// The last resolution of each case linted, for completion and hover.
    var resolutions: [String: ClientResolution] = [:]
    var knownClients: Set<String> = []
    /// The notes of each case linted last (unsaved text in place), by path: what code actions plan from.
    private var notesByGroup: [String: [String: Note]] = [:]
    private var initialized = false
    private var shuttingDown = false
    /// Set by `exit`, or when the client went away: the loop stops.
    private(set) var exitCode: Int32?
    /// How many times diagnostics were published: lets tests see that a burst was coalesced.
    private(set) var publications = 0
    /// Why the journal could not be opened, told to the editor once.
    private var journalProblem: String?

    /// `send` writes one message to the client; false when it could not (the client is gone).
    init(options: Options, send: @escaping (JSONValue) -> Bool) {
        self.options = options
        self.send = send
    }

    var language: JournalConfig.Language {
        options.language ?? workspace?.journal.config.language ?? .en
    }

    /// Serves on standard input and output until `exit` or the end of the input; returns the
    /// process's exit code (0 after `shutdown` then `exit`, 1 otherwise, as LSP asks).
    public static func serve(options: Options, input: Int32 = 0, output: Int32 = 1) -> Int32 {
        let writer = LSPMessageWriter(sink: LSPMessageWriter.writing(output))
        let server = LanguageServer(options: options, send: writer.send)
        let inbox = LSPInbox()
        let reading = LSPMessageReader.reading(input)
        let thread = Thread {
            var reader = LSPMessageReader(source: reading)
            while true {
                let outcome = reader.next()
                inbox.put(outcome)
                if outcome == .end { return }
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
        while server.exitCode == nil {
            for outcome in inbox.takeAll() where server.exitCode == nil {
                server.receive(outcome)
            }
            server.lintPending()
        }
        return server.exitCode ?? 1
    }

    /// One message from the client, answered at once; changes are only recorded, and linted by
    /// `lintPending` once every message that has come is handled.
    func receive(_ outcome: LSPMessageReader.Outcome) {
        switch outcome {
        case .end:
            exitCode = shuttingDown ? 0 : 1
        case .badHeader:
            reply(JSONRPC.error(.null, .parseError, "a message must start with a Content-Length header"))
        case .oversized(let size):
            reply(JSONRPC.error(.null, .invalidRequest,
                                "message of \(size) bytes, over the limit of \(LSPMessageReader.maximumBody): ignored"))
        case .message(let data):
            switch JSONRPC.decode(data) {
            case .unparsable:
                reply(JSONRPC.error(.null, .parseError, "the message is not valid JSON"))
            case .invalid(let id, let reason):
                reply(JSONRPC.error(id, .invalidRequest, reason))
            case .response:
                break
            case .notification(let method, let params):
                notify(method, params)
            case .request(let id, let method, let params):
                request(id, method, params)
            }
        }
    }

    private func reply(_ message: JSONValue) {
        if !send(message) { exitCode = exitCode ?? 1 }
    }

    private func request(_ id: JSONValue, _ method: String, _ params: [String: Any]) {
        if shuttingDown {
            return reply(JSONRPC.error(id, .invalidRequest, "the server is shutting down"))
        }
        if method == "initialize" {
            return reply(JSONRPC.result(id, initialize(params)))
        }
        guard initialized else {
            return reply(JSONRPC.error(id, .serverNotInitialized, "initialize first"))
        }
        if method == "shutdown" {
            shuttingDown = true
            return reply(JSONRPC.result(id, .null))
        }
        guard let handler = Self.handlers[method] else {
            return reply(JSONRPC.error(id, .methodNotFound, "\(method) is not a method of journal lsp"))
        }
        // Answered from the text as it is now: the changes received so far are linted first.
        lintPending()
        let result = handler(self)(params)
        guard let result else {
            return reply(JSONRPC.error(id, .invalidParams, "\(method): textDocument and position are required"))
        }
        reply(JSONRPC.result(id, result))
    }

    /// The requests about a document, by method.
    private static let handlers: [String: @Sendable (LanguageServer) -> ([String: Any]) -> JSONValue?] = [
        "textDocument/completion": { $0.completion },
        "textDocument/hover": { $0.hover },
        "textDocument/definition": { $0.definition },
        "textDocument/codeAction": { $0.codeActions },
    ]

    private func notify(_ method: String, _ params: [String: Any]) {
        if method == "exit" {
            exitCode = shuttingDown ? 0 : 1
            return
        }
        guard initialized, !shuttingDown else { return }
        switch method {
        case "textDocument/didOpen":
            guard let item = params.object("textDocument"), let uri = item.string("uri"),
                  let text = item.string("text") else { return }
            let path = LSPDocument.path(ofURI: uri).flatMap { workspace?.relativePath($0) }
            documents[uri] = LSPDocument(uri: uri, path: path, version: item.int("version") ?? 0, bytes: Array(text.utf8))
            // A note opened a while after the last update may have changed on disk meanwhile.
            if let workspace, Date().timeIntervalSince(workspace.lastUpdate) > 2 { refresh() }
            pending.insert(uri)
        case "textDocument/didChange":
            guard let item = params.object("textDocument"), let uri = item.string("uri"),
                  var document = documents[uri], let changes = params["contentChanges"] as? [[String: Any]]
            else { return }
            for change in changes {
                guard let text = change.string("text") else { continue }
                if let range = change.object("range"), let start = range.position("start"), let end = range.position("end") {
                    document.apply((start, end), text)
                } else {
                    document.apply(nil, text)
                }
            }
            document.version = item.int("version") ?? document.version + 1
            documents[uri] = document
            pending.insert(uri)
        case "textDocument/didClose":
            guard let uri = params.object("textDocument")?.string("uri"), let document = documents[uri] else { return }
            documents[uri] = nil
            parsed[uri] = nil
            pending.remove(uri)
            publish(uri, version: nil, [])
            // Its case falls back to the file on disk: the other open notes of it are linted again.
            if let path = document.path, let group = workspace?.storedGroup(of: path) {
                pending.formUnion(openURIs(in: [group]))
            }
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            refresh()
            pending.formUnion(documents.documents.keys)
        default:
            break
        }
    }

    private func initialize(_ params: [String: Any]) -> JSONValue {
        initialized = true
        openJournal(params)
        let completionTriggers: [JSONValue] = ["[", ":", " "].map { .string($0) }
        return .object([
            ("capabilities", .object([
                ("positionEncoding", .string("utf-16")),
                ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2)),
                                              ("save", .object([("includeText", .bool(false))]))])),
                ("completionProvider", .object([("triggerCharacters", .array(completionTriggers))])),
                ("hoverProvider", .bool(true)),
                ("definitionProvider", .bool(true)),
                ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix"), .string("source.fixAll")]))])),
            ])),
            ("serverInfo", .object([("name", .string("journal")), ("version", .string("0.1.0"))])),
        ])
    }

    /// `--journal` or JOURNAL_DIR, else the folder the editor opened, else the server's own.
    private func openJournal(_ params: [String: Any]) {
        var folders: [String] = []
        if let root = params.string("rootUri").flatMap(LSPDocument.path(ofURI:)) { folders.append(root) }
        if let root = params.string("rootPath") { folders.append(root) }
        for folder in params.objects("workspaceFolders") ?? [] {
            if let path = folder.string("uri").flatMap(LSPDocument.path(ofURI:)) { folders.append(path) }
        }
        folders.append(options.process.workingDirectory)
        var problem: (any Error)?
        for folder in folders {
            do {
                var process = options.process
                process.workingDirectory = folder
                let journal = try Journal.locate(explicit: options.explicitJournal, process: process)
                workspace = try LSPWorkspace(journal: journal, today: options.today)
                knownClients = try workspace?.store.clientsWithCaseFile() ?? []
                return
            } catch {
                problem = problem ?? error
            }
        }
        let language = options.language ?? .en
        journalProblem = problem.flatMap { ErrorText.describe($0, in: language) } ?? "no journal found"
        send(JSONRPC.notification("window/showMessage", .object([
            ("type", .int(1)),
            ("message", .string("journal lsp: " + (journalProblem ?? ""))),
        ])))
        .ignore()
    }

    private func refresh() {
        do {
            try workspace?.refresh()
        } catch {
            let text = ErrorText.describe(error, in: language) ?? "\(type(of: error))"
            _ = send(JSONRPC.notification("window/logMessage", .object([("type", .int(2)),
                                                                        ("message", .string("journal lsp: " + text))])))
        }
        parsed = [:]
    }

    /// The URIs of the open notes whose case is one of `groups`.
    private func openURIs(in groups: Set<String>) -> [String] {
        documents.documents.values.compactMap { document in
            guard let note = note(of: document) else { return nil }
            return groups.contains(note.client ?? "") ? document.uri : nil
        }
    }

    /// An open note parsed at its current version.
    func note(of document: LSPDocument) -> Note? {
        if let cached = parsed[document.uri], cached.version == document.version { return cached.note }
        guard let note = workspace?.parse(document) else { return nil }
        parsed[document.uri] = (document.version, note)
        return note
    }

    /// Lints the cases of the notes changed since the last lint, each once, with every open
    /// note of them at its latest version, and publishes the diagnostics of those open notes:
    /// a change in one note can clear a finding in another (a review that names a commitment).
    func lintPending() {
        guard !pending.isEmpty else { return }
        let changed = pending
        pending = []
        guard let workspace else {
            for uri in changed { publish(uri, version: documents[uri]?.version, []) }
            return
        }
        var groups = Set<String>()
        for uri in changed {
            guard let document = documents[uri] else { continue }
            guard let path = document.path, let note = note(of: document) else {
                publish(uri, version: document.version, [])
                continue
            }
            groups.insert(note.client ?? "")
            if let before = workspace.storedGroup(of: path) { groups.insert(before) }
        }
        guard !groups.isEmpty else { return }
        var open: [String: Note] = [:]
        for document in documents.documents.values {
            if let path = document.path, let note = note(of: document) { open[path] = note }
        }
        let state = workspace.state(of: groups, open: open)
        for (group, resolution) in state.resolutions { resolutions[group] = resolution }
        for group in groups { notesByGroup[group] = [:] }
        for note in state.notes { notesByGroup[note.client ?? "", default: [:]][note.path] = note }
        knownClients = state.knownClients
        for document in documents.documents.values {
            guard let path = document.path, let found = state.diagnostics[path] else { continue }
            publish(document.uri, version: document.version, found)
        }
    }

    private func publish(_ uri: String, version: Int?, _ diagnostics: [Diagnostic]) {
        let document = documents[uri]
        var params: [(String, JSONValue)] = [("uri", .string(uri))]
        if let version { params.append(("version", .int(version))) }
        params.append(("diagnostics", .array(diagnostics.map { lspDiagnostic($0, in: document) })))
        publications += 1
        reply(JSONRPC.notification("textDocument/publishDiagnostics", .object(params)))
    }

    func caseNotes(_ group: String) -> [String: Note] { notesByGroup[group] ?? [:] }

    /// The open document and its parsed note named by a request's `textDocument`.
    func target(_ params: [String: Any]) -> (document: LSPDocument, note: Note?)? {
        guard let uri = params.object("textDocument")?.string("uri"), let document = documents[uri] else { return nil }
        return (document, note(of: document))
    }
}

extension Bool {
    /// For a send whose failure the loop learns from the next one.
    fileprivate func ignore() {}
}
