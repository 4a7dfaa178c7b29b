extension StructuralRule {
    /// Found by the parser and the index; this gives it its place in the catalogue.
    static let idDuplicate = StructuralRule(
        id: Rule.idDuplicate.rawValue, defaultSeverity: .error,
        summary: Message("one commitment id used twice for one client",
                         fr: "un même identifiant d'engagement utilisé deux fois pour un client"),
        explanation: Message("A review's `ref` must name one commitment; with two of the same id, one of them would never be followed. The same goes for two notes named alike (their implicit ids `NAME#N` would collide), and for two files whose names differ only in how their accents are encoded (one composed, one decomposed as macOS writes them): only one of those is read.",
                             fr: "Le `ref` d'une revue doit désigner un seul engagement ; avec deux identifiants identiques, l'un ne serait jamais suivi. De même pour deux notes du même nom (leurs identifiants implicites `NOM#N` se confondraient), et pour deux fichiers dont les noms ne diffèrent que par l'encodage de leurs accents (l'un composé, l'autre décomposé comme l'écrit macOS) : un seul des deux est lu."),
        examples: [
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Engagements\n- [x] A [id:: a]\n- [x] B [id:: a]\n")], expected: ["clients/a/s1.md:9"]),
            LintExample(files: ["clients/a/client.md": Sample.caseFile(), "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: none\nnext_reason: fin", "## Engagements\n- [x] A [id:: a]\n- [x] B [id:: b]\n")], expected: []),
        ])
}
