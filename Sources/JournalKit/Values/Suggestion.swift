/// The known word nearest to a misspelt one (a key, a client's id, a commitment's), for the
/// did-you-mean of a message: bounded edit distances, a swap of two neighbours counting one.
enum Suggestion {
    /// The known key nearest to a misspelt one, if it is close enough to be a typo.
    /// A candidate whose length alone rules it out is not compared: a note of thousands of
    /// unknown keys must not cost an edit distance against every known one for each.
    static func closest(to key: String, in known: Set<String>) -> String? {
        let folded = TextFold.fold(key)
        let length = folded.count
        let limit = max(1, min(2, length / 3))
        var best: (String, Int)?
        // Known keys are ASCII once folded: so is nearly every key written, and on bytes the
        // bounded distance stops as soon as the limit is passed.
        let ascii = folded.utf8.allSatisfy { $0 < 0x80 } ? Array(folded.utf8.prefix(64)) : nil
        for candidate in known where abs(candidate.count - length) <= limit {
            let distance = ascii.map { boundedDistance($0, Array(candidate.utf8), limit: limit) } ?? editDistance(folded, candidate)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.1, best!.0) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The candidate nearest to a misspelt id (a client's, a commitment's), if it is close
    /// enough to be a typo; ids are compared as written. Bounded: nothing is suggested among
    /// more than `maximumCandidates` (a hostile journal must not make every miss quadratic),
    /// and a candidate whose length alone rules it out costs one comparison.
    static func nearest(to word: String, among candidates: some Collection<String>) -> String? {
        guard candidates.count <= maximumCandidates else { return nil }
        let target = Array(word.utf8.prefix(64))
        let limit = max(1, min(2, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let bytes = Array(candidate.utf8.prefix(64))
            guard abs(bytes.count - target.count) <= limit else { continue }
            let distance = boundedDistance(target, bytes, limit: limit)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.1, best!.0) { best = (candidate, distance) }
        }
        return best?.0
    }

    static let maximumCandidates = 5_000

    /// Edit distance (a swap of two neighbours counting one), or `limit + 1` as soon as it is
    /// known to exceed `limit`.
    static func boundedDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, beforePrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var beforePrevious = previous
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                // Two letters swapped (`mdoe`) is one slip, not two.
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
