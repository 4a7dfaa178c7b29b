import Foundation
import Testing
@testable import JournalKit

/// `journal report`: the sponsor report holds what `disclosure` allows and nothing else.
@Suite struct ReportTests {
    static let today = "2026-03-20"
    static let caseFile = "clients/emma-lefort/client.md"

    /// Planted in Emma Lefort's notes: session content, commitments, odds, reasons, the need and
    /// the demand, chemistry-call content, private sections and comments, contact details.
    static let secrets = [
        "quitter l'entreprise", "épuisement", "conflit larvé", "directeur régional",
        "réunion budgétaire", "Refuser une réunion", "lettre de démission", "3:1",
        "peur de froisser", "busy", "hard", "toujours pas", "tenu trois semaines",
        "besoin de reconnaissance", "surmenage", "gagne en assurance",
        "rachat difficile", "divorce", "sœur", "prud'hommes", "médiation",
        "emma.lefort@", "+33 6", "Directrice d'exploitation", "transport routier",
    ]

    /// The fixture with Emma's `disclosure` replaced.
    func journal(disclosure: [String]) throws -> TemporaryJournal {
        let journal = try fixtureJournal("agenda")
        let text = try journal.read(Self.caseFile).replacingOccurrences(
            of: "disclosure: [attendance, dates, objectives, progress, themes]",
            with: "disclosure: [\(disclosure.joined(separator: ", "))]")
        try journal.write(Self.caseFile, text)
        return journal
    }

    func report(_ disclosure: [String], _ extra: [String] = []) throws -> String {
        let journal = try journal(disclosure: disclosure)
        let result = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func expectNoSecret(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in Self.secrets {
            #expect(!text.contains(secret), "\(label): “\(secret)” leaked", sourceLocation: sourceLocation)
        }
    }

    // What the report may always say, and what each item adds.
    static let always = ["Emma Lefort", "Un accompagnement est en cours", "2026-01-05", "6 séances"]
    static let attendance = ["Séances tenues : 3 sur 6 prévues", "Séances annulées par le client : 1",
                             "Absences sans prévenir : 1"]
    static let dates = ["- 2026-01-12", "- 2026-02-02", "- 2026-02-23", "Prochain rendez-vous : 2026-03-23 14:00"]
    static let objectives = ["Présenter seule le budget d'exploitation au comité de direction",
                             "Déléguer la planification des tournées à son adjoint"]
    static let progress = [": atteint", ": en partie atteint"]
    static let themes = ["- Posture face au comité de direction", "- Délégation"]

    @Test(arguments: ["attendance", "dates", "objectives", "progress", "themes"])
    func eachDisclosureItemAloneShowsItAndNothingElse(_ item: String) throws {
        let text = try report([item])
        expectNoSecret(text, item)
        let allowed: [String: [String]] = ["attendance": Self.attendance, "dates": Self.dates,
                                           "objectives": Self.objectives, "progress": Self.progress,
                                           "themes": Self.themes]
        for expected in Self.always + allowed[item]! {
            #expect(text.contains(expected), "\(item): “\(expected)” missing")
        }
        for (other, shown) in allowed where other != item {
            for line in shown {
                #expect(!text.contains(line), "\(item): “\(line)” belongs to \(other)")
            }
        }
        #expect(!text.contains("Apaiser"), "a private objective leaked")
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("Éléments communiqués en accord avec la personne accompagnée : "))
        #expect(last.contains("est confidentiel par accord"))
    }

    @Test func withNoDisclosureOnlyTheCoachingItselfIsShown() throws {
        let text = try report([])
        expectNoSecret(text, "none")
        for expected in Self.always { #expect(text.contains(expected)) }
        for line in Self.attendance + Self.dates + Self.objectives + Self.progress + Self.themes {
            #expect(!text.contains(line), "“\(line)” shown without disclosure")
        }
        #expect(text.hasSuffix("Ce rapport ne communique que l'existence de l'accompagnement, sa date de début et le nombre de séances prévues ; tout le reste est confidentiel, par accord entre le client, le commanditaire et le coach.\n"))
    }

    @Test func everythingDisclosedIsTheGoldenAndStillNoSecret() throws {
        let all = ["attendance", "dates", "objectives", "progress", "themes"]
        let markdown = try report(all)
        expectNoSecret(markdown, "all")
        try expectGolden(markdown, "report.emma-lefort.md")
        let html = try report(all, ["--format", "html"])
        expectNoSecret(html, "html")
        try expectGolden(html, "report.emma-lefort.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.contains("<title>Rapport au commanditaire : Emma Lefort</title>"))
        #expect(html.contains("<h2>Objectifs</h2>"))
        let english = try report(all, ["--lang", "en"])
        expectNoSecret(english, "en")
        try expectGolden(english, "report.emma-lefort.en.md")
    }

    @Test func subBulletsUnderObjectivesAndThemesNeverReachTheSponsor() throws {
        let journal = try journal(disclosure: ["objectives", "progress", "themes"])
        let text = try journal.read(Self.caseFile)
            .replacingOccurrences(of: "[validated:: 2026-01-12]\n- [/]", with: """
                [validated:: 2026-01-12]
                  - SUBSECRET-ONE : elle craint le regard du DG
                    - SUBSECRET-DEEP sous-note plus bas encore
                  * [ ] SUBSECRET-BOX une case sous l'objectif
                - [/]
                """)
            .replacingOccurrences(of: "- Délégation\n", with: """
                - Délégation
                  1. SUBSECRET-THEME revient sans cesse à son ancien poste

                """)
        try journal.write(Self.caseFile, text)
        for format in ["md", "html"] {
            let result = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today,
                                         "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("SUBSECRET"), "\(format): a sub-bullet reached the sponsor")
            for expected in Self.objectives + Self.progress + Self.themes.map({ String($0.dropFirst(2)) }) {
                #expect(result.stdout.contains(expected), "\(format): “\(expected)” missing")
            }
        }
        // The two objectives keep their numbers: 1 and 2, not 1 to 5.
        let markdown = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today]).stdout
        #expect(markdown.contains("2. Déléguer la planification"))
        #expect(!markdown.contains("3. "))
    }

