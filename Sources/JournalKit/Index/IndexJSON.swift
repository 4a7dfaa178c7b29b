/// The JSON contract of the index (docs/format.md, "The index and its JSON"): the one place where
/// the typed rows become the contract's strings. Everything else reads and compares the typed
/// values; a command that embeds a row in its own document (`show`, `commitments`) takes it
/// from here, so that a row reads the same wherever it appears.
enum IndexJSON {
    /// One stored record: what the index sorts it by, and its JSON, already rendered at the depth
    /// the index document prints it.
    typealias Record = (kind: String, sortKey: Double, path: String, line: Int, json: String)

    /// Every row of one client's resolution, in the order they are stored.
    static func records(of resolution: ClientResolution) -> [Record] {
        var records: [Record] = []
        if let found = resolution.client {
            records.append(("client", 0, found.id, 0, found.json.rendered(level: 2)))
        }
        for d in resolution.documents { records.append(("document", d.sortKey, d.path, 0, d.json.rendered(level: 2))) }
        for o in resolution.objectives { records.append(("objective", 0, o.path, o.line, o.json.rendered(level: 2))) }
        for c in resolution.commitments { records.append(("commitment", 0, c.path, c.line, c.json.rendered(level: 2))) }
        for a in resolution.appointments { records.append(("appointment", a.sortKey, a.path, 0, a.json.rendered(level: 2))) }
        return records
    }

    /// A case's contract: `{start, end, sessions, cadence}`, or null without one.
    static func contract(_ contract: CaseFile.Contract?) -> JSONValue {
        guard let contract else { return .null }
        return .object([
            ("start", date(contract.start)), ("end", date(contract.end)),
            ("sessions", .int(contract.sessions)), ("cadence", .string(contract.cadence?.description)),
        ])
    }

    // MARK: Values

    /// A day: `2026-03-18`.
    static func date(_ value: LocalDate?) -> JSONValue { .string(value?.description) }

    /// A date as the note gave it: `2026-03-18`, `2026-03-18T10:00`, `2026-03-18T10:00+01:00`.
    static func date(_ value: DateValue?) -> JSONValue { .string(value?.description) }

    /// A value with a fixed set of meanings, in its canonical English spelling.
    static func word<Value: RawRepresentable<String>>(_ value: Value?) -> JSONValue { .string(value?.rawValue) }

    /// One of the four diagnoses (`busy`, `hard`, `stuck`, `not-useful`), or the coach's words.
    static func reason(_ value: MissReason?) -> JSONValue { .string(value?.canonical) }

    /// The odds as written, spaces removed (`10:1`, `90%`).
    static func odds(_ value: Odds?) -> JSONValue { .string(value?.text) }
}

extension ResolvedClient {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("status", IndexJSON.word(status)), ("has_sponsor", .bool(hasSponsor)),
            ("contract", IndexJSON.contract(contract)), ("miss_streak", .int(missStreak)),
            ("longest_miss_streak", .int(longestMissStreak)), ("next", IndexJSON.date(next)),
        ])
    }
}

extension ResolvedDocument {
    var json: JSONValue {
        .object([
            ("path", .string(path)), ("type", IndexJSON.word(type)), ("client", .string(client)),
            ("date", IndexJSON.date(date)), ("status", IndexJSON.word(status)), ("number", .int(number)),
            ("next", IndexJSON.date(next)),
        ])
    }
}

extension ResolvedObjective {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("client", .string(client)), ("text", .string(text)),
            ("status", IndexJSON.word(status)), ("validated", IndexJSON.date(validated)),
            ("path", .string(path)), ("line", .int(line)),
            ("private", .bool(isPrivate)), ("history", .array(history.map(\.json))),
        ])
    }
}

extension Statement {
    var json: JSONValue {
        .object([
            ("date", IndexJSON.date(date)), ("status", IndexJSON.word(status)), ("reason", IndexJSON.reason(reason)),
            ("path", .string(path)), ("line", .int(line)), ("miss", .bool(isMiss)),
        ])
    }
}

extension ResolvedCommitment {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("client", .string(client)), ("text", .string(text)),
            ("owner", IndexJSON.word(owner)), ("made", IndexJSON.date(made)), ("due", IndexJSON.date(due)),
            ("odds", IndexJSON.odds(odds)), ("status", IndexJSON.word(status)), ("path", .string(path)),
            ("line", .int(line)), ("private", .bool(isPrivate)),
            ("history", .array(history.map(\.json))),
            ("continues", .string(continues)), ("carried_to", .string(carriedTo)),
            ("created", IndexJSON.date(created)), ("scheduled", IndexJSON.date(scheduled)),
            ("start", IndexJSON.date(start)),
            ("priority", IndexJSON.word(priority)), ("recurrence", .string(recurrence)),
            ("depends_on", .array(dependsOn.map(JSONValue.string))), ("blocked_by", .array(blockedBy.map(JSONValue.string))),
        ])
    }
}

extension Appointment {
    var json: JSONValue {
        .object([("client", .string(client)), ("date", IndexJSON.date(date)), ("path", .string(path))])
    }
}
