import Foundation
@testable import JournalKit

/// Runs git in `root` with a fixed identity; nil when git is not installed.
@discardableResult
func git(_ arguments: [String], in root: URL) throws -> CommandResult? {
    guard let git = Initializer.which("git") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: git)
    process.arguments = ["-C", root.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                         "-c", "commit.gpgsign=false"] + arguments
    var env = ProcessInfo.processInfo.environment
    env["GIT_AUTHOR_NAME"] = "Test"
    env["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
    env["GIT_COMMITTER_NAME"] = "Test"
    env["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// A fixture journal as a git repository with everything committed; nil without git.
func committedFixture(_ name: String) throws -> TemporaryJournal? {
    let journal = try fixtureJournal(name)
    guard try git(["init", "-q"], in: journal.root) != nil else { return nil }
    try git(["add", "-A"], in: journal.root)
    try git(["commit", "-q", "-m", "notes"], in: journal.root)
    return journal
}
