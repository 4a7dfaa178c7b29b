import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the journal's Markdown files with their size and modification time, without reading
/// them: what the incremental index compares against what it stored.
///
/// Folders reached through symbolic links are not entered (that is how loops are avoided, as
/// git does), and a linked file is read only when it resolves inside the journal.
struct FileWalker: Sendable {
    struct Entry: Sendable, Hashable {
        /// Relative to the root, with `/`.
        var path: String
        var size: Int64
        /// Nanoseconds since 1970.
        var modified: Int64
        /// The inode's change time (ctime), in nanoseconds since 1970: moves whenever the file is
        /// written or its metadata set, including by tools that restore the mtime (`cp -p`,
        /// `rsync -t`, `touch -r`), and cannot be set back by them.
        var changed: Int64 = 0
        var inode: UInt64 = 0
    }

    /// Top-level folders that hold no notes: derived data, outputs, templates.
    static let skippedTopLevel: Set<String> = [".journal", "exports", "templates"]
    static let maximumDepth = 32
    /// Notes read at most: far above any practice (a coach with 50 clients a year for 40 years
    /// writes some 100,000 notes), and what keeps a full index within time and memory.
    static let maximumFiles = 200_000
    /// Markdown files looked at (stat only) to choose which to read when there are too many;
    /// past this many the walk stops.
    static let maximumSeen = 1_000_000

    let root: URL
    /// `maximumFiles`, lower in tests.
    var limit = FileWalker.maximumFiles

