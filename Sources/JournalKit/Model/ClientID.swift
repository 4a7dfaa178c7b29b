/// Ids come from folder names and from notes: they must never name a path outside the journal.
public enum ClientID {
    /// The id in the one form the index keys clients by (NFC), whether it comes from a folder
    /// name written by macOS (NFD), a `client:` typed in a note, or the command line.
    public static func normalized(_ id: String) -> String { TextFold.composed(id) }
    /// « : vouliez-vous écrire `nadia-benali` ? » after an unknown client's message, when a
    /// known client is a typo away; nothing otherwise.
    static func didYouMean(_ nearest: String?) -> Message {
        guard let nearest else { return Message("", fr: "") }
        return Message(": did you mean `\(nearest)`?", fr: " : vouliez-vous écrire `\(nearest)` ?")
    }

    /// A client id: the name of a folder under clients/. Any name a folder can have inside the
    /// journal, but never one that climbs out of it or hides (`..`, `/`, a leading dot).
    static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 128, !id.hasPrefix("."), !id.hasPrefix("-") else {
            return false
        }
        return !id.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar == ":" || scalar.properties.generalCategory == .control
        }
    }

    /// An explicit commitment id: `[a-z0-9-]`, 1 to 32 characters (docs/format.md, "Ids and the review").
    static func isValidItemID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 32 else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
    }
}
