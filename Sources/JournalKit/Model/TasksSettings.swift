/// `tasks` in journal.yml: how a journal kept in an Obsidian vault with the Tasks plugin wants
/// its commitments read and written. Every part is optional; the defaults read every vault.
public struct TasksSettings: Sendable, Hashable {
    /// How `lint --fix` writes the fields Tasks has an emoji for.
    public enum Format: String, Sendable, Hashable {
        /// `[due:: 2026-04-01]`: Tasks emoji are rewritten as fields (the default).
        case dataview
        /// `📅 2026-04-01`: fields of those keys are rewritten as emoji, emoji are left alone.
        case emoji
    }

    /// Tasks' own `global_filter` (`#task`): when set, an item of a commitments section is a
    /// commitment only when it carries it, and it is taken out of every item's text.
    public var globalFilter: String?
    public var format = Format.dataview
    /// Checkbox characters the coach declared (`[!]`, `[?]`), with what they mean.
    public var statuses: [Character: ItemStatus] = [:]

    public init() {}

    /// The status a checkbox character stands for: the journal's own markers first.
    func status(marker: Character?) -> ItemStatus? {
        ItemStatus(marker: marker) ?? marker.flatMap { statuses[$0] }
    }

    /// A status as Obsidian Tasks names its status types, or as journal names its own.
    static func status(named text: String) -> ItemStatus? {
        switch TextFold.fold(text).replacingOccurrences(of: " ", with: "_") {
        case "todo": return .open
        case "in_progress": return .partial
        case "cancelled", "canceled": return .dropped
        default: return ItemStatus.parse(text)
        }
    }
}
