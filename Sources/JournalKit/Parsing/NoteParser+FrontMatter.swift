import Foundation

/// The header's fields, typed and checked one by one.
extension NoteParser {
    func readFields(entries: [YAMLValue.Entry], root: YAMLValue, into note: inout Note,
                            reader: inout FieldReader) {
        let known = Self.commonKeys.union(Self.keys[note.type!] ?? [])
        for entry in entries where !known.contains(entry.key) {
            var message = Message("`\(entry.key)` is not a field of a \(note.type!.rawValue) note",
                                  fr: "`\(entry.key)` n'est pas un champ d'une note de type \(note.type!.rawValue)")
            if let suggestion = Suggestion.closest(to: entry.key, in: known) {
                message = Message(message.en + ": did you mean `\(suggestion)`?",
                                  fr: message.fr + " : vouliez-vous écrire `\(suggestion)` ?")
            }
            reader.report(Rule.fieldUnknown, .warning, line: entry.keyLine, column: entry.keyColumn, message)
        }
        if let value = root["client"], note.type != .client {
            if let id = reader.text(value, key: "client") {
                if ClientID.isValid(id) {
                    note.client = ClientID.normalized(id)
                } else {
                    reader.report(Rule.fieldInvalid, at: value, Message(
                        "`client` must be a client id (the name of its folder under clients/), not “\(id.clipped)”",
                        fr: "`client` doit être un identifiant de client (le nom de son dossier dans clients/), pas « \(id.clipped) »"))
                }
            }
        }
        if note.isDated {
            if let value = root["date"], !value.isNull {
                note.date = reader.date(value, key: "date")
                checkClock(note.date, key: "date", at: value, reader: &reader)
            } else {
                reader.report(Rule.fieldMissing, line: 1, column: 1, Message(
                    "a \(note.type!.rawValue) note needs a `date` (e.g. `date: 2026-03-18 10:00`)",
                    fr: "une note de type \(note.type!.rawValue) a besoin d'une `date` (par exemple `date: 2026-03-18 10:00`)"))
            }
        }
        note.mode = reader.choice(root["mode"], key: "mode", allowed: ["visio", "phone", "in-person"], Mode.parse)
        if let value = root["duration"], let text = reader.text(value, key: "duration") {
            switch Minutes.parse(text) {
            case .success(let minutes): note.durationMinutes = minutes
            case .failure(let error):
                reader.report(Rule.fieldInvalid, at: value, error.text.prefixed("`duration` : ").fixingEnglishColon)
            }
        }
        if let value = root["next"], let text = reader.text(value, key: "next") {
            if ["none", "aucun", "aucune", "non", "no"].contains(TextFold.fold(text)) {
                note.nextIsNone = true
            } else {
                note.next = reader.date(value, key: "next")
                checkClock(note.next, key: "next", at: value, reader: &reader)
            }
        }
        note.nextReason = reader.text(root["next_reason"], key: "next_reason")
        switch note.type! {
        case .session:
            note.status = reader.choice(root["status"], key: "status",
                                        allowed: ["held", "cancelled", "no-show", "planned"], SessionStatus.parse) ?? .held
            note.cancelledBy = reader.choice(root["cancelled_by"], key: "cancelled_by",
                                             allowed: ["client", "coach", "sponsor"], Party.parse)
            if let value = root["number"], let number = reader.integer(value, key: "number") {
                if number == 0 {
                    reader.report(Rule.fieldInvalid, at: value,
                                  Message("`number` counts from 1", fr: "`number` compte à partir de 1"))
                } else {
                    note.number = number
                }
            }
        case .chemistry:
            note.clientBriefed = reader.choice(root["client_briefed"], key: "client_briefed",
                                               allowed: ["yes", "no", "unknown"], TriState.parse)
            if let value = root["disclosure_agreed"], !value.isNull {
                note.disclosureAgreed = reader.texts(value, key: "disclosure_agreed")
            }
            note.fit = reader.choice(root["fit"], key: "fit", allowed: ["yes", "no", "unsure"], Fit.parse)
            note.decision = reader.choice(root["decision"], key: "decision",
                                          allowed: ["proceed", "decline", "pending"], Decision.parse)
        case .threeWay:
            note.participants = reader.texts(root["participants"], key: "participants")
        case .supervision:
            note.supervisor = reader.text(root["supervisor"], key: "supervisor")
            note.cases = reader.texts(root["cases"], key: "cases").map(ClientID.normalized)
        case .client:
            note.caseFile = CaseFileReader.read(root, reader: &reader)
        }
    }

    /// A time that the journal's clocks skip when they go forward (2026-03-29 02:30 in
    /// Europe/Paris) names no moment: it is an error, not a silent shift of an hour.
    func checkClock(_ date: DateValue?, key: String, at value: YAMLValue, reader: inout FieldReader) {
        guard let zone, let date, let (from, to) = date.skipped(in: zone), let time = date.time else { return }
        func clock(_ time: DateValue.Time) -> String { LocalDate.pad(time.hour, 2) + ":" + LocalDate.pad(time.minute, 2) }
        let written = "\(date.date) \(clock(time))"
        reader.report(Rule.fieldInvalid, at: value, Message(
            "`\(key)` \(written) does not exist in \(zone.identifier): that night the clocks go from \(clock(from)) straight to \(clock(to)); write a time before \(clock(from)) or from \(clock(to)) on",
            fr: "`\(key)` \(written) n'existe pas dans le fuseau \(zone.identifier) : cette nuit-là, les horloges passent de \(clock(from)) directement à \(clock(to)) ; écrivez une heure avant \(clock(from)) ou à partir de \(clock(to))"))
    }
}
