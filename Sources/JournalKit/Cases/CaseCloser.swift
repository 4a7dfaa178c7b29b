import Foundation

/// `journal close CLIENT`: the one edit this command exists to make, in the case file's
/// front-matter: `status`, `closed` and `outcome`, each written on its own line. Every other
/// byte of the file stays as it was, and the file is replaced atomically, only if nobody
/// changed it meanwhile.
public struct CaseCloser: Sendable {
    public struct Change: Sendable, Hashable {
        public var key: String
        /// The line as it was; nil when the key was added.
        public var before: String?
        public var after: String
    }

    public struct Outcome: Sendable {
        public var path: String
        public var changes: [Change]
        /// Still open when the case was closed: worth a word with the client.
        public var openCommitments: [ResolvedCommitment]
        /// Appointments still fixed on or after the closing day.
        public var standingAppointments: [DateValue]
    }

    public enum Failure: UserFacingError, Sendable {
        case uncommitted(String)
        case emptyOutcome
        case noFrontMatter(String)
        case notReadBack(String)

        public var message: Message {
            switch self {
            case .uncommitted(let path):
                return Message("\(path) has uncommitted changes (or was never committed): commit them first, so that git keeps the version before, or run again with --force; nothing was changed",
                           fr: "\(path) a des modifications non commitées (ou n'a jamais été commité) : commitez-les d'abord, pour que git garde la version d'avant, ou relancez avec --force ; rien n'a été modifié")
            case .emptyOutcome:
                return Message("--outcome is empty: say in one sentence how the coaching ended",
                           fr: "--outcome est vide : écrivez en une phrase comment l'accompagnement s'est terminé")
            case .noFrontMatter(let path):
                return Message("\(path) has no YAML header closed by `---`: fix it (journal lint); nothing was changed",
                           fr: "\(path) n'a pas d'en-tête YAML fermé par `---` : corrigez-le (journal lint), rien n'a été modifié")
            case .notReadBack(let path):
                return Message("the edit of \(path) does not read back as intended (an unusual header?): nothing was changed; write `status`, `closed` and `outcome` by hand",
                           fr: "la modification de \(path) ne se relit pas comme prévu (un en-tête inhabituel ?) : rien n'a été modifié ; écrivez `status`, `closed` et `outcome` à la main")
            }
        }
    }

    public let journal: Journal

    public init(journal: Journal) { self.journal = journal }

    /// Closes `client`'s case on `date` with `outcome`. `force`: even when git says the case
    /// file has uncommitted changes. `beforeCheck` lets tests change the file at the last moment.
    public func close(book: CaseBook, client typed: String, outcome: String, date: LocalDate, force: Bool,
                      beforeCheck: (() -> Void)? = nil) throws -> Outcome {
        let client = ClientID.normalized(typed)
        guard let caseNote = book.caseNote(of: client) else {
            throw UnknownClient(client, nearest: book.nearestClient(to: client))
        }
        let sentence = outcome.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace
        guard !sentence.isEmpty else { throw Failure.emptyOutcome }
        let path = caseNote.path
        if !force, Git(on: journal.process)?.uncommitted(in: journal.root).contains(path) == true { throw Failure.uncommitted(path) }
        let url = journal.root.appendingPathComponent(path)
        let original: Data
        do {
            original = try Data(contentsOf: url)
        } catch {
            throw AtomicFile.Failure.io(path, ErrorText.describe(error, in: .en) ?? "\(error)")
        }
        let values = [("status", "closed"), ("closed", date.description), ("outcome", Self.quoted(sentence))]
        guard let edit = Self.edit(original, setting: values) else { throw Failure.noFrontMatter(path) }
        // What was written must read back as meant, or nothing is replaced.
        let parsed = NoteParser(aliases: journal.config.headingAliases, zone: journal.config.timezone)
            .parse(data: edit.data, path: path)
        guard parsed.caseFile?.status == .closed, parsed.caseFile?.closed == date, parsed.caseFile?.outcome == sentence,
              parsed.type == .client else {
            throw Failure.notReadBack(path)
        }
        try AtomicFile.replace(edit.data, at: url, inside: journal.root, expecting: original, beforeCheck: beforeCheck)
        let standing = ScheduledAppointment.current(in: book)
            .filter { $0.client == client && $0.date.date >= date && !$0.cancelled }.map(\.date)
        return Outcome(path: path, changes: edit.changes,
                       openCommitments: (book.resolutions[client]?.commitments ?? []).filter(\.isOpen),
                       standingAppointments: standing)
    }

