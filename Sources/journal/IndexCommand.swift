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
        let fr = global.language(journal) == .fr
        let report: IndexStore.Report
        let store: IndexStore
        do {
            store = try openIndex(journal, fr ? .fr : .en)
            report = try store.update(rebuild: rebuild, progress: Progress.reporter(fr ? "lecture des notes :" : "reading notes:"))
        } catch {
            throw CommandFailure.couldNotRun(error, fr ? .fr : .en)
        }
        Progress.finish()
        if report.repaired {
            Output.error(fr ? "journal: l'index était endommagé : il a été mis de côté (.journal/index.sqlite.damaged) et reconstruit à partir des notes"
                            : "journal: the index was damaged: it was set aside (.journal/index.sqlite.damaged) and built again from the notes")
        }
        Output.diagnostics(report.diagnostics, (fr ? .fr : .en))
        if json {
            do {
                FileHandle.standardOutput.write(Data(try store.json().utf8))
            } catch {
                throw CommandFailure.couldNotRun(error, fr ? .fr : .en)
            }
            return
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        if fr {
            Output.line("\(report.files) notes, \(report.parsed) lues à nouveau, \(report.removed) retirées\(report.rebuilt ? " (index reconstruit)" : "").")
        } else {
            Output.line("\(report.files) notes, \(report.parsed) read again, \(report.removed) removed\(report.rebuilt ? " (index rebuilt)" : "").")
        }
        if errors + warnings > 0 {
            Output.line(fr ? "\(errors) erreur(s), \(warnings) avertissement(s) : voir ci-dessus."
                           : "\(errors) error(s), \(warnings) warning(s): see above.")
        }
    }
}
