import Foundation

/// How a `Note` is stored in the index: `StorageWriter`'s binary form, every field in the order
/// below, read back by `init(storage:)` in the same order. Decoding every note is what the
/// reading commands and a full lint start with, which JSON made most of their time. The
/// search lines are left out (they live in the search table, and would double the note), as
/// is the spelling of dates (`DateValue.form`), which only `lint --fix` reads, from the text.
/// A round-trip test over every field keeps the two halves in step.
extension Note {
    /// Bump when the layout below changes (with `IndexStore.schemaVersion`, which rebuilds).
    static let storageFormat: UInt8 = 1

    func storageData() -> Data {
        var out = StorageWriter(capacity: 512 + items.count * 96)
        out.unsigned(UInt64(Self.storageFormat))
        out.string(path)
        out.raw(type)
        out.string(client)
        out.date(date)
        out.raw(status)
        out.int(number)
        out.raw(mode)
        out.int(durationMinutes)
        out.raw(cancelledBy)
        out.date(next)
        out.bool(nextIsNone)
        out.string(nextReason)
        out.raw(clientBriefed)
        out.strings(disclosureAgreed)
        out.raw(fit)
        out.raw(decision)
        out.strings(participants)
        out.string(supervisor)
        out.strings(cases)
        if let caseFile {
            out.bool(true)
            caseFile.write(to: &out)
        } else {
            out.bool(false)
        }
        out.unsigned(UInt64(keyLines.count))
        for (key, line) in keyLines.sorted(by: { $0.key < $1.key }) {
            out.string(key)
            out.int(line)
        }
        out.unsigned(UInt64(items.count))
        for item in items { item.write(to: &out) }
        out.unsigned(UInt64(diagnostics.count))
        for diagnostic in diagnostics { diagnostic.write(to: &out) }
        out.unsigned(UInt64(names.count))
        for name in names {
            out.string(name.name)
            out.int(name.line)
            out.int(name.column)
            out.bool(name.confident)
        }
        out.unsigned(UInt64(suppressions.count))
        for suppression in suppressions {
            out.strings(suppression.rules)
            out.int(suppression.line)
            out.bool(suppression.nextLineOnly)
        }
        return Data(out.bytes)
    }

    init(storage data: Data) throws {
        self = try data.withUnsafeBytes { buffer in
            var input = StorageReader(buffer)
            guard try input.unsigned() == UInt64(Self.storageFormat) else { throw StorageDecodingError() }
            var note = Note(path: try input.string())
            note.type = try input.raw()
            note.client = try input.optionalString()
            note.date = try input.dateValue()
            note.status = try input.raw()
            note.number = try input.optionalInt()
            note.mode = try input.raw()
            note.durationMinutes = try input.optionalInt()
            note.cancelledBy = try input.raw()
            note.next = try input.dateValue()
            note.nextIsNone = try input.bool()
            note.nextReason = try input.optionalString()
            note.clientBriefed = try input.raw()
            note.disclosureAgreed = try input.optionalStrings()
            note.fit = try input.raw()
            note.decision = try input.raw()
            note.participants = try input.strings()
            note.supervisor = try input.optionalString()
            note.cases = try input.strings()
            if try input.bool() { note.caseFile = try CaseFile(from: &input) }
            let keys = try input.elements()
            note.keyLines.reserveCapacity(keys)
            for _ in 0..<keys { note.keyLines[try input.string()] = try input.int() }
            let items = try input.elements()
            note.items.reserveCapacity(items)
            for _ in 0..<items { note.items.append(try NoteItem(from: &input)) }
            let diagnostics = try input.elements()
            note.diagnostics.reserveCapacity(diagnostics)
            for _ in 0..<diagnostics { note.diagnostics.append(try Diagnostic(from: &input)) }
            let names = try input.elements()
            note.names.reserveCapacity(names)
            for _ in 0..<names {
                note.names.append(NameCandidate(name: try input.string(), line: try input.int(),
                                                         column: try input.int(), confident: try input.bool()))
            }
            for _ in 0..<(try input.elements()) {
                note.suppressions.append(Suppression(rules: try input.strings(), line: try input.int(),
                                                     nextLineOnly: try input.bool()))
            }
            guard input.isAtEnd else { throw StorageDecodingError() }
            return note
        }
    }
}

extension NoteItem {
    func write(to out: inout StorageWriter) {
        out.raw(kind)
        out.int(line)
        out.int(column)
        out.raw(status)
        out.string(text)
        out.string(id)
        out.string(ref)
        out.date(due)
        out.date(done)
        out.date(validated)
        out.named(odds)
        out.raw(owner)
        out.named(reason)
        out.bool(isPrivate)
        out.int(rank)
        out.bool(isNested)
        out.date(created)
        out.date(scheduled)
        out.date(start)
        out.raw(priority)
        out.string(recurrence)
        out.strings(dependsOn)
    }

