import Foundation
import Testing
@testable import JournalKit

/// Runs the built binary with its CPU time and address space capped by `setrlimit` (through the
/// shell's `ulimit`, set in the child just before it becomes `journal`): a command that went past
/// them would be killed by a signal, which the test sees, instead of a slow test or a swapping
/// machine.
/// `asAnotherUser`: run as `nobody` (through setpriv), for tests that need permissions to hold
/// when the tests run as root.
private let readableCopyLock = NSLock()

/// The binary and its resources (the built-in templates) copied where any user can read them:
/// a clean clone may sit in a folder only its owner can enter (`mktemp -d`), and `nobody` could
/// then not read the templates beside the binary. Copied once per test run.
func readableCopy(of executable: URL) throws -> URL {
    // Tests run in parallel: one copies, the others wait for it.
    readableCopyLock.lock()
    defer { readableCopyLock.unlock() }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-bin-\(getpid())")
    let copy = folder.appendingPathComponent(executable.lastPathComponent)
    if FileManager.default.isExecutableFile(atPath: copy.path) { return copy }
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    let source = executable.deletingLastPathComponent()
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".resources") {
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    try FileManager.default.copyItem(at: executable, to: copy)
    // Readable and searchable by all, whatever the umask was.
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let path = walker?.nextObject() as? String {
        let url = folder.appendingPathComponent(path)
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        try FileManager.default.setAttributes([.posixPermissions: isFolder.boolValue || url == copy ? 0o755 : 0o644], ofItemAtPath: url.path)
    }
    return copy
}

func runBounded(_ arguments: [String], cpuSeconds: Int = 30, memoryBytes: Int = 2 << 30,
                fileBlocks: Int? = nil, asAnotherUser: Bool = false) throws -> (result: CommandResult, signalled: Bool) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("journal")
    let candidates = [binary, packageRoot.appendingPathComponent(".build/debug/journal")]
    guard var executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    if asAnotherUser { executable = try readableCopy(of: executable) }
    // `ulimit -v` is RLIMIT_AS in KiB, `-t` RLIMIT_CPU in seconds, `-f` RLIMIT_FSIZE in 512-byte
    // blocks (with SIGXFSZ ignored, a write past it fails with EFBIG, as on a full disk).
    var script = "ulimit -v \(memoryBytes / 1024) && ulimit -t \(cpuSeconds)"
    if let fileBlocks { script += " && ulimit -f \(fileBlocks) && trap '' XFSZ" }
    script += asAnotherUser ? " && exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$0\" \"$@\""
                            : " && exec \"$0\" \"$@\""
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "JOURNAL_DIR")
    return try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script, executable.path] + arguments, environment: environment)
}

/// Notes built to cost as much as possible: each is refused (or read) within 30 s of CPU and
/// 2 GiB of address space by every command, with a diagnostic that says where and what to do.
@Suite struct BoundedWorkTests {
    static let caseFile = "---\ntype: client\nname: Ana Test\nsponsor: {name: Odile Ferrand}\ndisclosure: [attendance, dates]\n---\n## Contexte\nUn dossier ordinaire.\n"
    static let header = "---\ntype: session\ndate: 2026-03-18\n---\n## Engagements\n"

    /// Bodies just over 1 MB when repeated (the cap on a file) or over the block and nesting caps.
    static func hostile(_ unit: String, bytes: Int = 1_000_000) -> String {
        header + String(repeating: unit, count: bytes / unit.utf8.count) + "\n"
    }

