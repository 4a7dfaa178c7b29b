/// A plain byte search: the generic `firstRange(of:)` doubled a cold index.
enum ByteSearch {
    static func firstIndex<Bytes: RandomAccessCollection>(of pattern: [UInt8], in bytes: Bytes, from start: Int = 0) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard let first = pattern.first else { return start }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// Every line of every note is asked: on its bytes, not through Foundation's search.
    static func contains(_ line: Substring, _ pattern: [UInt8]) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { firstIndex(of: pattern, in: $0) != nil }
            ?? (firstIndex(of: pattern, in: Array(line.utf8)) != nil)
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        let pattern = Array(needle.utf8)
        return text.withUTF8 { firstIndex(of: pattern, in: $0) != nil }
    }
}