    /// Also lists, relative to the root, the temporary files of ours (`.NAME.PID.RANDOM.tmp`)
    /// seen in the folders walked: a crash between writing one and renaming it leaves it there.
    func walk() -> (entries: [Entry], diagnostics: [Diagnostic], temporaries: [String]) {
        var entries: [Entry] = []
        var temporaries: [String] = []
        var diagnostics: [Diagnostic] = []
        let rootPath = root.path
        let realRoot = FileSystem.realPath(rootPath) ?? rootPath
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        while let (relative, depth) = pending.popLast() {
            let absolute = relative.isEmpty ? rootPath : rootPath + "/" + relative
            guard let folder = Folder(absolute, followingLink: relative.isEmpty) else {
                diagnostics.append(Diagnostic(path: relative.isEmpty ? "." : relative, line: 1, column: 1,
                                              severity: .warning, rule: Rule.fileUnreadable, Message(
                    "this folder could not be read (check its permissions): its notes are missing from the index",
                    fr: "ce dossier n'a pas pu être lu (vérifiez ses droits) : ses notes manquent à l'index")))
                continue
            }
            defer { folder.close() }
            for (name, type) in folder.names().sorted(by: { $0.name < $1.name }) {
                if name.hasPrefix(".") {
                    if AtomicFile.isTemporaryName(name) { temporaries.append(relative.isEmpty ? name : relative + "/" + name) }
                    continue
                }
                if relative.isEmpty, Self.skippedTopLevel.contains(name) { continue }
                // The folder's listing says what each name is: only notes (and names it cannot
                // tell) cost a stat.
                if type == DT_REG, !Self.isMarkdown(name) { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                let kind: mode_t
                if type == DT_DIR {
                    kind = S_IFDIR
                } else {
                    guard folder.stat(name, &info) else { continue }
                    kind = info.st_mode & S_IFMT
                }
                if kind == S_IFDIR {
                    if depth + 1 < Self.maximumDepth {
                        pending.append((childRelative, depth + 1))
                    } else {
                        diagnostics.append(Diagnostic(path: childRelative, line: 1, column: 1, severity: .warning,
                                                      rule: Rule.fileUnreadable, Message(
                            "folders nested more than \(Self.maximumDepth) deep are not read",
                            fr: "les dossiers imbriqués sur plus de \(Self.maximumDepth) niveaux ne sont pas lus")))
                    }
                    continue
                }
                guard Self.isMarkdown(name) else { continue }
                if kind == S_IFLNK {
                    let childAbsolute = absolute + "/" + name
                    guard let target = FileSystem.realPath(childAbsolute) else {
                        diagnostics.append(Self.linkDiagnostic(childRelative, Message(
                            "this link is broken or loops back on itself: it was skipped",
                            fr: "ce lien est cassé ou boucle sur lui-même : il n'a pas été suivi")))
                        continue
                    }
                    guard target.hasPrefix(realRoot + "/") else {
                        diagnostics.append(Self.linkDiagnostic(childRelative, Message(
                            "this link points outside the journal: it was not followed",
                            fr: "ce lien pointe hors du journal : il n'a pas été suivi")))
                        continue
                    }
                    guard stat(childAbsolute, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                } else if kind != S_IFREG {
                    continue
                }
                entries.append(Entry(
                    path: childRelative, size: Int64(info.st_size),
                    modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                    changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                    inode: UInt64(info.st_ino)))
                if entries.count >= max(limit, Self.maximumSeen) {
                    diagnostics.append(Diagnostic(path: ".", line: 1, column: 1, severity: .warning,
                                                  rule: Rule.fileUnreadable, Message(
                        "the journal holds more than \(Self.maximumSeen) Markdown files: the folders after \(childRelative) were not even looked at",
                        fr: "le journal contient plus de \(Self.maximumSeen) fichiers Markdown : les dossiers après \(childRelative) n'ont même pas été parcourus")))
                    pending.removeAll()
                    break
                }
            }
        }
        if entries.count > limit {
            let (kept, diagnostic) = choose(from: entries)
            entries = kept
            diagnostics.append(diagnostic)
        }
        return (Self.distinct(entries, diagnostics: &diagnostics), diagnostics, temporaries)
    }

    /// `.md` in any case, on the bytes (`name.lowercased()` made a string for every file).
    static func isMarkdown(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count >= 3 else { return false }
        let tail = utf8.suffix(3)
        var bytes = tail.makeIterator()
        return bytes.next() == UInt8(ascii: ".") && bytes.next().map { $0 | 0x20 } == UInt8(ascii: "m")
            && bytes.next().map { $0 | 0x20 } == UInt8(ascii: "d")
    }

    /// An open folder: its names with their types as the listing gives them, and a stat of
    /// each relative to it (no path resolved again from the root for every file).
    private struct Folder {
        let handle: OpaquePointer
        let descriptor: Int32

        /// Below the root, not through a link: the walk enters only real folders (the journal's
        /// own folder may be reached through one).
        init?(_ path: String, followingLink: Bool) {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
            guard fd >= 0 else { return nil }
            guard let handle = fdopendir(fd) else {
                Glibc.close(fd)
                return nil
            }
            self.handle = handle
            descriptor = fd
        }

        func close() { closedir(handle) }

        /// Every name but `.` and `..`, with its `d_type` (`DT_UNKNOWN` where the file system
        /// does not say). A name that is not UTF-8 is left out: no path of the index could
        /// name it.
        func names() -> [(name: String, type: Int32)] {
            var names: [(name: String, type: Int32)] = []
            while let entry = readdir(handle) {
                let type = Int32(entry.pointee.d_type)
                let decoded = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
                }
                guard let name = decoded, name != ".", name != ".." else { continue }
                names.append((name, type))
            }
            return names
        }

        /// `lstat` of a name in this folder.
        func stat(_ name: String, _ info: inout Glibc.stat) -> Bool {
            fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0
        }
    }

    /// The entries sorted by path, without those whose path is another's in a different Unicode
    /// normal form (`séance.md` typed on Linux beside `séance.md` copied from a Mac): to Swift
    /// and to the coach they are one name, and reading both would make one note's commitments
    /// stand for the other's. The first by bytes is kept; the other is reported, not read.
    static func distinct(_ entries: [Entry], diagnostics: inout [Diagnostic]) -> [Entry] {
        // Swift compares strings up to canonical equivalence: bytes decide between two forms.
        let sorted = entries.sorted { first, second in
            first.path != second.path ? first.path < second.path : first.path.utf8.lexicographicallyPrecedes(second.path.utf8)
        }
        var kept: [Entry] = []
        kept.reserveCapacity(sorted.count)
        var seen: [String: String] = [:]
        for entry in sorted {
            // Paths are ASCII in most journals: only the others can have two forms.
            guard entry.path.utf8.contains(where: { $0 >= 0x80 }) else {
                kept.append(entry)
                continue
            }
            let key = TextFold.composed(entry.path)
            if let first = seen[key] {
                diagnostics.append(Diagnostic(path: entry.path, line: 1, column: 1, severity: .error, rule: Rule.idDuplicate, Message(
                    "this file has the same name as \(first), written with other Unicode code points for its accents (a name made on a Mac is decomposed): it was not read; merge the two notes, or rename one",
                    fr: "ce fichier porte le même nom que \(first), écrit avec d'autres points de code Unicode pour ses accents (un nom créé sur Mac est décomposé) : il n'a pas été lu ; fusionnez les deux notes, ou renommez-en une")))
                continue
            }
            seen[key] = entry.path
            kept.append(entry)
        }
        return kept
    }

    /// Which files to read when there are more than `limit`: case files first, then the files
    /// that open with a front-matter (`---`: every journal document does), then the others, in
    /// path order within each; and a warning that says how many were left out, and where. So a
    /// folder of 200,000 empty or foreign `.md` files cannot push real clients out.
    private func choose(from entries: [Entry]) -> ([Entry], Diagnostic) {
        // Case files first; then the notes with a front-matter in a folder that has one (or in
        // supervision/), so that any number of files made to look like notes elsewhere cannot
        // push a real client's sessions out; then other notes with a front-matter; then the rest.
        var caseFolders = Set<Substring>()
        for entry in entries {
            let parts = entry.path.split(separator: "/")
            if parts.count == 3, parts[0] == "clients", parts[2] == "client.md" { caseFolders.insert(parts[1]) }
        }
        func rank(_ entry: Entry) -> Int {
            let parts = entry.path.split(separator: "/")
            if parts.count == 3, parts[0] == "clients", parts[2] == "client.md" { return 0 }
            guard Self.opensWithFrontMatter(root.path + "/" + entry.path, size: entry.size) else { return 3 }
            let known = (parts.count >= 3 && parts[0] == "clients" && caseFolders.contains(parts[1]))
                || (parts.count >= 2 && parts[0] == "supervision")
            return known ? 1 : 2
        }
        let ranked = entries.map { (rank($0), $0) }.sorted { ($0.0, $0.1.path) < ($1.0, $1.1.path) }
        let kept = ranked.prefix(limit).map(\.1)
        let left = ranked.dropFirst(limit)
        var byFolder: [String: Int] = [:]
        for (_, entry) in left {
            let folder = entry.path.split(separator: "/").dropLast().joined(separator: "/")
            byFolder[folder.isEmpty ? "." : folder, default: 0] += 1
        }
        let folders = byFolder.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let shown = folders.prefix(3).map { "\($0.key)/ (\($0.value))" }.joined(separator: ", ")
            + (folders.count > 3 ? ", …" : "")
        let withFrontMatter = left.filter { $0.0 < 3 }.count
        let what = withFrontMatter == 0
            ? Message("none of them opens with a front-matter", fr: "aucun ne commence par un en-tête")
            : Message("\(withFrontMatter) of them open with a front-matter", fr: "dont \(withFrontMatter) commencent par un en-tête")
        return (kept, Diagnostic(path: ".", line: 1, column: 1, severity: .warning, rule: Rule.fileUnreadable, Message(
            "the journal holds \(entries.count) Markdown files, more than the \(limit) read: \(left.count) were left out (\(what.en)), in \(shown); case files are read first, then the notes with a front-matter in their folders and in supervision/, then other notes with a front-matter; move what is not a note out of the journal",
            fr: "le journal contient \(entries.count) fichiers Markdown, plus que les \(limit) lus : \(left.count) ont été laissés de côté (\(what.fr)), dans \(shown) ; les dossiers clients sont lus d'abord, puis les notes avec un en-tête de leurs dossiers et de supervision/, puis les autres notes avec un en-tête ; sortez du journal ce qui n'est pas une note")))
    }

    /// Whether a file starts with `---` (after a byte-order mark): read up to 8 bytes, without
    /// following a link out (links were checked by the walk) nor blocking on anything odd.
    static func opensWithFrontMatter(_ path: String, size: Int64) -> Bool {
        guard size >= 3 else { return false }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8)
        let count = read(fd, &buffer, buffer.count)
        guard count >= 3 else { return false }
        var bytes = buffer[0..<count]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.starts(with: Array("---".utf8))
    }

    private static func linkDiagnostic(_ path: String, _ message: Message) -> Diagnostic {
        Diagnostic(path: path, line: 1, column: 1, severity: .warning, rule: Rule.fileUnreadable, message)
    }
}
