import Foundation
import Testing
@testable import JournalKit
@testable import journal

/// Every command's exit code in its main situations (0 done, 1 a problem the coach must act on,
/// 2 could not run), run in this process through `JournalCommand.execute`, as `main` runs it:
/// parsing (with the global options hoisted), `validate()`, then `run()`.
@Suite struct ExitCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var fixture = "basic"
        var code: Int32
        /// Part of what is said on the error output, when it matters.
        var says: String?
        var testDescription: String { arguments.joined(separator: " ") + " → \(code)" }
    }

    static let cases: [Case] = [
        // index, agenda, commitments, show
        Case(arguments: ["index"], code: 0),
        Case(arguments: ["index", "--nope"], code: 2),
        Case(arguments: ["agenda"], code: 0),
        Case(arguments: ["agenda", "--days", "3661"], code: 2, says: "--days doit être un nombre de jours entre 0 et 3660"),
        Case(arguments: ["agenda", "--client", "personne"], code: 2, says: "`personne`"),
        Case(arguments: ["agenda", "--ics", "-", "--client", "lea-morel", "--lang", "en"], code: 2,
             says: "--client does not go with --ics"),
        Case(arguments: ["agenda", "--format", "yaml"], code: 2),
        Case(arguments: ["commitments", "--status", "done", "--owner", "client"], code: 0),
        Case(arguments: ["commitments", "--status", "peut-être"], code: 2, says: "--status « peut-être » : utilisez"),
        Case(arguments: ["commitments", "--owner", "boss", "--lang", "en"], code: 2, says: "--owner “boss”: use client, coach or sponsor"),
        Case(arguments: ["show", "lea-morel"], code: 0),
        Case(arguments: ["show", "personne"], code: 2, says: "`personne`"),
        // search
        Case(arguments: ["search", "budget", "--type", "session", "--since", "2026-01-01", "--section", "engagements"], code: 0),
        Case(arguments: ["search", "budget", "--type", "memo"], code: 2, says: "--type « memo » : utilisez"),
        Case(arguments: ["search", "budget", "--until", "demain"], code: 2, says: "--until: "),
        Case(arguments: ["search", "budget", "--section", "nowhere", "--lang", "en"], code: 2, says: "--section “nowhere”: use"),
        Case(arguments: ["search", "budget", "--limit", "0"], code: 2, says: "--limit doit être un nombre positif"),
        Case(arguments: ["search"], code: 2, says: "que chercher ?"),
        Case(arguments: ["search", "budget", "--client", "personne"], code: 2, says: "`personne`"),
        // lint: 1 for errors, and for warnings with --strict
        Case(arguments: ["lint"], code: 0),
        Case(arguments: ["lint", "--strict"], code: 1),
        Case(arguments: ["lint"], fixture: "messages-fr", code: 1),
        Case(arguments: ["lint", "clients/nope"], code: 2, says: "clients/nope n'existe pas"),
        Case(arguments: ["lint", "--list-rules"], code: 0),
        // documents: hours, report, summarize
        Case(arguments: ["hours", "--format", "csv"], code: 0),
        Case(arguments: ["hours", "--format", "pdf"], code: 2),
        Case(arguments: ["report", "lea-morel"], code: 0),
        Case(arguments: ["report", "personne"], code: 2, says: "`personne`"),
        Case(arguments: ["summarize", "lea-morel", "--format", "HTML"], code: 0),
        Case(arguments: ["summarize", "lea-morel", "--format", "pdf"], code: 2, says: "--format « pdf » : utilisez md ou html"),
        Case(arguments: ["summarize", "personne"], code: 2),
        // notes: new, close, retention
        Case(arguments: ["new", "session", "lea-morel"], code: 0),
        Case(arguments: ["new", "session", "personne"], code: 2, says: "`personne`"),
        Case(arguments: ["new", "client", "nina-roux", "--name", "Nina Roux"], code: 0),
        Case(arguments: ["close", "lea-morel", "--outcome", "Fini.", "--date", "2026-06-01"], code: 0),
        Case(arguments: ["close", "lea-morel", "--outcome", "Fini.", "--date", "31/02/2026"], code: 2, says: "--date: "),
        Case(arguments: ["close", "personne", "--outcome", "Fini."], code: 2, says: "`personne`"),
        Case(arguments: ["retention"], code: 0),
        Case(arguments: ["retention", "--yes"], code: 2, says: "--erasure-request, --keep-hours et --yes vont avec --purge CLIENT"),
        Case(arguments: ["retention", "--purge", "lea-morel", "--yes"], code: 2),
        // hook: the fixture is no git repository
        Case(arguments: ["hook", "install"], code: 2, says: "git"),
        // the global options, before or after the subcommand
        Case(arguments: ["--lang", "de", "agenda"], code: 2, says: "--lang doit valoir fr ou en"),
        Case(arguments: ["--today", "2026-02-30", "--lang", "en", "agenda"], code: 2, says: "--today: "),
        Case(arguments: ["agenda", "--lang=EN"], code: 0),
        Case(arguments: ["frobnicate"], code: 2),
    ]

    @Test(arguments: cases)
    func exitCode(_ test: Case) throws {
        let journal = try fixtureJournal(test.fixture)
        // --journal and --today first, as global options written before the subcommand.
        let ending = JournalCommand.execute(["--journal", journal.root.path, "--today", "2026-06-01"] + test.arguments)
        #expect(ending.code == test.code, "\(ending.message ?? "")")
        if let says = test.says {
            #expect(ending.message?.contains(says) == true, "\(ending.message ?? "")")
        }
        #expect(ending.clean == nil)
    }

    @Test func theLanguageOfARefusedOptionIsTheJournalsElseTheLocales() throws {
        // A French journal found through --journal: French, before the command has read it.
        let french = try fixtureJournal("basic")
        let fromJournal = JournalCommand.execute(["agenda", "--journal", french.root.path, "--days=-1"])
        #expect(fromJournal.message == "--days doit être un nombre de jours entre 0 et 3660")
        // --lang wins over the journal.
        let english = JournalCommand.execute(["agenda", "--journal", french.root.path, "--days=-1", "--lang", "en"])
        #expect(english.message == "--days must be a number of days from 0 to 3660")
        // An English journal.
        let englishJournal = try TemporaryJournal(config: "language: en\n")
        let fromEnglish = JournalCommand.execute(["search", "x", "--journal", englishJournal.root.path, "--since", "soon"])
        #expect(fromEnglish.code == 2)
        #expect(fromEnglish.message?.hasPrefix("--since: ") == true && fromEnglish.message?.contains("«") == false,
                "\(fromEnglish.message ?? "")")
    }

    @Test func helpAndVersionAreCleanExits() {
        let help = JournalCommand.execute(["agenda", "--help"])
        #expect(help.code == 0 && help.clean != nil)
        let version = JournalCommand.execute(["--version"])
        #expect(version.code == 0 && version.clean != nil)
    }

    @Test func hoistedOptionsReachTheSubcommand() throws {
        let journal = try fixtureJournal("basic")
        let parsed = try JournalCommand.parseAsRoot(hoistingGlobalOptions(
            ["--journal", journal.root.path, "--today=2026-06-01", "--lang", "en", "commitments", "--overdue"]))
        let command = try #require(parsed as? CommitmentsCommand)
        #expect(command.global.journal == journal.root.path)
        #expect(command.global.today?.value?.date == LocalDate(year: 2026, month: 6, day: 1))
        #expect(command.global.lang?.value == .en)
        #expect(command.overdue)
    }
}
