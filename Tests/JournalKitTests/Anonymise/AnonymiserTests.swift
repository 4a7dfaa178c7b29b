import Foundation
import Testing
@testable import JournalKit

/// The pieces of anonymisation, one behaviour per test: variants of declared names, detectors,
/// dates, French grammar after substitution, pseudonyms.
@Suite struct AnonymiserTests {
    static let caseFile: CaseFile = {
        var file = CaseFile()
        file.name = "Amélie Roux"
        file.aliases = ["Mimi"]
        file.gender = "f"
        file.email = "amelie.roux@garnier-conseil.example"
        file.phone = "06 12 34 56 78"
        file.organisation = CaseFile.Organisation(name: "Atelier Garnier", aliases: ["AG Conseil"], sector: "conseil", size: "PME")
        file.sponsor = CaseFile.Person(name: "Paul Lemaire-Dubois", role: "DRH", email: "p.lemaire@garnier-conseil.example")
        file.people = [CaseFile.Person(name: "Jean-Marc Vidal", aliases: ["JM"], gender: "m")]
        file.places = [CaseFile.Place(name: "Lyon", generalised: "une grande ville"), CaseFile.Place(name: "Annecy")]
        return file
    }()

    static func anonymiser(origin: LocalDate? = LocalDate(year: 2026, month: 3, day: 4), undeclared: Set<String> = [],
                           excluded: Set<String> = [], key: String = "test-key") -> Anonymiser {
        var pseudonyms = Pseudonyms(key: key, language: .fr, excluded: excluded)
        let registry = Registry(client: "amelie-roux", file: caseFile, stems: ["2026-03-04-session"], pseudonyms: &pseudonyms, language: .fr)
        // Names the registry does not know are tested on their own (`namesThatLookLikePeople…`).
        return Anonymiser(registry: registry, language: .fr, origin: origin, undeclared: undeclared, detectsNames: false)
    }

    /// The words of `text`, folded, to look for a name as a whole word.
    static func words(_ text: String) -> Set<String> { Set(WordTokens.folded(text)) }

    @Test func everyVariantOfADeclaredNameIsReplaced() {
        let anonymiser = Self.anonymiser()
        let samples = [
            "Amélie Roux arrive", "Roux Amélie arrive", "AMÉLIE arrive", "amelie arrive", "Mme Roux arrive",
            "A. Roux arrive", "A.R. arrive", "Amélie R. arrive", "le dossier d'Amélie", "le dossier d’Amélie",
            "Amélie's notes", "Mimi arrive", "Paul arrive", "M. Lemaire-Dubois arrive", "Lemaire arrive",
            "Dubois arrive", "Jean-Marc arrive", "Jean arrive", "Marc arrive", "JM arrive", "Mme R. arrive",
        ]
        for sample in samples {
            let result = anonymiser.apply(sample, context: nil)
            let declared: Set<String> = ["amelie", "roux", "mimi", "paul", "lemaire", "dubois", "lemaire-dubois", "jean-marc", "jean", "marc", "jm"]
            #expect(Self.words(result).isDisjoint(with: declared), "\(sample) → \(result)")
            #expect(!result.contains("A.R.") && !result.contains("A. R"), "\(sample) → \(result)")
        }
    }

    @Test func twoJoinedInitialsCountOnlyInCapitals() {
        var file = CaseFile()
        file.name = "Sylvie Arnaud"
        file.people = [CaseFile.Person(name: "Louis Eymard")]
        var pseudonyms = Pseudonyms(key: "k", language: .fr, excluded: [])
        let registry = Registry(client: "sylvie-arnaud", file: file, stems: [], pseudonyms: &pseudonyms, language: .fr)
        let anonymiser = Anonymiser(registry: registry, language: .fr, origin: nil, undeclared: [], detectsNames: false)
        let gate = LeakGate(registry: registry, undeclared: [], privateLines: [])
        // « Sa », « Le » start sentences: they are not the initials of Sylvie Arnaud or Louis Eymard.
        for ordinary in ["Sa sœur viendra.", "Le matin, elle court.", "Sa mère et sa sœur."] {
            #expect(anonymiser.apply(ordinary, context: nil) == ordinary)
            #expect(gate.scan(ordinary).isEmpty, "\(ordinary): \(gate.scan(ordinary))")
        }
        // In capitals they are initials, hidden by the one and found by the other.
        for initials in ["SA a signé.", "LE a appelé."] {
            let result = anonymiser.apply(initials, context: nil)
            #expect(!result.hasPrefix(String(initials.prefix(2))), "\(initials) → \(result)")
            #expect(!gate.scan(initials).isEmpty, "\(initials)")
        }
    }

