import Foundation
@testable import JournalKit

/// Runs git in `root` with a fixed identity; nil when git is not installed.
@discardableResult
func git(_ arguments: [String], in root: URL) throws -> CommandResult? {
    guard let git = Git(on: .current)?.program else { return nil }
    var env = ProcessInfo.processInfo.environment
    env["GIT_AUTHOR_NAME"] = "Test"
    env["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
    env["GIT_COMMITTER_NAME"] = "Test"
    env["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
    return try runProcess(URL(fileURLWithPath: git), ["-C", root.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                                                       "-c", "commit.gpgsign=false"] + arguments, environment: env).result
}

/// A fixture journal as a git repository with everything committed; nil without git.
func committedFixture(_ name: String) throws -> TemporaryJournal? {
    let journal = try fixtureJournal(name)
    guard try git(["init", "-q"], in: journal.root) != nil else { return nil }
    try git(["add", "-A"], in: journal.root)
    try git(["commit", "-q", "-m", "notes"], in: journal.root)
    return journal
}