    /// A one-client journal: its case file's status, and its notes.
    func phaseReport(status: String?, notes: [String: String], language: String = "fr") throws -> String {
        var caseFile = "---\ntype: client\nname: Inès Phasetest\nsponsor: {name: Marc Payeur, organisation: Orgaphase}\n"
            + "contract: {start: 2026-02-02, sessions: 8}\ndisclosure: [attendance]\n"
        if let status { caseFile += "status: \(status)\n" }
        var files = ["clients/ines-phasetest/client.md": caseFile + "---\n"]
        for (name, text) in notes { files["clients/ines-phasetest/" + name] = text }
        let journal = try TemporaryJournal(files)
        let result = try runJournal(["report", "ines-phasetest", "--journal", journal.root.path, "--today", Self.today,
                                     "--lang", language])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func chemistry(_ decision: String) -> String {
        "---\ntype: chemistry\ndate: 2026-01-20 10:00\nclient_briefed: yes\ndisclosure_agreed: [attendance]\nfit: unsure\ndecision: \(decision)\n---\n"
    }
    static let held = "---\ntype: session\ndate: 2026-02-09 10:00\n---\n"

    @Test func aProspectADeclinedCallOrAClosedCaseIsNeverACoachingInProgress() throws {
        let cases: [(String?, [String: String], String)] = [
            ("prospect", [:], "Aucun accompagnement n'a commencé"),
            // Even when the chemistry call proceeded, or a session note exists: a prospect.
            ("prospect", ["c.md": Self.chemistry("proceed"), "s.md": Self.held], "Aucun accompagnement n'a commencé"),
            ("active", ["c.md": Self.chemistry("decline")], "Aucun accompagnement n'a commencé"),
            (nil, ["c.md": Self.chemistry("decline")], "Aucun accompagnement n'a commencé"),
            ("closed", [:], "Aucun accompagnement n'a commencé"),
            ("closed", ["c.md": Self.chemistry("proceed"), "s.md": Self.held], "L'accompagnement est terminé"),
            ("closed", ["c.md": Self.chemistry("decline")], "Aucun accompagnement n'a commencé"),
        ]
        for (status, notes, expected) in cases {
            let text = try phaseReport(status: status, notes: notes)
            #expect(!text.contains("en cours"), "\(status ?? "no status") \(notes.keys.sorted()): reported in progress")
            #expect(text.contains(expected), "\(status ?? "no status") \(notes.keys.sorted())")
            // Never why: nothing of the call's decision, fit or briefing.
            for word in ["decline", "refus", "unsure", "prospect", "chemistry", "entretien"] {
                #expect(!text.lowercased().contains(word), "\(word) in \(text)")
            }
            if expected.hasPrefix("Aucun") {
                // A coaching that has not started has no start date nor planned sessions to tell.
                #expect(!text.contains("2026-02-02") && !text.contains("8 séances") && !text.contains("sur 8"))
            }
        }
        let english = try phaseReport(status: "prospect", notes: [:], language: "en")
        #expect(english.contains("No coaching has started") && !english.contains("under way"))
        // Active, with or without a session held yet, and paused: under way.
        for (status, notes) in [("active", [String: String]()), ("active", ["s.md": Self.held]), ("paused", ["s.md": Self.held])] {
            #expect(try phaseReport(status: status, notes: notes).contains("Un accompagnement est en cours ; il a commencé le 2026-02-02"))
        }
    }

    @Test func anOlderJournalTemplateUsingClosedNeverSaysInProgressForAProspect() throws {
        let journal = try TemporaryJournal([
            "clients/ines-phasetest/client.md": "---\ntype: client\nname: Inès Phasetest\nstatus: prospect\nsponsor: {name: Marc Payeur}\n---\n",
            "templates/report.md": "{{% CONTENT_TYPE: TEXT}}\n{{^closed}}en cours{{/closed}}{{#closed}}pas en cours{{/closed}}|{{phase}}\n",
        ])
        let result = try runJournal(["report", "ines-phasetest", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.stdout == "pas en cours|not-started\n")
    }

    @Test func aJournalTemplateCannotReachWhatIsNotAllowed() throws {
        let journal = try journal(disclosure: ["themes"])
        try journal.write("templates/report.md",
                          "{{% CONTENT_TYPE: TEXT}}\n{{client}}|{{need}}|{{demand}}|{{#commitments}}{{text}}{{/commitments}}|{{#objectives}}{{text}}{{/objectives}}|{{#themes}}{{.}};{{/themes}}\n")
        let result = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.status == 0)
        #expect(result.stdout == "Emma Lefort|||||Posture face au comité de direction;Délégation;\n")
    }

    @Test func outWritesAtomicallyAndRefusesToOverwrite() throws {
        let journal = try fixtureJournal("agenda")
        let path = journal.root.appendingPathComponent("exports/rapport.md").path
        let first = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today, "--out", path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try journal.read("exports/rapport.md").hasPrefix("# Rapport au commanditaire : Emma Lefort"))
        try journal.write("exports/rapport.md", "mine")
        let again = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today, "--out", path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("existe déjà"))
        #expect(try journal.read("exports/rapport.md") == "mine")
        let forced = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today,
                                     "--out", path, "--force"])
        #expect(forced.status == 0)
        let unknown = try runJournal(["report", "personne", "--journal", journal.root.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("pas de client `personne`"))
    }

    @Test func htmlCarriesNoRawMarkupFromNotes() throws {
        let journal = try journal(disclosure: ["themes"])
        let text = try journal.read(Self.caseFile).replacingOccurrences(
            of: "- Délégation", with: "- Délégation <script>alert(1)</script> [lien](javascript:alert(2))")
        try journal.write(Self.caseFile, text)
        let html = try runJournal(["report", "emma-lefort", "--journal", journal.root.path, "--today", Self.today,
                                   "--format", "html"]).stdout
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
    }
}

