import Foundation

/// A regular expression compiled the first time it runs: a detector has dozens, and a short
/// summary needs only the few whose prefilter (`TextTraits`) ever lets them run.
final class LazyRegex: @unchecked Sendable {
    private let pattern: String
    private let options: NSRegularExpression.Options
    // Guards `compiled`: detectors run from any thread.
    private let lock = NSLock()
    private var compiled: NSRegularExpression?

    init(_ pattern: String, options: NSRegularExpression.Options) {
        self.pattern = pattern
        self.options = options
    }

    var regex: NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        // The patterns are constants of the detectors: a typo is a programming error.
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        compiled = regex
        return regex
    }

    func matches(in text: String, range: NSRange) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: range)
    }
}
