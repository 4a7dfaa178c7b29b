import Foundation
import Testing
@testable import JournalKit

/// `journal search`, on the `agenda` fixture: SQLite FTS5 in the index's own database.
@Suite struct SearchTests {
    func search(_ journal: TemporaryJournal, _ arguments: [String]) throws -> CommandResult {
        try runJournal(["search"] + arguments + ["--journal", journal.root.path])
    }

    func paths(_ result: CommandResult) -> [String] {
        result.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: ":", maxSplits: 2)
            return parts.count > 1 ? "\(parts[0]):\(parts[1])" : String(line)
        }
    }

    @Test func resultsAreEditorLinesMostRecentFirst() throws {
        let journal = try fixtureJournal("agenda")
        let result = try search(journal, ["budget"])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "search.budget.txt")
        // Newest note first; the undated case file last.
        #expect(paths(result) == ["clients/emma-lefort/2026-02-23-session.md:16", "clients/emma-lefort/2026-02-02-session.md:13",
                                  "clients/emma-lefort/2026-01-12-session.md:15", "clients/emma-lefort/client.md:27"])
        #expect(!result.stdout.contains("\u{1B}["))
        let json = try search(journal, ["budget", "--format", "json"])
        try expectGolden(json.stdout, "search.budget.json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["date"] as? String == "2026-02-23" && rows.first?["section"] as? String == "review")
        #expect(rows.last?["type"] as? String == "client" && rows.last?["section"] as? String == "objectives")
    }

    @Test func accentsAndCaseDoNotMatter() throws {
        let journal = try fixtureJournal("agenda")
        for query in ["equipe", "EQUIPE", "équipe", "Équipe"] {
            let result = try search(journal, [query])
            #expect(paths(result) == ["clients/emma-lefort/client.md:23"], "\(query)")
            #expect(result.stdout.contains("son équipe l'a"))
        }
        #expect(paths(try search(journal, ["deleguer"])) == ["clients/emma-lefort/client.md:28"])
    }

    @Test func phrasesAndPrefixes() throws {
        let journal = try fixtureJournal("agenda")
        #expect(paths(try search(journal, ["\"son adjoint\""])).count == 3)
        #expect(paths(try search(journal, ["«", "adjoint", "son", "»"])).isEmpty)
        #expect(paths(try search(journal, ["« son adjoint »"])).count == 3)
        // Every word is required, anywhere on the line.
        #expect(paths(try search(journal, ["adjoint", "froisser"])) == ["clients/emma-lefort/2026-02-02-session.md:13"])
        let prefix = try search(journal, ["deleg*"])
        #expect(prefix.stdout.contains("Déléguer") && prefix.stdout.contains("délégation") && prefix.stdout.contains("Délégation"))
        #expect(paths(try search(journal, ["deleg"])).isEmpty)
    }

    @Test func privateTextIsFoundAndMarkedOrLeftOut() throws {
        let journal = try fixtureJournal("agenda")
        let found = try search(journal, ["surmenage"])
        // The `need` in the header, public; the private section of a session, marked.
        #expect(found.stdout.contains("clients/emma-lefort/2026-02-23-session.md:20: [privé] Hypothèse : surmenage ancien"))
        #expect(found.stdout.contains("clients/emma-lefort/client.md:12: need:"))
        // A comment is the coach's alone too.
        #expect(try search(journal, ["mediation"]).stdout == "clients/emma-lefort/2026-02-23-session.md:22: [privé] proposer une médiation ?\n")
        let open = try search(journal, ["surmenage", "--no-private"])
        #expect(!open.stdout.contains("[privé]") && open.stdout.contains("need:"))
        #expect(try search(journal, ["mediation", "--no-private"]).stdout.isEmpty)
        let onlyPrivate = try search(journal, ["surmenage", "--section", "privé"])
        #expect(paths(onlyPrivate) == ["clients/emma-lefort/2026-02-23-session.md:20"])
        let english = try search(journal, ["mediation", "--lang", "en"])
        #expect(english.stdout.contains("[private] proposer"))
    }

    @Test func obsidianCommentsAreTheCoachsAloneInTheSearchToo() throws {
        let journal = try fixtureJournal("obsidian")
        let found = try search(journal, ["brasserie"])
        #expect(found.stdout.contains("2026-03-02-session.md:13: [privé] Elle envisage de quitter la brasserie"), "\(found.stdout)")
        #expect(try search(journal, ["brasserie", "--no-private"]).stdout.contains("quitter") == false)
        #expect(try search(journal, ["fatigue", "--no-private"]).stdout.isEmpty)
        // A line with a comment in it keeps its own words public, the comment's private.
        let accueil = try search(journal, ["accueil", "--no-private"])
        #expect(accueil.stdout.contains("le mot d'accueil") && !accueil.stdout.contains("départ"), "\(accueil.stdout)")
        var comment: ItemLine.Comment?
        let parts = SearchLine.split("a %% b %% c <!-- d --> e %% f", inComment: &comment)
        #expect(parts.plain.split(separator: " ") == ["a", "c", "e"], "\(parts)")
        #expect(parts.comment.split(separator: " ") == ["b", "d", "f"] && comment == .obsidian, "\(parts)")
    }

    @Test func filters() throws {
        let journal = try fixtureJournal("agenda")
        #expect(paths(try search(journal, ["budget", "--type", "client"])) == ["clients/emma-lefort/client.md:27"])
        #expect(paths(try search(journal, ["budget", "--since", "2026-02-01", "--until", "2026-02-10"]))
                == ["clients/emma-lefort/2026-02-02-session.md:13"])
        #expect(paths(try search(journal, ["budget", "--section", "engagements"])) == ["clients/emma-lefort/2026-01-12-session.md:15"])
        #expect(paths(try search(journal, ["article", "--client", "alice-perrin"])).count == 1)
        #expect(paths(try search(journal, ["budget", "--client", "alice-perrin"])).isEmpty)
        // The most recent lines, as without the limit.
        #expect(paths(try search(journal, ["budget", "--limit", "2"])) == Array(paths(try search(journal, ["budget"])).prefix(2)))
        #expect(paths(try search(journal, ["budget", "--no-private", "--client", "emma-lefort", "--limit", "1"]))
                == ["clients/emma-lefort/2026-02-23-session.md:16"])
        let unknown = try search(journal, ["budget", "--client", "emma-lefrot"])
        #expect(unknown.status == 2 && unknown.stderr.contains("`emma-lefort`"))
        #expect(try search(journal, ["budget", "--section", "nowhere"]).status == 2)
        #expect(try search(journal, ["--", "***"]).status == 2)
    }

    @Test func theQueryIsNeverReadAsSyntax() throws {
        let journal = try fixtureJournal("agenda")
        for query in ["budget OR", "NOT budget", "\"budget", "budget\"", "(budget", "budget:", "col:budget", "^budget", "NEAR(budget)"] {
            let result = try search(journal, [query])
            #expect(result.status == 0, "\(query): \(result.stderr)")
        }
        #expect(paths(try search(journal, ["budget", "OR", "lettre"])).isEmpty)
    }

    @Test func theSearchTableFollowsTheNotes() throws {
        let journal = try fixtureJournal("agenda")
        #expect(paths(try search(journal, ["budget"])).count == 4)
        // A changed note: its new words found, its old ones gone, no line twice.
        let path = "clients/emma-lefort/2026-02-02-session.md"
        try journal.write(path, try journal.read(path).replacingOccurrences(of: "peur de froisser", with: "crainte de vexer"))
        #expect(paths(try search(journal, ["froisser"])).isEmpty)
        #expect(paths(try search(journal, ["vexer"])) == ["\(path):13"])
        #expect(paths(try search(journal, ["budget"])).count == 4)
        // A removed note: its lines go.
        try FileManager.default.removeItem(at: journal.root.appendingPathComponent(path))
        #expect(paths(try search(journal, ["vexer"])).isEmpty)
        #expect(paths(try search(journal, ["budget"])).count == 3)
        // A new note is found at once.
        try journal.write("clients/emma-lefort/2026-03-30-session.md", "---\ntype: session\ndate: 2026-03-30 10:00\n---\n\nLe budget est passé.\n")
        #expect(paths(try search(journal, ["budget"])).first == "clients/emma-lefort/2026-03-30-session.md:6")
        // The same rows as a fresh build.
        let incremental = try search(journal, ["budget", "--format", "json"]).stdout
        _ = try runJournal(["index", "--rebuild", "--journal", journal.root.path])
        #expect(try search(journal, ["budget", "--format", "json"]).stdout == incremental)
    }

    @Test func highlightOnlyWhenAsked() throws {
        let journal = try fixtureJournal("agenda")
        let store = try journal.index()
        _ = try store.update()
        let hits = try store.search(SearchQuery(text: "equipe"))
        #expect(hits.count == 1)
        #expect(hits[0].formatted(language: .fr, colour: true).contains("\u{1B}[1;31méquipe\u{1B}[0m"))
        #expect(hits[0].formatted(language: .fr, colour: false) == "clients/emma-lefort/client.md:23: Arrivée après un rachat difficile ; son équipe l'a d'abord tenue à distance.")
    }

    @Test func expressionsQuoteEveryWord() {
        #expect(SearchQuery(text: "équipe deleg* « son adjoint »").expression == "\"équipe\" AND \"deleg\"* AND \"son adjoint\"")
        #expect(SearchQuery(text: "a\"b").expression == "\"a\" AND \"b\"")
        #expect(SearchQuery(text: " * - ").expression == nil)
    }
}