    @Test func wordBoundariesAreKept() {
        let anonymiser = Self.anonymiser()
        // Paul is declared; Pauline and Saint-Paul are other words.
        let result = anonymiser.apply("Pauline habite Saint-Paul, Paul non.", context: nil)
        #expect(result.hasPrefix("Pauline habite Saint-Paul, "))
        #expect(!result.hasSuffix("Paul non."))
    }

    @Test func pseudonymsKeepTheShapeOfTheName() throws {
        let anonymiser = Self.anonymiser()
        let full = anonymiser.apply("Amélie Roux", context: nil)
        let parts = full.split(separator: " ").map(String.init)
        try #require(parts.count == 2)
        #expect(anonymiser.apply("Amélie", context: nil) == parts[0])
        #expect(anonymiser.apply("Mme Roux", context: nil) == "Mme " + parts[1])
        #expect(anonymiser.apply("A. Roux", context: nil) == "\(parts[0].first!). \(parts[1])")
        #expect(anonymiser.apply("A.R.", context: nil) == "\(parts[0].first!).\(parts[1].first!).")
        #expect(anonymiser.apply("AMÉLIE", context: nil) == parts[0].uppercased())
        #expect(anonymiser.apply("Amélie's", context: nil) == parts[0] + "'s")
        // The client is a woman: her pseudonym is a woman's first name.
        #expect(Pseudonyms.frenchWomen.contains(parts[0]))
    }

    @Test func frenchElisionIsRepaired() {
        // Whatever the pseudonym, never « d'Sophie » nor « de Inès ».
        for key in (0..<12).map({ "key-\($0)" }) {
            let anonymiser = Self.anonymiser(key: key)
            let name = anonymiser.apply("Amélie", context: nil)
            let vowel = "AEIOUYÉÈÊÎÔÛ".contains(name.first!)
            #expect(anonymiser.apply("le dossier d'Amélie", context: nil) == (vowel ? "le dossier d'\(name)" : "le dossier de \(name)"))
            #expect(anonymiser.apply("le dossier d’Amélie", context: nil) == (vowel ? "le dossier d’\(name)" : "le dossier de \(name)"))
        }
        let anonymiser = Self.anonymiser()
        #expect(anonymiser.apply("Elle travaille chez l'Atelier Garnier.", context: nil) == "Elle travaille chez une PME du secteur conseil.")
        #expect(anonymiser.apply("Les locaux de l'Atelier Garnier", context: nil) == "Les locaux d'une PME du secteur conseil")
        #expect(anonymiser.apply("L'Atelier Garnier recrute.", context: nil) == "Une PME du secteur conseil recrute.")
        #expect(anonymiser.apply("le bureau de Lyon", context: nil) == "le bureau d'une grande ville")
        #expect(anonymiser.apply("le bureau d'Annecy", context: nil) == "le bureau de [lieu]")
        #expect(anonymiser.apply("chez Garnier", context: nil) == "chez une PME du secteur conseil")
    }

    @Test func contactDetailsAndIdentifiersAreMasked() {
        let anonymiser = Self.anonymiser()
        let cases: [(String, String)] = [
            ("écrire à claire.morel@vantis.example demain", "[email]"),
            ("appeler le 06 12 34 56 78", "[téléphone]"),
            ("appeler le 06.98.76.54.32", "[téléphone]"),
            ("appeler le +33 6 98 76 54 32", "[téléphone]"),
            ("call +44 20 7946 0958 today", "[téléphone]"),
            ("voir https://www.exemple.example/profil/claire", "[lien]"),
            ("au 12 rue des Tanneurs", "[adresse]"),
            ("à 69003 Lyon", "[adresse]"),
            ("IBAN FR76 3000 6000 0112 3456 7890 189", "[IBAN]"),
            ("SIREN 732 829 320", "[SIREN]"),
            ("le 73282932000074 est sur la facture", "[SIRET]"),
            ("numéro 1 85 05 78 006 084 91", "[n° de sécurité sociale]"),
        ]
        for (text, placeholder) in cases {
            let result = anonymiser.apply(text, context: nil)
            #expect(result.contains(placeholder), "\(text) → \(result)")
            #expect(!result.contains(where: \.isNumber) || placeholder == "[adresse]" && !result.contains("69003"), "\(text) → \(result)")
        }
    }

