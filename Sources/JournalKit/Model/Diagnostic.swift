/// One problem found in a file: where it is, how serious, which rule, and what to do.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// Relative to the journal root, with `/`.
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var rule: String
    public var message: String

    public init(path: String, line: Int, column: Int, severity: Severity, rule: String,
                message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    /// The form compilers and editors understand: `path:line:col: severity: message [rule]`.
    public var formatted: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message) [\(rule)]"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.rule, lhs.message)
            < (rhs.path, rhs.line, rhs.column, rhs.rule, rhs.message)
    }
}

/// Rule ids of the structural problems the parser itself reports.
enum Rule {
    static let frontmatterInvalid = "frontmatter-invalid"
    static let fieldMissing = "field-missing"
    static let fieldInvalid = "field-invalid"
    static let fieldUnknown = "field-unknown"
    static let clientUnknown = "client-unknown"
    static let markerInvalid = "marker-invalid"
    static let idDuplicate = "id-duplicate"
    static let refUnknown = "ref-unknown"
    static let fileUnreadable = "file-unreadable"
    static let configInvalid = "config-invalid"
}
