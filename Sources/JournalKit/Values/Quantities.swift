/// Durations in minutes: `60`, `90`, `1h30`, `1 h 30`, `1h30min`, `45min`, `2h`.
enum Minutes {
    static func parse(_ input: String) -> Result<Int, ValueError> {
        let text = input.lowercased().filter { $0 != " " }
        guard !text.isEmpty, text.count <= 12 else { return .failure(.badDuration(input)) }
        var body = Substring(text)
        for suffix in ["minutes", "minute", "mins", "min", "mn"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        let parts = body.split(separator: "h", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return .failure(.badDuration(input))
        }
        if parts.count == 1 {
            guard let minutes = Int(parts[0]), minutes > 0, minutes <= 24 * 60 else { return .failure(.badDuration(input)) }
            return .success(minutes)
        }
        guard let hours = Int(parts[0]), hours <= 24 else { return .failure(.badDuration(input)) }
        let minutes = parts[1].isEmpty ? 0 : Int(parts[1]) ?? 60
        guard minutes < 60, hours * 60 + minutes > 0 else {
            return .failure(.badDuration(input))
        }
        return .success(hours * 60 + minutes)
    }
}

/// An interval: `3w` for the expected cadence of sessions, `3y` for retention. French letters
/// are read too: `j` (jours), `s`/`sem` (semaines), `mois`, `a`/`ans`.
public struct Cadence: Sendable, Hashable, TextCodable {
    public enum Unit: String, Sendable, Hashable, Codable { case day = "d", week = "w", month = "m", year = "y" }

    public var count: Int
    public var unit: Unit

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The rhythm in words, for messages: « toutes les 3 semaines », « tous les mois »,
    /// "every 3 weeks"; `3w` is how journal.yml spells it, not how a coach says it.
    public var spelled: Message {
        let words: [Unit: (String, String, String, String)] = [
            .day: ("jour", "jours", "day", "days"), .week: ("semaine", "semaines", "week", "weeks"),
            .month: ("mois", "mois", "month", "months"), .year: ("an", "ans", "year", "years"),
        ]
        let (_, frMany, enOne, enMany) = words[unit]!
        return Message("every " + (count == 1 ? enOne : "\(count) \(enMany)"),
                       fr: (unit == .week ? "toutes les " : "tous les ") + (count == 1 ? frMany : "\(count) \(frMany)"))
    }

    /// The length in words: « 3 ans », « 1 mois », "2 weeks".
    public var amount: Message {
        let words: [Unit: (String, String, String, String)] = [
            .day: ("jour", "jours", "day", "days"), .week: ("semaine", "semaines", "week", "weeks"),
            .month: ("mois", "mois", "month", "months"), .year: ("an", "ans", "year", "years"),
        ]
        let (frOne, frMany, enOne, enMany) = words[unit]!
        return Message("\(count) " + (count == 1 ? enOne : enMany), fr: "\(count) " + (count == 1 ? frOne : frMany))
    }

    /// Approximate length in days (a month is 30 days, a year 365).
    public var days: Int {
        switch unit {
        case .day: return count
        case .week: return count * 7
        case .month: return count * 30
        case .year: return count * 365
        }
    }

    static func parse(_ input: String) -> Result<Cadence, ValueError> {
        let text = TextFold.fold(input).filter { $0 != " " }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let unitText = text.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 4, let count = Int(digits), count > 0 else {
            return .failure(.badCadence(input))
        }
        let unit: Unit
        switch unitText {
        case "d", "j", "day", "days", "jour", "jours": unit = .day
        case "w", "s", "sem", "week", "weeks", "semaine", "semaines": unit = .week
        case "m", "month", "months", "mois": unit = .month
        case "y", "a", "an", "ans", "year", "years", "annee", "annees": unit = .year
        default: return .failure(.badCadence(input))
        }
        return .success(Cadence(count: count, unit: unit))
    }

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    static func fromText(_ text: String) -> Cadence? { try? parse(text).get() }
}

/// The client's own estimate that they will do it: `10:1` (ten to one in favour), `1:3`, `90%`.
public struct Odds: Sendable, Hashable, TextCodable {
    /// As written, spaces removed.
    public var text: String
    /// Probability of doing it, 0 to 1.
    public var probability: Double

    public var description: String { text }

    /// Below 10:1 in favour: worth reshaping before the session ends.
    var isBelowTenToOne: Bool { probability < 10.0 / 11.0 - 1e-9 }

    static func parse(_ input: String) -> Result<Odds, ValueError> {
        let text = input.filter { $0 != " " }
        guard !text.isEmpty, text.count <= 16 else { return .failure(.badOdds(input)) }
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast()), percent >= 0, percent <= 100 else {
                return .failure(.badOdds(input))
            }
            return .success(Odds(text: text, probability: percent / 100))
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let favour = Double(parts[0]), let against = Double(parts[1]),
              favour >= 0, against >= 0, favour + against > 0,
              parts.allSatisfy({ $0.allSatisfy { $0.isNumber || $0 == "." } }) else {
            return .failure(.badOdds(input))
        }
        return .success(Odds(text: text, probability: favour / (favour + against)))
    }

    static func fromText(_ text: String) -> Odds? { try? parse(text).get() }
}
