import Foundation

/// Real dates in a text, in digits or in words, French or English: `2026-03-18`, `18/03/2026`,
/// « mardi 3 mars », "March 3rd, 2026", « en avril », a weekday, a year. A summary must show none
/// of them: each becomes a time relative to the first session, or a placeholder.
struct DateDetector: Sendable {
    enum Found: Sendable, Hashable {
        case day(LocalDate)
        /// A month without a day: year, month.
        case month(Int, Int)
        case weekday
        case year
        /// A day that does not exist, such as 30 February.
        case undated
        /// A named day or period of the year: Noël, Easter, la rentrée, half-term.
        case period
        /// An age: « 42 ans », "aged 42".
        case age
    }

    struct Match: Sendable {
        var range: Range<String.Index>
        var found: Found
    }

    private enum Shape: Sendable {
        /// Groups: year, month, day.
        case iso
        /// Groups: day, month, optional year.
        case digits
        /// Groups: day, month name, optional year.
        case dayMonth
        /// Groups: month name, day, optional year.
        case monthDay
        /// Groups: month name, optional year.
        case month
        case weekday
        case year
        /// Groups: month, year (`09/2023`).
        case monthYear
        case period
        case age
    }

    private struct Pattern: Sendable {
        var shape: Shape
        var regex: LazyRegex
        /// What the text must hold for the pattern to have a chance (`TextTraits`).
        var needs: @Sendable (TextTraits) -> Bool
    }

