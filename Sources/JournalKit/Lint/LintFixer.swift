import Foundation

/// `journal lint --fix`: only deterministic, reviewable rewrites, each reported.
///
/// - French dates (`18/03/2026 10h00`) become ISO (`2026-03-18 10:00`) in headers and fields;
/// - Obsidian Tasks' 📅, ✅ and 🆔 become `[due:: …]`, `[done:: …]` and `[id:: …]` (the other way
///   round in a journal that declares `tasks: {format: emoji}`: never away from its format);
/// - a commitment that later notes review by its implicit id (`FILE#N`) gets an explicit
///   `[id:: …]`, and those reviews name it, so that reordering the note can no longer break them.
///
/// A file with uncommitted changes in git is left alone unless `force`: every fix must be a
/// diff of its own. Byte-order marks and CRLF line endings are kept.
public struct LintFixer: Sendable {
    public let journal: Journal
    /// Called with a note's path once its fixed content is ready, just before the file is read
    /// again to check that it did not change: lets tests play the editor that saves meanwhile.
    var beforeReplacing: (@Sendable (String) -> Void)?
    /// Called once the fixes are planned from the index and before any note is read again:
    /// lets tests play the editor that adds a line meanwhile.
    var afterPlanning: (@Sendable () -> Void)?

    public init(journal: Journal) {
        self.journal = journal
    }

    public struct Change: Sendable, Hashable {
        public var path: String
        public var line: Int
        public var before: String
        public var after: String
    }

    public struct Report: Sendable {
        public var changes: [Change] = []
        /// Files with fixes that were not written because git has uncommitted changes in them.
        public var skipped: [String] = []
        /// Files with fixes that were not written for another reason, and why.
        public var refused: [Refusal] = []
        /// Why the index could not be brought up to date after the fixes were written (a full
        /// disk): the fixes stand, in the notes; the next command updates the index.
        public var indexNotUpdated: String?
    }

    /// A file left as it was, and why.
    public struct Refusal: Sendable, Hashable {
        public var path: String
        public var reason: Reason

        public enum Reason: Sendable, Hashable {
            /// The file changed between the moment it was read and the moment it would have been
            /// replaced (an editor saved it): its new content is kept, nothing of the fix is applied.
            case changedMeanwhile
            /// The commitment that was to get an id is no longer where the index saw it (the
            /// note changed since): that id, and the reviews that would name it, are left out.
            case commitmentMoved(String)
            /// A link to a file outside the journal (or to nothing).
            case linkOutside
            /// Not a regular file, or one with several hard links: rewriting it would change
            /// what it is.
            case notRegularFile
            /// Owned by another user: a rewritten copy could not keep the owner.
            case ownerNotKept
            /// The file could not be written.
            case unwritable(String)
            /// A Tasks emoji on this line has no value of its kind after it (`📅📅`, `✅📅🆔`):
            /// the line's emoji are left as they are, the rest of the note is fixed.
            case emojiWithoutValue(line: Int, emoji: String)
        }

