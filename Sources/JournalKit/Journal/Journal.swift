public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A journal folder: its root and its configuration.
public struct Journal: Sendable {
    public let root: URL
    public let config: JournalConfig
    /// Raw bytes of journal.yml: part of the index's fingerprint, since headings and the time
    /// zone change what notes mean.
    let configData: Data
    /// The process's environment, folder and time zone, as the executable handed them in.
    public let process: ProcessContext

    public enum LocateError: UserFacingError, Sendable {
        case notAJournal(String)
        case noJournalFound(String)

        public var message: Message {
            switch self {
            case .notAJournal(let path):
                return Message("\(path) is not a journal: it has no journal.yml (create one with `journal init \(path)`)",
                           fr: "\(path) n'est pas un journal : il n'a pas de journal.yml (créez-le avec `journal init \(path)`)")
            case .noJournalFound(let path):
                return Message("no journal found in \(path) or any folder above it: run `journal init`, or give --journal DIR (or JOURNAL_DIR)",
                           fr: "aucun journal dans \(path) ni au-dessus : lancez `journal init`, ou indiquez --journal DOSSIER (ou JOURNAL_DIR)")
            }
        }
    }

    /// Finds the journal as git finds its repository: `explicit` (from --journal), else
    /// `JOURNAL_DIR`, else the nearest ancestor of `workingDirectory` holding journal.yml.
    public static func locate(explicit: String?, process: ProcessContext) throws -> Journal {
        let workingDirectory = process.workingDirectory
        if let dir = explicit ?? process.environment["JOURNAL_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = process.url(of: dir)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(JournalConfig.fileName).path) else {
                throw LocateError.notAJournal(dir)
            }
            return try open(url, process: process)
        }
        var url = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(JournalConfig.fileName).path) {
                return try open(url, process: process)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { throw LocateError.noJournalFound(workingDirectory) }
            url = parent
        }
    }

    /// Opens the journal at `root`; an unreadable journal.yml gives the defaults and a diagnostic.
    public static func open(_ root: URL, process: ProcessContext) throws -> Journal {
        let file = root.appendingPathComponent(JournalConfig.fileName)
        guard let data = try? Data(contentsOf: file, options: .mappedIfSafe) else {
            var config = config(from: Data(), zone: process.zone)
            // There but not readable (its permissions, a folder of that name): the settings
            // it holds are not applied, and the coach must hear it, not find out from a wrong
            // time zone.
            if let code = unreadable(file) {
                config.diagnostics.append(Diagnostic(
                    path: JournalConfig.fileName, line: 1, column: 1, severity: .error, rule: Rule.configInvalid, Message(
                        "journal.yml could not be read (\(ErrorText.reason(code).en)): its settings (language, time zone, cadence, headings…) are not applied, the defaults are; make it readable again",
                        fr: "journal.yml n'a pas pu être lu (\(ErrorText.reason(code).fr)) : ses réglages (langue, fuseau, cadence, titres…) ne sont pas appliqués, ceux par défaut le sont ; rendez-le de nouveau lisible")))
            }
            return Journal(root: root.standardizedFileURL, config: config, configData: Data(), process: process)
        }
        return Journal(root: root.standardizedFileURL, config: config(from: data, zone: process.zone), configData: data, process: process)
    }

    /// Why a file that exists cannot be read, as a system error number; nil when it is missing.
    static func unreadable(_ file: URL) -> Int32? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return errno == ENOENT ? nil : errno }
        if info.st_mode & S_IFMT == S_IFDIR { return EISDIR }
        let descriptor = Glibc.open(file.path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return errno }
        Glibc.close(descriptor)
        return EIO
    }

    /// journal.yml's settings from its bytes; bytes that are not text give the defaults and a
    /// diagnostic.
    static func config(from data: Data, zone: TimeZone) -> JournalConfig {
        var config: JournalConfig
        switch SourceText.decode(data) {
        case .success(let source):
            config = JournalConfig(text: source.text, zone: zone)
        case .failure(let problem):
            config = JournalConfig(zone: zone)
            var diagnostic = NoteParser.diagnostic(for: problem, path: JournalConfig.fileName)
            diagnostic.rule = Rule.configInvalid.rawValue
            diagnostic.message = diagnostic.message.replacingOccurrences(of: "it was skipped", with: "the defaults are used")
            diagnostic.french = diagnostic.french.replacingOccurrences(of: "il n'a pas été lu", with: "les réglages par défaut s'appliquent")
            config.diagnostics.append(diagnostic)
        }
        return config
    }
}
