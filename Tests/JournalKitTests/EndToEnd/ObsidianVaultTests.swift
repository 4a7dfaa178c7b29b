import Foundation
import Testing
@testable import JournalKit

/// A journal kept in an Obsidian vault with the Tasks and Dataview plugins (the `obsidian`
/// fixture: one commitment line per signifier and field form, a global filter, declared
/// checkboxes, `%%` comments, wikilinks), run through the built binary as a coach would.
@Suite struct ObsidianVaultTests {
    static let today = "2026-03-20"

    /// What must never be seen in an output: every Tasks emoji, Dataview's `::`, Obsidian's
    /// comment and link brackets, block ids, the global filter, and what the comments say.
    static let signifiers = ["➕", "⏳", "⌛", "🛫", "📅", "📆", "🗓", "✅", "❌", "⏬", "🔽", "🔼", "⏫", "🔺", "🔁", "🆔", "⛔", "🏁",
                             "\u{FE0F}", "::", "%%", "[[", "]]", "#task", "^relance", "^s1-intro", "^obj-roles", "^contexte"]
    static let secrets = ["quitter la brasserie", "fatigue", "santé", "départ de Paul", "pleuré", "son père"]

    static func expectClean(_ output: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for signifier in signifiers + secrets {
            #expect(!output.contains(signifier), "\(what) shows “\(signifier)”:\n\(output)", sourceLocation: sourceLocation)
        }
    }

