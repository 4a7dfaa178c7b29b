import Foundation
import Testing
@testable import JournalKit

/// A coach's week on the `week` fixture (issue 11): nothing false, no alarm that is not one.
/// Léa's second session carried `banquier` into `banquier-2`, reviewed an objective by its id,
/// and fixed the next date within the cadence; Hugo declined after the chemistry call; Marc's
/// coaching is closed; Inès pays for her own coaching.
@Suite struct WeekTests {
    static let today = "2026-12-01"
    static let lea = "clients/lea-moreau"

    func run(_ journal: TemporaryJournal, _ arguments: [String], today: String = Self.today,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        try runJournal(arguments + ["--journal", journal.root.path, "--today", today])
    }

    /// `journal lint`'s findings, one per line, from its error output.
    func lint(_ journal: TemporaryJournal, today: String = Self.today) throws -> [String] {
        let result = try run(journal, ["lint"], today: today)
        return (result.stdout + result.stderr).split(separator: "\n").map(String.init)
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    // MARK: 1. A skeleton is not a session

    @Test func aSkeletonIsPlannedAndSaysNothingUntilHeld() throws {
        let journal = try fixtureJournal("week")
        let new = try run(journal, ["new", "session", "lea-moreau"])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout == "\(Self.lea)/2026-12-03-session.md\n")
        let path = "\(Self.lea)/2026-12-03-session.md"
        let text = try journal.read(path)
        #expect(text.contains("\nstatus: prévue "))
        #expect(text.contains("\nnumber: 3\n"))
        #expect(text.contains("- [ ] [ref:: intervention]") && text.contains("- [ ] [ref:: article]"))

        // Before the session: no miss, no streak, no missing next date, no session "in the future".
        let before = try lint(journal)
        for rule in ["miss-without-reason", "miss-streak", "next-missing", "date-order", "planned-session-past"] {
            #expect(!before.contains { $0.contains(path) && $0.contains("[\(rule)]") }, "\(rule): \(before)")
        }
        // It keeps the number of the session it prepares, and counts as held nowhere.
        let index = try #require(try json(try run(journal, ["index", "--json"]).stdout) as? [String: Any])
        let documents = try #require(index["documents"] as? [[String: Any]])
        let planned = try #require(documents.first { $0["path"] as? String == path })
        #expect(planned["status"] as? String == "planned" && planned["number"] as? Int == 3)
        let hours = try run(journal, ["hours", "--format", "csv", "--lang", "en"]).stdout
        #expect(hours.contains(",2026-11-02,2026-11-16,2,3.00,0"), "\(hours)")
        let report = try run(journal, ["report", "lea-moreau"]).stdout
        #expect(report.contains("Séances tenues : 2 sur 6 prévues"))
        #expect(!report.contains("- 2026-12-03"))
        let agenda = try run(journal, ["agenda"]).stdout
        #expect(!agenda.contains("Séries d'engagements manqués"))

        // Its day passed: the agenda and lint remind the coach to say what happened.
        let late = try run(journal, ["agenda"], today: "2026-12-05").stdout
        #expect(late.contains("la séance prévue le 2026-12-03 10:00 n'est pas encore marquée tenue"), "\(late)")
        let after = try lint(journal, today: "2026-12-05")
        #expect(after.contains { $0.hasPrefix("\(path):8:") && $0.contains("[planned-session-past]") }, "\(after)")
        #expect(!after.contains { $0.contains("[miss-without-reason]") })

        // Marked held, its review lines speak: the two commitments past due were missed.
        try journal.write(path, text.replacingOccurrences(of: "status: prévue", with: "status: tenue"))
        let held = try lint(journal, today: "2026-12-05")
        #expect(!held.contains { $0.contains("[planned-session-past]") })
        #expect(held.filter { $0.contains(path) && $0.contains("[miss-without-reason]") }.count == 2, "\(held)")
    }

