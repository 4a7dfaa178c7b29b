/// The folded words of people's names: how a name is compared with another, whatever its case,
/// accents or hyphens (`Jean-Pierre Roux` → jean, pierre, roux).
enum PersonWords {
    static func of(_ name: String) -> Set<String> {
        Set(TextFold.fold(name).split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    /// Every word of every name a case file declares: the client, aliases, people, sponsor,
    /// organisation and places.
    static func declared(by file: CaseFile, client: String) -> Set<String> {
        var names = [file.name ?? ""] + file.aliases + [client]
        names += file.people.flatMap { [$0.name] + $0.aliases }
        if let sponsor = file.sponsor { names += [sponsor.name] }
        if let organisation = file.organisation { names += [organisation.name] + organisation.aliases }
        names += file.places.map(\.name)
        return names.reduce(into: Set<String>()) { $0.formUnion(of($1)) }
    }
}

extension Note {
    /// Every word of a person's name this note gives, declared or detected, front-matter
    /// included: what a pseudonym must never be. Stored in the index beside the note, so that
    /// a summary does not decode every note of the journal to learn them.
    var personWords: Set<String> {
        var words = Set<String>()
        if let caseFile { words.formUnion(PersonWords.declared(by: caseFile, client: client ?? "")) }
        for candidate in names { words.formUnion(PersonWords.of(candidate.name)) }
        for person in participants + [supervisor].compactMap({ $0 }) { words.formUnion(PersonWords.of(person)) }
        return words
    }
}
