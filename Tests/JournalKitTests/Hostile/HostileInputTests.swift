import Foundation
import Testing
@testable import JournalKit

/// Files a journal may contain by accident or malice: each gives a diagnostic (or is read
/// correctly), in bounded time and memory, and never stops the index.
@Suite struct HostileInputTests {
    /// Indexes a journal holding one extra file and returns the diagnostics about it.
    func diagnostics(for path: String, _ data: Data) throws -> (IndexStore.Report, [Diagnostic]) {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n",
        ])
        try journal.write(path, data)
        let report = try journal.index().update()
        return (report, report.diagnostics.filter { $0.path == path })
    }

    @Test func binaryFile() throws {
        var bytes = Data("---\ntype: session\n".utf8)
        bytes.append(contentsOf: [0x00, 0xFF, 0x10, 0x00])
        let (report, found) = try diagnostics(for: "clients/a/image.md", bytes)
        #expect(found.map(\.rule) == ["file-unreadable"])
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("binary") == true)
        #expect(report.files == 2)
    }

    @Test func latin1Text() throws {
        let text = "---\ntype: session\ndate: 2026-03-18\n---\nS\u{E9}ance tr\u{E8}s riche\n"
        let data = text.data(using: .isoLatin1)!
        let (_, found) = try diagnostics(for: "clients/a/2026-03-18-session.md", data)
        #expect(found.map(\.rule) == ["file-unreadable"])
        #expect(found.first?.line == 5)
        #expect(found.first?.column == 2)
        #expect(found.first?.message.contains("UTF-8") == true)
    }

    @Test func yamlAliasBomb() throws {
        var yaml = "---\ntype: session\ndate: 2026-03-18\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let letters = Array("bcdefghi")
        for (index, letter) in letters.enumerated() {
            let previous = index == 0 ? "a" : String(letters[index - 1])
            yaml += "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "---\n"
        let (_, found) = try diagnostics(for: "clients/a/bomb.md", Data(yaml.utf8))
        #expect(found.map(\.rule) == ["frontmatter-invalid"])
        #expect(found.first?.line == 4)
    }

    @Test func deeplyNestedFlowYAML() throws {
        let yaml = "---\ntype: session\ndate: 2026-03-18\nx: " + String(repeating: "[", count: 50_000) + "\n---\n"
        let (_, found) = try diagnostics(for: "clients/a/nested.md", Data(yaml.utf8))
        #expect(found.map(\.rule) == ["frontmatter-invalid"])
    }

    @Test func nineHundredKilobyteLine() throws {
        var text = "---\ntype: session\ndate: 2026-03-18\n---\n## Engagements\n- [ ] "
        text += String(repeating: "très long [due:: 2026-04-01] ", count: 900_000 / 30)
        text += "\n- [ ] suivant [id:: suivant]\n"
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        try journal.write("clients/a/2026-03-18-session.md", text)
        let store = try journal.index()
        let report = try store.update()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.prefix(3))")
        let commitments = try store.commitments()
        #expect(commitments.count == 2)
        #expect(commitments.last?.id == "suivant")
        #expect((commitments.first?.text.count ?? 0) < 5_000)
    }

    /// Deep quotes are refused before cmark (which walks every open container on every line),
    /// at the `>` that goes one level too deep; the front-matter still counts.
    @Test(arguments: [String(repeating: ">", count: 50_000) + " citation\n",
                      (0..<50_000).map { String(repeating: ">", count: min($0, 1000)) + " x" }.prefix(1000).joined(separator: "\n")])
    func fiftyThousandNestedQuotes(_ body: String) throws {
        let text = "---\ntype: session\ndate: 2026-03-18\n---\n## Engagements\n- [ ] vrai\n\n" + body + "\n"
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        try journal.write("clients/a/2026-03-18-session.md", text)
        let store = try journal.index()
        let found = try store.update().diagnostics
        #expect(found.map(\.rule) == ["file-unreadable"])
        #expect(found.first?.column == BodyBudget.maximumNesting + 1)
        #expect(found.first?.message.contains("nested more than 32") == true)
        #expect(try store.commitments().isEmpty)
        #expect(try store.documents().first { $0.type == .session }?.date?.date.description == "2026-03-18")
    }

    /// As many items as a note may hold are all read; one more and the body is refused, at the
    /// line of the first block too many.
    @Test func tenThousandListItems() throws {
        func note(_ count: Int) -> String {
            var text = "---\ntype: session\ndate: 2026-03-18\n---\n## Engagements\n"
            for index in 0..<count { text += "- [ ] tâche \(index)\n" }
            return text
        }
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        try journal.write("clients/a/2026-03-18-session.md", note(BodyBudget.maximumBlocks - 1))
        let store = try journal.index()
        #expect(try store.update().diagnostics.isEmpty)
        let commitments = try store.commitments()
        #expect(commitments.count == BodyBudget.maximumBlocks - 1)
        #expect(commitments.last?.id == "2026-03-18-session#9999")
        try journal.write("clients/a/2026-03-18-session.md", note(BodyBudget.maximumBlocks))
        let found = try store.update().diagnostics
        #expect(found.map(\.rule) == ["file-unreadable"])
        // The heading is block 1, so the 10,000th item is block 10,001, on line 6 + 9,999.
        #expect(found.first.map { "\($0.line):\($0.column)" } == "10005:1")
        #expect(try store.commitments().isEmpty)
    }

    @Test func symlinkLoopAndLinksOutside() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        let root = journal.root.path
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).md")
        try Data("---\ntype: session\ndate: 2026-03-18\n---\nsecret\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: root + "/clients/a/loop-a.md", withDestinationPath: root + "/clients/a/loop-b.md")
        try manager.createSymbolicLink(atPath: root + "/clients/a/loop-b.md", withDestinationPath: root + "/clients/a/loop-a.md")
        try manager.createSymbolicLink(atPath: root + "/clients/a/dehors.md", withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: root + "/clients/a/boucle", withDestinationPath: root + "/clients")
        try manager.createSymbolicLink(atPath: root + "/clients/a/lien.md", withDestinationPath: root + "/clients/a/client.md")
        let store = try journal.index()
        let report = try store.update()
        let rules = Dictionary(grouping: report.diagnostics, by: \.path).mapValues { $0.map(\.message) }
        #expect(rules["clients/a/loop-a.md"]?.first?.contains("loops") == true)
        #expect(rules["clients/a/dehors.md"]?.first?.contains("outside") == true)
        #expect(!(try store.json().contains("dehors")))
        // A link to a note inside the journal is read; a link to a folder is not entered.
        #expect(report.files == 2)
    }

    @Test func unreadableAndTooDeepFolders() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        var deep = "clients/a"
        for level in 0..<FileWalker.maximumDepth { deep += "/d\(level)" }
        try journal.write(deep + "/note.md", "---\ntype: session\ndate: 2026-01-01\n---\n")
        let report = try journal.index().update()
        #expect(report.diagnostics.contains { $0.rule == "file-unreadable" && $0.message.contains("nested") })
        if getuid() != 0 {
            // Root reads every folder whatever its permissions; the check needs an ordinary user.
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: journal.root.appendingPathComponent("clients/a").path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: journal.root.appendingPathComponent("clients/a").path) }
            #expect(try journal.index().update().diagnostics.contains { $0.path == "clients/a" })
        }
    }

    @Test func brokenJournalYml() throws {
        let journal = try TemporaryJournal([:], config: "language: [fr\ntimezone: Mars/Olympus\n")
        let report = try journal.index().update()
        #expect(report.diagnostics.first?.path == "journal.yml")
        #expect(report.diagnostics.first?.rule == "config-invalid")
        let wrong = try TemporaryJournal([:], config: "language: klingon\ntimezone: Mars/Olympus\ncadnce: 3w\n")
        let rules = try wrong.index().update().diagnostics.map { "\($0.line) \($0.rule)" }
        #expect(rules == ["1 field-invalid", "2 field-invalid", "3 field-unknown"])
        #expect(try wrong.journal().config.language == .fr)
    }

    /// A journal.yml that is there but cannot be read (a folder of that name; its permissions,
    /// when not run as root) is a `config-invalid` error, not silently the defaults.
    @Test func unreadableJournalYml() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        let file = journal.root.appendingPathComponent("journal.yml")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        let result = try runJournal(["lint", "--journal", journal.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal.yml:1:1: error: journal.yml n'a pas pu être lu (c'est un dossier) : ses réglages"), "\(result.stderr)")
        #expect(Journal.unreadable(file) == EISDIR)
        #expect(Journal.unreadable(journal.root.appendingPathComponent("absent.yml")) == nil)
        try FileManager.default.removeItem(at: file)
        try Data("language: fr\n".utf8).write(to: file)
        #expect(try journal.journal().config.diagnostics.isEmpty)
    }

    @Test func frontMatterIsAList() throws {
        let (_, found) = try diagnostics(for: "clients/a/liste.md", Data("---\n- type\n- session\n---\n".utf8))
        #expect(found.map(\.rule) == ["frontmatter-invalid"])
        #expect(found.first?.line == 2)
    }

    @Test func wrongTypesOfValues() throws {
        let text = "---\ntype: session\ndate: {jour: 18}\nnumber: [1, 2]\nmode: 42\n---\n"
        let (_, found) = try diagnostics(for: "clients/a/types.md", Data(text.utf8))
        #expect(found.map(\.rule) == ["field-invalid", "field-invalid", "field-invalid"])
        #expect(found.map(\.line) == [3, 4, 5])
    }
}
