import Foundation
import Testing
@testable import JournalKit

/// Status resolution, history, misses and the miss streak (docs/format.md, "Ids and the review").
@Suite struct ResolutionTests {
    func resolve(_ notes: [String: String]) -> ClientResolution {
        let parsed = notes.map { parseNote($0.value, path: "clients/c/\($0.key)") }
        return Resolver(zone: TimeZone(identifier: "Europe/Paris")!)
            .resolve(client: "c", notes: parsed + [parseNote("---\ntype: client\nname: C Test\n---\n", path: "clients/c/client.md")],
                     knownClients: ["c"])
    }

    func session(_ date: String, _ body: String) -> String {
        "---\ntype: session\ndate: \(date)\n---\n" + body
    }

    @Test func latestDatedStatementWins() {
        let result = resolve([
            "1.md": session("2026-01-05", "## Engagements\n- [ ] a [id:: a]\n"),
            "3.md": session("2026-02-02", "## Revue\n- [x] [ref:: a] fait\n"),
            "2.md": session("2026-01-19", "## Revue\n- [/] [ref:: a] en cours\n"),
        ])
        let a = result.commitments.first!
        #expect(a.status == .done)
        #expect(a.history.map(\.status) == [.partial, .done])
        #expect(a.history.map(\.date?.description) == ["2026-01-19", "2026-02-02"])
    }

    @Test func doneDateOnTheItemItselfCountsFromThatDay() {
        let result = resolve([
            "1.md": session("2026-01-05", "## Engagements\n- [x] a [id:: a] [done:: 2026-01-25]\n"),
            "2.md": session("2026-01-19", "## Revue\n- [ ] [ref:: a] pas encore\n"),
        ])
        #expect(result.commitments.first?.status == .done)
    }

    @Test func implicitRefsResolve() {
        let result = resolve([
            "2026-01-05-session.md": session("2026-01-05", "## Engagements\n- [ ] a\n- [ ] b\n"),
            "2026-01-19-session.md": session("2026-01-19", "## Revue\n- [-] [ref:: 2026-01-05-session#2] non [reason:: hard]\n"),
        ])
        #expect(result.commitments.map(\.id) == ["2026-01-05-session#1", "2026-01-05-session#2"])
        #expect(result.commitments[1].status == .dropped)
        #expect(result.commitments[1].history.first?.reason == .hard)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func missesAndStreak() {
        let result = resolve([
            "1.md": session("2026-01-05", "## Engagements\n- [ ] a [id:: a] [due:: 2026-01-10]\n- [ ] b [id:: b]\n- [ ] c [id:: c] [owner:: coach]\n"),
            // Open after its due date: a miss. b open without reason nor due: not a miss.
            "2.md": session("2026-01-19", "## Revue\n- [ ] [ref:: a] pas fait\n- [ ] [ref:: b] en cours\n"),
            // Dropped with a reason: a miss.
            "3.md": session("2026-02-02", "## Revue\n- [-] [ref:: b] abandon [reason:: not-useful]\n"),
            // The coach's own miss does not count in the client's streak.
            "4.md": session("2026-02-16", "## Revue\n- [ ] [ref:: c] oublié [reason:: busy]\n- [x] [ref:: a] fait\n"),
        ])
        let byID = Dictionary(uniqueKeysWithValues: result.commitments.map { ($0.id, $0) })
        #expect(byID["a"]?.history.map(\.isMiss) == [true, false])
        #expect(byID["b"]?.history.map(\.isMiss) == [false, true])
        #expect(byID["c"]?.history.map(\.isMiss) == [true])
        #expect(result.client?.missStreak == 0)
        #expect(result.client?.longestMissStreak == 2)
    }

    @Test func currentStreakCountsFromTheNewestReview() {
        let result = resolve([
            "1.md": session("2026-01-05", "## Engagements\n- [ ] a [id:: a]\n- [ ] b [id:: b]\n- [ ] c [id:: c]\n"),
            "2.md": session("2026-01-19", "## Revue\n- [x] [ref:: a] fait\n"),
            "3.md": session("2026-02-02", "## Revue\n- [ ] [ref:: b] non [reason:: busy]\n"),
            "4.md": session("2026-02-16", "## Revue\n- [ ] [ref:: c] non [reason:: stuck]\n- [x] [ref:: b] fait\n"),
        ])
        #expect(result.client?.missStreak == 2)
    }

    @Test func sessionNumbersCountHeldSessions() {
        let result = resolve([
            "1.md": session("2026-01-05", ""),
            "2.md": "---\ntype: session\ndate: 2026-01-12\nstatus: cancelled\n---\n",
            "3.md": session("2026-01-19", ""),
            "4.md": "---\ntype: session\ndate: 2026-01-26\nnumber: 7\n---\n",
            "5.md": session("2026-02-09", ""),
        ])
        let numbers = result.documents.filter { $0.type == .session }.map(\.number)
        #expect(numbers == [1, nil, 2, 7, 8])
    }

    @Test func appointmentsSkipNone() {
        let result = resolve([
            "1.md": "---\ntype: session\ndate: 2026-01-05\nnext: 2026-01-19 10:00\n---\n",
            "2.md": "---\ntype: session\ndate: 2026-01-19\nnext: none\n---\n",
        ])
        #expect(result.appointments.map(\.date.description) == ["2026-01-19T10:00"])
    }
}
