import Foundation

/// `journal summarize CLIENT`: a case summary a supervisor can follow without being able to
/// tell who the client is (PRIVACY.md). Everything that leaves goes through the `Anonymiser`;
/// the rendered text then goes through the `LeakGate`, and nothing is returned if it finds
/// anything.
public enum CaseSummary {
    public enum Format: String, Sendable, CaseIterable { case markdown = "md", html }

    public struct Options: Sendable {
        public var client: String
        public var format: Format
        public var anonymise: Bool
        /// Refuse to render while a name the case file does not declare remains.
        public var strict: Bool
        public init(client: String, format: Format = .markdown, anonymise: Bool = true, strict: Bool = false) {
            self.client = client
            self.format = format
            self.anonymise = anonymise
            self.strict = strict
        }
    }

    /// A name that looks like a person's and that the case file does not declare.
    public struct UndeclaredName: Sendable, Hashable {
        public var name: String
        public var path: String
        public var line: Int
    }

    public struct Output: Sendable {
        public var text: String
        /// Replaced by « [personne] »: the coach should declare them.
        public var undeclared: [UndeclaredName]
    }

    public enum Failure: UserFacingError, Sendable {
        case unknownClient(String)
        case leak([LeakHit])
        case undeclared([UndeclaredName])

        public func message(in language: JournalConfig.Language) -> String {
            let fr = language == .fr
            switch self {
            case .unknownClient(let id):
                return fr ? "il n'y a pas de dossier client `\(id)` dans ce journal (clients/\(id)/client.md)"
                          : "there is no case file for client `\(id)` in this journal (clients/\(id)/client.md)"
            case .undeclared(let names):
                return (fr ? "--strict : \(names.count) nom(s) non déclaré(s) dans le dossier ; déclarez-les dans `people` (ou `aliases`) de clients/…/client.md, rien n'a été écrit"
                           : "--strict: \(names.count) name(s) not declared in the case file; declare them under `people` (or `aliases`) in clients/…/client.md; nothing was written")
            case .leak(let hits):
                let list = hits.prefix(20).map { hit in
                    "  " + (hit.line > 0 ? (fr ? "ligne \(hit.line) : " : "line \(hit.line): ") : "")
                        + "« \(hit.found) » (\(hit.what))"
                }.joined(separator: "\n")
                return (fr ? "la synthèse laisserait passer \(hits.count) élément(s) identifiant(s) ; rien n'a été écrit :\n"
                           : "the summary would leak \(hits.count) identifying item(s); nothing was written:\n") + list
                    + (fr ? "\n(si un modèle personnalisé affiche un champ brut, corrigez templates/summary.md)"
                          : "\n(if a custom template prints a raw field, fix templates/summary.md)")
            }
        }
    }

