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
    var lang: String?

    func run() throws {
        let language: JournalConfig.Language
        if let lang {
            guard let value = JournalConfig.Language(rawValue: lang.lowercased()) else {
                throw ValidationError(Output.systemLanguage == .fr ? "--lang doit valoir fr ou en" : "--lang must be fr or en")
            }
            language = value
        } else {
            language = Output.systemLanguage
        }
        let root = URL(fileURLWithPath: directory ?? ".",
                       relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let report: Initializer.Report
        do {
            report = try Initializer(root: root, language: language, executable: Executable.path, process: .current).run()
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        let fr = language == .fr
        for item in report.created { Output.line((fr ? "créé     " : "created  ") + item.escapingControls) }
        if report.gitInitialised { Output.line(fr ? "git      dépôt initialisé" : "git      repository initialised") }
        if report.hookInstalled {
            Output.line(fr ? "hook     pre-commit : journal lint --staged" : "hook     pre-commit: journal lint --staged")
        }
        if report.hookUpgraded {
            Output.line(fr ? "hook     pre-commit mis à jour : journal lint --staged" : "hook     pre-commit updated: journal lint --staged")
        }
        for note in report.notes { Output.error("note: " + note.message(in: language).escapingControls) }
        if report.created.isEmpty, !report.gitInitialised, !report.hookInstalled, !report.hookUpgraded {
            Output.line(fr ? "Ce dossier est déjà un journal : rien à faire." : "This folder is already a journal: nothing to do.")
        } else {
            Output.line(fr ? "Journal prêt dans \(root.standardizedFileURL.path.escapingControls)" : "Journal ready in \(root.standardizedFileURL.path.escapingControls)")
        }
    }
}
