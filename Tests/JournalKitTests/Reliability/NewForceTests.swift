import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// `journal new --force` replaces a note as `lint --fix` does: its mode and owner kept, a link
/// inside the journal written through and left a link, nothing else replaced.
@Suite struct NewForceTests {
    static let old = Sample.note("session", "date: 2026-03-10 10:00\nnext: none\nnext_reason: fin", "ancien texte\n")

    func status(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    func newSession(_ journal: TemporaryJournal) throws -> CommandResult {
        try runJournal(["new", "session", "a", "--date", "2026-03-10 10:00", "--force", "--journal", journal.root.path])
    }

    @Test func aPrivateNoteReplacedWithForceStaysPrivate() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "clients/a/2026-03-10-session.md": Self.old])
        let path = journal.root.appendingPathComponent("clients/a/2026-03-10-session.md").path
        #expect(chmod(path, 0o600) == 0)
        let result = try newSession(journal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!(try journal.read("clients/a/2026-03-10-session.md")).contains("ancien texte"))
        #expect(status(path).st_mode & 0o7777 == 0o600)
    }

    @Test func aLinkedNoteIsReplacedInItsTargetAndStaysALink() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "partage/vraie.txt": Self.old])
        let link = journal.root.appendingPathComponent("clients/a/2026-03-10-session.md").path
        #expect(symlink("../../partage/vraie.txt", link) == 0)
        let result = try newSession(journal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(status(link).st_mode & S_IFMT == S_IFLNK)
        #expect(try journal.read("partage/vraie.txt").contains("type: session"))
    }

    @Test func aLinkOutsideTheJournalIsNotWrittenThrough() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        let outside = try TemporaryJournal()
        try outside.write("dehors.md", "à garder\n")
        let link = journal.root.appendingPathComponent("clients/a/2026-03-10-session.md").path
        #expect(symlink(outside.root.appendingPathComponent("dehors.md").path, link) == 0)
        let result = try newSession(journal)
        #expect(result.status == 2)
        #expect(try outside.read("dehors.md") == "à garder\n")
        #expect(status(link).st_mode & S_IFMT == S_IFLNK)
    }
}
