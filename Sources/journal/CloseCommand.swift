import ArgumentParser
import Foundation
import JournalKit

/// Closes a case in its case file: `status`, `closed`, `outcome`, nothing else.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a case: set status: closed, closed and outcome in its case file, and nothing else.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The client id.") var client: String
    @Option(name: .long, help: "How the coaching ended, in one sentence.") var outcome: String
    @Option(name: .long, help: "The closing day (YYYY-MM-DD; default: today).") var date: Checked<DateValue>?
    @Flag(name: .long, help: "Even when git says the case file has uncommitted changes.") var force = false

    func validate() throws {
        try global.check(date, "--date")
    }

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let day = (date?.value ?? global.todayDate(zone: journal.config.timezone)).date
        let result: CaseCloser.Outcome
        do {
            let store = try openIndex(journal, language)
            let loaded = try CaseBook.load(from: store)
            result = try CaseCloser(journal: journal).close(book: loaded.book, client: client, outcome: outcome,
                                                            date: day, force: force)
            _ = try store.update()
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        Output.line(result.path.escapingControls + (Message(":", fr: " :").in(language)))
        for change in result.changes {
            if let before = change.before, before == change.after {
                Output.line("  " + change.after.escapingControls + (Message("  (unchanged)", fr: "  (inchangé)").in(language)))
            } else if let before = change.before {
                Output.line("  " + before.replacingOccurrences(of: "\n", with: " ").escapingControls + "  →  " + change.after.escapingControls)
            } else {
                Output.line("  + " + change.after.escapingControls + (Message("  (added)", fr: "  (ajouté)").in(language)))
            }
        }
        if !result.openCommitments.isEmpty {
            let ids = result.openCommitments.map(\.id).joined(separator: ", ")
            Output.error((Message("warning: \(result.openCommitments.count) commitment(s) still open: \(ids): settle with the client what becomes of them, or mark them dropped ([-]) in a last note",
                              fr: "attention : \(result.openCommitments.count) engagement(s) encore ouvert(s) : \(ids) : voyez avec le client ce qu'ils deviennent, ou notez-les abandonnés ([-]) dans une dernière note").in(language)).escapingControls)
        }
        for appointment in result.standingAppointments {
            let when = appointment.description.replacingOccurrences(of: "T", with: " ")
            Output.error(Message("warning: an appointment is still fixed on \(when): cancel it with the client and in your calendar",
                             fr: "attention : un rendez-vous est encore fixé le \(when) : annulez-le auprès du client et dans votre agenda").in(language))
        }
    }
}
