import Foundation

/// Replaces, in a piece of text, everything that could tell who the client is: contact details
/// and identifiers by their shape, real dates by a time relative to the first session, declared
/// names by pseudonyms or generalised forms, and names the case file does not declare by
/// « [personne] ». French is repaired on the way: « d'Amélie » becomes « de Sophie », « chez
/// l'Atelier » becomes « chez une PME », « à Lyon » becomes « dans une grande ville ».
struct Anonymiser: Sendable {
    var registry: Registry
    var language: JournalConfig.Language
    /// The day of the first session: dates are told relative to it.
    var origin: LocalDate?
    /// Words known to be undeclared names, exactly as written (found elsewhere in the case).
    var undeclared: Set<String> = []
    /// Whether names the registry does not know are looked for here, with `NameDetector`.
    var detectsNames = true
    /// Folded words never taken for an undeclared person: the coach's own name, and every word
    /// of every declared entry.
    var notUndeclared: Set<String> = []
    /// Words of undeclared places found in texts rewritten before (« Roubaix » of « à Roubaix »),
    /// hidden wherever they stand from then on.
    var knownPlaces: Set<String> = []

    /// Longer texts are left out whole rather than scanned: a summary stays fast on any file.
    static let maximumLength = 100_000

    /// What `rewrite` found and changes.
    struct Result: Sendable {
        var replacements: [TextEdit]
        /// Names replaced by « [personne] », as written.
        var undeclared: [String]
        /// Undeclared places replaced by « [lieu] », as written.
        var places: [String] = []
    }

    private struct Span {
        var range: Range<String.Index>
        var text: String
        var kind: Kind
    }

    private enum Kind: Equatable { case person, place, phrase, placeholder }

    func apply(_ text: String, context: LocalDate?) -> String {
        let text = TextFold.visible(text)
        guard text.utf8.count <= Self.maximumLength else { return tooLong }
        return TextEdit.apply(rewrite(text, context: context).replacements, to: text)
    }

    var tooLong: String { Message("[passage too long, left out]", fr: "[passage trop long, omis]").in(language) }

    /// The changes that make `text` (already `TextFold.visible`) safe, in order and without overlaps.
    func rewrite(_ text: String, context: LocalDate?) -> Result {
        // Earlier kinds win where two overlap: contact details, then dates, then names.
        var spans: [Span] = []
        var taken = Coverage()
        func claim(_ range: Range<String.Index>, _ replacement: String, _ kind: Kind) {
            guard taken.insert(range) else { return }
            spans.append(Span(range: range, text: replacement, kind: kind))
        }
        // One look at what the text holds serves both detectors.
        let traits = TextTraits(text)
        for match in PatternDetector.matches(in: text, traits: traits) { claim(match.range, match.kind.placeholder(language), .placeholder) }
        // A declared phone number, however it is written or cut.
        for range in declaredPhones(in: text) { claim(range, PatternDetector.Kind.phone.placeholder(language), .placeholder) }
        for match in DateDetector.matches(in: text, context: context, traits: traits) { claim(match.range, describe(match.found), .placeholder) }
        let tokens = WordTokens(text).tokens
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if taken.overlaps(token.range) {
                index += 1
                continue
            }
            if let variant = registry.match(tokens, at: index, in: text, afterTitle: index > 0 && isTitle(tokens, index - 1, in: text)),
               !longerMatch(tokens, after: index, end: index + variant.words.count, in: text) {
                let last = tokens[index + variant.words.count - 1]
                let range = token.range.lowerBound..<last.range.upperBound
                let kind: Kind = variant.kind == .person ? .person : variant.kind == .place ? .place : .phrase
                claim(range, replacement(variant, tokens: Array(tokens[index..<index + variant.words.count]), in: text), kind)
                index += variant.words.count
                continue
            }
            // A declared place or surname cut short, its cut marked: « à Douarn' », « M. Kerbr. ».
            if token.capitalised, token.range.upperBound < text.endIndex, "'’.".contains(text[token.range.upperBound]),
               let cut = registry.shortened(token.folded) {
                claim(token.range.lowerBound..<text.index(after: token.range.upperBound), cut.replacement, .placeholder)
            }
            index += 1
        }
        var found: [String] = []
        if detectsNames || !undeclared.isEmpty {
            let detected = detectsNames ? NameDetector.spans(in: text) : []
            func add(_ range: Range<String.Index>, _ name: String) {
                guard !taken.overlaps(range) else { return }
                found.append(name)
                claim(range, Message("[person]", fr: "[personne]").in(language), .placeholder)
            }
            for candidate in detected where !PersonWords.of(candidate.name).isSubset(of: notUndeclared) {
                add(candidate.range, candidate.name)
            }
            if !undeclared.isEmpty {
                for token in tokens where undeclared.contains(String(text[token.range])) {
                    add(token.range, String(text[token.range]))
                }
            }
        }
        // Places the case file does not declare, known by the word before them (« à Roubaix »),
        // after names: « à Marie » is a person.
        var places: [String] = []
        if detectsNames {
            let placeholder = Message("[place]", fr: "[lieu]").in(language)
            for range in PlaceDetector.ranges(tokens, in: text) where !taken.overlaps(range) {
                let name = String(text[range])
                guard !PersonWords.of(name).isSubset(of: notUndeclared) else { continue }
                places.append(name)
                claim(range, placeholder, .place)
            }
            if !knownPlaces.isEmpty {
                for token in tokens where knownPlaces.contains(String(text[token.range])) && !taken.overlaps(token.range) {
                    claim(token.range, placeholder, .place)
                }
            }
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var replacements: [TextEdit] = []
        var position = text.startIndex
        var previous: Span?
        for span in spans where span.range.lowerBound >= position {
            // « l'Atelier Garnier, Garnier SA » gives the generalised form once, not twice in a row.
            if let previous, previous.kind == .phrase || previous.kind == .place, span.kind == previous.kind, span.text == previous.text,
               text[position..<span.range.lowerBound].allSatisfy({ $0 == " " || $0 == "-" || $0 == "," || $0 == "(" || $0 == ")" }) {
                replacements.append(TextEdit(range: position..<span.range.upperBound, text: ""))
                position = span.range.upperBound
                continue
            }
            replacements.append(repaired(span, in: text, from: position))
            position = span.range.upperBound
            previous = span
        }
        return Result(replacements: replacements, undeclared: found, places: places)
    }

