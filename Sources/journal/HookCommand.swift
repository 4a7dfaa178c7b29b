import ArgumentParser
import Foundation
import JournalKit

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook", abstract: "Manage the git pre-commit check.", subcommands: [Install.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Add the pre-commit hook that runs `journal lint --staged` to the journal's repository.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let journal = try global.openJournal()
            let language = global.language(journal)
            do {
                let report = try Initializer(root: journal.root, language: language, executable: Executable.path, process: .current).installHook()
                for note in report.notes { Output.error("note: " + note.message.in(language).escapingControls) }
                if report.hookInstalled {
                    Output.line(Message("hook     pre-commit: journal lint --staged", fr: "hook     pre-commit : journal lint --staged").in(language))
                }
                if report.hookUpgraded {
                    Output.line(Message("hook     pre-commit updated: journal lint --staged", fr: "hook     pre-commit mis à jour : journal lint --staged").in(language))
                }
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
        }
    }
}
