import Foundation
import Testing
@testable import JournalKit

/// More Markdown files than the index reads: real clients must not be the ones left out.
@Suite struct ManyFilesTests {
    @Test func caseFilesAndNotesWithAFrontMatterComeFirst() throws {
        let journal = try TemporaryJournal()
        for client in ["ana", "bea", "cle", "dan", "eve"] {
            try journal.write("clients/\(client)/client.md", "---\ntype: client\nname: \(client.capitalized) Test\n---\n")
            try journal.write("clients/\(client)/2026-03-18-session.md", "---\ntype: session\ndate: 2026-03-18\n---\n")
        }
        // Sorted before every client, and far more of them than the limit.
        for index in 0..<300 { try journal.write("clients/aaa/vide-\(index).md", "") }
        for index in 0..<20 { try journal.write("archives/\(index).md", "# pas une note\n") }
        let walked = FileWalker(root: journal.root, limit: 40).walk()
        let paths = Set(walked.entries.map(\.path))
        #expect(walked.entries.count == 40)
        for client in ["ana", "bea", "cle", "dan", "eve"] {
            #expect(paths.contains("clients/\(client)/client.md"))
            #expect(paths.contains("clients/\(client)/2026-03-18-session.md"))
        }
        let warnings = walked.diagnostics.filter { $0.rule == "file-unreadable" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "the journal holds 330 Markdown files, more than the 40 read: 290 were left out (none of them opens with a front-matter), in clients/aaa/ (290); case files are read first, then the notes with a front-matter in their folders and in supervision/, then other notes with a front-matter; move what is not a note out of the journal")
        #expect(walked.entries.map(\.path) == walked.entries.map(\.path).sorted())
    }

    @Test func filesMadeToLookLikeNotesDoNotPushRealSessionsOut() throws {
        let journal = try TemporaryJournal()
        for client in ["ana", "bea"] {
            try journal.write("clients/\(client)/client.md", "---\ntype: client\nname: \(client.capitalized) Test\n---\n")
            for day in 10...14 {
                try journal.write("clients/\(client)/2026-03-\(day)-session.md", "---\ntype: session\ndate: 2026-03-\(day)\n---\n")
            }
        }
        try journal.write("supervision/2026-03-15-supervision.md", "---\ntype: supervision\ndate: 2026-03-15\n---\n")
        // Sorted before every real note, each opening with a front-matter, far past the limit.
        for index in 0..<200 { try journal.write("aaa-export/\(index).md", "---\ntitle: page \(index)\n---\n") }
        for index in 0..<100 { try journal.write("clients/aaa/\(index).md", "---\ntype: session\n---\n") }
        let walked = FileWalker(root: journal.root, limit: 40).walk()
        let paths = Set(walked.entries.map(\.path))
        for client in ["ana", "bea"] {
            for day in 10...14 { #expect(paths.contains("clients/\(client)/2026-03-\(day)-session.md")) }
        }
        #expect(paths.contains("supervision/2026-03-15-supervision.md"))
        #expect(walked.diagnostics.first { $0.rule == "file-unreadable" }?.message.contains("273 of them open with a front-matter") == true)
    }

    @Test func underTheLimitNothingIsSaid() throws {
        let journal = try TemporaryJournal(["clients/a/client.md": "---\ntype: client\nname: A Test\n---\n"])
        for index in 0..<10 { try journal.write("clients/a/\(index).md", "") }
        let walked = FileWalker(root: journal.root, limit: 11).walk()
        #expect(walked.entries.count == 11)
        #expect(walked.diagnostics.isEmpty)
    }
}
