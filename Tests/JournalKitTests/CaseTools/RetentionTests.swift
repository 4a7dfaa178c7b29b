import Foundation
import Testing
@testable import JournalKit

/// `journal retention` and `--purge`, on the example journal (retention 3y; thomas-girard closed
/// on 2026-03-20, so kept until 2029-03-20), as a real git repository.
@Suite struct RetentionTests {
    static let expired = "2029-06-01"

    func example(git inGit: Bool = true) throws -> TemporaryJournal? {
        let copy = try TemporaryJournal()
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples/cabinet-fontaine"), to: copy.root)
        try copy.write("supervision/2026-04-10-supervision.md", "---\ntype: supervision\ndate: 2026-04-10\ncases: [thomas-girard]\n---\n\nT. G. : la fin de l'accompagnement.\n")
        try copy.write("exports/thomas-girard-summary.md", "synthèse\n")
        try copy.write("exports/thomas-girardin.md", "not the same client\n")
        try copy.write(".gitignore", ".journal/\nexports/\n")
        guard inGit else { return copy }
        guard try git(["init", "-q"], in: copy.root) != nil else { return nil }
        try git(["add", "-A"], in: copy.root)
        try git(["commit", "-q", "-m", "notes"], in: copy.root)
        return copy
    }

    func run(_ journal: TemporaryJournal, _ arguments: [String], today: String = expired, stdin: String? = nil) throws -> CommandResult {
        try runJournal(["retention"] + arguments + ["--journal", journal.root.path, "--today", today], stdin: stdin)
    }

