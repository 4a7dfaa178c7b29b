import ArgumentParser
import Foundation
import JournalKit

/// For now the structural checks the parser and the index make; the practice rules come with
/// the lint catalogue.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the notes (structural checks: front-matter, fields, markers, ids, refs).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Exit 1 on warnings too.") var strict = false
    @Flag(name: .long, help: "Check what is staged in git (used by the pre-commit hook).") var staged = false

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        var diagnostics: [Diagnostic]
        do {
            if staged {
                diagnostics = try StagedLinter(journal: journal).lint()
            } else {
                let store = try IndexStore.open(journal)
                diagnostics = try store.update().diagnostics
            }
        } catch {
            Output.fail(error, language)
        }
        Output.diagnostics(diagnostics, try global.language(journal))
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(1) }
    }
}
