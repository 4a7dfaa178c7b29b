import Foundation

/// `journal lint --fix`: only deterministic, reviewable rewrites, each reported.
///
/// - French dates (`18/03/2026 10h00`) become ISO (`2026-03-18 10:00`) in headers and fields;
/// - Obsidian Tasks' 📅, ✅ and 🆔 become `[due:: …]`, `[done:: …]` and `[id:: …]`;
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
    }

    /// A file left as it was, and why.
    public struct Refusal: Sendable, Hashable {
        public var path: String
        public var reason: Reason

        public enum Reason: Sendable, Hashable {
            /// The file changed between the moment it was read and the moment it would have been
            /// replaced (an editor saved it): its new content is kept, nothing of the fix is applied.
            case changedMeanwhile
            /// The file could not be written.
            case unwritable(String)
        }

        public func message(in language: JournalConfig.Language) -> String {
            let fr = language == .fr
            switch reason {
            case .changedMeanwhile:
                return fr ? "\(path) : non corrigé, le fichier a changé pendant la correction (vos modifications sont gardées ; relancez `journal lint --fix`)"
                          : "\(path): not fixed, the file changed while it was being fixed (your changes are kept; run `journal lint --fix` again)"
            case .unwritable(let reason):
                return fr ? "\(path) : non corrigé, il n'a pas pu être écrit (\(reason))"
                          : "\(path): not fixed, it could not be written (\(reason))"
            }
        }
    }

    public func run(force: Bool = false) throws -> Report {
        let store = try IndexStore.open(journal)
        _ = try store.update()
        var edits: [String: [Int: [(String, String)]]] = [:]
        func edit(_ path: String, _ line: Int, _ before: String, _ after: String) {
            edits[path, default: [:]][line, default: []].append((before, after))
        }
        // Implicit refs: the commitment gets an id, its reviews use it.
        for resolution in try store.resolutions() {
            var taken = Set(resolution.commitments.map(\.id))
            var rank: [String: Int] = [:]
            for commitment in resolution.commitments.sorted(by: { ($0.path, $0.line) < ($1.path, $1.line) }) {
                rank[commitment.path, default: 0] += 1
                let implicit = "\(Note.stem(of: commitment.path))#\(rank[commitment.path]!)"
                guard !commitment.history.isEmpty else { continue }
                var id = commitment.id
                if id == implicit {
                    id = Self.slug(commitment.text, avoiding: taken)
                    taken.insert(id)
                    edit(commitment.path, commitment.line, "", "  [id:: \(id)]")
                }
                // Also when an earlier --fix gave the id but could not rewrite every review.
                for statement in commitment.history {
                    edit(statement.path, statement.line, "[ref:: \(implicit)]", "[ref:: \(id)]")
                }
            }
        }
        let paths = Set(try store.documents().map(\.path)).union(edits.keys)
        var report = Report()
        let dirty = force ? [] : Self.uncommitted(in: journal.root)
        for path in paths.sorted() {
            let url = journal.root.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else { continue }
            // The byte-order mark is set aside by bytes: Foundation's decoding may drop it.
            let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
            guard let text = String(data: bom ? data.dropFirst(3) : data, encoding: .utf8) else { continue }
            // Split on the byte: as characters, "\r\n" is one and would not split at "\n".
            var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(Substring($0)) }
            var changes: [Change] = []
            var inHeader = lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---"
            for index in lines.indices {
                var line = lines[index]
                if index > 0, inHeader, ["---", "..."].contains(line.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    inHeader = false
                } else if index > 0, inHeader {
                    line = Self.isoHeaderLine(line)
                } else if !inHeader {
                    // Emoji are read as fields in list items only; elsewhere they are prose.
                    let start = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
                    let isItem = start.first.map { "-*+".contains($0) || $0.isNumber } ?? false
                    line = Self.isoFields(isItem ? Self.emojiFields(line) : line)
                }
                for (before, after) in edits[path]?[index + 1] ?? [] {
                    if before.isEmpty {
                        let carriage = line.hasSuffix("\r")
                        line = (carriage ? String(line.dropLast()) : line) + after + (carriage ? "\r" : "")
                    } else if let range = line.range(of: before) {
                        line.replaceSubrange(range, with: after)
                    }
                }
                if line != lines[index] {
                    changes.append(Change(path: path, line: index + 1,
                                          before: lines[index].trimmingCharacters(in: .whitespacesAndNewlines),
                                          after: line.trimmingCharacters(in: .whitespacesAndNewlines)))
                    lines[index] = line
                }
            }
            guard !changes.isEmpty else { continue }
            if dirty.contains(path) {
                report.skipped.append(path)
                continue
            }
            let fixed = (bom ? "\u{FEFF}" : "") + lines.joined(separator: "\n")
            do {
                // Replaced only if the file still holds the bytes the fixes were computed from.
                try AtomicFile.replace(Data(fixed.utf8), at: url, expecting: data,
                                       beforeCheck: beforeReplacing.map { hook in { hook(path) } })
            } catch AtomicFile.Failure.changedMeanwhile {
                report.refused.append(Refusal(path: path, reason: .changedMeanwhile))
                continue
            } catch let failure as AtomicFile.Failure {
                report.refused.append(Refusal(path: path, reason: .unwritable(failure.reason)))
                continue
            }
            report.changes += changes
        }
        _ = try store.update()
        return report
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

    /// `📅 2026-04-01` → `[due:: 2026-04-01]`, and ✅ → done, 🆔 → id.
    static func emojiFields(_ line: String) -> String {
        var line = line
        for (emoji, key) in [("\u{1F4C5}", "due"), ("\u{2705}", "done"), ("\u{1F194}", "id")] {
            while let range = line.range(of: emoji) {
                var end = range.upperBound
                while end < line.endIndex, line[end] == " " || line[end] == "\u{FE0F}" { end = line.index(after: end) }
                let valueEnd = line[end...].firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\r" }) ?? line.endIndex
                let value = line[end..<valueEnd]
                guard !value.isEmpty else { break }
                line.replaceSubrange(range.lowerBound..<valueEnd, with: "[\(key):: \(value)]")
            }
        }
        return line
    }

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

    /// Paths (relative to the journal) that git reports as modified, added or untracked.
    static func uncommitted(in root: URL) -> Set<String> {
        guard let git = Initializer.which("git"),
              let top = Initializer.output(git, ["-C", root.path, "rev-parse", "--show-toplevel"]),
              let data = Initializer.outputData(git, ["-C", root.path, "status", "--porcelain", "-z", "--untracked-files=all", "."])
        else { return [] }
        let prefix = StagedLinter.relativePrefix(of: root.path, in: top)
        var paths = Set<String>()
        for entry in String(decoding: data, as: UTF8.self).split(separator: "\0") where entry.count > 3 {
            let path = String(entry.dropFirst(3))
            if path.hasPrefix(prefix) { paths.insert(String(path.dropFirst(prefix.count))) }
        }
        return paths
    }
}
