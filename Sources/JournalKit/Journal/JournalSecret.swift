public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The journal's own secret, in `journal.key` at the journal's root: committed with the notes
/// (it is not derived data), so that a fresh clone renders the same pseudonyms and calendar
/// UIDs, and nobody without it can recompute them from a guessed client id.
///
/// Both are keyed with HMAC-SHA256: the calendar UIDs directly, the pseudonyms through a key
/// derived from the secret. A journal that had `.journal/pseudonym-key` (before journal.key
/// existed) keeps that key for its pseudonyms, written into journal.key, so that they do not
/// change. The file is made by `journal init`, else by the first command that needs it.
public struct JournalSecret: Sendable {
    public static let fileName = "journal.key"
    /// Where pseudonym keys were kept before journal.key.
    static let legacyPath = ".journal/pseudonym-key"

    public enum Origin: Sendable, Equatable {
        /// journal.key was there.
        case existing
        /// Made now, with new random bytes.
        case created
        /// Made now, taking over `.journal/pseudonym-key`.
        case adopted
        /// Made now for this process only: the journal cannot be written (read-only), so the
        /// pseudonyms and calendar UIDs of this run will not be those of the next.
        case oneOff
    }

    public let origin: Origin
    /// Made now and ignored by the journal's git repository: the coach must be told.
    public let ignoredByGit: Bool
    let secret: String
    let legacyPseudonymKey: String?
    private let uidKey: [UInt8]

    init(secret: String, legacyPseudonymKey: String? = nil, origin: Origin = .existing, ignoredByGit: Bool = false) {
        self.secret = secret
        self.legacyPseudonymKey = legacyPseudonymKey
        self.origin = origin
        self.ignoredByGit = ignoredByGit
        uidKey = HMACSHA256.mac(key: Array(secret.utf8), message: Array("journal\u{0}calendar-uid".utf8))
    }

    /// What keys the pseudonyms' choice (`Pseudonyms.key`).
    var pseudonymKey: String {
        legacyPseudonymKey ?? HMACSHA256.hex(key: Array(secret.utf8), message: Array("journal\u{0}pseudonyms".utf8))
    }

    /// A calendar UID: 128 bits of HMAC-SHA256 of the parts, under a key derived from the secret.
    func uid(_ parts: [String]) -> String {
        let message = Array(parts.joined(separator: "\u{0}").utf8)
        return String(HMACSHA256.hex(key: uidKey, message: message).prefix(32)) + "@journal"
    }

    // MARK: The file

    public enum Failure: UserFacingError, Sendable {
        case linkOutside(String)
        case notAFile(String)
        case unreadable(String)

        public var message: Message {
            switch self {
            case .linkOutside(let path):
                return Message("\(path) is a link to outside the journal (or to nothing): it is not followed. Replace it with the file itself (the journal's secret is committed with the notes).",
                           fr: "\(path) est un lien vers l'extérieur du journal (ou vers rien) : il n'est pas suivi. Remplacez-le par le fichier lui-même (le secret du journal se versionne avec les notes).")
            case .notAFile(let path):
                return Message("\(path) is not a file: the journal's secret cannot be read from it",
                           fr: "\(path) n'est pas un fichier : le secret du journal ne peut pas y être lu")
            case .unreadable(let path):
                return Message("\(path) holds no readable secret: restore it from git (git checkout -- \(Self.name(path))). Deleting it would give other pseudonyms and other calendar UIDs.",
                           fr: "\(path) ne contient pas de secret lisible : restaurez-le depuis git (git checkout -- \(Self.name(path))). Le supprimer donnerait d'autres pseudonymes et d'autres identifiants de calendrier.")
            }
        }

        private static func name(_ path: String) -> String {
            String(path.split(separator: "/").last ?? Substring(path))
        }
    }

