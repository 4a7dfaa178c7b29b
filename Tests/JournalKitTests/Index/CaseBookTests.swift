import Foundation
import Testing
@testable import JournalKit

/// What the reading commands share: standing appointments and usual durations.
@Suite struct CaseBookTests {
    @Test func aLaterNoteBeforeTheDayReplacesTheAppointment() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\nstatus: active\n---\n",
            // Fixed on 03-02 for 04-10; a note of 04-03 moves it to 04-12.
            "clients/a/s1.md": "---\ntype: session\ndate: 2026-03-02 10:00\nnext: 2026-04-10 10:00\n---\n",
            "clients/a/s2.md": "---\ntype: three-way\ndate: 2026-04-03 10:00\nnext: 2026-04-12 10:00\n---\n",
            // A note on the appointment's own day is the meeting: the appointment stands, cancelled.
            "clients/a/s3.md": "---\ntype: session\ndate: 2026-04-12 10:00\nstatus: cancelled\nnext: 2026-04-20 10:00\n---\n",
        ])
        let book = try CaseBook.load(from: journal.index()).book
        let standing = ScheduledAppointment.current(in: book)
        #expect(standing.map(\.date.description) == ["2026-04-12T10:00", "2026-04-20T10:00"])
        #expect(standing.map(\.cancelled) == [true, false])
    }

    @Test func durationComesFromTheContractElseJournalYmlElseAnHour() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\ncontract: {duration: 1h30}\n---\n",
            "clients/b/client.md": "---\ntype: client\nname: Bea Test\n---\n",
        ], config: "language: fr\ntimezone: Europe/Paris\nduration: 45\n")
        let book = try CaseBook.load(from: journal.index()).book
        #expect(book.defaultDuration(of: "a") == 90)
        #expect(book.defaultDuration(of: "b") == 45)
        #expect(book.config.diagnostics.isEmpty)
        let plain = try TemporaryJournal(["clients/b/client.md": "---\ntype: client\nname: Bea Test\n---\n"])
        #expect(try CaseBook.load(from: plain.index()).book.defaultDuration(of: "b") == 60)
    }

    @Test func journalYmlKnowsDurationAndSuggestsIt() {
        #expect(JournalConfig(text: "duration: 1h\n", zone: .current).duration == 60)
        #expect(JournalConfig(text: "duration: 1h\n", zone: .current).diagnostics.isEmpty)
        let typo = JournalConfig(text: "duraton: 60\n", zone: .current)
        #expect(typo.diagnostics.map(\.rule) == ["field-unknown"])
        #expect(typo.diagnostics.first?.message.contains("`duration`") == true)
        let bad = JournalConfig(text: "duration: longtemps\n", zone: .current)
        #expect(bad.duration == nil)
        #expect(bad.diagnostics.map(\.rule) == ["field-invalid"])
    }
}
