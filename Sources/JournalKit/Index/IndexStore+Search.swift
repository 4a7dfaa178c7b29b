import Foundation
import GRDB

/// The full-text search table: one row per line of a note (SQLite FTS5), in the index's own
/// database, changed in the same transaction as the note's other rows.
///
/// Each file's rows take a run of consecutive rowids, recorded in `search_files`, so that a
/// changed or removed note's rows go by rowid range rather than by a scan of the whole table.
extension IndexStore {
    static func createSearchSchema(_ db: Database) throws {
        // unicode61 with remove_diacritics 2 folds case and accents, in French as in English:
        // « équipe », « Équipe » and `equipe` are one word. No column sizes: results are ordered
        // by date, never ranked, and not storing them makes filling the table about 12 % faster.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
                text, path UNINDEXED, client UNINDEXED, type UNINDEXED, day UNINDEXED, sort_key UNINDEXED,
                section UNINDEXED, private UNINDEXED, line UNINDEXED,
                tokenize = "unicode61 remove_diacritics 2", columnsize = 0);
            CREATE TABLE IF NOT EXISTS search_files(path TEXT PRIMARY KEY, low INTEGER NOT NULL, high INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS search_files_high ON search_files(high);
            """)
    }

    /// Drops the rows of `path`, a run of rowids recorded in `search_files`.
    static func deleteSearchLines(of path: String, _ db: Database) throws {
        let find = try db.cachedStatement(sql: "SELECT low, high FROM search_files WHERE path = ?")
        guard let row = try Row.fetchOne(find, arguments: [path]) else { return }
        let low = try row.decode(Int64.self, atIndex: 0), high = try row.decode(Int64.self, atIndex: 1)
        try db.cachedStatement(sql: "DELETE FROM search WHERE rowid BETWEEN ? AND ?").execute(arguments: [low, high])
        try db.cachedStatement(sql: "DELETE FROM search_files WHERE path = ?").execute(arguments: [path])
    }

    /// Stores a journal document's lines under the rowids from `firstRow` on.
    static func insertSearchLines(_ lines: [SearchLine], of note: Note, type: DocumentType, path: String,
                                  firstRow: Int64, zone: TimeZone, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO search(rowid, text, path, client, type, day, sort_key, section, private, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let day = note.date?.date.description
        let sortKey = note.date.map { $0.instant(in: zone).timeIntervalSince1970 }
        let client = note.client ?? ""
        for (offset, line) in lines.enumerated() {
            try insert.execute(arguments: [firstRow + Int64(offset), line.text, path, client, type.rawValue, day,
                                           sortKey, line.section, line.isPrivate ? 1 : 0, line.line])
        }
        try db.cachedStatement(sql: "INSERT INTO search_files(path, low, high) VALUES (?, ?, ?)")
            .execute(arguments: [path, firstRow, firstRow + Int64(lines.count) - 1])
    }

    /// Every client id a note names or a case file declares.
    public func knownClients() throws -> Set<String> {
        try repairing { try database.read { Set(try String.fetchAll($0, sql: "SELECT DISTINCT client FROM files WHERE client != ''")) } }
    }

    /// The lines that match, most recent note first (undated ones last), then by path and line.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        guard let expression = query.expression else { return [] }
        var filters = ""
        var filterArguments: [(any DatabaseValueConvertible)?] = []
        if let client = query.client { filters += " AND client = ?"; filterArguments.append(client) }
        if let type = query.type { filters += " AND type = ?"; filterArguments.append(type.rawValue) }
        if let since = query.since { filters += " AND day >= ?"; filterArguments.append(since.description) }
        if let until = query.until { filters += " AND day <= ?"; filterArguments.append(until.description) }
        if let section = query.section {
            if section == "private" { filters += " AND private = 1" } else { filters += " AND section = ?"; filterArguments.append(section) }
        }
        if !query.includePrivate { filters += " AND private = 0" }
        let order = " ORDER BY sort_key IS NULL, sort_key DESC, path, line, private"
        // A line of at most `shortLine` characters is shown whole even with every word marked:
        // FTS5's snippet() is asked for the longer ones only, in the same pass (a second query
        // restricted to their rowids ran the match again for each).
        let shortLine = SearchHit.wholeLineLimit / 2
        var sql = """
            SELECT rowid, path, line, client, type, day, section, private, text,
                   CASE WHEN length(text) > \(shortLine) THEN snippet(search, 0, ?, ?, '…', 16) END
            FROM search WHERE search MATCH ?
            """ + filters + order
        if let limit = query.limit { sql += " LIMIT \(limit)" }
        let start = String(SearchLine.markStart), end = String(SearchLine.markEnd)
        var highlight = SearchHighlight(words: query.words)
        return try repairing { try database.read { db in
            var hits: [SearchHit] = []
            let arguments: [DatabaseValue] = [start.databaseValue, end.databaseValue, expression.databaseValue]
                + filterArguments.map { $0?.databaseValue ?? .null }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                // By index, in the SELECT's order: looking columns up by name cost more than the query.
                let text: String = try row.decode(atIndex: 8)
                let client: String = try row.decode(atIndex: 3)
                var marked = highlight.marked(text, open: start, close: end)
                if marked.count > SearchHit.wholeLineLimit, let cut: String = try row.decode(atIndex: 9) { marked = cut }
                hits.append(SearchHit(path: try row.decode(atIndex: 1), line: try row.decode(atIndex: 2),
                                      client: client.isEmpty ? nil : client, type: try row.decode(atIndex: 4),
                                      date: try row.decode(atIndex: 5), section: try row.decode(atIndex: 6),
                                      isPrivate: try row.decode(Int.self, atIndex: 7) != 0, text: text, marked: marked))
            }
            return hits
        } }
    }
}

/// What `journal search` asks: words, phrases and prefixes, and the filters.
public struct SearchQuery: Sendable {
    public var text: String
    public var client: String?
    public var type: DocumentType?
    public var since: LocalDate?
    public var until: LocalDate?
    /// A section kind (`commitments`, `objectives`, `review`, `themes`), `header`, or `private`.
    public var section: String?
    public var includePrivate = true
    public var limit: Int?

    public init(text: String, client: String? = nil, type: DocumentType? = nil, since: LocalDate? = nil,
                until: LocalDate? = nil, section: String? = nil, includePrivate: Bool = true, limit: Int? = nil) {
        self.text = text
        self.client = client.map(ClientID.normalized)
        self.type = type
        self.since = since
        self.until = until
        self.section = section
        self.includePrivate = includePrivate
        self.limit = limit
    }

    /// Whether the query holds at least one word to look for.
    public var hasWords: Bool { expression != nil }

    /// The known client nearest to a misspelt id, for a did-you-mean.
    public static func nearest(to id: String, among clients: Set<String>) -> String? {
        Suggestion.nearest(to: id, among: clients.sorted())
    }

    /// The sections `--section` takes, in the words a coach may type (French or English).
    public static func section(named text: String) -> String? {
        let folded = TextFold.fold(text)
        switch folded {
        case "private", "prive", "privee", "notes privees": return "private"
        case "header", "front-matter", "frontmatter", "en-tete", "entete": return "header"
        default:
            return SectionKind.allCases.first { kind in
                kind != .private && (kind.rawValue == folded || kind.builtInAliases.contains { TextFold.fold($0) == folded })
            }?.rawValue
        }
    }

    /// The query's words and phrases, as the coach wrote them; `prefix` for a word ending in
    /// `*`. `"…"` and « … » make a phrase.
    var words: [(text: String, prefix: Bool)] {
        var words: [(text: String, prefix: Bool)] = []
        var current = ""
        var inPhrase: Character?
        func flush(phrase: Bool) {
            var word = current.trimmingWhitespace
            current = ""
            var prefix = false
            if !phrase, word.hasSuffix("*") {
                while word.hasSuffix("*") { word.removeLast() }
                prefix = true
            }
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { return }
            words.append((word, prefix))
        }
        for character in text {
            if let open = inPhrase {
                if (open == "\"" && character == "\"") || (open == "«" && character == "»") {
                    flush(phrase: true)
                    inPhrase = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "«" {
                flush(phrase: false)
                inPhrase = character
            } else if character.isWhitespace {
                flush(phrase: false)
            } else {
                current.append(character)
            }
        }
        flush(phrase: inPhrase != nil)
        return words
    }

    /// The FTS5 expression: each word and each phrase quoted (so that no character of the
    /// coach's query is read as an operator), a trailing `*` kept as a prefix search, all of
    /// them required. nil when the query has no word at all.
    var expression: String? {
        let terms = words.map { word in
            "\"" + word.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (word.prefix ? "*" : "")
        }
        return terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }
}

/// One line that matched.
public struct SearchHit: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var client: String?
    public var type: String
    /// The note's day; nil for a case file.
    public var date: String?
    public var section: String?
    public var isPrivate: Bool
    /// The whole line as written.
    public var text: String
    /// The line (or, when long, the part around the match) with each match between
    /// `SearchLine.markStart` and `markEnd`.
    var marked: String

    /// Lines up to this many characters are shown whole; longer ones around the match.
    static let wholeLineLimit = 160
}

extension SearchHit {
    /// `path:line: text`, the form editors jump to; private text marked; the matches in bold
    /// red on a terminal.
    public func formatted(language: JournalConfig.Language, colour: Bool) -> String {
        var shown = marked.escapingControls
        shown = shown.replacingOccurrences(of: String(SearchLine.markStart), with: colour ? "\u{1B}[1;31m" : "")
        shown = shown.replacingOccurrences(of: String(SearchLine.markEnd), with: colour ? "\u{1B}[0m" : "")
        let mark = isPrivate ? (Message("[private] ", fr: "[privé] ").in(language)) : ""
        return "\(path.escapingControls):\(line): " + mark + shown.trimmingWhitespace
    }

    /// The line's text without the match markers, cut as in the text output.
    public var snippet: String {
        marked.filter { $0 != SearchLine.markStart && $0 != SearchLine.markEnd }.trimmingWhitespace
    }

    var json: JSONValue {
        .object([
            ("path", .string(path)), ("line", .int(line)), ("client", .string(client)), ("type", .string(type)),
            ("date", .string(date)), ("section", .string(section)), ("private", .bool(isPrivate)),
            ("text", .string(text)), ("snippet", .string(snippet)),
        ])
    }

    /// Every hit as one JSON array, in the order found.
    public static func json(_ hits: [SearchHit]) -> String {
        JSONValue.array(hits.map(\.json)).rendered() + "\n"
    }
}