        public func message(in language: JournalConfig.Language) -> String {
            switch reason {
            case .changedMeanwhile:
                return Message("\(path): not fixed, the file changed while it was being fixed (your changes are kept; run `journal lint --fix` again)",
                           fr: "\(path) : non corrigé, le fichier a changé pendant la correction (vos modifications sont gardées ; relancez `journal lint --fix`)").in(language)
            case .commitmentMoved(let text):
                return Message("\(path): no id added to “\(text.clipped)”, the note changed since the index was read (run `journal lint --fix` again)",
                           fr: "\(path) : pas d'id ajouté à « \(text.clipped) », la note a changé depuis la lecture de l'index (relancez `journal lint --fix`)").in(language)
            case .linkOutside:
                return Message("\(path): not fixed, it is a link to a file outside the journal",
                           fr: "\(path) : non corrigé, c'est un lien vers un fichier hors du journal").in(language)
            case .notRegularFile:
                return Message("\(path): not fixed, it is not a regular file (or it has several hard links)",
                           fr: "\(path) : non corrigé, ce n'est pas un fichier ordinaire (ou il a plusieurs liens physiques)").in(language)
            case .ownerNotKept:
                return Message("\(path): not fixed, it belongs to another user and rewriting it would change its owner",
                           fr: "\(path) : non corrigé, il appartient à un autre utilisateur et le réécrire en changerait le propriétaire").in(language)
            case .unwritable(let reason):
                return Message("\(path): not fixed, it could not be written (\(reason))",
                           fr: "\(path) : non corrigé, il n'a pas pu être écrit (\(ErrorText.localised(reason, in: language)))").in(language)
            case .emojiWithoutValue(let line, let emoji):
                let what = emoji == "\u{1F194}" ? (Message("an id", fr: "un identifiant").in(language)) : (Message("a date", fr: "une date").in(language))
                let sample = emoji == "\u{1F194}" ? "\(emoji) appeler-karim" : "\(emoji) 2026-04-01"
                return Message("\(path):\(line): \(emoji) is not followed by \(what): the line's emoji are left as they are; write the value after the emoji (\(sample)) or remove it",
                           fr: "\(path):\(line) : \(emoji) n'est pas suivi d'\(what) : ses emoji sont laissés tels quels ; écrivez la valeur après l'emoji (\(sample)) ou retirez-le").in(language)
            }
        }
    }

    /// A commitment that reviews name by its implicit id, as the index saw it: the id it gets.
    struct IDFix: Sendable, Hashable {
        var path: String
        /// Its rank among the note's commitments (the `N` of `FILE#N`) and its text, when the
        /// index was read: the note read again must still have this text at this rank.
        var rank: Int
        var text: String
        var id: String
        /// False when an earlier --fix already wrote the id and only reviews are left to rewrite.
        var add: Bool

        var implicit: String { "\(Note.stem(of: path))#\(rank)" }
    }

    /// What one note's fixes need: the ids to add to its commitments, the refs to rewrite in
    /// its reviews (implicit id → explicit id).
    struct Plan: Sendable {
        var ids: [IDFix] = []
        var refs: [String: String] = [:]
    }

