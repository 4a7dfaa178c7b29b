/// A message in both of the product's languages.
struct Message: Sendable, Hashable {
    var en: String
    var fr: String

    init(_ en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// `prefix` put before both versions (a field name, say).
    func prefixed(_ prefix: String) -> Message { Message(prefix + en, fr: prefix + fr) }
}
