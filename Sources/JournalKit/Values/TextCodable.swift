/// Values stored as the text that names them (`2026-03-18`, `3w`): readable in the index and
/// read back with the same parser as the notes.
protocol TextCodable: Codable, CustomStringConvertible {
    static func fromText(_ text: String) -> Self?
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self.fromText(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
