import Foundation
import Testing
@testable import JournalKit

/// Coach commitments under private headings of every shape (Fixtures/journals/private-headings):
/// each carries a planted word PRIVWORD-… and a due date of its own; only the two PUBLICWORD
/// ones may leave the journal.
@Suite struct PrivateHeadingTests {
    static let privateWords = ["PRIVWORD-SETEXT", "PRIVWORD-SUB", "PRIVWORD-DEEP", "PRIVWORD-QUOTE",
                               "PRIVWORD-LIST", "PRIVWORD-TWOLINES", "PRIVWORD-COACHONLY", "PRIVWORD-H1",
                               "PRIVWORD-H1DEEP", "PRIVWORD-SETEXT2"]

    @Test func everyCommitmentUnderAPrivateHeadingIsPrivate() throws {
        let journal = try fixtureJournal("private-headings")
        let book = try CaseBook.load(from: journal.index()).book
        let coach = book.commitments.filter { $0.owner == .coach }
        #expect(coach.count == Self.privateWords.count + 2)
        for word in Self.privateWords {
            let item = try #require(coach.first { $0.text.split(separator: " ").contains(Substring(word)) }, "\(word) was not read")
            #expect(item.isPrivate, "\(word) is not private")
        }
        #expect(coach.filter { $0.text.contains("PUBLICWORD") }.allSatisfy { !$0.isPrivate })
    }

    @Test(arguments: [[], ["--names"]])
    func calendarHoldsNoToDoFromAPrivateSection(_ options: [String]) throws {
        let journal = try fixtureJournal("private-headings")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", "2026-04-10",
                                     "--ics", "-"] + options)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        // The two public ones, and the two appointments; nothing else.
        #expect(text.components(separatedBy: "BEGIN:VTODO").count - 1 == 2)
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        #expect(text.contains("DUE;VALUE=DATE:20260420"))
        #expect(text.contains("DUE;VALUE=DATE:20260421"))
        // No due date of a private commitment (2026-05-01 to 2026-05-10), no text, no mark.
        for day in 1...10 {
            #expect(!text.contains("202605" + LocalDate.pad(day, 2)), "a private due date is in the calendar")
        }
        for word in Self.privateWords { #expect(!text.contains(word)) }
        #expect(!text.contains("privé") && !text.contains("private"))
        if options.contains("--names") { #expect(text.contains("PUBLICWORD")) }
    }

    @Test func theAgendaOnTheCoachsScreenShowsThemMarked() throws {
        let journal = try fixtureJournal("private-headings")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", "2026-05-20"])
        let lines = result.stdout.split(separator: "\n")
        for word in Self.privateWords {
            #expect(lines.contains { $0.contains(word + " ") && $0.hasSuffix("(privé)") }, "\(word)")
        }
    }

    @Test func theSummaryHoldsNoneOfThem() throws {
        let journal = try fixtureJournal("private-headings")
        for client in ["lea-vasseur", "owen-price"] {
            let result = try runJournal(["summarize", client, "--journal", journal.root.path, "--today", "2026-04-10"])
            #expect(result.status == 0, "\(result.stderr)")
            for word in Self.privateWords { #expect(!result.stdout.contains(word)) }
            #expect(!result.stdout.contains("Une phrase citée"))
            #expect(result.stdout.contains("PUBLICWORD"))
        }
    }
}
