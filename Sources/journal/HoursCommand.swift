import ArgumentParser
import Foundation
import JournalKit

/// The coach's hours log, for a professional coaching body's credential.
struct HoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours",
        abstract: "Your hours log: client (or a pseudonym without consent), sponsor organisation, first and last session, sessions held, hours, with totals.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "md (a Markdown table, readable as it is) or csv (RFC 4180).") var format: Format = .md
    @Option(name: .long, help: "Write to this file instead of standard output.") var out: String?
    @Flag(name: .long, help: "With --out: replace an existing file.") var force = false

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            let log = HoursLog(book: loaded.book)
            let text = format == .csv ? log.csv(language: language)
                                      : log.markdown(language: language, coach: journal.config.coach)
            if let out {
                try ExportFile.write(text, to: out, force: force)
                Output.line(out)
            } else {
                Output.write(text)
            }
        } catch {
            Output.fail(error, language)
        }
    }
}
