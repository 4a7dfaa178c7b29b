/// Footnotes as a reader outside the editor should see them. cmark (without extensions) knows
/// none: it prints `[^1]` as text and `[^1]: text` as `\[^1\]: text`. Before a body leaves, a
/// reference becomes a superscript number (`caristes¹`) and a definition a line that starts
/// with it (`¹ Une idée de…`), its indented lines brought back to the margin; labels are numbered
/// in the order they first appear. Line by line, so that lines stay where they were; the text
/// of a definition is a paragraph like any other, and goes through the same rewrite.
enum Footnotes {
    /// Longer labels are not a footnote: bounded work on a hostile line.
    static let maximumLabel = 40

    private static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    static func superscript(_ number: Int) -> String { String(String(number).compactMap { $0.wholeNumberValue.map { superscripts[$0] } }) }

    static func forOutput(_ body: String) -> String {
        guard ByteSearch.contains(body, "[^") else { return body }
        var numbers: [Substring: Int] = [:]
        func number(_ label: Substring) -> Int {
            if let known = numbers[label] { return known }
            numbers[label] = numbers.count + 1
            return numbers.count
        }
        var fence: Substring?
        var inDefinition = false
        var lines: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            // Fenced code is left as written.
            if indent < 4, let marker = fenceMarker(trimmed) {
                if fence == nil { fence = marker } else if trimmed.hasPrefix(fence!) { fence = nil }
                inDefinition = false
                lines.append(String(line))
                continue
            }
            if fence != nil {
                lines.append(String(line))
                continue
            }
            if indent < 4, let (label, rest) = definition(trimmed) {
                inDefinition = true
                lines.append(superscript(number(label)) + " " + references(rest, number))
                continue
            }
            if inDefinition, !trimmed.isEmpty, indent == 0 { inDefinition = false }
            // A definition's own lines, indented under it, join its text instead of making code.
            let kept = inDefinition ? line.dropFirst(min(indent, 4)) : line
            lines.append(references(kept, number))
        }
        return lines.joined(separator: "\n")
    }

    private static func fenceMarker(_ line: Substring) -> Substring? {
        for marker in ["```", "~~~"] where line.hasPrefix(marker) { return line.prefix(3) }
        return nil
    }

    /// `[^label]: rest` at the start of a line.
    private static func definition(_ line: Substring) -> (Substring, Substring)? {
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
        let label = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard isLabel(label), line[close...].hasPrefix("]:") else { return nil }
        let rest = line[line.index(close, offsetBy: 2)...]
        return (label, rest.drop { $0 == " " || $0 == "\t" })
    }

    private static func isLabel(_ label: Substring) -> Bool {
        !label.isEmpty && label.count <= maximumLabel && !label.contains { $0 == " " || $0 == "\t" || $0 == "[" || $0 == "]" || $0 == "^" }
    }

    /// `line` with each `[^label]` outside code spans as its superscript number.
    private static func references(_ line: Substring, _ number: (Substring) -> Int) -> String {
        guard line.contains("^") else { return String(line) }
        var out = ""
        var index = line.startIndex
        var inCode = false
        while index < line.endIndex {
            let character = line[index]
            if character == "`" { inCode.toggle() }
            if !inCode, character == "[", line[index...].hasPrefix("[^"),
               let close = line[index...].firstIndex(of: "]") {
                let label = line[line.index(index, offsetBy: 2)..<close]
                if isLabel(label) {
                    out += superscript(number(label))
                    index = line.index(after: close)
                    continue
                }
            }
            out.append(character)
            index = line.index(after: index)
        }
        return out
    }
}
