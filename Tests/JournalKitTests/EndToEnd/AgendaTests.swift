import Foundation
import Testing
@testable import JournalKit

/// `journal agenda` and `agenda --ics`, run as a coach would on the `agenda` fixture, on
/// 2026-03-20: nine days before Europe/Paris changes to summer time.
@Suite struct AgendaTests {
    static let today = "2026-03-20"

    @Test func agendaListsExactlyTheExpectedItemsInOrder() throws {
        let journal = try fixtureJournal("agenda")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "agenda.fr.txt")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func section(_ title: String) -> [String] {
            guard let start = lines.firstIndex(of: title) else { return [] }
            return Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ") })
        }
        // Appointments by date, within the week only.
        #expect(section("Rendez-vous").map { $0.split(separator: " ").last.map(String.init) ?? "" }
                == ["emma-lefort", "alice-perrin"])
        // Most late first; the coach's own promises too, private ones marked; a closed case's left out.
        let overdue = section("Engagements en retard")
        #expect(overdue.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["53", "3", "2", "1"])
        #expect(overdue[2].contains("coach") && overdue[2].contains("article"))
        #expect(overdue[3].contains("(privé)"))
        #expect(!result.stdout.contains("plan de carrière"))
        #expect(section("Séries d'engagements manqués").count == 1)
        // Longest without a next date first; a prospect whose chemistry call proceeds counts.
        #expect(section("Sans prochain rendez-vous").map { $0.split(separator: " ").first.map(String.init) ?? "" }
                == ["chloe-dumas", "gilles-marchand"])
        // Past the cadence is the `cadence-gap` rule's lapse (more than 1.5 × and nothing planned):
        // not Damien (32 days for 14, but 2026-03-30 is fixed), not Emma (25 days for 21).
        #expect(section("Cadence dépassée").isEmpty)
        let order = ["Rendez-vous", "Engagements en retard", "Séries d'engagements manqués",
                     "Sans prochain rendez-vous"].map { lines.firstIndex(of: $0) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1))
    }

    @Test func agendaInEnglishAndAsJSON() throws {
        let journal = try fixtureJournal("agenda")
        let english = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--lang", "en",
                                      "--days", "21"])
        #expect(english.status == 0)
        try expectGolden(english.stdout, "agenda.en.txt")
        // Three weeks reach the appointments after the change to summer time.
        #expect(english.stdout.contains("2026-04-07  10:00  in 18 days  bruno-caron"))
        let json = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--format", "json"])
        #expect(json.status == 0)
        try expectGolden(json.stdout, "agenda.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let overdue = try #require(object["overdue"] as? [[String: Any]])
        #expect(overdue.map { $0["days_late"] as? Int } == [53, 3, 2, 1])
        #expect(overdue.map { $0["owner"] as? String } == ["client", "client", "coach", "coach"])
    }

    @Test func noColourInAPipeAndNothingToDoSaysSo() throws {
        let journal = try fixtureJournal("agenda")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today],
                                    environment: ["NO_COLOR": ""])
        #expect(!result.stdout.contains("\u{1B}["))
        let empty = try TemporaryJournal()
        let nothing = try runJournal(["agenda", "--journal", empty.root.path, "--today", Self.today])
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("Rien ne demande votre attention."))
        let bad = try runJournal(["agenda", "--journal", empty.root.path, "--days", "-3"])
        #expect(bad.status == 2)
    }

    @Test func colourIsOnlyAddedWhenAsked() throws {
        let journal = try fixtureJournal("agenda")
        let book = try CaseBook.load(from: journal.index()).book
        let agenda = Agenda(book: book, today: LocalDate(year: 2026, month: 3, day: 20)!, days: 7)
        let plain = agenda.text(language: .fr, colour: false)
        let coloured = agenda.text(language: .fr, colour: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[31m53 j de retard\u{1B}[0m"))
        // Colour never shifts the columns: without the escapes it is the plain text.
        var stripped = coloured
        while let start = stripped.range(of: "\u{1B}["), let end = stripped[start.upperBound...].firstIndex(of: "m") {
            stripped.removeSubrange(start.lowerBound...end)
        }
        #expect(stripped == plain)
    }

    // MARK: Calendar

    /// Writes the calendar with the built binary and parses it with Python's icalendar.
    func exportAndParse(_ journal: TemporaryJournal, _ extra: [String] = []) throws -> (text: String, parsed: [String: Any]) {
        let file = journal.root.appendingPathComponent("exports/agenda-\(UUID().uuidString).ics")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today,
                                     "--ics", file.path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: file)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", fixturesFolder.appendingPathComponent("ics_check.py").path, file.path]
        let out = Pipe(), err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        try #require(python.terminationStatus == 0,
                     "the calendar did not parse (is icalendar installed? `make setup`): \(problems)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        return (String(decoding: data, as: UTF8.self), parsed)
    }

    @Test func calendarParsesWithCorrectTimesAcrossTheChangeToSummerTime() throws {
        let journal = try fixtureJournal("agenda")
        let (text, parsed) = try exportAndParse(journal)
        #expect(parsed["version"] as? String == "2.0")
        let events = try #require(parsed["events"] as? [[String: Any]])
        func event(_ local: String) -> [String: Any]? { events.first { $0["dtstart_local"] as? String == local } }
        // Before the change (UTC+1) and after it (UTC+2): through the file's own VTIMEZONE and the zone database.
        let before = try #require(event("2026-03-24T10:00:00"))
        #expect(before["dtstart_utc"] as? String == "2026-03-24T09:00:00Z")
        #expect(before["dtstart_utc_zoneinfo"] as? String == "2026-03-24T09:00:00Z")
        #expect(before["dtstart_tzid"] as? String == "Europe/Paris")
        // The contract's duration (90 minutes) gives the end.
        #expect(before["dtend_local"] as? String == "2026-03-24T11:30:00")
        #expect(before["summary"] as? String == "Séance — A.P.")
        let after = try #require(event("2026-04-07T10:00:00"))
        #expect(after["dtstart_utc"] as? String == "2026-04-07T08:00:00Z")
        #expect(after["dtstart_utc_zoneinfo"] as? String == "2026-04-07T08:00:00Z")
        // journal.yml's `duration: 60` when the contract gives none.
        #expect(after["dtend_utc"] as? String == "2026-04-07T09:00:00Z")
        #expect(after["summary"] as? String == "Séance — B.C.")
        // A date without a time is an all-day event.
        let allDay = try #require(events.first { $0["dtstart"] as? String == "2026-03-30" })
        #expect(allDay["dtstart_all_day"] as? Bool == true)
        #expect(allDay["dtend"] as? String == "2026-03-31")
        // The cancelled session stays, marked so; the rescheduled one is replaced, never doubled.
        #expect(events.first { $0["dtstart_local"] as? String == "2026-03-09T10:00:00" }?["status"] as? String == "CANCELLED")
        #expect(events.count == 10)
        #expect(Set(events.compactMap { $0["uid"] as? String }).count == events.count)
        // To-dos: the coach's open commitments with a due date, and nothing else; not the
        // private one (due 2026-03-19), not even without its text.
        let todos = try #require(parsed["todos"] as? [[String: Any]])
        #expect(todos.compactMap { $0["due"] as? String }.sorted() == ["2026-03-18", "2026-04-01"])
        #expect(todos.allSatisfy { $0["summary"] as? String == "Engagement du coach — A.P." })
        // No full name, no id in clear, no note content.
        for secret in ["Alice", "Perrin", "Bruno", "Emma", "Lefort", "alice-perrin", "emma-lefort", "article",
                       "Relire", "priorités", "budget"] {
            #expect(!text.contains(secret), "\(secret) is in the calendar")
        }
        try expectGolden(text, "agenda.ics")
    }

    @Test func calendarFollowsRFC5545Framing() throws {
        let journal = try fixtureJournal("agenda")
        let (text, _) = try exportAndParse(journal, ["--names"])
        let bytes = Array(text.utf8)
        // CRLF everywhere, and no physical line over 75 octets.
        var index = 0
        var lineLength = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
                #expect(lineLength <= 75)
                lineLength = 0
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0A, "a bare LF at byte \(index)")
            lineLength += 1
            index += 1
        }
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.contains("CALSCALE:GREGORIAN\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/Paris:20260324T100000\r\n"))
        #expect(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
    }

    @Test func namesOptionPutsNamesAndTheCoachsNonPrivateTextIn() throws {
        let journal = try fixtureJournal("agenda")
        let (text, parsed) = try exportAndParse(journal, ["--names"])
        let events = try #require(parsed["events"] as? [[String: Any]])
        #expect(events.contains { $0["summary"] as? String == "Séance — Alice Perrin" })
        let todos = try #require(parsed["todos"] as? [[String: Any]])
        let summaries = Set(todos.compactMap { $0["summary"] as? String })
        #expect(summaries.contains("Envoyer à Alice l'article sur la délégation — Alice Perrin"))
        // Escaped and folded, the long one still parses back whole.
        #expect(summaries.contains("Préparer un exercice sur les priorités, version longue — Alice Perrin"))
        #expect(text.contains("priorités\\, version"))
        // A private commitment never leaves, even with --names: neither its text nor a to-do.
        #expect(todos.count == 2)
        #expect(!text.contains("Relire"))
        #expect(!text.contains("20260319"))
    }

    @Test func twoRunsGiveTheSameBytesAndAnEditedDateKeepsItsUID() throws {
        let journal = try fixtureJournal("agenda")
        let first = try exportAndParse(journal)
        let second = try exportAndParse(journal)
        #expect(first.text == second.text)
        func uids(_ parsed: [String: Any]) -> [String] {
            ((parsed["events"] as? [[String: Any]]) ?? []).compactMap { $0["uid"] as? String }
        }
        #expect(uids(first.parsed) == uids(second.parsed))
        // Moving an appointment in its note updates the event: same UID, new time.
        let path = "clients/bruno-caron/2026-03-13-session.md"
        try journal.write(path, try journal.read(path).replacingOccurrences(of: "next: 2026-04-07 10:00",
                                                                            with: "next: 2026-04-08 16:00"))
        let moved = try exportAndParse(journal)
        #expect(Set(uids(moved.parsed)) == Set(uids(first.parsed)))
        let events = (moved.parsed["events"] as? [[String: Any]]) ?? []
        #expect(events.contains { $0["dtstart_utc"] as? String == "2026-04-08T14:00:00Z" })
    }

    @Test func calendarRefusesToOverwriteWithoutForce() throws {
        let journal = try fixtureJournal("agenda")
        try journal.write("exports/agenda.ics", "mine")
        let path = journal.root.appendingPathComponent("exports/agenda.ics").path
        let refused = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--ics", path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        #expect(try journal.read("exports/agenda.ics") == "mine")
        let forced = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--ics", path, "--force"])
        #expect(forced.status == 0)
        #expect(try journal.read("exports/agenda.ics").hasPrefix("BEGIN:VCALENDAR"))
    }
}

