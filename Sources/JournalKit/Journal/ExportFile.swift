public import Foundation

/// What the commands write for the coach (a calendar, a report, an hours log): atomically, and
/// never over an existing file unless `force`.
public enum ExportFile {
    /// `journalRoot`: with `force`, a file the coach wrote there (a note, journal.yml,
    /// journal.key, a template) is never replaced by an export: a mistyped `--out` must not
    /// turn a case file into a summary.
    /// `path` is the coach's, relative to the process's working directory.
    public static func write(_ text: String, to path: String, force: Bool, journalRoot: URL? = nil, process: ProcessContext) throws {
        let url = process.url(of: path)
        if force, let journalRoot, FileManager.default.fileExists(atPath: url.path),
           let relative = relativePath(of: url, in: journalRoot), isCoachsOwn(relative) {
            throw AtomicFile.Failure.journalFile(path)
        }
        try AtomicFile.write(Data(text.utf8), to: url, overwrite: force)
    }

    /// The path inside the journal, with `/`, or nil outside it (folders' links resolved).
    static func relativePath(of url: URL, in root: URL) -> String? {
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        let top = root.resolvingSymlinksInPath().standardizedFileURL.path
        let full = folder + "/" + url.lastPathComponent
        guard full.hasPrefix(top + "/") else { return nil }
        return String(full.dropFirst(top.count + 1))
    }

    /// What the journal reads as the coach's: every Markdown file outside `exports/` and
    /// `.journal/`, the settings, the secret and the templates.
    static func isCoachsOwn(_ relative: String) -> Bool {
        if relative.hasPrefix("exports/") || relative.hasPrefix(".journal/") { return false }
        return relative == JournalConfig.fileName || relative == JournalSecret.fileName
            || relative.hasPrefix("templates/") || relative.lowercased().hasSuffix(".md")
    }
}
