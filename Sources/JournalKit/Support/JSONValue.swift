/// A JSON value whose objects keep their keys in the order written, so that the index's JSON
/// reads like the contract in docs/format.md ("The index and its JSON") and two runs print the same bytes.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// Text that is already JSON, written as is.
    case raw(String)

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// Two-space indentation, starting at `level`.
    func rendered(level: Int = 0) -> String {
        var out = ""
        write(to: &out, level: level)
        return out
    }

    func write(to out: inout String, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value): out += value.isFinite ? String(value) : "null"
        case .string(let value): Self.writeString(value, to: &out)
        case .raw(let text): out += text
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: "  ", count: level + 1)
                item.write(to: &out, level: level + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: level) + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                out += String(repeating: "  ", count: level + 1)
                Self.writeString(pair.0, to: &out)
                out += ": "
                pair.1.write(to: &out, level: level + 1)
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: level) + "}"
        }
    }

    static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // Most strings need no escaping: copy them whole.
        // 0x7F is DEL, 0xC2 starts the C1 controls, 0xE2 the line separators and bidi overrides.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // JSON requires only the C0 controls escaped; DEL, C1 controls (U+009B opens an
            // escape sequence on some terminals) and the bidi overrides are escaped too, so that
            // `--format json` printed on a terminal is what it shows.
            case let c where String.isControl(c) || c.value == 0x2028 || c.value == 0x2029:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// On one line, without spaces: for machines (the language server's messages), not people.
    func writeCompact(to out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(pair.0, to: &out)
                out += ":"
                pair.1.writeCompact(to: &out)
            }
            out += "}"
        default:
            write(to: &out, level: 0)
        }
    }
}
