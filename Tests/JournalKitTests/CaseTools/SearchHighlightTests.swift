import Foundation
import GRDB
import Testing

@testable import JournalKit

/// The search marks matches itself instead of asking FTS5's `highlight()` for every line found;
/// both must mark the same words. Compared here on lines written to catch every difference:
/// accents and case, apostrophes (straight, curly, U+02BC), hyphens and underscores, digits,
/// ligatures, emoji, phrases that overlap, prefixes, words repeated.
@Suite struct SearchHighlightTests {
    static let lines = [
        "Mon équipe projet avance", "l'Équipe, co-équipiers et ÉQUIPE", "équipe équipe équipe",
        "L’œuvre de l’équipe", "a b a b a", "Équipe__x équipe2 2équipe", "ÉQUIPÉE équipée Equipe",
        "Déléguer, délégation, Délégation : déléguons !", "son adjoint son adjoint l'a froissé",
        "mot d\u{02BC}accueil et d'accueil", "🎯 équipe🎯équipe", "n°3 au 3e étage, 3 fois",
        "Straße STRASSE strasse", "İstanbul ıstanbul", "ÆSIR æsir", "x-équipe-y", "équipe\u{00A0}projet",
        "« son adjoint » et « son » adjoint", "budget budgets Budgétaire", "",
    ]
    static let queries = [
        "equipe", "équipe projet", "\"mon equipe\"", "equip*", "\"a b\"", "oeuvre", "œuvre", "deleg*",
        "« son adjoint »", "adjoint son", "accueil", "equipe2", "3", "strasse", "istanbul", "aesir",
        "x-equipe", "co-equipiers", "l'equipe", "budget*", "\"son adjoint\" adjoint", "equipee",
    ]

    @Test func marksWhatFTS5Marks() throws {
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE s USING fts5(text, tokenize = "unicode61 remove_diacritics 2");
                """)
            for line in Self.lines { try db.execute(sql: "INSERT INTO s(text) VALUES (?)", arguments: [line]) }
        }
        var compared = 0
        for text in Self.queries {
            let query = SearchQuery(text: text)
            guard let expression = query.expression else { continue }
            let expected = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT text, highlight(s, 0, '[', ']') FROM s WHERE s MATCH ?", arguments: [expression])
                    .map { (String($0[0] as String), String($0[1] as String)) }
            }
            var highlight = SearchHighlight(words: query.words)
            for (line, marked) in expected {
                #expect(highlight.marked(line, open: "[", close: "]") == marked, "query \(text)")
                compared += 1
            }
        }
        #expect(compared > 40, "too few lines matched to compare anything: \(compared)")
    }
}
