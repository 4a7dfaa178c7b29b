import Foundation
import Testing
@testable import JournalKit

/// What the resolver reads for planned sessions, carried commitments and objective ids.
@Suite struct WeekResolutionTests {
    func resolve(_ notes: [String: String], caseBody: String = "") -> ClientResolution {
        let parsed = notes.map { parseNote($0.value, path: "clients/c/\($0.key)") }
        return Resolver(zone: TimeZone(identifier: "Europe/Paris")!)
            .resolve(client: "c", notes: parsed + [parseNote("---\ntype: client\nname: C Test\n---\n" + caseBody, path: "clients/c/client.md")],
                     knownClients: ["c"])
    }

    func session(_ date: String, _ extra: String = "", _ body: String = "") -> String {
        "---\ntype: session\ndate: \(date)\n\(extra)---\n" + body
    }

    @Test func aPlannedSessionIsNumberedButItsReviewSaysNothing() {
        let result = resolve([
            "1.md": session("2026-01-05", "next: 2026-01-19\n", "## Engagements\n- [ ] a [id:: a] [due:: 2026-01-10]\n"),
            "2.md": session("2026-01-19", "status: prévue\n", "## Revue\n- [ ] [ref:: a] Appeler\n"),
        ])
        #expect(result.documents.map(\.number) == [nil, 1, 2])
        #expect(result.documents.last?.status == .planned)
        let a = result.commitments.first!
        #expect(a.history.isEmpty && a.status == .open)
        #expect(result.client?.missStreak == 0)
        // Its empty `next` does not hide the date the held session fixed.
        #expect(result.client?.next?.description == "2026-01-19")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aPlannedSessionStillHasItsRefsChecked() {
        let result = resolve(["1.md": session("2026-01-19", "status: planned\n", "## Revue\n- [ ] [ref:: nowhere]\n")])
        #expect(result.diagnostics.map(\.rule) == [Rule.refUnknown.rawValue])
    }

    @Test func carriedIsClosedAndLinkedBothWays() {
        let result = resolve([
            "1.md": session("2026-01-05", "", "## Engagements\n- [ ] a [id:: a] [due:: 2026-01-10]\n"),
            "2.md": session("2026-01-19", "", "## Revue\n- [>] [ref:: a] [id:: a-2] plus tard\n## Engagements\n- [ ] a encore [id:: a-2]\n"),
        ])
        let a = result.commitments.first { $0.id == "a" }!
        let next = result.commitments.first { $0.id == "a-2" }!
        #expect(a.status == .carried && !a.isOpen && a.carriedTo == "a-2")
        #expect(next.continues == "a" && next.isOpen)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func anObjectiveKeepsOneLineAndItsHistory() {
        let result = resolve([
            "1.md": session("2026-01-05", "", "## Objectifs\n- [/] [ref:: o] à moitié\n"),
            "2.md": session("2026-01-19", "", "## Revue\n- [x] [ref:: o] atteint\n## Notes privées\n### Revue\n- [-] [ref:: o] abandonné en secret\n"),
        ], caseBody: "## Objectifs\n- [ ] Un objectif [id:: o]\n")
        #expect(result.objectives.count == 1)
        let o = result.objectives[0]
        #expect(o.id == "o" && o.history.map(\.status) == [.partial, .done, .dropped])
        #expect(o.status == .dropped && o.shownStatus == .done)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func anObjectiveRefMustNameAnEarlierObjective() {
        let result = resolve(["1.md": session("2026-01-05", "", "## Objectifs\n- [x] [ref:: nowhere] fait\n")])
        #expect(result.diagnostics.map(\.rule) == [Rule.refUnknown.rawValue])
        #expect(result.objectives.isEmpty)
    }
}
