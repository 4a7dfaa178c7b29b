import ArgumentParser
import Foundation
import JournalKit

/// Checks the notes against the catalogue (LintCatalogue), from the index.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the notes against good coaching practice and the note format.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only report on these notes or folders (the whole journal is still read, so that rules see each case whole).")
    var paths: [String] = []

    @Flag(name: .long, help: "Exit 1 on warnings too.") var strict = false
    @Flag(name: .long, help: "Check what is staged in git (used by the pre-commit hook).") var staged = false
    @OptionGroup var output: ListFormat
    @Flag(name: .long, help: "List every rule: id, default severity, summary.") var listRules = false
    @Flag(name: .long, help: "Make the deterministic fixes (French dates to ISO, Tasks emoji to fields or fields to emoji as journal.yml's tasks.format says, explicit ids for commitments reviewed by FILE#N) and say what changed.")
    var fix = false
    @Flag(name: .long, help: "With --fix: also change files that have uncommitted changes in git.") var force = false

    func run() throws {
        if listRules {
            let journal = try? Journal.locate(explicit: global.journal, process: .current)
            Output.line(LintRuleList.text(global.language(journal)))
            return
        }
        let journal = try global.openJournal()
        let language = global.language(journal)
        let today = global.todayDate(zone: journal.config.timezone).date
        if fix {
            do {
                let report = try LintFixer(journal: journal).run(force: force)
                for change in report.changes {
                    Output.line("\(change.path.escapingControls):\(change.line): \(change.before.escapingControls) → \(change.after.escapingControls)")
                }
                for path in report.skipped {
                    Output.error(Message("\(path.escapingControls): not fixed, it has uncommitted changes (commit them, or use --force)",
                         fr: "\(path.escapingControls) : non corrigé, il a des modifications non commitées (commitez-les, ou --force)").in(language))
                }
                for refusal in report.refused {
                    Output.error(refusal.message(in: language).escapingControls)
                }
                let written = Set(report.changes.map(\.path)).count
                let notWritten = Set(report.skipped + report.refused.map(\.path)).count
                if notWritten > 0 {
                    // On a full disk some notes are written and others not: say which is which.
                    Output.error(Message("\(written) note(s) fixed and written (listed above); \(notWritten) left as they were",
                         fr: "\(written) note(s) corrigée(s) et écrite(s) (listées ci-dessus) ; \(notWritten) laissée(s) telle(s) quelle(s)").in(language))
                }
                if let reason = report.indexNotUpdated {
                    Output.error(Message("the fixes above are written in the notes, but the index could not be updated (\(reason.escapingControls)): the next command will update it",
                         fr: "les corrections ci-dessus sont écrites dans les notes, mais l'index n'a pas pu être mis à jour (\(reason.escapingControls)) : il le sera à la prochaine commande").in(language))
                }
                if report.changes.isEmpty && report.skipped.isEmpty && report.refused.isEmpty {
                    Output.line(Message("Nothing to fix automatically.", fr: "Rien à corriger automatiquement.").in(language))
                }
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
        }
        var diagnostics: [Diagnostic]
        var refused: [String] = []
        do {
            if staged {
                let outcome = try StagedLinter(journal: journal).lint()
                diagnostics = journal.config.applyingRuleSettings(outcome.diagnostics)
                refused = outcome.refused
            } else {
                let scopes = paths.isEmpty ? nil : try paths.map { try scope(of: $0, in: journal, language) }
                diagnostics = try LintEngine(journal: journal).run(
                    today: today, paths: scopes, store: try openIndex(journal, language),
                    progress: Progress.reporter(Message("reading notes:", fr: "lecture des notes :").in(language)))
                Progress.finish()
            }
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        switch output.format {
        case .text:
            Output.diagnostics(diagnostics, language)
        case .json:
            Output.line(JSONOutput.diagnostics(diagnostics, language))
        }
        for path in refused {
            Output.error(StagedLinter.refusal(path, in: language).escapingControls)
        }
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing || !refused.isEmpty { throw CommandFailure.problemsReported }
    }

    /// A path as the user typed it, relative to the journal; outside it, or when it names
    /// nothing, the command cannot run (a mistyped folder must not look like a clean one).
    /// A relative path is taken from the current folder, else from the journal's root (for
    /// `--journal DIR clients/x` run from elsewhere).
    private func scope(of path: String, in journal: Journal, _ language: JournalConfig.Language) throws -> String {
        let manager = FileManager.default
        let root = journal.root.standardizedFileURL.path
        var url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: manager.currentDirectoryPath))
            .standardizedFileURL.path
        if !manager.fileExists(atPath: url), !path.hasPrefix("/") {
            let fromRoot = URL(fileURLWithPath: path, relativeTo: journal.root).standardizedFileURL.path
            if manager.fileExists(atPath: fromRoot) { url = fromRoot }
        }
        guard manager.fileExists(atPath: url) else {
            throw CommandFailure.couldNotRun(Message("\(path) does not exist: give a note or a folder of the journal (\(root))",
                                         fr: "\(path) n'existe pas : donnez une note ou un dossier du journal (\(root))").in(language))
        }
        if url == root { return "" }
        guard url.hasPrefix(root + "/") else {
            throw CommandFailure.couldNotRun(Message("\(path) is not in the journal (\(root))", fr: "\(path) n'est pas dans le journal (\(root))").in(language))
        }
        return String(url.dropFirst(root.count + 1))
    }
}
