import ArgumentParser
import Foundation
import JournalKit

/// The `journal` command: parses options, calls JournalKit, prints, and picks the exit code
/// (0 done, 1 a problem the coach must act on, 2 could not run).
@main
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Session notes for coaches: commitments, next dates and checks, from plain Markdown.",
        version: "0.1.0",
        subcommands: [InitCommand.self, NewCommand.self, IndexCommand.self, AgendaCommand.self,
                      CommitmentsCommand.self, SummarizeCommand.self, ReportCommand.self, HoursCommand.self,
                      ShowCommand.self, SearchCommand.self, CloseCommand.self, RetentionCommand.self,
                      LintCommand.self, HookCommand.self, LspCommand.self])

    static func main() {
        let ending = execute(Array(CommandLine.arguments.dropFirst()))
        if let clean = ending.clean { exit(withError: clean) }
        if let message = ending.message, !message.isEmpty {
            FileHandle.standardError.write(Data(("journal: " + message + "\n").utf8))
        }
        Foundation.exit(ending.code)
    }

    /// How a run ended: its exit code and what to say on the error output, or the parser's
    /// help or version to print (`clean`). `main` prints and exits; the tests look at it.
    struct Ending {
        var code: Int32
        /// One line (controls made visible), or the parser's own lines; nil or empty: nothing.
        var message: String?
        var clean: (any Error)?
    }

    /// Parses `arguments` (global options hoisted), runs the command, and tells how it ended,
    /// without exiting: 0 done, 1 a problem the coach must act on, 2 could not run.
    static func execute(_ arguments: [String]) -> Ending {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(hoistingGlobalOptions(arguments))
        } catch {
            let code = exitCode(for: error)
            if code == .success { return Ending(code: 0, clean: error) }
            // The parser says EXIT_FAILURE only for an error our `validate()` threw (a
            // `CommandFailure`, already in the coach's language): its message alone, on one line.
            if code == .failure { return Ending(code: 2, message: message(for: error).escapingControls) }
            // ArgumentParser exits 64 on bad arguments; docs/commands.md promises 2. Its message
            // is several lines (the error, then the usage): its line breaks are kept, every other
            // control character (from an argument) made visible.
            return Ending(code: 2, message: fullMessage(for: error).escapingControlsKeepingLines)
        }
        do {
            try command.run()
            return Ending(code: 0)
        } catch let failure as CommandFailure {
            return failure.ending
        } catch {
            let code = exitCode(for: error)
            if code == .success { return Ending(code: 0, clean: error) }
            if error is ExitCode { return Ending(code: code.rawValue) }
            // Errors of ours and of the system are told in words; the argument parser's by itself.
            let message = ErrorText.describe(error, in: Output.systemLanguage)?.escapingControls
                ?? fullMessage(for: error).escapingControlsKeepingLines
            return Ending(code: code.rawValue == 1 ? 1 : 2, message: message)
        }
    }
}

/// `journal --journal DIR index` should work as `journal index --journal DIR` does, as with
/// git's `-C`: global options written before the subcommand are moved after it.
func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
    let globals: Set<String> = ["--journal", "--today", "--lang"]
    var hoisted: [String] = []
    var rest: [String] = []
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        if !rest.isEmpty || !argument.hasPrefix("-") {
            rest.append(contentsOf: arguments[index...])
            break
        }
        let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
        if globals.contains(name) {
            hoisted.append(argument)
            if !argument.contains("="), index + 1 < arguments.count {
                hoisted.append(arguments[index + 1])
                index += 1
            }
        } else {
            rest.append(argument)
        }
        index += 1
    }
    return rest + hoisted
}

/// Why a command stopped early, and so its exit code: what `main` turns into an exit, the one
/// place where a command's failure becomes a code (1 a problem the coach must act on, 2 could
/// not run).
struct CommandFailure: Error, LocalizedError {
    enum Code: Int32 {
        case problems = 1
        case couldNotRun = 2
    }

    /// Said on the error output after `journal: `; nil when the command has said it already.
    var message: String?
    var code: Code
    /// The message's lines are its own, each value in it escaped already (a list of leaks).
    var escaped = false

    /// Problems were reported (lint errors, names a summary refused): exit 1.
    static let problemsReported = CommandFailure(message: nil, code: .problems)

    static func couldNotRun(_ text: String) -> CommandFailure {
        CommandFailure(message: text, code: .couldNotRun)
    }

    static func couldNotRun(_ text: Message, _ language: JournalConfig.Language) -> CommandFailure {
        couldNotRun(text.in(language))
    }

    /// What the argument parser says of it when `validate()` throws it.
    var errorDescription: String? { message }

    /// An error of the library or the system, told in the journal's language.
    static func couldNotRun(_ error: any Error, _ language: JournalConfig.Language) -> CommandFailure {
        if let failure = error as? CommandFailure { return failure }
        // A leak the last check stopped is a finding (exit 1), not a failure to run.
        if let refused = error as? OutputCheck.Refused {
            return CommandFailure(message: refused.message(in: language), code: .problems, escaped: true)
        }
        return couldNotRun(ErrorText.describe(error, in: language) ?? (Message("unexpected error (\(type(of: error))): nothing was changed by it; please report it if it happens again",
             fr: "erreur inattendue (\(type(of: error))) : rien n'a été modifié par cette erreur ; signalez-la si elle se répète").in(language)))
    }

