import Foundation
import Testing
@testable import JournalKit

/// Notes written in Obsidian with the Tasks and Dataview plugins: every signifier read, none
/// left in the text; Obsidian's comments, links and block ids; journal.yml's `tasks`.
@Suite struct ObsidianTests {
    func commitments(_ body: String, tasks: TasksSettings = TasksSettings()) -> [NoteItem] {
        note(body, tasks: tasks).items.filter { $0.kind == .commitment }
    }

    func note(_ body: String, tasks: TasksSettings = TasksSettings(), front: String = "") -> Note {
        NoteParser(tasks: tasks).parse(data: Data("---\ntype: session\ndate: 2026-03-10\n\(front)---\n## Engagements\n\(body)".utf8),
                                       path: "clients/test-client/2026-03-10-session.md")
    }

    func only(_ line: String) -> NoteItem? {
        let items = commitments(line + "\n")
        #expect(items.count == 1)
        return items.first
    }

    // MARK: Emoji

    @Test func everyTasksDateEmojiIsRead() throws {
        let item = try #require(only("- [ ] Préparer l'atelier ➕ 2026-03-01 ⏳ 2026-03-05 🛫 2026-03-04 📅 2026-03-12"))
        #expect(item.created?.description == "2026-03-01")
        #expect(item.scheduled?.description == "2026-03-05")
        #expect(item.start?.description == "2026-03-04")
        #expect(item.due?.description == "2026-03-12")
        #expect(item.text == "Préparer l'atelier")
        // Tasks' other spellings of a due and a scheduled date.
        #expect(only("- [ ] A 📆 2026-03-12")?.due?.description == "2026-03-12")
        #expect(only("- [ ] A 🗓️ 2026-03-12")?.due?.description == "2026-03-12")
        #expect(only("- [ ] A ⌛ 2026-03-05")?.scheduled?.description == "2026-03-05")
    }

    @Test func doneAndCancelledEmojiCloseTheCommitment() throws {
        let done = try #require(only("- [x] Envoyer le compte rendu ✅ 2026-03-03"))
        #expect(done.status == .done && done.done?.description == "2026-03-03" && done.text == "Envoyer le compte rendu")
        let dropped = try #require(only("- [ ] Refaire l'organigramme ❌ 2026-03-05"))
        #expect(dropped.status == .dropped && dropped.text == "Refaire l'organigramme")
    }

    @Test(arguments: [("🔺", "highest"), ("⏫", "high"), ("🔼", "medium"), ("🔽", "low"), ("⏬", "lowest")])
    func priorityEmoji(_ emoji: String, _ priority: String) throws {
        let item = try #require(only("- [ ] Trier les courriels \(emoji) 📅 2026-03-12"))
        #expect(item.priority?.rawValue == priority)
        #expect(item.due?.description == "2026-03-12")
        #expect(item.text == "Trier les courriels")
        // A priority emoji takes no value: at the end of the line too.
        #expect(only("- [ ] Trier \(emoji)")?.priority?.rawValue == priority)
        #expect(only("- [ ] Trier \(emoji)")?.text == "Trier")
    }

    @Test func recurrenceRunsToTheNextSignifier() throws {
        let item = try #require(only("- [ ] Faire le point 🔁 every week on Monday when done 📅 2026-03-16 🆔 point"))
        #expect(item.recurrence == "every week on Monday when done")
        #expect(item.due?.description == "2026-03-16")
        #expect(item.id == "point")
        #expect(item.text == "Faire le point")
        #expect(only("- [ ] Faire le point 🔁 every day")?.recurrence == "every day")
        #expect(only("- [ ] Faire le point 🔁 every 2 weeks [due:: 2026-03-16]")?.recurrence == "every 2 weeks")
    }

