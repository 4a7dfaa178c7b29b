import Foundation
import Testing
@testable import JournalKit

/// The index's rows hold typed values (docs/architecture.md, "Index"): they read back from the
/// stored resolution as they were made, their JSON spells them as the contract says, and days
/// compare as days.
@Suite struct TypedRowsTests {
    func resolve(_ notes: [String: String]) -> ClientResolution {
        let parsed = notes.map { parseNote($0.value, path: "clients/c/\($0.key)") }
        return Resolver(zone: TimeZone(identifier: "Europe/Paris")!)
            .resolve(client: "c", notes: parsed + [parseNote(
                "---\ntype: client\nname: C Test\nstatus: active\n---\n## Objectifs\n- [ ] Déléguer [id:: o] [validated:: 2026-01-06]\n",
                path: "clients/c/client.md")], knownClients: ["c"])
    }

    var sample: ClientResolution {
        resolve([
            "1.md": "---\ntype: session\ndate: 2026-01-05T18:30+05:30\nnext: 2026-01-19T09:00-03:30\n---\n"
                + "## Engagements\n- [ ] appeler [id:: a] [due:: 2026-01-12] [odds:: 3 : 1] ⏫ ➕ 2026-01-04\n"
                + "- [ ] lire [id:: b] [owner:: coach]\n",
            "2.md": "---\ntype: session\ndate: 2026-01-19\nstatus: no-show\n---\n",
            "3.md": "---\ntype: three-way\ndate: 2026-01-26\n---\n## Revue\n- [ ] [ref:: a] [reason:: pas utile]\n"
                + "- [-] [ref:: b] [reason:: trop de réunions cette semaine]\n- [/] [ref:: o]\n",
        ])
    }

    /// Every field of the stored form, set to something other than its default, reads back;
    /// bytes cut short or added to are refused (the index is then rebuilt), never misread.
    @Test func everyFieldOfAStoredResolutionSurvives() throws {
        let day = try #require(LocalDate(year: 2026, month: 3, day: 18))
        let moment = try #require(DateValue.fromText("2026-03-18T10:00+01:00"))
        var contract = CaseFile.Contract()
        contract.start = day
        contract.end = day.adding(days: 90)
        contract.sessions = 8
        contract.cadence = Cadence.fromText("2w")
        contract.duration = 60
        contract.mode = .visio
        let statement = Statement(date: day, status: .partial, reason: MissReason.fromText("pas le temps"),
                                  path: "clients/a/2.md", line: 7, isMiss: true, isPrivate: true)
        var resolution = ClientResolution()
        resolution.group = "a"
        resolution.client = ResolvedClient(id: "a", status: .paused, hasSponsor: true, contract: contract,
                                           missStreak: 2, longestMissStreak: 3, next: moment)
        resolution.documents = [ResolvedDocument(path: "clients/a/1.md", type: .session, client: "a", date: moment,
                                                 status: .cancelled, number: 4, next: moment, sortKey: 1.5)]
        resolution.objectives = [ResolvedObjective(id: "o", client: "a", text: "Déléguer", status: .done, validated: day,
                                                   path: "clients/a/client.md", line: 12, isPrivate: true,
                                                   history: [statement], shownStatus: .partial)]
        resolution.commitments = [ResolvedCommitment(
            id: "c", client: "a", text: "Appeler — « vite »", owner: .sponsor, made: day, due: day.adding(days: 7),
            odds: Odds.fromText("10:1"), status: .carried, path: "clients/a/1.md", line: 9, isPrivate: true,
            history: [statement, statement], carriedTo: "c2", continues: "c0", created: day, scheduled: day, start: day,
            priority: .lowest, recurrence: "every week", dependsOn: ["x", "y"], blockedBy: ["y"])]
        resolution.appointments = [Appointment(client: "a", date: moment, path: "clients/a/1.md", sortKey: 2.5)]
        resolution.diagnostics = [Diagnostic(path: "clients/a/1.md", line: 3, column: 4, severity: .warning,
                                             rule: "miss-streak", Message("two in a row", fr: "deux de suite"))]
        let data = resolution.storageData()
        let read = try ClientResolution(storage: data)
        #expect(read.group == resolution.group)
        #expect(read.client == resolution.client && read.client?.contract == contract)
        #expect(read.documents == resolution.documents)
        #expect(read.objectives == resolution.objectives)
        #expect(read.commitments == resolution.commitments)
        #expect(read.appointments == resolution.appointments)
        #expect(read.diagnostics == resolution.diagnostics)
        for length in [0, 1, data.count / 2, data.count - 1] {
            #expect(throws: (any Error).self) { try ClientResolution(storage: data.prefix(length)) }
        }
        #expect(throws: (any Error).self) { try ClientResolution(storage: data + Data([0])) }
    }

