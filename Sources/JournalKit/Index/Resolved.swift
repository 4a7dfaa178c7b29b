import Foundation

/// What the index holds about one client once all its notes are read together: the rows of the
/// JSON contract (docs/format.md, "The index and its JSON"), plus what needs more than one note to know.
///
/// The rows hold typed values (statuses, parties, dates, reasons, odds): features compare and
/// sort those. The contract's spellings of them are written in one place, IndexJSON.swift.
public struct ResolvedClient: Sendable, Hashable, Codable {
    public var id: String
    public var status: ClientStatus?
    public var hasSponsor: Bool
    var contract: CaseFile.Contract?
    /// Consecutive reviews, newest first, at which the client missed at least one commitment.
    public var missStreak: Int
    public var longestMissStreak: Int
    /// The `next` fixed by the latest dated document, if it fixed one.
    public var next: DateValue?
}

public struct ResolvedDocument: Sendable, Hashable, Codable {
    public var path: String
    public var type: DocumentType
    public var client: String?
    public var date: DateValue?
    /// Sessions only.
    public var status: SessionStatus?
    public var number: Int?
    public var next: DateValue?
    /// Seconds since 1970 in the journal's zone; undated documents sort first.
    var sortKey: Double
}

public struct ResolvedObjective: Sendable, Hashable, Codable {
    /// The explicit `id`: what a later note's `[ref:: …]` names to record its progress.
    public var id: String?
    public var client: String?
    public var text: String
    /// The latest dated statement: its own checkbox, then each later note that names it.
    public var status: ItemStatus
    public var validated: LocalDate?
    public var path: String
    public var line: Int
    public var isPrivate: Bool
    /// Every later statement about it (a review line, or an objective line with its `ref`).
    public var history: [Statement] = []
    /// The status as the statements outside private sections tell it: what a summary or a
    /// sponsor report may show.
    public var shownStatus = ItemStatus.open
}

public struct Statement: Sendable, Hashable, Codable {
    /// The day of the statement: the review's note, or the item's own `done`.
    public var date: LocalDate?
    public var status: ItemStatus
    public var reason: MissReason?
    public var path: String
    public var line: Int
    public var isMiss: Bool
    /// Made under a private heading: it counts in the index, never in what a sponsor reads.
    public var isPrivate = false
}

public struct ResolvedCommitment: Sendable, Hashable, Codable {
    public var id: String
    public var client: String?
    public var text: String
    public var owner: Party
    /// The day of the note that made it.
    public var made: LocalDate?
    public var due: LocalDate?
    public var odds: Odds?
    public var status: ItemStatus
    public var path: String
    public var line: Int
    public var isPrivate: Bool
    public var history: [Statement]
    /// Carried forward (`[>]`) into this commitment, which goes on in its place.
    public var carriedTo: String? = nil
    /// The carried commitment this one continues.
    public var continues: String? = nil
    /// What Obsidian Tasks or Dataview fields add (`➕`, `⏳`, `🛫`, priority, `🔁`).
    public var created: LocalDate? = nil
    public var scheduled: LocalDate? = nil
    public var start: LocalDate? = nil
    public var priority: Priority? = nil
    public var recurrence: String? = nil
    /// The ids of the commitments this one waits for (`⛔`, `dependsOn`), as written.
    public var dependsOn: [String] = []
    /// Those of them still open (or partly done): until they are done, this one is blocked.
    public var blockedBy: [String] = []

    /// Waiting for another commitment that is not done yet: not late, not to be chased.
    public var isBlocked: Bool { !blockedBy.isEmpty }

    /// Still to be done. A carried commitment is closed as carried: its successor goes on.
    public var isOpen: Bool { status == .open || status == .partial }

    /// Open, not waiting for another, and due before `today`; never without a due date.
    public func isLate(on today: LocalDate) -> Bool {
        guard isOpen, !isBlocked, let due else { return false }
        return due < today
    }
}

public struct Appointment: Sendable, Hashable, Codable {
    public var client: String?
    public var date: DateValue
    public var path: String
    var sortKey: Double
}

/// All that one client's notes resolve to.
struct ClientResolution: Sendable, Codable {
    /// The client id the notes name, even when it has no case file ("" for no client).
    var group = ""
    var client: ResolvedClient?
    var documents: [ResolvedDocument] = []
    var objectives: [ResolvedObjective] = []
    var commitments: [ResolvedCommitment] = []
    var appointments: [Appointment] = []
    var diagnostics: [Diagnostic] = []
}
