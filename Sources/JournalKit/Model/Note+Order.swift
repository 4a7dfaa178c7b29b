import Foundation

extension Note {
    /// Documents by date (undated first), then path.
    static func journalOrder(_ zone: TimeZone) -> (Note, Note) -> Bool {
        let key = journalSortKey(zone)
        return { (key($0), $0.path) < (key($1), $1.path) }
    }

    /// What `journalOrder` compares before the path: the note's instant, undated notes first.
    /// Sorting thousands of notes computes it once per note with this, not at each comparison.
    static func journalSortKey(_ zone: TimeZone) -> (Note) -> Double {
        { note in note.date?.instant(in: zone).timeIntervalSince1970 ?? -.greatestFiniteMagnitude }
    }
}
