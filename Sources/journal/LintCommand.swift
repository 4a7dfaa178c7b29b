import ArgumentParser
import Foundation
import JournalKit

/// Checks the notes against the catalogue (LintCatalogue), from the index.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the notes against good coaching practice and the note format.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Exit 1 on warnings too.") var strict = false
    @Flag(name: .long, help: "Check what is staged in git (used by the pre-commit hook).") var staged = false
    @Option(name: .long, help: "text (default) or json.") var format: Format = .text
    @Flag(name: .long, help: "List every rule: id, default severity, summary.") var listRules = false

    func run() throws {
        if listRules {
            let language = (try? global.language(nil)) ?? .fr
            let journal = try? Journal.locate(explicit: global.journal, environment: ProcessInfo.processInfo.environment,
                                              workingDirectory: FileManager.default.currentDirectoryPath)
            Output.line(LintRuleList.text(global.lang == nil ? journal?.config.language ?? language : language))
            return
        }
        let journal = try global.openJournal()
        let language = try global.language(journal)
        let today = try global.todayDate(zone: journal.config.timezone).date
        var diagnostics: [Diagnostic]
        do {
            if staged {
                diagnostics = journal.config.applyingRuleSettings(try StagedLinter(journal: journal).lint())
            } else {
                diagnostics = try LintEngine(journal: journal).run(
                    today: today, progress: Progress.reporter(language == .fr ? "lecture des notes :" : "reading notes:"))
                Progress.finish()
            }
        } catch {
            Output.fail(error, language)
        }
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
