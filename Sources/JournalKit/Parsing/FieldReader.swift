import Foundation

/// Reads typed values out of front-matter, turning every bad value into a `field-invalid`
/// diagnostic at the value's own line and column rather than a failure.
struct FieldReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func report(_ rule: Rule, _ severity: Diagnostic.Severity = .error,
                         at value: YAMLValue, _ text: Message) {
        report(rule, severity, line: value.line, column: value.column, text)
    }

    mutating func report(_ rule: Rule, _ severity: Diagnostic.Severity = .error,
                         line: Int, column: Int, _ text: Message) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: severity,
                                      rule: rule, text))
    }

    /// A text value; a list or mapping where text is expected is reported.
    mutating func text(_ value: YAMLValue?, key: String) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let string = value.string else {
            report(Rule.fieldInvalid, at: value, Message(
                "`\(key)` should be a single value, not \(value.kindName.en)",
                fr: "`\(key)` doit être une seule valeur, pas \(value.kindName.fr)"))
            return nil
        }
        let trimmed = string.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A value or a list of values.
    mutating func texts(_ value: YAMLValue?, key: String) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let list = value.stringList else {
            report(Rule.fieldInvalid, at: value, Message(
                "`\(key)` should be a value or a list of values",
                fr: "`\(key)` doit être une valeur ou une liste de valeurs"))
            return []
        }
        return list.map(\.trimmingWhitespace).filter { !$0.isEmpty }
    }

    mutating func date(_ value: YAMLValue?, key: String) -> DateValue? {
        guard let string = text(value, key: key), let value else { return nil }
        switch DateValue.parse(string) {
        case .success(let date): return date
        case .failure(let error):
            report(Rule.fieldInvalid, at: value, error.text.prefixed("`\(key)` : ").fixingEnglishColon)
            return nil
        }
    }

    mutating func day(_ value: YAMLValue?, key: String) -> LocalDate? {
        date(value, key: key)?.date
    }

    mutating func integer(_ value: YAMLValue?, key: String) -> Int? {
        guard let string = text(value, key: key), let value else { return nil }
        guard let number = Int(string), number >= 0, number < 100_000 else {
            report(Rule.fieldInvalid, at: value, Message(
                "`\(key)` should be a whole number, not “\(string.clipped)”",
                fr: "`\(key)` doit être un nombre entier, pas « \(string.clipped) »"))
            return nil
        }
        return number
    }

    mutating func boolean(_ value: YAMLValue?, key: String) -> Bool? {
        guard let string = text(value, key: key), let value else { return nil }
        switch TextFold.fold(string) {
        case "true", "yes", "oui", "vrai", "on": return true
        case "false", "no", "non", "faux", "off": return false
        default:
            report(Rule.fieldInvalid, at: value, Message(
                "`\(key)` should be true or false, not “\(string.clipped)”",
                fr: "`\(key)` doit valoir true ou false (oui ou non), pas « \(string.clipped) »"))
            return nil
        }
    }

    /// An enumerated value, parsed by `parse`, with the accepted spellings in the message.
    mutating func choice<T>(_ value: YAMLValue?, key: String, allowed: [String],
                            _ parse: (String) -> T?) -> T? {
        guard let string = text(value, key: key), let value else { return nil }
        guard let parsed = parse(string) else {
            let list = allowed.joined(separator: ", ")
            report(Rule.fieldInvalid, at: value, Message(
                "`\(key)` cannot be “\(string.clipped)”: use one of \(list)",
                fr: "`\(key)` ne peut pas valoir « \(string.clipped) » : choisissez parmi \(list)"))
            return nil
        }
        return parsed
    }
}
