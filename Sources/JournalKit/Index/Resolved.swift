import Foundation

/// What the index holds about one client once all its notes are read together: the rows of the
/// JSON contract (docs/format.md, "The index and its JSON"), plus what needs more than one note to know.
public struct ResolvedClient: Sendable, Hashable, Codable {
    public var id: String
    public var status: String?
    public var hasSponsor: Bool
    var contract: CaseFile.Contract?
    /// Consecutive reviews, newest first, at which the client missed at least one commitment.
    public var missStreak: Int
    public var longestMissStreak: Int
    /// The `next` fixed by the latest dated document, if it fixed one.
    public var next: String?

    var json: JSONValue {
        var contractJSON: JSONValue = .null
        if let contract {
            contractJSON = .object([
                ("start", .string(contract.start?.description)),
                ("end", .string(contract.end?.description)),
                ("sessions", .int(contract.sessions)),
                ("cadence", .string(contract.cadence?.description)),
            ])
        }
        return .object([
            ("id", .string(id)), ("status", .string(status)), ("has_sponsor", .bool(hasSponsor)),
            ("contract", contractJSON), ("miss_streak", .int(missStreak)),
            ("longest_miss_streak", .int(longestMissStreak)), ("next", .string(next)),
        ])
    }
}

public struct ResolvedDocument: Sendable, Hashable, Codable {
    public var path: String
    public var type: String
    public var client: String?
    public var date: String?
    public var status: String?
    public var number: Int?
    public var next: String?
    /// Seconds since 1970 in the journal's zone; undated documents sort first.
    var sortKey: Double

    var json: JSONValue {
        .object([
            ("path", .string(path)), ("type", .string(type)), ("client", .string(client)),
            ("date", .string(date)), ("status", .string(status)), ("number", .int(number)),
            ("next", .string(next)),
        ])
    }
}

public struct ResolvedObjective: Sendable, Hashable, Codable {
    /// The explicit `id`: what a later note's `[ref:: …]` names to record its progress.
    public var id: String?
    public var client: String?
    public var text: String
    /// The latest dated statement: its own checkbox, then each later note that names it.
    public var status: String
    public var validated: String?
    public var path: String
    public var line: Int
    public var isPrivate: Bool
    /// Every later statement about it (a review line, or an objective line with its `ref`).
    public var history: [Statement] = []
    /// The status as the statements outside private sections tell it: what a summary or a
    /// sponsor report may show.
    public var shownStatus = ItemStatus.open.rawValue

    var json: JSONValue {
        .object([
            ("id", .string(id)), ("client", .string(client)), ("text", .string(text)), ("status", .string(status)),
            ("validated", .string(validated)), ("path", .string(path)), ("line", .int(line)),
            ("private", .bool(isPrivate)), ("history", .array(history.map(\.json))),
        ])
    }
}

public struct Statement: Sendable, Hashable, Codable {
    public var date: String?
    public var status: String
    public var reason: String?
    public var path: String
    public var line: Int
    public var isMiss: Bool
    /// Made under a private heading: it counts in the index, never in what a sponsor reads.
    public var isPrivate = false

    var json: JSONValue {
        .object([
            ("date", .string(date)), ("status", .string(status)), ("reason", .string(reason)),
            ("path", .string(path)), ("line", .int(line)), ("miss", .bool(isMiss)),
        ])
    }
}

public struct ResolvedCommitment: Sendable, Hashable, Codable {
    public var id: String
    public var client: String?
    public var text: String
    public var owner: String
    public var made: String?
    public var due: String?
    public var odds: String?
    public var status: String
    public var path: String
    public var line: Int
    public var isPrivate: Bool
    public var history: [Statement]
    /// Carried forward (`[>]`) into this commitment, which goes on in its place.
    public var carriedTo: String? = nil
    /// The carried commitment this one continues.
    public var continues: String? = nil
    /// What Obsidian Tasks or Dataview fields add (`➕`, `⏳`, `🛫`, priority, `🔁`).
    public var created: String? = nil
    public var scheduled: String? = nil
    public var start: String? = nil
    public var priority: String? = nil
    public var recurrence: String? = nil
    /// The ids of the commitments this one waits for (`⛔`, `dependsOn`), as written.
    public var dependsOn: [String] = []
    /// Those of them still open (or partly done): until they are done, this one is blocked.
    public var blockedBy: [String] = []

    var json: JSONValue {
        .object([
            ("id", .string(id)), ("client", .string(client)), ("text", .string(text)),
            ("owner", .string(owner)), ("made", .string(made)), ("due", .string(due)),
            ("odds", .string(odds)), ("status", .string(status)), ("path", .string(path)),
            ("line", .int(line)), ("private", .bool(isPrivate)),
            ("history", .array(history.map(\.json))),
            ("continues", .string(continues)), ("carried_to", .string(carriedTo)),
            ("created", .string(created)), ("scheduled", .string(scheduled)), ("start", .string(start)),
            ("priority", .string(priority)), ("recurrence", .string(recurrence)),
            ("depends_on", .array(dependsOn.map(JSONValue.string))), ("blocked_by", .array(blockedBy.map(JSONValue.string))),
        ])
    }

    /// Waiting for another commitment that is not done yet: not late, not to be chased.
    public var isBlocked: Bool { !blockedBy.isEmpty }
}

public struct Appointment: Sendable, Hashable, Codable {
    public var client: String?
    public var date: String
    public var path: String
    var sortKey: Double

    var json: JSONValue {
        .object([("client", .string(client)), ("date", .string(date)), ("path", .string(path))])
    }
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
