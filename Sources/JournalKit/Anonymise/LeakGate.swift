/// The last check before an output leaves: the text a reader gets is scanned again, on its own,
/// for every declared name, every contact or identifier pattern, every real date, every
/// undeclared name found in the case, and every passage of private text. One hit stops the
/// render.
///
/// It shares no matching code with the `Anonymiser`: it starts from what the case file declares
/// as written (`Registry.entries`), folds case, accents and punctuation its own way, reads
/// words as runs of letters whatever separates them (so a name inside a slug, a handle or a
/// hashtag is found), and knows the joined forms people write (`jpmorin`, `NourEA`). It never
/// looks for a short name inside an ordinary word: a client `leo` does not stop « caméléon ».
struct LeakGate: Sendable {
    typealias Hit = LeakHit

    /// What the case files declare: one for a summary, one per client for the hours log and
    /// the calendar.
    var registries: [Registry]
    /// What to look for: a summary asks for everything; the hours log and the calendar, which
    /// show dates by design, only for names.
    var checks: Checks = .all

    struct Checks: OptionSet, Sendable {
        let rawValue: Int
        /// Declared names in every written form, declared emails, phones and ids.
        static let names = Checks(rawValue: 1)
        /// A declared person's initials (the calendar shows a client's on purpose).
        static let initials = Checks(rawValue: 2)
        static let undeclared = Checks(rawValue: 4)
        static let privateText = Checks(rawValue: 8)
        static let dates = Checks(rawValue: 16)
        /// Emails, phones, addresses and identifiers found by their shape.
        static let patterns = Checks(rawValue: 32)
        static let all: Checks = [.names, .initials, .undeclared, .privateText, .dates, .patterns]
    }
    var undeclared: Set<String> {
        didSet { undeclaredWords = Set(undeclared.map { Substring($0) }) }
    }
    /// The same, to be compared with a word of the output without making a `String` of it.
    private var undeclaredWords: Set<Substring> = []

    /// Private passages: looked for as runs of `window` words (or whole, when shorter).
    /// Keyed by `windowKey`: a hash of the words, so that no string is built per window.
    private var privateWindows: Set<UInt64> = []
    private var windowLengths: Set<Int> = []
    /// Names by their first folded word.
    private var needles: [String: [Needle]] = [:]
    /// Surnames and places' words of six letters or more: a capitalised word that begins one of
    /// them, with an apostrophe or a dot right after it, is that word cut short (« Douarn' »).
    private var cuttable: [(word: String, label: String)] = []
    /// Each person's initials (all of them, and those of the first names alone), for dotted runs.
    private var initialSets: [(String, String)] = []

    static let window = 8
    static let minimumPrivateWords = 4
    static let minimumPrivateLength = 16

    private struct Needle: Sendable {
        var words: [String]
        var label: String
        /// Also an ordinary word: a hit only with its capital (« Pierre », not « la pierre »).
        var needsCapital: Bool
        /// Two initials joined: a hit only in capitals (`SA`, not « Sa sœur »).
        var needsAllCapitals = false
    }

    /// `publicLines`: text of the same notes outside their private parts. A passage written
    /// there as well (the same sentence in both) is the coach's to share, not a private one.
    init(registry: Registry?, undeclared: Set<String>, privateLines: [String], publicLines: [String] = []) {
        self.init(registries: registry.map { [$0] } ?? [], undeclared: undeclared, privateLines: privateLines, publicLines: publicLines)
    }