    /// Runs of digits and the characters that write phone numbers whose digits hold a declared
    /// number's last nine. Read on the bytes; a character is one of them only alone (a digit
    /// that a combining mark joins is not a digit, as for `Character`).
    private func declaredPhones(in text: String) -> [Range<String.Index>] {
        guard !registry.phoneDigits.isEmpty else { return [] }
        var text = text
        text.makeContiguousUTF8()
        let source = text
        let numbers = registry.phoneDigits.map { Array($0.digits.utf8) }
        let found: [Range<Int>] = source.utf8.withContiguousStorageIfAvailable { bytes in
            /// The ASCII character at `offset`, if it stands alone.
            func ascii(_ offset: Int) -> UInt8? {
                let byte = bytes[offset]
                guard byte < 0x80 else { return nil }
                let next = offset + 1
                guard next < bytes.count else { return byte }
                if byte == 0x0D, bytes[next] == 0x0A { return nil }
                if bytes[next] >= 0x80, !TextFold.flags(UInt32(byte)).contains(.control),
                   TextFold.flags(TextFold.scalar(bytes, at: next).value).contains(.extend) { return nil }
                return byte
            }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var ranges: [Range<Int>] = []
            var digits: [UInt8] = []
            var offset = 0
            while offset < bytes.count {
                guard let first = ascii(offset), isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "(") else {
                    offset += 1
                    continue
                }
                var end = offset
                digits.removeAll(keepingCapacity: true)
                var lastDigit = offset
                while end < bytes.count, let byte = ascii(end), isDigit(byte) || Self.phoneSeparators.contains(byte) {
                    if isDigit(byte) {
                        digits.append(byte)
                        lastDigit = end + 1
                    }
                    end += 1
                }
                if digits.count >= 9, numbers.contains(where: { Self.contains(digits, $0) }) {
                    ranges.append(offset..<lastDigit)
                }
                offset = end > offset ? end : offset + 1
            }
            return ranges
        } ?? []
        let utf8 = text.utf8
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    private static let phoneSeparators: Set<UInt8> = Set(" .-()+/\n".utf8)

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Ranges already claimed, sorted and apart: a look-up is a binary search, so a long
    /// paragraph full of dates and names stays linear-ish.
    private struct Coverage {
        private var ranges: [Range<String.Index>] = []

