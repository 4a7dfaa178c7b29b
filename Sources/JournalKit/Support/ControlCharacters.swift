extension String {
    /// The text with every control character made visible, for printing a file name or a note's
    /// text on a terminal: `\n`, `\r`, `\t`, and `\u{1B}`-style escapes for the other C0 and C1
    /// controls, DEL and the bidirectional overrides. So a file name holding a newline cannot
    /// forge a `file:line: error:` line of its own, and no escape sequence from a note (colours,
    /// a changed window title, a hidden cursor) reaches the terminal.
    public var escapingControls: String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            guard Self.isControl(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// The same for a whole document (a summary, a report, a log): its line breaks and tabs
    /// are kept (a CR only before an LF, as CRLF ends CSV lines), every other control
    /// character is made visible, so that the document printed on a terminal is what it
    /// shows.
    public var escapingControlsKeepingLines: String {
        let scalars = Array(unicodeScalars)
        func kept(_ index: Int) -> Bool {
            let scalar = scalars[index]
            return !Self.isControl(scalar) || scalar == "\n" || scalar == "\t"
                || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
        }
        guard !scalars.indices.allSatisfy(kept) else { return self }
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            if kept(index) {
                result.append(scalars[index])
            } else {
                result.append(contentsOf: String(scalars[index]).escapingControls.unicodeScalars)
            }
        }
        return String(result)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidirectional embeddings, overrides and isolates: they reorder what the terminal shows.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
