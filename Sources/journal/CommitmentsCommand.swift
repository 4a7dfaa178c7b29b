import ArgumentParser
import Foundation
import JournalKit

struct CommitmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "List commitments with their status, due date, odds and history, and each client's next date, done rate and miss streak.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only this client.") var client: String?
    @Option(name: .long, help: "Only this status: open, done, partial, dropped, carried.") var status: Checked<ItemStatus>?
    @Option(name: .long, help: "Only commitments owned by: client, coach, sponsor.") var owner: Checked<Party>?
    @Flag(name: .long, help: "Only open commitments past their due date.") var overdue = false
    @OptionGroup var output: ListFormat

    func validate() throws {
        try global.check(status, "--status")
        try global.check(owner, "--owner")
    }

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let today = global.todayDate(zone: journal.config.timezone).date
        let summary: CommitmentSummary
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            summary = try CommitmentSummary(
                book: loaded.book,
                query: .init(client: client, status: status?.value, owner: owner?.value, overdue: overdue), today: today)
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        switch output.format {
        case .text: Output.write(summary.text(language: language, colour: Output.colour))
        case .json: Output.write(summary.json())
        }
    }
}