    @Test(arguments: ["⛔", "⛔\u{FE0F}"])
    func dependenciesWithOrWithoutTheVariationSelector(_ emoji: String) throws {
        let one = try #require(only("- [ ] Signer le devis \(emoji) presta 📅 2026-03-10"))
        #expect(one.dependsOn == ["presta"] && one.due?.description == "2026-03-10" && one.text == "Signer le devis")
        let two = try #require(only("- [ ] Lancer la commande \(emoji) presta,devis-signe"))
        #expect(two.dependsOn == ["presta", "devis-signe"] && two.text == "Lancer la commande")
        let spaced = try #require(only("- [ ] Lancer la commande \(emoji) presta, devis-signe ensuite"))
        #expect(spaced.dependsOn == ["presta", "devis-signe"] && spaced.text == "Lancer la commande ensuite")
    }

    @Test func idEmojiWithTheVariationSelector() {
        #expect(only("- [ ] Choisir 🆔\u{FE0F} choix")?.id == "choix")
    }

    @Test func onCompletionIsTasksOwnAndLeavesTheText() {
        let note = note("- [ ] Arroser 🔁 every week 🏁 delete\n")
        #expect(note.items.first?.text == "Arroser")
        #expect(note.diagnostics.isEmpty, "\(note.diagnostics.map(\.message))")
    }

    // MARK: Dataview

