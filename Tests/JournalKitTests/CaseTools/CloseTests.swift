import Foundation
import Testing
@testable import JournalKit

/// `journal close CLIENT`, in a real git repository: the three header lines and nothing else.
@Suite struct CloseTests {
    static let path = "clients/emma-lefort/client.md"

    @Test func closingEditsOnlyTheThreeFieldsAndSaysSo() throws {
        guard let journal = try committedFixture("agenda") else { return }
        let before = try journal.read(Self.path)
        let result = try runJournal(["close", "emma-lefort", "--outcome", "Objectifs atteints, « fin » d'un commun accord",
                                     "--date", "2026-03-20", "--journal", journal.root.path, "--today", "2026-03-20"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            clients/emma-lefort/client.md :
              status: active  →  status: closed
              + closed: 2026-03-20  (ajouté)
              + outcome: "Objectifs atteints, « fin » d'un commun accord"  (ajouté)

            """)
        // Warned: an open commitment, and the appointment still fixed on 2026-03-23.
        #expect(result.stderr.contains("1 engagement(s) encore ouvert(s) : budget"))
        #expect(result.stderr.contains("un rendez-vous est encore fixé le 2026-03-23 14:00"))
        let after = try journal.read(Self.path)
        #expect(after == before.replacingOccurrences(of: "status: active\n", with: """
            status: closed
            closed: 2026-03-20
            outcome: "Objectifs atteints, « fin » d'un commun accord"

            """))
        // git sees exactly that change.
        let diff = try #require(try git(["diff", "--numstat"], in: journal.root))
        #expect(diff.stdout == "3\t1\t\(Self.path)\n")
        // The index knows it at once.
        let show = try runJournal(["show", "emma-lefort", "--journal", journal.root.path, "--today", "2026-03-21"])
        #expect(show.stdout.hasPrefix("Emma Lefort (emma-lefort) · clos\n  clos le 2026-03-20 : Objectifs atteints"))
        let index = try runJournal(["index", "--json", "--journal", journal.root.path])
        #expect(index.stdout.contains("\"id\": \"emma-lefort\",\n      \"status\": \"closed\""))
    }

    @Test func uncommittedChangesAreRefusedUnlessForced() throws {
        guard let journal = try committedFixture("agenda") else { return }
        try journal.write(Self.path, try journal.read(Self.path) + "\nUne ligne pas encore commitée.\n")
        let edited = try journal.read(Self.path)
        let refused = try runJournal(["close", "emma-lefort", "--outcome", "Fin", "--journal", journal.root.path,
                                      "--today", "2026-03-20"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("modifications non commitées") && refused.stderr.contains("--force"))
        #expect(try journal.read(Self.path) == edited)
        let forced = try runJournal(["close", "emma-lefort", "--outcome", "Fin", "--force", "--journal", journal.root.path,
                                     "--today", "2026-03-20"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try journal.read(Self.path).hasSuffix("Une ligne pas encore commitée.\n"))
        #expect(try journal.read(Self.path).contains("closed: 2026-03-20\noutcome: \"Fin\"\n---\n"))
    }

    @Test func existingValuesAreReplacedAndEverythingElseKeptByteForByte() throws {
        // CRLF, a BOM, an outcome over two lines, a comment after status, odd spacing elsewhere.
        let text = "\u{FEFF}---\r\ntype: client\r\nname:   Ana Test\r\nstatus: active   # depuis mars\r\noutcome: >\r\n  ancien texte\r\n  sur deux lignes\r\npeople:\r\n- {name: Paul Petit}\r\n---\r\n\r\n# Ana\r\nstatus: active\r\n"
        let journal = try TemporaryJournal(["clients/ana-test/client.md": text])
        let book = try CaseBook.load(from: try journal.index()).book
        let outcome = try CaseCloser(journal: try journal.journal()).close(
            book: book, client: "ana-test", outcome: "Arrêt \"à sa demande\"\\ fin", date: LocalDate.fromText("2026-04-01")!,
            force: true)
        let after = String(decoding: try Data(contentsOf: journal.root.appendingPathComponent("clients/ana-test/client.md")), as: UTF8.self)
        #expect(Array(after.utf8) == Array("\u{FEFF}---\r\ntype: client\r\nname:   Ana Test\r\nstatus: closed\r\noutcome: \"Arrêt \\\"à sa demande\\\"\\\\ fin\"\r\npeople:\r\n- {name: Paul Petit}\r\nclosed: 2026-04-01\r\n---\r\n\r\n# Ana\r\nstatus: active\r\n".utf8))
        #expect(outcome.changes.map(\.key) == ["status", "closed", "outcome"])
        #expect(outcome.changes[2].before == "outcome: >\n  ancien texte\n  sur deux lignes")
        let reread = NoteParser().parse(data: Data(after.utf8), path: "clients/ana-test/client.md")
        #expect(reread.caseFile?.outcome == "Arrêt \"à sa demande\"\\ fin")
        #expect(reread.caseFile?.people.map(\.name) == ["Paul Petit"])
    }

    @Test func aFileChangedAtTheLastMomentIsLeftAsItIs() throws {
        let journal = try TemporaryJournal(["clients/ana-test/client.md": "---\ntype: client\nname: Ana Test\nstatus: active\n---\n"])
        let url = journal.root.appendingPathComponent("clients/ana-test/client.md")
        chmod(url.path, 0o600)
        let book = try CaseBook.load(from: try journal.index()).book
        #expect(throws: AtomicFile.Failure.self) {
            _ = try CaseCloser(journal: try journal.journal()).close(
                book: book, client: "ana-test", outcome: "Fin", date: LocalDate.fromText("2026-04-01")!, force: true,
                beforeCheck: { try? Data("---\ntype: client\nname: Ana Test\nstatus: paused\n---\n".utf8).write(to: url) })
        }
        #expect(try journal.read("clients/ana-test/client.md").contains("status: paused"))
        _ = try CaseCloser(journal: try journal.journal()).close(
            book: book, client: "ana-test", outcome: "Fin", date: LocalDate.fromText("2026-04-01")!, force: true)
        // The mode is kept.
        var info = stat()
        stat(url.path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func badRequestsChangeNothing() throws {
        guard let journal = try committedFixture("agenda") else { return }
        let unknown = try runJournal(["close", "emma-lefrot", "--outcome", "Fin", "--journal", journal.root.path])
        #expect(unknown.status == 2 && unknown.stderr.contains("`emma-lefort`"))
        let empty = try runJournal(["close", "emma-lefort", "--outcome", "  ", "--journal", journal.root.path])
        #expect(empty.status == 2 && empty.stderr.contains("--outcome est vide"))
        let badDate = try runJournal(["close", "emma-lefort", "--outcome", "Fin", "--date", "2026-02-30",
                                      "--journal", journal.root.path])
        #expect(badDate.status == 2)
        let status = try #require(try git(["status", "--porcelain"], in: journal.root))
        #expect(status.stdout.isEmpty)
    }
}
