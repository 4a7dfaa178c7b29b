/// Where the coaching stands, the only thing the report always says about it: under way, not
/// started, or ended, never why (docs/privacy.md).
public enum CasePhase: String, Sendable, Hashable {
    /// A prospect; a case whose latest chemistry call said `decline`, or that was closed,
    /// with no session held.
    case notStarted = "not-started"
    /// Active or paused, with or without a session held yet.
    case underWay = "under-way"
    /// Closed (or declined) after at least one held session.
    case ended

    /// Closed is ended once a session was held, else not started; a prospect has not started,
    /// whatever its notes say; so has a case whose latest chemistry call declined, unless
    /// sessions were held (then it has ended). Anything else (active, paused, no status) is
    /// under way, except a case with no status and no session held yet.
    static func of(_ file: CaseFile, notes: [Note]) -> CasePhase {
        let held = notes.contains(where: \.isHeldSession)
        let declined = notes.last(where: { $0.type == .chemistry && $0.decision != nil })?.decision == .decline
        switch file.status {
        case .prospect: return .notStarted
        case .closed: return held ? .ended : .notStarted
        case .active, .paused: return declined ? (held ? .ended : .notStarted) : .underWay
        case nil: return declined || !held ? (held ? .ended : .notStarted) : .underWay
        }
    }
}
