import Foundation

/// What the commands write for the coach (a calendar, a report, an hours log): atomically, and
/// never over an existing file unless `force`.
public enum ExportFile {
    public static func write(_ text: String, to path: String, force: Bool) throws {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        try AtomicFile.write(Data(text.utf8), to: url.standardizedFileURL, overwrite: force)
    }
}
