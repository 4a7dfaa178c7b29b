/// Replaces, in a piece of text, everything that could tell who the client is: contact details
/// and identifiers by their shape, real dates by a time relative to the first session, declared
/// names by pseudonyms or generalised forms, and undeclared names by « [personne] ". French
/// elision is repaired on the way: « d'Amélie » becomes « de Sophie », « chez l'Atelier » becomes
/// « chez une PME ».
struct Anonymiser: Sendable {
    var registry: Registry
    var language: JournalConfig.Language
    /// The day of the first session: dates are told relative to it.
    var origin: LocalDate?
    /// Words found by the undeclared-person detection, exactly as written.
    var undeclared: Set<String> = []

    /// Longer texts are left out whole rather than scanned: a summary stays fast on any file.
    static let maximumLength = 100_000

    private struct Span {
        var range: Range<String.Index>
        var text: String
        var kind: Kind
    }

    private enum Kind { case person, phrase, placeholder }

    func apply(_ text: String, context: LocalDate?) -> String {
        guard text.utf8.count <= Self.maximumLength else {
            return language == .fr ? "[passage trop long, omis]" : "[passage too long, left out]"
        }
        var spans: [Span] = PatternDetector.matches(in: text).map {
            Span(range: $0.range, text: $0.kind.placeholder(language), kind: .placeholder)
        }
        for match in DateDetector.matches(in: text, context: context) where !spans.contains(where: { $0.range.overlaps(match.range) }) {
            spans.append(Span(range: match.range, text: describe(match.found), kind: .placeholder))
        }
        let tokens = WordTokens(text).tokens
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if spans.contains(where: { $0.range.overlaps(token.range) }) {
                index += 1
                continue
            }
            if let variant = registry.match(tokens, at: index, in: text) {
                let last = tokens[index + variant.words.count - 1]
                let range = token.range.lowerBound..<last.range.upperBound
                spans.append(Span(range: range, text: replacement(variant, tokens: Array(tokens[index..<index + variant.words.count]), in: text),
                                  kind: variant.kind == .person ? .person : .phrase))
                index += variant.words.count
                continue
            }
            let word = String(text[token.range])
            if undeclared.contains(word) {
                spans.append(Span(range: token.range, text: language == .fr ? "[personne]" : "[person]", kind: .placeholder))
            }
            index += 1
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output = ""
        var position = text.startIndex
        for span in spans where span.range.lowerBound >= position {
            output += text[position..<span.range.lowerBound]
            let original = text[span.range]
            append(span, original: original, to: &output)
            position = span.range.upperBound
        }
        output += text[position...]
        return output
    }

    private func replacement(_ variant: Registry.Variant, tokens: [WordTokens.Token], in text: String) -> String {
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
            let shouted = original.count > 1 && original == original.uppercased() && original != original.lowercased()
            result += shouted && variant.kind == .person ? part.uppercased() : part
        }
        return result
    }

    /// « [3 semaines après la première séance] », or a placeholder when nothing can be said.
    func describe(_ found: DateDetector.Found) -> String {
        let fr = language == .fr
        switch found {
        case .day(let date):
            guard let origin else { return "[date]" }
            return "[" + Self.relative(days: date.dayNumber - origin.dayNumber, language: language) + "]"
        case .month(let year, let month):
            guard let origin, year > 0 else { return fr ? "[mois]" : "[month]" }
            let months = (year * 12 + month) - (origin.year * 12 + origin.month)
            if months == 0 { return fr ? "[le mois de la première séance]" : "[the month of the first session]" }
            let count = abs(months)
            let after = months > 0
            return fr ? "[\(count) mois \(after ? "après" : "avant") la première séance]"
                      : "[\(count) month\(count > 1 ? "s" : "") \(after ? "after" : "before") the first session]"
        case .weekday:
            return fr ? "[jour]" : "[day]"
        case .year:
            return fr ? "[année]" : "[year]"
        case .undated:
            return "[date]"
        }
    }

    /// "3 semaines après la première séance": days under two weeks, weeks under three months,
    /// months beyond.
    static func relative(days: Int, language: JournalConfig.Language) -> String {
        let fr = language == .fr
        if days == 0 { return fr ? "le jour de la première séance" : "the day of the first session" }
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
        return fr ? "\(amount) \(unitFr) \(days > 0 ? "après" : "avant") la première séance"
                  : "\(amount) \(unitEn) \(days > 0 ? "after" : "before") the first session"
    }

    /// Appends a replacement, repairing what comes before it: elision (d' / de, qu' / que),
    /// articles that belonged to the original name (l'Atelier, du Groupe), and a capital at the
    /// start of a sentence.
    private func append(_ span: Span, original: Substring, to output: inout String) {
        var text = span.text
        let startsWithVowel = text.first.map { "aeiouyàâäéèêëîïôöûüÿAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŸ".contains($0) } ?? false
        let isArticlePhrase = span.kind == .phrase
            && ["un ", "une ", "l'", "l’", "la ", "le ", "a ", "an ", "the "].contains { text.lowercased().hasPrefix($0) }
        if language == .fr {
            // The article belonged to the name: « chez l'Atelier Garnier » → « chez une PME ».
            if isArticlePhrase {
                if let (word, apostrophe) = Self.trailingElision(output), word == "l" || word == "L" {
                    output.removeLast(apostrophe + 1)
                } else if let word = Self.trailingWord(output), ["le", "la", "les"].contains(word.lowercased()) {
                    output.removeLast(word.count + 1)
                }
            }
            // « du Groupe X » → « de une PME » (then « d'une PME »), « au Groupe X » → « à une PME ».
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
            // Elision follows the new first letter: « d'Amélie » → « de Sophie », « de Bruno » → « d'Inès ».
            if let (word, apostrophe) = Self.trailingElision(output), !startsWithVowel,
               let full = ["d": "de ", "D": "De ", "qu": "que ", "Qu": "Que ", "QU": "QUE "][word] {
                output.removeLast(apostrophe + word.count)
                output += full
            } else if startsWithVowel, let word = Self.trailingWord(output), ["de", "De", "que", "Que"].contains(word) {
                output.removeLast(word.count + 1)
                output += String(word.dropLast()) + "'"
            }
        }
        if original.first?.isUppercase == true, Self.atSentenceStart(output), let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        output += text
    }

    /// `d'`, `qu'`, `l'` just before, with the length of its apostrophe.
    private static func trailingElision(_ output: String) -> (String, Int)? {
        guard let last = output.last, last == "'" || last == "’" else { return nil }
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
        guard output.last == " " else { return nil }
        let before = output.dropLast()
        let word = before.reversed().prefix { $0.isLetter }
        guard !word.isEmpty else { return nil }
        return String(word.reversed())
    }

    private static func atSentenceStart(_ output: String) -> Bool {
        let trimmed = output.reversed().drop { $0 == " " || $0 == "\u{00A0}" || $0 == "*" || $0 == "_" || $0 == "«" || $0 == "\"" }
        guard let previous = trimmed.first else { return true }
        return ".!?\n#>-".contains(previous)
    }
}
