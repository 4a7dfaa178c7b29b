import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// A damaged index, or something else where the index should be, never stops a command.
@Suite struct IndexRepairTests {
    func indexPath(_ journal: TemporaryJournal) -> String {
        journal.root.appendingPathComponent(".journal/index.sqlite").path
    }

    func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    /// A small generator of our own, so that each round's damage is the same on every run.
    struct Bytes: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func randomBytesOverPagesOfTheIndex() throws {
        let golden = try String(contentsOf: fixturesFolder.appendingPathComponent("golden/basic.index.json"), encoding: .utf8)
        for round in 0..<6 {
            let journal = try fixtureJournal("basic")
            do { _ = try journal.index().update() }  // closed again at the end of this scope
            let url = URL(fileURLWithPath: indexPath(journal))
            var bytes = try Data(contentsOf: url)
            #expect(bytes.count > 8192)
            var random = Bytes(state: UInt64(round + 1))
            // Every page but the first (the header), or a few pages only, or the header itself.
            let start = round == 5 ? 0 : 4096
            let end = round % 2 == 0 ? bytes.count : min(bytes.count, start + 4096 * 2)
            for index in start..<end { bytes[index] = UInt8.random(in: 0...255, using: &random) }
            try bytes.write(to: url)
            let arguments = round % 3 == 0 ? ["index", "--rebuild"] : round % 3 == 1 ? ["commitments"] : ["index"]
            let result = try runJournal(arguments + ["--journal", journal.root.path, "--today", "2026-04-10"])
            #expect(result.status == 0, "round \(round): \(result.stderr)")
            #expect(!result.stderr.contains("malformed"))
            let json = try runJournal(["index", "--json", "--journal", journal.root.path])
            #expect(json.status == 0)
            #expect(json.stdout == golden, "round \(round)")
        }
    }

    @Test func damageFoundAfterOpeningIsRepairedByAnyRead() throws {
        let journal = try fixtureJournal("basic")
        let store = try journal.index()
        _ = try store.update()
        // What is stored can no longer be decoded: as bad as a malformed page.
        try store.database.write { try $0.execute(sql: "UPDATE resolutions SET data = x'00ff'") }
        #expect(try store.commitments().count == 6)
        let report = try store.update()
        #expect(report.repaired)
    }

    /// A stored note that cannot be decoded is damage too: the reading commands rebuild the
    /// index rather than work without that note.
    @Test func undecodableStoredNoteIsRepaired() throws {
        let journal = try fixtureJournal("basic")
        let store = try journal.index()
        _ = try store.update()
        let count = try store.documents().count
        try store.database.write { try $0.execute(sql: "UPDATE notes SET data = x'01ff'") }
        #expect(try store.documents().count == count)
        #expect(try store.update().repaired)
    }

    @Test(arguments: ["folder", "fifo", "device link", "link outside"])
    func somethingElseWhereTheIndexShouldBe(_ what: String) throws {
        let journal = try fixtureJournal("basic")
        let outside = try TemporaryJournal()
        let path = indexPath(journal)
        try FileManager.default.createDirectory(atPath: journal.root.appendingPathComponent(".journal").path,
                                                withIntermediateDirectories: true)
        var outsideBytes = Data()
        switch what {
        case "folder":
            try FileManager.default.createDirectory(atPath: path + "/dedans", withIntermediateDirectories: true)
        case "fifo":
            #expect(mkfifo(path, 0o644) == 0)
        case "device link":
            #expect(symlink("/dev/zero", path) == 0)
        default:
            // A database of another journal: it must not be written to.
            let other = try fixtureJournal("clean")
            do { _ = try other.index().update() }
            let target = outside.root.appendingPathComponent("autre.sqlite").path
            try FileManager.default.copyItem(atPath: indexPath(other), toPath: target)
            outsideBytes = try Data(contentsOf: URL(fileURLWithPath: target))
            #expect(symlink(target, path) == 0)
        }
        let result = try runJournal(["index", "--journal", journal.root.path])
        #expect(result.status == 0, "\(what): \(result.stderr)")
        #expect(result.stderr.contains("mis de côté"))
        #expect(kind(path) == S_IFREG)
        #expect(try journal.index().commitments().count == 6)
        if what == "link outside" {
            #expect(try Data(contentsOf: outside.root.appendingPathComponent("autre.sqlite")) == outsideBytes)
            #expect(!FileManager.default.fileExists(atPath: outside.root.appendingPathComponent("autre.sqlite-wal").path))
        }
    }

    @Test func aLinkedJournalFolderIsNotFollowed() throws {
        let journal = try fixtureJournal("basic")
        let outside = try TemporaryJournal()
        let target = outside.root.appendingPathComponent("ailleurs")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        #expect(symlink(target.path, journal.root.appendingPathComponent(".journal").path) == 0)
        let result = try runJournal(["index", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
        #expect(kind(journal.root.appendingPathComponent(".journal").path) == S_IFDIR)
    }
}
