extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let fieldInvalid = StructuralRule(
        id: Rule.fieldInvalid.rawValue, defaultSeverity: .error,
        summary: Message("a value of the wrong kind: a day that does not exist, an unknown status, mode or type, a bad id",
                         fr: "une valeur du mauvais genre : un jour qui n'existe pas, un statut, un mode ou un type inconnu, un identifiant invalide"),
        explanation: Message("A value journal cannot read is a value it silently cannot use: 2026-02-30 is not a guess to make, and an unknown status would hide a session.",
                             fr: "Une valeur que journal ne sait pas lire est une valeur perdue : 2026-02-30 n'est pas à deviner, et un statut inconnu cacherait une séance."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-02-30")], expected: ["clients/a/s1.md:3"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-02-28\nnext: none\nnext_reason: fin")], expected: []),
        ])
}
