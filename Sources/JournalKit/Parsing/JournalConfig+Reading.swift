public import Foundation

/// Reading journal.yml: the same bounded front-matter reader as notes, every problem a
/// `config-invalid` diagnostic at its line, the default kept for a bad value.
extension JournalConfig {
    /// Reads journal.yml's text. Front-matter rules apply (size, anchors, depth), so a hostile
    /// configuration is as harmless as a hostile note.
    /// `zone`: the machine's, which a `timezone` setting replaces.
    public init(text: String, zone: TimeZone) {
        self.init(zone: zone)
        let lines = ("---\n" + text + "\n---").split(separator: "\n", omittingEmptySubsequences: false)
        let parsed = FrontMatter(lines: lines)
        var reader = FieldReader(path: Self.fileName)
        // FrontMatter counts lines from the fence it was given; journal.yml has none.
        for problem in parsed.problems {
            reader.report(Rule.configInvalid, line: max(1, problem.line - 1), column: problem.column, Message(
                problem.message.en.replacingOccurrences(of: "the front-matter", with: "journal.yml"),
                fr: problem.message.fr.replacingOccurrences(of: "l'en-tête", with: "journal.yml")))
        }
        if let root = parsed.root.map({ Self.shiftedUp($0) }), let entries = root.entries {
            read(root: root, entries: entries, reader: &reader)
        }
        diagnostics = reader.diagnostics
    }

    /// A warning for each key that is not a setting, with the nearest one when it looks like a
    /// typo; `under` names the section (`tasks.`), empty at the top.
    private static func reportUnknownKeys(_ entries: [YAMLValue.Entry], known: Set<String>, under: String,
                                          reader: inout FieldReader) {
        for entry in entries where !known.contains(entry.key) {
            var message = Message("`\(under)\(entry.key)` is not a setting of journal.yml",
                                  fr: "`\(under)\(entry.key)` n'est pas un réglage de journal.yml")
            if let suggestion = Suggestion.closest(to: entry.key, in: known) {
                message = Message(message.en + ": did you mean `\(under)\(suggestion)`?",
                                  fr: message.fr + " : vouliez-vous écrire `\(under)\(suggestion)` ?")
            }
            reader.report(Rule.fieldUnknown, .warning, line: entry.keyLine, column: entry.keyColumn, message)
        }
    }