    init(from input: inout StorageReader) throws {
        let kind: Kind = try input.required()
        let line = try input.int(), column = try input.int()
        let status: ItemStatus = try input.required()
        let text = try input.string()
        let id = try input.optionalString(), ref = try input.optionalString()
        let due = try input.localDate(), done = try input.localDate(), validated = try input.localDate()
        let odds: Odds? = try input.named()
        let owner: Party = try input.required()
        self.init(kind: kind, line: line, column: column, status: status, text: text, id: id, ref: ref,
                  due: due, done: done, validated: validated, odds: odds,
                  owner: owner, reason: try input.named(), isPrivate: try input.bool(),
                  rank: try input.int(), isNested: try input.bool(), created: try input.localDate(),
                  scheduled: try input.localDate(), start: try input.localDate(),
                  priority: try input.raw(), recurrence: try input.optionalString(),
                  dependsOn: try input.optionalStrings())
    }
}

extension Diagnostic {
    func write(to out: inout StorageWriter) {
        out.string(path)
        out.int(line)
        out.int(column)
        out.raw(severity)
        out.string(rule)
        out.string(message)
        out.string(french)
    }

    init(from input: inout StorageReader) throws {
        self.init(path: try input.string(), line: try input.int(), column: try input.int(),
                  severity: try input.required(), rule: try input.string(), message: try input.string(),
                  french: try input.string())
    }
}

extension CaseFile {
    func write(to out: inout StorageWriter) {
        out.string(name)
        out.strings(aliases)
        out.string(gender)
        out.string(email)
        out.string(phone)
        out.string(role)
        out.bool(organisation != nil)
        if let organisation {
            out.string(organisation.name)
            out.strings(organisation.aliases)
            out.string(organisation.sector)
            out.string(organisation.size)
        }
        out.bool(sponsor != nil)
        if let sponsor { sponsor.write(to: &out) }
        out.unsigned(UInt64(people.count))
        for person in people { person.write(to: &out) }
        out.unsigned(UInt64(places.count))
        for place in places {
            out.string(place.name)
            out.string(place.generalised)
        }
        out.string(demand)
        out.string(need)
        out.bool(contract != nil)
        contract?.write(to: &out)
        out.strings(disclosure.map(\.rawValue))
        out.bool(consent.caseStudy)
        out.bool(consent.hoursLog)
        out.raw(status)
        out.date(closed)
        out.string(outcome)
    }

    init(from input: inout StorageReader) throws {
        self.init()
        name = try input.optionalString()
        aliases = try input.strings()
        gender = try input.optionalString()
        email = try input.optionalString()
        phone = try input.optionalString()
        role = try input.optionalString()
        if try input.bool() {
            organisation = Organisation(name: try input.string(), aliases: try input.strings(),
                                        sector: try input.optionalString(), size: try input.optionalString())
        }
        if try input.bool() { sponsor = try Person(from: &input) }
        for _ in 0..<(try input.elements()) { people.append(try Person(from: &input)) }
        for _ in 0..<(try input.elements()) {
            places.append(Place(name: try input.string(), generalised: try input.optionalString()))
        }
        demand = try input.optionalString()
        need = try input.optionalString()
        if try input.bool() { contract = try Contract(from: &input) }
        disclosure = try input.strings().map { text in
            guard let item = Disclosure(rawValue: text) else { throw StorageDecodingError() }
            return item
        }
        consent = Consent(caseStudy: try input.bool(), hoursLog: try input.bool())
        status = try input.raw()
        closed = try input.localDate()
        outcome = try input.optionalString()
    }
}

extension CaseFile.Contract {
    func write(to out: inout StorageWriter) {
        out.date(start)
        out.date(end)
        out.int(sessions)
        out.named(cadence)
        out.int(duration)
        out.raw(mode)
    }

    init(from input: inout StorageReader) throws {
        self.init()
        start = try input.localDate()
        end = try input.localDate()
        sessions = try input.optionalInt()
        cadence = try input.named()
        duration = try input.optionalInt()
        mode = try input.raw()
    }
}

extension CaseFile.Person {
    func write(to out: inout StorageWriter) {
        out.string(name)
        out.strings(aliases)
        out.string(relation)
        out.string(gender)
        out.string(role)
        out.string(organisation)
        out.string(email)
        out.string(phone)
    }

    init(from input: inout StorageReader) throws {
        self.init(name: try input.string(), aliases: try input.strings(), relation: try input.optionalString(),
                  gender: try input.optionalString(), role: try input.optionalString(),
                  organisation: try input.optionalString(), email: try input.optionalString(),
                  phone: try input.optionalString())
    }
}
