/// Machine output of the commands (`--format json`).
public enum JSONOutput {
    /// `[{path, line, column, severity, rule, message}]`, as docs/commands.md describes for lint.
    public static func diagnostics(_ diagnostics: [Diagnostic], _ language: Language) -> String {
        JSONValue.array(diagnostics.map { diagnostic in
            .object([
                ("path", .string(diagnostic.path)), ("line", .int(diagnostic.line)),
                ("column", .int(diagnostic.column)), ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.rule)), ("message", .string(diagnostic.message(in: language))),
            ])
        }).rendered()
    }
}
