import Foundation

/// JSON-RPC 2.0 as LSP uses it: what a message is, and the answers and errors we send.
enum JSONRPC {
    /// The protocol's error codes (JSON-RPC's, then LSP's own).
    enum ErrorCode: Int, Sendable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestFailed = -32803
    }

    enum Incoming {
        case request(id: JSONValue, method: String, params: [String: Any])
        case notification(method: String, params: [String: Any])
        /// An answer to a request of ours (we send none that need one): ignored.
        case response
        /// Valid JSON that is no JSON-RPC message; `id` when one could be read.
        case invalid(id: JSONValue, reason: String)
        case unparsable
    }

    static func decode(_ data: Data) -> Incoming {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .unparsable
        }
        guard let message = object as? [String: Any] else {
            return .invalid(id: .null, reason: "a JSON-RPC message is an object (batches are not part of LSP)")
        }
        let id = message["id"].map(jsonID)
        guard (message["jsonrpc"] as? String) == "2.0" else {
            return .invalid(id: id ?? .null, reason: "\"jsonrpc\" must be \"2.0\"")
        }
        if let id, id == .invalidID {
            return .invalid(id: .null, reason: "\"id\" must be a number or a string")
        }
        guard let method = message["method"] else {
            return message["result"] != nil || message["error"] != nil
                ? .response : .invalid(id: id ?? .null, reason: "no \"method\"")
        }
        guard let name = method as? String else { return .invalid(id: id ?? .null, reason: "\"method\" must be a string") }
        let raw = message["params"]
        if raw != nil, !(raw is [String: Any]), !(raw is [Any]), !(raw is NSNull) {
            return .invalid(id: id ?? .null, reason: "\"params\" must be an object or an array")
        }
        let params = raw as? [String: Any] ?? [:]
        if let id { return .request(id: id, method: name, params: params) }
        return .notification(method: name, params: params)
    }

    /// An id as it came (a number or a string), to be sent back as it came.
    private static func jsonID(_ value: Any) -> JSONValue {
        if let text = value as? String { return .string(text) }
        if let number = value as? NSNumber, !number.isBoolean {
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 9e15 { return .int(number.intValue) }
            return .number(double)
        }
        if value is NSNull { return .null }
        return .invalidID
    }

    static func result(_ id: JSONValue, _ result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(_ id: JSONValue, _ code: ErrorCode, _ message: String) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id),
                 ("error", .object([("code", .int(code.rawValue)), ("message", .string(message))]))])
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }
}

extension JSONValue {
    /// Marks an id of the wrong type while decoding; never sent.
    fileprivate static let invalidID = JSONValue.raw("\u{0}invalid")

    /// On one line, without spaces: how messages go over the wire.
    func compact() -> String {
        var out = ""
        writeCompact(to: &out)
        return out
    }
}

/// Reading typed values out of JSONSerialization's untyped ones.
extension Dictionary where Key == String, Value == Any {
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func string(_ key: String) -> String? { self[key] as? String }
    func objects(_ key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }

    func int(_ key: String) -> Int? {
        guard let number = self[key] as? NSNumber, !number.isBoolean else { return nil }
        return number.intValue
    }

    /// An LSP position: `{line, character}`, both from 0, character in UTF-16 code units.
    func position(_ key: String) -> LSPPosition? {
        guard let value = object(key), let line = value.int("line"), let character = value.int("character"),
              line >= 0, character >= 0 else { return nil }
        return LSPPosition(line: line, character: character)
    }
}

extension NSNumber {
    /// JSONSerialization gives `true` and `false` as numbers too: these are not ids or positions.
    fileprivate var isBoolean: Bool { String(cString: objCType) == "c" }
}
