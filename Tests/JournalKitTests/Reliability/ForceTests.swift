import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// `--force` replaces an existing regular file, and nothing else.
@Suite struct ForceTests {
    func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    @Test func forceReplacesARegularFile() throws {
        let folder = try TemporaryJournal()
        let path = folder.root.appendingPathComponent("synthese.md").path
        try ExportFile.write("ancienne\n", to: path, force: false, process: .current)
        #expect(throws: AtomicFile.Failure.exists(path)) { try ExportFile.write("x\n", to: path, force: false, process: .current) }
        try ExportFile.write("nouvelle\n", to: path, force: true, process: .current)
        #expect(try folder.read("synthese.md") == "nouvelle\n")
    }

    @Test(arguments: ["fifo", "link", "folder"])
    func forceNeverReplacesAnythingElse(_ what: String) throws {
        let folder = try TemporaryJournal()
        let path = folder.root.appendingPathComponent("sortie").path
        switch what {
        case "fifo": #expect(mkfifo(path, 0o644) == 0)
        case "link":
            try folder.write("cible.md", "à garder\n")
            #expect(symlink("cible.md", path) == 0)
        default: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        let before = kind(path)
        #expect(throws: AtomicFile.Failure.notRegular(path)) { try ExportFile.write("écrasé\n", to: path, force: true, process: .current) }
        #expect(kind(path) == before)
        if what == "link" { #expect(try folder.read("cible.md") == "à garder\n") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// A mistyped `--out` with `--force` never turns a note, the settings, the secret or a
    /// template into an export; files under exports/ and outside the journal are replaced.
    @Test func forceNeverReplacesAFileOfTheJournal() throws {
        let journal = try fixtureJournal("basic")
        try journal.write("templates/report.md", "# {{client}}\n")
        try journal.write("exports/ancien.md", "ancien\n")
        let root = journal.root.path
        let today = ["--journal", root, "--today", "2026-04-10", "--force"]
        for (command, target) in [(["summarize", "lea-morel", "--out"], "clients/lea-morel/client.md"), (["report", "lea-morel", "--out"], "journal.yml"),
                                  (["hours", "--out"], "journal.key"), (["agenda", "--ics"], "templates/report.md")] {
            guard FileManager.default.fileExists(atPath: journal.root.appendingPathComponent(target).path) else { continue }
            let before = try journal.read(target)
            let result = try runJournal(command + [journal.root.appendingPathComponent(target).path] + today)
            #expect(result.status == 2, "\(command) \(target)")
            #expect(result.stderr.contains("est un fichier du journal") && result.stderr.contains("même avec --force"), "\(result.stderr)")
            #expect(try journal.read(target) == before, "\(target)")
        }
        // Given relative to the current folder, inside the journal.
        let relative = try runJournal(["hours", "--out", "clients/lea-morel/client.md"] + today, in: journal.root)
        #expect(relative.status == 2 && relative.stderr.contains("est un fichier du journal"))
        let replaced = try runJournal(["hours", "--out", journal.root.appendingPathComponent("exports/ancien.md").path] + today)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try journal.read("exports/ancien.md") != "ancien\n")
        #expect(!ExportFile.isCoachsOwn("exports/synthese.md") && !ExportFile.isCoachsOwn("heures.csv"))
        #expect(ExportFile.isCoachsOwn("supervision/2026-03-01-supervision.md") && ExportFile.isCoachsOwn("journal.key"))
    }

    @Test func summarizeForceOntoAPipeExitsTwo() throws {
        let journal = try fixtureJournal("basic")
        let out = journal.root.appendingPathComponent("exports/tube").path
        try FileManager.default.createDirectory(atPath: journal.root.appendingPathComponent("exports").path, withIntermediateDirectories: true)
        #expect(mkfifo(out, 0o644) == 0)
        let result = try runJournal(["summarize", "lea-morel", "--out", out, "--force", "--journal", journal.root.path, "--today", "2026-04-10"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("n'est pas un fichier ordinaire"), "\(result.stderr)")
        #expect(kind(out) == S_IFIFO)
    }
}