    init(registries: [Registry], undeclared: Set<String> = [], privateLines: [String] = [], publicLines: [String] = [],
         checks: Checks = .all) {
        self.registries = registries
        self.checks = checks
        self.undeclared = undeclared
        undeclaredWords = Set(undeclared.map { Substring($0) })
        for line in privateLines {
            let words = Self.passageWords(Self.words(line, foldedOnly: true))
            guard words.count >= Self.minimumPrivateWords, words.joined().count >= Self.minimumPrivateLength - 3 else { continue }
            if words.count <= Self.window {
                privateWindows.insert(Self.windowKey(words.map(Self.wordKey)[...]))
                windowLengths.insert(words.count)
            } else {
                let keys = words.map(Self.wordKey)
                for start in 0...(words.count - Self.window) {
                    privateWindows.insert(Self.windowKey(keys[start..<start + Self.window]))
                }
                windowLengths.insert(Self.window)
            }
        }
        if !privateWindows.isEmpty {
            for line in publicLines {
                let words = Self.passageWords(Self.words(line, foldedOnly: true))
                let keys = words.map(Self.wordKey)
                for length in windowLengths where length <= words.count {
                    for start in 0...(words.count - length) {
                        privateWindows.remove(Self.windowKey(keys[start..<start + length]))
                    }
                }
            }
        }
        for registry in registries { buildNeedles(registry, excluding: registry.replacementWords) }
        for key in needles.keys { needles[key]!.sort { $0.words.count > $1.words.count } }
    }

    private mutating func add(_ words: [String], _ label: String, capital: Bool = false, allCapitals: Bool = false,
                              excluding: Set<String> = []) {
        let words = words.filter { !$0.isEmpty }
        guard let first = words.first else { return }
        // One letter is never a name on its own: « h » of Guivarc'h, « 1 h 30 ».
        if words.count == 1, first.count < 2 || excluding.contains(first) { return }
        // Words of the generalised forms (« logistique » in « secteur transport et logistique »)
        // and of the language (« l'atelier ») name nothing without a capital.
        let ordinary = words.allSatisfy { $0.count < 2 || Registry.particles.contains($0) || Registry.isGenericWord($0)
            || Registry.isOrdinaryWord($0) || excluding.contains($0) }
        let capital = capital || ordinary
        needles[first, default: []].append(Needle(words: words, label: label, needsCapital: capital, needsAllCapitals: allCapitals))
    }

    private mutating func buildNeedles(_ registry: Registry, excluding: Set<String>) {
        for entry in registry.entries {
            let words = Self.words(entry.text).map(\.folded).filter { !Registry.titles.contains($0) || entry.kind != .person }
            guard !words.isEmpty else { continue }
            let long = entry.kind == .place ? words : entry.kind == .person ? entry.last.flatMap { Self.words($0).map(\.folded) } : []
            for word in long where word.count >= 6 && !Registry.particles.contains(word) && !Registry.isPlaceWord(word) {
                cuttable.append((word, entry.label))
            }
            switch entry.kind {
            case .person:
                add(words, entry.label)
                for word in words where !Registry.particles.contains(word) { add([word], entry.label) }
                let first = entry.first.flatMap { Self.words($0).map(\.folded) }
                let last = entry.last.flatMap { Self.words($0).map(\.folded) }.filter { !Registry.particles.contains($0) }
                guard !first.isEmpty, !last.isEmpty else { continue }
                add(last + first, entry.label)
                let fi = first.map { String($0.prefix(1)) }.joined()
                let li = last.map { String($0.prefix(1)) }.joined()
                let allLast = entry.last.flatMap { Self.words($0).map(\.folded) }.map { String($0.prefix(1)) }.joined()
                for joined in [fi + last.joined(), first.joined() + last.joined(), last.joined() + first.joined(), first.joined() + li,
                               first.joined() + allLast]
                    where joined.count >= 5 {
                    add([joined], entry.label + " (joined)")
                }
                add([fi + li], entry.label + " (initials)", capital: true, allCapitals: (fi + li).count == 2)
                initialSets.append((fi + li, entry.label))
                if fi.count >= 2 { initialSets.append((fi, entry.label)) }
            case .organisation, .place:
                add(words, entry.label, excluding: excluding)
                if words.count > 1 {
                    for word in words where word.count >= 3 && !Registry.isGenericWord(word) && !Registry.isPlaceWord(word) {
                        add([word], entry.label, capital: entry.kind == .place && NameDetector.firstNames.contains(Substring(word)),
                            excluding: excluding)
                    }
                }
            case .role, .identifier:
                add(words, entry.label)
            }
        }
    }

