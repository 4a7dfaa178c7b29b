import Foundation
import Testing
@testable import JournalKit

/// The anonymiser's words (`WordTokens`) and the leak gate's (`LeakGate.words`) are read on the
/// UTF-8 bytes, each by its own scanner. They must cut a text exactly where the reading by
/// `Character` did (the reference below, as both were written before), marks, emoji, CR LF and
/// the Breton c'h included; and the detectors whose prefilters changed must still catch what
/// they caught, on fictional notes written to attack them.
@Suite struct ByteScannerTests {
    /// Texts that attack where a character starts and ends.
    static let samples: [String] = [
        "Amélie Roux a rencontré J.-P. Morin à Clermont-Ferrand.",
        "AMÉLIE et ROUX, puis Mme R. et A.R. ; M. Garnier (Garnier SA).",
        "Claire Guivarc'h, Guivarc’h, GUIVARC'H, c'h seul, Marc'hadour et l'c'h du début.",
        "Guivarc'hs n'est pas un mot ; Guivarc'h-Le Goff si.",
        "Ame\u{0332}lie a\u{0301} Lyon, e\u{0301}te\u{0301} et A\u{0332}R.",
        "❤️ Nour 👍🏽 a dit : « merci » — 🇫🇷 Jean\u{00A0}Pierre.",
        "Ligne un\r\nLigne deux\r\n\r\nParagraphe trois\n\nquatre",
        "notes-mh-delatour, handover_hope_adeyemi.md, #shiv-squad, @NourEA, jpmorin",
        "Аmélie (А cyrillique), Ωmega, ǅemal, ǈubica, ª, Ⅻ, ⓐ.",
        "dʼAmélie, d’Amélie, d'Amélie, qu‘Amélie",
        "1 h 30, 06 12 34 56 78, +33 (0)6 58 97 37 64, 12/03/2026.",
        "x\u{0301}",
        "\u{0301}début par une marque, puis\n\u{0301}après une ligne.",
        "l'après-Jean-Pierre et Loïc-Yann-Vari au Havre.",
        "Les 3 jeunes 👨‍👩‍👧 et Zoë.",
        "",
        "   ",
        "Ê",
    ]

    // MARK: The reading by `Character`, as both scanners were written before.

    struct ReferenceToken: Equatable {
        var range: Range<Int>
        var folded: String
        var capitalised: Bool
        var shouted: Bool
    }

