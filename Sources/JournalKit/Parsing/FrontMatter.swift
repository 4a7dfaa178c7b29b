import Yams

/// The YAML block at the top of a note, split off before cmark sees the body (cmark would read
/// the closing `---` as a rule or a heading underline).
struct FrontMatter: Sendable {
    /// Front-matter is a handful of keys; these bounds keep a hostile file from costing more.
    static let maximumBytes = 64 * 1024
    static let maximumValues = 5_000
    static let maximumDepth = 24

    /// nil when the file has no front-matter at all.
    var root: YAMLValue?
    /// Line (from 1) at which the body starts.
    var bodyStartLine: Int
    var problems: [Located]

    struct Located: Sendable, Hashable {
        var line: Int
        var column: Int
        var message: Message
    }

    init(lines: [Substring]) {
        root = nil
        problems = []
        bodyStartLine = 1
        guard let first = lines.first, Self.isFence(first, allowDots: false) else { return }
        guard let closing = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0], allowDots: true) })
        else {
            bodyStartLine = lines.count + 1
            problems.append(Located(
                line: 1, column: 1,
                message: Message("the front-matter opened here is never closed: add a line `---` after its last key",
                                 fr: "l'en-tête ouvert ici n'est jamais fermé : ajoutez une ligne `---` après sa dernière clé")))
            return
        }
        bodyStartLine = closing + 2
        let yaml = lines[1..<closing].joined(separator: "\n")
        guard yaml.utf8.count <= Self.maximumBytes else {
            problems.append(Located(line: 2, column: 1,
                                    message: Message("the front-matter is larger than 64 KB: keep long text in the body",
                                                     fr: "l'en-tête dépasse 64 Ko : gardez les textes longs dans le corps de la note")))
            return
        }
        if let (line, column) = Self.firstAnchorOrAlias(in: lines[1..<closing]) {
            problems.append(Located(
                line: line + 2, column: column,
                message: Message("YAML anchors and aliases (& and *) are not read in front-matter: write the value out, or quote it",
                                 fr: "les ancres et alias YAML (& et *) ne sont pas lus dans l'en-tête : écrivez la valeur en entier, ou mettez-la entre guillemets")))
            return
        }
        if let line = Self.firstExcessiveNesting(in: lines[1..<closing]) {
            problems.append(Located(line: line + 2, column: 1,
                                    message: Message("the front-matter is nested too deeply to be a note's fields",
                                                     fr: "l'en-tête est imbriqué trop profondément pour être des champs de note")))
            return
        }
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                root = YAMLValue(content: .mapping([]), line: 1, column: 1)
                return
            }
            var budget = Self.maximumValues
            let value = try Self.convert(node, depth: 0, budget: &budget)
            guard value.entries != nil else {
                problems.append(Located(
                    line: value.line, column: value.column,
                    message: Message("the front-matter must be keys and values (`key: value` lines), not \(value.kindName.en)",
                                     fr: "l'en-tête doit contenir des clés et des valeurs (lignes `clé: valeur`), pas \(value.kindName.fr)")))
                return
            }
            root = value
        } catch let error as YamlError {
            problems.append(Self.locate(error))
        } catch let error as Overflow {
            problems.append(Located(line: error.line, column: error.column,
                                    message: Message("the front-matter holds too many values to be a note's fields",
                                                     fr: "l'en-tête contient trop de valeurs pour être des champs de note")))
        } catch let error as BadKey {
            problems.append(Located(line: error.line, column: error.column,
                                    message: Message("a key must be a plain word such as `date:`, not a list or a mapping",
                                                     fr: "une clé doit être un simple mot comme `date:`, pas une liste")))
        } catch {
            problems.append(Located(line: 2, column: 1, message: Self.unreadable))
        }
    }

    private static let unreadable = Message("the front-matter is not valid YAML", fr: "l'en-tête n'est pas du YAML valide")

    private struct BadKey: Error {
        var line: Int
        var column: Int
    }

    private struct Overflow: Error {
        var line: Int
        var column: Int
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text == "---" || (allowDots && text == "...")
    }

    /// Yams marks count lines inside the YAML text; the YAML starts at the file's line 2.
    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws -> YAMLValue {
        let line = (node.mark?.line ?? 1) + 1
        let column = node.mark?.column ?? 1
        budget -= 1
        if budget < 0 || depth > maximumDepth { throw Overflow(line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain,
               ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLValue(content: .null, line: line, column: column)
            }
            return YAMLValue(content: .scalar(scalar.string), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, budget: &budget))
            }
            return YAMLValue(content: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var entries: [YAMLValue.Entry] = []
            for (key, value) in mapping {
                let keyLine = (key.mark?.line ?? 1) + 1
                let keyColumn = key.mark?.column ?? 1
                guard case .scalar(let keyScalar) = key else {
                    throw BadKey(line: keyLine, column: keyColumn)
                }
                entries.append(YAMLValue.Entry(
                    key: keyScalar.string, keyLine: keyLine, keyColumn: keyColumn,
                    value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return YAMLValue(content: .mapping(entries), line: line, column: column)
        case .alias:
            throw Overflow(line: line, column: column)
        }
    }

    private static func locate(_ error: YamlError) -> Located {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's own words are English; the French message keeps them as a detail.
            let detail = (context.map { "\($0.text), " } ?? "") + problem
            return Located(line: mark.line + 1, column: mark.column,
                           message: Message("the front-matter is not valid YAML: \(detail)",
                                            fr: "l'en-tête n'est pas du YAML valide (\(detail))"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return Located(line: context.mark.line + 1, column: context.mark.column,
                           message: Message("the front-matter gives \(keys) twice: keep one",
                                            fr: "l'en-tête donne \(keys) deux fois : gardez-en une"))
        default:
            return Located(line: 2, column: 1, message: unreadable)
        }
    }

    /// Where a `&name` or `*name` token starts, outside quotes. Anchors are refused outright: no
    /// note needs them, and aliases are how a few lines of YAML expand into billions of values.
    private static func firstAnchorOrAlias(in lines: ArraySlice<Substring>) -> (Int, Int)? {
        for (offset, line) in lines.enumerated() {
            // Most lines hold neither byte: no Characters to make for them.
            guard line.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { continue }
            var quote: Character? = nil
            var previous: Character = " "
            // The last character that is not a space: a node starts after `:`, `-`, `[`, `{`,
            // `,`, `?`, or at the start of the line; elsewhere `&` and `*` are plain text
            // ("Brackwell & Stone", "5 * 3").
            var lastSignificant: Character? = nil
            var column = 0
            let characters = Array(line)
            for (index, character) in characters.enumerated() {
                column += 1
                defer {
                    previous = character
                    if character != " " && character != "\t" { lastSignificant = character }
                }
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    if " [{,:-".contains(previous) { quote = character }
                } else if character == "#", previous == " " {
                    break
                } else if character == "&" || character == "*", " [{,:-?".contains(previous),
                          index + 1 < characters.count, !" \t,[]{}".contains(characters[index + 1]),
                          lastSignificant == nil || ":[{,-?".contains(lastSignificant!) {
                    return (offset, column)
                }
            }
        }
        return nil
    }

    /// The first line at which flow brackets nest deeper than any note needs. Yams composes
    /// recursively, so depth is checked before it runs.
    private static func firstExcessiveNesting(in lines: ArraySlice<Substring>) -> Int? {
        var depth = 0
        for (offset, line) in lines.enumerated() {
            for byte in line.utf8 {
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                    if depth > maximumDepth { return offset }
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    depth = max(0, depth - 1)
                }
            }
            let indent = line.utf8.prefix(while: { $0 == UInt8(ascii: " ") }).count
            if indent > 2 * maximumDepth * 4 { return offset }
        }
        return nil
    }
}
