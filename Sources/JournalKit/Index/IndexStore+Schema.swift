import Foundation
import GRDB

extension IndexStore {
    static func prepare(_ database: DatabaseQueue) throws {
        try database.write { db in
            // An index written by another version of journal is dropped whole: it is derived
            // data, and its tables may not have the columns this version needs.
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version != schemaVersion {
                for table in ["meta", "files", "notes", "records", "resolutions", "diagnostics", "search", "search_files"] {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
                }
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
            }
            try createSchema(db)
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS files(
                path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL,
                changed INTEGER NOT NULL, inode INTEGER NOT NULL, verified INTEGER NOT NULL,
                hash TEXT NOT NULL, client TEXT NOT NULL, case_file INTEGER NOT NULL, names TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS notes(path TEXT PRIMARY KEY, data BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS files_client ON files(client);
            CREATE TABLE IF NOT EXISTS records(
                kind TEXT NOT NULL, client TEXT NOT NULL, sort_key REAL NOT NULL, path TEXT NOT NULL,
                line INTEGER NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS records_client ON records(client);
            CREATE INDEX IF NOT EXISTS records_order ON records(kind, sort_key, path, line);
            CREATE TABLE IF NOT EXISTS resolutions(client TEXT PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS diagnostics(
                scope TEXT NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
                severity TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL, french TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS diagnostics_scope ON diagnostics(scope);
            """)
        try createSearchSchema(db)
    }
}
