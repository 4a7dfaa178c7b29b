import ArgumentParser
import Foundation
import JournalKit

/// What needs the coach's attention, most urgent first; `--ics` writes the calendar instead.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "What needs your attention: coming appointments, overdue commitments, miss streaks, clients with no next date or past their cadence.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "List the appointments of today and the N days after.") var days = 7
    @OptionGroup var output: ListFormat
    @Option(name: .long, help: "Only this client's appointments, commitments and lapses.") var client: String?
    @Option(name: .long, help: "Write an iCalendar file (RFC 5545) of the appointments and of your own dated commitments; - for standard output.")
    var ics: String?
    @Flag(name: .long, help: "With --ics: name clients in full and give your commitments' text (default: initials only, no note content).")
    var names = false
    @Flag(name: .long, help: "With --ics: replace an existing file.") var force = false

    func validate() throws {
        guard days >= 0, days <= 3660 else {
            throw CommandFailure.couldNotRun(Message("--days must be a number of days from 0 to 3660",
                                                     fr: "--days doit être un nombre de jours entre 0 et 3660"), global.messageLanguage)
        }
        // The calendar is the whole practice's: narrowing it silently would drop appointments.
        if ics != nil, client != nil {
            throw CommandFailure.couldNotRun(Message("--client does not go with --ics: the exported calendar holds every appointment",
                                                     fr: "--client ne va pas avec --ics : le calendrier exporté contient tous les rendez-vous"),
                                             global.messageLanguage)
        }
    }

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let today = global.todayDate(zone: journal.config.timezone).date
        let book: CaseBook
        do {
            let loaded = try CaseBook.load(from: openIndex(journal, language))
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            book = loaded.book
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        if let ics {
            let secret: JournalSecret
            do {
                secret = try JournalSecret.load(root: journal.root, process: journal.process)
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
            if let notice = secret.notice(in: language) { Output.error("note: " + notice) }
            let calendar = ICalendar(book: book, today: today, names: names, language: language, secret: secret)
            do {
                try OutputCheck.calendar(calendar.text, book: book, journal: journal, names: names)
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
            if ics == "-" {
                FileHandle.standardOutput.write(Data(calendar.text.utf8))
                return
            }
            do {
                try ExportFile.write(calendar.text, to: ics, force: force, journalRoot: journal.root, process: journal.process)
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
            Output.line(Message("\(ics.escapingControls): \(calendar.events) appointment(s), \(calendar.todos) coach commitment(s)",
                            fr: "\(ics.escapingControls) : \(calendar.events) rendez-vous, \(calendar.todos) engagement(s) du coach").in(language))
            return
        }
        let client = self.client.map(ClientID.normalized)
        if let client, !book.hasClient(client) {
            throw CommandFailure.couldNotRun(UnknownClient(client, nearest: book.nearestClient(to: client)), language)
        }
        let agenda = Agenda(book: book, today: today, days: days, client: client)
        switch output.format {
        case .text: Output.write(agenda.text(language: language, colour: Output.colour))
        case .json: Output.write(agenda.json())
        }
    }
}
