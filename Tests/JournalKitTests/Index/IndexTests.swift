import Foundation
import Testing
@testable import JournalKit

@Suite struct IndexTests {
    @Test func basicJournalMatchesGolden() throws {
        let journal = try fixtureJournal("basic")
        let store = try journal.index()
        _ = try store.update()
        try expectGolden(try store.json(), "basic.index.json")
    }

    @Test func jsonIsTheSameBytesOnEveryRunAndAfterRebuild() throws {
        let journal = try fixtureJournal("basic")
        let store = try journal.index()
        _ = try store.update()
        let first = try store.json()
        _ = try store.update(rebuild: true)
        #expect(try store.json() == first)
        let other = try fixtureJournal("basic")
        let otherStore = try other.index()
        _ = try otherStore.update()
        #expect(try otherStore.json() == first)
    }

    @Test func secondRunReadsNothing() throws {
        let journal = try fixtureJournal("basic")
        try journal.backdate()
        let store = try journal.index()
        let cold = try store.update()
        #expect(cold.read == cold.files)
        #expect(cold.parsed == cold.files)
        let warm = try store.update()
        #expect(warm.read == 0)
        #expect(warm.parsed == 0)
        #expect(!warm.rebuilt)
    }

    @Test func touchedFileIsReadButNotParsed() throws {
        let journal = try fixtureJournal("basic")
        try journal.backdate()
        let store = try journal.index()
        _ = try store.update()
        let path = journal.root.appendingPathComponent("clients/lea-morel/2026-03-10-session.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: path.path)
        let report = try store.update()
        #expect(report.read == 1)
        #expect(report.parsed == 0)
        #expect(try store.update().read == 0)
    }

    @Test func changedAndRemovedNotesUpdateTheIndex() throws {
        let journal = try fixtureJournal("basic")
        let store = try journal.index()
        _ = try store.update()
        try journal.write("clients/lea-morel/2026-04-07-session.md", """
            ---
            type: session
            date: 2026-04-07 09:30
            next: 2026-04-21 09:30
            ---

            ## Revue
            - [x] [ref:: delegue] fait
            """)
        let changed = try store.update()
        #expect(changed.parsed == 1)
        let delegue = try store.commitments().first { $0.id == "delegue" }
        #expect(delegue?.status == .done)
        #expect(try store.appointments().contains { $0.date.description == "2026-04-21T09:30" })
        try FileManager.default.removeItem(at: journal.root.appendingPathComponent("clients/lea-morel/2026-04-07-session.md"))
        let removed = try store.update()
        #expect(removed.removed == 1)
        #expect(try store.commitments().first { $0.id == "delegue" }?.status == .open)
        #expect(!(try store.json().contains("2026-04-07-session.md")))
    }

    @Test func changingJournalYmlRebuilds() throws {
        let journal = try fixtureJournal("basic")
        _ = try journal.index().update()
        try journal.write("journal.yml", "language: fr\ntimezone: Europe/Paris\n")
        let report = try journal.index().update()
        #expect(report.rebuilt)
        // Without the extra heading alias, the `Plan d'action` commitment is gone.
        #expect(try journal.index().commitments().first { $0.id == "delegue" } == nil)
    }

    @Test func twoProcessesIndexingAtOnceDoNotCorrupt() throws {
        let journal = try fixtureJournal("basic")
        let root = journal.root.path
        let results = Locked([Int32](repeating: -1, count: 4))
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let status = (try? runJournal(["index", "--journal", root]).status) ?? -2
            results.withLock { $0[index] = status }
        }
        #expect(results.value == [0, 0, 0, 0])
        let json = try runJournal(["index", "--json", "--journal", root])
        let fresh = try fixtureJournal("basic")
        let expected = try runJournal(["index", "--json", "--journal", fresh.root.path])
        #expect(json.stdout == expected.stdout)
    }

