import Foundation
import Mustache
#if canImport(Glibc)
import Glibc
#endif

/// Note and output templates: the journal's own `templates/NAME` wins over the built-in one
/// for the journal's language, shipped with the library from the project's templates/ folder.
struct Templates: Sendable {
    var journalRoot: URL?
    var language: JournalConfig.Language

    enum Failure: UserFacingError, Sendable, Equatable {
        case missing(String)
        case invalid(String)
        /// An override that is not a plain file of the journal's templates/ folder.
        case notAFile(String)
        /// Sections nested deeper than `maximumNesting`, at this line.
        case tooDeep(String, line: Int)

        var message: Message {
            switch self {
            case .missing(let name):
                return Message("no template named \(name) (looked in the journal's templates/ and the built-in ones)",
                           fr: "aucun modèle nommé \(name) (ni dans templates/ du journal, ni parmi les modèles fournis)")
            case .invalid(let path):
                return Message("the template \(path) is not a valid Mustache template (a {{#…}} section left open?)",
                           fr: "le modèle \(path) n'est pas un modèle Mustache valide (une section {{#…}} non fermée ?)")
            case .tooDeep(let path, let line):
                return Message("the template \(path) nests more than \(Templates.maximumNesting) {{#…}} or {{^…}} sections (line \(line)): it was not read; no template needs that many, flatten it",
                           fr: "le modèle \(path) imbrique plus de \(Templates.maximumNesting) sections {{#…}} ou {{^…}} (ligne \(line)) : il n'est pas lu ; aucun modèle n'en a besoin d'autant, aplatissez-le")
            case .notAFile(let path):
                return Message("the template \(path) is not a regular file in the journal's templates/ folder (a symbolic link?): it was not read; put a copy of the template there, or remove it to use the built-in one",
                           fr: "le modèle \(path) n'est pas un fichier ordinaire du dossier templates/ du journal (un lien symbolique ?) : il n'est pas lu ; mettez-y une copie du modèle, ou retirez-le pour utiliser le modèle fourni")
            }
        }
    }

    /// The template's source and where it came from.
    func source(named name: String) throws -> (text: String, origin: String) {
        if let root = journalRoot, let data = try Self.override(named: name, in: root),
           case .success(let source) = SourceText.decode(data) {
            return (source.text, "templates/" + name)
        }
        guard let folder = Self.builtInFolder,
              let text = try? String(contentsOf: folder.appendingPathComponent("\(language.rawValue)/\(name)"), encoding: .utf8)
        else {
            throw Failure.missing(name)
        }
        return (text, "built-in \(language.rawValue)/\(name)")
    }

    /// Templates are small: an override larger than this is not read.
    static let maximumOverrideBytes = 1 << 20

    /// The bytes of the journal's own `templates/NAME`, nil when there is none. Only a regular
    /// file, with a single link, directly in a real templates/ folder of the journal is read:
    /// a link (`templates/summary.md -> /etc/passwd`), a pipe or a device is refused, so that
    /// rendering a template can never print a file from elsewhere. Checked with lstat, then
    /// again on the open file (which is opened without following links).
    static func override(named name: String, in root: URL) throws -> Data? {
        let folder = root.appendingPathComponent("templates")
        let path = folder.appendingPathComponent(name).path
        let shown = "templates/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        var folderInfo = stat()
        guard !name.contains("/"), lstat(folder.path, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR,
              info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1, info.st_size <= maximumOverrideBytes
        else { throw Failure.notAFile(shown) }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.notAFile(shown) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG, opened.st_ino == info.st_ino,
              opened.st_dev == info.st_dev else { throw Failure.notAFile(shown) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while data.count <= maximumOverrideBytes {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 { throw Failure.notAFile(shown) }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
        throw Failure.notAFile(shown)
    }

    func render(_ name: String, _ context: [String: Any]) throws -> String {
        let (text, origin) = try source(named: name)
        // The Mustache parser recurses once per open section: a deep enough template (60 KB of
        // `{{#a}}`) overflows the stack. Counted on the text first.
        if let line = Self.nestingOverflow(in: text) { throw Failure.tooDeep(origin, line: line) }
        do {
            var rendered = try MustacheTemplate(string: text).render(context)
            // The content-type pragma leaves a blank first line; notes must start with `---`.
            while rendered.hasPrefix("\n") { rendered.removeFirst() }
            return rendered
        } catch {
            throw Failure.invalid(origin)
        }
    }

    /// How deep sections may nest in a template (the built-in ones go three deep).
    static let maximumNesting = 32

    /// The line where sections first nest deeper than `maximumNesting`, or nil. Follows
    /// delimiter changes (`{{=<% %>=}}`), so that they cannot hide sections from the count.
    static func nestingOverflow(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0
        var line = 1
        var index = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            if bytes[index] == 10 { line += 1 }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            var tag = index + open.count
            guard tag < bytes.count else { break }
            let sigil = bytes[tag]
            // A tag ends at the closing delimiter (`}}}` for a triple mustache, `=}}` for a change).
            let ending = sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close
                : sigil == UInt8(ascii: "{") && close == Array("}}".utf8) ? Array("}}}".utf8) : close
            var end = tag + 1
            while end < bytes.count, !matches(ending, at: end) {
                if bytes[end] == 10 { line += 1 }
                end += 1
            }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > maximumNesting { return line }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                tag += 1
                let inside = bytes[tag..<min(end, bytes.count)].split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 })
                if inside.count == 2 {
                    open = Array(inside[0])
                    close = Array(inside[1])
                }
            default:
                break
            }
            index = end + ending.count
        }
        return nil
    }

    /// The built-in templates ship in the resource bundle SwiftPM puts beside the executable.
    /// Looked up by hand rather than through `Bundle.module`, which stops the program when the
    /// bundle is missing: a missing template must be an error message, never a crash.
    static let builtInFolder: URL? = {
        // The running binary's own file, as Linux names it: not argv[0], which any caller chooses.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let url = executable.deletingLastPathComponent().appendingPathComponent("journal_JournalKit.resources/Templates")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// A YAML scalar for a value typed by the user: quoted when plain YAML would misread it.
    static func yamlScalar(_ value: String) -> String {
        let plainSafe = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar == " " || scalar == "-" || scalar == "." || scalar == "'"
                || (scalar.value >= 0x30 && scalar.value <= 0x39)
        } && value.first != " " && value.last != " " && value.first != "-"
        if plainSafe { return value }
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}

extension Templates {
    /// The same values with every string empty and every list as long: the template alone.
    static func blanked(_ value: Any) -> Any {
        switch value {
        case is String: return ""
        case let list as [Any]: return list.map(blanked)
        case let dictionary as [String: Any]: return dictionary.mapValues(blanked)
        default: return value
        }
    }
}
