import Foundation

/// What the file system says about a path, asked without following anything out of the journal
/// by surprise.
enum FileSystem {
    /// The path with every link and `..` resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
