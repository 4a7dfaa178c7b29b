import Foundation

/// `journal new`: writes a note from its template, pre-filled from the index, atomically and
/// never over an existing file.
public struct NoteWriter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case client, session, chemistry, threeWay = "three-way", supervision
    }

    public enum Failure: UserFacingError, Sendable {
        case badClientID(String)
        case unknownClient(String)
        case badDate(String, ValueError)
        case emptyName

        public func message(in language: JournalConfig.Language) -> String {
            let fr = language == .fr
            switch self {
            case .badClientID(let id):
                return fr ? "« \(id) » ne peut pas être un identifiant de client : lettres minuscules, chiffres et tirets (par exemple jeanne-martin)"
                          : "“\(id)” cannot be a client id: use lower-case letters, digits and hyphens (e.g. jeanne-martin)"
            case .unknownClient(let id):
                return fr ? "il n'y a pas de client `\(id)` : créez-le d'abord avec `journal new client \(id) --name \"…\"`"
                          : "there is no client `\(id)`: create it first with `journal new client \(id) --name \"…\"`"
            case .badDate(let text, let reason):
                return fr ? "--date « \(text) » : \(reason.text.fr)" : "--date “\(text)”: \(reason.text.en)"
            case .emptyName:
                return fr ? "--name ne peut pas être vide" : "--name cannot be empty"
            }
        }
    }

    let journal: Journal
    let templates: Templates

    public init(journal: Journal, language: JournalConfig.Language? = nil) {
        self.journal = journal
        self.templates = Templates(journalRoot: journal.root, language: language ?? journal.config.language)
    }

    /// A client id for a new folder: a plain slug, so that it is safe as a path and an id.
    static func isNewClientID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && !id.hasPrefix("-") && !id.hasSuffix("-")
            && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// Writes clients/ID/client.md. Returns its path relative to the journal.
    public func newClient(id: String, name: String, today: LocalDate, force: Bool = false) throws -> String {
        guard Self.isNewClientID(id) else { throw Failure.badClientID(id) }
        guard !name.trimmingWhitespace.isEmpty else { throw Failure.emptyName }
        let text = try templates.render("client.md", [
            "name": Templates.yamlScalar(name), "today": today.description, "client": id,
        ])
        let path = "clients/\(id)/client.md"
        do {
            try AtomicFile.write(Data(text.utf8), to: journal.root.appendingPathComponent(path), overwrite: force)
        } catch AtomicFile.Failure.exists {
            throw AtomicFile.Failure.exists(path)
        }
        return path
    }

    /// Writes a dated note for `client` (nil for supervision). `date` is the user's `--date`;
    /// without it a session takes the `next` date fixed last time, else `now`.
    /// With `force`, an existing note of the same name is replaced instead of a `-2` being added.
    public func newNote(_ kind: Kind, client: String?, date: String?, now: DateValue, force: Bool = false) throws -> String {
        precondition(kind != .client)
        var resolution: ClientResolution? = nil
        var sessions: [Note] = []
        if let client {
            guard ClientID.isValid(client) else { throw Failure.badClientID(client) }
            let store = try IndexStore.open(journal)
            _ = try store.update()
            resolution = try store.resolutions().first { $0.client?.id == client }
            guard resolution != nil else { throw Failure.unknownClient(client) }
            if kind == .session {
                sessions = try store.notes(ofClient: client).filter { $0.type == .session || $0.type == .client }
                    .sorted { ($0.date?.instant(in: journal.config.timezone) ?? .distantPast, $0.path)
                        < ($1.date?.instant(in: journal.config.timezone) ?? .distantPast, $1.path) }
            }
        }
        var noteDate = now
        if let date {
            switch DateValue.parse(date) {
            case .success(let parsed): noteDate = parsed
            case .failure(let error): throw Failure.badDate(date, error)
            }
        } else if kind == .session, let next = resolution.flatMap(Self.lastNext) {
            noteDate = next
        }
        var context: [String: Any] = ["date": noteDate.description, "client": client ?? ""]
        if kind == .session, let resolution {
            // Planned sessions count: a second skeleton prepares the session after the first.
            let numbered = resolution.documents.filter { $0.type == "session" && ($0.status == "held" || $0.status == "planned") }
            context["number"] = (numbered.compactMap(\.number).max() ?? 0) + 1
            let (minutes, mode) = Self.usual(sessions: sessions, config: journal.config)
            context["duration"] = String(minutes)
            context["mode"] = Self.written(mode, templates.language)
            // A carried commitment is closed: its successor is the one to review.
            let open = resolution.commitments.filter { ["open", "partial"].contains($0.status) }
            // A private commitment is reviewed under the private heading, never in the open.
            context["review"] = open.filter { !$0.isPrivate }.map { ["ref": $0.id, "text": $0.text] as [String: Any] }
            context["private_review"] = open.filter(\.isPrivate).map { ["ref": $0.id, "text": $0.text] as [String: Any] }
            context["has_private_review"] = open.contains(where: \.isPrivate)
        }
        let text = try templates.render("\(kind.rawValue).md", context)
        let folder = client.map { "clients/\($0)" } ?? "supervision"
        let base = "\(folder)/\(noteDate.date.description)-\(kind.rawValue)"
        if force {
            try AtomicFile.write(Data(text.utf8), to: journal.root.appendingPathComponent(base + ".md"), overwrite: true)
            return base + ".md"
        }
        // A second note of the same kind on the same day gets a suffix rather than a refusal.
        for suffix in 1...99 {
            let path = suffix == 1 ? base + ".md" : base + "-\(suffix).md"
            do {
                try AtomicFile.write(Data(text.utf8), to: journal.root.appendingPathComponent(path),
                                     overwrite: false)
                return path
            } catch AtomicFile.Failure.exists {
                continue
            }
        }
        throw AtomicFile.Failure.exists(base + ".md")
    }

    /// The length and the mode a new session note starts with: the contract's, else journal.yml's,
    /// else the latest session's that gives one, else an hour by video. `notes`: the client's
    /// case file and sessions, in date order.
    static func usual(sessions notes: [Note], config: JournalConfig) -> (minutes: Int, mode: Mode) {
        let contract = notes.first(where: { $0.type == .client })?.caseFile?.contract
        let previous = notes.filter { $0.type == .session && $0.status != .cancelled && $0.status != .noShow }
        let minutes = contract?.duration ?? config.duration
            ?? previous.last(where: { $0.durationMinutes != nil })?.durationMinutes ?? CaseBook.fallbackDuration
        let mode = contract?.mode ?? config.mode ?? previous.last(where: { $0.mode != nil })?.mode ?? .visio
        return (minutes, mode)
    }

    /// A mode as the coach would write it in a note of that language.
    static func written(_ mode: Mode, _ language: JournalConfig.Language) -> String {
        guard language == .fr else { return mode.rawValue }
        switch mode {
        case .visio: return "visio"
        case .phone: return "téléphone"
        case .inPerson: return "présentiel"
        }
    }

    /// The `next` date of the client's latest dated document.
    static func lastNext(_ resolution: ClientResolution) -> DateValue? {
        resolution.client?.next.flatMap(DateValue.parseUserDate)
    }
}
