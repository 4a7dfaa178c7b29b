import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// What the index trusts without reading a file again.
@Suite struct IndexTrustTests {
    static let path = "clients/a/2026-03-10-session.md"

    func note(_ text: String) -> String {
        Sample.note("session", "date: 2026-03-10\nnext: none\nnext_reason: fin", "## Engagements\n- [ ] \(text)\n")
    }

    /// `cp -p` and `rsync -t` write new content and set the old mtime back; same size too.
    @Test func anEditThatKeepsSizeAndMtimeIsSeen() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), Self.path: note("Appeler Paul")])
        try journal.backdate()
        let store = try journal.index()
        _ = try store.update()
        #expect(try store.commitments().map(\.text) == ["Appeler Paul"])
        let url = journal.root.appendingPathComponent(Self.path)
        var before = stat()
        #expect(stat(url.path, &before) == 0)
        try journal.write(Self.path, note("Appeler Luci"))
        // The same number of bytes, and the mtime put back to the nanosecond.
        #expect(try Data(contentsOf: url).count == Int(before.st_size))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        let report = try store.update()
        #expect(report.parsed == 1)
        #expect(try store.commitments().map(\.text) == ["Appeler Luci"])
    }

    @Test func aFileModifiedJustBeforeTheScanIsReadAgain() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), Self.path: note("Appeler Paul")])
        try journal.backdate()
        try journal.write(Self.path, note("Appeler Lucie"))
        let store = try journal.index()
        _ = try store.update()
        // Written a moment before the scan that read it: not trusted yet, read (not parsed) again.
        let next = try store.update()
        #expect(next.read == 1)
        #expect(next.parsed == 0)
    }

    @Test func racyCleanRule() {
        let entry = FileWalker.Entry(path: "a.md", size: 10, modified: 5_000_000_000_000, changed: 5_000_000_000_000, inode: 7)
        func state(verified: Int64, size: Int64 = 10, changed: Int64 = 5_000_000_000_000, inode: UInt64 = 7) -> IndexStore.FileState {
            IndexStore.FileState(size: size, modified: entry.modified, changed: changed, inode: inode,
                                 verified: verified, hash: "", client: "")
        }
        #expect(state(verified: entry.modified + 10_000_000_000).matches(entry))
        // Read in the same second as it was written: a later write may have kept its mtime.
        #expect(!state(verified: entry.modified + 1_000_000).matches(entry))
        #expect(!state(verified: entry.modified - 1_000_000_000).matches(entry))
        #expect(!state(verified: entry.modified + 10_000_000_000, changed: 1).matches(entry))
        #expect(!state(verified: entry.modified + 10_000_000_000, inode: 8).matches(entry))
        #expect(!state(verified: entry.modified + 10_000_000_000, size: 11).matches(entry))
    }
}
