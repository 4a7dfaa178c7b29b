import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// `lint --fix` rewrites a note's content and nothing else about it: mode, owner, links.
@Suite struct LintFixFileKindTests {
    static let note = Sample.note("session", "date: 18/03/2026\nnext: none\nnext_reason: fin")

    func status(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    @Test func aPrivateNoteStaysPrivate() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "clients/a/s.md": Self.note])
        let path = journal.root.appendingPathComponent("clients/a/s.md").path
        #expect(chmod(path, 0o600) == 0)
        let report = try LintFixer(journal: try journal.journal()).run()
        #expect(report.changes.count == 1)
        #expect(try journal.read("clients/a/s.md").contains("date: 2026-03-18"))
        #expect(status(path).st_mode & 0o7777 == 0o600)
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file another owner"))
    func theOwnerIsKept() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "clients/a/s.md": Self.note])
        let path = journal.root.appendingPathComponent("clients/a/s.md").path
        #expect(chown(path, 4321, 4322) == 0)
        #expect(chmod(path, 0o640) == 0)
        _ = try LintFixer(journal: try journal.journal()).run()
        #expect(try journal.read("clients/a/s.md").contains("date: 2026-03-18"))
        let info = status(path)
        #expect(info.st_uid == 4321 && info.st_gid == 4322)
        #expect(info.st_mode & 0o7777 == 0o640)
    }

    @Test func aLinkedNoteIsFixedInItsTargetAndStaysALink() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile(), "partage/vraie.md": Self.note])
        let link = journal.root.appendingPathComponent("clients/a/lien.md").path
        #expect(symlink("../../partage/vraie.md", link) == 0)
        let report = try LintFixer(journal: try journal.journal()).run()
        #expect(report.refused.isEmpty, "\(report.refused)")
        #expect(status(link).st_mode & S_IFMT == S_IFLNK)
        #expect(try journal.read("partage/vraie.md").contains("date: 2026-03-18"))
    }

    @Test func aLinkOutsideTheJournalIsNeverWrittenThrough() throws {
        let journal = try TemporaryJournal()
        let outside = try TemporaryJournal()
        try outside.write("dehors.md", Self.note)
        let link = journal.root.appendingPathComponent("lien.md")
        #expect(symlink(outside.root.appendingPathComponent("dehors.md").path, link.path) == 0)
        #expect(throws: AtomicFile.Failure.linkOutside(link.path)) {
            try AtomicFile.replace(Data("écrasé".utf8), at: link, inside: journal.root, expecting: Data(Self.note.utf8))
        }
        #expect(try outside.read("dehors.md") == Self.note)
        #expect(status(link.path).st_mode & S_IFMT == S_IFLNK)
        let message = AtomicFile.Failure.linkOutside("lien.md").message(in: .fr)
        #expect(message.contains("hors du journal"))
    }

    @Test func aFileWithSeveralHardLinksIsNotSplit() throws {
        let journal = try TemporaryJournal(["a.md": Self.note])
        let url = journal.root.appendingPathComponent("a.md")
        #expect(link(url.path, journal.root.appendingPathComponent("b.md").path) == 0)
        #expect(throws: AtomicFile.Failure.hardLinked(url.path)) {
            try AtomicFile.replace(Data("x".utf8), at: url, inside: journal.root, expecting: Data(Self.note.utf8))
        }
        #expect(try journal.read("b.md") == Self.note)
    }
}
