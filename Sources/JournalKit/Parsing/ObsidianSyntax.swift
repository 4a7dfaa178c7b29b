/// Obsidian's own syntax in a note's text, turned into what a reader outside Obsidian should
/// see: `[[wikilinks]]` and `![[embeds]]` become their text, `^block-ids` go. (Its `%%comments%%`
/// are hidden with HTML comments, by `HTMLComments`.)
enum ObsidianSyntax {
    /// Longer brackets are not a link: bounded work on a hostile line.
    static let maximumLink = 512

    /// `text` with every wikilink and embed replaced by the text Obsidian shows for it:
    /// `[[page|shown]]` → `shown`, `[[page#part]]` → `page > part`, `[[page#^block]]` → `page`.
    static func flatteningLinks(_ text: String) -> String {
        guard text.utf8.count >= 4, ByteSearch.contains(text, "[[") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let embed = bytes[i] == UInt8(ascii: "!") && i + 2 < bytes.count
                && bytes[i + 1] == UInt8(ascii: "[") && bytes[i + 2] == UInt8(ascii: "[")
            let open = embed ? i + 1 : i
            if embed || (bytes[i] == UInt8(ascii: "[") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "[")),
               let close = linkEnd(bytes, from: open + 2) {
                let inner = String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
                out += Array(shown(inner, embed: embed).utf8)
                i = close + 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the `]]` closing a link whose text starts at `start`, on the same line.
    private static func linkEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start
        while j + 1 < bytes.count, j - start <= maximumLink {
            switch bytes[j] {
            case UInt8(ascii: "\n"), UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"):
                // `[[ ]]` links nothing: it stays as written.
                let blank = bytes[start..<j].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                return bytes[j + 1] == UInt8(ascii: "]") && !blank ? j : nil
            default: j += 1
            }
        }
        return nil
    }

    /// What Obsidian displays for the inside of `[[…]]`.
    static func shown(_ inner: String, embed: Bool) -> String {
        var target = Substring(inner)
        var alias: Substring?
        if let bar = inner.firstIndex(of: "|") {
            target = inner[..<bar]
            alias = inner[inner.index(after: bar)...]
        }
        // On an embed, `|300` or `|300x200` is a size, not a text.
        if let written = alias?.trimmingCharacters(in: .whitespaces), !written.isEmpty,
           !(embed && written.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "x") }) {
            return written
        }
        let parts = target.split(separator: "#", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let page = parts.first ?? ""
        let headings = parts.dropFirst().filter { !$0.isEmpty && !$0.hasPrefix("^") }
        return ([page].filter { !$0.isEmpty } + headings).joined(separator: " > ")
    }

    /// `line` without a block id at its end (` ^q3-plan`), which is Obsidian's anchor, not text.
    static func strippingBlockID(_ line: Substring) -> Substring {
        guard line.utf8.contains(UInt8(ascii: "^")) else { return line }
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t"
            || line[line.index(before: end)] == "\r" {
            end = line.index(before: end)
        }
        var start = end
        while start > line.startIndex, isBlockIDCharacter(line[line.index(before: start)]) {
            start = line.index(before: start)
        }
        guard start < end, start > line.startIndex, line[line.index(before: start)] == "^" else { return line }
        let caret = line.index(before: start)
        guard caret == line.startIndex || line[line.index(before: caret)] == " " || line[line.index(before: caret)] == "\t" else {
            return line
        }
        var cut = caret
        while cut > line.startIndex, line[line.index(before: cut)] == " " || line[line.index(before: cut)] == "\t" {
            cut = line.index(before: cut)
        }
        return line[..<cut]
    }

    private static func isBlockIDCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-")
    }

    /// A body as it may leave: links flattened and block ids dropped, line by line (lines stay
    /// where they were).
    static func forOutput(_ body: String) -> String {
        guard ByteSearch.contains(body, "[[") || ByteSearch.contains(body, "^") else { return body }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            flatteningLinks(String(strippingBlockID(line)))
        }
        return lines.joined(separator: "\n")
    }

    /// Words of `text`, split at spaces and tabs.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}
