import Foundation
import Testing
@testable import JournalKit

/// The last check on the sponsor report, the hours log and the calendar: it reads the text as it
/// will be read, stops what must not be there, and lets through what is allowed (no false
/// refusal on the fixtures, on an objective restated in a session, on a shared surname).
@Suite struct OutputCheckTests {
    static let today = LocalDate(year: 2026, month: 3, day: 20)!
    /// The front-matter of a session of Emma's added to the fixture.
    static let session = "---\ntype: session\ndate: 2026-03-16 10:00\nduration: 60\nnext: 2026-03-30 10:00\n---\n\n"

    func loaded(_ journal: TemporaryJournal) throws -> (Journal, CaseBook) {
        (try journal.journal(), try CaseBook.load(from: journal.index()).book)
    }

    func refusal(_ body: () throws -> Void) -> OutputCheck.Refused? {
        do {
            try body()
            return nil
        } catch let refused as OutputCheck.Refused {
            return refused
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func aReportIsStoppedWhenItQuotesTheNotes() throws {
        let journal = try fixtureJournal("agenda")
        let (opened, book) = try loaded(journal)
        let report = try SponsorReport(book: book, client: "emma-lefort", today: Self.today)
        let text = try report.markdown(language: .fr, journal: opened)
        // As built, the report passes, in Markdown and in HTML.
        try OutputCheck.report(text, html: false, report: report, book: book, journal: opened)
        try OutputCheck.report(try report.html(language: .fr, journal: opened), html: true, report: report, book: book, journal: opened)
        // A session's sentence, the need, a commitment, the case file's own context: each is stopped.
        for leaked in ["Elle envisage de quitter l'entreprise d'ici l'automne.",
                       "Un besoin de reconnaissance qui passe par le surmenage.",
                       "Préparer la réunion budgétaire avec son adjoint",
                       "Arrivée après un rachat difficile ; son équipe l'a d'abord tenue à distance."] {
            let refused = refusal { try OutputCheck.report(text + "\n" + leaked + "\n", html: false, report: report, book: book, journal: opened) }
            #expect(refused?.hits.contains { $0.what == "private text" } == true, "\(leaked)")
        }
        let html = "<html><body><p>ok</p><!-- Elle envisage de quitter l'entreprise d'ici l'automne. --></body></html>"
        #expect(refusal { try OutputCheck.report(html, html: true, report: report, book: book, journal: opened) } != nil)
    }

    @Test func anObjectiveRestatedInASessionMayBeReported() throws {
        let journal = try fixtureJournal("agenda")
        try journal.write("clients/emma-lefort/2026-03-16-session.md", Self.session + """
            Nous avons repris : présenter seule le budget d'exploitation au comité de direction.

            """)
        try journal.backdate()
        let (opened, book) = try loaded(journal)
        let report = try SponsorReport(book: book, client: "emma-lefort", today: Self.today)
        try OutputCheck.report(try report.markdown(language: .fr, journal: opened), html: false, report: report, book: book, journal: opened)
    }

    @Test func theHoursLogNamesNoClientWithoutConsent() throws {
        let journal = try TemporaryJournal([
            "clients/lea-morel/client.md": "---\ntype: client\nname: Léa Morel\norganisation: {name: Brasserie Quéméner}\nconsent: {hours_log: false}\nstatus: active\n---\n",
            "clients/paul-morel/client.md": "---\ntype: client\nname: Paul Morel\nconsent: {hours_log: true}\nstatus: active\n---\n",
            "clients/lea-morel/2026-03-02-session.md": "---\ntype: session\ndate: 2026-03-02\nduration: 60\nnext: none\nnext_reason: fin\n---\n",
            "clients/paul-morel/2026-03-03-session.md": "---\ntype: session\ndate: 2026-03-03\nduration: 60\nnext: none\nnext_reason: fin\n---\n",
        ], config: "language: fr\ntimezone: Europe/Paris\ncoach: Claire Fontaine\n")
        try journal.backdate()
        let (_, book) = try loaded(journal)
        let log = HoursLog(book: book)
        for text in [log.markdown(language: .fr, coach: "Claire Fontaine"), log.csv(language: .fr)] {
            // Paul agreed: « Paul Morel » is shown, and the surname he shares with Léa is no hit.
            #expect(text.contains("Paul Morel"))
            try OutputCheck.hours(text, book: book)
        }
        for leaked in ["Léa Morel", "Léa", "lea-morel", "Brasserie Quéméner", "Quéméner"] {
            let refused = refusal { try OutputCheck.hours(log.markdown(language: .fr, coach: nil) + "| \(leaked) |\n", book: book) }
            #expect(refused != nil, "\(leaked)")
        }
    }

    @Test func theCalendarCarriesNoNameWithoutNamesAndNoPrivateText() throws {
        let journal = try fixtureJournal("agenda")
        try journal.write("clients/emma-lefort/2026-03-16-session.md", Self.session + """
            ## Engagements

            - [ ] Envoyer la grille d'entretien à Emma  [owner:: coach]  [due:: 2026-03-25]

            ## Notes privées

            Son frère traverse une longue maladie et elle le soutient seule.

            """)
        try journal.backdate()
        let (opened, book) = try loaded(journal)
        let secret = try JournalSecret.load(root: opened.root, process: .current)
        for names in [false, true] {
            let calendar = ICalendar(book: book, today: Self.today, names: names, language: .fr, secret: secret)
            try OutputCheck.calendar(calendar.text, book: book, journal: opened, names: names)
        }
        let plain = ICalendar(book: book, today: Self.today, names: false, language: .fr, secret: secret).text
        #expect(refusal { try OutputCheck.calendar(plain + "SUMMARY:Séance — Emma Lefort\r\n", book: book, journal: opened, names: false) } != nil)
        // A name folded across two content lines is whole again for the check.
        #expect(refusal { try OutputCheck.calendar(plain + "SUMMARY:Séance — Emma Le\r\n fort\r\n", book: book, journal: opened, names: false) } != nil)
        let named = ICalendar(book: book, today: Self.today, names: true, language: .fr, secret: secret).text
        #expect(named.contains("Emma"))
        let refused = refusal {
            try OutputCheck.calendar(named + "DESCRIPTION:Son frère traverse une longue maladie et elle le soutient seule.\r\n",
                                     book: book, journal: opened, names: true)
        }
        #expect(refused?.hits.contains { $0.what == "private text" } == true)
    }

    /// A calendar's UIDs are our own hex: « dec » in one (a 1 in 20 chance or so with a random
    /// journal.key) is not Declan's alias « Dec ». Anything else on a UID line still counts.
    @Test func calendarIDsAreNotNames() throws {
        let journal = try fixtureJournal("privacy-adversarial-en")
        let (opened, book) = try loaded(journal)
        let secret = try JournalSecret.load(root: opened.root, process: .current)
        let plain = ICalendar(book: book, today: Self.today, names: false, language: .en, secret: secret).text
        let chance = "UID:" + "0123456789abcdef0123456789a" + "1dec2" + "@journal\r\n"
        #expect(refusal { try OutputCheck.calendar(plain + chance, book: book, journal: opened, names: false) } == nil)
        #expect(refusal { try OutputCheck.calendar(plain + "UID:Declan O'Rourke@journal\r\n", book: book, journal: opened, names: false) } != nil)
        #expect(refusal { try OutputCheck.calendar(plain + "UID:1dec2 Dec@journal\r\n", book: book, journal: opened, names: false) } != nil)
        #expect(OutputCheck.isOurUID("UID:0123456789abcdef0123456789abcdef@journal"))
        #expect(!OutputCheck.isOurUID("UID:0123456789abcdef0123456789abcdef@journal Dec"))
        #expect(!OutputCheck.isOurUID("UID:0123456789ABCDEF0123456789abcdef@journal"))
    }

    @Test(arguments: ["agenda", "basic", "week", "messages-fr", "privacy-fr", "privacy-en", "privacy-adversarial-fr", "privacy-adversarial-en", "private-headings"])
    func noFixtureOutputIsRefused(_ name: String) throws {
        let journal = try fixtureJournal(name)
        let root = journal.root.path
        let today = ["--journal", root, "--today", "2026-03-20"]
        for command in [["hours"], ["hours", "--format", "csv"], ["agenda", "--ics", "-"], ["agenda", "--ics", "-", "--names"]] {
            let result = try runJournal(command + today)
            #expect(result.status == 0, "\(name) \(command): \(result.stderr)")
        }
        for client in try FileManager.default.contentsOfDirectory(atPath: journal.root.appendingPathComponent("clients").path) {
            for format in ["md", "html"] {
                let result = try runJournal(["report", client, "--format", format] + today)
                // 2 when the case has no sponsor; never 1, a refusal, on what the report builds itself.
                #expect(result.status != 1, "\(name) report \(client): \(result.stderr)")
            }
        }
    }
}