    @Test func theStoredResolutionReadsBackTheSameValues() throws {
        let made = sample
        let stored = try ClientResolution(storage: made.storageData())
        #expect(stored.client == made.client)
        #expect(stored.documents == made.documents)
        #expect(stored.objectives == made.objectives)
        #expect(stored.commitments == made.commitments)
        #expect(stored.appointments == made.appointments)
        // What the comparison above covers, named: each kind of value survived as itself.
        let a = try #require(stored.commitments.first { $0.id == "a" })
        #expect(a.odds?.probability == 0.75 && a.priority == .high && a.created == LocalDate(year: 2026, month: 1, day: 4))
        #expect(a.history.map(\.reason) == [.notUseful])
        let b = try #require(stored.commitments.first { $0.id == "b" })
        #expect(b.owner == .coach && b.status == .dropped && b.history.first?.reason == .other("trop de réunions cette semaine"))
        #expect(stored.appointments.first?.date.offsetMinutes == -210 && stored.client?.status == .active)
        #expect(stored.documents.map(\.type) == [.client, .session, .session, .threeWay])
        #expect(stored.documents.map(\.status) == [nil, .held, .noShow, nil])
        #expect(stored.objectives.first?.validated == LocalDate(year: 2026, month: 1, day: 6))
        #expect(stored.objectives.first?.status == .partial)
    }

    @Test func theJSONSpellsEachValueAsTheContractDoes() throws {
        let records = IndexJSON.records(of: sample)
        let text = records.map(\.json).joined(separator: "\n")
        for spelt in ["\"owner\": \"coach\"", "\"odds\": \"3:1\"", "\"reason\": \"not-useful\"",
                      "\"reason\": \"trop de réunions cette semaine\"", "\"status\": \"no-show\"", "\"type\": \"three-way\"",
                      "\"priority\": \"high\"", "\"created\": \"2026-01-04\"", "\"validated\": \"2026-01-06\"",
                      "\"date\": \"2026-01-05T18:30+05:30\"", "\"next\": \"2026-01-19T09:00-03:30\"", "\"status\": \"active\"",
                      "\"date\": \"2026-01-19T09:00-03:30\""] {
            #expect(text.contains(spelt), "\(spelt)")
        }
        #expect(records.map(\.kind) == ["client", "document", "document", "document", "document", "objective",
                                        "commitment", "commitment", "appointment"])
    }

    /// As text, no due date read as "9999", which came before the last day the calendar knows
    /// (`9999-12-31`): a commitment with no due date was late on it.
    @Test func aCommitmentWithNoDueDateIsNeverLate() throws {
        let result = resolve(["1.md": "---\ntype: session\ndate: 2026-01-05\n---\n## Engagements\n- [ ] appeler [id:: a]\n"])
        let last = try #require(LocalDate(year: 9999, month: 12, day: 31))
        let a = try #require(result.commitments.first)
        #expect(!a.isLate(on: last))
        #expect(ResolvedCommitment.doneRate(of: result.commitments, today: last).counted == 0)
        let book = CaseBook(config: JournalConfig(zone: .current), documents: [], resolutions: [result])
        let overdue = try CommitmentSummary(book: book, query: .init(overdue: true), today: last)
        #expect(overdue.isEmpty)
    }

    /// As text, an end in year 10000 (a case closed in 9999, kept a year) sorted before 2027.
    @Test func retentionSortsCasesByTheDayTheirRetentionEnds() throws {
        func caseFile(_ id: String, closed: String) -> Note {
            parseNote("---\ntype: client\nname: Ana Test\nstatus: closed\nclosed: \(closed)\n---\n", path: "clients/\(id)/client.md")
        }
        let book = CaseBook(config: JournalConfig(text: "retention: 1y\n", zone: .current),
                            documents: [caseFile("a-late", closed: "9999-06-01"), caseFile("b-soon", closed: "2026-01-01")],
                            resolutions: [])
        let retention = Retention(book: book, today: try #require(LocalDate(year: 2026, month: 6, day: 1)))
        #expect(retention.cases.map(\.client) == ["b-soon", "a-late"])
        #expect(retention.cases.map { $0.ends?.description } == ["2027-01-01", "10000-05-31"])
    }
}