    private mutating func read(root: YAMLValue, entries: [YAMLValue.Entry], reader: inout FieldReader) {
        Self.reportUnknownKeys(entries, known: Self.keys, under: "", reader: &reader)
        coach = reader.text(root["coach"], key: "coach")
        language = reader.choice(root["language"], key: "language", allowed: ["fr", "en"]) {
            Language(rawValue: TextFold.fold($0))
        } ?? .fr
        if let value = root["timezone"], let name = reader.text(value, key: "timezone") {
            if let zone = TimeZone(identifier: name) {
                timezone = zone
            } else {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`timezone` “\(name.clipped)” is not a known time zone: use a name such as Europe/Paris",
                    fr: "`timezone` « \(name.clipped) » n'est pas un fuseau horaire connu : utilisez un nom comme Europe/Paris"))
            }
        }
        for key in ["cadence", "retention"] {
            guard let value = root[key], let text = reader.text(value, key: key) else { continue }
            switch Cadence.parse(text) {
            case .success(let parsed): if key == "cadence" { cadence = parsed } else { retention = parsed }
            case .failure(let error):
                reader.report(Rule.fieldInvalid, at: value, error.text.prefixed("`\(key)` : ").fixingEnglishColon)
            }
        }
        if let value = root["duration"], let text = reader.text(value, key: "duration") {
            switch Minutes.parse(text) {
            case .success(let minutes): duration = minutes
            case .failure(let error):
                reader.report(Rule.fieldInvalid, at: value, error.text.prefixed("`duration` : ").fixingEnglishColon)
            }
        }
        mode = reader.choice(root["mode"], key: "mode", allowed: ["visio", "phone", "in-person"], Mode.parse)
        if let lint = root["lint"], !lint.isNull {
            if let value = lint["rules"], !value.isNull, value.entries == nil {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`lint.rules` should map rule ids to error, warning, info or off",
                    fr: "`lint.rules` doit associer des règles à error, warning, info ou off"))
            }
            if lint.entries == nil {
                reader.report(Rule.fieldInvalid, at: lint, Message(
                    "`lint` should have keys `rules` and `miss_streak`",
                    fr: "`lint` doit avoir les clés `rules` et `miss_streak`"))
            }
            if let rules = lint["rules"]?.entries {
                for rule in rules {
                    if !Self.knownRules.contains(rule.key) {
                        var message = Message("`\(rule.key)` is not a rule", fr: "`\(rule.key)` n'est pas une règle")
                        if let suggestion = Suggestion.closest(to: rule.key, in: Self.knownRules) {
                            message = Message(message.en + ": did you mean `\(suggestion)`?",
                                              fr: message.fr + " : vouliez-vous écrire `\(suggestion)` ?")
                        }
                        reader.report(Rule.fieldUnknown, .warning, line: rule.keyLine, column: rule.keyColumn, message)
                    }
                    guard let text = reader.text(rule.value, key: "lint.rules.\(rule.key)") else { continue }
                    switch TextFold.fold(text) {
                    case "error": ruleSeverities[rule.key] = .some(.error)
                    case "warning": ruleSeverities[rule.key] = .some(.warning)
                    case "info": ruleSeverities[rule.key] = .some(.info)
                    case "off", "false": ruleSeverities[rule.key] = .some(nil)
                    default:
                        reader.report(Rule.fieldInvalid, at: rule.value, Message(
                            "the severity of `\(rule.key)` should be error, warning, info or off",
                            fr: "la sévérité de `\(rule.key)` doit être error, warning, info ou off"))
                    }
                }
            }
            if let value = lint["miss_streak"], let number = reader.integer(value, key: "lint.miss_streak") {
                missStreakThreshold = max(1, number)
            }
        }
        if let value = root["tasks"], !value.isNull { readTasks(value, reader: &reader) }
        if let value = root["headings"], !value.isNull {
            guard let sections = value.entries else {
                reader.report(Rule.fieldInvalid, at: value, Message(
                    "`headings` should map a section (objectives, commitments, review, private, themes) to a list of headings",
                    fr: "`headings` doit associer une section (objectives, commitments, review, private, themes) à une liste de titres"))
                return
            }
            for section in sections {
                guard let kind = SectionKind(rawValue: TextFold.fold(section.key)) else {
                    reader.report(Rule.fieldInvalid, line: section.keyLine, column: section.keyColumn, Message(
                        "`headings.\(section.key)` is not a section: use objectives, commitments, review, private or themes",
                        fr: "`headings.\(section.key)` n'est pas une section : utilisez objectives, commitments, review, private ou themes"))
                    continue
                }
                headings[kind, default: []] += reader.texts(section.value, key: "headings.\(section.key)")
            }
            reportPrivateConflicts(sections, reader: &reader)
        }
    }

    static let tasksKeys: Set<String> = ["global_filter", "format", "statuses"]

    private mutating func readTasks(_ value: YAMLValue, reader: inout FieldReader) {
        guard let entries = value.entries else {
            reader.report(Rule.fieldInvalid, at: value, Message(
                "`tasks` should have keys `global_filter`, `format` and `statuses`",
                fr: "`tasks` doit avoir les clés `global_filter`, `format` et `statuses`"))
            return
        }
        Self.reportUnknownKeys(entries, known: Self.tasksKeys, under: "tasks.", reader: &reader)
        if let filter = value["global_filter"], let text = reader.text(filter, key: "tasks.global_filter") {
            if text.contains(where: \.isWhitespace) {
                reader.report(Rule.fieldInvalid, at: filter, Message(
                    "`tasks.global_filter` should be one word such as #task, not “\(text.clipped)”",
                    fr: "`tasks.global_filter` doit être un seul mot comme #task, pas « \(text.clipped) »"))
            } else {
                tasks.globalFilter = text
            }
        }
        tasks.format = reader.choice(value["format"], key: "tasks.format", allowed: ["dataview", "emoji"]) {
            TasksSettings.Format(rawValue: TextFold.fold($0))
        } ?? .dataview
        guard let statuses = value["statuses"], !statuses.isNull else { return }
        guard let pairs = statuses.entries else {
            reader.report(Rule.fieldInvalid, at: statuses, Message(
                "`tasks.statuses` should map a checkbox character to a status, such as `\"!\": open`",
                fr: "`tasks.statuses` doit associer un caractère de case à cocher à un statut, comme `\"!\": open`"))
            return
        }
        let allowed = "open, partial, done, dropped, carried"
        for pair in pairs {
            guard pair.key.count == 1, let character = pair.key.first, character != "]", character != "[",
                  ItemStatus(marker: character) == nil else {
                reader.report(Rule.fieldInvalid, line: pair.keyLine, column: pair.keyColumn, Message(
                    "`tasks.statuses`: “\(pair.key.clipped)” should be one character other than space, x, /, - and >, which journal already reads",
                    fr: "`tasks.statuses` : « \(pair.key.clipped) » doit être un seul caractère, autre que l'espace, x, /, - et >, que journal lit déjà"))
                continue
            }
            guard let text = reader.text(pair.value, key: "tasks.statuses.\(pair.key)") else { continue }
            guard let status = TasksSettings.status(named: text) else {
                reader.report(Rule.fieldInvalid, at: pair.value, Message(
                    "`tasks.statuses.\(pair.key)` cannot be “\(text.clipped)”: use one of \(allowed)",
                    fr: "`tasks.statuses.\(pair.key)` ne peut pas valoir « \(text.clipped) » : choisissez parmi \(allowed)"))
                continue
            }
            tasks.statuses[character] = status
        }
    }

    /// A heading both private and of another kind stays private (HeadingAliases sees to it); such
    /// a setting is still an error, since the coach meant something else by it.
    private func reportPrivateConflicts(_ sections: [YAMLValue.Entry], reader: inout FieldReader) {
        let privateAliases = Set((SectionKind.private.builtInAliases + (headings[.private] ?? [])).map(TextFold.fold))
        var others: [String: SectionKind] = [:]
        for kind in SectionKind.allCases where kind != .private {
            for alias in kind.builtInAliases + (headings[kind] ?? []) { others[TextFold.fold(alias)] = kind }
        }
        for section in sections {
            guard let kind = SectionKind(rawValue: TextFold.fold(section.key)) else { continue }
            let items: [YAMLValue]
            if case .sequence(let list) = section.value.content { items = list } else { items = [section.value] }
            for item in items {
                guard let text = item.stringList?.first else { continue }
                let folded = TextFold.fold(text)
                if kind != .private, privateAliases.contains(folded) {
                    reader.report(Rule.configInvalid, at: item, Message(
                        "`headings.\(section.key)`: “\(text.clipped)” is a private heading: it stays private (private headings win); remove it from `headings.\(section.key)`",
                        fr: "`headings.\(section.key)` : « \(text.clipped) » est un titre de section privée : il reste privé (les titres privés l'emportent) ; retirez-le de `headings.\(section.key)`"))
                } else if kind == .private, let other = others[folded] {
                    reader.report(Rule.configInvalid, at: item, Message(
                        "`headings.private`: “\(text.clipped)” is also a \(other.rawValue) heading: it is treated as private; choose one",
                        fr: "`headings.private` : « \(text.clipped) » est aussi un titre de la section \(other.rawValue) : il est traité comme privé ; choisissez l'un ou l'autre"))
                }
            }
        }
    }

    /// FrontMatter numbers lines as if a `---` line came first; journal.yml has none.
    private static func shiftedUp(_ value: YAMLValue) -> YAMLValue {
        var copy = value
        copy.line = max(1, value.line - 1)
        switch value.content {
        case .sequence(let items): copy.content = .sequence(items.map(shiftedUp))
        case .mapping(let entries):
            copy.content = .mapping(entries.map {
                YAMLValue.Entry(key: $0.key, keyLine: max(1, $0.keyLine - 1), keyColumn: $0.keyColumn,
                                value: shiftedUp($0.value))
            })
        default: break
        }
        return copy
    }

    var headingAliases: HeadingAliases { HeadingAliases(extra: headings) }
}
