import ArgumentParser
import Foundation
import JournalKit

/// One case at a glance, for the coach before a session.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One case at a glance: status, contract, demand and need, objectives, next date, open commitments, misses, and every note (private parts marked).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The client id (its folder under clients/).") var client: String
    @OptionGroup var output: ListFormat

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let today = global.todayDate(zone: journal.config.timezone).date
        let view: CaseView
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            view = try CaseView(book: loaded.book, root: journal.root, client: client, today: today)
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        switch output.format {
        case .text: Output.write(view.text(language: language, colour: Output.colour))
        case .json: Output.write(view.json())
        }
    }
}
