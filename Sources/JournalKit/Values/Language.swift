/// The product's two languages: every message of ours is written in both.
public enum Language: String, Sendable, CaseIterable { case fr, en }
