import Foundation
import Testing

/// Our sentences for the coach are `Message` values, written in both languages at the same
/// place; the one place that picks a language is `Message.in`. This scan of Sources/ fails when
/// code picks a language itself (`fr ? "…" : "…"`, `if fr { … }`), so that a message cannot be
/// added in one language only, and when a `Message` has the same words on both sides (an
/// untranslated copy). The argument parser's help texts are English by design: they are not
/// `Message`s and nothing here looks at them.
@Suite struct OneLanguageTests {
    /// Files that may choose by language, and why: data, not messages.
    static let choosesData: [String: String] = [
        "JournalKit/Values/Message.swift": "the one place that picks a message's language",
        "JournalKit/Anonymise/Pseudonyms.swift": "each language's pools of first names and surnames",
    ]

    /// Words written the same in both languages.
    static let sameInBoth: Set<String> = ["", "client", "dates", "prospect", "templates/summary.md"]

    /// Each Swift file of Sources/ (the generated name list aside), without its comment lines.
    static func sources() throws -> [(path: String, text: String)] {
        let root = packageRoot.appendingPathComponent("Sources")
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        var files: [(String, String)] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".swift"), !path.hasPrefix("FirstNameData/") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : String($0) }
            files.append((path, code.joined(separator: "\n")))
        }
        #expect(files.count > 100, "Sources/ not found at \(root.path)")
        return files
    }

    static func matches(_ pattern: String, in text: String) throws -> [(line: Int, groups: [String])] {
        let regex = try NSRegularExpression(pattern: pattern)
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { match in
            let line = string.substring(to: match.range.location).filter { $0 == "\n" }.count + 1
            let groups = (0..<match.numberOfRanges).map {
                match.range(at: $0).location == NSNotFound ? "" : string.substring(with: match.range(at: $0))
            }
            return (line, groups)
        }
    }

    @Test func noCodeChoosesAMessagesLanguageItself() throws {
        var found: [String] = []
        for (path, text) in try Self.sources() where Self.choosesData[path] == nil {
            // A ternary on the language (`fr ? …`, `language == .fr ? …`, its line broken before
            // `?`), or a branch on it (`if fr {`, `guard fr else`).
            for pattern in [#"(?<![\w.])fr\s*\?"#, #"==\s*\.(fr|en)\s*\?"#, #"\b(if|guard)\s+!?fr\b"#] {
                for hit in try Self.matches(pattern, in: text) { found.append("\(path):\(hit.line): \(hit.groups[0])") }
            }
        }
        #expect(found.isEmpty, "write these as Message(\"…\", fr: \"…\"):\n\(found.joined(separator: "\n"))")
    }

    @Test func everyMessageIsWrittenInBothLanguages() throws {
        var untranslated: [String] = []
        var count = 0
        for (path, text) in try Self.sources() {
            let literal = #""((?:[^"\\\n]|\\.)*)""#
            for hit in try Self.matches(#"Message\(\s*"# + literal + #",\s*fr:\s*"# + literal + #"\s*\)"#, in: text) {
                count += 1
                let (english, french) = (hit.groups[1], hit.groups[2])
                if english == french, !Self.sameInBoth.contains(english) {
                    untranslated.append("\(path):\(hit.line): \(english)")
                }
                if english.isEmpty != french.isEmpty { untranslated.append("\(path):\(hit.line): one side is empty") }
            }
        }
        // The scan reads the messages at all (a pattern that matched nothing would pass).
        #expect(count > 300, "\(count) messages read")
        #expect(untranslated.isEmpty, "the same words in both languages:\n\(untranslated.joined(separator: "\n"))")
    }

    /// The scan itself: it would have found the ternaries this project used to write.
    @Test func theScanFindsALanguageTernary() throws {
        let old = """
            Output.line(fr ? "Rien à corriger." : "Nothing to fix.")
            let x = language == .fr
                ? "oui" : "yes"
            if fr { print("oui") }
            """
        let patterns = [#"(?<![\w.])fr\s*\?"#, #"==\s*\.(fr|en)\s*\?"#, #"\b(if|guard)\s+!?fr\b"#]
        #expect(try patterns.map { try Self.matches($0, in: old).count } == [1, 1, 1])
        #expect(try Self.matches(#"(?<![\w.])fr\s*\?"#, in: #"Message("Nothing to fix.", fr: "Rien à corriger.")"#).isEmpty)
    }
}
