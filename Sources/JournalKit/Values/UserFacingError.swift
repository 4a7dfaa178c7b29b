/// An error whose message is written for the coach, in either language.
public protocol UserFacingError: Error, CustomStringConvertible {
    func message(in language: Language) -> String
}

extension UserFacingError {
    public var description: String { message(in: .en) }
}
