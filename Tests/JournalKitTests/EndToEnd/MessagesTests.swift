import Foundation
import Testing
@testable import JournalKit

/// What a coach new to the tool reads: messages in the journal's language that say what is
/// wrong and what to write instead, dates as people write them, nothing false. The fixture
/// journal `messages-fr` holds the mistakes of a first week (all fictional).
@Suite struct MessagesTests {
    func journal() throws -> TemporaryJournal { try fixtureJournal("messages-fr") }

    func lint(_ journal: TemporaryJournal, _ extra: [String] = []) throws -> CommandResult {
        try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-12-01"] + extra)
    }

    // MARK: lint PATH

    @Test func lintOfAPathThatDoesNotExistSaysSoAndExits2() throws {
        let journal = try journal()
        let result = try runJournal(["lint", "clients/nope"], in: journal.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("clients/nope n'existe pas"), "\(result.stderr)")
        let english = try runJournal(["lint", "--lang", "en", "clients/nope"], in: journal.root)
        #expect(english.status == 2)
        #expect(english.stderr.contains("clients/nope does not exist"))
        // A path of the journal, given with --journal from elsewhere, is read from the journal's root.
        let elsewhere = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-12-01", "clients/paul-girard"],
                                       in: FileManager.default.temporaryDirectory)
        #expect(elsewhere.status == 1, "\(elsewhere.stderr)")
        #expect(elsewhere.stderr.contains("clients/paul-girard/2026-11-20-session.md"))
        #expect(!elsewhere.stderr.contains("camille-roche"))
    }

    // MARK: Summary

    @Test(arguments: [[], ["--no-anonymise"], ["--format", "html"]])
    func theSummaryHasNoStrayEmphasisAndOneContext(_ options: [String]) throws {
        let journal = try journal()
        let result = try runJournal(["summarize", "camille-roche", "--journal", journal.root.path, "--today", "2026-12-01"] + options)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!lines.contains("**") && !lines.contains("<p><em></em></p>"), "\(result.stdout)")
        #expect(!result.stdout.contains("<em></em>"))
        let contexts = lines.filter { $0.hasPrefix("#") && $0.hasSuffix("Contexte") || $0.hasPrefix("<h") && $0.contains(">Contexte<") }
        #expect(contexts.count == 1, "\(contexts)")
        // The first session has its mode and duration; the text of the case file stays.
        #expect(result.stdout.contains("visio · 1 h 30"))
        #expect(result.stdout.contains("petite équipe logistique"))
    }

    // MARK: Lint messages

    @Test func suggestionsKeepTheirAccents() throws {
        let result = try lint(try journal())
        #expect(result.stderr.contains("2026-11-02-session.md:11:64: warning: `échance` n'est pas un champ que journal lit : vouliez-vous écrire `échéance` ? [field-unknown]"), "\(result.stderr)")
        let english = try lint(try journal(), ["--lang", "en"])
        #expect(english.stderr.contains("`échance` is not a field journal reads: did you mean `échéance`?"))
    }

    @Test func aMisspelledRefOrClientGetsADidYouMean() throws {
        let result = try lint(try journal())
        #expect(result.stderr.contains("2026-11-16-session.md:10:1: error: `ref:: liste-planing` ne désigne aucun engagement antérieur de ce client : vouliez-vous écrire `liste-planning` ? [ref-unknown]"), "\(result.stderr)")
        #expect(result.stderr.contains("2026-11-20-session.md:3:1: error: pas de dossier pour le client `paul-girad` : vouliez-vous écrire `paul-girard` ?"))
        let english = try lint(try journal(), ["--lang", "en"])
        #expect(english.stderr.contains("did you mean `liste-planning`?"))
        #expect(english.stderr.contains("no case file for client `paul-girad`: did you mean `paul-girard`?"))
    }

    @Test(arguments: [["report", "camile-roche"], ["summarize", "camille-roch"], ["commitments", "--client", "camile-roche"],
                      ["new", "session", "camile-roche"]])
    func aMisspelledClientOnTheCommandLineGetsADidYouMean(_ arguments: [String]) throws {
        let journal = try journal()
        let result = try runJournal(arguments + ["--journal", journal.root.path, "--today", "2026-12-01"])
        #expect(result.status == 2)
        let failure = result.stderr.split(separator: "\n").filter { $0.hasPrefix("journal: ") }
        #expect(failure.count == 1 && failure[0].contains("vouliez-vous écrire `camille-roche` ?"), "\(result.stderr)")
        let unrelated = try runJournal([arguments[0]] + arguments.dropFirst().map { $0.hasPrefix("cam") ? "xavier-dupont" : $0 }
                                       + ["--journal", journal.root.path])
        #expect(unrelated.status == 2)
        let unrelatedFailure = unrelated.stderr.split(separator: "\n").filter { $0.hasPrefix("journal: ") }
        #expect(unrelatedFailure.count == 1 && !unrelatedFailure[0].contains("vouliez-vous"), "\(unrelated.stderr)")
    }

    @Test func aBoxWithoutItsSpaceIsCalledThat() throws {
        let result = try lint(try journal())
        #expect(result.stderr.contains("2026-11-02-session.md:12:3: error: il manque une espace après [ ] : écrivez « - [ ] Préparer la réunion d'équipe » [marker-invalid]"), "\(result.stderr)")
        #expect(!result.stderr.contains("n'est pas une case à cocher"))
        let english = try lint(try journal(), ["--lang", "en"])
        #expect(english.stderr.contains("a space is missing after [ ]: write `- [ ] Préparer la réunion d'équipe`"))
    }

    @Test func aDateInWordsIsGivenInDigits() throws {
        let result = try lint(try journal())
        #expect(result.stderr.contains("2026-11-20-session.md:4:7: error: `date` : « 3 décembre 2026 » est une date en toutes lettres : une date s'écrit 2026-12-03 ou 03/12/2026 [field-invalid]"), "\(result.stderr)")
        let english = try lint(try journal(), ["--lang", "en"])
        #expect(english.stderr.contains("“3 décembre 2026” is a date in words: write it 2026-12-03 (or 03/12/2026)"))
        #expect(LocalDate.fromWords("mardi 1er décembre 2026") == LocalDate(year: 2026, month: 12, day: 1))
        #expect(LocalDate.fromWords("December 3, 2026") == LocalDate(year: 2026, month: 12, day: 3))
        #expect(LocalDate.fromWords("3 déc. 2026") == LocalDate(year: 2026, month: 12, day: 3))
        #expect(LocalDate.fromWords("31 février 2026") == nil)
        #expect(LocalDate.fromWords("la semaine prochaine") == nil)
    }

    @Test func noDueDateIsNeverSuggestedInThePast() throws {
        let result = try lint(try journal())
        let suggested = result.stderr.split(separator: "\n").filter { $0.contains("[commitment-no-due]") }
        #expect(suggested.count == 3, "\(result.stderr)")
        for line in suggested {
            let date = line.components(separatedBy: "[échéance:: ").dropFirst().first?.prefix(10) ?? ""
            #expect(String(date) >= "2026-12-01", "\(line)")
        }
        // Made in a note whose next session is still ahead: that day.
        #expect(result.stderr.contains("« Essayer une semaine sans reprendre le pl… » n'a pas d'échéance : convenez-en d'une (`[échéance:: 2026-12-07]`)"))
        // Made in a note whose next session has passed: a week from today.
        #expect(result.stderr.contains("« Parler du planning à son adjoint » n'a pas d'échéance : convenez-en d'une (`[échéance:: 2026-12-08]`)"))
    }

    // MARK: commitments

    @Test func commitmentsSpeakFrenchAndWriteDatesForPeople() throws {
        let journal = try journal()
        let result = try runJournal(["commitments", "--journal", journal.root.path, "--today", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("camille-roche  · prochain rendez-vous 2026-12-07 09:00"), "\(result.stdout)")
        #expect(result.stdout.contains("2026-11-16 [ ] (occupé) manqué"))
        #expect(!result.stdout.contains("busy"))
        #expect(result.stdout.range(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d"#, options: .regularExpression) == nil)
        let english = try runJournal(["commitments", "--lang", "en", "--journal", journal.root.path, "--today", "2026-12-01"])
        #expect(english.stdout.contains("next appointment 2026-12-07 09:00"))
        #expect(english.stdout.contains("(busy) missed"))
    }

    // MARK: hours --format csv

    @Test func hoursCSVOpensInAFrenchSpreadsheet() throws {
        let journal = try journal()
        let french = try runJournal(["hours", "--format", "csv", "--journal", journal.root.path])
        #expect(french.status == 0, "\(french.stderr)")
        #expect(french.stdout.hasPrefix("\u{FEFF}client;organisation commanditaire;première séance;"), "\(french.stdout)")
        #expect(french.stdout.contains("\r\nCamille Roche;;2026-11-02;2026-11-16;2;2,50;1\r\n"))
        let standard = try runJournal(["hours", "--format", "csv", "--csv-style", "rfc4180", "--journal", journal.root.path])
        #expect(standard.stdout.hasPrefix("client,organisation commanditaire,"))
        #expect(standard.stdout.contains("\r\nCamille Roche,,2026-11-02,2026-11-16,2,2.50,1\r\n"))
        let english = try runJournal(["hours", "--format", "csv", "--lang", "en", "--journal", journal.root.path])
        #expect(english.stdout.hasPrefix("client,sponsor organisation,"))
        let excel = try runJournal(["hours", "--format", "csv", "--lang", "en", "--csv-style", "excel-fr", "--journal", journal.root.path])
        #expect(excel.stdout.hasPrefix("\u{FEFF}client;sponsor organisation;"))
    }

    // MARK: README

    /// The README's example note, among the notes it reviews, is clean: its own example must not
    /// teach what lint then flags.
    @Test func theReadmeExampleNoteIsClean() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```markdown\n").dropFirst().first?.components(separatedBy: "```").first)
        let example = try TemporaryJournal()
        let source = packageRoot.appendingPathComponent("examples/cabinet-fontaine/clients/nadia-benali")
        for name in ["client.md", "2026-02-16-session.md"] {
            try example.write("clients/nadia-benali/\(name)", try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8))
        }
        try example.write("clients/nadia-benali/2026-03-09-session.md", block)
        let result = try runJournal(["lint", "--strict", "--journal", example.root.path, "--today", "2026-03-10",
                                     "clients/nadia-benali/2026-03-09-session.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("2026-03-09-session.md"), "\(result.stderr)")
    }
}