    /// The journal's secret, made (or taken over from `.journal/pseudonym-key`) when missing.
    /// `process`: where git is found, to tell whether the repository ignores the file it made.
    public static func load(root: URL, process: ProcessContext) throws -> JournalSecret {
        let url = root.appendingPathComponent(fileName)
        if let text = try readFile(url, root: root) {
            guard let parsed = parse(text) else { throw Failure.unreadable(url.path) }
            return parsed
        }
        let legacy = (try? readFile(root.appendingPathComponent(legacyPath), root: root))
            .flatMap { $0 }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.count >= 32 && !$0.contains(where: \.isWhitespace) ? $0 : nil }
        let secret = randomHex(bytes: 32)
        do {
            try AtomicFile.write(Data(contents(secret: secret, legacy: legacy).utf8), to: url, overwrite: false)
        } catch AtomicFile.Failure.exists {
            // Another process made it first: use theirs.
            guard let text = try readFile(url, root: root), let parsed = parse(text) else { throw Failure.unreadable(url.path) }
            return parsed
        } catch AtomicFile.Failure.io where access(root.path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM) {
            // A read-only journal still gives unguessable pseudonyms, from a key that lives
            // as long as this process; the coach is told they will change.
            return JournalSecret(secret: secret, legacyPseudonymKey: legacy, origin: .oneOff)
        }
        return JournalSecret(secret: secret, legacyPseudonymKey: legacy, origin: legacy == nil ? .created : .adopted,
                             ignoredByGit: isIgnoredByGit(root: root, process: process))
    }

    /// What `load` says on the error output when it made the file; nil when it was there.
    public func notice(in language: JournalConfig.Language) -> String? {
        var text: String
        switch origin {
        case .existing:
            return nil
        case .created:
            text = Message("created journal.key: this journal's secret, which keeps its pseudonyms and calendar UIDs stable and unguessable. Commit it with the notes (git add journal.key) so that a clone gives the same; share it with nobody.",
                       fr: "journal.key créé : c'est le secret de ce journal, qui rend ses pseudonymes et les identifiants de son calendrier stables et impossibles à deviner. Versionnez-le avec les notes (git add journal.key) pour qu'un clone donne les mêmes ; ne le partagez avec personne.").in(language)
        case .oneOff:
            return Message("journal.key could not be created (the journal is read-only): the pseudonyms and calendar UIDs of this output come from a one-off key and will change next time; run a command where the journal can be written to create journal.key",
                       fr: "journal.key n'a pas pu être créé (le journal est en lecture seule) : les pseudonymes et les identifiants de calendrier de cette sortie viennent d'une clé à usage unique et changeront la prochaine fois ; lancez une commande là où le journal peut être écrit pour créer journal.key").in(language)
        case .adopted:
            text = Message("created journal.key: this journal's secret; it takes over the key of .journal/pseudonym-key, so your pseudonyms do not change. Commit it with the notes (git add journal.key) so that a clone gives the same; share it with nobody.",
                       fr: "journal.key créé : c'est le secret de ce journal ; il reprend la clé de .journal/pseudonym-key, vos pseudonymes ne changent donc pas. Versionnez-le avec les notes (git add journal.key) pour qu'un clone donne les mêmes ; ne le partagez avec personne.").in(language)
        }
        if ignoredByGit {
            text += Message(" Beware: git ignores it; add the line “!journal.key” to the journal's .gitignore.",
                        fr: " Attention : git l'ignore ; ajoutez la ligne « !journal.key » au .gitignore du journal.").in(language)
        }
        return text
    }

    /// `secret: …` (and `pseudonym-key: …` when taken over), after comments saying what it is.
    static func contents(secret: String, legacy: String?) -> String {
        var lines = [
            "# journal.key : le secret de ce journal / this journal's secret.",
            "# Il rend pseudonymes et identifiants du calendrier stables et impossibles à deviner.",
            "# Versionnez-le avec les notes ; ne le partagez pas ; ne le modifiez pas.",
            "# It keeps pseudonyms and calendar UIDs stable and unguessable.",
            "# Commit it with the notes; do not share it; do not edit it.",
            "secret: " + secret,
        ]
        if let legacy {
            lines.append("# Repris de .journal/pseudonym-key / taken over from .journal/pseudonym-key:")
            lines.append("pseudonym-key: " + legacy)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parse(_ text: String) -> JournalSecret? {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if values[key] == nil { values[key] = value }
        }
        func valid(_ value: String?) -> String? {
            guard let value, value.count >= 32, !value.contains(where: \.isWhitespace) else { return nil }
            return value
        }
        guard let secret = valid(values["secret"]) else { return nil }
        if values["pseudonym-key"] != nil, valid(values["pseudonym-key"]) == nil { return nil }
        return JournalSecret(secret: secret, legacyPseudonymKey: valid(values["pseudonym-key"]))
    }

    /// The file's text; nil when there is none. A link is followed only when it resolves
    /// inside the journal; anything but a regular file, or a large one, is refused.
    static func readFile(_ url: URL, root: URL) throws -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw Failure.notAFile(url.path)
        }
        var path = url.path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = FileSystem.realPath(url.path),
                  let base = FileSystem.realPath(root.path),
                  resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                throw Failure.linkOutside(url.path)
            }
            path = resolved
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { throw errno == ELOOP ? Failure.linkOutside(url.path) : Failure.notAFile(url.path) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw Failure.notAFile(url.path) }
        guard info.st_size <= 65_536 else { throw Failure.unreadable(url.path) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count <= 0 { break }
            filled += count
        }
        guard let text = String(validating: bytes[..<filled], as: UTF8.self) else { throw Failure.unreadable(url.path) }
        return text
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return HMACSHA256.hex((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Whether the journal's git repository (if any) ignores journal.key.
    static func isIgnoredByGit(root: URL, process: ProcessContext) -> Bool {
        guard let git = Git(on: process) else { return false }
        return git.run(["-C", root.path, "check-ignore", "-q", fileName])
    }
}