    @Test func listsClosedCasesAndWhenTheirRetentionEnds() throws {
        guard let journal = try example(git: false) else { return }
        let now = try run(journal, [], today: "2026-05-20")
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout == """
            Conservation des notes : 3y (1095 j) après la clôture (retention, journal.yml)

              thomas-girard  clos le 2026-03-20  jusqu'au 2029-03-19 (dans 1034 j)

            """)
        let later = try run(journal, [])
        #expect(later.stdout.contains("thomas-girard  clos le 2026-03-20  dépassée depuis 74 j (fin le 2029-03-19)  journal retention --purge thomas-girard"))
        let json = try run(journal, ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["retention"] as? String == "3y")
        #expect((object["cases"] as? [[String: Any]])?.first?["expired"] as? Bool == true)
    }

    @Test func purgeDeletesTheCaseCommitsOnlyThatAndExplainsHistory() throws {
        guard let journal = try example() else { return }
        // Something else the coach has staged stays out of the purge's commit.
        try journal.write("clients/nadia-benali/notes-en-cours.md", "brouillon\n")
        try git(["add", "clients/nadia-benali/notes-en-cours.md"], in: journal.root)
        let hoursBefore = try runJournal(["hours", "--journal", journal.root.path]).stdout
        let result = try run(journal, ["--purge", "thomas-girard", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = journal.root.appendingPathComponent("clients/thomas-girard")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(!FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("exports/thomas-girard-summary.md").path))
        #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("exports/thomas-girardin.md").path))
        #expect(result.stdout.contains("Supprimé : 5 fichier(s), 1 export(s)."))
        // The commit: the removed paths only, deletions all, and a message that names no one.
        let files = try #require(try git(["show", "--name-status", "--format=%s%n%b", "HEAD"], in: journal.root))
        let lines = files.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Suppression d'un dossier clos dont la durée de conservation est écoulée")
        #expect(!files.stdout.lowercased().contains("thomas") || lines.filter { $0.contains("thomas") }.allSatisfy { $0.hasPrefix("D\tclients/thomas-girard/") })
        let changed = lines.filter { $0.contains("\t") }
        #expect(changed.count == 5 && changed.allSatisfy { $0.hasPrefix("D\tclients/thomas-girard/") })
        let staged = try #require(try git(["diff", "--cached", "--name-only"], in: journal.root))
        #expect(staged.stdout == "clients/nadia-benali/notes-en-cours.md\n")
        // The index no longer knows the client; neither does the search.
        let index = try runJournal(["index", "--json", "--journal", journal.root.path])
        #expect(!index.stdout.contains("thomas-girard/"))
        #expect(try runJournal(["search", "roulement", "--journal", journal.root.path]).stdout.isEmpty)
        // The supervision note naming the client is flagged, not changed.
        #expect(result.stderr.contains("supervision/2026-04-10-supervision.md : cette note de supervision cite thomas-girard"))
        #expect(try journal.read("supervision/2026-04-10-supervision.md").contains("cases: [thomas-girard]"))
        // History: the exact command.
        #expect(result.stdout.contains("git filter-repo --invert-paths --path 'clients/thomas-girard/'"))
        #expect(result.stdout.contains("git push --force --all"))
        // Without --keep-hours, the hours go with the notes.
        #expect(try runJournal(["hours", "--journal", journal.root.path]).stdout != hoursBefore)
    }

    @Test func keepHoursKeepsAnAnonymousLineInACommittedFile() throws {
        guard let journal = try example() else { return }
        let before = try runJournal(["hours", "--journal", journal.root.path, "--format", "csv"]).stdout
        let result = try run(journal, ["--purge", "thomas-girard", "--yes", "--keep-hours"])
        #expect(result.status == 0, "\(result.stderr)")
        let archive = try journal.read(HoursArchive.fileName)
        #expect(archive.hasSuffix("- {first: 2026-01-12, last: 2026-03-16, sessions: 4, minutes: 300, estimated: 0}\n"))
        #expect(!archive.contains("thomas") && !archive.contains("Thomas"))
        let files = try #require(try git(["show", "--name-status", "--format=", "HEAD"], in: journal.root))
        #expect(files.stdout.contains("A\t\(HoursArchive.fileName)"))
        // The hours log counts the same sessions and hours, the purged client unnamed.
        let after = try runJournal(["hours", "--journal", journal.root.path, "--format", "csv"]).stdout
        func total(_ csv: String) -> String { csv.split(separator: "\r\n").last.map(String.init) ?? "" }
        #expect(total(after) == total(before))
        #expect(!after.contains("Thomas"))
    }

    @Test func neverAnOpenCaseNorBeforeTheEndWithoutAnErasureRequest() throws {
        guard let journal = try example() else { return }
        let open = try run(journal, ["--purge", "nadia-benali", "--yes"])
        #expect(open.status == 2 && open.stderr.contains("n'est pas clos"))
        let early = try run(journal, ["--purge", "thomas-girard", "--yes"], today: "2026-05-20")
        #expect(early.status == 2 && early.stderr.contains("jusqu'au 2029-03-19") && early.stderr.contains("--erasure-request"))
        let unknown = try run(journal, ["--purge", "thomas-girad", "--yes"])
        #expect(unknown.status == 2 && unknown.stderr.contains("`thomas-girard`"))
        let status = try #require(try git(["status", "--porcelain"], in: journal.root))
        #expect(status.stdout.isEmpty)
        // On the client's request, before the end: allowed, and said in the commit.
        let erased = try run(journal, ["--purge", "thomas-girard", "--yes", "--erasure-request"], today: "2026-05-20")
        #expect(erased.status == 0, "\(erased.stderr)")
        let subject = try #require(try git(["log", "-1", "--format=%s"], in: journal.root))
        #expect(subject.stdout == "Suppression d'un dossier clos à la demande du client (droit à l'effacement)\n")
    }

    @Test func theCoachConfirmsByTypingTheID() throws {
        guard let journal = try example() else { return }
        let wrong = try run(journal, ["--purge", "thomas-girard"], stdin: "oui\n")
        #expect(wrong.status == 1 && wrong.stderr.contains("rien n'a été supprimé"))
        #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("clients/thomas-girard/client.md").path))
        let none = try run(journal, ["--purge", "thomas-girard"])
        #expect(none.status == 1)
        let typed = try run(journal, ["--purge", "thomas-girard"], stdin: "thomas-girard\n")
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(typed.stderr.contains("Tapez « thomas-girard » pour confirmer"))
        #expect(!FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("clients/thomas-girard").path))
    }

    @Test func outsideGitTheFilesGoAndNothingIsSaidOfHistory() throws {
        guard let journal = try example(git: false) else { return }
        let result = try run(journal, ["--purge", "thomas-girard", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("filter-repo") && !result.stdout.contains("Commit"))
        #expect(!FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("clients/thomas-girard").path))
    }
}
