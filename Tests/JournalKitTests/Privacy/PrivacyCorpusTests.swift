import Foundation
import Testing
@testable import JournalKit

/// The measure docs/privacy.md reports ("Measured"): summaries of a corpus of fictional notes in which every
/// identifying span is annotated (Fixtures/journals/privacy-*/annotations.json). Zero leaks of
/// declared identifiers, real dates and private text; recall and precision on undeclared names.
@Suite struct PrivacyCorpusTests {
    struct Annotations: Decodable {
        struct Span: Decodable {
            var path: String
            var text: String
            var kind: String
        }
        var clients: [String]
        var spans: [Span]
        /// Grammar that must never appear after substitution (« d'Sophie », « à une petite ville »).
        var forbidden: [String]?
    }

    struct Figures {
        var notes = 0
        var spans: [String: Int] = [:]
        var leaks: [String] = []
        var undeclaredAnnotated = 0
        var undeclaredHidden = 0
        var detected = 0
        var detectedRight = 0
        var missed: [String] = []
        var wrong: [String] = []
        /// Ordinary words and phrases that must survive, and how many did.
        var keep = 0
        var kept = 0
        var lost: [String] = []
        var badGrammar: [String] = []
    }

    /// Letters and digits only, folded: "06 12 34 56 78" → 06 12 34 56 78, "d'Amélie" → d amelie.
    static func tokens(_ text: String) -> [String] {
        TextFold.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whether `needle`'s tokens appear in a row in `haystack`'s.
    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return true }
        }
        return false
    }

    /// `pattern` in `text`, case-sensitive, starting a word.
    static func containsAtWordStart(_ text: String, _ pattern: String) -> Bool {
        var start = text.startIndex
        while let range = text.range(of: pattern, range: start..<text.endIndex) {
            if range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter { return true }
            start = text.index(after: range.lowerBound)
        }
        return false
    }

    static func measure(_ name: String) throws -> Figures {
        let journal = try fixtureJournal(name)
        let data = try Data(contentsOf: journal.root.appendingPathComponent("annotations.json"))
        let annotations = try JSONDecoder().decode(Annotations.self, from: data)
        let store = try journal.index()
        _ = try store.update()
        var figures = Figures()
        figures.notes = try store.documents().filter { $0.client != nil }.count
        for client in annotations.clients {
            for format in CaseSummary.Format.allCases {
                let output = try CaseSummary.render(try journal.journal(), store: store, options: .init(client: client, format: format))
                let visible = format == .html ? HTMLPage.visibleText(output.text) : output.text
                let words = tokens(visible)
                let spans = annotations.spans.filter { $0.path.hasPrefix("clients/\(client)/") }
                for span in spans {
                    if format == .markdown { figures.spans[span.kind, default: 0] += 1 }
                    let found = contains(words, tokens(span.text))
                    switch span.kind {
                    // An undeclared place known by its context (« déménagé à Roubaix ») counts as a leak too.
                    case "declared", "contact", "date", "private", "place":
                        if found { figures.leaks.append("\(client) \(format): \(span.kind) “\(span.text)” (\(span.path))") }
                    case "keep" where format == .markdown:
                        figures.keep += 1
                        if found { figures.kept += 1 } else { figures.lost.append("\(span.text) (\(span.path))") }
                    case "undeclared" where format == .markdown:
                        figures.undeclaredAnnotated += 1
                        if found { figures.missed.append("\(span.text) (\(span.path))") } else { figures.undeclaredHidden += 1 }
                    default:
                        break
                    }
                }
                // Whatever the annotations say, no real date may remain.
                for match in DateDetector.matches(in: visible, context: nil) {
                    figures.leaks.append("\(client) \(format): date “\(visible[match.range])”")
                }
                // Footnotes read as footnotes in both formats, never as cmark's `\[^1\]`.
                if visible.contains("[^") { figures.badGrammar.append("\(client) \(format): a raw footnote “[^”") }
                guard format == .markdown else { continue }
                let flat = visible.replacingOccurrences(of: "\n", with: " ")
                for pattern in annotations.forbidden ?? [] where Self.containsAtWordStart(flat, pattern) {
                    figures.badGrammar.append("\(client): “\(pattern)”")
                }
                let annotatedNames = Set(spans.filter { $0.kind == "undeclared" }.flatMap { tokens($0.text) })
                // Precision is that of what lint reports; the uncertain ones are hidden all the same.
                for name in output.undeclared where name.confident {
                    figures.detected += 1
                    if tokens(name.name).allSatisfy(annotatedNames.contains) {
                        figures.detectedRight += 1
                    } else {
                        figures.wrong.append("\(name.name) (\(name.path):\(name.line))")
                    }
                }
            }
        }
        return figures
    }

    @Test(arguments: ["privacy-fr", "privacy-en", "privacy-adversarial-fr", "privacy-adversarial-en"])
    func summariesLeakNothingAnnotated(journal: String) throws {
        let figures = try Self.measure(journal)
        #expect(figures.notes >= 15)
        #expect(figures.leaks.isEmpty, "\(figures.leaks.joined(separator: "\n"))")
        let recall = Double(figures.undeclaredHidden) / Double(max(1, figures.undeclaredAnnotated))
        let precision = Double(figures.detectedRight) / Double(max(1, figures.detected))
        print("""
            privacy corpus \(journal): \(figures.notes) notes, spans \(figures.spans.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); \
            leaks \(figures.leaks.count); undeclared names hidden \(figures.undeclaredHidden)/\(figures.undeclaredAnnotated) \
            (recall \(String(format: "%.2f", recall))), detections right \(figures.detectedRight)/\(figures.detected) \
            (precision \(String(format: "%.2f", precision))); ordinary text kept \(figures.kept)/\(figures.keep); \
            bad grammar \(figures.badGrammar.count); missed: \(figures.missed); wrong: \(figures.wrong); lost: \(figures.lost)
            """)
        #expect(figures.badGrammar.isEmpty, "\(figures.badGrammar)")
        #expect(figures.kept * 10 >= figures.keep * 8, "lost: \(figures.lost)")
        #expect(recall >= 0.85, "missed: \(figures.missed)")
        // The adversarial corpora are written to trap the detector (a project called "Bill Run",
        // "Rose Court"): their floor is lower, and their figures are recorded in docs/privacy.md.
        #expect(precision >= (journal.contains("adversarial") ? 0.5 : 0.85), "wrong: \(figures.wrong)")
    }
}
