import ArgumentParser
import Foundation
import JournalKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new note from its template; prints its path.",
        subcommands: [NewClient.self, NewDated<SessionKind>.self, NewDated<ChemistryKind>.self, NewDated<ThreeWayKind>.self,
                      NewSupervision.self])
}

/// Opens the note in the user's editor when asked, the way git does.
struct EditOption: ParsableArguments {
    @Flag(name: .long, help: "Open the new note in $VISUAL or $EDITOR.")
    var edit = false

    @Flag(name: .long, help: "Replace a note of the same name instead of keeping it.")
    var force = false

    func open(_ url: URL, _ language: JournalConfig.Language) {
        guard edit else { return }
        let environment = ProcessInfo.processInfo.environment
        guard let editor = environment["VISUAL"] ?? environment["EDITOR"], !editor.isEmpty else {
            Output.error(Message("journal: neither VISUAL nor EDITOR is set: open \(url.path.escapingControls) yourself",
                                          fr: "journal: ni VISUAL ni EDITOR n'est défini : ouvrez \(url.path.escapingControls) vous-même").in(language))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", url.path]
        try? process.run()
        process.waitUntilExit()
    }
}

struct NewClient: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "client", abstract: "Write clients/ID/client.md, the case file.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var editing: EditOption

    @Argument(help: "The client id: lower-case letters, digits and hyphens (it names the folder).")
    var id: String

    @Option(name: .long, help: "The client's name as written in the case file.")
    var name: String

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let writer = NoteWriter(journal: journal, language: language)
        do {
            let today = global.todayDate(zone: journal.config.timezone)
            let path = try writer.newClient(id: id, name: name, today: today.date, force: editing.force)
            Output.line(path.escapingControls)
            editing.open(journal.root.appendingPathComponent(path), language)
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
    }
}

/// `new session`, `new chemistry`, `new three-way`: one command, told apart by its kind.
struct NewDated<Kind: DatedKind>: ParsableCommand {
    static var configuration: CommandConfiguration { Kind.configuration }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var editing: EditOption
    @Argument(help: "The client id.") var client: String
    @Option(name: .long, help: ArgumentHelp(Kind.dateHelp)) var date: String?
    func run() throws {
        try writeNote(Kind.kind, client: client, date: date, global: global, editing: editing)
    }
}

/// What tells the dated notes apart: their name, help, and what the date defaults to.
protocol DatedKind {
    static var configuration: CommandConfiguration { get }
    static var kind: NoteWriter.Kind { get }
    static var dateHelp: String { get }
}

enum SessionKind: DatedKind {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Write a session note: next number, the date fixed last time, a review of open commitments.")
    static let kind = NoteWriter.Kind.session
    static let dateHelp = "When it takes place (default: the next date fixed last time, else now)."
}

enum ChemistryKind: DatedKind {
    static let configuration = CommandConfiguration(commandName: "chemistry", abstract: "Write a chemistry-call note.")
    static let kind = NoteWriter.Kind.chemistry
    static let dateHelp = "When it takes place (default: now)."
}

enum ThreeWayKind: DatedKind {
    static let configuration = CommandConfiguration(commandName: "three-way", abstract: "Write a three-way meeting note.")
    static let kind = NoteWriter.Kind.threeWay
    static let dateHelp = "When it takes place (default: now)."
}

func writeNote(_ kind: NoteWriter.Kind, client: String?, date: String?, global: GlobalOptions,
               editing: EditOption) throws {
    let journal = try global.openJournal()
    let language = global.language(journal)
    let writer = NoteWriter(journal: journal, language: language)
    do {
        let now = global.todayDate(zone: journal.config.timezone)
        let path = try writer.newNote(kind, client: client, date: date, now: now, force: editing.force)
        Output.line(path.escapingControls)
        editing.open(journal.root.appendingPathComponent(path), language)
    } catch {
        throw CommandFailure.couldNotRun(error, language)
    }
}

struct NewSupervision: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervision", abstract: "Write a supervision note.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var editing: EditOption
    @Option(name: .long, help: "When it takes place (default: now).") var date: String?
    func run() throws {
        try writeNote(.supervision, client: nil, date: date, global: global, editing: editing)
    }
}
