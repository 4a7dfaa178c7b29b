import Foundation

/// Contact details and identifiers found by their shape: emails, links, phone numbers, postal
/// addresses and postcodes, IBAN, SIREN/SIRET and French social security numbers. Numbers that
/// carry a check digit are masked only when it is right, so that ordinary figures stay.
struct PatternDetector: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case email, link, iban, socialSecurity, siret, siren, phone, address, postcode

        func placeholder(_ language: JournalConfig.Language) -> String {
            switch self {
            case .email: return "[email]"
            case .link: return Message("[link]", fr: "[lien]").in(language)
            case .iban: return "[IBAN]"
            case .socialSecurity: return Message("[social security no.]", fr: "[n° de sécurité sociale]").in(language)
            case .siret: return "[SIRET]"
            case .siren: return "[SIREN]"
            case .phone: return Message("[phone]", fr: "[téléphone]").in(language)
            case .address: return Message("[address]", fr: "[adresse]").in(language)
            case .postcode: return Message("[postcode]", fr: "[code postal]").in(language)
            }
        }
    }

    struct Match: Sendable {
        var range: Range<String.Index>
        var kind: Kind
    }

    private struct Pattern: Sendable {
        var kind: Kind
        var regex: LazyRegex
        /// Whether the digits found really are such a number.
        var accept: @Sendable (String) -> Bool = { _ in true }
        /// What the text must hold for the pattern to have a chance (`TextTraits`).
        var needs: @Sendable (TextTraits) -> Bool
    }

    private static func regex(_ pattern: String, caseless: Bool = false) -> LazyRegex {
        LazyRegex(pattern, options: caseless ? [.caseInsensitive] : [])
    }

    private static let streetWords = "rue|avenue|av\\.|boulevard|bd|place|all[ée]e|chemin|impasse|quai|route|cours|square|passage|chauss[ée]e|rond-point|lieu-dit|r[ée]sidence|street|st\\.|road|rd\\.|lane|drive|way"

    /// In order: an earlier kind wins where two overlap (an email's domain is not a link).
    private static let patterns: [Pattern] = [
        Pattern(kind: .email, regex: regex("(?:mailto:)?[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}"), needs: { $0.at }),
        // Spelled out: `nkem at example [dot] org`, « prenom.nom (at) domaine (point) fr », « arobase ».
        Pattern(kind: .email, regex: regex("[A-Za-z0-9._%+\\-]+(?:\\s*[(\\[{<]\\s*(?:at|arobase|arobas|@)\\s*[)\\]}>]\\s*|\\s+(?:at|arobase|arobas)\\s+)[A-Za-z0-9\\-]+(?:(?:\\s*[(\\[{<]\\s*(?:dot|point|\\.)\\s*[)\\]}>]\\s*|\\s+(?:dot|point)\\s+|\\.)[A-Za-z0-9\\-]+)+", caseless: true),
                accept: PatternDetector.isSpelledEmail, needs: { $0.has(.spelledAt) && ($0.has(.spelledDot) || $0.dotBeforeLetter) }),
        Pattern(kind: .link, regex: regex("(?:https?://|ftp://|www\\.)[^\\s<>()\\[\\]«»\"]+[^\\s<>()\\[\\]«»\".,;:!?']", caseless: true), needs: { $0.dotBeforeLetter || $0.has(.scheme) }),
        Pattern(kind: .link, regex: regex("\\b[a-z0-9][a-z0-9\\-]*(?:\\.[a-z0-9\\-]+)*\\.(?:fr|com|org|net|io|eu|be|ch|ca|lu|co|uk|de|es|it|info|biz|example|app|dev|me)\\b(?:/[^\\s<>()\\[\\]«»\"]*[^\\s<>()\\[\\]«»\".,;:!?'])?", caseless: true), needs: { $0.topLevelDomain }),
        Pattern(kind: .iban, regex: regex("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"), needs: { $0.digits >= 4 && $0.capitalsBeforeDigits }),
        Pattern(kind: .socialSecurity, regex: regex("\\b[12] ?[0-9]{2} ?(?:0[1-9]|1[0-2]|[2-9][0-9]) ?(?:[0-9]{2}|2A|2B) ?[0-9]{3} ?[0-9]{3}(?: ?[0-9]{2})?\\b"),
                accept: PatternDetector.isSocialSecurityNumber, needs: { $0.digits >= 13 }),
        Pattern(kind: .siret, regex: regex("\\b[0-9]{3} ?[0-9]{3} ?[0-9]{3} ?[0-9]{5}\\b"), accept: { luhn(digits($0)) }, needs: { $0.digits >= 14 }),
        Pattern(kind: .siren, regex: regex("\\b[0-9]{3} ?[0-9]{3} ?[0-9]{3}\\b"), accept: { luhn(digits($0)) }, needs: { $0.digits >= 9 }),
        Pattern(kind: .siret, regex: regex("\\b(?:SIRET|SIREN|RCS)\\s*(?::|n°|no|nº)?\\s*[0-9][0-9 ]{7,20}[0-9]", caseless: true), needs: { $0.digits >= 8 && $0.has(.siret) }),
        // (+33) 4 70 08 61 99, (0113) 496 0782, +1 (646) 555-0199; a line break may cut any of them.
        Pattern(kind: .phone, regex: regex("\\(\\+?[0-9]{1,4}\\)[ .\\-\\n]?[0-9](?:[ .\\-\\n]?[0-9]){5,12}(?![0-9])"), needs: { $0.digits >= 7 }),
        Pattern(kind: .phone, regex: regex("\\+[1-9][0-9]{0,2}[ .\\-\\n]?\\([0-9]{1,4}\\)[ .\\-\\n]?[0-9](?:[ .\\-\\n]?[0-9]){5,10}(?![0-9])"), needs: { $0.digits >= 7 }),
        Pattern(kind: .phone, regex: regex("(?:\\+|00)[1-9][0-9]{0,2}[ .\\-\\n]?(?:\\(0\\)[ .\\-\\n]?)?[0-9](?:[ .\\-\\n]?[0-9]){6,12}\\b"), needs: { $0.digits >= 7 }),
        Pattern(kind: .phone, regex: regex("\\b0[1-9](?:[ .\\-\\n]?[0-9]{2}){4}\\b"), needs: { $0.digits >= 7 }),
        Pattern(kind: .phone, regex: regex("\\b0[1-9][0-9]{1,4}[ .\\-\\n][0-9]{3,4}[ .\\-\\n][0-9]{3,4}\\b"),
                accept: { (10...11).contains(digits($0).count) }, needs: { $0.digits >= 7 }),
        // British numbers: 07700 900456, 020 7946 0958, 0161 496 0750.
        Pattern(kind: .phone, regex: regex("\\b0[1-9][0-9]{2,4}[ .\\-]?[0-9]{3,4}[ .\\-]?[0-9]{3,4}\\b"),
                accept: { (10...11).contains(digits($0).count) }, needs: { $0.digits >= 7 }),
        // A British National Insurance number: QQ 12 34 56 C.
        Pattern(kind: .socialSecurity, regex: regex("\\b[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b"), needs: { $0.digits >= 6 && $0.capitalsBeforeDigits }),
        Pattern(kind: .address, regex: regex("\\b[0-9]{1,4}(?: ?(?:bis|ter))?,? +(?:\(streetWords))\\b[^\\n,;.()\\[\\]]{0,60}", caseless: true), needs: { $0.digits > 0 && $0.has(.street) }),
        Pattern(kind: .address, regex: regex("\\b[0-9]{1,4},? +(?:\\p{Lu}[\\p{L}'’\\-]+ +){1,3}(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Row|Drive|Way|Place|Square|Court|Close|Crescent|Terrace|Gardens|Hill|Walk|Quay|Wharf|Mews|Parade|Grove)\\b"), needs: { $0.digits > 0 && $0.hasCapitalised(.englishStreet) }),
        Pattern(kind: .address, regex: regex("\\b(?:rue|avenue|boulevard|impasse|all[ée]e|quai|chemin) (?:de la |de l['’]|du |des |de |d['’])?\\p{Lu}[\\p{L}'’\\-]+(?: \\p{Lu}[\\p{L}'’\\-]+)*"), needs: { $0.has(.frenchStreet) }),
        Pattern(kind: .address, regex: regex("\\b(?:[0-8][0-9]|9[0-8])[0-9]{3} +\\p{Lu}[\\p{L}'’\\-]+(?:[ \\-]+\\p{Lu}[\\p{L}'’\\-]+)*(?: +CEDEX(?: [0-9]{1,2})?)?"), needs: { $0.longestDigitRun >= 5 }),
        // Residences and house names: résidence Les Tilleuls, the Old Vicarage, Unit 4, Ashby Mill, Church Lane.
        Pattern(kind: .address, regex: regex("(?i:\\b(?:r[ée]sidence|lotissement|domaine|hameau|villa|immeuble|b[âa]timent|cit[ée]))\\s+(?:(?:les|le|la|des|du|de|l['’])\\s*)?\\p{Lu}[\\p{L}'’\\-]+(?:\\s+\\p{Lu}[\\p{L}'’\\-]+)*"), needs: { $0.has(.residence) }),
        Pattern(kind: .address, regex: regex("\\b(?:[Tt]he\\s+)?(?:\\p{Lu}[\\p{L}'’\\-]+\\s+){1,2}(?:Vicarage|Rectory|Manor|Lodge|Cottages?|Farm|Farmhouse|Grange|Barn|Mill|House|Court|Works|Yard|Wharf)\\b"), needs: { $0.hasCapitalised(.house) }),
        Pattern(kind: .address, regex: regex("\\b(?:Unit|Flat|Apartment|Apt\\.?|Suite)\\s+[0-9]{1,4}[A-Z]?\\b"), needs: { $0.digits > 0 && $0.has(.unit) }),
        Pattern(kind: .address, regex: regex("\\b(?:\\p{Lu}[\\p{L}'’\\-]+\\s){1,2}(?:Street|Road|Lane|Avenue|Close|Crescent|Terrace|Gardens|Mews|Grove|Drive)\\b"), needs: { $0.hasCapitalised(.englishStreet) }),
        Pattern(kind: .postcode, regex: regex("\\b(?:code postal|CP|postcode)\\s*:?\\s*[0-9A-Z]{2,4} ?[0-9A-Z]{2,4}\\b", caseless: true), needs: { $0.has(.postcode) }),
        Pattern(kind: .postcode, regex: regex("\\b[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}\\b"), needs: { $0.digits >= 2 && $0.digitBeforeCapitals }),
    ]

    /// Matches in `text`, without overlaps.
    static func matches(in text: String, traits: TextTraits? = nil) -> [Match] {
        var found: [Match] = []
        let traits = traits ?? TextTraits(text)
        guard patterns.contains(where: { $0.needs(traits) }) else { return [] }
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        for pattern in patterns where pattern.needs(traits) {
            for result in pattern.regex.matches(in: text, range: whole) {
                guard let range = Range(result.range, in: text) else { continue }
                guard !found.contains(where: { $0.range.overlaps(range) }) else { continue }
                guard pattern.accept(String(text[range])) else { continue }
                found.append(Match(range: range, kind: pattern.kind))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Endings of a domain a spelled-out address may have when nothing but words marks it.
    private static let spelledDomains: Set<String> = ["fr", "com", "org", "net", "io", "eu", "be", "ch", "ca", "lu", "uk", "de",
                                                      "es", "it", "info", "biz", "example", "app", "dev", "me", "us", "ie", "nl"]

    /// A spelled-out address is one when it is plainly marked: an `at` in brackets, « arobase »,
    /// or a known ending (`nkem at example dot org`, `nkem at example.org`); "looked at it dot by
    /// dot" is not one, nor "meet at Costa.Then".
    static func isSpelledEmail(_ text: String) -> Bool {
        let lower = text.lowercased()
        let words = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
        guard let last = words.last else { return false }
        let bracketedAt = lower.range(of: #"[(\[{<]\s*(at|arobase|arobas|@)\s*[)\]}>]"#, options: .regularExpression) != nil
        if bracketedAt || words.contains("arobase") || words.contains("arobas") { return last.count >= 2 }
        // A bare "at" needs a known ending: "nkem at example dot org", not "looked at it dot by dot".
        return spelledDomains.contains(String(last))
    }

    static func digits(_ text: String) -> [Int] {
        text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
    }

    /// SIREN and SIRET carry a Luhn check digit.
    static func luhn(_ digits: [Int]) -> Bool {
        guard digits.count >= 2 else { return false }
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// A French social security number: 13 digits and a key, 97 minus the number modulo 97
    /// (Corsica's 2A and 2B count as 19 and 18). Written with its spaces but no key, the
    /// grouping alone is telling enough.
    static func isSocialSecurityNumber(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " }
        var body = compact.uppercased()
        if body.count >= 7 {
            let department = body.index(body.startIndex, offsetBy: 5)..<body.index(body.startIndex, offsetBy: 7)
            if body[department] == "2A" { body.replaceSubrange(department, with: "19") }
            if body[department] == "2B" { body.replaceSubrange(department, with: "18") }
        }
        let numbers = digits(body)
        if numbers.count == 13 { return text.contains(" ") }
        guard numbers.count == 15 else { return false }
        var remainder = 0
        for digit in numbers.prefix(13) { remainder = (remainder * 10 + digit) % 97 }
        let key = numbers[13] * 10 + numbers[14]
        return key == 97 - remainder
    }
}
