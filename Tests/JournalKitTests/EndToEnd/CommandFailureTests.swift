import Foundation
import Testing
@testable import JournalKit
@testable import journal

/// Commands throw `CommandFailure` instead of exiting, so their exit codes are tested here, in
/// this process; and the global options are moved after the subcommand before parsing.
@Suite struct CommandFailureTests {
    @Test func globalOptionsMoveAfterTheSubcommand() {
        #expect(hoistingGlobalOptions(["--journal", "J", "--lang=en", "agenda", "--days", "3"])
                == ["agenda", "--days", "3", "--journal", "J", "--lang=en"])
        #expect(hoistingGlobalOptions(["--today", "2026-01-01", "lint", "--today", "x"])
                == ["lint", "--today", "x", "--today", "2026-01-01"])
        // After the subcommand nothing moves; an option that is not global stays where it is.
        #expect(hoistingGlobalOptions(["lint", "--journal", "J"]) == ["lint", "--journal", "J"])
        #expect(hoistingGlobalOptions(["--help"]) == ["--help"])
        #expect(hoistingGlobalOptions(["--journal"]) == ["--journal"])
    }

    func failure(of arguments: [String]) throws -> CommandFailure? {
        var command = try JournalCommand.parseAsRoot(arguments)
        do {
            try command.run()
            return nil
        } catch let failure as CommandFailure {
            return failure
        }
    }

    @Test func aJournalThatIsNotThereCannotRun() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("journal-none-\(UUID().uuidString)")
        let failure = try #require(try failure(of: ["index", "--journal", missing.path, "--lang", "en"]))
        #expect(failure.code == .couldNotRun)
        #expect(failure.message?.contains(missing.path) == true, "\(failure.message ?? "")")
    }

    @Test func lintErrorsAreProblemsAndABadPathCannotRun() throws {
        let journal = try TemporaryJournal(["clients/a/s1.md": Sample.note("session", "date: 2026-05-01")])
        let problems = try #require(try failure(of: ["lint", "--journal", journal.root.path, "--today", "2026-06-01"]))
        #expect(problems.code == .problems && problems.message == nil)
        let clean = try TemporaryJournal(["clients/a/client.md": Sample.caseFile("status: closed")])
        #expect(try failure(of: ["lint", "--journal", clean.root.path, "--today", "2026-06-01"]) == nil)
        let path = try #require(try failure(of: ["lint", "--journal", clean.root.path, "--lang", "en", "clients/nope"]))
        #expect(path.code == .couldNotRun)
        #expect(path.message?.hasPrefix("clients/nope does not exist") == true, "\(path.message ?? "")")
    }

    @Test func aFailureIsNotWrappedTwice() {
        let inner = CommandFailure.couldNotRun("inner")
        let outer = CommandFailure.couldNotRun(inner, .en)
        #expect(outer.message == "inner" && outer.code == .couldNotRun)
        #expect(CommandFailure.problemsReported.code.rawValue == 1)
        #expect(CommandFailure.couldNotRun("x").code.rawValue == 2)
    }
}
