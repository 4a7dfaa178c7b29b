/// RFC 5545's text rules: escaping of TEXT values, and lines folded at 75 octets with CRLF.
enum ContentLine {
    /// `\`, `;`, `,` and newlines escaped, as TEXT values need.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in a content line (RFC 5545 forbids C0
                // and DEL); C1 controls and bidi overrides would reach a terminal that prints the
                // calendar, as an escape sequence or as reordered text.
                if String.isControl(scalar) && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One logical line as physical lines of at most 75 octets each, CRLF-terminated; a
    /// continuation starts with a space, and no UTF-8 sequence is ever cut in two.
    static func folded(_ line: String) -> String {
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out + "\r\n"
    }
}
