/// HTML comments taken out of a body before cmark sees it. cmark 0.30 does not recognise a
/// comment that holds `--` or a blank line and prints it as text, so a private remark in a
/// comment would come out in a summary; here every `<!--` opens a comment up to the next `-->`
/// (or the end of the body, when it is never closed), whatever it holds.
///
/// Comments are blanked in place: line breaks stay, so lines (and, with `.columns`, columns)
/// are those of the file, and suppression comments, read from the source lines, still work.
enum HTMLComments {
    enum Blanking {
        /// Every character of a comment becomes a space: columns stay exact (for diagnostics).
        case columns
        /// A comment becomes one space, or nothing at the start of a line (for outputs).
        case compact
    }

    /// The body without comments, and the text of each comment.
    static func blank(_ body: String, _ blanking: Blanking = .columns) -> (text: String, comments: [String]) {
        // Most notes have no comment: they are not copied.
        guard ByteSearch.contains(body, "<!--") else { return (body, []) }
        let bytes = Array(body.utf8)
        guard let first = ByteSearch.firstIndex(of: open, in: bytes, from: 0) else { return (body, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[..<first])
        var comments: [String] = []
        var position = first
        while position < bytes.count {
            guard let start = ByteSearch.firstIndex(of: open, in: bytes, from: position) else {
                out.append(contentsOf: bytes[position...])
                break
            }
            out.append(contentsOf: bytes[position..<start])
            let close = ByteSearch.firstIndex(of: self.close, in: bytes, from: start + open.count)
            let end = close.map { $0 + self.close.count } ?? bytes.count
            comments.append(String(decoding: bytes[(start + open.count)..<(close ?? bytes.count)], as: UTF8.self))
            let atLineStart = out.last == nil || out.last == UInt8(ascii: "\n")
                || out.reversed().prefix { $0 != UInt8(ascii: "\n") }.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            var lastLineBlank: [UInt8] = []
            var spansLines = false
            for byte in bytes[start..<end] {
                if byte == UInt8(ascii: "\n") {
                    out.append(byte)
                    lastLineBlank = []
                    spansLines = true
                } else if blanking == .columns, byte & 0xC0 != 0x80 {
                    // One space a character (not a byte), so that columns count as the editor does.
                    lastLineBlank.append(0x20)
                }
            }
            let startsLine = atLineStart || spansLines
            let followedByText = end < bytes.count && bytes[end] != UInt8(ascii: "\n")
            switch blanking {
            case .columns:
                // Text after a comment that starts its line must not become an indented code block.
                if !(startsLine && followedByText && lastLineBlank.count >= 4) { out.append(contentsOf: lastLineBlank) }
            case .compact:
                if !startsLine && followedByText { out.append(0x20) }
            }
            position = end
        }
        return (String(decoding: out, as: UTF8.self), comments)
    }

    private static let open = Array("<!--".utf8)
    private static let close = Array("-->".utf8)
}
