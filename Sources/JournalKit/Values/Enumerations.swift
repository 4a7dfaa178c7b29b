/// Values with a fixed set of meanings, each read from its English or French spellings and
/// written in the index in its canonical English form (`rawValue`).
protocol Spelled: RawRepresentable<String>, CaseIterable, Sendable, Codable, Hashable {
    /// Other spellings, folded (lower case, no accents), for each case.
    static var spellings: [Self: [String]] { get }
}

extension Spelled {
    static func parse(_ text: String) -> Self? {
        let folded = TextFold.fold(text).replacingByte(UInt8(ascii: "_"), with: "-")
        let dashed = folded.replacingByte(UInt8(ascii: " "), with: "-")
        for value in allCases {
            if folded == value.rawValue || (spellings[value] ?? []).contains(folded) || dashed == value.rawValue {
                return value
            }
        }
        return nil
    }
}

public enum DocumentType: String, Spelled {
    case client, chemistry, threeWay = "three-way", session, supervision
    static let spellings: [Self: [String]] = [
        .client: ["case", "dossier"], .chemistry: ["chemistry-call", "entretien-prealable", "premier-contact"],
        .threeWay: ["threeway", "tripartite", "three way"], .session: ["seance"], .supervision: [],
    ]
}

public enum Mode: String, Spelled {
    case visio, phone, inPerson = "in-person"
    static let spellings: [Self: [String]] = [
        .visio: ["video", "visioconference", "zoom", "teams", "remote"],
        .phone: ["telephone", "tel", "call"],
        .inPerson: ["in person", "presentiel", "face-a-face", "face a face", "sur place"],
    ]
}

public enum SessionStatus: String, Spelled {
    /// `planned`: a note written before the session (by `journal new session`): it says nothing
    /// about the work until the coach marks it held.
    case held, cancelled, noShow = "no-show", planned
    static let spellings: [Self: [String]] = [
        .planned: ["prevue", "prevu", "planifiee", "planifie", "a venir", "scheduled"],
        .held: ["tenue", "tenu", "faite", "fait", "realisee", "realise", "done"],
        .cancelled: ["canceled", "annulee", "annule"],
        .noShow: ["noshow", "no show", "absent", "absente", "absence"],
    ]
}

public enum Party: String, Spelled {
    case client, coach, sponsor
    static let spellings: [Self: [String]] = [
        .client: ["cliente", "coache", "coachee"], .coach: ["moi", "me"], .sponsor: ["commanditaire", "prescripteur"],
    ]
}

public enum ClientStatus: String, Spelled {
    case prospect, active, paused, closed
    static let spellings: [Self: [String]] = [
        .prospect: ["prospection"], .active: ["actif", "en cours"],
        .paused: ["pause", "en pause", "suspendu", "suspendue"],
        .closed: ["clos", "close", "cloture", "cloturee", "termine", "terminee", "ferme"],
    ]
}

public enum TriState: String, Spelled {
    case yes, no, unknown
    static let spellings: [Self: [String]] = [
        .yes: ["oui", "true", "vrai"], .no: ["non", "false", "faux"], .unknown: ["inconnu", "?", "ne sait pas"],
    ]
}

public enum Fit: String, Spelled {
    case yes, no, unsure
    static let spellings: [Self: [String]] = [
        .yes: ["oui", "true"], .no: ["non", "false"], .unsure: ["incertain", "peut-etre", "maybe", "?"],
    ]
}

public enum Decision: String, Spelled {
    case proceed, decline, pending
    static let spellings: [Self: [String]] = [
        .proceed: ["go", "poursuivre", "continuer", "oui"], .decline: ["decliner", "refus", "refuser", "non"],
        .pending: ["en attente", "attente", "a decider"],
    ]
}

public enum Disclosure: String, Spelled {
    case attendance, dates, objectives, progress, themes
    static let spellings: [Self: [String]] = [
        .attendance: ["presence", "assiduite"], .dates: [], .objectives: ["objectifs"],
        .progress: ["progres", "avancement"], .themes: [],
    ]
}

/// A commitment's priority, as Obsidian Tasks ranks them (its emoji 🔺 ⏫ 🔼 🔽 ⏬, or the word).
public enum Priority: String, Sendable, Codable, Hashable, CaseIterable {
    case highest, high, medium, low, lowest
}

/// Why a commitment was not kept: one of the four diagnoses, or the coach's own words.
/// Stored as its canonical text, read back with the same reading as in notes.
public enum MissReason: Hashable, Sendable, TextCodable {
    case busy, hard, stuck, notUseful, other(String)

    /// Trimmed before it is read: the words stored for `.other` read back as `.other`.
    static func parse(_ text: String) -> MissReason {
        switch TextFold.fold(text.trimmingWhitespace).replacingByte(UInt8(ascii: "_"), with: "-") {
        case "busy", "occupe", "occupee", "pas le temps": return .busy
        case "hard", "difficile", "trop difficile": return .hard
        case "stuck", "bloque", "bloquee": return .stuck
        case "not-useful", "not useful", "pas-utile", "pas utile", "inutile": return .notUseful
        default: return .other(text.trimmingWhitespace)
        }
    }

    /// How the reason reads for the coach: the four diagnoses in the journal's language, the
    /// coach's own words as written.
    func label(in language: Language) -> String {
        switch self {
        case .busy: return Message("busy", fr: "occupé").in(language)
        case .hard: return Message("too hard", fr: "trop difficile").in(language)
        case .stuck: return Message("stuck", fr: "bloqué").in(language)
        case .notUseful: return Message("not useful", fr: "pas utile").in(language)
        case .other(let text): return text
        }
    }

    var canonical: String {
        switch self {
        case .busy: return "busy"
        case .hard: return "hard"
        case .stuck: return "stuck"
        case .notUseful: return "not-useful"
        case .other(let text): return text
        }
    }

    public var description: String { canonical }

    static func fromText(_ text: String) -> MissReason? { parse(text) }
}

extension Party {
    /// For the command line: the same spellings as in notes.
    public init?(spelling: String) {
        guard let value = Party.parse(spelling) else { return nil }
        self = value
    }
}

extension DocumentType {
    /// For the command line: the same spellings as in notes.
    public init?(spelling: String) {
        guard let value = DocumentType.parse(spelling) else { return nil }
        self = value
    }
}

extension String {
    /// `replacingOccurrences(of:with:)` for an ASCII character, which is a byte of its own in
    /// UTF-8: the string itself when it has none, as almost every value read has (Foundation's
    /// search was a percent of a cold index).
    func replacingByte(_ byte: UInt8, with replacement: String) -> String {
        guard utf8.contains(byte) else { return self }
        return replacingOccurrences(of: String(UnicodeScalar(byte)), with: replacement)
    }
}
