import ArgumentParser
import Foundation
import JournalKit

/// The language server: the editor starts it and talks to it over standard input and output.
struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve diagnostics, completion, hover and fixes to an editor (Language Server Protocol over stdio).",
        discussion: "Started by the editor, not by hand: docs/editors.md shows how to attach it in Neovim, VS Code, Helix and Zed.")

    @Flag(name: .long, help: "Accepted for the editors that pass it: standard input and output is the only transport.") var stdio = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        // A client that goes away must end the server by a failed write, not by a signal.
        signal(SIGPIPE, SIG_IGN)
        let language = global.lang?.value
        let environment = ProcessInfo.processInfo.environment
        let fixed = global.today != nil || !(environment["JOURNAL_TODAY"] ?? "").isEmpty
        let today = fixed ? global.todayDate(zone: .current).date : nil
        let options = LanguageServer.Options(explicitJournal: global.journal, process: .current,
                                             today: today, language: language)
        let code = LanguageServer.serve(options: options)
        if code != 0 { throw ExitCode(code) }
    }
}
