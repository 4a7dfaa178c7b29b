/// One change to a text: `range` of the original becomes `text`. What the anonymiser finds and
/// what `MarkdownTree.rewrite` writes back into cmark's nodes.
struct TextEdit: Sendable {
    var range: Range<String.Index>
    var text: String

    /// `text` with `edits` (in order, without overlaps) made.
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        var output = ""
        var position = text.startIndex
        for edit in edits where edit.range.lowerBound >= position {
            output += text[position..<edit.range.lowerBound]
            output += edit.text
            position = edit.range.upperBound
        }
        output += text[position...]
        return output
    }
}
