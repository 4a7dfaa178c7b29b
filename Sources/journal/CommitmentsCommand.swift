import ArgumentParser
import Foundation
import JournalKit

struct CommitmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "List commitments with their status, due date, odds and history, and each client's next date.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only this client.") var client: String?
    @Option(name: .long, help: "Only this status: open, done, partial, dropped, carried.") var status: String?
    @Option(name: .long, help: "Only commitments owned by: client, coach, sponsor.") var owner: String?
    @Flag(name: .long, help: "Only open commitments past their due date.") var overdue = false

    func run() throws {
        let journal = try global.openJournal()
        let fr = try global.language(journal) == .fr
        let today = try global.todayDate(zone: journal.config.timezone).date.description
        let status = try self.status.map { text -> String in
            guard let value = ItemStatus.parse(text) else {
                throw ValidationError(fr ? "--status « \(text) » : utilisez open, done, partial, dropped ou carried (ou ouvert, fait, partiel, abandonné, reporté)"
                                         : "--status “\(text)”: use open, done, partial, dropped or carried")
            }
            return value.rawValue
        }
        let owner = try self.owner.map { text -> String in
            guard let value = Party(spelling: text) else {
                throw ValidationError(fr ? "--owner « \(text) » : utilisez client, coach ou sponsor"
                                         : "--owner “\(text)”: use client, coach or sponsor")
            }
            return value.rawValue
        }
        let commitments: [ResolvedCommitment]
        let clients: [ResolvedClient]
        do {
            let store = try IndexStore.open(journal)
            Output.diagnostics(try store.update().diagnostics.filter { $0.severity == .error }, (fr ? .fr : .en))
            (clients, commitments) = try store.clientsAndCommitments()
        } catch {
            Output.fail(error, fr ? .fr : .en)
        }
        if let client, !clients.contains(where: { $0.id == client }), !commitments.contains(where: { $0.client == client }) {
            Output.fail(fr ? "il n'y a pas de client `\(client)` dans ce journal" : "there is no client `\(client)` in this journal")
        }
        let isOpen: (ResolvedCommitment) -> Bool = { ["open", "partial", "carried"].contains($0.status) }
        let shown = commitments.filter { item in
            (client == nil || item.client == client)
                && (status == nil || item.status == status)
                && (owner == nil || item.owner == owner)
                && (!overdue || (isOpen(item) && (item.due ?? "9999") < today))
        }
        let byClient = Dictionary(grouping: shown, by: { $0.client ?? "" })
        let symbols = ["open": "[ ]", "done": "[x]", "partial": "[/]", "dropped": "[-]", "carried": "[>]"]
        for id in byClient.keys.sorted() {
            let items = byClient[id]!
            let record = clients.first { $0.id == id }
            let next = record?.next
            var header = id.isEmpty ? (fr ? "(sans client)" : "(no client)") : id
            if let next {
                if next >= today {
                    header += fr ? "  · prochain rendez-vous \(next)" : "  · next appointment \(next)"
                } else {
                    header += fr ? "  · date fixée \(next), passée" : "  · date fixed \(next), past"
                }
            }
            if let streak = record?.missStreak, streak >= 2 {
                header += fr ? "  · \(streak) revues manquées d'affilée" : "  · missed at \(streak) reviews in a row"
            }
            Output.line(Output.colour ? "\u{1B}[1m\(header)\u{1B}[0m" : header)
            for item in items {
                var columns = ["  " + (symbols[item.status] ?? "[?]"), item.id]
                if let due = item.due {
                    let late = isOpen(item) && due < today
                    columns.append((fr ? "échéance " : "due ") + due + (late ? (fr ? " (en retard)" : " (late)") : ""))
                }
                if let odds = item.odds { columns.append((fr ? "cote " : "odds ") + odds) }
                if item.owner != "client" { columns.append(fr ? "par: \(item.owner)" : "by: \(item.owner)") }
                columns.append(item.text)
                Output.line(columns.joined(separator: "  "))
                for statement in item.history {
                    var text = "        \(statement.date ?? "?") \(symbols[statement.status] ?? "")"
                    if let reason = statement.reason { text += " (\(reason))" }
                    if statement.isMiss { text += fr ? " manqué" : " missed" }
                    Output.line(text)
                }
            }
            Output.line("")
        }
        if shown.isEmpty { Output.line(fr ? "Aucun engagement ne correspond." : "No commitment matches.") }
    }
}
