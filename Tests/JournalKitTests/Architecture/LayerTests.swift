import Foundation
import Testing

/// The library's folders are layers (docs/architecture.md): a file may name the types of its own
/// folder and of the layers below it, never of a layer above, and the features (the last layer)
/// do not name one another. One module cannot enforce this, so this test reads the sources: each
/// folder's top-level types, then every capitalised word of the code (comments and strings left
/// out) that is one of them.
@Suite struct LayerTests {
    /// Bottom first. Folders on one line are peers.
    static let layers: [[String]] = [
        ["Values"],
        ["Support"],
        ["Model"],
        ["Parsing"],
        ["Journal"],
        ["Index"],
        ["Render"],
        ["Anonymise"],
        ["Agenda", "Calendar", "Cases", "Commitments", "Lint", "Notes", "Report", "Show", "Summary"],
        // The language server is an editor's way into lint: it stands on it.
        ["LSP"],
    ]

    /// Moves not made yet: each is taken off as it lands.
    static let pending: Set<String> = [
        "Show/CaseView.swift names CommitmentSummary (Commitments/)",
        "Cases/CasePurge.swift names CommitmentSummary (Commitments/)",
        "Cases/CaseCloser.swift names CommitmentSummary (Commitments/)",
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/JournalKit")
    }

    struct File {
        var path: String
        var folder: String
        var code: String
    }

    static func files() throws -> [File] {
        let root = sources
        var files: [File] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            let text = try String(contentsOf: url, encoding: .utf8)
            files.append(File(path: relative, folder: String(relative.split(separator: "/")[0]), code: codeOnly(text)))
        }
        return files
    }

    /// The text without comments and string literals (their words name nothing). On bytes:
    /// every delimiter is ASCII, and the sources are read whole on every run.
    static func codeOnly(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func at(_ offset: Int, _ byte: UInt8) -> Bool { i + offset < bytes.count && bytes[i + offset] == byte }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), quote = UInt8(ascii: "\""),
            backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        while i < bytes.count {
            if at(0, slash), at(1, slash) {
                while i < bytes.count, bytes[i] != newline { i += 1 }
            } else if at(0, slash), at(1, star) {
                i += 2
                while i < bytes.count, !(at(0, star) && at(1, slash)) { i += 1 }
                i += 2
            } else if at(0, quote), at(1, quote), at(2, quote) {
                i += 3
                while i < bytes.count, !(at(0, quote) && at(1, quote) && at(2, quote)) { i += 1 }
                i += 3
                out += [quote, quote]
            } else if at(0, quote) {
                i += 1
                while i < bytes.count, bytes[i] != quote, bytes[i] != newline { i += bytes[i] == backslash ? 2 : 1 }
                i += 1
                out += [quote, quote]
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The capitalised identifiers of the code (types are ASCII here).
    static func words(_ code: String) -> Set<String> {
        var words = Set<String>()
        var current: [UInt8] = []
        func isPart(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte >= 0x80
        }
        for byte in code.utf8 {
            if isPart(byte) {
                current.append(byte)
            } else {
                if let first = current.first, first >= 0x41, first <= 0x5A { words.insert(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        return words
    }

    /// Types declared at the top level of a file (not indented).
    static func declared(_ code: String) -> [String] {
        let kinds: Set<String> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        let modifiers: Set<String> = ["public", "internal", "private", "fileprivate", "package", "final", "indirect"]
        var names: [String] = []
        for line in code.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" })
                .filter { !$0.hasPrefix("@") }
            var index = 0
            while index < tokens.count, modifiers.contains(String(tokens[index])) { index += 1 }
            if index + 1 < tokens.count, kinds.contains(String(tokens[index])) { names.append(String(tokens[index + 1])) }
        }
        return names
    }

    @Test func noFileNamesALayerAboveItsOwn() throws {
        let files = try Self.files()
        var rank: [String: Int] = [:]
        for (index, layer) in Self.layers.enumerated() { for folder in layer { rank[folder] = index } }
        var owner: [String: String] = [:]
        for file in files {
            #expect(rank[file.folder] != nil, "\(file.folder)/ is in no layer: add it to LayerTests.layers and docs/architecture.md")
            for name in Self.declared(file.code) { owner[name] = file.folder }
        }
        #expect(owner.count > 100, "the scan found too few types to be checking anything")
        var violations: [String] = []
        for file in files {
            guard let own = rank[file.folder] else { continue }
            for word in Self.words(file.code).sorted() {
                guard let folder = owner[word], folder != file.folder, let theirs = rank[folder] else { continue }
                let violation = "\(file.path) names \(word) (\(folder)/)"
                if theirs >= own, !Self.pending.contains(violation) { violations.append(violation) }
            }
        }
        #expect(violations.isEmpty, Comment(rawValue: "layers point one way (docs/architecture.md):\n" + violations.joined(separator: "\n")))
    }

    /// C stays in one file: the one that copies cmark's tree into Swift values at once.
    @Test func onlyMarkdownTreeCallsLibcmark() throws {
        let callers = try Self.files().filter { $0.code.contains("import CCmark") || $0.code.contains("cmark_") }.map(\.path)
        #expect(callers == ["Parsing/MarkdownTree.swift"])
    }

    /// The scan itself: a type named in code is seen, one named in a comment or a string is not.
    @Test func theScanSeesCodeOnly() {
        let code = Self.codeOnly("""
            let a = Agenda(book: book) // CaseSummary
            /* Registry */ let b = "LeakGate \\(x)"
            """)
        #expect(Self.words(code).contains("Agenda"))
        #expect(!Self.words(code).contains("CaseSummary"))
        #expect(!Self.words(code).contains("Registry"))
        #expect(!Self.words(code).contains("LeakGate"))
        #expect(Self.declared("public struct Note: Sendable {\n    struct Inner {}\n}\nenum Rule: String {}\n") == ["Note", "Rule"])
    }
}
