import Foundation

/// Turns one file's bytes into a `Note`: front-matter fields typed and checked, body items read,
/// every problem a diagnostic. Pure: no file system, no clock, safe to run on many threads.
struct NoteParser: Sendable {
    var aliases: HeadingAliases
    /// The journal's zone, in which a `date` or `next` without an offset is read: a time its
    /// clocks skip is reported. nil: not checked.
    var zone: TimeZone?
    /// `tasks` in journal.yml: the Tasks global filter and the coach's own checkboxes.
    var tasks: TasksSettings

    init(aliases: HeadingAliases = HeadingAliases(), zone: TimeZone? = nil, tasks: TasksSettings = TasksSettings()) {
        self.aliases = aliases
        self.zone = zone
        self.tasks = tasks
    }

    func parse(data: Data, path: String) -> Note {
        var note = Note(path: path)
        let source: SourceText
        switch SourceText.decode(data) {
        case .success(let decoded):
            source = decoded
        case .failure(let problem):
            note.diagnostics.append(Self.diagnostic(for: problem, path: path))
            return note
        }
        return parse(source: source, path: path)
    }

    func parse(source: SourceText, path: String) -> Note {
        var note = Note(path: path)
        let frontMatter = FrontMatter(lines: source.lines)
        var reader = FieldReader(path: path)
        for problem in frontMatter.problems {
            reader.report(Rule.frontmatterInvalid, line: problem.line, column: problem.column,
                          problem.message)
        }
        guard let root = frontMatter.root, let entries = root.entries else {
            note.diagnostics = reader.diagnostics
            return note
        }
        for entry in entries { note.keyLines[entry.key] = entry.keyLine }
        guard let typeValue = root["type"], !typeValue.isNull else {
            // Markdown with front-matter but no type: not a journal document.
            note.diagnostics = reader.diagnostics
            return note
        }
        guard let type = reader.choice(typeValue, key: "type",
                                       allowed: DocumentType.allCases.map(\.rawValue),
                                       DocumentType.parse) else {
            note.diagnostics = reader.diagnostics
            return note
        }
        note.type = type
        // Most notes have none: one search of the bytes saves a search per line.
        if ByteSearch.contains(source.text, "journal-lint-disable") {
            note.suppressions = Self.suppressions(in: source.lines, bodyStart: frontMatter.bodyStartLine)
        }
        readFields(entries: entries, root: root, into: &note, reader: &reader)
        note.client = note.client ?? Self.clientFolder(of: path)
        note.searchLines = SearchLine.header(source.lines, bodyStartLine: frontMatter.bodyStartLine)
        readBody(source: source, firstLine: frontMatter.bodyStartLine, into: &note, reader: &reader)
        note.diagnostics = Self.bounded(reader.diagnostics, path: path)
        return note
    }

    /// The most diagnostics one note's reading gives. A note at the caps can hold a problem on
    /// every few bytes (a million bytes of `📅📅📅`, 240,000 fields without value): listing them
    /// all would cost the index, lint and every command far more than the note itself.
    static let maximumDiagnostics = 500

    /// The first `maximumDiagnostics`, then one that says how many more there are.
    static func bounded(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
        guard diagnostics.count > maximumDiagnostics else { return diagnostics }
        let rest = diagnostics[maximumDiagnostics...]
        let first = rest.first!
        let more = rest.count
        return Array(diagnostics.prefix(maximumDiagnostics)) + [Diagnostic(
            path: path, line: first.line, column: first.column, severity: rest.map(\.severity).min()!, rule: first.rule, Message(
                "this note has \(more) more problems from here on, not listed (a note shows at most \(maximumDiagnostics)): fix the ones above, then run journal lint again",
                fr: "cette note a encore \(more) problèmes à partir d'ici, qui ne sont pas listés (une note en montre au plus \(maximumDiagnostics)) : corrigez ceux ci-dessus, puis relancez journal lint"))]
    }

    /// `clients/ID/…` → ID, in the form ids are compared in (a folder made on macOS is named
    /// in NFD).
    static func clientFolder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == "clients" else { return nil }
        return ClientID.normalized(String(parts[1]))
    }

    static func diagnostic(for problem: SourceText.Problem, path: String) -> Diagnostic {
        switch problem {
        case .tooLarge(let bytes):
            let size = Double(bytes) / 1_048_576
            let shown = size < 10 ? String(format: "%.1f", size) : String(Int(size))
            return Diagnostic(path: path, line: 1, column: 1, severity: .error, rule: Rule.fileUnreadable, Message(
                "the file is \(shown) MB, more than the 1 MB a note may hold: it was not read; split it into several notes, or move it out of the journal if it is not one",
                fr: "le fichier fait \(shown.replacingOccurrences(of: ".", with: ",")) Mo, plus que le 1 Mo qu'une note peut contenir : il n'a pas été lu ; répartissez-le en plusieurs notes, ou sortez-le du journal si ce n'en est pas une"))
        case .binary(let line, let column):
            return Diagnostic(path: path, line: line, column: column, severity: .error, rule: Rule.fileUnreadable, Message(
                "this looks like a binary file, not a text note: it was skipped (move it out of the journal, or rename it without .md)",
                fr: "ce fichier semble binaire, pas une note en texte : il n'a pas été lu (sortez-le du journal, ou renommez-le sans .md)"))
        case .notUTF8(let line, let column):
            return Diagnostic(path: path, line: line, column: column, severity: .error, rule: Rule.fileUnreadable, Message(
                "the file is not UTF-8 text (perhaps Latin-1 or Windows-1252): re-save it as UTF-8 in your editor; it was skipped",
                fr: "le fichier n'est pas en UTF-8 (peut-être en Latin-1 ou Windows-1252) : réenregistrez-le en UTF-8 dans votre éditeur ; il n'a pas été lu"))
        }
    }
}

