/// One line of a note as the full-text search holds it: the words the coach wrote on that line,
/// the section it sits in, and whether it belongs to the coach alone (a private section, or the
/// text of an HTML or Obsidian comment, which gets a line of its own).
struct SearchLine: Sendable, Codable, Hashable {
    var line: Int
    /// The section kind (`commitments`, `objectives`…), `header` for the front-matter, nil
    /// elsewhere.
    var section: String?
    var isPrivate: Bool
    var text: String

    /// Markers the search puts around a match; taken out of the text indexed, so that a note
    /// holding them cannot fake a highlight.
    static let markStart: Character = "\u{E000}"
    static let markEnd: Character = "\u{E001}"

    static func cleaned(_ text: Substring) -> String {
        // The markers are U+E000 and U+E001, which start with the byte EE: most lines have
        // none, and are not filtered character by character.
        var out = text.utf8.contains(0xEE) ? String(text.filter { $0 != markStart && $0 != markEnd }) : String(text)
        while out.last?.isWhitespace == true { out.removeLast() }
        return out
    }
}
