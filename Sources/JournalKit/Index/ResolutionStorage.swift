import Foundation

/// How a client's resolution is stored in the index (`resolutions.data`): the binary form of
/// `StorageWriter`, as notes are (NoteStorage.swift), every field in the order below. Reading
/// commands decode every client's resolution; as JSON that was most of `agenda`'s time. A
/// round-trip test over every field keeps the two halves in step.
extension ClientResolution {
    /// Bump when the layout below changes (with `IndexStore.schemaVersion`, which rebuilds).
    static let storageFormat: UInt8 = 1

    func storageData() -> Data {
        var out = StorageWriter(capacity: 256 + commitments.count * 160)
        out.unsigned(UInt64(Self.storageFormat))
        out.string(group)
        out.bool(client != nil)
        if let client {
            out.string(client.id)
            out.raw(client.status)
            out.bool(client.hasSponsor)
            out.bool(client.contract != nil)
            client.contract?.write(to: &out)
            out.int(client.missStreak)
            out.int(client.longestMissStreak)
            out.date(client.next)
        }
        out.unsigned(UInt64(documents.count))
        for document in documents {
            out.string(document.path)
            out.raw(document.type)
            out.string(document.client)
            out.date(document.date)
            out.raw(document.status)
            out.int(document.number)
            out.date(document.next)
            out.double(document.sortKey)
        }
        out.unsigned(UInt64(objectives.count))
        for objective in objectives {
            out.string(objective.id)
            out.string(objective.client)
            out.string(objective.text)
            out.raw(objective.status)
            out.date(objective.validated)
            out.string(objective.path)
            out.int(objective.line)
            out.bool(objective.isPrivate)
            Self.write(objective.history, to: &out)
            out.raw(objective.shownStatus)
        }
        out.unsigned(UInt64(commitments.count))
        for commitment in commitments {
            out.string(commitment.id)
            out.string(commitment.client)
            out.string(commitment.text)
            out.raw(commitment.owner)
            out.date(commitment.made)
            out.date(commitment.due)
            out.named(commitment.odds)
            out.raw(commitment.status)
            out.string(commitment.path)
            out.int(commitment.line)
            out.bool(commitment.isPrivate)
            Self.write(commitment.history, to: &out)
            out.string(commitment.carriedTo)
            out.string(commitment.continues)
            out.date(commitment.created)
            out.date(commitment.scheduled)
            out.date(commitment.start)
            out.raw(commitment.priority)
            out.string(commitment.recurrence)
            out.strings(commitment.dependsOn)
            out.strings(commitment.blockedBy)
        }
        out.unsigned(UInt64(appointments.count))
        for appointment in appointments {
            out.string(appointment.client)
            out.date(appointment.date)
            out.string(appointment.path)
            out.double(appointment.sortKey)
        }
        out.unsigned(UInt64(diagnostics.count))
        for diagnostic in diagnostics { diagnostic.write(to: &out) }
        return Data(out.bytes)
    }

    private static func write(_ history: [Statement], to out: inout StorageWriter) {
        out.unsigned(UInt64(history.count))
        for statement in history {
            out.date(statement.date)
            out.raw(statement.status)
            out.named(statement.reason)
            out.string(statement.path)
            out.int(statement.line)
            out.bool(statement.isMiss)
            out.bool(statement.isPrivate)
        }
    }

    /// Throws on bytes that are not a resolution of this format: the index is then damaged,
    /// and rebuilt from the notes.
    init(storage data: Data) throws {
        self = try data.withUnsafeBytes { buffer in
            var input = StorageReader(buffer)
            guard try input.unsigned() == UInt64(Self.storageFormat) else { throw StorageDecodingError() }
            var resolution = ClientResolution()
            resolution.group = try input.string()
            if try input.bool() {
                let id = try input.string()
                let status: ClientStatus? = try input.raw()
                let hasSponsor = try input.bool()
                let contract = try input.bool() ? try CaseFile.Contract(from: &input) : nil
                resolution.client = ResolvedClient(
                    id: id, status: status, hasSponsor: hasSponsor, contract: contract,
                    missStreak: try input.int(), longestMissStreak: try input.int(), next: try input.dateValue())
            }
            for _ in 0..<(try input.elements()) {
                resolution.documents.append(ResolvedDocument(
                    path: try input.string(), type: try input.required(), client: try input.optionalString(),
                    date: try input.dateValue(), status: try input.raw(), number: try input.optionalInt(),
                    next: try input.dateValue(), sortKey: try input.double()))
            }
            for _ in 0..<(try input.elements()) {
                resolution.objectives.append(ResolvedObjective(
                    id: try input.optionalString(), client: try input.optionalString(), text: try input.string(),
                    status: try input.required(), validated: try input.localDate(), path: try input.string(),
                    line: try input.int(), isPrivate: try input.bool(), history: try Self.history(&input),
                    shownStatus: try input.required()))
            }
            for _ in 0..<(try input.elements()) {
                resolution.commitments.append(ResolvedCommitment(
                    id: try input.string(), client: try input.optionalString(), text: try input.string(),
                    owner: try input.required(), made: try input.localDate(), due: try input.localDate(),
                    odds: try input.named(), status: try input.required(), path: try input.string(),
                    line: try input.int(), isPrivate: try input.bool(), history: try Self.history(&input),
                    carriedTo: try input.optionalString(), continues: try input.optionalString(),
                    created: try input.localDate(), scheduled: try input.localDate(), start: try input.localDate(),
                    priority: try input.raw(), recurrence: try input.optionalString(),
                    dependsOn: try input.strings(), blockedBy: try input.strings()))
            }
            for _ in 0..<(try input.elements()) {
                let client = try input.optionalString()
                guard let date = try input.dateValue() else { throw StorageDecodingError() }
                resolution.appointments.append(Appointment(client: client, date: date, path: try input.string(),
                                                           sortKey: try input.double()))
            }
            for _ in 0..<(try input.elements()) { resolution.diagnostics.append(try Diagnostic(from: &input)) }
            guard input.isAtEnd else { throw StorageDecodingError() }
            return resolution
        }
    }

    private static func history(_ input: inout StorageReader) throws -> [Statement] {
        var history: [Statement] = []
        for _ in 0..<(try input.elements()) {
            history.append(Statement(date: try input.localDate(), status: try input.required(), reason: try input.named(),
                                     path: try input.string(), line: try input.int(), isMiss: try input.bool(),
                                     isPrivate: try input.bool()))
        }
        return history
    }
}
