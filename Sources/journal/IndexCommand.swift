import ArgumentParser
import Foundation
import JournalKit

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Update the index of commitments, objectives and next dates (in .journal/).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the whole index as JSON (the documented contract).")
    var json = false

    @Flag(name: .long, help: "Forget the index and read every note again.")
    var rebuild = false

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let report: IndexStore.Report
        let store: IndexStore
        do {
            store = try openIndex(journal, language)
            report = try store.update(rebuild: rebuild, progress: Progress.reporter(Message("reading notes:", fr: "lecture des notes :").in(language)))
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        Progress.finish()
        if report.repaired {
            Output.error(Message("journal: the index was damaged: it was set aside (.journal/index.sqlite.damaged) and built again from the notes",
                             fr: "journal: l'index était endommagé : il a été mis de côté (.journal/index.sqlite.damaged) et reconstruit à partir des notes").in(language))
        }
        Output.diagnostics(report.diagnostics, (language))
        if json {
            do {
                FileHandle.standardOutput.write(Data(try store.json().utf8))
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
            return
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        Output.line(Message("\(report.files) notes, \(report.parsed) read again, \(report.removed) removed\(report.rebuilt ? " (index rebuilt)" : "").",
                            fr: "\(report.files) notes, \(report.parsed) lues à nouveau, \(report.removed) retirées\(report.rebuilt ? " (index reconstruit)" : "").").in(language))
        if errors + warnings > 0 {
            Output.line(Message("\(errors) error(s), \(warnings) warning(s): see above.",
                            fr: "\(errors) erreur(s), \(warnings) avertissement(s) : voir ci-dessus.").in(language))
        }
    }
}