    @Test func structuralDiagnosticsAcrossNotes() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\nstatus: active\n---\n",
            "clients/a/2026-01-05-session.md": "---\ntype: session\ndate: 2026-01-05\n---\n## Engagements\n- [ ] un [id:: un]\n",
            "clients/a/2026-01-19-session.md": """
                ---
                type: session
                date: 2026-01-19
                ---
                ## Revue
                - [x] [ref:: inconnu] ?
                - [x] [ref:: plus-tard] pas encore fait
                ## Engagements
                - [ ] encore [id:: un]
                - [ ] autre [id:: plus-tard]
                """,
            "clients/b/2026-01-05-session.md": "---\ntype: session\ndate: 2026-01-05\n---\n",
        ])
        let diagnostics = try journal.index().update().diagnostics
        let found = diagnostics.map { "\($0.path):\($0.line) \($0.rule)" }
        #expect(found.contains("clients/a/2026-01-19-session.md:6 ref-unknown"))
        #expect(found.contains("clients/a/2026-01-19-session.md:7 ref-unknown"))
        #expect(found.contains("clients/a/2026-01-19-session.md:9 id-duplicate"))
        #expect(found.contains("clients/b/2026-01-05-session.md:1 client-unknown"))
        #expect(diagnostics.count == 4, "\(found)")
    }

    @Test func sameFileNameInTwoFoldersOfAClient() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n",
            "clients/a/2026-04-10-session.md": "---\ntype: session\ndate: 2026-04-10\n---\n## Engagements\n- [ ] un\n",
            "clients/a/archive/2026-04-10-session.md": "---\ntype: session\ndate: 2026-04-10\n---\n## Engagements\n- [ ] autre\n",
        ])
        let found = try journal.index().update().diagnostics.map { "\($0.path):\($0.line) \($0.rule)" }
        #expect(found == ["clients/a/archive/2026-04-10-session.md:6 id-duplicate"])
    }
}

/// The example journal shipped in examples/: what `make demo` shows.
@Suite struct ExampleJournalTests {
    func exampleStore() throws -> (TemporaryJournal, IndexStore) {
        let copy = try TemporaryJournal()
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples/cabinet-fontaine"), to: copy.root)
        let store = try copy.index()
        return (copy, store)
    }

    @Test func indexMatchesGoldenWithNoStructuralProblem() throws {
        let (copy, store) = try exampleStore()
        defer { withExtendedLifetime(copy) {} }
        let report = try store.update()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { $0.formatted() })")
        try expectGolden(try store.json(), "examples.index.json")
    }

    @Test func missStreaksOfTheStories() throws {
        let (copy, store) = try exampleStore()
        defer { withExtendedLifetime(copy) {} }
        _ = try store.update()
        let clients = Dictionary(uniqueKeysWithValues: try store.clients().map { ($0.id, $0) })
        #expect(clients.count == 5)
        #expect(clients["nadia-benali"]?.missStreak == 2)
        #expect(clients["julien-mercier"].map { ($0.missStreak, $0.longestMissStreak) } ?? (-1, -1) == (0, 2))
        #expect(clients["thomas-girard"]?.longestMissStreak == 2)
        #expect(clients["julien-mercier"]?.next == nil)
    }
}

@Suite struct NoteStorageTests {
    /// Every note of the fixtures decodes from its stored bytes to the very same note.
    @Test func everyFixtureNoteRoundTrips() throws {
        let folders = [fixturesFolder.appendingPathComponent("journals/basic"),
                       packageRoot.appendingPathComponent("examples/cabinet-fontaine")]
        var count = 0
        for folder in folders {
            let entries = FileWalker(root: folder).walk().entries
            for entry in entries {
                let data = try Data(contentsOf: folder.appendingPathComponent(entry.path))
                var note = NoteParser(aliases: try Journal.open(folder, process: .current).config.headingAliases)
                    .parse(data: data, path: entry.path)
                note.diagnostics.append(Diagnostic(path: entry.path, line: 1, column: 2, severity: .info,
                                                   rule: "r", message: "a \"quoted\"\nmessage"))
                // The search lines live in the search table, not in the stored note.
                note.searchLines = nil
                let decoded = try Note(storage: note.storageData())
                #expect(decoded == note, "\(entry.path)")
                count += 1
            }
        }
        #expect(count > 25)
    }