/// `journal hours`: the hours log.
@Suite struct HoursTests {
    @Test func markdownAndCSVWithPseudonymsAndTotals() throws {
        let journal = try fixtureJournal("agenda")
        let markdown = try runJournal(["hours", "--journal", journal.root.path])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        try expectGolden(markdown.stdout, "hours.md")
        let csv = try runJournal(["hours", "--journal", journal.root.path, "--format", "csv", "--lang", "en"])
        #expect(csv.status == 0)
        try expectGolden(csv.stdout, "hours.csv")
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "client,sponsor organisation,first session,last session,sessions held,hours,sessions without duration")
        #expect(rows.last == "")
        #expect(!csv.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Named with consent; else « Client N » by rank of first session, never from the id.
        #expect(!rows.contains { $0.hasPrefix("Emma") })
        // Without consent, not the organisation either: Emma's sponsor is Transports Vermeil.
        #expect(rows.contains("Client 1,,2026-01-12,2026-02-23,3,3.50,0"))
        #expect(!csv.stdout.contains("Vermeil") && !markdown.stdout.contains("Vermeil"))
        #expect(rows.contains("Damien Faure,,2026-02-02,2026-02-16,2,2.00,1"))
        // Alice's contract says 90 minutes: her one session without `duration` counts so.
        #expect(rows.contains("Alice Perrin,,2026-03-10,2026-03-10,1,1.50,1"))
        // No consent recorded at all is no consent.
        #expect(rows.contains { $0.hasPrefix("Client 6,") })
        #expect(!csv.stdout.contains("Bruno") && !csv.stdout.contains("Chloé") && !csv.stdout.contains("Emma"))
        #expect(!csv.stdout.contains("gilles") && !csv.stdout.contains("Gilles"))
        #expect(rows.contains("Total,,2026-01-12,2026-03-13,9,10.25,2"))
    }

    @Test func aClientWithoutConsentShowsNeitherNameNorOrganisation() throws {
        let organisation = "organisation: {name: Plantorg Industries, aliases: [Plantalias], sector: chimie, size: ETI}\n"
        let sponsor = "sponsor: {name: Sylvain Plantsponsor, role: DRH, organisation: Plantsponsorg}\n"
        let session = "---\ntype: session\ndate: 2026-03-02 10:00\nduration: 60\n---\n"
        let journal = try TemporaryJournal([
            // No consent recorded, consent refused, consent given: the same planted organisation.
            "clients/zoe-plantname/client.md": "---\ntype: client\nname: Zoé Plantname\n" + organisation + sponsor + "---\n",
            "clients/zoe-plantname/s1.md": session,
            "clients/yann-plantname/client.md": "---\ntype: client\nname: Yann Plantname\n" + organisation + sponsor
                + "consent: {hours_log: false, case_study: true}\n---\n",
            "clients/yann-plantname/s1.md": session,
            "clients/xavier-named/client.md": "---\ntype: client\nname: Xavier Named\n" + organisation
                + "sponsor: {name: Sylvain Plantsponsor, role: DRH, organisation: Consentorg}\nconsent: {hours_log: true}\n---\n",
            "clients/xavier-named/s1.md": session,
        ])
        for format in ["md", "csv"] {
            let result = try runJournal(["hours", "--journal", journal.root.path, "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            for planted in ["plant", "chimie", "ETI", "Sylvain", "Zoé", "Yann"] {
                #expect(!result.stdout.lowercased().contains(planted.lowercased()), "\(format) shows \(planted)")
            }
            // The consenting client is named, with their sponsor's organisation.
            #expect(result.stdout.contains("Xavier Named") && result.stdout.contains("Consentorg"))
            #expect(result.stdout.contains("Client 2") && result.stdout.contains("Client 3"))
        }
        let log = HoursLog(book: try CaseBook.load(from: journal.index()).book)
        #expect(log.rows.filter { !$0.named }.allSatisfy { $0.sponsorOrganisation == nil })
    }

    @Test func csvFieldsAreQuotedAsRFC4180Says() {
        #expect(HoursLog.csvField("Dupont, Durand & \"fils\"") == "\"Dupont, Durand & \"\"fils\"\"\"")
        #expect(HoursLog.csvField("plain") == "plain")
    }

    @Test func aCellAFormulaCouldBeStaysText() {
        // A client named to run a formula in the coach's spreadsheet stays a name.
        #expect(HoursLog.csvField("=HYPERLINK(\"http://x.example\")") == "\"'=HYPERLINK(\"\"http://x.example\"\")\"")
        #expect(HoursLog.csvField("+33 6") == "'+33 6")
        #expect(HoursLog.csvField("@moi", separator: ";") == "'@moi")
        #expect(HoursLog.csvField("-12") == "-12")
        #expect(HoursLog.csvField("1,5", separator: ";") == "1,5")
        #expect(HoursLog.hours(45, decimalComma: true) == "0,75")
        #expect(HoursLog.hours(100, decimalComma: false) == "1.67")
    }
}

