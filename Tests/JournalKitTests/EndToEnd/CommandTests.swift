import Foundation
import Testing
@testable import JournalKit

/// The built `journal` binary, run as a coach would.
@Suite struct CommandTests {
    @Test func indexJSONOfTheFixtureIsTheGolden() throws {
        let journal = try fixtureJournal("basic")
        let result = try runJournal(["index", "--json", "--journal", journal.root.path])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "basic.index.json")
    }

    @Test func journalIsFoundFromASubfolderAndFromTheEnvironment() throws {
        let journal = try fixtureJournal("basic")
        let inside = try runJournal(["index"], in: journal.root.appendingPathComponent("clients/lea-morel"))
        #expect(inside.status == 0)
        #expect(inside.stdout.contains("8 notes"))
        let env = try runJournal(["index"], in: FileManager.default.temporaryDirectory,
                                 environment: ["JOURNAL_DIR": journal.root.path])
        #expect(env.status == 0)
    }

    @Test func exitCodeTwoWhenItCannotRun() throws {
        let nowhere = try runJournal(["index"], in: URL(fileURLWithPath: "/"))
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr.contains("journal init"))
        let badOption = try runJournal(["index", "--nope"])
        #expect(badOption.status == 2)
        let journal = try fixtureJournal("basic")
        let badToday = try runJournal(["commitments", "--today", "demain", "--journal", journal.root.path])
        #expect(badToday.status == 2)
        let help = try runJournal(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("index"))
    }

    @Test func initIsSafeToRunTwice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)/mon-journal")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let first = try runJournal(["init", folder.path, "--lang", "fr"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal.yml").path))
        let ignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.contains(".journal/") && ignore.contains("exports/"))
        if Git(on: .current)?.program != nil {
            let hook = folder.appendingPathComponent(".git/hooks/pre-commit")
            #expect(try String(contentsOf: hook, encoding: .utf8).contains("lint --staged --journal"))
        }
        try Data("coach: Moi\n".utf8).write(to: folder.appendingPathComponent("journal.yml"))
        let second = try runJournal(["init", folder.path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("rien à faire"))
        #expect(try String(contentsOf: folder.appendingPathComponent("journal.yml"), encoding: .utf8) == "coach: Moi\n")
        let config = try Journal.open(folder, process: .current)
        #expect(config.config.diagnostics.isEmpty)
    }

    @Test func newClientThenSessionsArePrefilled() throws {
        let journal = try TemporaryJournal()
        let root = journal.root.path
        let client = try runJournal(["new", "client", "jeanne-martin", "--name", "Jeanne: Martin", "--journal", root,
                                     "--today", "2026-03-01"])
        #expect(client.status == 0, "\(client.stderr)")
        #expect(client.stdout == "clients/jeanne-martin/client.md\n")
        let caseFile = parseNote(try journal.read("clients/jeanne-martin/client.md"), path: "clients/jeanne-martin/client.md")
        #expect(caseFile.caseFile?.name == "Jeanne: Martin")
        #expect(caseFile.diagnostics.isEmpty, "\(caseFile.diagnostics)")

        let first = try runJournal(["new", "session", "jeanne-martin", "--date", "2026-03-04 10:00", "--journal", root])
        #expect(first.stdout == "clients/jeanne-martin/2026-03-04-session.md\n", "\(first.stderr)")
        var text = try journal.read("clients/jeanne-martin/2026-03-04-session.md")
        #expect(text.hasPrefix("---\ntype: session\n"))
        #expect(text.contains("number: 1"))
        text = text.replacingOccurrences(of: "next:                  # fixez la prochaine date avant la fin de la séance",
                                         with: "next: 2026-03-18 10:00")
        text = text.replacingOccurrences(of: "## Engagements\n\n- [ ] ", with: "## Engagements\n\n- [ ] Appeler trois anciens clients [id:: appels]\n- [x] Déjà fait")
        try journal.write("clients/jeanne-martin/2026-03-04-session.md", text)

        let second = try runJournal(["new", "session", "jeanne-martin", "--journal", root, "--today", "2026-03-10"])
        #expect(second.stdout == "clients/jeanne-martin/2026-03-18-session.md\n", "\(second.stderr)")
        let prefilled = try journal.read("clients/jeanne-martin/2026-03-18-session.md")
        #expect(prefilled.contains("date: 2026-03-18T10:00"))
        #expect(prefilled.contains("number: 2"))
        #expect(prefilled.contains("- [ ] [ref:: appels] Appeler trois anciens clients"))
        #expect(!prefilled.contains("Déjà fait"))
        let parsed = parseNote(prefilled, path: "clients/jeanne-martin/2026-03-18-session.md")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.items.first?.ref == "appels")

        // The same day again: a new file, never the old one replaced.
        let third = try runJournal(["new", "session", "jeanne-martin", "--date", "2026-03-18", "--journal", root])
        #expect(third.stdout == "clients/jeanne-martin/2026-03-18-session-2.md\n")
        #expect(try journal.read("clients/jeanne-martin/2026-03-18-session.md") == prefilled)
    }

    @Test func privateCommitmentsAreReviewedOnlyUnderThePrivateHeading() throws {
        let journal = try TemporaryJournal([
            "clients/p/client.md": "---\ntype: client\nname: Paul Test\n---\n",
            "clients/p/s1.md": "---\ntype: session\ndate: 2026-01-05\n---\n## Engagements\n- [ ] Public\n## Notes privées\n### Engagements\n- [ ] Secret médical\n",
        ])
        let result = try runJournal(["new", "session", "p", "--date", "2026-01-19", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try journal.read("clients/p/2026-01-19-session.md")
        let note = parseNote(text, path: "clients/p/2026-01-19-session.md")
        let reviews = note.items.filter { $0.kind == .review }
        #expect(reviews.map(\.ref) == ["s1#1", "s1#2"])
        #expect(reviews.map(\.isPrivate) == [false, true])
        let publicPart = text.components(separatedBy: "## Notes privées").first ?? ""
        #expect(!publicPart.contains("Secret"))
    }

    @Test func newRefusesWhatWouldLeaveTheJournalOrOverwrite() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        let root = journal.root.path
        for id in ["../evil", "a/b", "..", "Ana Test", ".hidden"] {
            let result = try runJournal(["new", "client", id, "--name", "X", "--journal", root])
            #expect(result.status == 2, "\(id)")
        }
        #expect(try runJournal(["new", "session", "../a", "--journal", root]).status == 2)
        #expect(try runJournal(["new", "session", "inconnu", "--journal", root]).status == 2)
        let again = try runJournal(["new", "client", "a", "--name", "Autre", "--journal", root])
        #expect(again.status == 2)
        #expect(again.stderr == "journal: clients/a/client.md existe déjà : rien n'a été écrit (--force pour le remplacer)\n")
        #expect(try journal.read("clients/a/client.md").contains("Ana Test"))
        let english = try runJournal(["new", "client", "a", "--name", "Autre", "--lang", "en", "--journal", root])
        #expect(english.stderr.contains("already exists"))
        let forced = try runJournal(["new", "client", "a", "--name", "Autre Nom", "--force", "--journal", root])
        #expect(forced.status == 0)
        #expect(try journal.read("clients/a/client.md").contains("Autre Nom"))
        #expect(!FileManager.default.fileExists(atPath: journal.root.deletingLastPathComponent().appendingPathComponent("evil").path))
    }

    @Test func newUsesTheJournalsOwnTemplate() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n",
            "templates/chemistry.md": "---\ntype: chemistry\nclient: {{client}}\ndate: {{date}}\n---\n\nMon modèle\n",
        ])
        let result = try runJournal(["new", "chemistry", "a", "--date", "2026-02-01", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try journal.read("clients/a/2026-02-01-chemistry.md").contains("Mon modèle"))
    }

    @Test func englishTemplates() throws {
        let journal = try TemporaryJournal([:], config: "language: en\n")
        _ = try runJournal(["new", "client", "sam-lee", "--name", "Sam Lee", "--journal", journal.root.path])
        #expect(try journal.read("clients/sam-lee/client.md").contains("## Objectives"))
        let supervision = try runJournal(["new", "supervision", "--date", "2026-05-01", "--journal", journal.root.path])
        #expect(supervision.stdout == "supervision/2026-05-01-supervision.md\n")
    }

    @Test func commitmentsListing() throws {
        let journal = try fixtureJournal("basic")
        let result = try runJournal(["commitments", "--journal", journal.root.path, "--today", "2026-04-10", "--overdue"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("delegue"))
        #expect(result.stdout.contains("en retard"))
        #expect(!result.stdout.contains("liste"))
    }

    @Test func lintReportsStructuralErrorsWithExitOne() throws {
        let journal = try fixtureJournal("basic")
        let clean = try runJournal(["lint", "--journal", journal.root.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        try journal.write("clients/lea-morel/2026-05-01-session.md", "---\ntype: session\ndate: 2026-05-01\n---\n## Engagements\n- [?] x\n")
        let broken = try runJournal(["lint", "--journal", journal.root.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("clients/lea-morel/2026-05-01-session.md:6:3: error:"))
        #expect(broken.stderr.contains("n'est pas une case à cocher"))
        #expect(broken.stderr.contains("[marker-invalid]"))
        let english = try runJournal(["lint", "--lang", "en", "--journal", journal.root.path])
        #expect(english.stderr.contains("is not a checkbox marker"))
    }

    @Test(.enabled(if: gitPath != nil, "git is not installed")) func preCommitHookRefusesAnErrorAndAcceptsTheFix() throws {
        try hookScenario(journalInSubfolder: false)
    }

    @Test(.enabled(if: gitPath != nil, "git is not installed")) func hookInstallAddsTheCheckToAnExistingJournal() throws {
        let git = try #require(gitPath)
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        #expect(Git(program: git).run(["init", "-q", journal.root.path]))
        let result = try runJournal(["hook", "install", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let hook = try String(contentsOf: journal.root.appendingPathComponent(".git/hooks/pre-commit"), encoding: .utf8)
        #expect(hook.contains("\"$binary\" lint --staged --journal '.'"))
        let again = try runJournal(["hook", "install", "--journal", journal.root.path])
        #expect(again.status == 0)
        #expect(!again.stderr.contains("existe déjà"))
    }

    @Test(.enabled(if: gitPath != nil, "git is not installed")) func preCommitHookWorksForAJournalInsideALargerRepository() throws {
        try hookScenario(journalInSubfolder: true)
    }

    func hookScenario(journalInSubfolder: Bool) throws {
        let gitPath = try #require(gitPath)
        let outer = try TemporaryJournal()
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"])
        var root = journal.root.path
        if journalInSubfolder {
            // An existing repository with the journal as one of its folders.
            let repository = outer.root.path
            #expect(Git(program: gitPath).run(["init", "-q", repository]))
            try FileManager.default.copyItem(atPath: root, toPath: repository + "/notes")
            root = repository + "/notes"
        }
        #expect(try runJournal(["init", root]).status == 0)
        let top = journalInSubfolder ? outer.root.path : root
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let packageBinary = packageRoot.appendingPathComponent(".build/debug").path
        let path = "\(binary):\(packageBinary):" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        func runGit(_ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gitPath)
            process.arguments = ["-C", top, "-c", "user.name=Test", "-c", "user.email=test@example.invalid"] + arguments
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = path
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        // A ref to nothing is only visible with the client's other notes: refused too.
        let ghost = URL(fileURLWithPath: root + "/clients/a/2026-01-04-session.md")
        try Data("---\ntype: session\ndate: 2026-01-04\n---\n## Revue\n- [x] [ref:: nexistepas]\n".utf8).write(to: ghost)
        #expect(try runGit(["add", "-A"]) == 0)
        #expect(try runGit(["commit", "-q", "-m", "ghost"]) != 0)
        try FileManager.default.removeItem(at: ghost)
        #expect(try runGit(["add", "-A"]) == 0)
        let note = URL(fileURLWithPath: root + "/clients/a/2026-01-05-session.md")
        try Data("---\ntype: session\ndate: 2026-02-30\n---\n".utf8).write(to: note)
        #expect(try runGit(["add", "-A"]) == 0)
        #expect(try runGit(["commit", "-q", "-m", "notes"]) != 0)
        try Data("---\ntype: session\ndate: 2026-01-05\n---\n".utf8).write(to: note)
        #expect(try runGit(["add", "-A"]) == 0)
        #expect(try runGit(["commit", "-q", "-m", "notes"]) == 0)
    }
}

@Suite struct LintSettingsTests {
    @Test func ruleSeveritiesFromJournalYml() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n",
            "clients/a/2026-01-05-session.md": "---\ntype: session\ndate: 2026-01-05\nnxt: x\n---\n## Engagements\n- [?] x\n",
        ], config: "language: en\nlint:\n  rules:\n    marker-invalid: warning\n    field-unknown: off\n    commitment-no-due: off\n    marker-invlid: error\n")
        let result = try runJournal(["lint", "--format", "json", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let rules = findings.map { "\($0["path"] as? String ?? ""):\($0["line"] as? Int ?? 0) \($0["severity"] as? String ?? "") \($0["rule"] as? String ?? "")" }
        #expect(rules == ["clients/a/2026-01-05-session.md:7 warning marker-invalid",
                          "journal.yml:7 warning field-unknown"])
        #expect((findings.last?["message"] as? String)?.contains("`marker-invalid`") == true)
        let strict = try runJournal(["lint", "--strict", "--journal", journal.root.path])
        #expect(strict.status == 1)
    }
}

@Suite struct LintEndToEndTests {
    @Test func suppressionComments() throws {
        let session = Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15", """
            ## Engagements
            <!-- journal-lint-disable-next-line commitment-low-odds -->
            - [ ] A [odds:: 1:3] [due:: 2026-05-10]
            - [ ] B [odds:: 1:3] [due:: 2026-05-10]
            <!-- journal-lint-disable commitment-low-odds, commitment-no-due -->
            - [ ] C [odds:: 1:3]
            - [ ] D [odds:: 1:2]

            """)
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": session])
        let found = try LintEngine(journal: try journal.journal()).run(today: try LocalDate.parse("2026-05-02").get())
            .filter { $0.path == "clients/a/s1.md" }.map { "\($0.rule):\($0.line)" }
        #expect(found == ["commitment-low-odds:9"])
    }

    @Test func fixtureJournalHasExactlyTheKnownFindings() throws {
        let journal = try fixtureJournal("basic")
        let result = try runJournal(["lint", "--format", "json", "--today", "2026-04-10", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let found = findings.map { "\($0["rule"] as? String ?? "") \($0["path"] as? String ?? ""):\($0["line"] as? Int ?? 0)" }
        #expect(found == [
            // The coach's own promise to send an article, never followed up.
            "commitment-unreviewed clients/lea-morel/2026-03-10-session.md:15",
            "commitment-low-odds clients/lea-morel/2026-03-24-session.md:17",
            "miss-without-reason clients/lea-morel/2026-04-07-session.md:11",
            "miss-streak clients/lea-morel/2026-04-07-session.md:12",
            "demand-need clients/lea-morel/client.md:12",
        ])
    }

    @Test func lintOnlyReportsOnTheGivenPaths() throws {
        let journal = try fixtureJournal("basic")
        let folder = journal.root.appendingPathComponent("clients/lea-morel")
        let result = try runJournal(["lint", "--today", "2026-04-10", "2026-04-07-session.md"], in: folder)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("clients/lea-morel/2026-04-07-session.md:") })
        #expect(try runJournal(["lint", "/tmp"], in: folder).status == 2)
    }

    @Test func cleanJournalHasNoFinding() throws {
        let journal = try fixtureJournal("clean")
        let result = try runJournal(["lint", "--strict", "--today", "2026-04-01", "--journal", journal.root.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}

@Suite struct LintFixTests {
    static let session = "---\r\ntype: session\r\ndate: 18/03/2026 10h00 # séance\r\nnext: \"01/04/2026\"\r\n---\r\n\r\nLe 📅 du mur.\r\n\r\n## Engagements\r\n\r\n- [ ] Appeler trois anciens clients 📅 25/03/2026 🆔 appels\r\n- [ ] Écrire [échéance:: 30/03/2026]\r\n- [ ] Relire\r\n"

    func journal() throws -> TemporaryJournal {
        try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            "clients/a/2026-03-18-session.md": "\u{FEFF}" + Self.session,
            "clients/a/2026-04-01-session.md": Sample.note("session", "date: 2026-04-01\nnext: none\nnext_reason: fin",
                                                           "## Revue\n- [x] [ref:: 2026-03-18-session#3] relu\n"),
        ])
    }

    @Test func fixesAreDeterministicAndKeepLineEndings() throws {
        let journal = try journal()
        let result = try runJournal(["lint", "--fix", "--today", "2026-04-02", "--journal", journal.root.path])
        #expect(result.stdout.contains("clients/a/2026-03-18-session.md:3: date: 18/03/2026 10h00 # séance → date: 2026-03-18 10:00 # séance"))
        let bytes = try Data(contentsOf: journal.root.appendingPathComponent("clients/a/2026-03-18-session.md"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let fixed = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(fixed == "---\r\ntype: session\r\ndate: 2026-03-18 10:00 # séance\r\nnext: \"2026-04-01\"\r\n---\r\n\r\nLe 📅 du mur.\r\n\r\n## Engagements\r\n\r\n- [ ] Appeler trois anciens clients [due:: 2026-03-25] [id:: appels]\r\n- [ ] Écrire [échéance:: 2026-03-30]\r\n- [ ] Relire  [id:: relire]\r\n")
        #expect(try journal.read("clients/a/2026-04-01-session.md").contains("- [x] [ref:: relire] relu"))
        // What the notes mean is unchanged: the same commitments, dates and statuses.
        let commitments = try journal.index().commitments()
        #expect(commitments.map(\.id) == ["appels", "2026-03-18-session#2", "relire"])
        #expect(commitments.last?.status == .done)
        let again = try runJournal(["lint", "--fix", "--today", "2026-04-02", "--journal", journal.root.path])
        #expect(again.stdout.hasPrefix("Rien à corriger"))
    }

    @Test(.enabled(if: gitPath != nil, "git is not installed")) func filesWithUncommittedChangesAreLeftAlone() throws {
        let git = try #require(gitPath)
        let journal = try journal()
        let root = journal.root.path
        #expect(Git(program: git).run(["init", "-q", root]))
        #expect(Git(program: git).run(["-C", root, "add", "-A"]))
        #expect(Git(program: git).run(["-C", root, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "notes"]))
        try journal.write("clients/a/2026-04-01-session.md", Sample.note("session", "date: 2026-04-01\nnext: none\nnext_reason: fin", "## Revue\n- [x] [ref:: 2026-03-18-session#3] relu, modifié\n"))
        let result = try runJournal(["lint", "--fix", "--today", "2026-04-02", "--journal", root])
        #expect(result.stderr.contains("clients/a/2026-04-01-session.md : non corrigé"))
        #expect(try journal.read("clients/a/2026-04-01-session.md").contains("[ref:: 2026-03-18-session#3]"))
        let forced = try runJournal(["lint", "--fix", "--force", "--today", "2026-04-02", "--journal", root])
        #expect(forced.status == 0 || forced.status == 1)
        #expect(try journal.read("clients/a/2026-04-01-session.md").contains("[ref:: relire]"))
    }
}
