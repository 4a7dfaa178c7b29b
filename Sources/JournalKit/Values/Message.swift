/// A sentence of ours in both of the product's languages: the one way the code writes text for
/// the coach, so that no message can exist in one language only (a test scans the sources).
public struct Message: Sendable, Hashable {
    public var en: String
    public var fr: String

    public init(_ en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// The version for `language`.
    public func `in`(_ language: Language) -> String {
        language == .fr ? fr : en
    }

    /// `prefix` put before both versions (a field name, say).
    public func prefixed(_ prefix: String) -> Message { Message(prefix + en, fr: prefix + fr) }

    /// One message after the other, in each language.
    public static func + (lhs: Message, rhs: Message) -> Message { Message(lhs.en + rhs.en, fr: lhs.fr + rhs.fr) }
}