/// The pieces of the calendar, one by one.
@Suite struct CalendarPartsTests {
    @Test func foldingKeepsUTF8SequencesWhole() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ContentLine.folded(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.count == 2)
        // Unfolding gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
        #expect(ContentLine.folded("SHORT:x") == "SHORT:x\r\n")
    }

    @Test func textValuesAreEscaped() {
        #expect(ContentLine.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func aZoneWithoutDaylightSavingHasOneObservance() {
        let rules = TimeZoneRules(zone: TimeZone(identifier: "Asia/Tokyo")!, years: 2026...2026)
        #expect(rules.observances == [.init(daylight: false, start: "19700101T000000", offsetFrom: 32400, offsetTo: 32400)])
        let paris = TimeZoneRules(zone: TimeZone(identifier: "Europe/Paris")!, years: 2026...2026)
        #expect(paris.observances.contains(.init(daylight: false, start: "20261025T030000", offsetFrom: 7200, offsetTo: 3600)))
        #expect(TimeZoneRules.offset(-16200) == "-0430")
    }

    @Test func aDateWithAnOffsetIsWrittenInUTC() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\nstatus: active\n---\n",
            "clients/a/s1.md": "---\ntype: session\ndate: 2026-03-02 10:00\nnext: 2026-03-24T10:00+05:00\n---\n",
        ])
        let book = try CaseBook.load(from: journal.index()).book
        let text = ICalendar(book: book, today: LocalDate(year: 2026, month: 3, day: 20)!, names: false, language: .en,
                             secret: JournalSecret(secret: String(repeating: "42", count: 32))).text
        #expect(text.contains("DTSTART:20260324T050000Z\r\nDTEND:20260324T060000Z\r\n"))
        #expect(text.contains("SUMMARY:Session — A.T.\r\n"))
    }

    @Test func initialsComeFromTheNameElseTheID() throws {
        let journal = try TemporaryJournal([
            "clients/anne-sophie/client.md": "---\ntype: client\nname: Anne-Sophie de La Tour\n---\n",
        ])
        let book = try CaseBook.load(from: journal.index()).book
        #expect(book.initials(of: "anne-sophie") == "A.S.L.T.")
        #expect(book.initials(of: "jean-roux") == "J.R.")
    }
}
