import Foundation

/// The keys each kind of document and each list item takes: the tables the reading checks
/// against and suggests from.
extension NoteParser {
    /// Keys each document type takes; `tags` and `title` are accepted everywhere because
    /// Obsidian and other editors write them (`aliases`, `cssclasses`, `publish` are Obsidian's
    /// own; on a case file `aliases` also names the client).
    static let commonKeys: Set<String> = ["type", "tags", "title", "aliases", "cssclasses", "cssclass", "publish"]
    static let keys: [DocumentType: Set<String>] = [
        .client: ["name", "aliases", "gender", "email", "phone", "role", "organisation", "sponsor",
                  "people", "places", "demand", "need", "contract", "disclosure", "consent",
                  "status", "closed", "outcome"],
        .chemistry: ["client", "date", "mode", "duration", "client_briefed", "disclosure_agreed",
                     "fit", "decision", "next", "next_reason"],
        .threeWay: ["client", "date", "mode", "duration", "participants", "next", "next_reason"],
        .session: ["client", "date", "number", "mode", "duration", "status", "cancelled_by",
                   "next", "next_reason"],
        .supervision: ["date", "supervisor", "cases", "mode", "duration"],
    ]

    /// Inline field keys, folded, with their French aliases.
    static let itemKeys: Set<String> = ["id", "due", "echeance", "odds", "cote", "owner", "qui", "done", "fait",
                                        "reason", "raison", "validated", "valide", "ref",
                                        "created", "scheduled", "start", "completion", "cancelled", "priority",
                                        "repeat", "dependson"]

    /// The accented spelling of the folded keys that have one, for suggestions.
    static let itemKeySpellings: [String: String] = ["echeance": "échéance", "valide": "validé"]

    /// The item fields journal reads a value from.
    static let valuedKeys: Set<String> = ["id", "identifiant", "due", "echeance", "done", "fait", "cancelled",
                                          "validated", "valide", "odds", "cote", "owner", "qui", "completion",
                                          "created", "scheduled", "start", "repeat", "dependson"]
}
