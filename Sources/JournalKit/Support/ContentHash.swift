/// FNV-1a, 64 bits: tells a touched file from a changed one. Not cryptographic; collisions
/// would only make the index keep an older parse of a file whose size and mtime both changed.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        let hex = String(value(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash as a number, for choices made from it (pseudonyms).
    static func value(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = basis
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    /// The hash of no byte, and of one more byte: for a hash computed while bytes are read.
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
