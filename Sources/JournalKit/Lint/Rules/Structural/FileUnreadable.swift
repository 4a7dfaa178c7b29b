extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let fileUnreadable = StructuralRule(
        id: "file-unreadable", defaultSeverity: .error,
        summary: Message("a note that cannot be read: binary, not UTF-8, too large, a broken link or one leaving the journal",
                         fr: "une note illisible : binaire, pas en UTF-8, trop grande, un lien cassé ou qui sort du journal"),
        explanation: Message("A note journal cannot read is missing from everything it shows: re-save it as UTF-8, or move it out of the journal.",
                             fr: "Une note que journal ne peut pas lire manque à tout ce qu'il montre : réenregistrez-la en UTF-8, ou sortez-la du journal."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": "---\ntype: session\n\u{0}"], expected: ["clients/a/s1.md:3"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile()], expected: []),
        ])
}
