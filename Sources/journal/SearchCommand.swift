import ArgumentParser
import Foundation
import JournalKit

/// Full-text search across the journal, accents and case folded.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find where something was written: words (accents and case folded), \"phrases\", prefixes*; results as path:line: text, most recent first.")

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .remaining, help: "Words (all required), \"a phrase\", or a prefix ending in *.") var query: [String] = []
    @Option(name: .long, help: "Only this client's notes.") var client: String?
    @Option(name: .long, help: "Only notes of this type: session, chemistry, three-way, supervision, client.") var type: Checked<DocumentType>?
    @Option(name: .long, help: "Only notes dated on or after this day.") var since: Checked<DateValue>?
    @Option(name: .long, help: "Only notes dated on or before this day.") var until: Checked<DateValue>?
    @Option(name: .long, help: "Only this section: commitments, objectives, review, themes, header, private.") var section: Checked<SectionName>?
    @Flag(name: .long, help: "Leave private sections and comments out.") var noPrivate = false
    @Option(name: .long, help: "At most N results.") var limit: Int?
    @OptionGroup var output: ListFormat

    func validate() throws {
        try global.check(type, "--type")
        try global.check(since, "--since")
        try global.check(until, "--until")
        try global.check(section, "--section")
        if let limit, limit < 1 {
            throw CommandFailure.couldNotRun(Message("--limit must be a positive number", fr: "--limit doit être un nombre positif"),
                                             global.messageLanguage)
        }
    }

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let search = SearchQuery(text: query.joined(separator: " "), client: client, type: type?.value,
                                 since: since?.value?.date, until: until?.value?.date, section: section?.value?.name,
                                 includePrivate: !noPrivate, limit: limit)
        guard search.hasWords else {
            throw CommandFailure.couldNotRun(Message("what to search for? give at least one word (journal search team)", fr: "que chercher ? donnez au moins un mot (journal search équipe)").in(language))
        }
        let hits: [SearchHit]
        do {
            let store = try openIndex(journal, language)
            let report = try store.update()
            Output.diagnostics(report.diagnostics.filter { $0.severity == .error }, language)
            if let client = search.client {
                let known = try store.knownClients()
                if !known.contains(client) {
                    throw UnknownClient(client, nearest: SearchQuery.nearest(to: client, among: known))
                }
            }
            hits = try store.search(search)
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        switch output.format {
        case .json: Output.write(SearchHit.json(hits))
        case .text:
            for hit in hits { Output.line(hit.formatted(language: language, colour: Output.colour)) }
            if hits.isEmpty { Output.error(Message("no match", fr: "aucun résultat").in(language)) }
        }
    }
}