    /// A note with every field set, and every field of a case file: a field the encoder writes
    /// and the decoder skips (or the other way) fails here.
    @Test func everyFieldRoundTrips() throws {
        let day = LocalDate(year: 2026, month: 3, day: 18)!
        var note = Note(path: "clients/é/séance 1.md")
        note.type = .session
        note.client = "nadia-benali"
        note.date = DateValue(date: day, time: .init(hour: 23, minute: 59), offsetMinutes: -330)
        note.status = .cancelled
        note.number = -7
        note.mode = .visio
        note.durationMinutes = 90
        note.cancelledBy = .client
        note.next = DateValue(date: LocalDate(year: 9999, month: 12, day: 31)!, time: .init(hour: 0, minute: 0))
        note.nextIsNone = true
        note.nextReason = "pause d'été 🌞"
        note.clientBriefed = .yes
        note.disclosureAgreed = ["attendance", ""]
        note.fit = .yes
        note.decision = .proceed
        note.participants = ["Marc Petit", "Zoé"]
        note.supervisor = "Claire"
        note.cases = ["a", "b"]
        note.keyLines = ["date": 2, "type": 3, "clé": 9]
        note.items = [
            NoteItem(kind: .commitment, line: 12, column: 3, status: .partial, text: "Appeler — « vite »", id: "c1",
                     ref: "s0#2", due: day, done: day, validated: day, odds: Odds.fromText("10:1"),
                     owner: .coach, reason: MissReason.fromText("busy"), isPrivate: true, rank: 2, isNested: true, created: day,
                     scheduled: day, start: day, priority: .highest, recurrence: "every week", dependsOn: ["x", "y"]),
            NoteItem(kind: .theme, line: 1, column: 1, status: .open, text: "", owner: .client, isPrivate: false, rank: 0,
                     dependsOn: []),
        ]
        note.diagnostics = [Diagnostic(path: note.path, line: 4, column: 5, severity: .warning, rule: "r",
                                       message: "m\u{0}", french: "é")]
        note.suppressions = [Note.Suppression(rules: ["a", "b"], line: 3, nextLineOnly: true),
                             Note.Suppression(rules: [], line: 8, nextLineOnly: false)]
        note.names = [NameCandidate(name: "Rose", line: 2, column: 1, confident: false),
                      NameCandidate(name: "Élodie", line: 3, column: 7)]
        var file = CaseFile()
        file.name = "Nadia Benali"
        file.aliases = ["Nadia", "N."]
        file.gender = "f"
        file.email = "n@example.org"
        file.phone = "+33 6"
        file.role = "DRH"
        file.organisation = .init(name: "Brackwell", aliases: ["BW"], sector: "banque", size: "PME")
        file.sponsor = .init(name: "Marc Petit", aliases: ["Marc"], relation: "manager", gender: "m", role: "DG",
                             organisation: "Brackwell", email: "m@example.org", phone: "01")
        file.people = [.init(name: "Zoé"), .init(name: "Paul", aliases: ["P."], relation: "frère")]
        file.places = [.init(name: "Douarnenez", generalised: "une ville de Bretagne"), .init(name: "Paris")]
        file.demand = "d"
        file.need = "n"
        file.contract = .init(start: day, end: day, sessions: 10, cadence: Cadence.fromText("3w"), duration: 75, mode: .inPerson)
        file.disclosure = [.attendance, .themes]
        file.consent = .init(caseStudy: true, hoursLog: true)
        file.status = .closed
        file.closed = day
        file.outcome = "o"
        note.caseFile = file
        let decoded = try Note(storage: note.storageData())
        #expect(decoded == note)
        // Equality of dates ignores their spelling; the parts are checked one by one.
        #expect(decoded.date?.time == note.date?.time && decoded.date?.offsetMinutes == -330)
        #expect(decoded.caseFile == file)
        #expect(decoded.items.map(\.odds?.probability) == note.items.map(\.odds?.probability))

        let empty = Note(path: "")
        #expect(try Note(storage: empty.storageData()) == empty)
    }

    /// Cut or damaged bytes are an error (the index is then rebuilt), never a crash or a wrong note.
    @Test func damagedBytesAreRefused() throws {
        var note = Note(path: "a.md")
        note.type = .session
        note.items = [NoteItem(kind: .commitment, line: 1, column: 1, status: .open, text: "t", owner: .client,
                               isPrivate: false, rank: 1)]
        let data = note.storageData()
        for length in 0..<data.count {
            #expect(throws: StorageDecodingError.self) { try Note(storage: data.prefix(length)) }
        }
        #expect(throws: StorageDecodingError.self) { try Note(storage: data + Data([0])) }
        #expect(throws: StorageDecodingError.self) { try Note(storage: Data([0xFF, 0xFF, 0xFF])) }
    }
}

@Suite struct IndexVersionTests {
    @Test func damagedIndexIsDeletedAndRebuilt() throws {
        let journal = try fixtureJournal("basic")
        try journal.write(".journal/index.sqlite", "ceci n'est pas une base de données\n")
        let report = try journal.index().update()
        #expect(report.rebuilt)
        #expect(try journal.index().commitments().count == 6)
    }

    /// An index left by an older version, with other tables, is replaced rather than trusted.
    @Test func olderIndexIsRebuilt() throws {
        let journal = try fixtureJournal("basic")
        let folder = journal.root.appendingPathComponent(".journal")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = try DatabaseQueueFactory.make(folder.appendingPathComponent("index.sqlite").path)
        try old.write { db in
            try db.execute(sql: "CREATE TABLE diagnostics(scope TEXT, message TEXT); PRAGMA user_version = 1")
        }
        let report = try journal.index().update()
        #expect(report.rebuilt)
        #expect(report.parsed == report.files)
        #expect(try journal.index().commitments().count == 6)
    }
}