    static func offsets(_ range: Range<String.Index>, in text: String) -> Range<Int> {
        text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound)
    }

    static func referenceTokens(_ text: String) -> [ReferenceToken] {
        func isBretonApostrophe(at index: String.Index, wordStart: String.Index) -> Bool {
            guard Registry.apostrophes.contains(text[index]), index > wordStart else { return false }
            let before = text.index(before: index)
            guard before > wordStart, text[before] == "c" || text[before] == "C" else { return false }
            let after = text.index(after: index)
            guard after < text.endIndex, text[after] == "h" || text[after] == "H" else { return false }
            let next = text.index(after: after)
            return next == text.endIndex || !text[next].isLetter
        }
        var tokens: [ReferenceToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard TextFold.isLetter(text[index]) else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end < text.endIndex {
                if TextFold.isLetter(text[end]) || isBretonApostrophe(at: end, wordStart: start) {
                    end = text.index(after: end)
                } else {
                    break
                }
            }
            let word = text[start..<end]
            let letters = word.filter(TextFold.isLetter)
            tokens.append(ReferenceToken(range: offsets(start..<end, in: text), folded: TextFold.fold(String(word)),
                                         capitalised: word.first?.isUppercase == true,
                                         shouted: letters.count > 1 && letters.allSatisfy { !$0.isLowercase }))
            index = end
        }
        return tokens
    }

    struct ReferenceWord: Equatable {
        var folded: String
        var original: String
        var capitalised: Bool
        var line: Int
        var gap: String
        var gapLength: Int
        var blankLine: Bool
        var dotted: Bool
        var next: Character?
    }

    static func referenceWords(_ text: String) -> [ReferenceWord] {
        let text = TextFold.visible(text)
        var words: [ReferenceWord] = []
        var line = 1
        var index = text.startIndex
        var previousEnd = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard TextFold.isLetter(character) else {
                if character == "\n" { line += 1 }
                index = text.index(after: index)
                continue
            }
            let start = index
            while index < text.endIndex, TextFold.isLetter(text[index]) { index = text.index(after: index) }
            let original = text[start..<index]
            let gap = text[previousEnd..<start]
            words.append(ReferenceWord(folded: TextFold.fold(String(original)), original: String(original),
                                       capitalised: original.first?.isUppercase == true, line: line, gap: String(gap),
                                       gapLength: gap.count, blankLine: gap.contains("\n\n") || gap.contains("\n\r\n"),
                                       dotted: index < text.endIndex && text[index] == ".",
                                       next: index < text.endIndex ? text[index] : nil))
            previousEnd = index
        }
        return words
    }

    // MARK: The same cuts

    @Test func theAnonymisersWordsAreCutAsCharactersCutThem() {
        for sample in Self.samples {
            let tokens = WordTokens(sample).tokens.map {
                ReferenceToken(range: Self.offsets($0.range, in: sample), folded: $0.folded, capitalised: $0.capitalised, shouted: $0.shouted)
            }
            #expect(tokens == Self.referenceTokens(sample), "\(sample.debugDescription)")
        }
    }

    @Test func theGatesWordsAreCutAsCharactersCutThem() {
        for sample in Self.samples {
            let words = LeakGate.words(sample).map {
                ReferenceWord(folded: $0.folded, original: String($0.original), capitalised: $0.capitalised, line: $0.line,
                              gap: String($0.gap), gapLength: $0.gapLength, blankLine: $0.blankLine, dotted: $0.dotted, next: $0.next)
            }
            #expect(words == Self.referenceWords(sample), "\(sample.debugDescription)")
        }
    }

    @Test func theGatesLinesAndDigitsAreReadAsCharactersReadThem() {
        for sample in Self.samples {
            #expect(sample.characterLines == sample.split(separator: "\n", omittingEmptySubsequences: false), "\(sample.debugDescription)")
            #expect(LeakGate.asciiDigits(sample) == String(sample.filter { $0.isASCII && $0.isNumber }), "\(sample.debugDescription)")
        }
    }

    @Test func aTidySummaryIsCutAsCharactersCutIt() {
        for sample in Self.samples {
            var lines: [Substring] = []
            for line in sample.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.reversed().drop { $0 == " " }
                lines.append(line.prefix(trimmed.count))
            }
            var kept: [Substring] = []
            var blanks = 0
            for line in lines {
                if line.isEmpty {
                    blanks += 1
                    if blanks > 1 || kept.isEmpty { continue }
                } else {
                    blanks = 0
                }
                kept.append(line)
            }
            while kept.last?.isEmpty == true { kept.removeLast() }
            #expect(CaseSummary.tidy(sample) == kept.joined(separator: "\n") + "\n", "\(sample.debugDescription)")
        }
    }

    // MARK: The same leaks caught

    static func registry() -> Registry {
        var file = CaseFile()
        file.name = "Amélie Roux"
        file.gender = "f"
        file.email = "amelie.roux@atelier-garnier.example"
        file.phone = "+33 6 58 97 37 64"
        file.places = [CaseFile.Place(name: "Clermont-Ferrand")]
        var pseudonyms = Pseudonyms(key: "k", language: .fr, excluded: [])
        return Registry(client: "leo", file: file, stems: [], pseudonyms: &pseudonyms, language: .fr)
    }

    @Test func theGateStillFindsANameAMarkOrALineBreakHides() {
        let gate = LeakGate(registry: Self.registry(), undeclared: ["Bérénice"], privateLines: [])
        for leak in ["Elle a revu Ame\u{0332}lie hier.", "Vu avec Amélie\r\nRoux ce matin.", "Le dossier amelie-roux-2026.md",
                     "Écrit à AMELIE.ROUX@ATELIER-GARNIER.EXAMPLE", "Appel au 06 58 97\n37 64 demain.", "Bérénice est venue.",
                     "de Clermont-\r\nFerrand"] {
            #expect(!gate.scan(leak).isEmpty, "\(leak.debugDescription)")
        }
        // A short id is never looked for inside a word, and a digit that a mark joins is not a digit.
        #expect(gate.scan("Un caméléon au bureau.").isEmpty)
        #expect(LeakGate.containsWhole("le dossier leo.", "leo"))
        #expect(!LeakGate.containsWhole("cameleon", "leo"))
        #expect(!LeakGate.containsWhole("leon", "leo"))
        #expect(LeakGate.containsWhole("leo", "leo"))
        #expect(!LeakGate.containsWhole("é\u{0301}leo", "leo"))
    }

    @Test func theGateKeepsBlankLinesBetweenPassagesWithCRLF() {
        let passage = "son fils a failli être placé en foyer cet hiver selon elle"
        let gate = LeakGate(registry: nil, undeclared: [], privateLines: [passage])
        #expect(!gate.scan("Note : " + passage + ".").isEmpty)
        // Cut by a blank line (CR LF or not), the run is two blocks, never one passage.
        #expect(gate.scan("son fils a failli être\r\n\r\nplacé en foyer cet hiver selon elle").isEmpty)
        #expect(gate.scan("son fils a failli être\n\r\nplacé en foyer cet hiver selon elle").isEmpty)
        #expect(!gate.scan("son fils a failli être\r\nplacé en foyer cet hiver selon elle").isEmpty)
    }

    @Test func theAnonymiserStillHidesADeclaredPhoneHoweverItIsWritten() {
        let anonymiser = Anonymiser(registry: Self.registry(), language: .fr, origin: nil, undeclared: [], detectsNames: false)
        for text in ["Appeler le 06.58.97.37.64 demain.", "Au (+33) 6 58 97 37 64 ou au 6589737\n64.", "Tél. 0033658973764"] {
            let result = anonymiser.apply(text, context: nil)
            #expect(!result.filter(\.isNumber).contains("658973764"), "\(text) → \(result)")
        }
        #expect(anonymiser.apply("Budget de 50 k€ sur 11 sujets.", context: nil) == "Budget de 50 k€ sur 11 sujets.")
    }

    /// The address patterns now run only where a street word is written as they need it (a
    /// capital for the English ones): the same addresses are found.
    @Test func addressesAreStillFound() {
        for address in ["Elle habite 12 Mill Road depuis mars.", "On s'est vus Church Lane, près du parc.", "Il vit rue Victor Hugo.",
                        "Rendez-vous au 4 bis, avenue des Alpes.", "Ils ont acheté the Old Vicarage l'an dernier.",
                        "Elle loue Ashby Mill pour l'été.", "Au 7 Rose Court, Leeds.", "Il habite Baker\u{3000}Street.",
                        "Courrier au 18 St. Mary Street."] {
            #expect(PatternDetector.matches(in: address).contains { $0.kind == .address }, "\(address)")
        }
        // The patterns that now need two capitals before digits, a digit before two capitals or a
        // domain's ending after a dot still find what they found.
        for (text, kind) in [("IBAN FR76 3000 6000 0112 3456 7890 189 pour le virement.", PatternDetector.Kind.iban),
                             ("Son numéro QQ 12 34 56 C est sur la fiche.", .socialSecurity), ("Elle vit près de SW1A 1AA.", .postcode),
                             ("Voir atelier-garnier.fr ou garnier.example/equipe.", .link), ("Sur WWW.GARNIER.COM.", .link),
                             ("Le site garnier.co.uk, puis e.b.example.", .link)] {
            #expect(PatternDetector.matches(in: text).contains { $0.kind == kind }, "\(text)")
        }
        for text in ["É.B. a dit qu'elle viendrait.", "Il a noté 12 AB et ab12 cd34 sur la page 3."] {
            #expect(PatternDetector.matches(in: text).isEmpty, "\(text)")
        }
        // Ordinary words that happen to be street words, in lower case, stay text.
        for text in ["Il a trouvé sa place dans l'équipe, au cours du mois.", "We need to close the loop and drive the change."] {
            #expect(!PatternDetector.matches(in: text).contains { $0.kind == .address }, "\(text)")
        }
    }
}
