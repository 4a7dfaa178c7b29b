public import Foundation

/// What the library knows of the process that runs it: handed in by the executable (or a test),
/// never read from the process by the library itself, so that every command can be run with
/// another environment, folder or time zone.
public struct ProcessContext: Sendable {
    public var environment: [String: String]
    /// Where relative paths given by the coach (`--journal`, `--out`) start.
    public var workingDirectory: String
    /// The machine's time zone: a journal whose journal.yml names none uses it.
    public var zone: TimeZone

    public init(environment: [String: String], workingDirectory: String, zone: TimeZone) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.zone = zone
    }

    /// Where programs are looked for.
    var searchPath: String { environment["PATH"] ?? "/usr/bin:/bin" }

    /// A path the coach typed, made absolute from the working directory.
    func url(of path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL
    }
}