    /// A YAML double-quoted scalar: always read back as the same text, whatever it holds.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The file with each `key: value` set in its front-matter: a top-level key already there
    /// has its line (and its value's continuation lines) replaced; a missing one is added just
    /// before the closing `---`. Bytes outside those lines are untouched; the file's own line
    /// ending is used. nil when the file has no closed front-matter.
    static func edit(_ data: Data, setting values: [(String, String)]) -> (data: Data, changes: [Change])? {
        let bytes = [UInt8](data)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        // Bytes, not characters: in Swift "\r\n" is one character.
        func content(_ line: ArraySlice<UInt8>) -> String {
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 10 || line[end - 1] == 13 { end -= 1 }
            return String(decoding: line[line.startIndex..<end], as: UTF8.self)
        }
        guard let first = lines.first else { return nil }
        var opening = content(first)
        if opening.hasPrefix("\u{FEFF}") { opening.removeFirst() }
        guard opening.trimmingTrailingSpaces == "---" else { return nil }
        guard let closing = lines.indices.dropFirst().first(where: {
            let text = content(lines[$0]).trimmingTrailingSpaces
            return text == "---" || text == "..."
        }) else { return nil }
        let ending: [UInt8] = first.count >= 2 && first[first.endIndex - 2] == UInt8(ascii: "\r") ? [13, 10] : [10]
        // Each key's span: its line, and the lines after it that continue its value (indented,
        // a block sequence's `- ` at the left margin, or blank lines inside such a run).
        func span(of key: String) -> Range<Int>? {
            guard let line = (1..<closing).first(where: { Self.isKey(key, content(lines[$0])) }) else { return nil }
            var end = line + 1
            var lastContinued = end
            while end < closing {
                let text = content(lines[end])
                if text.trimmingCharacters(in: .whitespaces).isEmpty { end += 1; continue }
                guard text.hasPrefix(" ") || text.hasPrefix("\t") || text.hasPrefix("- ") || text == "-" else { break }
                end += 1
                lastContinued = end
            }
            return line..<lastContinued
        }
        var replacements: [(range: Range<Int>, text: String, key: String)] = []
        var added: [(String, String)] = []
        var changes: [Change] = []
        for (key, value) in values {
            let text = "\(key): \(value)"
            if let range = span(of: key) {
                let before = range.map { content(lines[$0]) }.joined(separator: "\n")
                replacements.append((range, text, key))
                changes.append(Change(key: key, before: before, after: text))
            } else {
                added.append((key, text))
                changes.append(Change(key: key, before: nil, after: text))
            }
        }
        var out: [UInt8] = []
        var index = 0
        while index < lines.count {
            if index == closing {
                for (_, text) in added { out += Array(text.utf8) + ending }
            }
            if let replacement = replacements.first(where: { $0.range.lowerBound == index }) {
                out += Array(replacement.text.utf8) + ending
                index = replacement.range.upperBound
                continue
            }
            out += lines[index]
            index += 1
        }
        return (Data(out), changes)
    }

    /// `key:` at the left margin, with nothing but spaces before the colon.
    private static func isKey(_ key: String, _ line: String) -> Bool {
        guard line.hasPrefix(key) else { return false }
        let rest = line.dropFirst(key.count).drop { $0 == " " }
        return rest.hasPrefix(":") && (rest.count == 1 || rest.dropFirst().first == " " || rest.dropFirst().first == "\t")
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") || text.hasSuffix("\t") { text.removeLast() }
        return text
    }
}
