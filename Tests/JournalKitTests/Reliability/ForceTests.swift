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
        try ExportFile.write("ancienne\n", to: path, force: false)
        #expect(throws: AtomicFile.Failure.exists(path)) { try ExportFile.write("x\n", to: path, force: false) }
        try ExportFile.write("nouvelle\n", to: path, force: true)
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
        #expect(throws: AtomicFile.Failure.notRegular(path)) { try ExportFile.write("écrasé\n", to: path, force: true) }
        #expect(kind(path) == before)
        if what == "link" { #expect(try folder.read("cible.md") == "à garder\n") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).allSatisfy { !$0.hasSuffix(".tmp") })
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