/// `journal commitments`: done rate and miss streak per client, JSON.
@Suite struct CommitmentSummaryTests {
    @Test func headersGiveTheDoneRateAndTheStreak() throws {
        let journal = try fixtureJournal("agenda")
        let result = try runJournal(["commitments", "--journal", journal.root.path, "--today", "2026-03-20",
                                     "--client", "emma-lefort"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "commitments.emma-lefort.txt")
        // mardis done; lettre dropped; budget missed twice: 1 done of 3.
        #expect(result.stdout.hasPrefix("emma-lefort  · prochain rendez-vous 2026-03-23 14:00  · faits 1 sur 3 (33 %)  · série de revues manquées : 2\n"))
        let json = try runJournal(["commitments", "--journal", journal.root.path, "--today", "2026-03-20", "--format", "json",
                                   "--owner", "coach"])
        #expect(json.status == 0)
        let groups = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(groups.map { $0["client"] as? String } == ["alice-perrin"])
        let alice = groups[0]
        #expect((alice["commitments"] as? [[String: Any]])?.count == 3)
        // Alice's own commitment is late but not missed at a review yet: counted, not done.
        #expect(alice["done"] as? Int == 0 && alice["counted"] as? Int == 1)
        #expect(alice["miss_streak"] as? Int == 0)
    }

    @Test func openCommitmentsNotYetDueDoNotCount() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\nstatus: active\n---\n",
            "clients/a/s1.md": "---\ntype: session\ndate: 2026-03-02\n---\n## Engagements\n- [x] Un\n- [ ] Deux [due:: 2026-04-01]\n- [ ] Trois [due:: 2026-03-05]\n- [-] Quatre\n",
        ])
        let book = try CaseBook.load(from: journal.index()).book
        let summary = try CommitmentSummary(book: book, query: .init(), today: LocalDate(year: 2026, month: 3, day: 10)!)
        #expect(summary.groups.count == 1)
        #expect(summary.groups[0].done == 1)
        #expect(summary.groups[0].counted == 3)
        #expect(throws: UnknownClient.self) {
            try CommitmentSummary(book: book, query: .init(client: "b"), today: LocalDate(year: 2026, month: 3, day: 10)!)
        }
    }
}
