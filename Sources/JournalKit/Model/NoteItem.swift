/// One list item that means something: an objective, a commitment, or a review statement.
struct NoteItem: Sendable, Codable, Hashable {
    enum Kind: String, Sendable, Codable, Hashable { case objective, commitment, review, theme }

    var kind: Kind
    var line: Int
    var column: Int
    var status: ItemStatus
    var text: String
    /// The explicit `id` field, if valid.
    var id: String?
    var ref: String?
    var due: LocalDate?
    var done: LocalDate?
    var validated: LocalDate?
    /// Odds as written (`10:1`, `90%`), with the probability of doing it they give.
    var odds: Odds?
    var owner: Party
    /// One of the four diagnoses, or the coach's free text.
    var reason: MissReason?
    var isPrivate: Bool
    /// 1-based rank among the note's commitments: the implicit id is `file-stem#rank`.
    var rank: Int
    /// A sub-bullet: the item sits inside another list item (the coach's note under an
    /// objective, say). The sponsor report shows top-level items only.
    var isNested = false
    /// What Obsidian Tasks (or Dataview) adds: `➕`/`created`, `⏳`/`scheduled`, `🛫`/`start`.
    var created: LocalDate?
    var scheduled: LocalDate?
    var start: LocalDate?
    /// Tasks' five (`none` is no priority).
    var priority: Priority?
    /// The Tasks recurrence rule as written (`every week on Monday`).
    var recurrence: String?
    /// The ids this commitment waits for (`⛔`, `dependsOn`); nil when none.
    var dependsOn: [String]?
}
