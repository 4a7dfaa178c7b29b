import Foundation
import Testing
@testable import JournalKit

/// A journal that cannot be written (a read-only share, an archive, another user's folder):
/// the reading commands work from an index in memory and say so once; nothing the system
/// reports reaches the coach as a raw error structure.
@Suite(.serialized) struct ReadOnlyJournalTests {
    /// Runs `command` on `journal` as a user who cannot write it: `nobody` when the tests run as
    /// root (who writes anything), else the user itself with the write permissions removed.
    func runReadOnly(_ command: [String], _ journal: TemporaryJournal) throws -> CommandResult {
        let root = getuid() == 0
        if !root { try setWritable(false, journal.root) }
        defer { if !root { try? setWritable(true, journal.root) } }
        let (result, signalled) = try runBounded(command + ["--journal", journal.root.path, "--today", "2026-04-01"],
                                                 asAnotherUser: root)
        #expect(!signalled)
        return result
    }

    func setWritable(_ writable: Bool, _ url: URL) throws {
        let manager = FileManager.default
        var paths = [url.path]
        let walker = manager.enumerator(atPath: url.path)
        while let path = walker?.nextObject() as? String { paths.append(url.appendingPathComponent(path).path) }
        for path in writable ? paths : paths.reversed() {
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isFolder)
            let mode = isFolder.boolValue ? (writable ? 0o755 : 0o555) : (writable ? 0o644 : 0o444)
            try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }

    /// Root writes anything: the check then runs as `nobody`, which needs setpriv (util-linux).
    static let canDropRights = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canDropRights), arguments: [false, true])
    func readingCommandsWork(withAnIndexBuiltBefore: Bool) throws {
        let journal = try fixtureJournal("basic")
        try journal.write(JournalSecret.fileName, "secret: " + String(repeating: "ab", count: 32) + "\n")
        if withAnIndexBuiltBefore { _ = try journal.index().update() }
        let notice = "l'index a été construit en mémoire pour cette commande et n'est pas enregistré"
        for command in [["index"], ["agenda"], ["commitments"], ["summarize", "lea-morel"], ["lint"],
                        ["report", "lea-morel"], ["hours"]] {
            let result = try runReadOnly(command, journal)
            #expect([0, 1].contains(result.status), "\(command): \(result.stderr)")
            #expect(result.stderr.components(separatedBy: notice).count == 2, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("Domain"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("endommagé"), "\(command): \(result.stderr)")
        }
        let commitments = try runReadOnly(["commitments", "--format", "json"], journal)
        #expect(commitments.stdout.contains("lea-morel"))
        #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent(".journal").path) == withAnIndexBuiltBefore)
    }

    /// Without journal.key and no way to write it, a summary still has unguessable pseudonyms,
    /// from a key of its own, and says that they will change.
    @Test(.enabled(if: canDropRights)) func summaryWithoutAKeyToWrite() throws {
        let journal = try fixtureJournal("basic")
        try? FileManager.default.removeItem(at: journal.root.appendingPathComponent(JournalSecret.fileName))
        let result = try runReadOnly(["summarize", "lea-morel"], journal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("journal.key n'a pas pu être créé (le journal est en lecture seule)"))
        #expect(!result.stdout.contains("Léa"))
    }

    @Test func systemErrorsAreToldInWords() throws {
        let full = CocoaError(.fileWriteOutOfSpace, userInfo: [
            NSFilePathErrorKey: "/j/clients/a/note.md",
            NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC)),
        ])
        #expect(ErrorText.describe(full, in: .fr) == "impossible d'écrire /j/clients/a/note.md : plus de place sur le disque")
        #expect(ErrorText.describe(full, in: .en) == "could not write /j/clients/a/note.md: No space left on device")
        do {
            _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x.md"))
            Issue.record("read a missing file")
        } catch {
            let text = ErrorText.describe(error, in: .fr) ?? ""
            #expect(text.hasPrefix("impossible de lire /nonexistent-"), "\(text)")
            #expect(text.hasSuffix(": fichier ou dossier introuvable"), "\(text)")
            #expect(!text.contains("Domain"))
        }
    }

    /// A folder to create where a file stands: the file is named, with why, never "file system
    /// error 512" nor "the file exists".
    @Test func aFileWhereAFolderShouldBeIsNamed() throws {
        let journal = try fixtureJournal("basic")
        try journal.write("exports/fichier", "déjà là\n")
        let file = journal.root.appendingPathComponent("exports/fichier").path
        for arguments in [["init", file + "/journal"], ["hours", "--out", file + "/a/heures.csv", "--journal", journal.root.path]] {
            let result = try runJournal(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "journal: impossible d'écrire \(file) : un élément du chemin n'est pas un dossier\n", "\(result.stderr)")
        }
    }
}

/// `lint --fix` when the disk fills up part-way: what was written is listed, what was not is
/// named, and the notes on disk are exactly what the output says.
@Suite struct LintFixFullDiskTests {
    @Test func saysWhichNotesWereWritten() throws {
        var files = ["clients/a/client.md": "---\ntype: client\nname: Ana Test\n---\n"]
        for day in 10...12 {
            files["clients/a/2026-03-\(day)-session.md"] = "---\ntype: session\ndate: \(day)/03/2026 10h00\n---\nSéance.\n"
        }
        let big = "---\ntype: session\ndate: 13/03/2026 10h00\n---\n" + String(repeating: "Une longue phrase de séance. ", count: 4_000) + "\n"
        files["clients/a/2026-03-13-session.md"] = big
        let journal = try TemporaryJournal(files)
        _ = try journal.index().update()
        // Writes past 50 KB fail (EFBIG), as on a disk with that much room left.
        let (result, signalled) = try runBounded(["lint", "--fix", "--force", "--journal", journal.root.path], fileBlocks: 100)
        #expect(!signalled)
        for day in 10...12 {
            #expect(result.stdout.contains("clients/a/2026-03-\(day)-session.md:3: date: \(day)/03/2026 10h00 → date: 2026-03-\(day) 10:00"))
            #expect(try journal.read("clients/a/2026-03-\(day)-session.md").contains("date: 2026-03-\(day) 10:00"))
        }
        #expect(result.stderr.contains("clients/a/2026-03-13-session.md : non corrigé, il n'a pas pu être écrit (fichier trop grand pour le système)"), "\(result.stderr)")
        #expect(result.stderr.contains("3 note(s) corrigée(s) et écrite(s) (listées ci-dessus) ; 1 laissée(s) telle(s) quelle(s)"))
        #expect(try journal.read("clients/a/2026-03-13-session.md") == big)
        #expect(!result.stderr.contains("Domain"))
    }
}