    @Test func everyCommandStaysWithinBounds() throws {
        let notes: [String: String] = [
            "clients/a/2026-03-01-list.md": Self.hostile("- [ ] tâche\n"),
            "clients/a/2026-03-02-tasks.md": Self.hostile("- [ ] appeler 📅 2026-04-01 🆔 x\n"),
            "clients/a/2026-03-03-reviews.md": Self.hostile("- [x] [ref:: 2026-03-01-list#1]\n"),
            "clients/a/2026-03-04-quotes.md": Self.hostile("> citation\n"),
            "clients/a/2026-03-05-table.md": Self.hostile("| a | b |\n"),
            "clients/a/2026-03-06-crlf.md": Self.hostile("- [ ] tâche\n", bytes: 900_000).replacingOccurrences(of: "\n", with: "\r\n"),
            "clients/a/2026-03-07-nested.md": Self.hostile(">", bytes: 900_000),
            "clients/a/2026-03-08-nested-lists.md": Self.hostile("- ", bytes: 900_000),
            "clients/a/2026-03-09-emphasis.md": Self.hostile("*a* ", bytes: 600_000),
            "clients/a/2026-03-10-huge.md": Self.hostile("- [ ] tâche\n", bytes: 17_000_000),
        ]
        let journal = try TemporaryJournal(["clients/a/client.md": Self.caseFile].merging(notes) { a, _ in a })
        let root = journal.root.path
        for command in [["index"], ["lint"], ["commitments"], ["agenda", "--days", "30"], ["hours"],
                        ["report", "a"], ["summarize", "a"], ["summarize", "a", "--format", "html"]] {
            let (result, signalled) = try runBounded(command + ["--journal", root, "--today", "2026-04-01"])
            #expect(!signalled, "\(command) was killed: \(result.stderr.suffix(300))")
            #expect([0, 1].contains(result.status), "\(command): \(result.status) \(result.stderr.suffix(300))")
            #expect(!result.stderr.contains("Fatal error"))
        }
        let (lint, _) = try runBounded(["lint", "--journal", root, "--today", "2026-04-01"])
        for (path, line) in [("2026-03-01-list.md", 10005), ("2026-03-02-tasks.md", 10005), ("2026-03-03-reviews.md", 10005),
                             ("2026-03-04-quotes.md", 10005), ("2026-03-05-table.md", 10005), ("2026-03-06-crlf.md", 10005)] {
            #expect(lint.stderr.contains("clients/a/\(path):\(line):1: error: cette note a plus de 10000 blocs"), "\(path)")
        }
        #expect(lint.stderr.contains("clients/a/2026-03-07-nested.md:6:33: error: citations ou listes imbriquées"))
        #expect(lint.stderr.contains("clients/a/2026-03-08-nested-lists.md:6:65: error: citations ou listes imbriquées"))
        #expect(lint.stderr.contains("clients/a/2026-03-10-huge.md:1:1: error: le fichier fait 16 Mo, plus que le 1 Mo"))
    }

