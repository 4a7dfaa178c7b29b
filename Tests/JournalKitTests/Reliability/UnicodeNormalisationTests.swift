import Foundation
import Testing
@testable import JournalKit
#if canImport(Glibc)
import Glibc
#endif

/// Ids and paths are compared in one Unicode form (NFC), whatever form the disk, the editor or
/// the command line gives them: a Mac names folders decomposed (NFD), keyboards type composed.
@Suite struct UnicodeNormalisationTests {
    static let composed = "jos\u{E9}"
    static let decomposed = "jose\u{301}"

    static func session(_ fields: String = "", _ body: String) -> String {
        Sample.note("session", "date: 2026-03-10\nnext: none\nnext_reason: fin\(fields)", body)
    }

    /// The names as they are on the disk, byte for byte.
    func names(in folder: URL) throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).map { Array($0.utf8) }
    }

    @Test func theFixtureReallyHasBothForms() throws {
        let journal = try TemporaryJournal(["clients/\(Self.decomposed)/client.md": Sample.caseFile()])
        #expect(try names(in: journal.root.appendingPathComponent("clients")) == [Array(Self.decomposed.utf8)])
        #expect(Array(Self.composed.utf8) != Array(Self.decomposed.utf8))
    }

    @Test func aDecomposedFolderAndAComposedClientFieldAreOneClient() throws {
        let journal = try TemporaryJournal([
            "clients/\(Self.decomposed)/client.md": Sample.caseFile("status: active\nsponsor: {name: Odile Ferrand, organisation: Ferrand SA}\ndisclosure: [attendance]"),
            // Typed on Linux: the same name, composed.
            "clients/\(Self.decomposed)/2026-03-10-session.md": Self.session("\nclient: \(Self.composed)",
                "## Engagements\n- [ ] Appeler le comptable [due:: 2026-03-20]\n"),
            "supervision/2026-03-12-supervision.md": Sample.note("supervision", "date: 2026-03-12\ncases: [\(Self.composed)]"),
        ])
        let index = try runJournal(["index", "--json", "--journal", journal.root.path])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(!index.stderr.contains("client-unknown"), "\(index.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(index.stdout.utf8)) as! [String: Any]
        let clients = (json["clients"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(clients.map { Array($0.utf8) } == [Array(Self.composed.utf8)], "\(clients)")
        let commitments = json["commitments"] as! [[String: Any]]
        #expect(commitments.count == 1)
        #expect(commitments.first?["client"] as? String == Self.composed)
        // The id, typed either way on the command line, names the client.
        for typed in [Self.composed, Self.decomposed] {
            let summary = try runJournal(["summarize", typed, "--no-anonymise", "--journal", journal.root.path])
            #expect(summary.status == 0, "\(summary.stderr)")
            #expect(!summary.stderr.contains("pas de dossier"), "\(summary.stderr)")
            let listed = try runJournal(["commitments", "--client", typed, "--journal", journal.root.path, "--today", "2026-03-15"])
            #expect(listed.stdout.contains("Appeler le comptable"), "\(listed.stdout)\(listed.stderr)")
            let report = try runJournal(["report", typed, "--journal", journal.root.path, "--today", "2026-03-15"])
            #expect(report.status == 0, "\(report.stderr)")
        }
        let lint = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-03-15"])
        #expect(!lint.stderr.contains("client-unknown") && !lint.stderr.contains("id-duplicate"), "\(lint.stderr)")
    }

    @Test func aNewSessionGoesIntoTheFolderAsItIsNamedOnTheDisk() throws {
        let journal = try TemporaryJournal(["clients/\(Self.decomposed)/client.md": Sample.caseFile()])
        let result = try runJournal(["new", "session", Self.composed, "--date", "2026-03-10 10:00", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try names(in: journal.root.appendingPathComponent("clients")) == [Array(Self.decomposed.utf8)])
        let folder = journal.root.appendingPathComponent("clients/\(Self.decomposed)")
        #expect(try names(in: folder).count == 2)
    }

    @Test func twoNamesThatDifferOnlyByTheirFormAreATrueDuplicateAndReported() throws {
        // Written one by one: as keys of one dictionary, Swift would take the two names for one.
        let journal = try TemporaryJournal(["clients/a/client.md": Sample.caseFile()])
        try journal.write("clients/a/2026-03-10-s\u{E9}ance.md", Self.session("", "## Engagements\n- [ ] Premier engagement [due:: 2026-03-20]\n"))
        try journal.write("clients/a/2026-03-10-se\u{301}ance.md", Self.session("", "## Engagements\n- [ ] Second engagement [due:: 2026-03-20]\n"))
        #expect(try names(in: journal.root.appendingPathComponent("clients/a")).count == 3)
        for _ in 0..<2 {
            let index = try runJournal(["index", "--json", "--journal", journal.root.path])
            let json = try JSONSerialization.jsonObject(with: Data(index.stdout.utf8)) as! [String: Any]
            let texts = (json["commitments"] as! [[String: Any]]).map { $0["text"] as! String }
            // Exactly one of the two notes is read, once; the other is named in an error.
            #expect(texts.count == 1, "\(texts)")
            let lint = try runJournal(["lint", "--journal", journal.root.path, "--today", "2026-03-15"])
            #expect(lint.status == 1)
            let reported = lint.stderr.split(separator: "\n").filter { $0.contains("[id-duplicate]") }
            #expect(reported.count == 1, "\(lint.stderr)")
            #expect(reported.first?.contains("2026-03-10-s") == true)
        }
    }

    @Test func implicitIdsAreComposedAndAReviewInEitherFormFindsThem() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            "clients/a/se\u{301}ance-1.md": Self.session("", "## Engagements\n- [ ] Un engagement [due:: 2026-03-20]\n"),
            "clients/a/2026-03-24-session.md": Sample.note("session", "date: 2026-03-24\nnext: none\nnext_reason: fin",
                                                           "## Revue des engagements\n- [x] [ref:: s\u{E9}ance-1#1] fait\n"),
        ])
        let store = try journal.index()
        let report = try store.update()
        #expect(!report.diagnostics.contains { $0.rule == Rule.refUnknown.rawValue }, "\(report.diagnostics)")
        let commitments = try store.commitments()
        #expect(commitments.map { Array($0.id.utf8) } == [Array("s\u{E9}ance-1#1".utf8)])
        #expect(commitments.first?.status == .done)
        // --fix gives the commitment an id and the review names it, across the two forms.
        let fixed = try LintFixer(journal: try journal.journal()).run(force: true)
        #expect(fixed.refused.isEmpty, "\(fixed.refused)")
        #expect(try journal.read("clients/a/2026-03-24-session.md").contains("[ref:: un-engagement]"))
        #expect(try journal.read("clients/a/se\u{301}ance-1.md").contains("[id:: un-engagement]"))
    }

    @Test func aNoteRenamedToTheOtherFormIsReadUnderItsNewName() throws {
        let journal = try TemporaryJournal([
            "clients/a/client.md": Sample.caseFile(),
            "clients/a/se\u{301}ance.md": Self.session("", "## Engagements\n- [ ] Un engagement [due:: 2026-03-20]\n"),
        ])
        let store = try journal.index()
        _ = try store.update()
        let folder = journal.root.appendingPathComponent("clients/a")
        #expect(rename(folder.appendingPathComponent("se\u{301}ance.md").path, folder.appendingPathComponent("s\u{E9}ance.md").path) == 0)
        _ = try store.update()
        let paths = try store.documents().map(\.path)
        #expect(paths.map { Array($0.utf8) }.contains(Array("clients/a/s\u{E9}ance.md".utf8)))
        #expect(paths.count == 2, "\(paths)")
        #expect(try store.commitments().count == 1)
    }
}
