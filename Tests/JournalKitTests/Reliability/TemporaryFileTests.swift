import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files of a write that a crash interrupted are cleaned up, and never committed.
@Suite struct TemporaryFileTests {
    @Test func namesOfOurTemporaryFiles() {
        #expect(AtomicFile.isTemporaryName(AtomicFile.temporaryName(for: "2026-03-18-session.md")))
        #expect(AtomicFile.isTemporaryName(".journal.yml.123.4294967295.tmp"))
        #expect(!AtomicFile.isTemporaryName(".brouillon.tmp"))
        #expect(!AtomicFile.isTemporaryName(".note.md.12a.5.tmp"))
        #expect(!AtomicFile.isTemporaryName("note.md.1.2.tmp"))
        #expect(!AtomicFile.isTemporaryName("..1.2.tmp"))
    }

    @Test func staleOnesAreRemovedOnTheNextRun() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        let old = Date(timeIntervalSinceNow: -3600)
        let stale = ["clients/a/.2026-03-18-session.md.4242.17.tmp", ".journal.yml.99.1.tmp",
                     "exports/.synthese.md.7.8.tmp", ".journal/.index.x.1.2.tmp"]
        let kept = ["clients/a/.2026-03-19-session.md.4243.18.tmp", // written a moment ago: a write under way
                    "clients/a/.brouillon.tmp"]                    // not ours
        for path in stale + kept {
            try journal.write(path, "à moitié écrit")
        }
        for path in stale + ["clients/a/.brouillon.tmp"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: journal.root.appendingPathComponent(path).path)
        }
        // A link of our naming is not ours to follow or remove.
        let outside = try TemporaryJournal()
        try outside.write("garder.txt", "à garder")
        let link = journal.root.appendingPathComponent("clients/a/.lien.md.1.2.tmp").path
        #expect(symlink(outside.root.appendingPathComponent("garder.txt").path, link) == 0)
        let report = try journal.index().update()
        #expect(report.cleaned == stale.sorted())
        for path in stale { #expect(!FileManager.default.fileExists(atPath: journal.root.appendingPathComponent(path).path)) }
        for path in kept { #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent(path).path)) }
        var info = stat()
        #expect(lstat(link, &info) == 0)
        #expect(try outside.read("garder.txt") == "à garder")
    }

    @Test func initIgnoresThemAndAddsThePatternToAnOlderJournal() throws {
        let journal = try TemporaryJournal()
        try journal.write(".gitignore", ".journal/\nexports/\n")
        let result = try runJournal(["init", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try journal.read(".gitignore") == ".journal/\nexports/\n.*.tmp\n!journal.key\n")
    }

    @Test(.enabled(if: gitPath != nil, "git is not installed")) func gitIgnoresTheTemporaryFilesOfAnOlderJournal() throws {
        let git = try #require(gitPath)
        let journal = try TemporaryJournal()
        try journal.write(".gitignore", ".journal/\nexports/\n")
        #expect(try runJournal(["init", journal.root.path]).status == 0)
        try journal.write("clients/a/.s.md.12.34.tmp", "x")
        #expect(Git(program: git).run(["-C", journal.root.path, "check-ignore", "-q", "clients/a/.s.md.12.34.tmp"]))
        #expect(!Git(program: git).run(["-C", journal.root.path, "check-ignore", "-q", "clients/a/s.md"]))
    }
}
