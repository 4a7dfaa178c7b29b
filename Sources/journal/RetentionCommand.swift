import ArgumentParser
import Foundation
import JournalKit

/// Closed cases and their retention; `--purge` deletes one case's notes.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "List closed cases and when their retention ends; --purge CLIENT deletes a case's notes and exports, and commits the removal.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Delete this closed case's notes and exports (after you type its id to confirm, or --yes).")
    var purge: String?
    @Flag(name: .long, help: "With --purge: the client asked for their data to be erased; allowed before the retention ends.")
    var erasureRequest = false
    @Flag(name: .long, help: "With --purge: keep the case's hours as an anonymous line in hours-archive.yml, for journal hours.")
    var keepHours = false
    @Flag(name: .long, help: "With --purge: do not ask for confirmation.") var yes = false
    @OptionGroup var output: ListFormat

    func validate() throws {
        if purge == nil, erasureRequest || keepHours || yes {
            throw CommandFailure.couldNotRun(Message("--erasure-request, --keep-hours and --yes go with --purge CLIENT",
                                                     fr: "--erasure-request, --keep-hours et --yes vont avec --purge CLIENT"),
                                             global.messageLanguage)
        }
    }

    func run() throws {
        let journal = try global.openJournal()
        let language = global.language(journal)
        let today = global.todayDate(zone: journal.config.timezone).date
        let store: IndexStore
        let book: CaseBook
        do {
            store = try openIndex(journal, language)
            let loaded = try CaseBook.load(from: store)
            Output.diagnostics(loaded.diagnostics.filter { $0.severity == .error }, language)
            book = loaded.book
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        guard let client = purge else {
            let retention = Retention(book: book, today: today)
            switch output.format {
            case .text: Output.write(retention.text(language: language, colour: Output.colour))
            case .json: Output.write(retention.json())
            }
            return
        }
        let purger = CasePurge(journal: journal)
        let plan: CasePurge.Plan
        do {
            plan = try purger.plan(book: book, client: client, today: today, erasureRequest: erasureRequest)
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        Output.line(Message("To be deleted (\(plan.files.count) file(s) of the case\(plan.exports.isEmpty ? "" : ", \(plan.exports.count) export(s)")):",
                        fr: "Seront supprimés (\(plan.files.count) fichier(s) du dossier\(plan.exports.isEmpty ? "" : ", \(plan.exports.count) export(s)")) :").in(language))
        for path in plan.files + plan.exports { Output.line("  " + path.escapingControls) }
        if keepHours {
            if let hours = plan.hours {
                Output.line(Message("Kept in \(HoursArchive.fileName), unnamed: \(hours.sessions) session(s) from \(hours.first) to \(hours.last)",
                                fr: "Gardé dans \(HoursArchive.fileName), sans nom : \(hours.sessions) séance(s) du \(hours.first) au \(hours.last)").in(language))
            } else {
                Output.line(Message("No session held: no hours to keep.", fr: "Aucune séance tenue : aucune heure à garder.").in(language))
            }
        }
        if !yes {
            FileHandle.standardError.write(Data((Message("Type “\(plan.client)” to confirm: ", fr: "Tapez « \(plan.client) » pour confirmer : ").in(language)).utf8))
            let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
            guard let answer, ClientID.normalized(answer) == plan.client else {
                throw CommandFailure(message: Message("not confirmed: nothing was deleted", fr: "non confirmé : rien n'a été supprimé").in(language),
                                     code: .problems)
            }
        }
        let result: CasePurge.Result
        do {
            result = try purger.execute(plan, keepHours: keepHours, language: language)
            _ = try store.update()
        } catch {
            throw CommandFailure.couldNotRun(error, language)
        }
        Output.line(Message("Deleted: \(result.removed.count) file(s)\(result.exports.isEmpty ? "" : ", \(result.exports.count) export(s)").",
                        fr: "Supprimé : \(result.removed.count) fichier(s)\(result.exports.isEmpty ? "" : ", \(result.exports.count) export(s)").").in(language))
        if let commit = result.commit {
            Output.line(Message("Commit \(commit): the removal alone\(result.keptHours ? " (and \(HoursArchive.fileName))" : "").",
                            fr: "Commit \(commit) : la suppression seule\(result.keptHours ? " (et \(HoursArchive.fileName))" : "").").in(language))
        } else if let failure = result.commitFailure {
            Output.error((Message("warning: the files are deleted but git could not commit the removal (\(failure)): commit it yourself",
                              fr: "attention : les fichiers sont supprimés mais git n'a pas pu commiter la suppression (\(failure)) : commitez-la vous-même").in(language)).escapingControls)
        }
        for path in plan.supervision {
            Output.error((Message("\(path): this supervision note names \(plan.client) in `cases:`; take it out of the list, and out of the text anything that points to the client",
                              fr: "\(path) : cette note de supervision cite \(plan.client) dans `cases:` ; retirez-le de la liste, et du texte tout ce qui le désigne").in(language)).escapingControls)
        }
        if result.inGit, !result.historyPaths.isEmpty {
            let paths = result.historyPaths.map { "--path '\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
            Output.line("")
            Output.line(Message("""
                Earlier commits still hold these notes, here and in every remote or clone.
                To remove them from the whole history (git filter-repo: apt install git-filter-repo):
                  git filter-repo --invert-paths \(paths)
                then, for each remote (filter-repo removes `origin`: add it again):
                  git push --force --all && git push --force --tags
                and have every other copy of the journal cloned again (or deleted).
                """, fr: """
                Les commits précédents contiennent toujours ces notes, ici et dans chaque dépôt distant ou clone.
                Pour les retirer de tout l'historique (git filter-repo : apt install git-filter-repo) :
                  git filter-repo --invert-paths \(paths)
                puis, pour chaque dépôt distant (filter-repo retire `origin` : ajoutez-le de nouveau) :
                  git push --force --all && git push --force --tags
                et faites recloner (ou supprimer) chaque autre copie du journal.
                """).in(language))
        }
    }
}