    @Test(arguments: ["[", "("])
    func everyDataviewNameInBothForms(_ open: String) throws {
        let close = open == "[" ? "]" : ")"
        func field(_ key: String, _ value: String) -> String { "\(open)\(key):: \(value)\(close)" }
        let item = try #require(only("- [ ] Rédiger la note de cadrage  " + [
            field("created", "2026-03-02"), field("scheduled", "2026-03-06"), field("start", "2026-03-04"),
            field("due", "2026-03-20"), field("priority", "high"), field("repeat", "every month"),
            field("id", "cadrage"), field("dependsOn", "presta,devis"),
        ].joined(separator: "  ")))
        #expect(item.created?.description == "2026-03-02")
        #expect(item.scheduled?.description == "2026-03-06")
        #expect(item.start?.description == "2026-03-04")
        #expect(item.due?.description == "2026-03-20")
        #expect(item.priority == .high)
        #expect(item.recurrence == "every month")
        #expect(item.id == "cadrage")
        #expect(item.dependsOn == ["presta", "devis"])
        #expect(item.text == "Rédiger la note de cadrage")
        let done = try #require(only("- [x] Envoyer " + field("completion", "2026-03-03")))
        #expect(done.done?.description == "2026-03-03" && done.text == "Envoyer")
        let dropped = try #require(only("- [ ] Annuler " + field("cancelled", "2026-03-05")))
        #expect(dropped.status == .dropped && dropped.done?.description == "2026-03-05" && dropped.text == "Annuler")
    }

    @Test func commaSeparatorsAreFoldedWithTheFields() {
        #expect(only("- [ ] Préparer le budget [start:: 2026-03-05], [due:: 2026-03-20]")?.text == "Préparer le budget")
        #expect(only("- [ ] Préparer le budget, [due:: 2026-03-20], (priority:: low)")?.text == "Préparer le budget")
        #expect(only("- [ ] Appeler Paul, [due:: 2026-03-20] puis Marie")?.text == "Appeler Paul, puis Marie")
        #expect(only("- [ ] Appeler Paul [due:: 2026-03-20], puis Marie")?.text == "Appeler Paul puis Marie")
        // A comma the coach wrote away from any field stays.
        #expect(only("- [ ] Lire, annoter, résumer  [due:: 2026-03-20]")?.text == "Lire, annoter, résumer")
    }

    @Test func aNonBreakingSpaceIsASpace() throws {
        let item = try #require(only("- [ ] Relancer\u{00A0}le client\u{00A0}📅\u{00A0}2026-03-11\u{00A0}\u{00A0}[priority::\u{00A0}low]"))
        #expect(item.due?.description == "2026-03-11")
        #expect(item.priority == .low)
        #expect(item.text == "Relancer le client")
        #expect(only("- [ ] Relancer ⛔\u{202F}presta")?.dependsOn == ["presta"])
    }

    @Test func aParenthesisThatIsNoFieldStaysText() {
        #expect(only("- [ ] Appeler (le matin) le fournisseur")?.text == "Appeler (le matin) le fournisseur")
    }

    @Test func badValuesAreReportedAtTheirField() {
        let note = note("- [ ] A [priority:: urgentissime]  ⏳ demain  ⛔ Pas_Valide\n")
        #expect(note.diagnostics.map(\.rule) == ["field-invalid", "field-invalid", "field-invalid"])
        #expect(note.diagnostics.map(\.column) == [9, 36, 46])
    }

    // MARK: Obsidian's syntax

    @Test func obsidianCommentsAreLeftOutOfTexts() {
        let items = commitments("""
            - [ ] Préparer %% elle hésite à partir %% l'entretien
            - [ ] Relire %% sur deux
            lignes %% le contrat
            """)
        #expect(items.map(\.text) == ["Préparer l'entretien", "Relire le contrat"])
    }

    @Test func anUnclosedObsidianCommentIsReportedAndHidesTheRest() {
        let note = note("- [ ] Vrai\n\nTexte %% jamais fermé\n- [ ] Caché\n")
        #expect(note.items.map(\.text) == ["Vrai"])
        let unclosed = note.diagnostics.filter { $0.rule == "comment-unclosed" }
        #expect(unclosed.map(\.line) == [8])
        #expect(unclosed.first?.column == 7)
        #expect(unclosed.first?.message.contains("`%%`") == true)
    }

    @Test func commentBlankingKeepsLinesAndColumns() {
        let blanked = HTMLComments.blank("a %% b %% c\n%%\nsecret\n%%\nd <!-- %% --> e")
        #expect(blanked.text == "a" + String(repeating: " ", count: 9) + "c\n\n\n  \nd" + String(repeating: " ", count: 13) + "e")
        #expect(blanked.comments == [" b ", "\nsecret\n", " %% "])
    }

    @Test func wikilinksEmbedsAndBlockIDsBecomeText() {
        let items = commitments("""
            - [ ] Relancer [[contacts/paul-durand|Paul]] sur ![[devis.pdf]] ^bloc-1
            - [ ] Relire [[Charte d'équipe#Valeurs]] et [[Charte#^abc123]] ![[schema.png|300]]
            - [ ] Garder x^2 et [[ ]] tels quels
            """)
        #expect(items.map(\.text) == ["Relancer Paul sur devis.pdf", "Relire Charte d'équipe > Valeurs et Charte schema.png",
                                      "Garder x^2 et [[ ]] tels quels"])
    }

    @Test func obsidianFrontMatterKeysAreAccepted() {
        let note = note("- [ ] A\n", front: "tags: [coaching]\naliases: [S1]\ncssclasses: [large]\npublish: false\n")
        #expect(note.diagnostics.isEmpty, "\(note.diagnostics.map(\.message))")
    }

    // MARK: journal.yml

    @Test func theGlobalFilterSelectsCommitmentsAndLeavesEveryText() {
        var tasks = TasksSettings()
        tasks.globalFilter = "#task"
        let note = note("""
            - [ ] #task Appeler le fournisseur 📅 2026-03-12
            - [ ] Une simple liste de courses
            - [ ] #tasks n'est pas le filtre
            - [ ] Relire le devis #task

            ## Revue
            - [x] [ref:: 2026-03-01-session#1] fait
            """, tasks: tasks)
        let commitments = note.items.filter { $0.kind == .commitment }
        #expect(commitments.map(\.text) == ["Appeler le fournisseur", "Relire le devis"])
        #expect(commitments.map(\.rank) == [1, 2])
        #expect(note.items.filter { $0.kind == .review }.count == 1)
    }

    @Test func tasksSettingsAreReadFromJournalYml() {
        let config = JournalConfig(text: """
            tasks:
              global_filter: "#task"
              format: emoji
              statuses: {"!": open, "?": in progress, "d": done, "x": done, "ab": open, "c": plus-tard}
            """, zone: .current)
        #expect(config.tasks.globalFilter == "#task")
        #expect(config.tasks.format == .emoji)
        #expect(config.tasks.statuses == ["!": .open, "?": .partial, "d": .done])
        #expect(config.diagnostics.map(\.rule) == ["field-invalid", "field-invalid", "field-invalid"])
        #expect(JournalConfig(text: "tasks: {formats: emoji}", zone: .current).diagnostics.first?.message.contains("tasks.format") == true)
    }

    @Test func declaredCheckboxesAreRead() {
        var tasks = TasksSettings()
        tasks.statuses = ["!": .open, "?": .partial]
        let note = note("- [!] Important\n- [?] À moitié\n- [*] Inconnu\n", tasks: tasks)
        #expect(note.items.map(\.status) == [.open, .partial, .open])
        #expect(note.diagnostics.map(\.rule) == ["marker-invalid"])
        #expect(note.diagnostics.first?.line == 8)
    }

    // MARK: Dependencies

    func resolve(_ notes: [String: String]) -> ClientResolution {
        let parsed = notes.map { parseNote("---\ntype: session\ndate: \($0.key)\n---\n" + $0.value, path: "clients/c/\($0.key)-session.md") }
        return Resolver(zone: TimeZone(identifier: "Europe/Paris")!)
            .resolve(client: "c", notes: parsed + [parseNote("---\ntype: client\nname: C Test\n---\n", path: "clients/c/client.md")],
                     knownClients: ["c"])
    }

    @Test func aCommitmentIsBlockedWhileWhatItWaitsForIsOpen() {
        let open = resolve(["2026-03-02": "## Engagements\n- [ ] A 🆔 a\n- [/] B 🆔 b\n- [ ] C ⛔ a,b\n- [ ] D ⛔ zz\n"])
        #expect(open.commitments.map(\.blockedBy) == [[], [], ["a", "b"], []])
        #expect(open.commitments[2].dependsOn == ["a", "b"] && open.commitments[2].isBlocked)
        // An id that names nothing is told, as a warning: Tasks may name a task outside the journal.
        let unknown = open.diagnostics.filter { $0.rule == "ref-unknown" }
        #expect(unknown.map(\.line) == [9] && unknown.first?.severity == .warning)
        // Once reviewed as done (or dropped), it no longer blocks.
        let later = resolve(["2026-03-02": "## Engagements\n- [ ] A 🆔 a\n- [ ] C ⛔ a\n",
                             "2026-03-16": "## Revue\n- [x] [ref:: a] fait\n"])
        #expect(later.commitments.map(\.blockedBy) == [[], []])
        // A carried blocker goes on in its successor.
        let carried = resolve(["2026-03-02": "## Engagements\n- [ ] A 🆔 a\n- [ ] C ⛔ a\n",
                               "2026-03-16": "## Revue\n- [>] [ref:: a] [id:: a2] reporté\n\n## Engagements\n- [ ] A, autrement 🆔 a2\n"])
        #expect(carried.commitments.first { $0.text == "C" }?.blockedBy == ["a2"])
    }

    @Test func aBlockedCommitmentIsNotOverdueInTheAgenda() throws {
        let journal = try TemporaryJournal([
            "clients/c/client.md": Sample.caseFile(),
            "clients/c/2026-03-02-session.md": Sample.note("session", "date: 2026-03-02\nnext: 2026-04-20", """
                ## Engagements
                - [ ] Choisir 🆔 choix 📅 2026-03-30
                - [ ] Signer ⛔ choix 📅 2026-03-10
                - [ ] Payer [dependsOn:: signe] [due:: 2026-03-11]
                """),
        ])
        let store = try journal.index()
        _ = try store.update()
        let book = try CaseBook.load(from: store).book
        let agenda = Agenda(book: book, today: LocalDate.fromText("2026-03-20")!, days: 7)
        #expect(agenda.overdue.map(\.text) == ["Payer"])
    }

    @Test(arguments: ["[[", "(a:: ", "🔁 (a:: ", "⛔ a,", "%%", "<!---->", "![[x|", " ^a", "🔺"])
    func hostileLinesCostBoundedWork(_ piece: String) {
        let line = "- [ ] " + String(repeating: piece, count: 20_000 / piece.utf8.count)
        let start = Date()
        let note = note(line + "\n\n" + String(repeating: line + "\n", count: 5))
        #expect(Date().timeIntervalSince(start) < 10, "\(piece)")
        #expect(note.items.count <= 6)
    }
}