    /// A word of the scanned text: a run of letters, folded, with where it stands.
    struct Word {
        var folded: String
        var original: Substring
        var capitalised: Bool
        var line: Int
        /// Characters between the previous word and this one.
        var gap: Substring
        /// How many characters `gap` holds (a CR LF is one, as for `String`).
        var gapLength: Int
        /// Whether `gap` holds a blank line: two paragraphs, or two notes, meet there.
        var blankLine: Bool
        /// Whether a dot follows at once (an initial).
        var dotted: Bool
        /// The character after the word, if any.
        var next: Character?
    }

    /// Runs of letters; invisible characters (soft hyphens, zero-width spaces) do not split them.
    /// Read on the UTF-8 bytes, cut where `Character` would cut (a combining mark stays with
    /// its letter), without building a `Character` for every letter.
    /// `foldedOnly`: only `folded` and `line` are filled in (what private passages are keyed on).
    static func words(_ text: String, foldedOnly: Bool = false) -> [Word] {
        var text = TextFold.visible(text)
        text.makeContiguousUTF8()
        let source = text
        return source.utf8.withContiguousStorageIfAvailable { words(in: source, bytes: $0, foldedOnly: foldedOnly) } ?? []
    }

    private static func words(in source: String, bytes: UnsafeBufferPointer<UInt8>, foldedOnly: Bool) -> [Word] {
        let utf8 = source.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        /// Whether the scalar at `offset` (after one whose flags are `before`) joins its character.
        func joins(_ offset: Int, after before: TextFold.Flags, _ beforeByte: UInt8) -> Bool {
            guard offset < bytes.count else { return false }
            let byte = bytes[offset]
            if byte == 0x0A { return beforeByte == 0x0D }
            if byte < 0x80 { return false }
            return TextFold.flags(TextFold.scalar(bytes, at: offset).value).contains(.extend) && !before.contains(.control)
        }
        var words: [Word] = []
        // Prose says the same words again and again: each is folded once (ASCII ones need no look-up).
        var folds: [Substring: String] = [:]
        var scratch: [UInt8] = []
        var line = 1
        var offset = 0
        var gapStart = 0
        var gapLength = 0
        var blankLine = false
        // The last two bytes of the gap, and what came just before `offset`.
        var last: UInt8 = 0, beforeLast: UInt8 = 0
        var previousFlags: TextFold.Flags = .control
        var previousByte: UInt8 = 0
        // Regional indicators in a row: each pair is one character (a flag).
        var indicators = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let (value, length) = byte < 0x80 ? (UInt32(byte), 1) : TextFold.scalar(bytes, at: offset)
            let flags = TextFold.flags(value)
            var joined = offset > 0 && (byte == 0x0A ? previousByte == 0x0D : flags.contains(.extend) && !previousFlags.contains(.control))
            if value >= 0x1F1E6, value <= 0x1F1FF {
                if indicators % 2 == 1 { joined = true }
                indicators += 1
            } else if !joined {
                indicators = 0
            }
            guard !joined, flags.contains(.letter) else {
                // A character of the gap (or the end of the one before it).
                if !joined { gapLength += 1 }
                if byte == 0x0A {
                    if previousByte != 0x0D { line += 1 }
                    if last == 0x0A || (last == 0x0D && beforeLast == 0x0A) { blankLine = true }
                }
                beforeLast = last
                last = byte
                previousFlags = flags
                previousByte = bytes[offset + length - 1]
                offset += length
                continue
            }
            // A word: characters that start with a letter, with what joins them.
            let start = offset
            indicators = 0
            var ascii = byte < 0x80
            var firstJoined = false
            previousFlags = flags
            previousByte = bytes[offset + length - 1]
            offset += length
            while offset < bytes.count {
                let byte = bytes[offset]
                let (value, length) = byte < 0x80 ? (UInt32(byte), 1) : TextFold.scalar(bytes, at: offset)
                let flags = TextFold.flags(value)
                let joined = byte == 0x0A ? previousByte == 0x0D : flags.contains(.extend) && !previousFlags.contains(.control)
                guard joined || flags.contains(.letter) else { break }
                if joined, offset == start + TextFold.scalar(bytes, at: start).length { firstJoined = true }
                if byte >= 0x80 { ascii = false }
                previousFlags = flags
                previousByte = bytes[offset + length - 1]
                offset += length
            }
            defer {
                gapStart = offset
                gapLength = 0
                blankLine = false
                last = 0
                beforeLast = 0
            }
            let folded: String
            let lower = index(start), upper = index(offset)
            if ascii {
                scratch.removeAll(keepingCapacity: true)
                for byte in bytes[start..<offset] { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                folded = String(decoding: scratch, as: UTF8.self)
            } else if let known = folds[source[lower..<upper]] {
                folded = known
            } else {
                folded = TextFold.fold(String(source[lower..<upper]))
                folds[source[lower..<upper]] = folded
            }
            if foldedOnly {
                words.append(Word(folded: folded, original: "", capitalised: false, line: line, gap: "", gapLength: gapLength,
                                  blankLine: blankLine, dotted: false, next: nil))
                continue
            }
            let original = source[lower..<upper]
            let first = TextFold.scalar(bytes, at: start).value
            let capitalised = firstJoined ? original.first?.isUppercase == true : TextFold.flags(first).contains(.upper)
            var next: Character?
            if offset < bytes.count {
                let (value, length) = TextFold.scalar(bytes, at: offset)
                let flags = TextFold.flags(value)
                let flag = value >= 0x1F1E6 && value <= 0x1F1FF && offset + length < bytes.count
                    && (0x1F1E6...0x1F1FF).contains(TextFold.scalar(bytes, at: offset + length).value)
                if flag || joins(offset + length, after: flags, bytes[offset + length - 1]) {
                    next = source[upper]
                } else {
                    next = Unicode.Scalar(value).map(Character.init)
                }
            }
            words.append(Word(folded: folded, original: original, capitalised: capitalised, line: line,
                              gap: source[index(gapStart)..<lower], gapLength: gapLength, blankLine: blankLine,
                              dotted: next == ".", next: next))
        }
        return words
    }