    @Test func indexReadsEverySignifierAndFormAndMatchesItsGolden() throws {
        let journal = try fixtureJournal("obsidian")
        let result = try runJournal(["index", "--json", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "obsidian.index.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let commitments = try #require(object["commitments"] as? [[String: Any]])
        func commitment(_ text: String) -> [String: Any]? { commitments.first { $0["text"] as? String == text } }
        // Only the items carrying the global filter are commitments, and it is out of their text.
        #expect(commitments.count == 25)
        #expect(commitment("Acheter du café (une simple liste, sans le filtre)") == nil)
        #expect(commitment("Préparer la liste des dossiers à déléguer")?["created"] as? String == "2026-03-02")
        #expect(commitment("Réserver une salle pour l'atelier")?["scheduled"] as? String == "2026-03-09")
        #expect(commitment("Relire la charte d'équipe")?["start"] as? String == "2026-03-04")
        #expect(commitment("Envoyer le compte rendu")?["status"] as? String == "done")
        #expect(commitment("Refaire l'organigramme")?["status"] as? String == "dropped")
        #expect(commitments.compactMap { $0["priority"] as? String }
                == ["highest", "high", "medium", "low", "lowest", "high", "low"])
        #expect(commitment("Faire le point avec l'équipe")?["recurrence"] as? String == "every week on Monday")
        #expect(commitment("Lancer la formation")?["depends_on"] as? [String] == ["presta", "devis"])
        #expect(commitment("Lancer la formation")?["blocked_by"] as? [String] == ["devis"])
        #expect(commitment("Signer le devis")?["blocked_by"] as? [String] == [])
        #expect(commitment("Former les extras")?["blocked_by"] as? [String] == ["fiches"])
        #expect(commitment("Préparer le budget")?["due"] as? String == "2026-03-27")
        #expect(commitment("Afficher les horaires")?["status"] as? String == "done")
        #expect(commitment("Déplacer la réunion du lundi")?["status"] as? String == "dropped")
        #expect(commitment("Appeler la comptable")?["due"] as? String == "2026-03-20")
        #expect(commitment("Relancer Karim sur devis-linge.pdf")?["status"] as? String == "partial")
        for item in commitments { Self.expectClean(item["text"] as? String ?? "", "the index") }
    }

    @Test func lintRaisesNothingObsidianWrites() throws {
        let journal = try fixtureJournal("obsidian")
        let result = try runJournal(["lint", "--format", "json", "--today", Self.today, "--journal", journal.root.path])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["rule"] as? String })
        for rule in ["field-unknown", "field-invalid", "marker-invalid", "comment-unclosed", "ref-unknown"] {
            #expect(!rules.contains(rule), "\(findings.filter { $0["rule"] as? String == rule })")
        }
        // A commitment waiting for one still open is followed through its blocker.
        let unreviewed = findings.filter { $0["rule"] as? String == "commitment-unreviewed" }.compactMap { $0["message"] as? String }
        #expect(unreviewed.contains { $0.contains("Signer le devis") })
        #expect(!unreviewed.contains { $0.contains("Lancer la formation") || $0.contains("Former les extras") })
    }

    @Test func agendaShowsCleanTextsAndNoBlockedCommitmentAsLate() throws {
        let journal = try fixtureJournal("obsidian")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectClean(result.stdout, "the agenda")
        #expect(result.stdout.contains("Signer le devis"))
        #expect(result.stdout.contains("Faire le point avec l'équipe"))
        // Its due date is past, but it waits for « Signer le devis », still open.
        #expect(!result.stdout.contains("Lancer la formation"))
        let json = try runJournal(["agenda", "--format", "json", "--journal", journal.root.path, "--today", Self.today])
        Self.expectClean(json.stdout, "the agenda in JSON")
        let commitments = try runJournal(["commitments", "--journal", journal.root.path, "--today", Self.today])
        #expect(commitments.status == 0, "\(commitments.stderr)")
        Self.expectClean(commitments.stdout, "the commitments list")
        #expect(commitments.stdout.contains("attend devis"))
    }

    @Test func calendarShowsCleanTexts() throws {
        let journal = try fixtureJournal("obsidian")
        let file = journal.root.appendingPathComponent("agenda.ics")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", "2026-03-10", "--ics", file.path, "--names"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        Self.expectClean(text, "the calendar")
        #expect(text.contains("SUMMARY:Préparer l'entretien"))
    }

    @Test func summaryShowsCleanTextsAndNoComment() throws {
        let journal = try fixtureJournal("obsidian")
        for format in ["markdown", "html"] {
            let result = try runJournal(["summarize", "ines-garnier", "--format", format, "--journal", journal.root.path])
            #expect(result.status == 0, "\(result.stderr)")
            Self.expectClean(result.stdout, "the \(format) summary")
            let words = Set(WordTokens.folded(result.stdout))
            for name in ["ines", "garnier", "karim"] { #expect(!words.contains(name), "\(format) leaks \(name)") }
            if format == "markdown" {
                try expectGolden(result.stdout, "summary.ines-garnier.md")
                #expect(result.stdout.contains("avec l'appui de sa cheffe de rang."))
                #expect(result.stdout.contains("Relancer [personne] sur devis-linge.pdf"))
            }
        }
    }

    @Test func lintFixNormalisesTowardTheDeclaredFormatOnly() throws {
        let note = Sample.note("session", "date: 2026-03-18\nnext: none\nnext_reason: fin",
                               "## Engagements\n- [ ] Appeler 📅 2026-04-01 🆔 appel\n- [ ] Écrire [due:: 2026-04-02]  (id:: ecrire)  [odds:: 10:1]\n")
        let dataview = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "clients/a/2026-03-18-session.md": note])
        _ = try runJournal(["lint", "--fix", "--force", "--today", "2026-03-20", "--journal", dataview.root.path])
        let fixed = try dataview.read("clients/a/2026-03-18-session.md")
        #expect(fixed.contains("- [ ] Appeler [due:: 2026-04-01] [id:: appel]\n"), "\(fixed)")
        #expect(fixed.contains("- [ ] Écrire [due:: 2026-04-02]  (id:: ecrire)  [odds:: 10:1]\n"), "\(fixed)")
        let emoji = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "clients/a/2026-03-18-session.md": note],
                                         config: "language: fr\ntimezone: Europe/Paris\ntasks: {format: emoji}\n")
        _ = try runJournal(["lint", "--fix", "--force", "--today", "2026-03-20", "--journal", emoji.root.path])
        let kept = try emoji.read("clients/a/2026-03-18-session.md")
        #expect(kept.contains("- [ ] Appeler 📅 2026-04-01 🆔 appel\n"), "\(kept)")
        #expect(kept.contains("- [ ] Écrire 📅 2026-04-02  🆔 ecrire  [odds:: 10:1]\n"), "\(kept)")
        // Both read the same commitments afterwards.
        let parsed = [fixed, kept].map { parseNote($0).items.map { "\($0.text) \($0.due?.description ?? "") \($0.id ?? "")" } }
        #expect(parsed[0] == parsed[1])
        #expect(parsed[0] == ["Appeler 2026-04-01 appel", "Écrire 2026-04-02 ecrire"])
    }
}
