/// HTML comments taken out of a body before cmark sees it. cmark 0.30 does not recognise a
/// comment that holds `--` or a blank line and prints it as text, so a private remark in a
/// comment would come out in a summary; here every `<!--` opens a comment up to the next `-->`
/// (or the end of the body, when it is never closed), whatever it holds.
///
/// Obsidian's own comments, `%%…%%`, are hidden the same way: coaches who write in Obsidian
/// keep their private remarks there, and cmark knows nothing of them. Whichever opener comes
/// first wins, so a `%%` inside an HTML comment (or the reverse) is part of that comment.
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

    /// What `blank` gives.
    struct Blanked {
        var text: String
        /// The text of each comment.
        var comments: [String]
        /// Where a `<!--` that is never closed starts (line and column from 1, in the body):
        /// everything after it is hidden, and the coach should know.
        var unclosed: (line: Int, column: Int)?
        /// The unclosed comment is an Obsidian `%%` one (else `<!--`).
        var unclosedIsObsidian = false
    }

    /// The body without comments.
    static func blank(_ body: String, _ blanking: Blanking = .columns) -> Blanked {
        // Most notes have no comment: they are not copied.
        let hasHTML = ByteSearch.contains(body, "<!--"), hasObsidian = ByteSearch.contains(body, "%%")
        guard hasHTML || hasObsidian else { return Blanked(text: body, comments: []) }
        let bytes = Array(body.utf8)
        // The next place of each opener, searched again only once passed: a body with thousands
        // of comments of one kind and a single one of the other stays linear.
        var nextHTML = hasHTML ? ByteSearch.firstIndex(of: open, in: bytes, from: 0) : nil
        var nextObsidian = hasObsidian ? ByteSearch.firstIndex(of: obsidian, in: bytes, from: 0) : nil
        func nextOpener(from position: Int) -> (start: Int, isObsidian: Bool)? {
            if let found = nextHTML, found < position { nextHTML = ByteSearch.firstIndex(of: open, in: bytes, from: position) }
            if let found = nextObsidian, found < position {
                nextObsidian = ByteSearch.firstIndex(of: obsidian, in: bytes, from: position)
            }
            switch (nextHTML, nextObsidian) {
            case (nil, nil): return nil
            case (let html?, nil): return (html, false)
            case (nil, let percent?): return (percent, true)
            case (let html?, let percent?): return html <= percent ? (html, false) : (percent, true)
            }
        }
        guard let first = nextOpener(from: 0) else { return Blanked(text: body, comments: []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // Whether `out` holds only spaces and tabs since its last line break, kept as it grows:
        // looking back along the line at each comment would be quadratic on `%%%%%%…`.
        var lineBlank = true
        func keep(_ slice: ArraySlice<UInt8>) {
            out.append(contentsOf: slice)
            if let newline = slice.lastIndex(of: UInt8(ascii: "\n")) {
                lineBlank = slice[(newline + 1)...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            } else if lineBlank {
                lineBlank = slice.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            }
        }
        keep(bytes[..<first.start])
        var comments: [String] = []
        var unclosed: (line: Int, column: Int)?
        var unclosedIsObsidian = false
        var position = first.start
        while position < bytes.count {
            guard let opener = nextOpener(from: position) else {
                keep(bytes[position...])
                break
            }
            let start = opener.start
            let (opening, closing) = opener.isObsidian ? (obsidian, obsidian) : (open, self.close)
            keep(bytes[position..<start])
            let close = ByteSearch.firstIndex(of: closing, in: bytes, from: start + opening.count)
            if close == nil {
                let before = bytes[..<start]
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                unclosed = (before.filter { $0 == UInt8(ascii: "\n") }.count + 1,
                            bytes[lineStart..<start].filter { $0 & 0xC0 != 0x80 }.count + 1)
                unclosedIsObsidian = opener.isObsidian
            }
            let end = close.map { $0 + closing.count } ?? bytes.count
            comments.append(String(decoding: bytes[(start + opening.count)..<(close ?? bytes.count)], as: UTF8.self))
            let atLineStart = lineBlank
            var lastLineBlank: [UInt8] = []
            var spansLines = false
            for byte in bytes[start..<end] {
                if byte == UInt8(ascii: "\n") {
                    out.append(byte)
                    lineBlank = true
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
                // One space where the comment was, whatever spaces stood around it.
                if !startsLine && followedByText {
                    let spaceBefore = out.last == 0x20 || out.last == 0x09
                    let spaceAfter = bytes[end] == 0x20 || bytes[end] == 0x09
                    if !spaceBefore && !spaceAfter { out.append(0x20) }
                    if spaceBefore && spaceAfter { position = end + 1; continue }
                }
            }
            position = end
        }
        return Blanked(text: String(decoding: out, as: UTF8.self), comments: comments, unclosed: unclosed,
                       unclosedIsObsidian: unclosedIsObsidian)
    }

    private static let open = Array("<!--".utf8)
    private static let close = Array("-->".utf8)
    private static let obsidian = Array("%%".utf8)
}
