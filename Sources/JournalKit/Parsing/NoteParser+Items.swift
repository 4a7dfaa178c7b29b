import Foundation

/// An item's fields (Dataview's and the Tasks plugin's emoji) read into a `NoteItem`.
extension NoteParser {
    /// More ids after ⛔ than any commitment waits for: bounded work in resolving them.
    static let maximumDependencies = 32

    func readItemFields(_ fields: [ItemLine.Field], into item: inout NoteItem,
                                reader: inout FieldReader) {
        for field in fields {
            func invalid(_ message: Message) {
                reader.report(Rule.fieldInvalid, line: field.line, column: field.column, message)
            }
            func day() -> LocalDate? {
                switch DateValue.parse(field.value) {
                case .success(let date): return date.date
                case .failure(let error):
                    invalid(error.text.prefixed("`\(field.key)` : ").fixingEnglishColon)
                    return nil
                }
            }
            // `[due:: ]`, or a Tasks emoji followed at once by another (`📅📅`, `✅📅🆔`).
            if field.value.isEmpty, Self.valuedKeys.contains(field.key) {
                invalid(Message(
                    "`\(field.key)` has no value: write it after the emoji or the `::` (`📅 2026-04-01`, `[due:: 2026-04-01]`), or remove the field",
                    fr: "`\(field.key)` n'a pas de valeur : écrivez-la après l'emoji ou les `::` (`📅 2026-04-01`, `[due:: 2026-04-01]`), ou retirez le champ"))
                continue
            }
            switch field.key {
            case "id", "identifiant":
                // On a review line, the id names the commitment a `[>]` carries this one into.
                if item.kind == .commitment || item.kind == .objective || item.kind == .review {
                    if ClientID.isValidItemID(field.value) {
                        item.id = field.value
                    } else {
                        invalid(Message(
                            "the id “\(field.value.clipped)” should be 1 to 32 lower-case letters, digits or hyphens",
                            fr: "l'identifiant « \(field.value.clipped) » doit faire 1 à 32 lettres minuscules, chiffres ou tirets"))
                    }
                }
            case "due", "echeance": item.due = day()
            case "done", "fait", "completion": item.done = day()
            case "created": item.created = day()
            case "scheduled": item.scheduled = day()
            case "start": item.start = day()
            case "priority":
                switch TextFold.fold(field.value) {
                case let word where Priority(rawValue: word) != nil: item.priority = Priority(rawValue: word)
                case "none", "normal", "": item.priority = nil
                default:
                    invalid(Message(
                        "`priority` cannot be “\(field.value.clipped)”: use highest, high, medium, low or lowest (or a Tasks emoji 🔺 ⏫ 🔼 🔽 ⏬)",
                        fr: "`priority` ne peut pas valoir « \(field.value.clipped) » : utilisez highest, high, medium, low ou lowest (ou un emoji de Tasks 🔺 ⏫ 🔼 🔽 ⏬)"))
                }
            case "repeat": item.recurrence = field.value
            case "oncompletion":
                // Tasks' own (what to do with a recurring task once done): nothing for journal.
                break
            case "dependson":
                let ids = field.value.split(separator: ",").map({ String($0).trimmingWhitespace }).filter { !$0.isEmpty }
                if ids.count + (item.dependsOn?.count ?? 0) > Self.maximumDependencies {
                    invalid(Message(
                        "a commitment can wait for at most \(Self.maximumDependencies) others: split it, or keep the ones that matter",
                        fr: "un engagement peut en attendre au plus \(Self.maximumDependencies) autres : scindez-le, ou gardez ceux qui comptent"))
                    continue
                }
                for id in ids {
                    if ClientID.isValidItemID(id) {
                        item.dependsOn = (item.dependsOn ?? []) + [id]
                    } else {
                        invalid(Message(
                            "the id “\(id.clipped)” this commitment depends on should be 1 to 32 lower-case letters, digits or hyphens",
                            fr: "l'identifiant « \(id.clipped) » dont dépend cet engagement doit faire 1 à 32 lettres minuscules, chiffres ou tirets"))
                    }
                }
            case "cancelled":
                item.done = day()
                if item.status == .open { item.status = .dropped }
            case "validated", "valide": item.validated = day()
            case "odds", "cote":
                switch Odds.parse(field.value) {
                case .success(let odds): item.odds = odds
                case .failure(let error): invalid(error.text.prefixed("`odds` : ").fixingEnglishColon)
                }
            case "owner", "qui":
                if let party = Party.parse(field.value) {
                    item.owner = party
                } else {
                    invalid(Message("`owner` cannot be “\(field.value.clipped)”: use client, coach or sponsor",
                                    fr: "`owner` ne peut pas valoir « \(field.value.clipped) » : utilisez client, coach ou sponsor"))
                }
            case "reason", "raison":
                item.reason = MissReason.parse(field.value)
            case "ref":
                item.ref = field.value
            default:
                // Other keys are the coach's own (Dataview users have many); one that is a
                // letter or two from a known key is most likely a typo, and its value is lost.
                if let folded = Suggestion.closest(to: field.key, in: Self.itemKeys), folded != field.key {
                    // Shown as the coach writes them: `échance` → `échéance`, not `echeance`.
                    let written = field.written.isEmpty ? field.key : field.written
                    let suggestion = Self.itemKeySpellings[folded] ?? folded
                    reader.report(Rule.fieldUnknown, .warning, line: field.line, column: field.column, Message(
                        "`\(written)` is not a field journal reads: did you mean `\(suggestion)`?",
                        fr: "`\(written)` n'est pas un champ que journal lit : vouliez-vous écrire `\(suggestion)` ?"))
                }
            }
        }
    }
}
