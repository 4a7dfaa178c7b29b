/// A word of a note that looks like a person's name, where it was written.
struct NameCandidate: Sendable, Codable, Hashable {
    var name: String
    var line: Int
    var column: Int
    /// False for a first name that is also an ordinary word at the start of a sentence
    /// (« Rose est venue », "Will you…"): summaries hide it all the same, lint does not warn.
    var confident = true

    init(name: String, line: Int, column: Int, confident: Bool = true) {
        self.name = name
        self.line = line
        self.column = column
        self.confident = confident
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
        confident = try container.decodeIfPresent(Bool.self, forKey: .confident) ?? true
    }
}