    /// A note with a problem every few bytes (a million bytes of emoji without values, of keys
    /// one letter from a known one) lists its first 500 and says how many more: 240,000
    /// diagnostics cost every command far more than the note, and each field's column and
    /// suggestion are found without going over the line or the known keys again.
    @Test func aNoteOfProblemsListsTheFirstOnesAndCountsTheRest() throws {
        let emoji = Self.hostile("- [ ] " + String(repeating: "📅", count: 240) + "\n")
        let typos = Self.hostile("- [ ] x " + "abcdefghijklmnopqrstuvwxyz".map { "[du\($0):: 1]" }.joined() + "\n")
        let journal = try TemporaryJournal(["clients/a/client.md": Self.caseFile,
                                            "clients/a/2026-03-01-emoji.md": emoji, "clients/a/2026-03-02-typos.md": typos])
        let root = journal.root.path
        for command in [["index"], ["lint"], ["summarize", "a"]] {
            let (result, signalled) = try runBounded(command + ["--journal", root, "--today", "2026-04-01"], cpuSeconds: 20)
            #expect(!signalled, "\(command) was killed: \(result.stderr.suffix(300))")
            #expect([0, 1].contains(result.status), "\(command): \(result.status) \(result.stderr.suffix(300))")
        }
        let (lint, _) = try runBounded(["lint", "--journal", root, "--today", "2026-04-01"])
        let lines = lint.stderr.split(separator: "\n")
        let fromEmoji = lines.filter { $0.hasPrefix("clients/a/2026-03-01-emoji.md:") && $0.contains("[field-invalid]") }
        #expect(fromEmoji.count == NoteParser.maximumDiagnostics + 1, "\(fromEmoji.count)")
        #expect(fromEmoji.contains { $0.hasPrefix("clients/a/2026-03-01-emoji.md:6:9: error: `due` n'a pas de valeur") })
        // 239 per line (the last emoji has nothing after it: prose): the 501st is the 23rd of
        // the third list line (line 8), at column 6 + 23.
        let emojiLines = 1_000_000 / ("- [ ] " + String(repeating: "📅", count: 240) + "\n").utf8.count
        #expect(fromEmoji.last?.hasPrefix("clients/a/2026-03-01-emoji.md:8:29: error: cette note a encore \(emojiLines * 239 - 500) problèmes à partir d'ici") == true,
                "\(fromEmoji.last ?? "")")
        let fromTypos = lines.filter { $0.hasPrefix("clients/a/2026-03-02-typos.md:") && ($0.contains("[field-unknown]") || $0.contains("[field-invalid]")) }
        #expect(fromTypos.count == NoteParser.maximumDiagnostics + 1, "\(fromTypos.count)")
        #expect(fromTypos.first?.hasPrefix("clients/a/2026-03-02-typos.md:6:9: warning: `dua` n'est pas un champ que journal lit : vouliez-vous écrire `due` ?") == true)
    }

    @Test func boundedDiagnostics() {
        let many = (1...1_200).map { Diagnostic(path: "n.md", line: $0, column: 1, severity: $0 == 900 ? .error : .warning, rule: "field-unknown", message: "m") }
        let kept = NoteParser.bounded(many, path: "n.md")
        #expect(kept.count == NoteParser.maximumDiagnostics + 1)
        #expect(kept.last?.line == 501 && kept.last?.severity == .error && kept.last?.message.contains("700 more problems") == true)
        #expect(NoteParser.bounded(Array(many.prefix(500)), path: "n.md") == Array(many.prefix(500)))
        #expect(Suggestion.closest(to: "dua", in: NoteParser.itemKeys) == "due")
        #expect(Suggestion.closest(to: "échance", in: NoteParser.itemKeys) == "echeance")
        #expect(Suggestion.closest(to: "validatde", in: NoteParser.itemKeys) == "validated")
        #expect(Suggestion.closest(to: "xyzzy", in: NoteParser.itemKeys) == nil)
    }

    /// A note at the caps (just under 10,000 items) is read whole, and summarised, within bounds.
    @Test func aNoteAtTheCapsIsReadWhole() throws {
        var text = Self.header
        for index in 1..<BodyBudget.maximumBlocks { text += "- [ ] tâche \(index)\n" }
        let journal = try TemporaryJournal(["clients/a/client.md": Self.caseFile, "clients/a/2026-03-18-session.md": text])
        let root = journal.root.path
        let (index, signalled) = try runBounded(["index", "--json", "--journal", root])
        #expect(!signalled)
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stdout.contains("\"2026-03-18-session#9999\""))
        #expect(!index.stdout.contains("#10000"))
        let (summary, killed) = try runBounded(["summarize", "a", "--journal", root])
        #expect(!killed)
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("Seuls les 500 plus récents sont listés ci-dessous ; les 9499 plus anciens ne le sont pas."))
        // Not even in a command: the summary names no client (one of a longer id was refused).
        #expect(!summary.stdout.contains("journal commitments"))
        #expect(summary.stdout.contains("tâche 9500 ("))
        #expect(!summary.stdout.contains("tâche 9499 ("))
    }

    /// 60 KB of nested sections overflowed the Mustache parser's stack: counted first, refused.
    @Test(arguments: [String(repeating: "{{#a}}", count: 10_000),
                      "{{=<% %>=}}" + String(repeating: "<%#a%>", count: 10_000),
                      "# {{title}}\n" + String(repeating: "{{#a}}\n", count: 33)])
    func deeplyNestedTemplate(_ template: String) throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Self.caseFile,
                                            "clients/a/2026-03-18-session.md": Self.header + "- [ ] appeler\n"])
        try journal.write("templates/summary.md", template)
        let (result, signalled) = try runBounded(["summarize", "a", "--journal", journal.root.path])
        #expect(!signalled)
        #expect(result.status == 2)
        #expect(result.stderr.contains("le modèle templates/summary.md imbrique plus de 32 sections"), "\(result.stderr)")
    }

    @Test func templateNestingIsCountedAcrossDelimiters() {
        #expect(Templates.nestingOverflow(in: String(repeating: "{{#a}}{{/a}}", count: 1_000)) == nil)
        #expect(Templates.nestingOverflow(in: String(repeating: "{{#a}}", count: 32)) == nil)
        #expect(Templates.nestingOverflow(in: String(repeating: "{{^a}}\n", count: 33)) == 33)
        #expect(Templates.nestingOverflow(in: "{{{x}}}{{=| |=}}" + String(repeating: "|#a|", count: 40)) == 1)
        // The built-in templates are far from it.
        for name in ["summary.md", "session.md", "report.md", "client.md"] {
            let text = (try? Templates(journalRoot: nil, language: .fr).source(named: name).text) ?? ""
            #expect(Templates.nestingOverflow(in: text) == nil)
        }
    }

    /// A client with more commitments than a summary lists: the latest are listed, the figures
    /// count them all, and the summary says how many it left out.
    @Test func summaryListsTheLatestCommitments() throws {
        var files = ["clients/a/client.md": Self.caseFile]
        for day in 1...3 {
            var text = "---\ntype: session\ndate: 2026-03-0\(day)\n---\n## Engagements\n"
            for index in 1...250 { text += "- [ ] tâche \(day)-\(index)\n" }
            files["clients/a/2026-03-0\(day)-session.md"] = text
        }
        let journal = try TemporaryJournal(files)
        let result = try runJournal(["summarize", "a", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("les 250 plus anciens ne le sont pas"))
        #expect(result.stdout.contains("tâche 3-250 ("))
        #expect(result.stdout.contains("tâche 2-1 ("))
        #expect(!result.stdout.contains("tâche 1-250 ("))
    }
}

