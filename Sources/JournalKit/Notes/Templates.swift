import Foundation
import Mustache

/// Note and output templates: the journal's own `templates/NAME` wins over the built-in one
/// for the journal's language, shipped with the library from the project's templates/ folder.
struct Templates: Sendable {
    var journalRoot: URL?
    var language: JournalConfig.Language

    enum Failure: UserFacingError, Sendable {
        case missing(String)
        case invalid(String)

        func message(in language: JournalConfig.Language) -> String {
            let fr = language == .fr
            switch self {
            case .missing(let name):
                return fr ? "aucun modèle nommé \(name) (ni dans templates/ du journal, ni parmi les modèles fournis)"
                          : "no template named \(name) (looked in the journal's templates/ and the built-in ones)"
            case .invalid(let path):
                return fr ? "le modèle \(path) n'est pas un modèle Mustache valide (une section {{#…}} non fermée ?)"
                          : "the template \(path) is not a valid Mustache template (a {{#…}} section left open?)"
            }
        }
    }

    /// The template's source and where it came from.
    func source(named name: String) throws -> (text: String, origin: String) {
        if let root = journalRoot {
            let override = root.appendingPathComponent("templates").appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: override.path),
               case .success(let source) = SourceText.decode(data) {
                return (source.text, "templates/" + name)
            }
        }
        guard let folder = Self.builtInFolder,
              let text = try? String(contentsOf: folder.appendingPathComponent("\(language.rawValue)/\(name)"), encoding: .utf8)
        else {
            throw Failure.missing(name)
        }
        return (text, "built-in \(language.rawValue)/\(name)")
    }

    func render(_ name: String, _ context: [String: Any]) throws -> String {
        let (text, origin) = try source(named: name)
        do {
            var rendered = try MustacheTemplate(string: text).render(context)
            // The content-type pragma leaves a blank first line; notes must start with `---`.
            while rendered.hasPrefix("\n") { rendered.removeFirst() }
            return rendered
        } catch {
            throw Failure.invalid(origin)
        }
    }

    /// The built-in templates ship in the resource bundle SwiftPM puts beside the executable.
    /// Looked up by hand rather than through `Bundle.module`, which stops the program when the
    /// bundle is missing: a missing template must be an error message, never a crash.
    static let builtInFolder: URL? = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [
            executable.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("journal_JournalKit.resources/Templates")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
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
