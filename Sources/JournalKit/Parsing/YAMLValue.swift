/// A front-matter value with the place it was written, copied out of Yams' tree.
struct YAMLValue: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var key: String
        var keyLine: Int
        var keyColumn: Int
        var value: YAMLValue
    }

    enum Content: Sendable, Hashable {
        case null
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([Entry])
    }

    var content: Content
    /// Line and column in the file, counted from 1.
    var line: Int
    var column: Int

    var string: String? {
        if case .scalar(let value) = content { return value }
        return nil
    }

    var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var items: [YAMLValue]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    subscript(key: String) -> YAMLValue? {
        entries?.first { $0.key == key }?.value
    }

    /// A scalar, or each scalar of a sequence: for fields that take one value or a list.
    var stringList: [String]? {
        switch content {
        case .null: return []
        case .scalar(let value): return [value]
        case .sequence(let items): return items.compactMap(\.string)
        case .mapping: return nil
        }
    }

    var kindName: Message {
        switch content {
        case .null: return Message("nothing", fr: "rien")
        case .scalar: return Message("a single value", fr: "une seule valeur")
        case .sequence: return Message("a list", fr: "une liste")
        case .mapping: return Message("keys and values", fr: "des clés et des valeurs")
        }
    }
}