    @Test func agesAreHiddenInBothLanguagesAndCountsStay() {
        let anonymiser = Self.anonymiser()
        for age in ["elle a 42 ans", "il a eu 50 ans", "elle fêtera 60 ans", "He is 42.", "she's 38, and", "he was 51 then.",
                    "She turned 50 last year", "a 42-year-old manager", "aged 42", "née (47 ans)"] {
            let result = anonymiser.apply(age, context: nil)
            #expect(result.contains("[âge]") && !result.contains("4") && !result.contains("5") && !result.contains("3") && !result.contains("6"),
                    "\(age) → \(result)")
        }
        for count in ["the team is 42 people", "it is 20 minutes away", "he turned 30 pages", "depuis 20 ans dans l'entreprise",
                      "the budget was 50 k€", "page 42, turn 180 degrees"] {
            #expect(anonymiser.apply(count, context: nil) == count)
        }
    }

    @Test func ordinaryNumbersStay() {
        let anonymiser = Self.anonymiser()
        for text in ["les comptes de moins de 50 k€", "onze sujets, 3 commerciaux", "un budget de 2 500 euros",
                     "la référence 123 456 789 ne passe pas le contrôle", "1 85 05 78 006 084 99 a une mauvaise clé"] {
            let result = anonymiser.apply(text, context: nil)
            #expect(result == text || text.hasPrefix("1 85") && result.contains("[") == false, "\(text) → \(result)")
        }
        #expect(PatternDetector.luhn(PatternDetector.digits("732 829 320")))
        #expect(!PatternDetector.luhn(PatternDetector.digits("123 456 789")))
        #expect(PatternDetector.isSocialSecurityNumber("1 85 05 78 006 084 91"))
        #expect(!PatternDetector.isSocialSecurityNumber("1 85 05 78 006 084 99"))
    }

    @Test func realDatesBecomeRelativeToTheFirstSession() {
        let anonymiser = Self.anonymiser()
        let context = LocalDate(year: 2026, month: 3, day: 20)
        let cases: [(String, String)] = [
            ("tenu le 18/03/2026 au matin", "tenu [2 semaines après la première séance] au matin"),
            ("tenu le 2026-03-18 au matin", "tenu [2 semaines après la première séance] au matin"),
            ("rendez-vous mardi 3 mars", "rendez-vous [1 jour avant la première séance]"), ("le 4 mars", "[le jour de la première séance]"),
            ("le 1er avril 2026", "[4 semaines après la première séance]"),
            ("on March 3rd, 2026", "[1 jour avant la première séance]"),
            ("le 25 février", "[1 semaine avant la première séance]".replacingOccurrences(of: "1 semaine", with: "7 jours")),
            ("en avril", "[1 mois après la première séance]"),
            ("surtout le vendredi", "surtout [jour]"),
            ("depuis 2019", "depuis [année]"),
        ]
        for (text, expected) in cases {
            #expect(anonymiser.apply(text, context: context) == expected, "\(text)")
        }
    }

    @Test func undeclaredNamesBecomePersonPlaceholders() {
        let anonymiser = Self.anonymiser(undeclared: ["Bérénice", "Kessler"])
        #expect(anonymiser.apply("sa collègue Bérénice et Mme Kessler", context: nil) == "sa collègue [personne] et Mme [personne]")
    }

    @Test func pseudonymsAreStableSecretAndNeverReal() {
        let first = Self.anonymiser(key: "journal-one").apply("Amélie Roux et Jean-Marc", context: nil)
        let again = Self.anonymiser(key: "journal-one").apply("Amélie Roux et Jean-Marc", context: nil)
        #expect(first == again)
        // Another key gives other names for at least one of a few journals.
        let others = (0..<5).map { Self.anonymiser(key: "other-\($0)").apply("Amélie Roux et Jean-Marc", context: nil) }
        #expect(others.contains { $0 != first })
        // A name found anywhere in the journal is never used.
        let all = Set((Pseudonyms.frenchWomen + Pseudonyms.frenchSurnames).map(TextFold.fold)).subtracting(["lea", "renaud"])
        let constrained = Self.anonymiser(excluded: all).apply("Amélie Roux", context: nil)
        #expect(constrained == "Léa Renaud")
    }

    @Test func theKeyIsMadeOnceAndKeptInTheJournalsSecret() throws {
        let journal = try TemporaryJournal()
        let key = try Pseudonyms.key(of: try journal.journal())
        #expect(key.count == 64)
        #expect(try Pseudonyms.key(of: try journal.journal()) == key)
        // In journal.key, committed with the notes; nothing under the derived .journal/.
        #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("journal.key").path))
        #expect(!FileManager.default.fileExists(atPath: journal.root.appendingPathComponent(".journal/pseudonym-key").path))
    }

    @Test func theLeakGateFindsWhatTheAnonymiserWouldHaveHidden() {
        var pseudonyms = Pseudonyms(key: "k", language: .fr, excluded: [])
        let registry = Registry(client: "amelie-roux", file: Self.caseFile, stems: [], pseudonyms: &pseudonyms, language: .fr)
        let gate = LeakGate(registry: registry, undeclared: ["Bérénice"], privateLines: [TextFold.fold("elle a pleuré en parlant de son père")])
        #expect(gate.scan("Rien à signaler, séance 3, 4 semaines après la première séance.").isEmpty)
        for leak in ["Vu A. Roux hier", "chez l'Atelier Garnier", "le 3 mars", "au 06 12 34 56 78", "amelie-roux",
                     "avec Bérénice", "Elle a pleuré en parlant\nde son père.", "écrire à amelie.roux@garnier-conseil.example",
                     "la DRH", "à Annecy"] {
            #expect(!gate.scan(leak).isEmpty, "\(leak)")
        }
    }

    @Test func invisibleCharactersAndLookAlikesHideNoName() {
        // What `TextFold.visible` undoes, each behind its fast byte check.
        #expect(TextFold.visible("Ame\u{301}lie") == "Amélie")
        #expect(TextFold.visible("Amé\u{AD}lie Ro\u{200B}ux\u{2060}") == "Amélie Roux")
        #expect(TextFold.visible("d\u{2BC}Amélie") == "d\u{2019}Amélie")
        #expect(TextFold.visible("\u{202E}Roux") == "Roux")
        #expect(TextFold.visible("l’été à Lyon « oui »") == "l’été à Lyon « oui »")
        #expect(TextFold.fold("\u{410}m\u{435}lie") == "amelie")
        let anonymiser = Self.anonymiser()
        for hidden in ["\u{410}mélie arrive", "Ame\u{301}lie arrive", "Amé\u{AD}lie arrive", "d\u{2BC}Amélie"] {
            #expect(!Self.words(anonymiser.apply(hidden, context: nil)).contains("amelie"), "\(hidden)")
        }
    }

    /// cmark escapes the brackets of a placeholder; they are put back bare wherever that means
    /// nothing to Markdown.
    @Test func placeholdersReadBareUnlessMarkdownWouldReadALink() {
        let cases: [(String, String)] = [
            (#"vu \[personne\] hier"#, "vu [personne] hier"),
            (#"by mid-\[1 month before the first session\]: see below"#, "by mid-[1 month before the first session]: see below"),
            // At the start of a line, `[x]:` would define a link; before ( or [ it would be one.
            (#"\[personne\]: rien"#, #"\[personne\]: rien"#),
            ("a\n  " + #"\[personne\]: rien"#, "a\n  " + #"\[personne\]: rien"#),
            (#"voir \[personne\](x)"#, #"voir \[personne\](x)"#),
        ]
        for (markdown, expected) in cases {
            #expect(OutgoingText.bareBrackets(markdown) == expected, "\(markdown)")
        }
    }
}
