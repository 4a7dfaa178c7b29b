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

    @Option(name: .long, help: "md (a Markdown table, readable as it is) or csv (for a spreadsheet).") var format: Format = .md
    @Option(name: .long, help: "With --format csv: excel-fr (`;`, decimal comma, UTF-8 byte order mark: the default for a French journal) or rfc4180 (`,`, decimal point: the default in English).")
    var csvStyle: CSVStyleArgument?
    @Option(name: .long, help: "Write to this file instead of standard output.") var out: String?
    @Flag(name: .long, help: "With --out: replace an existing file.") var force = false

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            let log = HoursLog(book: loaded.book, archived: HoursArchive.load(root: journal.root))
            let text = format == .csv ? log.csv(language: language, style: csvStyle?.style)
                                      : log.markdown(language: language, coach: journal.config.coach)
            try OutputCheck.hours(text, book: loaded.book)
            if let out {
                try ExportFile.write(text, to: out, force: force, journalRoot: journal.root, process: journal.process)
                Output.line(out.escapingControls)
            } else {
                Output.write(text)
            }
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
    }
}

/// `--csv-style`, for the argument parser.
enum CSVStyleArgument: String, ExpressibleByArgument, CaseIterable {
    case excelFR = "excel-fr", rfc4180

    var style: HoursLog.CSVStyle { self == .excelFR ? .excelFR : .rfc4180 }
}