    func scan(_ output: String) -> [Hit] {
        var hits: [Hit] = []
        let words = Self.words(output)
        for index in words.indices {
            if checks.contains(.names) {
                hits += names(words, at: index).filter { checks.contains(.initials) || !$0.what.hasSuffix("(initials)") }
            }
            if checks.contains(.names), let hit = cut(words[index]) { hits.append(hit) }
            if checks.contains(.undeclared), undeclaredWords.contains(words[index].original) {
                hits.append(Hit(what: "undeclared name", found: String(words[index].original), line: words[index].line))
            }
        }
        if checks.isSuperset(of: [.names, .initials]) { hits += initials(words) }
        if checks.contains(.privateText) { hits += privateText(words) }
        if checks.contains(.patterns) { hits += spelledEmails(words) }
        if checks.contains(.dates) { hits += DateWords.hits(in: words) }
        if checks.contains(.patterns) || checks.contains(.dates) {
            var lineNumber = 0
            for line in output.characterLines {
                lineNumber += 1
                let text = String(line)
                // One look at what the line holds serves both detectors.
                let traits = TextTraits(text)
                if checks.contains(.patterns) {
                    for match in PatternDetector.matches(in: text, traits: traits) {
                        hits.append(Hit(what: match.kind.rawValue, found: String(text[match.range]), line: lineNumber))
                    }
                }
                if checks.contains(.dates) {
                    for match in DateDetector.matches(in: text, context: nil, traits: traits) {
                        hits.append(Hit(what: "date", found: String(text[match.range]), line: lineNumber))
                    }
                }
            }
        }
        if checks.contains(.names), !registries.isEmpty {
            // Across lines and separators: a phone number or an email cut by a line break.
            let digits = Self.asciiDigits(output)
            let folded = TextFold.fold(TextFold.visible(output))
            for registry in registries {
                for phone in registry.phoneDigits where digits.contains(phone.digits) {
                    hits.append(Hit(what: phone.label, found: phone.digits, line: 0))
                }
                for literal in registry.literals where literal.text.count >= 3 && Self.containsWhole(folded, literal.text) {
                    hits.append(Hit(what: literal.label, found: literal.text, line: 0))
                }
            }
        }
        return hits
    }

