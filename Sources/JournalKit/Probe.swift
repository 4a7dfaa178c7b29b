import CCmark
public enum Probe { public static func v() -> String { String(cString: cmark_version_string()) } }
