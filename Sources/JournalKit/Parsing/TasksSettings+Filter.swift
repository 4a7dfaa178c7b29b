extension TasksSettings {
    /// Whether `text` holds the global filter as a word of its own (`#task` but not `#tasks`).
    func hasGlobalFilter(_ text: String) -> Bool {
        guard let globalFilter else { return true }
        return ObsidianSyntax.words(text).contains(globalFilter)
    }

    /// `text` without the global filter, spaces folded.
    func removingGlobalFilter(_ text: String) -> String {
        guard let globalFilter, text.contains(globalFilter) else { return text }
        return ObsidianSyntax.words(text).filter { $0 != globalFilter }.joined(separator: " ")
    }
}
