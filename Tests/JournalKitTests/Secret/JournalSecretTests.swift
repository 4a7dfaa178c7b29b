import Foundation
import Testing
@testable import JournalKit

/// journal.key: one committed secret keys the pseudonyms and the calendar UIDs.
@Suite struct JournalSecretTests {
    static let today = "2026-03-20"

    /// The UIDs of `agenda --ics`, in the file's order.
    static func uids(_ journal: TemporaryJournal, root: URL? = nil) throws -> [String] {
        let result = try runJournal(["agenda", "--journal", (root ?? journal.root).path, "--today", today, "--ics", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    }

    static func copy(_ journal: TemporaryJournal, without: [String] = []) throws -> TemporaryJournal {
        let copy = try TemporaryJournal()
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: journal.root, to: copy.root)
        for path in without { try? FileManager.default.removeItem(at: copy.root.appendingPathComponent(path)) }
        return copy
    }

    @Test func initMakesTheSecretAndKeepsItOutOfTheIgnoredFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)/j")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A wider rule the coach already had would leave the secret out of every commit.
        try Data("*.key\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        let result = try runJournal(["init", folder.path, "--lang", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("créé     journal.key\n"))
        let text = try String(contentsOf: folder.appendingPathComponent("journal.key"), encoding: .utf8)
        let secret = try #require(JournalSecret.parse(text))
        #expect(secret.secret.count == 64)
        #expect(secret.legacyPseudonymKey == nil)
        #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8).contains("\n!journal.key\n"))
        if let git = Git(on: .current)?.program {
            #expect(!Git(program: git).run(["-C", folder.path, "check-ignore", "-q", "journal.key"]))
            #expect(Git(program: git).run(["-C", folder.path, "check-ignore", "-q", ".journal/index.sqlite"]))
        }
        // Run again: the secret stays as it was.
        #expect(try runJournal(["init", folder.path]).stdout.contains("rien à faire"))
        #expect(try String(contentsOf: folder.appendingPathComponent("journal.key"), encoding: .utf8) == text)
    }