    public func run(force: Bool = false) throws -> Report {
        let store = try IndexStore.open(journal)
        _ = try store.update()
        // What the index knows decides only *which* commitments need an id, never where a line
        // is: every edit is placed by reading the note itself again (a line may have been added
        // above a commitment since the index was read).
        let stored = Dictionary(try store.documents().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let (fixes, reviewers) = Self.idFixes(documents: stored, resolutions: try store.resolutions())
        afterPlanning?()
        let parser = NoteParser(aliases: journal.config.headingAliases, zone: journal.config.timezone, tasks: journal.config.tasks)
        let dirty = force ? [] : Git(on: journal.process)?.uncommitted(in: journal.root) ?? []
        var report = Report()
        // First the notes themselves (dates, emoji, ids); then, for the commitments whose id is
        // now in their note, the reviews that name them.
        var confirmed: [String: String] = [:]
        var idsByPath: [String: [IDFix]] = [:]
        for fix in fixes { idsByPath[fix.path, default: []].append(fix) }
        let paths = Set(stored.keys).union(idsByPath.keys)
        for path in paths.sorted() {
            let outcome = fixFile(path, Plan(ids: idsByPath[path] ?? []), parser: parser, dirty: dirty, into: &report)
            for fix in outcome { confirmed[fix.implicit] = fix.id }
        }
        for path in reviewers.keys.sorted() {
            let refs = Dictionary(reviewers[path]!.compactMap { implicit in confirmed[implicit].map { (implicit, $0) } },
                                  uniquingKeysWith: { first, _ in first })
            guard !refs.isEmpty else { continue }
            _ = fixFile(path, Plan(refs: refs), parser: parser, dirty: dirty, into: &report)
        }
        // Notes were written by now: failing here must not hide which (the report says it).
        do {
            _ = try store.update()
        } catch {
            report.indexNotUpdated = ErrorText.describe(error, in: .en) ?? "\(type(of: error))"
        }
        return report
    }

    /// The commitments that reviews name by their implicit id, and the id each gets; and, per
    /// note, the implicit ids its reviews name. From the index for `--fix`, from the unsaved
    /// text for the language server's code actions.
    static func idFixes(documents stored: [String: Note], resolutions: [ClientResolution])
        -> (fixes: [IDFix], reviewers: [String: [String]]) {
        var fixes: [IDFix] = []
        var reviewers: [String: [String]] = [:]
        for resolution in resolutions {
            var taken = Set(resolution.commitments.map(\.id))
            for commitment in resolution.commitments.sorted(by: { ($0.path, $0.line) < ($1.path, $1.line) }) {
                guard !commitment.history.isEmpty,
                      let item = stored[commitment.path]?.items.first(where: { $0.kind == .commitment && $0.line == commitment.line })
                else { continue }
                var fix = IDFix(path: commitment.path, rank: item.rank, text: item.text, id: commitment.id, add: false)
                if commitment.id == fix.implicit {
                    fix.id = Self.slug(commitment.text, avoiding: taken)
                    fix.add = true
                    taken.insert(fix.id)
                }
                fixes.append(fix)
                // Also when an earlier --fix gave the id but could not rewrite every review.
                for statement in commitment.history {
                    reviewers[statement.path, default: []].append(fix.implicit)
                }
            }
        }
        return (fixes, reviewers)
    }

    /// What the fixes make of a note's bytes, written nowhere: `--fix` writes it to the file,
    /// the language server offers it to the editor as an edit.
    struct FixedText: Sendable {
        var bom: Bool
        /// Split on `\n` (a CRLF line keeps its `\r`), fixed.
        var lines: [String]
        var changes: [Change]
        var refusals: [Refusal]
        /// An edit did not find what it expected on its line: nothing of the plan may be applied.
        var misplaced: Bool
        var standing: [IDFix]
        var adding: [IDFix]
    }

    func fixed(_ data: Data, path: String, _ plan: Plan, parser: NoteParser) -> FixedText? {
        // The byte-order mark is set aside by bytes: Foundation's decoding may drop it.
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(data: bom ? data.dropFirst(3) : data, encoding: .utf8) else { return nil }
        // The note as it is now: where its commitments and reviews are in these very bytes.
        let note = parser.parse(data: data, path: path)
        var refusals: [Refusal] = []
        var edits: [Int: [(before: String, after: String)]] = [:]
        var standing: [IDFix] = []
        var adding: [IDFix] = []
        for fix in plan.ids {
            // The commitment must still be the one the index saw: same rank, same text.
            guard let item = note.items.first(where: { $0.kind == .commitment && $0.rank == fix.rank }),
                  item.text == fix.text else {
                refusals.append(Refusal(path: path, reason: .commitmentMoved(fix.text)))
                continue
            }
            if fix.add, item.id == nil {
                // In the format the journal declares for Tasks' fields.
                let written = journal.config.tasks.format == .emoji ? " \u{1F194} \(fix.id)" : "  [id:: \(fix.id)]"
                edits[item.line, default: []].append(("", written))
                adding.append(fix)
            } else if !fix.add || item.id == fix.id {
                standing.append(fix)
            }
        }
        for item in note.items where item.kind == .review {
            guard let ref = item.ref, let id = plan.refs[ref] else { continue }
            edits[item.line, default: []].append(("[ref:: \(ref)]", "[ref:: \(id)]"))
        }
        // Split on the byte: as characters, "\r\n" is one and would not split at "\n".
        var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(Substring($0)) }
        var changes: [Change] = []
        var inHeader = lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---"
        var misplaced = false
        for index in lines.indices {
            var line = lines[index]
            if index > 0, inHeader, ["---", "..."].contains(line.trimmingCharacters(in: .whitespacesAndNewlines)) {
                inHeader = false
            } else if index > 0, inHeader {
                line = Self.isoHeaderLine(line)
            } else if !inHeader {
                // Emoji are read as fields in list items only; elsewhere they are prose.
                // Toward the format the journal declares, never away from it: a vault in Tasks'
                // emoji format keeps its emoji, and its fields of those keys become emoji.
                let emojiFormat = journal.config.tasks.format == .emoji
                if Self.isItem(line), !emojiFormat {
                    let converted = Self.emojiFields(line)
                    if let emoji = converted.left {
                        refusals.append(Refusal(path: path, reason: .emojiWithoutValue(line: index + 1, emoji: emoji)))
                    }
                    line = converted.line
                }
                line = Self.isoFields(line)
                if Self.isItem(line), emojiFormat { line = Self.fieldEmoji(line) }
            }
            for (before, after) in edits[index + 1] ?? [] {
                // Each edited line must still say what the fix expects: a list item for an id,
                // the very `[ref:: …]` for a review.
                if before.isEmpty {
                    guard Self.isItem(line), !line.contains("[id::"), !line.contains("\u{1F194}") else { misplaced = true; continue }
                    let carriage = line.hasSuffix("\r")
                    line = (carriage ? String(line.dropLast()) : line) + after + (carriage ? "\r" : "")
                } else if let range = line.range(of: before) {
                    line.replaceSubrange(range, with: after)
                } else {
                    misplaced = true
                }
            }
            if line != lines[index] {
                changes.append(Change(path: path, line: index + 1,
                                      before: lines[index].trimmingCharacters(in: .whitespacesAndNewlines),
                                      after: line.trimmingCharacters(in: .whitespacesAndNewlines)))
                lines[index] = line
            }
        }
        return FixedText(bom: bom, lines: lines, changes: changes, refusals: refusals, misplaced: misplaced,
                         standing: standing, adding: adding)
    }

