import Foundation
import Testing
@testable import JournalKit

/// `journal new session` run several times at once for one client (two terminals, a script):
/// each session gets a number of its own, and no note is lost.
@Suite struct ConcurrentNewTests {
    @Test func concurrentSessionsGetDistinctNumbers() throws {
        let runs = 6
        for round in 0..<3 {
            let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
            let results = Locked([CommandResult?](repeating: nil, count: runs))
            let root = journal.root.path
            DispatchQueue.concurrentPerform(iterations: runs) { index in
                let result = try? runJournal(["new", "session", "a", "--date", "2026-03-10 10:00", "--journal", root])
                results.withLock { $0[index] = result }
            }
            let outcomes = results.value.compactMap { $0 }
            #expect(outcomes.count == runs)
            #expect(outcomes.allSatisfy { $0.status == 0 }, "round \(round): \(outcomes.map(\.stderr))")
            let paths = outcomes.map { $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard paths.allSatisfy({ !$0.isEmpty }) else { continue }
            #expect(Set(paths).count == runs, "\(paths)")
            let numbers = try paths.map { path -> Int in
                let text = try journal.read(path)
                let line = text.split(separator: "\n").first { $0.hasPrefix("number:") } ?? ""
                return Int(line.dropFirst("number:".count).trimmingCharacters(in: .whitespaces)) ?? -1
            }
            #expect(numbers.sorted() == Array(1...runs), "round \(round): \(numbers)")
        }
    }

    /// The first runs on a journal create its index together: none of them may fail with
    /// SQLite's "database is locked".
    @Test func concurrentFirstRunsAllSucceed() throws {
        let runs = 8
        for _ in 0..<3 {
            let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
            let root = journal.root.path
            let results = Locked([CommandResult?](repeating: nil, count: runs))
            DispatchQueue.concurrentPerform(iterations: runs) { index in
                let result = try? runJournal(["agenda", "--journal", root, "--today", "2026-03-10"])
                results.withLock { $0[index] = result }
            }
            let outcomes = results.value.compactMap { $0 }
            #expect(outcomes.count == runs)
            #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.stderr))")
        }
    }
}
