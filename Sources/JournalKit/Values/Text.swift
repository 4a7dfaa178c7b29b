import Foundation

extension Message {
    /// Prefixes are written with the French spacing (`key : …`); English has no space before
    /// a colon.
    var fixingEnglishColon: Message {
        Message(en.replacingFirst(" : ", with: ": "), fr: fr)
    }
}

extension String {
    var trimmingWhitespace: String {
        // Nearly every value starts and ends with a visible ASCII byte: nothing to trim, and
        // no Unicode property to look up (a Character is white space by its first scalar, and
        // only `\r\n` joins two ASCII scalars into one Character).
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }

    /// Short enough to quote in a message.
    var clipped: String {
        count > 40 ? String(prefix(40)) + "…" : self
    }

    public func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

extension String {
    /// The lines as `split(separator: "\n", omittingEmptySubsequences: false)` gives them (a
    /// CR LF is one character, and does not end a line), cut on the bytes.
    var characterLines: [Substring] {
        var lines: [Substring] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                lines.append(self[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        lines.append(self[start..<utf8.endIndex])
        return lines
    }
}
