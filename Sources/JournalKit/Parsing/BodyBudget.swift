/// What one note's body may cost, checked on its bytes before cmark sees them.
///
/// cmark's time and memory grow with the number of blocks and with how deep containers nest
/// (every line walks the chain of open quotes and lists), and it aborts the program when an
/// allocation fails: a hostile note must be refused before it is handed over. The limits are
/// far above any real note (a session note has a few dozen blocks and three levels at most; a
/// long case file a few thousand lines), and low enough that the largest note allowed is read,
/// indexed and summarised in seconds and a few hundred MB.
struct BodyBudget: Sendable {
    /// Lines that begin a block: a list item, a quote line, a heading, a table row, a fenced code
    /// block or a paragraph (a line after a blank one).
    static let maximumBlocks = 10_000
    /// Levels of quotes and lists at the start of a line: each `>`, each list marker, and each
    /// two columns of indentation before the first marker.
    static let maximumNesting = 32

    struct Overrun: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case blocks, nesting }
        var kind: Kind
        /// In the body, from 1.
        var line: Int
        var column: Int
    }

    /// The first place where `body` goes over a limit, or nil when it is within them.
    static func check(_ body: String) -> Overrun? {
        var body = body
        return body.withUTF8 { check(bytes: $0) }
    }

    static func check(bytes: UnsafeBufferPointer<UInt8>) -> Overrun? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        let count = bytes.count
        var blocks = 0
        var line = 0
        var previousBlank = true
        // The open code fence: its character and length; nothing inside it is a block.
        var fence: (byte: UInt8, length: Int)?
        var start = 0
        while start <= count {
            line += 1
            var end = start
            while end < count, bytes[end] != newline { end += 1 }
            defer { start = end + 1 }
            if start == count, line > 1 { break }
            if let open = fence {
                // Inside a top-level fence everything is code, up to a closing fence of the same
                // character, at least as long, indented three spaces at most.
                var i = start
                while i < end, i - start < 4, bytes[i] == space { i += 1 }
                var run = 0
                while i + run < end, bytes[i + run] == open.byte { run += 1 }
                var rest = i + run
                while rest < end, bytes[rest] == space || bytes[rest] == tab { rest += 1 }
                if i - start < 4, run >= open.length, rest == end { fence = nil }
                continue
            }
            var i = start
            var markers = 0
            var leadingIndent = 0
            var indent = 0
            var tooDeep: Int?
            while i < end {
                let byte = bytes[i]
                if byte == space || byte == tab {
                    indent += byte == tab ? 4 : 1
                    i += 1
                    continue
                }
                var after = i
                if byte == UInt8(ascii: ">") {
                    after = i + 1
                } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                    guard i + 1 == end || bytes[i + 1] == space || bytes[i + 1] == tab else { break }
                    after = i + 1
                } else if byte >= 0x30, byte <= 0x39 {
                    var j = i
                    while j < end, j - i < 10, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                    guard j < end, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"),
                          j + 1 == end || bytes[j + 1] == space || bytes[j + 1] == tab else { break }
                    after = j + 1
                } else {
                    break
                }
                if markers == 0 { leadingIndent = indent }
                markers += 1
                if markers + leadingIndent / 2 > maximumNesting {
                    tooDeep = i - start + 1
                    break
                }
                i = after
            }
            if let column = tooDeep { return Overrun(kind: .nesting, line: line, column: column) }
            let content = i
            let blank = content == end
            defer { previousBlank = blank }
            if blank, markers == 0 { continue }
            let first = blank ? 0 : bytes[content]
            // Only a fence at the top level is followed: one inside a quote or a list ends with
            // its container, which this count does not track, so its lines are counted as any.
            if markers == 0, indent < 4, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                var run = 0
                while content + run < end, bytes[content + run] == first { run += 1 }
                if run >= 3 { fence = (first, run) }
            }
            if markers > 0 || previousBlank || first == UInt8(ascii: "#") || first == UInt8(ascii: "|") || fence != nil {
                blocks += 1
                if blocks > maximumBlocks {
                    return Overrun(kind: .blocks, line: line, column: 1)
                }
            }
        }
        return nil
    }

    /// The diagnostic for an overrun at `line` and `column` of the file.
    static func diagnostic(_ overrun: Overrun, path: String, line: Int, column: Int) -> Diagnostic {
        let message: Message
        switch overrun.kind {
        case .blocks:
            message = Message(
                "this note has more than \(maximumBlocks) blocks (list items, quote lines, headings, table rows, paragraphs) and this line is one too many: its body was not read, only its front-matter; split it into several notes",
                fr: "cette note a plus de \(maximumBlocks) blocs (éléments de liste, lignes de citation, titres, lignes de tableau, paragraphes) et cette ligne est de trop : son corps n'a pas été lu, seulement son en-tête ; répartissez-la en plusieurs notes")
        case .nesting:
            message = Message(
                "quotes or lists nested more than \(maximumNesting) levels deep (each `>`, each list marker and each two spaces of indentation count one): the note's body was not read, only its front-matter; flatten this part",
                fr: "citations ou listes imbriquées sur plus de \(maximumNesting) niveaux (chaque `>`, chaque puce et chaque retrait de deux espaces compte pour un) : le corps de la note n'a pas été lu, seulement son en-tête ; aplatissez ce passage")
        }
        return Diagnostic(path: path, line: line, column: column, severity: .error, rule: Rule.fileUnreadable, message)
    }
}
