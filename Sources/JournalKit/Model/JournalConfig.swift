public import Foundation

/// journal.yml (docs/format.md, "journal.yml"). Every key is optional; a bad value is a diagnostic and the
/// default stands, so a broken configuration never stops the coach from working.
public struct JournalConfig: Sendable {
    public var coach: String?
    public var language: Language = .fr
    public var timezone: TimeZone
    public var cadence: Cadence?
    public var retention: Cadence?
    /// `duration`: the usual length of a session in minutes, for the calendar and the hours log
    /// when a note gives none (a contract's own `duration` wins).
    public var duration: Int?
    /// `mode`: how sessions usually take place, for `journal new session` when the contract
    /// says nothing.
    public var mode: Mode?
    /// `lint.rules`: per-rule severity; nil means `off`.
    public var ruleSeverities: [String: Diagnostic.Severity?] = [:]
    /// `lint.miss_streak`: the streak length that warns.
    public var missStreakThreshold = 2
    var headings: [SectionKind: [String]] = [:]
    /// `tasks`: what an Obsidian vault with the Tasks plugin needs (global filter, format,
    /// custom checkboxes).
    public var tasks = TasksSettings()
    /// Problems found in journal.yml itself.
    public var diagnostics: [Diagnostic] = []

    public typealias Language = JournalKit.Language

    static let fileName = "journal.yml"
    static let keys: Set<String> = ["coach", "language", "timezone", "cadence", "retention", "duration", "mode", "lint", "headings", "tasks"]

    /// The defaults: French, and the machine's time zone.
    public init(zone: TimeZone) {
        timezone = zone
    }
}
