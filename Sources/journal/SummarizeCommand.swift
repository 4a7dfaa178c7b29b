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

    @Option(name: .long, help: "md (default) or html: a standalone page.") var format = "md"
    @Option(name: .long, help: "Write to this file (atomically) instead of printing.") var out: String?
    @Flag(name: .long, help: "Replace an existing --out file.") var force = false
    @Flag(name: .customLong("no-anonymise"), help: "Keep real names and dates, for the coach's own use (private notes are still left out).")
    var noAnonymise = false
    @Flag(name: .long, help: "Refuse to render while a name the case file does not declare remains.") var strict = false
    @Flag(name: .customLong("for-publication"), help: "A summary meant for a case study: refused unless the case file gives `consent: {case_study: true}`.")
    var forPublication = false

    func run() throws {
        let journal = try global.openJournal()
        let language = try global.language(journal)
        let fr = language == .fr
        guard let format = CaseSummary.Format(rawValue: format.lowercased()) ?? (format.lowercased() == "markdown" ? .markdown : nil) else {
            throw ValidationError(fr ? "--format « \(format) » : utilisez md ou html" : "--format “\(format)”: use md or html")
        }
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
            if case .undeclared(let names) = failure { listUndeclared(names, fr: fr) }
            Output.error("journal: " + failure.message(in: language).escapingControls)
            switch failure {
            case .unknownClient, .noConsent: throw CommandFailure(message: nil, code: .couldNotRun)
            default: throw CommandFailure.problemsReported
            }
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        listUndeclared(output.undeclared, fr: fr)
        guard let out else {
            FileHandle.standardOutput.write(Data(output.text.utf8))
            return
        }
        do {
            try ExportFile.write(output.text, to: out, force: force, journalRoot: journal.root, process: journal.process)
            Output.error(fr ? "synthèse écrite dans \(out.escapingControls)" : "summary written to \(out.escapingControls)")
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
    }

    private func listUndeclared(_ names: [CaseSummary.UndeclaredName], fr: Bool) {
        guard !names.isEmpty else { return }
        Output.error(fr ? "\(names.count) nom(s) non déclaré(s), remplacé(s) par « [personne] » ; déclarez-les dans le dossier du client (`people` ou `aliases`) :"
                        : "\(names.count) undeclared name(s), replaced by “[person]”; declare them in the client's case file (`people` or `aliases`):")
        for name in names {
            let doubt = name.confident ? "" : (fr ? " (peut-être un mot courant : masqué par prudence)" : " (perhaps an ordinary word: hidden to be safe)")
            Output.error("  \(name.path.escapingControls):\(name.line): \(name.name.escapingControls)\(doubt)")
        }
    }
}
