extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let fileUnreadable = StructuralRule(
        id: Rule.fileUnreadable.rawValue, defaultSeverity: .error,
        summary: Message("a note that cannot be read: binary, not UTF-8, over 1 MB, more than 10,000 blocks or 32 levels of nesting, a broken link or one leaving the journal",
                         fr: "une note illisible : binaire, pas en UTF-8, de plus de 1 Mo, de plus de 10 000 blocs ou 32 niveaux d'imbrication, un lien cassé ou qui sort du journal"),
        explanation: Message("A note journal cannot read is missing from everything it shows: re-save it as UTF-8, split a note that is too large (its front-matter is still read when only its body is over the limits), or move it out of the journal.",
                             fr: "Une note que journal ne peut pas lire manque à tout ce qu'il montre : réenregistrez-la en UTF-8, répartissez en plusieurs notes une note trop grande (son en-tête reste lu quand seul son corps dépasse les limites), ou sortez-la du journal."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": "---\ntype: session\n\u{0}"], expected: ["clients/a/s1.md:3"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(),
                                "clients/a/s2.md": "---\ntype: session\ndate: 2026-03-18\n---\n" + String(repeating: "> ", count: 40) + "x\n"],
                        expected: ["clients/a/s2.md:5"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile()], expected: []),
        ])
}
