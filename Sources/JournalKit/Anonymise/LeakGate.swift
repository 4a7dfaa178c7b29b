/// The last check before a summary is written: the rendered text is scanned again, on its own,
/// for every way of writing every registry entry, every contact or identifier pattern, every
/// real date, every undeclared name, and every line of private text. One hit stops the render.
struct LeakGate: Sendable {
    typealias Hit = LeakHit

    var registry: Registry?
    var undeclared: Set<String>
    /// Private lines of the case's notes, folded; only long enough ones are looked for.
    var privateLines: [String]

    static let minimumPrivateLength = 16

    func scan(_ output: String) -> [Hit] {
        var hits: [Hit] = []
        var lineNumber = 0
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = String(line)
            hits += scan(line: text, number: lineNumber)
        }
        // Across lines: a private passage, a phone number or an email cut by a line break.
        let folded = TextFold.fold(output)
        for privateLine in privateLines where folded.contains(privateLine) {
            hits.append(Hit(what: "private text", found: privateLine, line: 0))
        }
        if let registry {
            let digits = String(output.filter { $0.isASCII && $0.isNumber })
            for phone in registry.phoneDigits where digits.contains(phone.digits) {
                hits.append(Hit(what: phone.label, found: phone.digits, line: 0))
            }
            for literal in registry.literals where folded.contains(literal.text) {
                hits.append(Hit(what: literal.label, found: literal.text, line: 0))
            }
        }
        return hits
    }

    private func scan(line: String, number: Int) -> [Hit] {
        var hits: [Hit] = []
        guard let registry else { return hits }
        let tokens = WordTokens(line).tokens
        for index in tokens.indices {
            if let variant = registry.match(tokens, at: index, in: line) {
                let last = tokens[index + variant.words.count - 1]
                hits.append(Hit(what: variant.label, found: String(line[tokens[index].range.lowerBound..<last.range.upperBound]), line: number))
            } else if undeclared.contains(String(line[tokens[index].range])) {
                hits.append(Hit(what: "undeclared name", found: String(line[tokens[index].range]), line: number))
            }
        }
        for match in PatternDetector.matches(in: line) {
            hits.append(Hit(what: match.kind.rawValue, found: String(line[match.range]), line: number))
        }
        for match in DateDetector.matches(in: line, context: nil) {
            hits.append(Hit(what: "date", found: String(line[match.range]), line: number))
        }
        return hits
    }
}

/// One thing the leak gate found in a rendered output.
public struct LeakHit: Sendable, Hashable {
    /// What the hit is: a registry field (`sponsor.name`), `email`, `date`, `private text`…
    public var what: String
    /// The text found, as it stands in the output.
    public var found: String
    /// Line in the output, counted from 1; 0 when found across lines.
    public var line: Int
}