        /// The position of the first range that ends after `bound`.
        private func firstEnding(after bound: String.Index) -> Int {
            var low = 0, high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].upperBound <= bound { low = middle + 1 } else { high = middle }
            }
            return low
        }

        func overlaps(_ range: Range<String.Index>) -> Bool {
            let position = firstEnding(after: range.lowerBound)
            return position < ranges.count && ranges[position].lowerBound < range.upperBound
        }

        /// Claims `range` unless part of it is taken.
        mutating func insert(_ range: Range<String.Index>) -> Bool {
            let position = firstEnding(after: range.lowerBound)
            if position < ranges.count, ranges[position].lowerBound < range.upperBound { return false }
            ranges.insert(range, at: position)
            return true
        }
    }

    /// Whether a match starting inside `index + 1 ..< end` reaches further: « l'Atelier Garnier »
    /// is the organisation, not the alias « l'Atelier » followed by the surname Garnier.
    private func longerMatch(_ tokens: [WordTokens.Token], after index: Int, end: Int, in text: String) -> Bool {
        for next in (index + 1)..<end {
            if let variant = registry.match(tokens, at: next, in: text), next + variant.words.count > end { return true }
        }
        return false
    }

    /// Whether token `index` is a title (M., Mme, Dr…): a name after it is a person.
    private func isTitle(_ tokens: [WordTokens.Token], _ index: Int, in text: String) -> Bool {
        guard Registry.titles.contains(tokens[index].folded), tokens[index].capitalised else { return false }
        return tokens[index].folded != "m" || (tokens[index].range.upperBound < text.endIndex && text[tokens[index].range.upperBound] == ".")
    }

    private func replacement(_ variant: Registry.Variant, tokens: [WordTokens.Token], in text: String) -> String {
        if variant.joined, let part = variant.parts.first ?? nil, let token = tokens.first {
            if token.shouted { return part.uppercased() }
            return token.capitalised ? part.prefix(1).uppercased() + part.dropFirst() : part
        }
        var result = ""
        for (offset, token) in tokens.enumerated() {
            let original = String(text[token.range])
            guard let part = variant.parts[offset] else {
                if offset > 0 { result += text[tokens[offset - 1].range.upperBound..<token.range.lowerBound] }
                result += original
                continue
            }
            if part.isEmpty { continue }
            if offset > 0 { result += text[tokens[offset - 1].range.upperBound..<token.range.lowerBound] }
            result += token.shouted && variant.kind == .person ? part.uppercased() : part
        }
        // An initial keeps its dot when the next word was dropped: « J.-P. » → « P. ».
        if let lastKept = variant.parts.lastIndex(where: { $0 != "" }), lastKept < tokens.count - 1,
           variant.parts[lastKept].map({ $0.count == 1 }) == true, !result.hasSuffix(".") {
            result += "."
        }
        return result
    }

    /// « [3 semaines après la première séance] », or a placeholder when nothing can be said.
    func describe(_ found: DateDetector.Found) -> String {
        switch found {
        case .day(let date):
            guard let origin else { return "[date]" }
            return "[" + Self.relative(days: date.dayNumber - origin.dayNumber, language: language) + "]"
        case .month(let year, let month):
            guard let origin, year > 0 else { return Message("[month]", fr: "[mois]").in(language) }
            let months = (year * 12 + month) - (origin.year * 12 + origin.month)
            if months == 0 { return Message("[the month of the first session]", fr: "[le mois de la première séance]").in(language) }
            let count = abs(months)
            let after = months > 0
            return Message("[\(count) month\(count > 1 ? "s" : "") \(after ? "after" : "before") the first session]",
                       fr: "[\(count) mois \(after ? "après" : "avant") la première séance]").in(language)
        case .weekday:
            return Message("[day]", fr: "[jour]").in(language)
        case .year:
            return Message("[year]", fr: "[année]").in(language)
        case .undated:
            return "[date]"
        case .period:
            return Message("[time of year]", fr: "[période de l'année]").in(language)
        case .age:
            return Message("[age]", fr: "[âge]").in(language)
        }
    }

    /// "3 semaines après la première séance": days under two weeks, weeks under three months,
    /// months beyond.
    static func relative(days: Int, language: JournalConfig.Language) -> String {
        if days == 0 { return Message("the day of the first session", fr: "le jour de la première séance").in(language) }
        let count = abs(days)
        let (amount, unitFr, unitEn): (Int, String, String)
        if count < 14 {
            (amount, unitFr, unitEn) = (count, count > 1 ? "jours" : "jour", count > 1 ? "days" : "day")
        } else if count < 91 {
            let weeks = Int((Double(count) / 7).rounded())
            (amount, unitFr, unitEn) = (weeks, "semaines", "weeks")
        } else {
            let months = Int((Double(count) / 30.44).rounded())
            (amount, unitFr, unitEn) = (months, "mois", "months")
        }
        return Message("\(amount) \(unitEn) \(days > 0 ? "after" : "before") the first session",
                   fr: "\(amount) \(unitFr) \(days > 0 ? "après" : "avant") la première séance").in(language)
    }

    /// The replacement of `span`, with what comes before it repaired: elision (d' / de, qu' /
    /// que), articles that belonged to the original name (l'Atelier, du Groupe, au Havre), « à »
    /// before a generalised place, and a capital at the start of a sentence. Only the original
    /// text after `start` (the end of the previous replacement) may change.
    private func repaired(_ span: Span, in source: String, from start: String.Index) -> TextEdit {
        let before = String(source[start..<span.range.lowerBound])
        var output = before
        var text = span.text
        let startsWithVowel = text.first.map { "aeiouyàâäéèêëîïôöûüÿhAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŸ".contains($0) } ?? false
        let isArticlePhrase = (span.kind == .phrase || span.kind == .place)
            && ["un ", "une ", "l'", "l’", "la ", "le ", "a ", "an ", "the "].contains { text.lowercased().hasPrefix($0) }
        if language == .en, isArticlePhrase, let word = Self.trailingWord(output), ["the", "The"].contains(word) {
            // "the Thornbury workshop" → "a joinery workshop", not "the a joinery…".
            output.removeLast(word.count + 1)
        }
        if language == .fr {
            // The article belonged to the name: « chez l'Atelier Garnier » → « chez une PME ».
            if isArticlePhrase {
                if let (word, apostrophe) = Self.trailingElision(output), word == "l" || word == "L" {
                    output.removeLast(apostrophe + 1)
                } else if let word = Self.trailingWord(output), ["le", "la", "les"].contains(word.lowercased()) {
                    output.removeLast(word.count + 1)
                }
            }
            // « du Groupe X » → « de une PME » (then « d'une PME »), « au Havre » → « à une ville ».
            if isArticlePhrase || text.hasPrefix("["), let word = Self.trailingWord(output) {
                let capital = word.first?.isUppercase == true
                switch word.lowercased() {
                case "du", "des":
                    output.removeLast(word.count + 1)
                    output += capital ? "De " : "de "
                case "au", "aux":
                    output.removeLast(word.count + 1)
                    output += capital ? "À " : "à "
                default:
                    break
                }
            }
            // A town written « à Lyon » is « dans une grande ville », not « à une grande ville ».
            if span.kind == .place, text.hasPrefix("un ") || text.hasPrefix("une "), let word = Self.trailingWord(output), word == "à" || word == "À" {
                output.removeLast(word.count + 1)
                output += word == "À" ? "Dans " : "dans "
            }
            // Elision follows the new first letter: « d'Amélie » → « de Sophie », « de Bruno » → « d'Inès ».
            if let (word, apostrophe) = Self.trailingElision(output), !startsWithVowel,
               let full = ["d": "de ", "D": "De ", "qu": "que ", "Qu": "Que ", "QU": "QUE "][word] {
                output.removeLast(apostrophe + word.count)
                output += full
            } else if startsWithVowel, !text.hasPrefix("["), let word = Self.trailingWord(output), ["de", "De", "que", "Que"].contains(word) {
                output.removeLast(word.count + 1)
                output += String(word.dropLast()) + "'"
            }
        }
        let original = source[span.range]
        if original.first?.isUppercase == true, Self.atSentenceStart(output, before: source[..<start]), let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        // Only the changed tail of `before` is replaced, so that the Markdown around it stays.
        // The common head compared on the bytes, then moved back to where a character starts in both.
        var common = zip(before.utf8, output.utf8).prefix { $0 == $1 }.count
        while common > 0, String.Index(before.utf8.index(before.utf8.startIndex, offsetBy: common), within: before) == nil
                || String.Index(output.utf8.index(output.utf8.startIndex, offsetBy: common), within: output) == nil {
            common -= 1
        }
        let lower = source.utf8.index(start, offsetBy: common)
        let tail = output.utf8.index(output.utf8.startIndex, offsetBy: common)
        return TextEdit(range: lower..<span.range.upperBound, text: String(output[tail...]) + text)
    }

    /// `d'`, `qu'`, `l'` just before, with the length of its apostrophe.
    private static func trailingElision(_ output: String) -> (String, Int)? {
        guard let last = output.last, Registry.apostrophes.contains(last) else { return nil }
        let before = output.dropLast()
        for word in ["qu", "Qu", "QU", "d", "D", "l", "L"] where before.hasSuffix(word) {
            let start = before.index(before.endIndex, offsetBy: -word.count)
            if start == before.startIndex || !before[before.index(before: start)].isLetter {
                return (word, 1)
            }
        }
        return nil
    }

    /// The word just before, when a single space separates it.
    private static func trailingWord(_ output: String) -> String? {
        guard output.last == " " || output.last == "\n" else { return nil }
        let before = output.dropLast()
        let word = before.reversed().prefix { $0.isLetter }
        guard !word.isEmpty else { return nil }
        return String(word.reversed())
    }

    /// After a full stop, a question or an exclamation mark, or at the start of the text; not
    /// after « de » at the end of a line.
    private static func atSentenceStart(_ output: String, before: Substring) -> Bool {
        let skipped: (Character) -> Bool = { " \n\u{00A0}*_«\"(".contains($0) }
        if let previous = output.reversed().first(where: { !skipped($0) }) { return ".!?".contains(previous) }
        guard let previous = before.reversed().first(where: { !skipped($0) }) else { return true }
        return ".!?".contains(previous)
    }
}
