import ArgumentParser
import Foundation
import JournalKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a folder a journal: journal.yml, clients/, .gitignore, git and its pre-commit check.")

    @Argument(help: "The folder (default: the current one). Created if missing.")
    var directory: String?

    @Option(name: .long, help: "Language of the journal: fr or en.")
    var lang: Checked<JournalConfig.Language>?

    func validate() throws {
        // No journal yet: refused in the locale's language.
        if let lang, lang.value == nil {
            throw CommandFailure.couldNotRun(JournalConfig.Language.problem(lang.text, option: "--lang"), Output.systemLanguage)
        }
    }

    func run() throws {
        let language = lang?.value ?? Output.systemLanguage
        let root = URL(fileURLWithPath: directory ?? ".",
                       relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let report: Initializer.Report
        do {
            report = try Initializer(root: root, language: language, executable: Executable.path, process: .current).run()
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        for item in report.created { Output.line((Message("created  ", fr: "créé     ").in(language)) + item.escapingControls) }
        if report.gitInitialised { Output.line(Message("git      repository initialised", fr: "git      dépôt initialisé").in(language)) }
        if report.hookInstalled {
            Output.line(Message("hook     pre-commit: journal lint --staged", fr: "hook     pre-commit : journal lint --staged").in(language))
        }
        if report.hookUpgraded {
            Output.line(Message("hook     pre-commit updated: journal lint --staged", fr: "hook     pre-commit mis à jour : journal lint --staged").in(language))
        }
        for note in report.notes { Output.error("note: " + note.message.in(language).escapingControls) }
        if report.created.isEmpty, !report.gitInitialised, !report.hookInstalled, !report.hookUpgraded {
            Output.line(Message("This folder is already a journal: nothing to do.", fr: "Ce dossier est déjà un journal : rien à faire.").in(language))
        } else {
            Output.line(Message("Journal ready in \(root.standardizedFileURL.path.escapingControls)", fr: "Journal prêt dans \(root.standardizedFileURL.path.escapingControls)").in(language))
        }
    }
}
