import Foundation

/// The `git` program, found on the process's search path, run with its output read: what the
/// commands that commit, check what is staged or refuse uncommitted changes share.
struct Git: Sendable {
    let program: String

    /// Nil when git is not installed (the commands then do without it, or say so).
    init?(on process: ProcessContext) {
        guard let program = Self.find("git", searchPath: process.searchPath) else { return nil }
        self.program = program
    }

    init(program: String) {
        self.program = program
    }

    static func find(_ program: String, searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether a run succeeded.
    @discardableResult
    func run(_ arguments: [String]) -> Bool {
        outputData(arguments) != nil
    }

    /// Standard output of a successful run, trimmed; nil on failure.
    func output(_ arguments: [String]) -> String? {
        outputData(arguments).map { String(decoding: $0, as: UTF8.self).trimmingWhitespace }
    }

    /// Standard output of a successful run, as is; nil on failure. Standard error is dropped.
    func outputData(_ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// The journal's folder inside the repository whose top is `top`, with a final `/`; empty
    /// when the journal is the repository. Links resolved on both sides.
    static func relativePrefix(of root: String, in top: String) -> String {
        let realRoot = FileSystem.realPath(root) ?? root
        let realTop = FileSystem.realPath(top) ?? top
        guard realRoot != realTop, realRoot.hasPrefix(realTop + "/") else { return "" }
        return String(realRoot.dropFirst(realTop.count + 1)) + "/"
    }

    /// Paths (relative to the journal) that git reports as modified, added or untracked.
    func uncommitted(in root: URL) -> Set<String> {
        guard let top = output(["-C", root.path, "rev-parse", "--show-toplevel"]),
              let data = outputData(["-C", root.path, "status", "--porcelain", "-z", "--untracked-files=all", "."])
        else { return [] }
        let prefix = Git.relativePrefix(of: root.path, in: top)
        var paths = Set<String>()
        for entry in String(decoding: data, as: UTF8.self).split(separator: "\0") where entry.count > 3 {
            let path = String(entry.dropFirst(3))
            if path.hasPrefix(prefix) { paths.insert(String(path.dropFirst(prefix.count))) }
        }
        return paths
    }
}
