import ArgumentParser
import Foundation
import JournalKit

/// `--format text|json`, for the commands that print a list (agenda, commitments, show, search,
/// retention, lint): the text for the coach, the JSON for a program.
struct ListFormat: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "text or json.") var format: Format = .text
}

/// `--out FILE` and `--force`, for the commands that write a document (hours, report, summarize).
struct OutputFile: ParsableArguments {
    @Option(name: .long, help: "Write to this file instead of standard output.") var out: String?
    @Flag(name: .long, help: "With --out: replace an existing file.") var force = false

    /// Writes `text` to `--out` (atomically, never over a note of the journal); false without
    /// `--out`, when the caller prints it.
    func write(_ text: String, journal: Journal) throws -> Bool {
        guard let out else { return false }
        try ExportFile.write(text, to: out, force: force, journalRoot: journal.root, process: journal.process)
        return true
    }
}
