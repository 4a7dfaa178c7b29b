import Foundation
import Testing
@testable import JournalKit

/// Every command's output, on either stream and in every format, holds no raw control
/// character from a note or a file name: no forged finding lines, no terminal escape sequences.
@Suite struct ControlCharacterOutputTests {
    /// What a hostile note may hold: ESC sequences (clear screen, colour, window title), BEL,
    /// DEL, the C1 CSI (U+009B) and a right-to-left override.
    static let hostile = "\u{1B}[2J\u{1B}]0;titre\u{7}\u{7F}\u{9B}31m\u{202E}"
    /// YAML's own escapes for the same, in a double-quoted value.
    static let hostileYAML = "\\e[2J\\e]0;titre\\a\\x7F\\x9B31m\\u202E"
    static let forgedName = "2026-03-10-session.md:1:1: error: tout va bien [field-invalid]\n\u{1B}[2J.md"

    static func journal() throws -> TemporaryJournal {
        try TemporaryJournal([
            "clients/ana/client.md": """
                ---
                type: client
                name: "Ana \(hostileYAML) Test"
                organisation: {name: "Banque \(hostileYAML) SA", sector: banque}
                sponsor: {name: Paul Roche, organisation: "Banque \(hostileYAML) SA"}
                contract: {start: 2026-03-01, sessions: 6, cadence: 2w, duration: 60}
                disclosure: [attendance, dates, objectives, progress, themes]
                consent: {case_study: false, hours_log: true}
                status: active
                ---

                ## Objectifs

                - [ ] Tenir \(hostile) son budget  [validated:: 2026-03-01]

                ## Thèmes

                - Posture \(hostile) en comité
                """,
            "clients/ana/\(forgedName)": Sample.note("session", "date: 2026-03-10 10:00\nnext: 2026-03-24 10:00\nmode: \"visio \(hostileYAML)\"",
                "Elle parle \(hostile) de son équipe.\n\n## Engagements\n- [ ] Appeler \(hostile) le comptable [due:: 2026-03-20]\n- [ ] Envoyer \(hostile) le guide [owner:: coach] [due:: 2026-03-21]\n"),
        ], config: "language: fr\ntimezone: Europe/Paris\ncoach: \"Claire \(hostileYAML) Coach\"\n")
    }

    /// A raw control character other than a line break, a tab, or CR before LF.
    static func rawControls(_ text: String) -> [UInt32] {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.compactMap { index in
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\t" { return nil }
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return nil }
            return String.isControl(scalar) ? scalar.value : nil
        }
    }

    @Test func noCommandPrintsARawControlCharacter() throws {
        let journal = try Self.journal()
        let root = journal.root.path
        let today = ["--today", "2026-03-15", "--journal", root]
        let runs: [[String]] = [
            ["lint"], ["lint", "--format", "json"], ["index"], ["index", "--json"],
            ["agenda"], ["agenda", "--format", "json"], ["agenda", "--ics", "-"], ["agenda", "--ics", "-", "--names"],
            ["commitments"], ["commitments", "--format", "json"], ["hours"], ["hours", "--format", "csv"],
            ["report", "ana"], ["report", "ana", "--format", "html"],
            ["summarize", "ana"], ["summarize", "ana", "--no-anonymise"], ["summarize", "ana", "--no-anonymise", "--format", "html"],
            ["summarize", "ana\u{1B}[2J"], ["report", "ana\u{1B}[2J"], ["new", "session", "ana\u{1B}[2J"],
        ]
        var seen = 0
        for arguments in runs {
            let result = try runJournal(arguments + today)
            #expect(result.status != 2 || arguments.last!.contains("\u{1B}"), "\(arguments): \(result.stderr)")
            for (name, output) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                #expect(Self.rawControls(output).isEmpty, "\(arguments) \(name): \(Self.rawControls(output)) in \(output)")
                // No line pretends to be a finding about another file.
                #expect(!output.split(separator: "\n").contains { $0.hasPrefix("2026-03-10-session.md:1:1") || $0.hasPrefix("\u{1B}") },
                        "\(arguments) \(name)")
            }
            if result.stdout.contains("\\u{1B}") || result.stderr.contains("\\u{1B}") || result.stdout.contains("\\u001b") { seen += 1 }
        }
        // The hostile text was there to be printed, made visible, in most of them.
        #expect(seen >= 10, "\(seen)")
    }

    @Test func documentsWrittenWithOutAreClean() throws {
        let journal = try Self.journal()
        let root = journal.root.path
        let out = journal.root.appendingPathComponent("exports")
        for (arguments, name) in [(["report", "ana"], "report.md"), (["hours", "--format", "csv"], "hours.csv"),
                                  (["summarize", "ana", "--no-anonymise"], "summary.md"), (["agenda", "--ics"], "agenda.ics")] {
            let path = out.appendingPathComponent(name).path
            let flag = name == "agenda.ics" ? [path] : ["--out", path]
            let result = try runJournal(arguments + flag + ["--today", "2026-03-15", "--journal", root])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(Self.rawControls(text).isEmpty, "\(name): \(text)")
        }
    }

    /// A mistyped option gets the parser's message and usage on lines of their own, not one
    /// line with `\n` written in it; a control character in the argument is still made visible.
    @Test func aMistypedOptionGetsAReadableUsage() throws {
        let journal = try Self.journal()
        let result = try runJournal(["lint", "--bogus\u{1B}[2J", "--journal", journal.root.path])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\\n"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("Usage: journal lint") }, "\(result.stderr)")
        #expect(Self.rawControls(result.stderr).isEmpty && result.stderr.contains("\\u{1B}[2J"), "\(result.stderr)")
    }

    @Test func aDocumentKeepsItsLinesAndTabs() {
        #expect("a\n\tb\r\nc".escapingControlsKeepingLines == "a\n\tb\r\nc")
        #expect("a\u{1B}[2J\rb\u{9B}".escapingControlsKeepingLines == "a\\u{1B}[2J\\rb\\u{9B}")
        var json = ""
        JSONValue.writeString("a\u{7F}\u{9B}\u{202E}\u{1B}é", to: &json)
        #expect(json == "\"a\\u007f\\u009b\\u202e\\u001bé\"")
    }
}
