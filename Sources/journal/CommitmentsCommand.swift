import ArgumentParser
import Foundation
import JournalKit

struct CommitmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "List commitments with their status, due date, odds and history, and each client's next date, done rate and miss streak.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only this client.") var client: String?
    @Option(name: .long, help: "Only this status: open, done, partial, dropped, carried.") var status: String?
    @Option(name: .long, help: "Only commitments owned by: client, coach, sponsor.") var owner: String?
    @Flag(name: .long, help: "Only open commitments past their due date.") var overdue = false
    @Option(name: .long, help: "text or json.") var format: Format = .text

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        let fr = language == .fr
        let today = try global.todayDate(zone: journal.config.timezone).date
        let status = try self.status.map { text -> ItemStatus in
            guard let value = ItemStatus.parse(text) else {
                throw ValidationError(fr ? "--status « \(text) » : utilisez open, done, partial, dropped ou carried (ou ouvert, fait, partiel, abandonné, reporté)"
                                         : "--status “\(text)”: use open, done, partial, dropped or carried")
            }
            return value
        }
        let owner = try self.owner.map { text -> Party in
            guard let value = Party(spelling: text) else {
                throw ValidationError(fr ? "--owner « \(text) » : utilisez client, coach ou sponsor"
                                         : "--owner “\(text)”: use client, coach or sponsor")
            }
            return value
        }
        let summary: CommitmentSummary
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            summary = try CommitmentSummary(
                book: loaded.book,
                query: .init(client: client, status: status, owner: owner, overdue: overdue), today: today)
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        switch format {
        case .text: Output.write(summary.text(language: language, colour: Output.colour))
        case .json: Output.write(summary.json())
        }
    }
}