    /// The ASCII digits of `text` in order, each a character of its own (a digit that a
    /// combining mark joins is not one, as for `Character`).
    static func asciiDigits(_ text: String) -> String {
        var digits: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            for offset in bytes.indices where bytes[offset] >= 0x30 && bytes[offset] <= 0x39 {
                let after = offset + 1
                if after < bytes.count, bytes[after] >= 0x80, TextFold.flags(TextFold.scalar(bytes, at: after).value).contains(.extend) { continue }
                digits.append(bytes[offset])
            }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// `needle` in `text`, not inside a longer word: the id `leo` is not in « cameleon ». Searched
    /// on the bytes; the characters either side are read as `Character` reads them.
    static func containsWhole(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let head = pattern.first, pattern.count <= haystack.count else { return false }
                var start = 0
                while start + pattern.count <= haystack.count {
                    guard haystack[start] == head else { start += 1; continue }
                    var offset = 1
                    while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count, !wordCharacter(before: start, in: haystack), !wordCharacter(at: start + pattern.count, in: haystack) {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// Whether the character that starts at `offset` is a letter or a digit.
    private static func wordCharacter(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < bytes.count else { return false }
        let flags = TextFold.flags(TextFold.scalar(bytes, at: offset).value)
        return flags.contains(.letter) || flags.contains(.number)
    }

    /// Whether the character that ends just before `offset` (its first scalar) is a letter or a digit.
    private static func wordCharacter(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = offset
        while start > 0 {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let flags = TextFold.flags(TextFold.scalar(bytes, at: start).value)
            // A combining mark belongs to the character before it.
            if flags.contains(.extend), start > 0 { continue }
            return flags.contains(.letter) || flags.contains(.number)
        }
        return false
    }

    private func names(_ words: [Word], at index: Int) -> [Hit] {
        guard let candidates = needles[words[index].folded] else { return [] }
        for needle in candidates where index + needle.words.count <= words.count {
            if needle.needsCapital, !words[index..<index + needle.words.count].contains(where: \.capitalised) { continue }
            if needle.needsAllCapitals, words[index].original.contains(where: \.isLowercase) { continue }
            var matched = true
            for offset in 1..<max(1, needle.words.count) {
                let word = words[index + offset]
                // Any separator, as long as it is short: « Jean-Pierre », « jean_pierre », « Jean. Pierre ».
                guard word.folded == needle.words[offset], word.gapLength <= 3 else {
                    matched = false
                    break
                }
            }
            // Saint-Paul and Saint Paul are a place or a saint.
            if matched, needle.words.count == 1, index > 0, Registry.saints.contains(words[index - 1].folded),
               words[index].gap == "-" || words[index].gap == " " {
                continue
            }
            if matched {
                let last = words[index + needle.words.count - 1]
                let found = needle.words.count == 1 ? String(words[index].original)
                    : String(words[index].original) + "…" + String(last.original)
                return [Hit(what: needle.label, found: found, line: words[index].line)]
            }
        }
        return []
    }

    private func cut(_ word: Word) -> Hit? {
        guard word.capitalised, let next = word.next, next == "'" || next == "’" || next == ".", word.folded.count >= 4 else { return nil }
        guard let found = cuttable.first(where: { $0.word.count > word.folded.count && $0.word.hasPrefix(word.folded) }) else { return nil }
        return Hit(what: found.label + " (cut short)", found: String(word.original) + String(next), line: word.line)
    }

    /// Dotted initials of a declared person in a row: « J.-P. M. », « A.R. ».
    private func initials(_ words: [Word]) -> [Hit] {
        let sets = initialSets
        guard !sets.isEmpty else { return [] }
        var hits: [Hit] = []
        var index = 0
        while index < words.count {
            var run = ""
            var end = index
            while end < words.count, words[end].folded.count == 1, words[end].dotted, end == index || words[end].gapLength <= 3 {
                run += words[end].folded
                end += 1
            }
            if run.count >= 2, let hit = sets.first(where: { run.hasPrefix($0.0) }) {
                hits.append(Hit(what: hit.1 + " (initials)", found: run.uppercased(), line: words[index].line))
            }
            index = max(end, index + 1)
        }
        return hits
    }

    /// A word's hash (FNV-1a of its folded form), and a window's: the words' hashes in order.
    /// Two different windows with one key would only refuse a summary, never let one out.
    static func wordKey(_ word: String) -> UInt64 { ContentHash.value(word.utf8) }

    static func windowKey(_ keys: ArraySlice<UInt64>) -> UInt64 {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in keys { key = (key ^ word) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9_7F4A_7C15 }
        return key ^ UInt64(keys.count)
    }

    /// The words a passage is compared on: one-letter words (« j' », « l' », an initial) say
    /// nothing of it, and an initial that replaced a name must not make a new match.
    static func passageWords(_ words: [Word]) -> [String] {
        words.map(\.folded).filter { $0.count >= 2 }
    }

    /// Runs of words of private text: linear in the output whatever the amount of private text.
    private func privateText(_ words: [Word]) -> [Hit] {
        guard !privateWindows.isEmpty else { return [] }
        var hits: [Hit] = []
        // A private passage is one run of text in its note, never two blocks: a window of the
        // output does not cross a blank line (where two paragraphs, or two notes, meet).
        // The words kept by their place in `words` (a copy of each would cost more than the rest).
        var kept: [Int] = []
        var keys: [UInt64] = []
        var blockStart: [Int] = []
        var newBlock = false
        for (index, word) in words.enumerated() {
            if word.blankLine { newBlock = true }
            guard word.folded.count >= 2 else { continue }
            blockStart.append(newBlock || kept.isEmpty ? kept.count : blockStart[kept.count - 1])
            kept.append(index)
            keys.append(Self.wordKey(word.folded))
            newBlock = false
        }
        for length in windowLengths where length <= keys.count {
            for start in 0...(keys.count - length) where blockStart[start + length - 1] <= start
                && privateWindows.contains(Self.windowKey(keys[start..<start + length])) {
                let found = kept[start..<start + length].map { words[$0].folded }.joined(separator: " ")
                hits.append(Hit(what: "private text", found: found, line: words[kept[start]].line))
            }
        }
        return hits
    }
}

/// One thing the leak gate found in a rendered output.
public struct LeakHit: Sendable, Hashable {
    /// `head`, then the first twenty hits a line each, then what to do about a template.
    static func report(_ hits: [LeakHit], head: Message, template: Message) -> Message {
        func list(_ language: JournalConfig.Language) -> String {
            hits.prefix(20).map { hit in
                "  " + (hit.line > 0 ? (Message("line \(hit.line): ", fr: "ligne \(hit.line) : ").in(language)) : "")
                    + "« \(hit.found.escapingControls) » (\(hit.what))"
            }.joined(separator: "\n")
        }
        return head + Message(list(.en), fr: list(.fr)) + Message("\n(if a custom template prints a raw field, fix \(template.en))",
                                                               fr: "\n(si un modèle personnalisé affiche un champ brut, corrigez \(template.fr))")
    }

    /// What the hit is: a registry field (`sponsor.name`), `email`, `date`, `private text`…
    public var what: String
    /// The text found, as it stands in the output.
    public var found: String
    /// Line in the output, counted from 1; 0 when found across lines.
    public var line: Int
}
