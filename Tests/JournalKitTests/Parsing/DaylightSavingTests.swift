import Foundation
import Testing
@testable import JournalKit

/// Times the journal's clocks skip (spring) or show twice (autumn).
@Suite struct DaylightSavingTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    func parse(_ fields: String) -> Note {
        NoteParser(zone: Self.paris).parse(data: Data(Sample.note("session", fields).utf8), path: "clients/a/s.md")
    }

    func date(_ text: String) -> DateValue { try! DateValue.parse(text).get() }

    @Test func aNextTimeInTheSpringGapIsAnErrorAtItsValue() {
        let note = parse("date: 2026-03-20 10:00\nnext: 2026-03-29 02:30")
        let found = note.diagnostics.filter { $0.rule == Rule.fieldInvalid.rawValue }
        #expect(found.count == 1, "\(note.diagnostics)")
        #expect(found.first.map { [$0.line, $0.column] } == [4, 7])
        #expect(found.first?.message.contains("`next` 2026-03-29 02:30 does not exist in Europe/Paris: that night the clocks go from 02:00 straight to 03:00") == true,
                "\(found)")
        #expect(found.first?.french.contains("passent de 02:00 directement à 03:00") == true)
        // The value is kept (read as RFC 5545 reads it: with the offset before the change).
        #expect(note.next?.description == "2026-03-29T02:30")
        #expect(note.next?.instant(in: Self.paris) == date("2026-03-29T03:30+02:00").instant(in: Self.paris))
    }

    @Test func aSessionDateInTheGapTooAndTheEdgesAreFine() {
        #expect(parse("date: 2026-03-29 02:00\nnext: none\nnext_reason: fin").diagnostics.contains { $0.rule == Rule.fieldInvalid.rawValue })
        #expect(parse("date: 2026-03-29 02:59\nnext: none\nnext_reason: fin").diagnostics.contains { $0.rule == Rule.fieldInvalid.rawValue })
        for fields in ["date: 2026-03-29 01:59", "date: 2026-03-29 03:00", "date: 2026-03-29", "date: 2026-03-29T02:30+01:00",
                       "date: 2026-03-28 02:30", "date: 2026-10-25 02:30"] {
            let note = parse(fields + "\nnext: none\nnext_reason: fin")
            #expect(!note.diagnostics.contains { $0.rule == Rule.fieldInvalid.rawValue }, "\(fields): \(note.diagnostics)")
        }
    }

    @Test func theRepeatedAutumnHourIsItsFirstOccurrence() {
        let instant = date("2026-10-25 02:30").instant(in: Self.paris)
        #expect(instant == date("2026-10-25T02:30+02:00").instant(in: Self.paris))
        #expect(instant.timeIntervalSince1970 == date("2026-10-25T00:30Z").instant(in: Self.paris).timeIntervalSince1970)
        // Ordinary times are unchanged.
        #expect(date("2026-07-01 10:00").instant(in: Self.paris) == date("2026-07-01T08:00Z").instant(in: Self.paris))
        #expect(date("2026-01-01").instant(in: Self.paris) == date("2025-12-31T23:00Z").instant(in: Self.paris))
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(date("2026-03-08 02:30").skipped(in: newYork).map { [$0.from.hour, $0.to.hour] } == [2, 3])
        #expect(date("2026-03-08 02:30").skipped(in: Self.paris) == nil)
    }

    @Test func newRefusesATimeInTheGap() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        let result = try runJournal(["new", "session", "a", "--date", "2026-03-29 02:30", "--journal", journal.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("« 2026-03-29 02:30 » n'existe pas dans le fuseau Europe/Paris"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: journal.root.appendingPathComponent("clients/a").path) == ["client.md"])
        let fine = try runJournal(["new", "session", "a", "--date", "2026-03-29 03:30", "--journal", journal.root.path])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func lintReportsItEndToEnd() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            "clients/a/2026-03-20-session.md": Sample.note("session", "date: 2026-03-20 10:00\nnext: 2026-03-29 02:30"),
        ])
        let lint = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-03-21"])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("clients/a/2026-03-20-session.md:4:7: error: `next` 2026-03-29 02:30 n'existe pas dans le fuseau Europe/Paris"), "\(lint.stderr)")
    }
}