    @Test func theSkeletonIsWrittenInTheJournalsLanguageAndBothSpellingsAreRead() throws {
        let journal = try fixtureJournal("week")
        try journal.write("journal.yml", try journal.read("journal.yml").replacingOccurrences(of: "language: fr", with: "language: en"))
        #expect(try run(journal, ["new", "session", "lea-moreau"]).status == 0)
        let text = try journal.read("\(Self.lea)/2026-12-03-session.md")
        #expect(text.contains("\nstatus: planned "))
        for spelling in ["planned", "prévue", "Prévue", "prevue"] {
            let note = parseNote("---\ntype: session\ndate: 2026-12-03\nstatus: \(spelling)\n---\n")
            #expect(note.status == .planned, "\(spelling)")
            #expect(note.diagnostics.isEmpty, "\(spelling): \(note.diagnostics)")
        }
    }

    // MARK: 2. Carried commitments

    @Test func aCarriedCommitmentIsClosedAndItsSuccessorGoesOn() throws {
        let journal = try fixtureJournal("week")
        let agenda = try run(journal, ["agenda"])
        #expect(agenda.status == 0)
        #expect(!agenda.stdout.contains("banquier "), "\(agenda.stdout)")
        #expect(!agenda.stdout.contains("Appeler le banquier pour le prêt"))
        let overdue = try run(journal, ["commitments", "--overdue", "--format", "json"]).stdout
        #expect(!overdue.contains("\"banquier\""))
        let groups = try #require(try json(try run(journal, ["commitments", "--client", "lea-moreau", "--format", "json"]).stdout)
            as? [[String: Any]])
        let rows = try #require(groups.first?["commitments"] as? [[String: Any]])
        let carried = try #require(rows.first { $0["id"] as? String == "banquier" })
        let successor = try #require(rows.first { $0["id"] as? String == "banquier-2" })
        #expect(carried["status"] as? String == "carried" && carried["carried_to"] as? String == "banquier-2")
        #expect(successor["continues"] as? String == "banquier")
        let text = try run(journal, ["commitments", "--client", "lea-moreau"]).stdout
        #expect(text.contains("banquier  échéance 2026-11-10  Appeler"), "\(text)")
        #expect(!text.contains("2026-11-10 (en retard)"))
        // Not reviewed again: the successor is.
        #expect(try run(journal, ["new", "session", "lea-moreau"]).status == 0)
        let skeleton = try journal.read("\(Self.lea)/2026-12-03-session.md")
        #expect(!skeleton.contains("[ref:: banquier]") && skeleton.contains("[ref:: banquier-2]"))
        #expect(!(try lint(journal)).contains { $0.contains("[ref-unknown]") })
    }

    @Test func theNewCommitmentMayNameTheOneItContinues() throws {
        let journal = try fixtureJournal("week")
        let path = "\(Self.lea)/2026-11-16-session.md"
        try journal.write(path, try journal.read(path)
            .replacingOccurrences(of: "[ref:: banquier] [id:: banquier-2]", with: "[ref:: banquier]")
            .replacingOccurrences(of: "avec le bilan [id:: banquier-2]", with: "avec le bilan [id:: banquier-2] [ref:: banquier]"))
        let groups = try #require(try json(try run(journal, ["commitments", "--client", "lea-moreau", "--format", "json"]).stdout)
            as? [[String: Any]])
        let rows = try #require(groups.first?["commitments"] as? [[String: Any]])
        #expect(rows.first { $0["id"] as? String == "banquier-2" }?["continues"] as? String == "banquier")
        #expect(rows.first { $0["id"] as? String == "banquier" }?["carried_to"] as? String == "banquier-2")
        // A successor that does not exist is named, with where.
        try journal.write(path, try journal.read(path).replacingOccurrences(of: "- [>] [ref:: banquier]", with: "- [>] [ref:: banquier] [id:: banquier-9]"))
        #expect(try lint(journal).contains { $0.hasPrefix("\(path):13:") && $0.contains("banquier-9") && $0.contains("[ref-unknown]") })
    }

    // MARK: 3. Sponsor reports say only what is true

    @Test func aDeclinedProspectAClosedCaseAndAClientWithoutSponsor() throws {
        let journal = try fixtureJournal("week")
        // A skeleton written for Hugo by mistake is no session held either.
        #expect(try run(journal, ["new", "session", "hugo-petit", "--date", "2026-11-06 10:00"]).status == 0)
        for language in ["fr", "en"] {
            let hugo = try run(journal, ["report", "hugo-petit", "--lang", language])
            #expect(hugo.status == 0, "\(hugo.stderr)")
            #expect(hugo.stdout.contains(language == "fr" ? "Aucun accompagnement n'a commencé." : "No coaching has started."), "\(hugo.stdout)")
            for word in ["en cours", "under way", "terminé", "ended", "pas encore fixé", "not fixed yet", "décl", "declin", "refus", "cadre"] {
                #expect(!hugo.stdout.contains(word), "\(language): \(word)")
            }
            #expect(hugo.stdout.contains(language == "fr" ? "Séances tenues : 0" : "Sessions held: 0"))
            #expect(hugo.stdout.contains(language == "fr" ? "Prochain rendez-vous : aucun" : "Next appointment: none"))
            let marc = try run(journal, ["report", "marc-leroy", "--lang", language]).stdout
            #expect(marc.contains(language == "fr" ? "L'accompagnement s'est terminé le 2026-10-30 ; il a commencé le 2026-09-01"
                                                   : "The coaching ended on 2026-10-30; it started on 2026-09-01"), "\(marc)")
            #expect(!marc.contains("en cours") && !marc.contains("under way"))
            // Without any disclosure, the closing line does not speak of a coaching that "exists".
            try journal.write("clients/marc-leroy/client.md", try journal.read("clients/marc-leroy/client.md")
                .replacingOccurrences(of: "disclosure: [attendance]", with: "disclosure: []"))
            let bare = try run(journal, ["report", "marc-leroy", "--lang", language]).stdout
            #expect(bare.hasSuffix(language == "fr" ? "Ce rapport ne communique que l'état de l'accompagnement, ses dates et le nombre de séances prévues ; tout le reste est confidentiel, par accord entre le client, le commanditaire et le coach.\n"
                                                    : "This report discloses only where the coaching stands, its dates and the planned number of sessions; everything else is confidential, by agreement between the client, the sponsor and the coach.\n"), "\(bare)")
            try journal.write("clients/marc-leroy/client.md", try journal.read("clients/marc-leroy/client.md")
                .replacingOccurrences(of: "disclosure: []", with: "disclosure: [attendance]"))
        }
        let ines = try run(journal, ["report", "ines-roy"])
        #expect(ines.status == 2 && ines.stdout.isEmpty)
        #expect(ines.stderr.contains("ne nomme pas de commanditaire") && ines.stderr.contains("personne à qui adresser un rapport"))
        let english = try run(journal, ["report", "ines-roy", "--lang", "en"])
        #expect(english.status == 2 && english.stderr.contains("no one to send a sponsor report to"))
        let lea = try run(journal, ["summarize", "lea-moreau"]).stdout
        #expect(lea.contains("telle que le commanditaire l'a formulée"))
        // A summary is written in the journal's language.
        for (language, words) in [("fr", "telle que le client l'a formulée"), ("en", "as the client put it")] {
            try journal.write("journal.yml", "language: \(language)\ntimezone: Europe/Paris\n")
            let summary = try run(journal, ["summarize", "ines-roy"])
            #expect(summary.status == 0, "\(summary.stderr)")
            #expect(summary.stdout.contains(words), "\(summary.stdout)")
            #expect(!summary.stdout.contains("commanditaire") && !summary.stdout.contains("sponsor"))
        }
    }

    /// The summary's « Issue » tells where the coaching stands as the report does: a case left
    /// `active` after a declined chemistry call has not started.
    @Test func theSummaryOfADeclinedCaseLeftActiveDoesNotSayUnderWay() throws {
        let journal = try fixtureJournal("week")
        try journal.write("clients/hugo-petit/client.md", try journal.read("clients/hugo-petit/client.md")
            .replacingOccurrences(of: "status: prospect", with: "status: active"))
        for (language, words, wrong) in [("fr", "Accompagnement pas encore engagé.", "en cours"), ("en", "Coaching not started yet.", "under way")] {
            // A summary is written in the journal's language.
            try journal.write("journal.yml", "language: \(language)\ntimezone: Europe/Paris\n")
            let summary = try run(journal, ["summarize", "hugo-petit"])
            #expect(summary.status == 0, "\(summary.stderr)")
            #expect(summary.stdout.contains(words) && !summary.stdout.contains(wrong), "\(summary.stdout)")
        }
    }

    /// A summary says nothing it has nothing for: no « Contrat » without a contract, no « Le
    /// besoin » label without a need, no heading left alone (the skeleton's « Notes » unfilled).
    @Test func aSummaryHasNoEmptyLabelsNorHeadings() throws {
        let journal = try fixtureJournal("week")
        try journal.write("clients/ines-roy/client.md", try journal.read("clients/ines-roy/client.md")
            .replacingOccurrences(of: "need: Faire le deuil de son ancien poste\n", with: ""))
        #expect(try run(journal, ["new", "session", "ines-roy", "--date", "2026-12-02 18:00"]).status == 0)
        try journal.write("clients/ines-roy/2026-12-02-session.md", try journal.read("clients/ines-roy/2026-12-02-session.md")
            .replacingOccurrences(of: "## Notes\n", with: "## Notes\n\n### Ressenti\n\n## Déroulé\n\nElle parle de son équipe.\n"))
        let summary = try run(journal, ["summarize", "ines-roy", "--no-anonymise"])
        #expect(summary.status == 0, "\(summary.stderr)")
        let text = summary.stdout
        #expect(text.contains("- Séances tenues à ce jour : 1\n") && !text.contains("Contrat"), "\(text)")
        #expect(text.contains("**La demande**") && !text.contains("**Le besoin**"), "\(text)")
        #expect(!text.contains("#### Notes") && !text.contains("#### Ressenti"), "\(text)")
        #expect(text.contains("#### Déroulé\n\nElle parle de son équipe."), "\(text)")
    }

    // MARK: 4. Duration and mode of a new session

    @Test func aNewSessionTakesItsLengthAndModeFromTheContractTheSettingsOrTheLastSession() throws {
        let journal = try fixtureJournal("week")
        #expect(try run(journal, ["new", "session", "lea-moreau"]).status == 0)
        let path = "\(Self.lea)/2026-12-03-session.md"
        let fromContract = try journal.read(path)
        #expect(fromContract.contains("\nmode: présentiel\nduration: 90\n"), "\(fromContract)")
        // Held as written, it counts an hour and a half in the hours log.
        try journal.write(path, fromContract.replacingOccurrences(of: "status: prévue", with: "status: tenue"))
        let hours = try run(journal, ["hours", "--format", "csv", "--lang", "en"], today: "2026-12-04").stdout
        #expect(hours.contains(",2026-11-02,2026-12-03,3,4.50,0"), "\(hours)")

        // No contract length or mode: journal.yml's.
        try journal.write("journal.yml", try journal.read("journal.yml") + "mode: téléphone\nduration: 1h\n")
        try journal.write("\(Self.lea)/client.md", try journal.read("\(Self.lea)/client.md")
            .replacingOccurrences(of: ", duration: 1h30, mode: présentiel", with: ""))
        #expect(try run(journal, ["new", "session", "lea-moreau", "--date", "2026-12-17 10:00"]).status == 0)
        #expect(try journal.read("\(Self.lea)/2026-12-17-session.md").contains("\nmode: téléphone\nduration: 60\n"))

        // Neither: the previous session's (Inès: by phone, 45 minutes), in the journal's words.
        try journal.write("journal.yml", "language: fr\ntimezone: Europe/Paris\n")
        #expect(try run(journal, ["new", "session", "ines-roy"]).status == 0)
        #expect(try journal.read("clients/ines-roy/2026-12-04-session.md").contains("\nmode: téléphone\nduration: 45\n"))
        #expect(!(try lint(journal)).contains { $0.contains("[config-invalid]") || $0.contains("[field-invalid]") || $0.contains("[field-unknown]") })
    }

    // MARK: 5. Objectives keep their history

    @Test func anObjectiveNamedInALaterNoteIsOneObjectiveWithItsHistory() throws {
        let journal = try fixtureJournal("week")
        let index = try #require(try json(try run(journal, ["index", "--json"]).stdout) as? [String: Any])
        let objectives = try #require(index["objectives"] as? [[String: Any]]).filter { $0["client"] as? String == "lea-moreau" }
        #expect(objectives.map { $0["id"] as? String } == ["comite", "devis"])
        #expect(objectives.map { $0["status"] as? String } == ["partial", "done"])
        let history = try #require(objectives[1]["history"] as? [[String: Any]])
        #expect(history.count == 1 && history[0]["date"] as? String == "2026-11-16"
                && history[0]["path"] as? String == "\(Self.lea)/2026-11-16-session.md")
        #expect(!(try lint(journal)).contains { $0.contains("[ref-unknown]") || $0.contains("[id-duplicate]") })

        let report = try run(journal, ["report", "lea-moreau"]).stdout
        #expect(report.contains("1. Prendre la parole en comité sans notes : en partie atteint"), "\(report)")
        #expect(report.contains("2. Déléguer le suivi des devis : atteint"))
        #expect(!report.contains("3. ") && !report.contains("a parlé deux fois"))
        let summary = try run(journal, ["summarize", "lea-moreau"]).stdout
        #expect(summary.components(separatedBy: "Déléguer le suivi des devis").count == 2, "\(summary)")
        #expect(!summary.contains("a parlé deux fois sans notes ("))

        // A progress written under a private heading stays out of the sponsor's report.
        let path = "\(Self.lea)/2026-11-16-session.md"
        try journal.write(path, try journal.read(path) + "\n## Notes privées\n\n### Revue\n\n- [x] [ref:: comite] atteint, selon elle\n")
        let privately = try run(journal, ["report", "lea-moreau"]).stdout
        #expect(privately.contains("1. Prendre la parole en comité sans notes : en partie atteint"), "\(privately)")
        // An objective's id used twice is named, with the way to record progress instead.
        try journal.write(path, try journal.read(path).replacingOccurrences(of: "- [/] [ref:: comite]", with: "- [/] Parler [id:: comite]"))
        #expect(try lint(journal).contains { $0.hasPrefix("\(path):19:") && $0.contains("[ref:: comite]") && $0.contains("[id-duplicate]") })
    }

    /// A commitment given an objective's id is an error, and a review naming that id moves the
    /// commitment only: dropping it never reports the objective as abandoned to the sponsor.
    @Test func aCommitmentWithAnObjectivesIdDoesNotMoveTheObjective() throws {
        let journal = try fixtureJournal("week")
        try journal.write("\(Self.lea)/2026-11-30-session.md", Sample.note("session", "date: 2026-11-30 10:00\nnext: 2026-12-14 10:00",
            "## Engagements\n\n- [ ] Préparer le comité de janvier [id:: comite] [due:: 2026-12-10]\n"))
        try journal.write("\(Self.lea)/2026-12-14-session.md", Sample.note("session", "date: 2026-12-14 10:00\nnext: 2026-12-28 10:00",
            "## Revue des engagements\n\n- [-] [ref:: comite] plus utile [reason:: not-useful]\n"))
        let findings = try lint(journal, today: "2026-12-20")
        #expect(findings.contains { $0.hasPrefix("\(Self.lea)/2026-11-30-session.md:") && $0.contains("déjà celui d'un objectif")
                                     && $0.contains("[id-duplicate]") }, "\(findings)")
        let index = try #require(try json(try run(journal, ["index", "--json"], today: "2026-12-20").stdout) as? [String: Any])
        let objective = try #require((index["objectives"] as? [[String: Any]])?.first { $0["id"] as? String == "comite" })
        #expect(objective["status"] as? String == "partial" && (objective["history"] as? [Any])?.count == 1, "\(objective)")
        let commitment = try #require((index["commitments"] as? [[String: Any]])?.first { $0["id"] as? String == "comite" })
        #expect(commitment["status"] as? String == "dropped")
        let report = try run(journal, ["report", "lea-moreau"], today: "2026-12-20").stdout
        #expect(report.contains("1. Prendre la parole en comité sans notes : en partie atteint"), "\(report)")
    }

    // MARK: 6. One definition of a cadence past

    @Test func theAgendaAndTheCadenceRuleAgree() throws {
        let journal = try fixtureJournal("week")
        let last = "\(Self.lea)/2026-11-16-session.md"
        // Léa: a 2-week cadence, last session 2026-11-16, next fixed for 2026-12-03 (then passed).
        for (day, expected) in [("2026-12-01", false), ("2026-12-06", false), ("2026-12-07", false),
                                ("2026-12-08", true), ("2026-12-20", true)] {
            let agenda = try run(journal, ["agenda"], today: day).stdout
            let inAgenda = agenda.contains("Cadence dépassée\n  lea-moreau")
            let inLint = try lint(journal, today: day).contains { $0.hasPrefix(last) && $0.contains("[cadence-gap]") }
            #expect(inAgenda == expected, "\(day): agenda \(agenda)")
            #expect(inLint == expected, "\(day): lint")
            // The rhythm in words, never journal.yml's `2w`.
            if expected {
                #expect(agenda.contains("une séance toutes les 2 semaines (14 j), dernière séance le 2026-11-16"), "\(agenda)")
                #expect(try lint(journal, today: day).contains { $0.hasPrefix(last) && $0.contains("pour une séance prévue toutes les 2 semaines [cadence-gap]") })
            }
        }
        #expect(Cadence(count: 1, unit: .month).spelled.fr == "tous les mois")
        #expect(Cadence(count: 15, unit: .day).spelled.fr == "tous les 15 jours")
        #expect(Cadence(count: 1, unit: .week).spelled.en == "every week")
        #expect(Cadence(count: 3, unit: .week).spelled.en == "every 3 weeks")
        #expect(Cadence(count: 3, unit: .year).amount.fr == "3 ans" && Cadence(count: 1, unit: .month).amount.en == "1 month")
        // The retention, in words too.
        try journal.write("journal.yml", try journal.read("journal.yml") + "retention: 1 an\n")
        #expect(try lint(journal, today: "2028-01-01").contains {
            $0.hasPrefix("clients/marc-leroy/client.md:") && $0.contains("plus longtemps que la durée de conservation (1 an)") })
        // A planned session within reach is an appointment planned too.
        #expect(try run(journal, ["new", "session", "lea-moreau", "--date", "2026-12-22 10:00"]).status == 0)
        let agenda = try run(journal, ["agenda"], today: "2026-12-20").stdout
        #expect(!agenda.contains("Cadence dépassée"), "\(agenda)")
        #expect(!agenda.split(separator: "\n").contains { $0.contains("lea-moreau") && $0.contains("depuis") }, "\(agenda)")
        #expect(agenda.contains("2026-12-22  10:00  dans 2 jours  lea-moreau"))
        #expect(!(try lint(journal, today: "2026-12-20")).contains { $0.contains("[cadence-gap]") })
    }
}
