/// Rows of cells printed in aligned columns for a terminal; colour is added after the widths
/// are measured, so that escape codes never shift a column.
struct TextColumns: Sendable {
    struct Cell: Sendable {
        var text: String
        /// An ANSI SGR code (`1` bold, `31` red…), used only when colour is on.
        var style: String?

        init(_ text: String, style: String? = nil) {
            // Cells hold note text: escaped before the widths are measured.
            self.text = text.escapingControls
            self.style = style
        }
    }

    var rows: [[Cell]] = []
    var indent = "  "

    mutating func add(_ cells: [Cell]) { rows.append(cells) }

    /// Every column but the last is padded to its widest cell; two spaces between columns.
    func lines(colour: Bool) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index >= widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.text.count)
            }
        }
        return rows.map { row in
            var line = indent
            for (index, cell) in row.enumerated() {
                let last = index == row.count - 1
                let padding = last ? "" : String(repeating: " ", count: widths[index] - cell.text.count) + "  "
                line += TextColumns.styled(cell.text, cell.style, colour) + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    static func styled(_ text: String, _ style: String?, _ colour: Bool) -> String {
        guard colour, let style, !text.isEmpty else { return text }
        return "\u{1B}[\(style)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// At most `limit` characters, with an ellipsis when cut.
    func shortened(to limit: Int) -> String {
        count <= limit ? self : String(prefix(limit - 1)) + "…"
    }
}
