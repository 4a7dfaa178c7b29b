/// What a client's case file (`type: client`) declares.
struct CaseFile: Sendable, Codable, Hashable {
    struct Person: Sendable, Codable, Hashable {
        var name: String
        var aliases: [String] = []
        var relation: String?
        var gender: String?
        var role: String?
        var organisation: String?
        var email: String?
        var phone: String?
    }

    struct Organisation: Sendable, Codable, Hashable {
        var name: String
        var aliases: [String] = []
        var sector: String?
        var size: String?
    }

    struct Place: Sendable, Codable, Hashable {
        var name: String
        var generalised: String?
    }

    struct Contract: Sendable, Codable, Hashable {
        var start: LocalDate?
        var end: LocalDate?
        var sessions: Int?
        var cadence: Cadence?
        /// The usual length of a session, in minutes.
        var duration: Int?
        /// How its sessions usually take place: what `journal new session` writes.
        var mode: Mode?
    }

    struct Consent: Sendable, Codable, Hashable {
        var caseStudy: Bool = false
        var hoursLog: Bool = false
    }

    var name: String?
    var aliases: [String] = []
    var gender: String?
    var email: String?
    var phone: String?
    var role: String?
    var organisation: Organisation?
    var sponsor: Person?
    var people: [Person] = []
    var places: [Place] = []
    var demand: String?
    var need: String?
    var contract: Contract?
    var disclosure: [Disclosure] = []
    var consent = Consent()
    var status: ClientStatus?
    var closed: LocalDate?
    var outcome: String?
}
