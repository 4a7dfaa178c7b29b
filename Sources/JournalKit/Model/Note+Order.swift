import Foundation

extension Note {
    /// Documents by date (undated first), then path.
    static func journalOrder(_ zone: TimeZone) -> (Note, Note) -> Bool {
        func key(_ note: Note) -> Double { note.date?.instant(in: zone).timeIntervalSince1970 ?? -.greatestFiniteMagnitude }
        return { (key($0), $0.path) < (key($1), $1.path) }
    }
}
