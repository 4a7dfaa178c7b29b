import Foundation
import Testing
@testable import JournalKit

@Suite struct ValueTests {
    /// The byte shortcuts of the cold index say what the slower readings they skip would say.
    @Test func byteShortcutsAgreeWithTheReadingsTheySkip() {
        func reference(_ text: String) -> String {
            var scalars = Substring(text)
            while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
            while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
            return String(scalars)
        }
        for text in ["done", " done", "done ", "\tdone\r\n", "\u{A0}done", "done\u{85}", "a\u{301}", "\u{1C}x\u{1F}", "x\u{7F}",
                     "é", "", " ", "\r\n", "a b", "\u{2028}a", "a\u{3000}"] {
            #expect(text.trimmingWhitespace == reference(text), "\(text.debugDescription)")
        }
        for text in ["a_b", "no byte", "_", "é_é", ""] {
            #expect(text.replacingByte(UInt8(ascii: "_"), with: "-") == text.replacingOccurrences(of: "_", with: "-"))
        }
        for path in ["clients/a/2026-01-01-session.md", "x.md", "a/b/", "a//b.md", "/", "", "notes", "clients/é/n.md"] {
            let expected = (path.split(separator: "/").last.map(String.init) ?? path)
            #expect(Note.stem(of: path) == (expected.hasSuffix(".md") ? String(expected.dropLast(3)) : expected), "\(path)")
        }
    }

    @Test(arguments: [
        ("2026-03-18", "2026-03-18"), ("18/03/2026", "2026-03-18"), ("8/3/2026", "2026-03-08"),
        ("2026-03-18 10:00", "2026-03-18T10:00"), ("2026-03-18T10:00", "2026-03-18T10:00"),
        ("2026-03-18T10:00:30", "2026-03-18T10:00"), ("2026-03-18T10:00+01:00", "2026-03-18T10:00+01:00"),
        ("2026-03-18T10:00+0200", "2026-03-18T10:00+02:00"), ("2026-03-18T10:00Z", "2026-03-18T10:00+00:00"),
        ("18/03/2026 10:00", "2026-03-18T10:00"), ("18/03/2026 10h00", "2026-03-18T10:00"),
        ("18/03/2026 9h", "2026-03-18T09:00"), ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"),
    ])
    func datesAccepted(_ text: String, _ expected: String) throws {
        #expect(try DateValue.parse(text).get().description == expected)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "31/04/2026", "2026-04-31"])
    func impossibleDates(_ text: String) {
        #expect(DateValue.parse(text) == .failure(.impossibleDate(text)))
    }

    @Test(arguments: ["", "demain", "03/18/2026", "2026-03-18 24:00", "2026-03-18 10:60", "2026/03/18", "18-03-2026",
                      "2026-03-18 10", "2026-03-18T10:00+25:00"])
    func notDates(_ text: String) {
        #expect((try? DateValue.parse(text).get()) == nil)
    }

    @Test func hugeInputIsRejectedAtOnce() {
        let huge = String(repeating: "2026-03-18", count: 100_000)
        #expect((try? DateValue.parse(huge).get()) == nil)
        #expect((try? Minutes.parse(huge).get()) == nil)
        #expect((try? Odds.parse(huge).get()) == nil)
    }

    @Test func instantsFollowTheJournalZoneAcrossDaylightSaving() throws {
        let paris = TimeZone(identifier: "Europe/Paris")!
        let before = try DateValue.parse("2026-03-28 10:00").get().instant(in: paris)
        let after = try DateValue.parse("2026-03-30 10:00").get().instant(in: paris)
        #expect(after.timeIntervalSince(before) == 2 * 86_400 - 3_600)
        let explicit = try DateValue.parse("2026-03-30T10:00+01:00").get().instant(in: paris)
        #expect(explicit.timeIntervalSince(after) == 3_600)
    }

    @Test func calendarArithmetic() throws {
        let date = try LocalDate.parse("2026-02-27").get()
        #expect(date.adding(days: 2).description == "2026-03-01")
        #expect(date.days(to: try LocalDate.parse("2027-02-27").get()) == 365)
        #expect(LocalDate(dayNumber: 0).description == "1970-01-01")
    }

    @Test(arguments: [("60", 60), ("90", 90), ("1h30", 90), ("1 h 30", 90), ("1h", 60), ("2h", 120),
                      ("45min", 45), ("45 min", 45), ("1h30min", 90)])
    func durations(_ text: String, _ minutes: Int) throws {
        #expect(try Minutes.parse(text).get() == minutes)
    }

    @Test(arguments: ["", "0", "1h60", "long", "-5", "h"])
    func badDurations(_ text: String) {
        #expect((try? Minutes.parse(text).get()) == nil)
    }

    @Test(arguments: [("3w", "3w", 21), ("10d", "10d", 10), ("1m", "1m", 30), ("3 w", "3w", 21), ("2s", "2w", 14),
                      ("15j", "15d", 15), ("2 mois", "2m", 60), ("3y", "3y", 1095), ("3 ans", "3y", 1095)])
    func cadences(_ text: String, _ canonical: String, _ days: Int) throws {
        let cadence = try Cadence.parse(text).get()
        #expect(cadence.description == canonical)
        #expect(cadence.days == days)
    }

    @Test(arguments: [("10:1", 10.0 / 11, false), ("1:1", 0.5, true), ("1:3", 0.25, true), ("90%", 0.9, true),
                      ("95 %", 0.95, false), ("20:1", 20.0 / 21, false)])
    func odds(_ text: String, _ probability: Double, _ low: Bool) throws {
        let odds = try Odds.parse(text).get()
        #expect(abs(odds.probability - probability) < 1e-9)
        #expect(odds.isBelowTenToOne == low)
    }

    @Test(arguments: ["0:0", "-1:2", "120%", "a:b", "10/1", "10"])
    func badOdds(_ text: String) {
        #expect((try? Odds.parse(text).get()) == nil)
    }

    @Test func frenchSpellings() {
        #expect(Mode.parse("Présentiel") == .inPerson)
        #expect(Mode.parse("téléphone") == .phone)
        #expect(SessionStatus.parse("no_show") == .noShow)
        #expect(SessionStatus.parse("Annulée") == .cancelled)
        #expect(Party.parse("Commanditaire") == .sponsor)
        #expect(ClientStatus.parse("clôturé") == .closed)
        #expect(DocumentType.parse("tripartite") == .threeWay)
        #expect(Disclosure.parse("Thèmes") == .themes)
        #expect(MissReason.parse("Bloqué").canonical == "stuck")
        #expect(MissReason.parse("pas-utile").canonical == "not-useful")
        #expect(MissReason.parse("Trop de réunions").canonical == "Trop de réunions")
        #expect(Mode.parse("pigeon") == nil)
    }

    @Test(arguments: [("🎯 Objectif(s) de coaching :", "objectif(s) de coaching"), ("Tâches", "taches"),
                      ("ENGAGEMENTS:", "engagements"), ("  Notes   privées ", "notes privees"), ("Œuvre", "oeuvre"),
                      ("✅ Revue", "revue")])
    func folding(_ text: String, _ folded: String) {
        #expect(TextFold.fold(text) == folded)
    }
}
