import Foundation

/// `journal new`: writes a note from its template, pre-filled from the index, atomically and
/// never over an existing file.
public struct NoteWriter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case client, session, chemistry, threeWay = "three-way", supervision
    }

    public enum Failure: UserFacingError, Sendable {
        case badClientID(String)
        case badDate(String, ValueError)
        /// A time the zone's clocks skip that night (they go from `from` straight to `to`).
        case skippedTime(String, zone: String, from: DateValue.Time, to: DateValue.Time)
        case emptyName

        public var message: Message {
            switch self {
            case .badClientID(let id):
                return Message("“\(id)” cannot be a client id: use lower-case letters, digits and hyphens (e.g. jeanne-martin)",
                           fr: "« \(id) » ne peut pas être un identifiant de client : lettres minuscules, chiffres et tirets (par exemple jeanne-martin)")
            case .badDate(let text, let reason):
                return Message("--date “\(text)”: \(reason.text.en)", fr: "--date « \(text) » : \(reason.text.fr)")
            case .skippedTime(let text, let zone, let from, let to):
                let start = LocalDate.pad(from.hour, 2) + ":" + LocalDate.pad(from.minute, 2)
                let end = LocalDate.pad(to.hour, 2) + ":" + LocalDate.pad(to.minute, 2)
                return Message("--date “\(text)” does not exist in \(zone): that night the clocks go from \(start) straight to \(end); choose a time before \(start) or from \(end) on",
                           fr: "--date « \(text) » n'existe pas dans le fuseau \(zone) : cette nuit-là, les horloges passent de \(start) directement à \(end) ; choisissez une heure avant \(start) ou à partir de \(end)")
            case .emptyName:
                return Message("--name cannot be empty", fr: "--name ne peut pas être vide")
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
            try write(text, to: path, force: force)
        } catch AtomicFile.Failure.exists {
            throw AtomicFile.Failure.exists(path)
        }
        return path
    }

    /// Writes a dated note for `client` (nil for supervision). `date` is the user's `--date`;
    /// without it a session takes the `next` date fixed last time, else `now`.
    /// With `force`, an existing note of the same name is replaced instead of a `-2` being added.
    ///
    /// Runs that write for one journal at the same moment (two `new session` for one client)
    /// take turns: each numbers its session from an index that includes the notes the others
    /// wrote, so no two sessions get the same number.
    public func newNote(_ kind: Kind, client typed: String?, date: String?, now: DateValue, force: Bool = false) throws -> String {
        precondition(kind != .client)
        guard let typed else {
            return try writeNote(kind, client: nil, date: date, now: now, force: force, store: nil)
        }
        guard ClientID.isValid(typed) else { throw Failure.badClientID(typed) }
        let store = try IndexStore.open(journal)
        let lock = journal.root.appendingPathComponent(IndexStore.folder).appendingPathComponent(Self.lockName)
        return try FileLock.withExclusive(lock) {
            try writeNote(kind, client: ClientID.normalized(typed), date: date, now: now, force: force, store: store)
        }
    }

    /// The lock `new` holds in `.journal/` while it reads the index and writes the note.
    static let lockName = "new.lock"

    private func writeNote(_ kind: Kind, client: String?, date: String?, now: DateValue, force: Bool,
                           store: IndexStore?) throws -> String {
        var resolution: ClientResolution? = nil
        // The client's folder as it is named on the disk (perhaps in another normal form than
        // the id typed).
        var clientFolder: String? = nil
        var sessions: [Note] = []
        if let client, let store {
            _ = try store.update()
            resolution = try store.resolutions().first { $0.client?.id == client }
            guard let resolution else { throw UnknownClient(client, needed: .caseFileToWriteIn, nearest: Suggestion.nearest(to: client, among: try store.clientsWithCaseFile())) }
            if let caseFile = resolution.documents.first(where: { $0.type == .client }),
               caseFile.path.hasPrefix("clients/") {
                clientFolder = caseFile.path.split(separator: "/").prefix(2).joined(separator: "/")
            }
            if kind == .session {
                sessions = try store.notes(ofClient: client).filter { $0.type == .session || $0.type == .client }
                    .sorted { ($0.date?.instant(in: journal.config.timezone) ?? .distantPast, $0.path)
                        < ($1.date?.instant(in: journal.config.timezone) ?? .distantPast, $1.path) }
            }
        }
        var noteDate = now
        if let date {
            switch DateValue.parse(date) {
            case .success(let parsed):
                // A note is never written with a time the journal's clocks skip: lint would
                // report it at once.
                if let (from, to) = parsed.skipped(in: journal.config.timezone) {
                    throw Failure.skippedTime(date, zone: journal.config.timezone.identifier, from: from, to: to)
                }
                noteDate = parsed
            case .failure(let error): throw Failure.badDate(date, error)
            }
        } else if kind == .session, let next = resolution.flatMap(Self.lastNext) {
            noteDate = next
        }
        var context: [String: Any] = ["date": noteDate.description, "client": client ?? ""]
        if kind == .session, let resolution {
            // Planned sessions count: a second skeleton prepares the session after the first.
            let numbered = resolution.documents.filter { $0.type == .session && ($0.status == .held || $0.status == .planned) }
            context["number"] = (numbered.compactMap(\.number).max() ?? 0) + 1
            let (minutes, mode) = Self.usual(sessions: sessions, config: journal.config)
            context["duration"] = String(minutes)
            context["mode"] = Self.written(mode, templates.language)
            // A carried commitment is closed: its successor is the one to review.
            let open = resolution.commitments.filter(\.isOpen)
            // A private commitment is reviewed under the private heading, never in the open.
            context["review"] = open.filter { !$0.isPrivate }.map { ["ref": $0.id, "text": $0.text] as [String: Any] }
            context["private_review"] = open.filter(\.isPrivate).map { ["ref": $0.id, "text": $0.text] as [String: Any] }
            context["has_private_review"] = open.contains(where: \.isPrivate)
        }
        let text = try templates.render("\(kind.rawValue).md", context)
        let folder = clientFolder ?? client.map { "clients/\($0)" } ?? "supervision"
        let base = "\(folder)/\(noteDate.date.description)-\(kind.rawValue)"
        if force {
            try write(text, to: base + ".md", force: true)
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

    /// Writes a new note at `path` (relative to the journal), never over an existing file; with
    /// `force`, an existing note is replaced as `lint --fix` replaces one: its permissions and
    /// owner kept, a link inside the journal written through (and left a link), anything else
    /// than a regular file with one link refused.
    private func write(_ text: String, to path: String, force: Bool) throws {
        let url = journal.root.appendingPathComponent(path)
        do {
            try AtomicFile.write(Data(text.utf8), to: url, overwrite: false)
        } catch AtomicFile.Failure.exists where force {
            try AtomicFile.replace(Data(text.utf8), at: url, inside: journal.root, expecting: nil)
        }
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
        resolution.client?.next
    }
}
