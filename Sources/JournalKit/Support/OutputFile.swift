import Foundation

/// Rendered outputs (summaries, reports, calendars) written where the user asked: atomically,
/// and never over an existing file unless they said so.
public enum OutputFile {
    public static func write(_ text: String, to url: URL, overwrite: Bool) throws {
        try AtomicFile.write(Data(text.utf8), to: url, overwrite: overwrite)
    }
}