    /// Fixes one note from its current bytes. Returns the id fixes that now stand in it (written
    /// now, or found already written), for the reviews to use.
    private func fixFile(_ path: String, _ plan: Plan, parser: NoteParser, dirty: Set<String>,
                         into report: inout Report) -> [IDFix] {
        let url = journal.root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path),
              let fixedText = fixed(data, path: path, plan, parser: parser) else { return [] }
        let (bom, lines, changes, standing, adding) = (fixedText.bom, fixedText.lines, fixedText.changes,
                                                      fixedText.standing, fixedText.adding)
        report.refused += fixedText.refusals
        if fixedText.misplaced {
            report.refused.append(Refusal(path: path, reason: .changedMeanwhile))
            return []
        }
        guard !changes.isEmpty else { return standing }
        if dirty.contains(path) {
            if !report.skipped.contains(path) { report.skipped.append(path) }
            return []
        }
        let content = (bom ? "\u{FEFF}" : "") + lines.joined(separator: "\n")
        do {
            // Replaced only if the file still holds the bytes the fixes were computed from.
            try AtomicFile.replace(Data(content.utf8), at: url, inside: journal.root, expecting: data,
                                   beforeCheck: beforeReplacing.map { hook in { hook(path) } })
        } catch let failure as AtomicFile.Failure {
            let reason: Refusal.Reason
            switch failure {
            case .changedMeanwhile: reason = .changedMeanwhile
            case .linkOutside: reason = .linkOutside
            case .notRegular, .hardLinked: reason = .notRegularFile
            case .ownerNotKept: reason = .ownerNotKept
            case .exists, .io, .journalFile: reason = .unwritable(failure.reason)
            }
            report.refused.append(Refusal(path: path, reason: reason))
            return []
        } catch {
            let reason = ErrorText.describe(error, in: .en) ?? "\(type(of: error))"
            report.refused.append(Refusal(path: path, reason: .unwritable(reason)))
            return []
        }
        report.changes += changes
        return standing + adding
    }

    /// A list item's line (`-`, `*`, `+` or a number), possibly in a quote.
    static func isItem(_ line: String) -> Bool {
        let start = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        return start.first.map { "-*+".contains($0) || $0.isNumber } ?? false
    }

    /// `key: 18/03/2026 10h00` → `key: 2026-03-18 10:00` (quotes and comments kept).
    static func isoHeaderLine(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let head = line[...colon]
        var value = line[line.index(after: colon)...]
        var comment = ""
        if let hash = value.range(of: " #") {
            comment = String(value[hash.lowerBound...])
            value = value[..<hash.lowerBound]
        }
        let leading = value.prefix(while: { $0 == " " })
        var core = value.dropFirst(leading.count)
        let carriage = core.hasSuffix("\r")
        if carriage { core = core.dropLast() }
        let trailing = core.reversed().prefix(while: { $0 == " " })
        core = core.dropLast(trailing.count)
        var quote = ""
        if let first = core.first, first == "\"" || first == "'", core.count >= 2, core.last == first {
            quote = String(first)
            core = core.dropFirst().dropLast()
        }
        guard let iso = isoDate(String(core)) else { return line }
        return head + leading + quote + iso + quote + String(trailing) + comment + (carriage ? "\r" : "")
    }

    /// Inside `[key:: value]`, a French date becomes ISO.
    static func isoFields(_ line: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let open = rest.range(of: "::") {
            result += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "]") else { break }
            let value = rest[..<close]
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if let iso = isoDate(trimmed) {
                result += value.replacingOccurrences(of: trimmed, with: iso)
            } else {
                result += value
            }
            rest = rest[close...]
        }
        return result + rest
    }

    /// `📅 2026-04-01` → `[due:: 2026-04-01]`, and ✅ → done, 🆔 → id, each field read as the
    /// parser reads it. Only a line whose every such field has a value of its kind (a date, an
    /// id) is rewritten; otherwise (`📅📅`, `✅📅🆔`, `📅 demain`) it is returned as it is, with
    /// the emoji of the first field that could not be rewritten: the coach completes it.
    static func emojiFields(_ line: String) -> (line: String, left: String?) {
        // A CRLF line keeps its carriage return, which is no part of the last field's value.
        let fields = ItemLine.emojiFields(inLine: line).filter { Self.emojiKeys[$0.key] != nil }.map { field in
            field.value.hasSuffix("\r")
                ? (range: field.range.lowerBound..<(field.range.upperBound - 1), key: field.key, value: String(field.value.dropLast()))
                : field
        }
        guard !fields.isEmpty else { return (line, nil) }
        for field in fields {
            let valid = field.key == "id" ? ClientID.isValidItemID(field.value)
                                          : (try? DateValue.parse(field.value).get()) != nil
            if !valid { return (line, Self.emojiKeys[field.key]) }
        }
        var bytes = Array(line.utf8)
        for field in fields.reversed() {
            bytes.replaceSubrange(field.range, with: Array("[\(field.key):: \(field.value)]".utf8))
        }
        return (String(decoding: bytes, as: UTF8.self), nil)
    }

    /// `[due:: 2026-04-01]` → `📅 2026-04-01` (and done, completion → ✅, id → 🆔), for a journal
    /// in Tasks' emoji format. A field whose value is not of its kind stays as it is.
    static func fieldEmoji(_ line: String) -> String {
        let emoji = ["due": "\u{1F4C5}", "done": "\u{2705}", "completion": "\u{2705}", "id": "\u{1F194}"]
        let fields = ItemLine.dataviewFields(inLine: line).filter { field in
            guard emoji[field.key] != nil else { return false }
            return field.key == "id" ? ClientID.isValidItemID(field.value) : (try? DateValue.parse(field.value).get()) != nil
        }
        guard !fields.isEmpty else { return line }
        var bytes = Array(line.utf8)
        for field in fields.reversed() {
            bytes.replaceSubrange(field.range, with: Array("\(emoji[field.key]!) \(field.value)".utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The Tasks fields `--fix` rewrites, with their emoji.
    static let emojiKeys = ["due": "\u{1F4C5}", "done": "\u{2705}", "id": "\u{1F194}"]

    /// The ISO spelling of a French date, or nil when `text` is not one.
    static func isoDate(_ text: String) -> String? {
        guard text.contains("/"), case .success(let date) = DateValue.parse(text), date.form == .french else {
            return nil
        }
        guard let time = date.time else { return date.date.description }
        return date.date.description + " " + LocalDate.pad(time.hour, 2) + ":" + LocalDate.pad(time.minute, 2)
    }

    /// An id from a commitment's first words: lower case, no accents, `[a-z0-9-]`, ≤ 32.
    static func slug(_ text: String, avoiding taken: Set<String>) -> String {
        let words = TextFold.fold(text).split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        var base = ""
        for word in words {
            let next = base.isEmpty ? String(word) : base + "-" + word
            if next.count > 28 { break }
            base = next
        }
        if base.isEmpty { base = "engagement" }
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

}
