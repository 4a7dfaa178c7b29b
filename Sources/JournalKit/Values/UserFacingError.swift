/// An error whose message is written for the coach, in both languages.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    var message: Message { get }
}

extension UserFacingError {
    public func message(in language: Language) -> String { message.in(language) }
    public var description: String { message.en }
}
