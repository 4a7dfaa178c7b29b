/// A name the case file does not declare is a name an anonymised summary cannot hide.
struct UndeclaredPerson: LintRule {
    let id = Rule.undeclaredPerson.rawValue
    let defaultSeverity = Diagnostic.Severity.warning
    let summary = Message("a word that looks like a person's name is not declared in the client's case file",
                          fr: "un mot qui ressemble au nom d'une personne n'est pas déclaré dans le dossier du client")
    let explanation = Message(
        "Summaries for supervision hide everyone the case file declares (the client, the sponsor, `people`, with their `aliases`). A colleague named once in a note and declared nowhere could not be hidden reliably: declare them in `people` (or, for the client, in `aliases`). Found: a known first name written with a capital (not at the start of a sentence when it is also an ordinary word, like Claire or Rose), or any capitalised word after a title (M., Mme, Dr, Me…). Private sections, comments and code are not checked: they never leave the journal.",
        fr: "Les synthèses pour la supervision masquent toutes les personnes que le dossier déclare (le client, le commanditaire, `people`, avec leurs `aliases`). Un collègue nommé une fois dans une note et déclaré nulle part ne pourrait pas être masqué de façon sûre : déclarez-le dans `people` (ou, pour le client, dans `aliases`). Sont repérés : un prénom connu écrit avec une majuscule (pas en début de phrase quand c'est aussi un mot courant, comme Claire ou Rose), ou tout mot à majuscule après un titre (M., Mme, Dr, Me…). Les sections privées, les commentaires et le code ne sont pas vérifiés : ils ne sortent jamais du journal.")
    let examples = [
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\npeople: [{name: Karim Haddad, relation: collègue}]"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15",
                                                           "Ana a parlé avec Karim, puis avec Mme Lefort.\n\nClaire et nette, sa décision tient.\n\n## Notes privées\n\nSophie, sa sœur, l'inquiète.\n")],
                    expected: ["clients/a/s1.md:6"]),
        LintExample(files: ["clients/a/client.md": Sample.caseFile("status: active\naliases: [Anita]\npeople: [{name: Karim Haddad, aliases: [KH]}]"),
                            "clients/a/s1.md": Sample.note("session", "date: 2026-05-01\nnext: 2026-05-15",
                                                           "Anita a revu Karim et M. Haddad.\n")],
                    expected: []),
    ]

    func check(_ context: LintContext) -> [Finding] {
        let coach = PersonWords.of(context.config.coach ?? "")
        return context.caseFiles.flatMap { client, entry -> [Finding] in
            let declared = coach.union(PersonWords.declared(by: entry.file, client: client))
            var findings: [Finding] = []
            for note in [entry.note] + context.notes(of: client) {
                var reported = Set<String>()
                for candidate in note.names where candidate.confident && !reported.contains(candidate.name) {
                    let parts = PersonWords.of(candidate.name)
                    guard !parts.isSubset(of: declared) else { continue }
                    reported.insert(candidate.name)
                    findings.append(Finding(path: note.path, line: candidate.line, column: candidate.column, message: Message(
                        "“\(candidate.name)” looks like a person's name that the case file does not declare: add them to `people` (or `aliases`) so that summaries can hide them",
                        fr: "« \(candidate.name) » ressemble au nom d'une personne que le dossier ne déclare pas : ajoutez-la à `people` (ou `aliases`) pour que les synthèses puissent la masquer")))
                }
            }
            return findings
        }
    }
}
