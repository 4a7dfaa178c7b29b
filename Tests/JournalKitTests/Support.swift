import Foundation
import GRDB
import Testing
@testable import JournalKit

/// A journal in a fresh temporary folder, removed when the test ends.
final class TemporaryJournal {
    let root: URL

    init(_ files: [String: String] = [:], config: String = "language: fr\ntimezone: Europe/Paris\n") throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("journal.yml", config)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func journal() throws -> Journal { try Journal.open(root, process: .current) }

    /// Sets every file's modification time `seconds` back, as for notes written a while ago: the
    /// index re-reads files modified just before its last scan (the "racy clean" rule).
    func backdate(_ seconds: TimeInterval = 3600) throws {
        let date = Date(timeIntervalSinceNow: -seconds)
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: root.appendingPathComponent(path).path)
        }
    }

    func index() throws -> IndexStore { try IndexStore.open(try journal()) }
}

/// git, where the machine has it. Tests that need it say `.enabled(if: gitPath != nil, …)`, so
/// that without git they are reported as skipped, never passed without having run.
let gitPath: String? = Git(on: .current)?.program

/// A copy of a fixture journal from Fixtures/journals, so that tests may change it.
func fixtureJournal(_ name: String) throws -> TemporaryJournal {
    let source = fixturesFolder.appendingPathComponent("journals/\(name)")
    let copy = try TemporaryJournal()
    try FileManager.default.removeItem(at: copy.root)
    try FileManager.default.copyItem(at: source, to: copy.root)
    return copy
}

let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Parses one note's text as `path`.
func parseNote(_ text: String, path: String = "clients/test-client/2026-03-10-session.md",
               aliases: HeadingAliases = HeadingAliases()) -> Note {
    NoteParser(aliases: aliases).parse(data: Data(text.utf8), path: path)
}

/// Compares `actual` with the golden file, or rewrites it when UPDATE_GOLDEN=1.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = fixturesFolder.appendingPathComponent("golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from golden \(name); run UPDATE_GOLDEN=1 swift test to review the change", sourceLocation: sourceLocation)
}

/// Runs the built `journal` binary.
struct CommandResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `journal` binary the end-to-end tests run.
func journalBinary() throws -> URL {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("journal")
    let candidates = [binary, packageRoot.appendingPathComponent(".build/debug/journal")]
    guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return executable.standardizedFileURL
}

func runJournal(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                stdin: String? = nil) throws -> CommandResult {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "JOURNAL_DIR")
    env.removeValue(forKey: "JOURNAL_TODAY")
    for (key, value) in environment { env[key] = value }
    return try runProcess(try journalBinary(), arguments, environment: env, in: directory, stdin: stdin).result
}

/// Runs a program to its end with `environment` as its whole environment; both pipes are read
/// while it runs, so that a large output cannot block it.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String], in directory: URL? = nil,
                stdin: String? = nil) throws -> (result: CommandResult, signalled: Bool) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    }
    let outData = Locked(Data())
    let errData = Locked(Data())
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { outData.value = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData.value = err.fileHandleForReading.readDataToEndOfFile() }
    process.waitUntilExit()
    group.wait()
    let result = CommandResult(status: process.terminationStatus,
                               stdout: String(decoding: outData.value, as: UTF8.self),
                               stderr: String(decoding: errData.value, as: UTF8.self))
    return (result, process.terminationReason == .uncaughtSignal)
}


enum DatabaseQueueFactory {
    static func make(_ path: String) throws -> DatabaseQueue { try DatabaseQueue(path: path) }
}

extension ProcessContext {
    /// The test process's own environment, folder and zone, as the executable hands its own in.
    static var current: ProcessContext {
        ProcessContext(environment: ProcessInfo.processInfo.environment,
                       workingDirectory: FileManager.default.currentDirectoryPath, zone: .current)
    }
}
