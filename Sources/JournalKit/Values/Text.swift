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
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
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
