import Foundation
import Testing
@testable import JournalKit

/// `journal show CLIENT` and `agenda --client`, on the `agenda` fixture on 2026-03-20.
@Suite struct ShowTests {
    static let today = "2026-03-20"

    @Test func showGivesTheWholeCaseOnOneScreen() throws {
        let journal = try fixtureJournal("agenda")
        let result = try runJournal(["show", "emma-lefort", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "show.emma-lefort.txt")
        let text = result.stdout
        // In a pipe: no colour.
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("3 tenue(s) sur 6 prévues"))
        #expect(text.contains("validé le 2026-01-12"))
        #expect(text.contains("2026-03-23 14:00  dans 3 jours"))
        #expect(text.contains("budget  client  échéance 2026-01-26  cote 3:1"))
        #expect(text.contains("série en cours : 2 revue(s)"))
        // The coach's own view: private sections shown, and marked.
        #expect(text.contains("[privé] Hypothèse : surmenage ancien"))
        #expect(text.contains("[privé] Un divorce en cours"))
        // Comments are left out of the glance.
        #expect(!text.contains("médiation"))
        // Every note is in the timeline, in date order.
        let order = ["2026-01-08 11:00", "2026-01-12 10:00", "2026-01-26 10:00", "2026-02-02 10:00",
                     "2026-02-23 10:00", "2026-03-09 10:00"].map { text.range(of: "  " + $0)?.lowerBound }
        #expect(!order.contains(nil) && order.map { $0! } == order.map { $0! }.sorted())
    }

    @Test func showAsJSONAndInEnglish() throws {
        let journal = try fixtureJournal("agenda")
        let json = try runJournal(["show", "emma-lefort", "--journal", journal.root.path, "--today", Self.today,
                                   "--format", "json"])
        #expect(json.status == 0)
        try expectGolden(json.stdout, "show.emma-lefort.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["next"] as? String == "2026-03-23T14:00")
        #expect((object["open_commitments"] as? [[String: Any]])?.map { $0["id"] as? String } == ["budget"])
        let timeline = try #require(object["timeline"] as? [[String: Any]])
        #expect(timeline.count == 7)
        let privateSections = timeline.flatMap { ($0["sections"] as? [[String: Any]]) ?? [] }
            .filter { $0["private"] as? Bool == true }
        #expect(privateSections.count == 2)
        let english = try runJournal(["show", "emma-lefort", "--journal", journal.root.path, "--today", Self.today,
                                      "--lang", "en"])
        #expect(english.stdout.contains("3 held of 6 planned") && english.stdout.contains("[private] Hypothèse"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let journal = try fixtureJournal("agenda")
        let book = try CaseBook.load(from: try journal.index()).book
        let view = try CaseView(book: book, root: journal.root, client: "emma-lefort",
                                today: LocalDate.fromText(Self.today)!)
        #expect(view.text(language: .fr, colour: true).contains("\u{1B}[1m"))
        #expect(!view.text(language: .fr, colour: false).contains("\u{1B}["))
    }

    @Test func aCaseWithNoNextDateSaysHowLong() throws {
        let journal = try fixtureJournal("agenda")
        let result = try runJournal(["show", "chloe-dumas", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex(of: "Prochain rendez-vous"))
        #expect(lines[index + 1].hasPrefix("  aucun, depuis "))
    }

    @Test func anUnknownClientIsNamedWithTheNearestOne() throws {
        let journal = try fixtureJournal("agenda")
        let result = try runJournal(["show", "emma-lefrot", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.status == 2)
        #expect(result.stderr.contains("`emma-lefrot`") && result.stderr.contains("`emma-lefort`"))
        let agenda = try runJournal(["agenda", "--client", "emma-lefrot", "--journal", journal.root.path])
        #expect(agenda.status == 2 && agenda.stderr.contains("`emma-lefort`"))
    }

    @Test func agendaNarrowedToOneClient() throws {
        let journal = try fixtureJournal("agenda")
        let whole = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today])
        let one = try runJournal(["agenda", "--client", "emma-lefort", "--journal", journal.root.path, "--today", Self.today])
        #expect(one.status == 0)
        #expect(whole.stdout.contains("alice-perrin") && !one.stdout.contains("alice-perrin"))
        #expect(one.stdout.contains("(emma-lefort seulement)"))
        let clients = one.stdout.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") }
        #expect(!clients.isEmpty && clients.allSatisfy { $0.contains("emma-lefort") })
        let json = try runJournal(["agenda", "--client", "emma-lefort", "--journal", journal.root.path,
                                   "--today", Self.today, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["client"] as? String == "emma-lefort")
        #expect((object["overdue"] as? [[String: Any]])?.allSatisfy { $0["client"] as? String == "emma-lefort" } == true)
        // The whole agenda's JSON has no `client` key: its document is as it was.
        #expect(!whole.stdout.contains("seulement"))
        let ics = try runJournal(["agenda", "--client", "emma-lefort", "--ics", "-", "--journal", journal.root.path])
        #expect(ics.status == 2 && ics.stderr.contains("--client ne va pas avec --ics"))
    }
}
