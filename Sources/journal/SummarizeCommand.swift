import ArgumentParser
import Foundation
import JournalKit

struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "An anonymised case summary, for supervision or a case study.",
        discussion: "Names become pseudonyms, the organisation and places are generalised, contact details are masked and dates become times since the first session. The output is checked again before it is written: if anything identifying remains, nothing is written and the exit code is 1.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The client id (the folder name under clients/).") var client: String

    @Option(name: .long, help: "md (default) or html: a standalone page.") var format = Checked<CaseSummary.Format>(argument: "md")
    @OptionGroup var destination: OutputFile
    @Flag(name: .customLong("no-anonymise"), help: "Keep real names and dates, for the coach's own use (private notes are still left out).")
    var noAnonymise = false
    @Flag(name: .long, help: "Refuse to render while a name the case file does not declare remains.") var strict = false
    @Flag(name: .customLong("for-publication"), help: "A summary meant for a case study: refused unless the case file gives `consent: {case_study: true}`.")
    var forPublication = false

    func validate() throws {
        try global.check(format, "--format")
    }

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let format = self.format.value ?? .markdown
        if !noAnonymise {
            // Made here when missing, so that the coach is told once to commit it.
            do {
                if let notice = try JournalSecret.load(root: journal.root, process: journal.process).notice(in: language) {
                    Output.error("note: " + notice)
                }
            } catch {
                throw CommandFailure.couldNotRun(error, language)
            }
        }
        let output: CaseSummary.Output
        do {
            let store = try openIndex(journal, language)
            Output.diagnostics(try store.update().diagnostics.filter { $0.severity == .error }, language)
            output = try CaseSummary.render(journal, store: store, options: .init(
                client: client, format: format, anonymise: !noAnonymise, strict: strict, forPublication: forPublication))
        } catch let failure as CaseSummary.Failure {
            if case .undeclared(let names) = failure { listUndeclared(names, language) }
            Output.error("journal: " + failure.message(in: language).escapingControlsKeepingLines)
            switch failure {
            case .noConsent: throw CommandFailure(message: nil, code: .couldNotRun)
            default: throw CommandFailure.problemsReported
            }
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        listUndeclared(output.undeclared, language)
        do {
            if try destination.write(output.text, journal: journal), let out = destination.out {
                Output.error(Message("summary written to \(out.escapingControls)", fr: "synthèse écrite dans \(out.escapingControls)").in(language))
            } else {
                FileHandle.standardOutput.write(Data(output.text.utf8))
            }
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        // Written all the same, saying so in its first lines; the exit code tells a script.
        guard output.unread.isEmpty else {
            Output.error(Message("journal: the summary is incomplete: \(output.unread.count) note(s) could not be read in full (the errors above say why):",
                                 fr: "journal : la synthèse est incomplète : \(output.unread.count) note(s) n'ont pas pu être lues en entier (les erreurs ci-dessus disent pourquoi) :").in(language))
            for path in output.unread { Output.error("  " + path.escapingControls) }
            throw CommandFailure.problemsReported
        }
    }

    private func listUndeclared(_ names: [CaseSummary.UndeclaredName], _ language: JournalConfig.Language) {
        guard !names.isEmpty else { return }
        Output.error(Message("\(names.count) undeclared name(s), replaced by “[person]”; declare them in the client's case file (`people` or `aliases`):",
                         fr: "\(names.count) nom(s) non déclaré(s), remplacé(s) par « [personne] » ; déclarez-les dans le dossier du client (`people` ou `aliases`) :").in(language))
        for name in names {
            let doubt = name.confident ? "" : (Message(" (perhaps an ordinary word: hidden to be safe)", fr: " (peut-être un mot courant : masqué par prudence)").in(language))
            Output.error("  \(name.path.escapingControls):\(name.line): \(name.name.escapingControls)\(doubt)")
        }
    }
}