    private static let frenchMonths = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                                       "septembre", "octobre", "novembre", "decembre"]
    private static let englishMonths = ["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"]
    /// Folded abbreviations, each with its month number.
    private static let abbreviations: [String: Int] = [
        "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "feb": 2, "mar": 3, "avr": 4, "apr": 4, "juil": 7,
        "jul": 7, "jun": 6, "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    static func monthNumber(_ word: String) -> Int? {
        let folded = TextFold.fold(word).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let index = frenchMonths.firstIndex(of: folded) { return index + 1 }
        if let index = englishMonths.firstIndex(of: folded) { return index + 1 }
        return abbreviations[folded]
    }

    private static let frMonth = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janv\\.?|f[ée]vr?\\.?|avr\\.?|juil\\.?|sept\\.?|oct\\.?|nov\\.?|d[ée]c\\.?"
    private static let enMonth = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
    private static let frDay = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    private static let enDay = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.|Tue\\.|Wed\\.|Thu\\.|Fri\\.|Sat\\.|Sun\\."
    /// An article or preposition that goes with the date and would dangle without it.
    private static let lead = "(?<![\\p{L}])(?:(?:le|en|on|in|the)\\s+)?"

    private static func regex(_ pattern: String, caseless: Bool) -> LazyRegex {
        LazyRegex(pattern, options: caseless ? [.caseInsensitive] : [])
    }

    private static let patterns: [Pattern] = [
        Pattern(shape: .iso, regex: regex("\(lead)(?<![0-9])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9]{1,2}[:h][0-9]{2}(?::[0-9]{2})?(?:Z|[+\\-][0-9]{2}:?[0-9]{2})?)?(?![0-9])", caseless: true), needs: { $0.longestDigitRun >= 4 }),
        Pattern(shape: .digits, regex: regex("\(lead)(?<![0-9])([0-9]{1,2})[/.\\-]([0-9]{1,2})[/.\\-]([0-9]{4}|[0-9]{2})(?![0-9])", caseless: true), needs: { $0.digits >= 2 && $0.digitSeparator }),
        Pattern(shape: .digits, regex: regex("\(lead)(?<![0-9])([0-9]{1,2})/([0-9]{1,2})()(?![0-9])(?![/.][0-9])", caseless: true), needs: { $0.digits >= 2 && $0.digitSeparator }),
        Pattern(shape: .monthYear, regex: regex("\(lead)(?<![0-9])(0?[1-9]|1[0-2])[/.\\-]((?:19|20)[0-9]{2})(?![0-9])", caseless: true), needs: { $0.longestDigitRun >= 4 && $0.digitSeparator }),
        Pattern(shape: .dayMonth, regex: regex("\(lead)\\b(?:(?:\(frDay)|\(enDay)),?\\s+)?([0-9]{1,2})(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(\(frMonth)|\(enMonth))(?:,?\\s+([0-9]{4}))?(?![\\p{L}])", caseless: true), needs: { $0.digits > 0 && $0.has(.month) }),
        Pattern(shape: .monthDay, regex: regex("\(lead)\\b(?:(?:\(enDay)),?\\s+)?(\(enMonth))\\s+([0-9]{1,2})(?:st|nd|rd|th)?(?:,?\\s+([0-9]{4}))?\\b", caseless: false), needs: { $0.digits > 0 && $0.has(.month) }),
        Pattern(shape: .month, regex: regex("\(lead)\\b(\(frMonth)|\(enMonth))\\s+([0-9]{4})\\b", caseless: true), needs: { $0.longestDigitRun >= 4 && $0.has(.month) }),
        Pattern(shape: .month, regex: regex("\(lead)(?<![\\p{L}])(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)()(?![\\p{L}])", caseless: true), needs: { $0.has(.month) }),
        Pattern(shape: .month, regex: regex("(?<![\\p{L}])(?:(?:in|In)\\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)()\\b", caseless: false), needs: { $0.has(.month) }),
        // Abbreviated: mid-Jan, end of Feb, janv., juil.
        Pattern(shape: .month, regex: regex("(?<![\\p{L}])(?:(?:in|In)\\s+)?(Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?()(?![\\p{L}])", caseless: false), needs: { $0.has(.month) }),
        Pattern(shape: .month, regex: regex("(?<![\\p{L}])(janv|f[ée]vr|avr|juil)\\.()", caseless: true), needs: { $0.has(.month) }),
        Pattern(shape: .weekday, regex: regex("\(lead)(?<![\\p{L}])(?:\(frDay))s?(?:\\s+(?:1er|[0-9]{1,2})\\b)?(?![\\p{L}])", caseless: true), needs: { $0.has(.day) }),
        Pattern(shape: .weekday, regex: regex("(?<![\\p{L}])(?:(?:on|On)\\s+)?(?:\(enDay))s?(?:\\s+[0-9]{1,2}(?:st|nd|rd|th)?\\b)?", caseless: false), needs: { $0.has(.day) }),
        // Weds 3pm, Thu, jeu. 14 h.
        Pattern(shape: .weekday, regex: regex("(?<![\\p{L}])(?:(?:on|On)\\s+)?(?:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)(?:\\.|,|(?=\\s+[0-9]))", caseless: false), needs: { $0.has(.day) }),
        Pattern(shape: .weekday, regex: regex("(?<![\\p{L}])(?:(?:on|On|last|next|this|every)\\s+)?(?:Tues|Weds|Thur?s?)(?![\\p{L}])|(?<![\\p{L}])(?:on|last|next|this|every)\\s+(?:Mon|Tue|Wed|Fri|Sat|Sun)(?![\\p{L}])", caseless: false), needs: { $0.has(.day) }),
        Pattern(shape: .weekday, regex: regex("(?<![\\p{L}])(?:lun|mar|mer|jeu|ven|sam|dim)\\.(?=\\s*[0-9])", caseless: true), needs: { $0.has(.day) }),
        Pattern(shape: .period, regex: regex("(?<![\\p{L}])(?:(?:à|a|at|for|over|pendant|avant|après|apres|before|after|de|du|la|the)\\s+)?(?:No[eë]l|P[aâ]ques|Toussaint|Pentec[ôo]te|R[ée]veillon|Christmas|Xmas|Easter|Thanksgiving|Halloween|half[- ]term|Boxing Day|New Year(?:'s(?: Day| Eve)?)?|Nouvel An|jour de l['’]an|Saint-Sylvestre|Saint-Valentin|Valentine's Day|Hogmanay|bank holiday|rentr[ée]e(?:\\s+(?:de\\s+)?(?:septembre|scolaire))?)(?![\\p{L}])", caseless: true), needs: { $0.has(.period) }),
        Pattern(shape: .age, regex: regex("(?:(?<=\\b(?:a|de|âgé|âgée|agé|agée|aged|age|eu|aura|avait|fête|fêté|fêtera|fete|fetera) )|(?<=\\()|(?<=, ))(?:1[6-9]|[2-9][0-9])\\s*ans(?![\\p{L}])|(?<![0-9])(?:1[6-9]|[2-9][0-9])(?:\\s+years?\\s+old|-year-old)|(?<![\\p{L}])aged\\s+(?:1[6-9]|[2-9][0-9])(?![0-9])|(?<=\\b(?:turned|turns|turning|turn) )(?:1[6-9]|[2-9][0-9])(?![0-9%.,]?[0-9])(?!\\s*(?:%|percent|pages?|minutes?|people|times)\\b)|(?<=\\b(?:is|was|am|['’]s|['’]m) )(?:1[6-9]|[2-9][0-9])(?=\\s*(?:[.,;!?)]|$|and\\b|now\\b|then\\b|when\\b|this\\b|next\\b|last\\b))", caseless: true), needs: { $0.digits >= 2 && $0.has(.age) }),
        Pattern(shape: .year, regex: regex("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", caseless: false), needs: { $0.longestDigitRun >= 4 }),
        // '24, the summer of ’19; « semaine 12 », week 12.
        Pattern(shape: .year, regex: regex("(?<![\\p{L}0-9])['’][0-9]{2}(?![0-9%])", caseless: false), needs: { $0.apostropheBeforeDigit }),
        Pattern(shape: .period, regex: regex("(?<![\\p{L}])(?:la\\s+|the\\s+)?(?:semaine|week|sem\\.)\\s*(?:n°\\s*)?[0-9]{1,2}(?![0-9])", caseless: true), needs: { $0.digits > 0 && $0.has(.week) }),
    ]

    /// Dates in `text`; a day or month written without its year takes the year that puts it
    /// nearest to `context` (the date of the note it is in).
    static func matches(in text: String, context: LocalDate?, traits: TextTraits? = nil) -> [Match] {
        var found: [Match] = []
        let traits = traits ?? TextTraits(text)
        guard patterns.contains(where: { $0.needs(traits) }) else { return [] }
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        for pattern in patterns where pattern.needs(traits) {
            for result in pattern.regex.matches(in: text, range: whole) {
                guard let range = Range(result.range, in: text),
                      !found.contains(where: { $0.range.overlaps(range) }) else { continue }
                let group = { (index: Int) -> String? in
                    guard index < result.numberOfRanges, let r = Range(result.range(at: index), in: text), !r.isEmpty else { return nil }
                    return String(text[r])
                }
                guard let value = read(pattern.shape, group, context: context) else { continue }
                found.append(Match(range: range, found: value))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func read(_ shape: Shape, _ group: (Int) -> String?, context: LocalDate?) -> Found? {
        func day(_ text: String?) -> Int? { text.flatMap { Int($0.filter(\.isNumber)) } }
        func year(_ text: String?) -> Int? {
            guard let text, let value = Int(text) else { return nil }
            return value < 100 ? 2000 + value : value
        }
        switch shape {
        case .iso:
            guard let y = year(group(1)), let m = day(group(2)), let d = day(group(3)),
                  let date = LocalDate(year: y, month: m, day: d) else { return nil }
            return .day(date)
        case .digits:
            guard var d = day(group(1)), var m = day(group(2)) else { return nil }
            // 12/29/2025 can only be American: month first.
            if m > 12, d <= 12 { swap(&d, &m) }
            return dated(day: d, month: m, year: year(group(3)), context: context)
        case .monthYear:
            guard let m = day(group(1)), let y = year(group(2)) else { return nil }
            return .month(y, m)
        case .period:
            return .period
        case .age:
            return .age
        case .dayMonth:
            guard let d = day(group(1)), let m = group(2).flatMap(monthNumber) else { return nil }
            return dated(day: d, month: m, year: year(group(3)), context: context) ?? .undated
        case .monthDay:
            guard let m = group(1).flatMap(monthNumber), let d = day(group(2)) else { return nil }
            return dated(day: d, month: m, year: year(group(3)), context: context) ?? .undated
        case .month:
            guard let m = group(1).flatMap(monthNumber) else { return nil }
            if let y = year(group(2)) { return .month(y, m) }
            guard let context else { return .month(0, m) }
            let candidates = [context.year - 1, context.year, context.year + 1]
            let best = candidates.min { abs(($0 * 12 + m) - (context.year * 12 + context.month)) < abs(($1 * 12 + m) - (context.year * 12 + context.month)) }!
            return .month(best, m)
        case .weekday:
            return .weekday
        case .year:
            return .year
        }
    }

    private static func dated(day: Int, month: Int, year: Int?, context: LocalDate?) -> Found? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        if let year { return LocalDate(year: year, month: month, day: day).map(Found.day) }
        guard let context else { return .month(0, month) }
        let candidates = [context.year - 1, context.year, context.year + 1].compactMap {
            LocalDate(year: $0, month: month, day: day)
        }
        guard let best = candidates.min(by: { abs($0.dayNumber - context.dayNumber) < abs($1.dayNumber - context.dayNumber) }) else {
            return nil
        }
        return .day(best)
    }
}