    @Test func theFirstCommandThatNeedsItMakesItAndSaysSoOnce() throws {
        let journal = try fixtureJournal("agenda")
        try FileManager.default.removeItem(at: journal.root.appendingPathComponent("journal.key"))
        let first = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--ics", "-"])
        #expect(first.status == 0)
        #expect(first.stderr.contains("journal.key créé"))
        #expect(first.stderr.contains("git add journal.key"))
        #expect(!first.stdout.contains("journal.key"))
        #expect(FileManager.default.fileExists(atPath: journal.root.appendingPathComponent("journal.key").path))
        let second = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--ics", "-"])
        #expect(!second.stderr.contains("journal.key"))
        #expect(second.stdout == first.stdout)
        // summarize makes it too, and says so in English when asked.
        let other = try fixtureJournal("basic")
        let summary = try runJournal(["summarize", "lea-morel", "--journal", other.root.path, "--lang", "en"])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stderr.contains("created journal.key"))
    }

    @Test func sameUIDsAndPseudonymsAfterDeletingTheIndexAndInAFreshCopy() throws {
        let journal = try fixtureJournal("basic")
        let uids = try Self.uids(journal)
        #expect(!uids.isEmpty)
        let summary = try runJournal(["summarize", "lea-morel", "--journal", journal.root.path]).stdout
        #expect(!summary.isEmpty)
        let key = try journal.read("journal.key")
        // What a clone has: the notes and journal.key, no .journal/.
        try FileManager.default.removeItem(at: journal.root.appendingPathComponent(".journal"))
        #expect(try Self.uids(journal) == uids)
        #expect(try runJournal(["summarize", "lea-morel", "--journal", journal.root.path]).stdout == summary)
        let clone = try Self.copy(journal, without: [".journal"])
        #expect(try Self.uids(clone) == uids)
        #expect(try runJournal(["summarize", "lea-morel", "--journal", clone.root.path]).stdout == summary)
        #expect(try clone.read("journal.key") == key)
    }

    @Test func anotherSecretGivesOtherUIDs() throws {
        let journal = try fixtureJournal("agenda")
        let uids = try Self.uids(journal)
        let other = try Self.copy(journal, without: [".journal"])
        try other.write("journal.key", "secret: " + String(repeating: "5a", count: 32) + "\n")
        let others = try Self.uids(other)
        #expect(others.count == uids.count)
        #expect(Set(others).isDisjoint(with: uids))
        // And so does a journal without a secret yet: a new random one.
        let fresh = try Self.copy(journal, without: [".journal", "journal.key"])
        #expect(Set(try Self.uids(fresh)).isDisjoint(with: uids))
    }

    @Test func aUIDIsNoHashOfTheIDAlone() throws {
        let secret = JournalSecret(secret: String(repeating: "42", count: 32))
        let client = "jeanne-martin", path = "clients/jeanne-martin/2026-03-18-session.md"
        let uid = ICalendar.uid("appointment", client, path, secret: secret)
        #expect(uid.hasSuffix("@journal"))
        #expect(uid.count == 32 + "@journal".count)
        #expect(!uid.contains("jeanne"))
        // What someone who guessed the id could compute, without the secret.
        let guesses = ["\(client)", path, "journal\u{0}appointment\u{0}\(client)\u{0}\(path)",
                       "uid\u{0}journal\u{0}appointment\u{0}\(client)\u{0}\(path)", "appointment\u{0}\(client)\u{0}\(path)"]
        for guess in guesses {
            let bytes = Array(guess.utf8)
            let fnv = bytes.withUnsafeBytes { ContentHash.of($0) }
            let sha = HMACSHA256.hex(SHA256.digest(bytes))
            #expect(!uid.contains(fnv))
            #expect(!uid.hasPrefix(sha.prefix(16)))
        }
        // The old unkeyed form: FNV-1a of the parts, twice.
        let source = Array("journal\u{0}appointment\u{0}\(client)\u{0}\(path)".utf8)
        let old = source.withUnsafeBytes { ContentHash.of($0) } + (Array("uid\u{0}".utf8) + source).withUnsafeBytes { ContentHash.of($0) }
        #expect(!uid.hasPrefix(old))
        // Stable for the secret, different for another item and another secret.
        #expect(uid == ICalendar.uid("appointment", client, path, secret: secret))
        #expect(uid != ICalendar.uid("appointment", client, "clients/jeanne-martin/2026-04-01-session.md", secret: secret))
        #expect(uid != ICalendar.uid("appointment", client, path, secret: JournalSecret(secret: String(repeating: "43", count: 32))))
    }

    @Test func anOlderPseudonymKeyIsTakenOverSoPseudonymsStay() throws {
        let legacy = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        let journal = try fixtureJournal("basic")
        try journal.write(".journal/pseudonym-key", legacy + "\n")
        let result = try runJournal(["summarize", "lea-morel", "--journal", journal.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(".journal/pseudonym-key"))
        let secret = try #require(JournalSecret.parse(try journal.read("journal.key")))
        #expect(secret.legacyPseudonymKey == legacy)
        #expect(try Pseudonyms.key(of: try journal.journal()) == legacy)
        #expect(secret.secret != legacy)
        // Once taken over, the derived folder can go: the pseudonyms stay.
        try FileManager.default.removeItem(at: journal.root.appendingPathComponent(".journal"))
        #expect(try runJournal(["summarize", "lea-morel", "--journal", journal.root.path]).stdout == result.stdout)
        // Without a legacy key, the pseudonym key is derived from the secret, not the secret itself.
        let fresh = JournalSecret(secret: String(repeating: "42", count: 32))
        #expect(fresh.pseudonymKey.count == 64)
        #expect(fresh.pseudonymKey != fresh.secret)
        #expect(fresh.pseudonymKey == HMACSHA256.hex(key: Array(fresh.secret.utf8), message: Array("journal\u{0}pseudonyms".utf8)))
    }

    @Test func aLinkOutOfTheJournalIsNeverFollowed() throws {
        let journal = try fixtureJournal("agenda")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).key")
        defer { try? FileManager.default.removeItem(at: outside) }
        let planted = "secret: " + String(repeating: "ab", count: 32) + "\n"
        try Data(planted.utf8).write(to: outside)
        let key = journal.root.appendingPathComponent("journal.key")
        try FileManager.default.removeItem(at: key)
        try FileManager.default.createSymbolicLink(at: key, withDestinationURL: outside)
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--ics", "-"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("journal.key") && result.stderr.contains("lien"))
        #expect(throws: JournalSecret.Failure.self) { try Pseudonyms.key(of: try journal.journal()) }
        // Nothing was written through the link, nor in its place.
        #expect(try String(contentsOf: outside, encoding: .utf8) == planted)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: key.path)) == outside.path)
        // A dangling link is refused too, rather than written through.
        try FileManager.default.removeItem(at: outside)
        #expect(throws: JournalSecret.Failure.self) { try JournalSecret.load(root: journal.root, process: .current) }
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        // A link that stays inside the journal is read.
        try FileManager.default.removeItem(at: key)
        try journal.write("secrets/journal.key", planted)
        try FileManager.default.createSymbolicLink(atPath: key.path, withDestinationPath: "secrets/journal.key")
        #expect(try JournalSecret.load(root: journal.root, process: .current).secret == String(repeating: "ab", count: 32))
        // So is an older pseudonym key only when it is a file of the journal.
        let other = try fixtureJournal("basic")
        try Data((String(repeating: "cd", count: 32) + "\n").utf8).write(to: outside)
        try FileManager.default.createDirectory(at: other.root.appendingPathComponent(".journal"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: other.root.appendingPathComponent(".journal/pseudonym-key"), withDestinationURL: outside)
        let made = try JournalSecret.load(root: other.root, process: .current)
        #expect(made.origin == .created)
        #expect(made.legacyPseudonymKey == nil)
    }

    @Test func anUnreadableSecretIsAnErrorAndIsNotReplaced() throws {
        let journal = try fixtureJournal("agenda")
        try journal.write("journal.key", "secret: trop court\n")
        let result = try runJournal(["agenda", "--journal", journal.root.path, "--today", Self.today, "--ics", "-"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("git checkout -- journal.key"))
        #expect(try journal.read("journal.key") == "secret: trop court\n")
    }
}
