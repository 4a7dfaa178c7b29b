import ArgumentParser
import Foundation
import JournalKit

/// For now the structural checks the parser and the index make; the practice rules come with
/// the lint catalogue.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the notes (structural checks: front-matter, fields, markers, ids, refs).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Exit 1 on warnings too.") var strict = false
    @Flag(name: .long, help: "Check what is staged in git (used by the pre-commit hook).") var staged = false
    @Option(name: .long, help: "text (default) or json.") var format: Format = .text

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
        diagnostics = journal.config.applyingRuleSettings(diagnostics)
        switch format {
        case .text:
            Output.diagnostics(diagnostics, language)
        case .json:
            Output.line(JSONOutput.diagnostics(diagnostics, language))
        }
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(1) }
    }
}
