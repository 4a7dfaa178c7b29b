public import Foundation
import Yams

/// The hours of clients whose notes were deleted (`retention --purge --keep-hours`), kept in a
/// committed file of the journal, `hours-archive.yml`: coaching bodies may audit hours after the
/// notes are gone, and the index, derived from the notes, could not hold them. Each line is
/// anonymous: dates, sessions and minutes, never a name or an id.
public enum HoursArchive {
    public struct Entry: Sendable, Hashable {
        public var first: LocalDate
        public var last: LocalDate
        public var sessions: Int
        public var minutes: Int
        public var estimated: Int

        var line: String {
            "- {first: \(first), last: \(last), sessions: \(sessions), minutes: \(minutes), estimated: \(estimated)}"
        }
    }

    public static let fileName = "hours-archive.yml"

    /// The entries of the journal's archive, in the order written; a line that cannot be read
    /// is skipped (the file is the coach's: it is reported by no command, and never rewritten).
    public static func load(root: URL) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(fileName).path),
              data.count < 4 * 1_048_576,
              let node = try? Yams.compose(yaml: String(decoding: data, as: UTF8.self)), let items = node.sequence else { return [] }
        return items.compactMap { item -> Entry? in
            guard let map = item.mapping,
                  let first = map["first"]?.string.flatMap(LocalDate.fromText), let last = map["last"]?.string.flatMap(LocalDate.fromText),
                  let sessions = map["sessions"]?.int, let minutes = map["minutes"]?.int else { return nil }
            return Entry(first: first, last: last, sessions: sessions, minutes: minutes, estimated: map["estimated"]?.int ?? 0)
        }
    }

    /// Adds one entry at the end of the file (made with a heading comment the first time),
    /// atomically; what the file held is kept byte for byte.
    static func append(_ entry: Entry, root: URL, language: JournalConfig.Language) throws {
        let url = root.appendingPathComponent(fileName)
        let previous = FileManager.default.contents(atPath: url.path)
        var text = previous.map { String(decoding: $0, as: UTF8.self) } ?? (Message("# Hours of clients whose notes were deleted (journal retention --purge --keep-hours).\n# Anonymous: no name, no id. journal hours counts them.\n",
             fr: "# Heures de clients dont le dossier a été supprimé (journal retention --purge --keep-hours).\n# Anonymes : ni nom ni identifiant. journal hours les compte.\n").in(language))
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += entry.line + "\n"
        if let previous {
            try AtomicFile.replace(Data(text.utf8), at: url, inside: root, expecting: previous)
        } else {
            try AtomicFile.write(Data(text.utf8), to: url, overwrite: false)
        }
    }
}