    var ending: JournalCommand.Ending {
        // One line, whatever path or value the message quotes.
        JournalCommand.Ending(code: code.rawValue, message: escaped ? message : message?.escapingControls)
    }
}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The journal folder (else JOURNAL_DIR, else the nearest folder above with journal.yml).")
    var journal: String?

    @Option(name: .long, help: "Take this day as today (YYYY-MM-DD), so that results can be reproduced (else JOURNAL_TODAY).")
    var today: Checked<DateValue>?

    @Option(name: .long, help: "Language of messages and new notes: fr or en (else the journal's).")
    var lang: Checked<JournalConfig.Language>?

    func validate() throws {
        try check(lang, "--lang")
        try check(today, "--today")
        if today == nil, let text = environmentToday, DateValue.reading(text) == nil {
            throw CommandFailure.couldNotRun(DateValue.problem(text, option: "JOURNAL_TODAY"), messageLanguage)
        }
    }

    /// Refuses a wrong value of `option`, in the coach's language.
    func check<Value>(_ value: Checked<Value>?, _ option: String) throws {
        guard let value, value.value == nil else { return }
        throw CommandFailure.couldNotRun(Value.problem(value.text, option: option), messageLanguage)
    }

    /// The language of a refused option, before the command runs: `--lang`, else the journal's
    /// (journal.yml found from `--journal`, JOURNAL_DIR or the working directory), else the locale.
    var messageLanguage: JournalConfig.Language {
        if let language = lang?.value { return language }
        let journal = try? Journal.locate(explicit: journal, process: .current)
        return journal?.config.language ?? Output.systemLanguage
    }

    private var environmentToday: String? {
        ProcessInfo.processInfo.environment["JOURNAL_TODAY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func openJournal() throws -> Journal {
        do {
            return try Journal.locate(explicit: journal, process: .current)
        } catch {
            throw CommandFailure.couldNotRun(error, lang?.value ?? Output.systemLanguage)
        }
    }

    /// `--lang`, else the journal's, else the locale.
    func language(_ journal: Journal?) -> JournalConfig.Language {
        lang?.value ?? journal?.config.language ?? Output.systemLanguage
    }

    /// `--today`, else JOURNAL_TODAY, else the clock in the journal's zone (`validate()` has
    /// refused a wrong day in either).
    func todayDate(zone: TimeZone) -> DateValue {
        today?.value ?? environmentToday.flatMap(DateValue.reading) ?? DateValue.now(in: zone)
    }
}

/// The journal's index, saying once on the error output when it could only be built in memory
/// (a read-only journal).
func openIndex(_ journal: Journal, _ language: JournalConfig.Language) throws -> IndexStore {
    let store = try IndexStore.open(journal)
    if store.inMemory { Output.error(IndexStore.inMemoryNotice(in: language)) }
    return store
}

/// Where text goes: results to stdout, diagnostics to stderr.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Text that already ends its lines.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Before a journal is found: the user's locale, French unless it says English.
    static var systemLanguage: JournalConfig.Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return locale.hasPrefix("en") ? .en : .fr
    }

    /// no-color.org: set to a non-empty value.
    static var noColour: Bool {
        !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    static var colour: Bool {
        noColour == false && isatty(STDOUT_FILENO) == 1
    }

    static func diagnostics(_ diagnostics: [Diagnostic], _ language: JournalConfig.Language) {
        let colourErr = noColour == false && isatty(STDERR_FILENO) == 1
        for diagnostic in diagnostics {
            var text = diagnostic.formatted(in: language)
            if colourErr {
                let code = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36"
                let label = diagnostic.severity.rawValue
                text = text.replacingFirst(": \(label): ", with: ": \u{1B}[\(code)m\(label)\u{1B}[0m: ")
            }
            error(text)
        }
    }
}

/// Where this binary is, for the pre-commit hook to call it without PATH.
enum Executable {
    /// As it was invoked, made absolute (a link such as /usr/local/bin/journal keeps working
    /// when what it points to is upgraded), else found on PATH, else the kernel's path.
    static var path: String? {
        let manager = FileManager.default
        let invoked = CommandLine.arguments.first ?? ""
        if invoked.contains("/") {
            let url = URL(fileURLWithPath: invoked, relativeTo: URL(fileURLWithPath: manager.currentDirectoryPath))
            let path = url.standardizedFileURL.path
            if manager.isExecutableFile(atPath: path) { return path }
        } else if !invoked.isEmpty {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
                let candidate = "\(folder)/\(invoked)"
                if manager.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return Bundle.main.executableURL?.standardizedFileURL.path
    }
}

extension ProcessContext {
    /// This process's environment, working directory and time zone: read here, at the edge,
    /// and handed to the library.
    static var current: ProcessContext {
        ProcessContext(environment: ProcessInfo.processInfo.environment,
             workingDirectory: FileManager.default.currentDirectoryPath, zone: .current)
    }
}