    public static func render(_ journal: Journal, store: IndexStore, options: Options) throws -> Output {
        let language = journal.config.language
        let notes = try store.notes(ofClient: options.client)
        guard let resolution = try store.resolutions(of: [options.client]).first,
              let caseNote = notes.first(where: { $0.type == .client }), let file = caseNote.caseFile else {
            throw Failure.unknownClient(options.client)
        }
        let documents = notes.filter { $0.type != nil && $0.type != .client && $0.type != .supervision && $0.date != nil }
            .sorted { ($0.date!.date, $0.path) < ($1.date!.date, $1.path) }
        let origin = documents.first(where: { $0.type == .session && ($0.status ?? .held) == .held })?.date?.date
            ?? documents.first?.date?.date

        // What to hide, and with what.
        var registry: Registry?
        var undeclared: [UndeclaredName] = []
        if options.anonymise {
            let allNotes = try store.documents()
            var excluded = UndeclaredPerson.words(journal.config.coach ?? "")
            for note in allNotes {
                if let other = note.caseFile { excluded.formUnion(UndeclaredPerson.declared(other, client: note.client ?? "")) }
                for candidate in note.names { excluded.formUnion(UndeclaredPerson.words(candidate.name)) }
            }
            var pseudonyms = Pseudonyms(key: try Pseudonyms.key(journalRoot: journal.root), language: language, excluded: excluded)
            registry = Registry(client: options.client, file: file, stems: ([caseNote] + documents).map(\.stem),
                                pseudonyms: &pseudonyms, language: language)
            undeclared = undeclaredNames(file: file, client: options.client, notes: [caseNote] + documents,
                                         coach: journal.config.coach)
        }
        if options.strict, !undeclared.isEmpty { throw Failure.undeclared(undeclared) }
        let undeclaredWords = Set(undeclared.map(\.name))
        let anonymiser = registry.map { Anonymiser(registry: $0, language: language, origin: origin, undeclared: undeclaredWords) }
        // Each body read and parsed once: rewritten for the summary, its private lines kept for the gate.
        var bodies: [String: NoteBody.Rendered] = [:]
        for (note, shift) in [(caseNote, 1)] + documents.map({ ($0, 2) }) {
            let date = note.type == .client ? nil : note.date?.date
            bodies[note.path] = NoteBody(root: journal.root, path: note.path).rendered(
                aliases: journal.config.headingAliases, shift: shift, flattenLinks: options.anonymise,
                text: { anonymiser?.apply($0, context: date) ?? $0 })
        }
        let builder = SummaryBuilder(language: language, anonymiser: anonymiser, origin: origin, file: file,
                                     client: options.client, resolution: resolution, documents: documents,
                                     bodies: bodies.mapValues(\.markdown), casePath: caseNote.path)
        var markdown = try Templates(journalRoot: journal.root, language: language).render("summary.md", builder.context())
        markdown = tidy(markdown)
        var text = markdown
        if options.format == .html {
            text = HTMLPage.render(markdown: markdown, title: builder.title, language: language)
        }
        let gate = LeakGate(registry: registry, undeclared: undeclaredWords,
                            privateLines: bodies.values.flatMap(\.privateLines))
        var hits = gate.scan(markdown)
        if options.format == .html { hits += gate.scan(HTMLPage.visibleText(text)) }
        guard hits.isEmpty else { throw Failure.leak(hits) }
        return Output(text: text, undeclared: undeclared)
    }

    /// Words that look like names in the case's outgoing text and that the case file does not
    /// declare: the `undeclared-person` detection, on the same notes.
    static func undeclaredNames(file: CaseFile, client: String, notes: [Note], coach: String?) -> [UndeclaredName] {
        let declared = UndeclaredPerson.words(coach ?? "").union(UndeclaredPerson.declared(file, client: client))
        var found: [UndeclaredName] = []
        var seen = Set<String>()
        func consider(_ name: String, path: String, line: Int) {
            guard !UndeclaredPerson.words(name).isSubset(of: declared), !seen.contains(name) else { return }
            seen.insert(name)
            found.append(UndeclaredName(name: name, path: path, line: line))
        }
        for note in notes {
            for candidate in note.names { consider(candidate.name, path: note.path, line: candidate.line) }
        }
        // Front-matter sentences go out too.
        let caseNote = notes.first { $0.type == .client }
        for (key, value) in [("demand", file.demand), ("need", file.need), ("outcome", file.outcome)] {
            guard let value, let caseNote else { continue }
            for candidate in NameDetector.candidates(in: Substring(value), number: caseNote.keyLines[key] ?? 1) {
                consider(candidate.name, path: caseNote.path, line: candidate.line)
            }
        }
        return found
    }

    /// Blank lines at most two in a row, one newline at the end.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blanks = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.reversed().drop { $0 == " " }
            let clean = line.prefix(trimmed.count)
            if clean.isEmpty {
                blanks += 1
                if blanks > 1 || lines.isEmpty { continue }
            } else {
                blanks = 0
            }
            lines.append(clean)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
