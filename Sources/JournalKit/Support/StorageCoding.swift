import Foundation

/// A compact binary form for what the index stores: little-endian varints, strings as their
/// UTF-8 bytes after their length. Written and read field by field, in one fixed order, by
/// the `storageBytes`/`init(storage:)` pairs beside each stored type; no keys, no escaping, so
/// that decoding a note is a walk over its bytes rather than a parse.
struct StorageWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zig-zag, so that small negative numbers (offsets west of UTC) stay short.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// 0 for nil, else the length plus one.
    mutating func string(_ value: String?) {
        guard var value else { return bytes.append(0) }
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count) + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func int(_ value: Int?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        int(value)
    }

    mutating func strings(_ values: [String]) {
        unsigned(UInt64(values.count))
        for value in values { string(value) }
    }

    mutating func strings(_ values: [String]?) {
        guard let values else { return bytes.append(0) }
        unsigned(UInt64(values.count) + 1)
        for value in values { string(value) }
    }

    mutating func raw<T: RawRepresentable<String>>(_ value: T?) { string(value?.rawValue) }

    /// A value stored as the text that names it (odds, a reason), read back by its own parser.
    mutating func named<T: TextCodable>(_ value: T?) { string(value?.description) }

    mutating func date(_ value: LocalDate?) {
        guard let value else { return bytes.append(0) }
        // Year, month and day in one number: 1 + yyyymmdd never collides with nil's 0.
        unsigned(UInt64(value.year * 10_000 + value.month * 100 + value.day) + 1)
    }

    /// The day, the time and the offset; not the spelling (`form`), which the notes' text keeps
    /// and `lint --fix` reads there.
    mutating func date(_ value: DateValue?) {
        date(value?.date)
        guard let value else { return }
        if let time = value.time {
            unsigned(UInt64(time.hour * 60 + time.minute) + 1)
        } else {
            bytes.append(0)
        }
        int(value.offsetMinutes)
    }
}

/// What a stored blob could not be read as: the index is then damaged, set aside and rebuilt.
struct StorageDecodingError: Error, Sendable {}

struct StorageReader {
    private let base: UnsafeRawBufferPointer
    private var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var isAtEnd: Bool { offset == base.count }

    private mutating func byte() throws -> UInt8 {
        guard offset < base.count else { throw StorageDecodingError() }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw StorageDecodingError() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw StorageDecodingError()
        }
    }

    mutating func double() throws -> Double {
        var bits: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { bits |= UInt64(try byte()) << UInt64(shift) }
        return Double(bitPattern: bits)
    }

    private mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(base.count - offset) else { throw StorageDecodingError() }
        return Int(value)
    }

    private mutating func text(_ length: Int) throws -> String {
        guard length <= base.count - offset else { throw StorageDecodingError() }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + length]), as: UTF8.self)
    }

    mutating func string() throws -> String { try text(count()) }

    mutating func optionalString() throws -> String? {
        let length = try unsigned()
        guard length > 0 else { return nil }
        guard length - 1 <= UInt64(base.count - offset) else { throw StorageDecodingError() }
        return try text(Int(length - 1))
    }

    mutating func optionalInt() throws -> Int? {
        try bool() ? try int() : nil
    }

    mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func optionalStrings() throws -> [String]? {
        let count = try unsigned()
        guard count > 0 else { return nil }
        guard count - 1 <= UInt64(base.count - offset) else { throw StorageDecodingError() }
        var values: [String] = []
        values.reserveCapacity(Int(count - 1))
        for _ in 0..<Int(count - 1) { values.append(try string()) }
        return values
    }

    /// Counts of nested values: each takes at least one byte, which bounds them.
    mutating func elements() throws -> Int { try count() }

    mutating func raw<T: RawRepresentable<String>>(_: T.Type = T.self) throws -> T? {
        guard let text = try optionalString() else { return nil }
        guard let value = T(rawValue: text) else { throw StorageDecodingError() }
        return value
    }

    mutating func named<T: TextCodable>(_: T.Type = T.self) throws -> T? {
        guard let text = try optionalString() else { return nil }
        guard let value = T.fromText(text) else { throw StorageDecodingError() }
        return value
    }

    mutating func required<T: RawRepresentable<String>>(_: T.Type = T.self) throws -> T {
        guard let value: T = try raw() else { throw StorageDecodingError() }
        return value
    }

    mutating func localDate() throws -> LocalDate? {
        let packed = try unsigned()
        guard packed > 0 else { return nil }
        let value = Int(packed - 1)
        guard let date = LocalDate(year: value / 10_000, month: value / 100 % 100, day: value % 100) else {
            throw StorageDecodingError()
        }
        return date
    }

    mutating func dateValue() throws -> DateValue? {
        guard let day = try localDate() else { return nil }
        var value = DateValue(date: day)
        let minutes = try unsigned()
        if minutes > 0 {
            guard minutes <= 24 * 60 else { throw StorageDecodingError() }
            value.time = DateValue.Time(hour: Int(minutes - 1) / 60, minute: Int(minutes - 1) % 60)
        }
        value.offsetMinutes = try optionalInt()
        return value
    }
}
