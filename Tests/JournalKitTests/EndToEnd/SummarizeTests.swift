import Foundation
import Testing
@testable import JournalKit

/// `journal summarize` end to end, on a copy of the example journal (its journal.key keeps the
/// pseudonyms fixed) so that its output can be compared with golden files.
@Suite struct SummarizeTests {
    static func example() throws -> TemporaryJournal {
        let copy = try TemporaryJournal()
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples/cabinet-fontaine"), to: copy.root)
        try? FileManager.default.removeItem(at: copy.root.appendingPathComponent(".journal"))
        return copy
    }

    @Test func markdownSummaryMatchesItsGolden() throws {
        let journal = try Self.example()
        let result = try runJournal(["summarize", "nadia-benali", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "summary.nadia-benali.md")
        // docs/commands.md shows the beginning of this very output.
        let beginning = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(28).joined(separator: "\n")
        let commands = try String(contentsOf: packageRoot.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        #expect(commands.contains("$ journal summarize nadia-benali\n" + beginning + "\n[…]"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("### Entretien préalable") })
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(lines[start..<start + 6].joined(separator: "\n")))
    }

    @Test func htmlSummaryIsAStandalonePageAndMatchesItsGolden() throws {
        let journal = try Self.example()
        let result = try runJournal(["summarize", "nadia-benali", "--format", "html", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "summary.nadia-benali.html")
        let problems = HTMLCheck.problems(result.stdout)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func twoRendersAgree() throws {
        let journal = try fixtureJournal("basic")
        let first = try runJournal(["summarize", "lea-morel", "--journal", journal.root.path])
        let second = try runJournal(["summarize", "lea-morel", "--journal", journal.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        // The key that makes them agree is the journal's secret, journal.key, committed with the notes.
        #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("journal.key").path))
    }

    @Test func nothingPrivateAndNoRealNameOrDateLeaves() throws {
        let journal = try Self.example()
        for client in ["nadia-benali", "julien-mercier", "thomas-girard", "ines-carpentier", "hugo-delmas"] {
            let result = try runJournal(["summarize", client, "--journal", journal.root.path])
            #expect(result.status == 0, "\(client): \(result.stderr)")
            let words = Set(WordTokens.folded(result.stdout))
            for secret in ["nadia", "benali", "verlane", "lemoine", "pascale", "thierry", "karim", "lyon", "annecy", "2026", "fevrier", "mars", "avril", "vendredi"] {
                #expect(!words.contains(secret), "\(client) leaks \(secret)")
            }
            #expect(!result.stdout.contains("pleuré"), "\(client) shows a private note")
        }
    }

    @Test func aTemplateThatPrintsARawFieldIsStoppedAndNothingIsWritten() throws {
        let journal = try Self.example()
        // A journal's own template that prints the client id: the gate must catch it.
        let builtIn = try String(contentsOf: packageRoot.appendingPathComponent("templates/fr/summary.md"), encoding: .utf8)
        try journal.write("templates/summary.md", builtIn + "\nDossier : nadia-benali, Verlane, le 3 mars 2026, pascale.lemoine@verlane-logiciels.example\n")
        let out = journal.root.appendingPathComponent("exports/summary.md")
        let result = try runJournal(["summarize", "nadia-benali", "--out", out.path, "--journal", journal.root.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        for hit in ["nadia-benali", "Verlane", "3 mars 2026", "pascale.lemoine@verlane-logiciels.example"] {
            #expect(result.stderr.contains(hit), "the gate should name \(hit): \(result.stderr)")
        }
        // One hit a line: the list is written with its line breaks, not escaped into one line.
        #expect(result.stderr.contains("rien n'a été écrit :\n  "))
        #expect(!result.stderr.contains("\\n"))
    }

    @Test func outWritesAtomicallyAndNeverOverAFile() throws {
        let journal = try Self.example()
        let out = journal.root.appendingPathComponent("exports/case.html")
        let first = try runJournal(["summarize", "nadia-benali", "--format", "html", "--out", out.path, "--journal", journal.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        try Data("à garder".utf8).write(to: out)
        let second = try runJournal(["summarize", "nadia-benali", "--out", out.path, "--journal", journal.root.path])
        #expect(second.status == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == "à garder")
        let forced = try runJournal(["summarize", "nadia-benali", "--out", out.path, "--force", "--journal", journal.root.path])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("# Synthèse de cas"))
    }

    @Test func undeclaredNamesAreListedAndStrictRefuses() throws {
        let journal = try Self.example()
        try journal.write("clients/julien-mercier/2026-05-06-session.md", """
            ---
            type: session
            date: 2026-05-06 10:00
            next: 2026-05-27 10:00
            ---

            Il a déjeuné avec sa collègue Bérénice, puis a vu Mme Kessler.
            """)
        let result = try runJournal(["summarize", "julien-mercier", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sa collègue [personne], puis a vu Mme [personne]"))
        #expect(result.stderr.contains("clients/julien-mercier/2026-05-06-session.md:7: Bérénice"))
        #expect(result.stderr.contains("Kessler"))
        let out = journal.root.appendingPathComponent("exports/strict.md")
        let strict = try runJournal(["summarize", "julien-mercier", "--strict", "--out", out.path, "--journal", journal.root.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("Bérénice"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func noAnonymiseKeepsNamesButNeverPrivateNotes() throws {
        let journal = try Self.example()
        let result = try runJournal(["summarize", "nadia-benali", "--no-anonymise", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Nadia Benali"))
        #expect(result.stdout.contains("2026-03-30"))
        #expect(!result.stdout.contains("pleuré"))
        #expect(!result.stdout.contains("Synthèse anonymisée"))
    }

    @Test func aHugeLineIsLeftOutInBoundedTime() throws {
        let journal = try Self.example()
        let line = String(repeating: "Nadia relit tout le vendredi 3 mars. ", count: 25_000)
        try journal.write("clients/nadia-benali/2026-05-04-session.md", "---\ntype: session\ndate: 2026-05-04\nnext: 2026-05-25\n---\n\n" + line + "\n")
        let result = try runJournal(["summarize", "nadia-benali", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stdout.contains("[passage trop long, omis]"))
    }

    @Test func aNoteThatCouldNotBeReadMakesTheSummarySayItIsIncomplete() throws {
        let journal = try Self.example()
        let complete = try runJournal(["summarize", "nadia-benali", "--journal", journal.root.path])
        #expect(!complete.stdout.contains("Incomplète"))
        // Over the size cap, and a header that is not YAML: neither is read, neither has a
        // client of its own, both sit in the client's folder.
        let big = "---\ntype: session\ndate: 2026-05-04\n---\n" + String(repeating: "Une ligne de séance.\n", count: 60_000)
        try journal.write("clients/nadia-benali/2026-05-04-session.md", big)
        try journal.write("clients/nadia-benali/2026-05-11-session.md", "---\ntype: session\ndate: [2026-05-11\n---\n\nTexte.\n")
        // Another client's broken note is not this summary's business.
        try journal.write("clients/julien-mercier/2026-05-12-session.md", "---\ntype: [\n---\n")
        let result = try runJournal(["summarize", "nadia-benali", "--journal", journal.root.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("**Incomplète** : 2 note(s) de ce dossier n'ont pas pu être lues en entier"))
        #expect(result.stderr.contains("la synthèse est incomplète : 2 note(s)"))
        #expect(result.stderr.contains("  clients/nadia-benali/2026-05-04-session.md\n  clients/nadia-benali/2026-05-11-session.md"))
        #expect(!result.stderr.contains("  clients/julien-mercier/"))
        // The rest of the summary is the complete one's, after the notice.
        #expect(result.stdout.hasSuffix("synthèse.\n\n" + complete.stdout))
    }

    @Test func unknownClientAndFormatCannotRun() throws {
        let journal = try Self.example()
        #expect(try runJournal(["summarize", "personne", "--journal", journal.root.path]).status == 2)
        #expect(try runJournal(["summarize", "nadia-benali", "--format", "pdf", "--journal", journal.root.path]).status == 2)
    }
}

/// Enough of an HTML check for a page we generate: a doctype, one html/head/body, a charset and a
/// title, and every non-void element closed in order.
enum HTMLCheck {
    static let void: Set<String> = ["meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area", "base", "embed", "track", "param"]

    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        if !html.hasPrefix("<!DOCTYPE html>") { problems.append("no doctype") }
        for required in ["<html lang=", "<meta charset=\"utf-8\">", "<title>", "<head>", "<body>", "</html>"] where !html.contains(required) {
            problems.append("missing \(required)")
        }
        var stack: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else { problems.append("unclosed tag"); break }
            let tag = html[html.index(after: open)..<close]
            index = html.index(after: close)
            if tag.hasPrefix("!") { continue }
            let closing = tag.hasPrefix("/")
            let name = String(tag.drop(while: { $0 == "/" }).prefix { $0.isLetter || $0.isNumber }).lowercased()
            if void.contains(name) || tag.hasSuffix("/") { continue }
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            } else {
                stack.append(name)
            }
        }
        if !stack.isEmpty { problems.append("left open: \(stack)") }
        return problems
    }
}

/// What issue 9 closed, each on a small journal of its own.
@Suite struct SummaryGateTests {
    static func journal(caseFile: String, note: String) throws -> TemporaryJournal {
        let journal = try TemporaryJournal()
        try journal.write("journal.yml", "language: fr\ncoach: Odile Brun\n")
        try journal.write("clients/leo/client.md", "---\ntype: client\n" + caseFile + "\nstatus: active\n---\n# Dossier\n")
        try journal.write("clients/leo/2026-03-02-session.md", "---\ntype: session\nclient: leo\ndate: 2026-03-02\nduration: 90\n---\n" + note)
        return journal
    }

    @Test func theTemplatesOwnWordsNeverStopASummary() throws {
        // A surname ending in c'h once made « h » a name, and « 1 h 30 » a leak; a client `leo`
        // must not stop « caméléon ».
        let journal = try Self.journal(caseFile: "name: Claire Guivarc'h\ngender: f\naliases: [Les]",
                                       note: "Claire Guivarc'h parle en caméléon. Séance d'une heure et demie.\n")
        let result = try runJournal(["summarize", "leo", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 h 30"))
        #expect(result.stdout.contains("caméléon"))
        #expect(!result.stdout.contains("Guivarc"))
    }

    @Test func withoutConsentTheSummaryIsForSupervisionOnlyAndPublicationIsRefused() throws {
        let journal = try Self.journal(caseFile: "name: Léo Marchal\ngender: m", note: "Léo avance.\n")
        let result = try runJournal(["summarize", "leo", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("**Réservé à la supervision**"))
        let published = try runJournal(["summarize", "leo", "--for-publication", "--journal", journal.root.path])
        #expect(published.status == 2)
        #expect(published.stdout.isEmpty)
        #expect(published.stderr.contains("case_study"))
        // With consent, no notice, and publication is allowed.
        try journal.write("clients/leo/client.md", "---\ntype: client\nname: Léo Marchal\ngender: m\nconsent: {case_study: true}\nstatus: active\n---\n")
        let consented = try runJournal(["summarize", "leo", "--for-publication", "--journal", journal.root.path])
        #expect(consented.status == 0, "\(consented.stderr)")
        #expect(!consented.stdout.contains("Réservé"))
    }

    @Test func aCommentCmarkWouldPrintAsTextNeverLeaves() throws {
        let journal = try Self.journal(caseFile: "name: Léo Marchal\ngender: m",
                                       note: "Texte public.\n\n<!-- privé -- son divorce\n\nle tribunal de Rennes -->\n\nSuite publique.\n")
        let result = try runJournal(["summarize", "leo", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("divorce") && !result.stdout.contains("tribunal"))
        #expect(result.stdout.contains("Suite publique."))
    }

    @Test func aNamePhoneOrPlaceCutByALineBreakIsStillHidden() throws {
        let journal = try Self.journal(caseFile: "name: Léo Marchal\ngender: m\nphone: 04 70 08 61 99\nplaces: [{name: Clermont-Ferrand, generalised: une ville moyenne}]",
                                       note: "Il vit à Clermont-\nFerrand, joignable au (+33) 4 70\n08 61 99. Clermont lui pèse.\n")
        let result = try runJournal(["summarize", "leo", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        for secret in ["Clermont", "Ferrand", "61 99", "08"] { #expect(!result.stdout.contains(secret), "\(secret)") }
        #expect(result.stdout.contains("dans une ville moyenne"))
    }
}
