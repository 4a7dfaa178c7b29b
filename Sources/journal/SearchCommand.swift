import ArgumentParser
import Foundation
import JournalKit

/// Full-text search across the journal, accents and case folded.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find where something was written: words (accents and case folded), \"phrases\", prefixes*; results as path:line: text, most recent first.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .remaining, help: "Words (all required), \"a phrase\", or a prefix ending in *.") var query: [String] = []
    @Option(name: .long, help: "Only this client's notes.") var client: String?
    @Option(name: .long, help: "Only notes of this type: session, chemistry, three-way, supervision, client.") var type: String?
    @Option(name: .long, help: "Only notes dated on or after this day.") var since: String?
    @Option(name: .long, help: "Only notes dated on or before this day.") var until: String?
    @Option(name: .long, help: "Only this section: commitments, objectives, review, themes, header, private.") var section: String?
    @Flag(name: .long, help: "Leave private sections and comments out.") var noPrivate = false
    @Option(name: .long, help: "At most N results.") var limit: Int?
    @Option(name: .long, help: "text or json.") var format: Format = .text

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        let fr = language == .fr
        func day(_ text: String?, _ option: String) throws -> LocalDate? {
            guard let text else { return nil }
            switch DateValue.parse(text) {
            case .success(let value): return value.date
            case .failure(let error): throw ValidationError("\(option): " + (fr ? error.frenchMessage : error.message))
            }
        }
        let type = try self.type.map { text -> DocumentType in
            guard let value = DocumentType(spelling: text) else {
                throw ValidationError(fr ? "--type « \(text) » : utilisez session, chemistry, three-way, supervision ou client"
                                         : "--type “\(text)”: use session, chemistry, three-way, supervision or client")
            }
            return value
        }
        let section = try self.section.map { text -> String in
            guard let value = SearchQuery.section(named: text) else {
                throw ValidationError(fr ? "--section « \(text) » : utilisez commitments, objectives, review, themes, header ou private (ou engagements, objectifs, revue, thèmes, privé)"
                                         : "--section “\(text)”: use commitments, objectives, review, themes, header or private")
            }
            return value
        }
        if let limit, limit < 1 { throw ValidationError(fr ? "--limit doit être un nombre positif" : "--limit must be a positive number") }
        let search = SearchQuery(text: query.joined(separator: " "), client: client, type: type,
                                 since: try day(since, "--since"), until: try day(until, "--until"), section: section,
                                 includePrivate: !noPrivate, limit: limit)
        guard search.hasWords else {
            throw ValidationError(fr ? "que chercher ? donnez au moins un mot (journal search équipe)" : "what to search for? give at least one word (journal search team)")
        }
        let hits: [SearchHit]
        do {
            let store = try openIndex(journal, language)
            let report = try store.update()
            Output.diagnostics(report.diagnostics.filter { $0.severity == .error }, language)
            if let client = search.client {
                let known = try store.knownClients()
                if !known.contains(client) {
                    Output.fail(CaseView.Failure.unknownClient(client, nearest: SearchQuery.nearest(to: client, among: known)), language)
                }
            }
            hits = try store.search(search)
        } catch {
            Output.fail(error, language)
        }
        switch format {
        case .json: Output.write(SearchHit.json(hits))
        case .text:
            for hit in hits { Output.line(hit.formatted(language: language, colour: Output.colour)) }
            if hits.isEmpty { Output.error(fr ? "aucun résultat" : "no match") }
        }
    }
}
