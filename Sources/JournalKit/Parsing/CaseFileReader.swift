/// Reads the fields of a case file (`type: client`), docs/format.md, "The document types".
enum CaseFileReader {
    static func read(_ root: YAMLValue, reader: inout FieldReader) -> CaseFile {
        var file = CaseFile()
        if let value = root["name"], let name = reader.text(value, key: "name") {
            file.name = name
        } else {
            reader.report(Rule.fieldMissing, line: 1, column: 1, Message(
                "a case file needs the client's `name` (e.g. `name: Jeanne Martin`)",
                fr: "un dossier client a besoin du nom du client, `name` (par exemple `name: Jeanne Martin`)"))
        }
        file.aliases = reader.texts(root["aliases"], key: "aliases")
        file.gender = gender(root["gender"], reader: &reader)
        file.email = reader.text(root["email"], key: "email")
        file.phone = reader.text(root["phone"], key: "phone")
        file.role = reader.text(root["role"], key: "role")
        if let value = root["organisation"], !value.isNull {
            if let name = value.string {
                file.organisation = CaseFile.Organisation(name: name.trimmingWhitespace)
            } else if value.entries != nil, let name = reader.text(value["name"], key: "organisation.name") {
                file.organisation = CaseFile.Organisation(
                    name: name, aliases: reader.texts(value["aliases"], key: "organisation.aliases"),
                    sector: reader.text(value["sector"], key: "organisation.sector"),
                    size: reader.text(value["size"], key: "organisation.size"))
            } else {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`organisation` should be a name, or keys `name`, `aliases`, `sector`, `size`",
                    fr: "`organisation` doit être un nom, ou les clés `name`, `aliases`, `sector`, `size`"))
            }
        }
        if let value = root["sponsor"], !value.isNull {
            file.sponsor = person(value, key: "sponsor", reader: &reader)
        }
        if let value = root["people"], !value.isNull {
            if let items = value.items {
                file.people = items.compactMap { person($0, key: "people", reader: &reader) }
            } else {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`people` should be a list of people (`- name: …`)",
                    fr: "`people` doit être une liste de personnes (`- name: …`)"))
            }
        }
        if let value = root["places"], !value.isNull {
            if let items = value.items {
                for item in items {
                    if let name = item.string {
                        file.places.append(CaseFile.Place(name: name.trimmingWhitespace))
                    } else if item.entries != nil, let name = reader.text(item["name"], key: "places.name") {
                        file.places.append(CaseFile.Place(
                            name: name, generalised: reader.text(item["generalised"], key: "places.generalised")))
                    } else {
                        reader.report(Rule.fieldInvalid, at: item, Message(
                            "each place should be a name, or `name` and `generalised`",
                            fr: "chaque lieu doit être un nom, ou `name` et `generalised`"))
                    }
                }
            } else {
                reader.report(Rule.fieldInvalid, at: value, Message("`places` should be a list", fr: "`places` doit être une liste"))
            }
        }
        file.demand = reader.text(root["demand"], key: "demand")
        file.need = reader.text(root["need"], key: "need")
        if let value = root["contract"], !value.isNull {
            if value.entries != nil {
                var contract = CaseFile.Contract()
                contract.start = reader.day(value["start"], key: "contract.start")
                contract.end = reader.day(value["end"], key: "contract.end")
                contract.sessions = reader.integer(value["sessions"], key: "contract.sessions")
                if let cadence = value["cadence"], let text = reader.text(cadence, key: "contract.cadence") {
                    switch Cadence.parse(text) {
                    case .success(let parsed): contract.cadence = parsed
                    case .failure(let error):
                        reader.report(Rule.fieldInvalid, at: cadence,
                                      error.text.prefixed("`contract.cadence` : ").fixingEnglishColon)
                    }
                }
                if let duration = value["duration"], let text = reader.text(duration, key: "contract.duration") {
                    switch Minutes.parse(text) {
                    case .success(let minutes): contract.duration = minutes
                    case .failure(let error):
                        reader.report(Rule.fieldInvalid, at: duration,
                                      error.text.prefixed("`contract.duration` : ").fixingEnglishColon)
                    }
                }
                contract.mode = reader.choice(value["mode"], key: "contract.mode",
                                              allowed: ["visio", "phone", "in-person"], Mode.parse)
                file.contract = contract
            } else {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`contract` should have keys `start`, `end`, `sessions`, `cadence`, `duration`, `mode`",
                    fr: "`contract` doit avoir les clés `start`, `end`, `sessions`, `cadence`, `duration`, `mode`"))
            }
        }
        if let value = root["disclosure"], !value.isNull {
            for text in reader.texts(value, key: "disclosure") {
                if let item = Disclosure.parse(text) {
                    file.disclosure.append(item)
                } else {
                    reader.report(Rule.fieldInvalid, at: value, Message(
                        "`disclosure` cannot include “\(text.clipped)”: use attendance, dates, objectives, progress, themes",
                        fr: "`disclosure` ne peut pas contenir « \(text.clipped) » : utilisez attendance, dates, objectives, progress, themes"))
                }
            }
        }
        if let value = root["consent"], !value.isNull {
            if value.entries != nil {
                file.consent.caseStudy = reader.boolean(value["case_study"], key: "consent.case_study") ?? false
                file.consent.hoursLog = reader.boolean(value["hours_log"], key: "consent.hours_log") ?? false
            } else {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`consent` should have keys `case_study` and `hours_log` (true or false)",
                    fr: "`consent` doit avoir les clés `case_study` et `hours_log` (true ou false)"))
            }
        }
        file.status = reader.choice(root["status"], key: "status",
                                    allowed: ["prospect", "active", "paused", "closed"], ClientStatus.parse)
        file.closed = reader.day(root["closed"], key: "closed")
        file.outcome = reader.text(root["outcome"], key: "outcome")
        return file
    }

    private static func gender(_ value: YAMLValue?, reader: inout FieldReader) -> String? {
        guard let value, let text = reader.text(value, key: "gender") else { return nil }
        let folded = TextFold.fold(text)
        guard ["f", "m", "x"].contains(folded) else {
            reader.report(Rule.fieldInvalid, at: value, Message("`gender` should be f, m or x", fr: "`gender` doit valoir f, m ou x"))
            return nil
        }
        return folded
    }

    private static func person(_ value: YAMLValue, key: String, reader: inout FieldReader) -> CaseFile.Person? {
        if let name = value.string { return CaseFile.Person(name: name.trimmingWhitespace) }
        guard value.entries != nil, let name = reader.text(value["name"], key: "\(key).name") else {
            reader.report(Rule.fieldInvalid, at: value, Message(
                "`\(key)` should be a name, or keys such as `name`, `role`, `email`",
                fr: "`\(key)` doit être un nom, ou des clés comme `name`, `role`, `email`"))
            return nil
        }
        return CaseFile.Person(
            name: name, aliases: reader.texts(value["aliases"], key: "\(key).aliases"),
            relation: reader.text(value["relation"], key: "\(key).relation"),
            gender: gender(value["gender"], reader: &reader),
            role: reader.text(value["role"], key: "\(key).role"),
            organisation: reader.text(value["organisation"], key: "\(key).organisation"),
            email: reader.text(value["email"], key: "\(key).email"),
            phone: reader.text(value["phone"], key: "\(key).phone"))
    }
}
