import ArgumentParser
import Foundation
import JournalKit

/// The sponsor report: only what the client's `disclosure` allows.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The sponsor report: only what the client's `disclosure` allows, never anything of the sessions.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The client id (its folder under clients/).") var client: String
    @Option(name: .long, help: "md (Markdown) or html (a standalone page).") var format: Format = .md
    @Option(name: .long, help: "Write to this file instead of standard output.") var out: String?
    @Flag(name: .long, help: "With --out: replace an existing file.") var force = false

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        let today = try global.todayDate(zone: journal.config.timezone).date
        let text: String
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            let report = try SponsorReport(book: loaded.book, client: client, today: today)
            text = format == .html ? try report.html(language: language, journal: journal)
                                   : try report.markdown(language: language, journal: journal)
            // The last check, on the text as the sponsor will read it.
            try OutputCheck.report(text, html: format == .html, report: report, book: loaded.book, journal: journal)
            if let out {
                try ExportFile.write(text, to: out, force: force, journalRoot: journal.root, process: journal.process)
                Output.line(out.escapingControls)
                return
            }
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        Output.write(text)
    }
}
