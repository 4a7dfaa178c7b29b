import Foundation

/// How a `Note` is stored in the index: the JSON its `Codable` conformance reads back, written
/// by hand because Foundation's encoder was the largest cost of a cold index. A round-trip test
/// keeps the two in step.
extension Note {
    func storageData() -> Data {
        var pairs: [(String, JSONValue)] = [("path", .string(path))]
        func add(_ key: String, _ value: String?) { if let value { pairs.append((key, .string(value))) } }
        add("type", type?.rawValue)
        add("client", client)
        add("date", date?.description)
        add("status", status?.rawValue)
        if let number { pairs.append(("number", .int(number))) }
        add("mode", mode?.rawValue)
        if let durationMinutes { pairs.append(("durationMinutes", .int(durationMinutes))) }
        add("cancelledBy", cancelledBy?.rawValue)
        add("next", next?.description)
        pairs.append(("nextIsNone", .bool(nextIsNone)))
        add("nextReason", nextReason)
        add("clientBriefed", clientBriefed?.rawValue)
        if let disclosureAgreed { pairs.append(("disclosureAgreed", .array(disclosureAgreed.map(JSONValue.string)))) }
        add("fit", fit?.rawValue)
        add("decision", decision?.rawValue)
        pairs.append(("participants", .array(participants.map(JSONValue.string))))
        add("supervisor", supervisor)
        pairs.append(("cases", .array(cases.map(JSONValue.string))))
        if let caseFile, let data = try? JSONEncoder().encode(caseFile) {
            pairs.append(("caseFile", .raw(String(decoding: data, as: UTF8.self))))
        }
        pairs.append(("keyLines", .object(keyLines.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        pairs.append(("items", .array(items.map(\.storageJSON))))
        pairs.append(("diagnostics", .array(diagnostics.map(\.storageJSON))))
        pairs.append(("names", .array(names.map { name in
            .object([("name", .string(name.name)), ("line", .int(name.line)), ("column", .int(name.column))]
                    + (name.confident ? [] : [("confident", .bool(false))]))
        })))
        pairs.append(("suppressions", .array(suppressions.map { suppression in
            .object([("rules", .array(suppression.rules.map(JSONValue.string))), ("line", .int(suppression.line)),
                     ("nextLineOnly", .bool(suppression.nextLineOnly))])
        })))
        var out = ""
        JSONValue.object(pairs).writeCompact(to: &out)
        return Data(out.utf8)
    }
}

extension NoteItem {
    var storageJSON: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("kind", .string(kind.rawValue)), ("line", .int(line)), ("column", .int(column)),
            ("status", .string(status.rawValue)), ("text", .string(text)),
        ]
        func add(_ key: String, _ value: String?) { if let value { pairs.append((key, .string(value))) } }
        add("id", id)
        add("ref", ref)
        add("due", due?.description)
        add("done", done?.description)
        add("validated", validated?.description)
        add("odds", odds?.description)
        pairs.append(("owner", .string(owner.rawValue)))
        add("reason", reason?.description)
        pairs.append(("isPrivate", .bool(isPrivate)))
        pairs.append(("rank", .int(rank)))
        pairs.append(("isNested", .bool(isNested)))
        add("created", created?.description)
        add("scheduled", scheduled?.description)
        add("start", start?.description)
        add("priority", priority?.rawValue)
        add("recurrence", recurrence)
        if let dependsOn { pairs.append(("dependsOn", .array(dependsOn.map(JSONValue.string)))) }
        return .object(pairs)
    }
}

extension Diagnostic {
    var storageJSON: JSONValue {
        .object([("path", .string(path)), ("line", .int(line)), ("column", .int(column)),
                 ("severity", .string(severity.rawValue)), ("rule", .string(rule)), ("message", .string(message)),
                 ("french", .string(french))])
    }
}

extension JSONValue {
    /// Without indentation: for storage, not for people.
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
