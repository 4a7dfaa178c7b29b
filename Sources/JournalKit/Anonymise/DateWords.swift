/// The leak gate's own look for dates, word by word: month and weekday names, their
/// abbreviations, and the named days and periods of the year (Noël, Easter, la rentrée). It is
/// deliberately simpler and wider than `DateDetector`, which the anonymiser uses: the two must
/// not share their blind spots.
enum DateWords {
    /// Folded; a hit in any case.
    private static let frenchWords: Set<String> = [
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
        "novembre", "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis", "dimanches",
        "noel", "paques", "toussaint", "pentecote", "reveillon", "christmas", "xmas", "easter", "thanksgiving",
        "halloween",
    ]
    /// A hit only with a capital: they are ordinary words too in lower case (march, august).
    private static let capitalised: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    ]
    /// Abbreviations that are a hit with a capital and a dot, comma or digit after them.
    private static let abbreviations: Set<String> = [
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
        "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "janv", "fevr", "avr", "juil",
    ]
    /// French abbreviations that are a hit with their dot in any case.
    private static let dotted: Set<String> = ["janv", "fevr", "avr", "juil"]

    static func hits(in words: [LeakGate.Word]) -> [LeakHit] {
        var hits: [LeakHit] = []
        for (index, word) in words.enumerated() {
            let w = word.folded
            var hit = frenchWords.contains(w) || (word.capitalised && capitalised.contains(w))
            if !hit, abbreviations.contains(w), word.capitalised || dotted.contains(w) {
                let followed = word.next == "." || word.next == "," || (index + 1 < words.count && words[index + 1].gap.contains { $0.isNumber })
                    || (index + 1 == words.count && word.next.map(\.isNumber) == true)
                hit = followed && (word.capitalised || word.next == ".")
            }
            // « la rentrée », "half-term".
            if !hit, w == "rentree", index > 0, ["la", "de", "a"].contains(words[index - 1].folded) { hit = true }
            if !hit, w == "term", index > 0, words[index - 1].folded == "half", word.gapLength <= 1 { hit = true }
            if hit { hits.append(LeakHit(what: "date", found: String(word.original), line: word.line)) }
        }
        return hits
    }
}