@Suite struct BodyBudgetTests {
    @Test func fencedCodeIsNotCounted() {
        let code = "```\n" + String(repeating: "- x\n", count: 20_000) + "```\n"
        #expect(BodyBudget.check(code) == nil)
        #expect(BodyBudget.check(String(repeating: "- x\n", count: 20_000))?.line == 10_001)
        // Code is code, however it looks: a separator line of `>` in a fence is no quote.
        #expect(BodyBudget.check("```text\n" + String(repeating: ">", count: 60) + "\n```\n") == nil)
        // The fence closes, and what follows is counted again.
        #expect(BodyBudget.check("~~~\ncode\n  ~~~~  \n" + String(repeating: "> ", count: 40))?.line == 4)
        // A fence in a quote ends with the quote (cmark's rule): it hides nothing after it.
        #expect(BodyBudget.check("> ```\n" + String(repeating: "- ", count: 40) + "x\n") == .init(kind: .nesting, line: 2, column: 65))
    }

    @Test func nestingCountsMarkersAndIndentation() {
        #expect(BodyBudget.check(String(repeating: "> ", count: 32) + "x") == nil)
        #expect(BodyBudget.check(String(repeating: "> ", count: 33) + "x") == .init(kind: .nesting, line: 1, column: 65))
        // A list nested by indentation: two columns a level.
        var nested = ""
        for level in 0..<40 { nested += String(repeating: " ", count: 2 * level) + "- niveau \(level)\n" }
        #expect(BodyBudget.check(nested)?.line == 33)
        // Indented prose is not nesting (no marker), however far in.
        #expect(BodyBudget.check(String(repeating: " ", count: 200) + "texte") == nil)
        // A paragraph of many lines is one block.
        #expect(BodyBudget.check(String(repeating: "une ligne\n", count: 50_000)) == nil)
    }

    @Test func aRefusedBodyKeepsItsFrontMatter() {
        let note = parseNote("---\ntype: session\ndate: 2026-03-18\n---\n" + String(repeating: "> ", count: 40) + "x\n")
        #expect(note.type == .session)
        #expect(note.date?.date.description == "2026-03-18")
        #expect(note.diagnostics.map { "\($0.line):\($0.column) \($0.rule)" } == ["5:65 file-unreadable"])
    }

    @Test func crlfIsFoldedOnTheBytes() throws {
        guard case .success(let source) = SourceText.decode(Data("a\r\nb\rc\r\n\r".utf8)) else {
            Issue.record("not decoded")
            return
        }
        #expect(source.text == "a\nb\rc\n\r")
    }

    @Test func tooLargeSaysTheLimit() {
        let diagnostic = NoteParser.diagnostic(for: .tooLarge(bytes: 3 * 1_048_576 / 2), path: "x.md")
        #expect(diagnostic.message == "the file is 1.5 MB, more than the 1 MB a note may hold: it was not read; split it into several notes, or move it out of the journal if it is not one")
        #expect(diagnostic.french.hasPrefix("le fichier fait 1,5 Mo"))
    }
}
