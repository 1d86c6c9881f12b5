import Foundation

/// An `Encoder` that writes JSON straight into one growing byte buffer,
/// byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and ISO 8601
/// dates (the JSON export's settings; a golden-file test holds it to that).
///
/// Foundation first builds a tree of boxed values, then sorts and writes it,
/// and formats every date through a calendar; this writes each value where
/// it goes, sorts an object's members by moving their finished bytes, and
/// formats dates from the seconds. Any `Encodable` works, so fields added to
/// the harvest document need nothing here.
public enum JSONBytes {
    /// The pretty-printed JSON of `value`, without a final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink()
        try sink.write(value, depth: 0)
        return sink.bytes
    }
}

/// The buffer and the writing rules shared by every container.
final class JSONSink {
    var bytes: [UInt8] = []
    /// Sort orders of the keys of each `CodingKey` type seen, by the keys' text.
    var keyRanks: [ObjectIdentifier: [String: Int]] = [:]

    init() { bytes.reserveCapacity(1 << 16) }

    func ascii(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func indent(_ depth: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    func newlineAndIndent(_ depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        indent(depth)
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quote, backslash and controls escaped as JSONEncoder does; "/" and non-ASCII as they are.
    func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var mark = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                mark = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): bytes.append(b)
                case UInt8(ascii: "\\"): bytes.append(b)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                }
            }
            if utf8.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<utf8.count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    func integer(_ n: Int) {
        CSVWriter.appendDecimal(n, to: &bytes)
    }

    func integer<I: BinaryInteger>(_ n: I) {
        bytes.append(contentsOf: String(n).utf8)
    }

    func double(_ d: Double) throws {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "\(d) is not representable in JSON"))
        }
        // As JSONEncoder writes a Double: integral values without a fraction.
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A value where a value goes; nested containers are written at `depth`.
    func write<T: Encodable>(_ value: T, depth: Int) throws {
        // Comparing metadata is cheaper than a dynamic cast for every value.
        if T.self == String.self {
            string(value as! String)
        } else if T.self == Int.self {
            integer(value as! Int)
        } else if T.self == Date.self {
            bytes.append(UInt8(ascii: "\""))
            ISODate.append(value as! Date, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        } else if T.self == URL.self {
            string((value as! URL).absoluteString)
        } else {
            let encoder = JSONBytesEncoder(sink: self, depth: depth)
            try value.encode(to: encoder)
            try encoder.finish()
        }
    }

    /// The last key order seen for each `CodingKey` type, and the order that sorts it:
    /// values of one type encode the same keys in the same order, so it is sorted once.
    var keyOrders: [ObjectIdentifier: (keys: [String], order: [Int])] = [:]

    /// The members to write, in key order (of a key written twice, the last, as JSONEncoder keeps).
    func order(_ keys: [String], type: ObjectIdentifier) -> [Int] {
        if let cached = keyOrders[type], cached.keys == keys { return cached.order }
        var last: [String: Int] = [:]
        for (i, key) in keys.enumerated() { last[key] = i }
        let order = last.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map(\.value)
        keyOrders[type] = (keys, order)
        return order
    }
}

/// The encoder of one value: it opens at most one container, closed when the value is written.
final class JSONBytesEncoder: Encoder {
    enum Container { case none, keyed, unkeyed, single }

    let sink: JSONSink
    let depth: Int
    var container = Container.none
    /// Members of a keyed container: their keys, and where each one's bytes start and end.
    var keys: [String] = []
    var members: [(start: Int, end: Int)] = []
    var keyType = ObjectIdentifier(JSONBytesEncoder.self)
    var count = 0
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(sink: JSONSink, depth: Int) { self.sink = sink; self.depth = depth }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if container == .none {
            container = .keyed
            keyType = ObjectIdentifier(Key.self)
            sink.bytes.append(UInt8(ascii: "{"))
        }
        return KeyedEncodingContainer(KeyedJSON<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if container == .none {
            container = .unkeyed
            sink.bytes.append(UInt8(ascii: "["))
        }
        return UnkeyedJSON(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if container == .none { container = .single }
        return SingleJSON(encoder: self)
    }

    /// Before a member's key or an element: the separator and the indent.
    func beginElement() {
        if count > 0 { sink.bytes.append(UInt8(ascii: ",")) }
        count += 1
        sink.newlineAndIndent(depth + 1)
    }

    func beginMember<Key: CodingKey>(_ key: Key) {
        let name = key.stringValue
        if count > 0 { sink.bytes.append(UInt8(ascii: ",")) }
        count += 1
        sink.bytes.append(UInt8(ascii: "\n"))
        keys.append(name)
        members.append((sink.bytes.count, 0))
        sink.indent(depth + 1)
        sink.string(name)
        sink.ascii(" : ")
    }

    func endMember() {
        members[members.count - 1].end = sink.bytes.count
    }

    /// Closes the container: an object's members in key order, then the bracket.
    func finish() throws {
        switch container {
        case .none:
            // JSONEncoder writes a value that encoded nothing as an empty object.
            sink.ascii("{\n\n")
            sink.indent(depth)
            sink.bytes.append(UInt8(ascii: "}"))
        case .single:
            break
        case .unkeyed:
            sink.bytes.append(UInt8(ascii: "\n"))
            if count == 0 { sink.bytes.append(UInt8(ascii: "\n")) }
            sink.indent(depth)
            sink.bytes.append(UInt8(ascii: "]"))
        case .keyed:
            sortMembers()
            sink.bytes.append(UInt8(ascii: "\n"))
            if count == 0 { sink.bytes.append(UInt8(ascii: "\n")) }
            sink.indent(depth)
            sink.bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Rewrites the members in key order when they were encoded in another.
    func sortMembers() {
        guard members.count > 1 else { return }
        let order = sink.order(keys, type: keyType)
        if order.count == members.count && order.enumerated().allSatisfy({ $0.offset == $0.element }) { return }
        let regionStart = members[0].start
        let region = Array(sink.bytes[regionStart...])
        sink.bytes.removeSubrange(regionStart...)
        for (n, i) in order.enumerated() {
            if n > 0 { sink.ascii(",\n") }
            sink.bytes.append(contentsOf: region[(members[i].start - regionStart)..<(members[i].end - regionStart)])
        }
        count = order.count
    }
}

struct KeyedJSON<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONBytesEncoder
    var codingPath: [any CodingKey] { [] }
    var sink: JSONSink { encoder.sink }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.beginMember(key); sink.ascii("null"); encoder.endMember()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.beginMember(key); value ? sink.ascii("true") : sink.ascii("false"); encoder.endMember()
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.beginMember(key); sink.string(value); encoder.endMember()
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.beginMember(key); try sink.double(value); encoder.endMember()
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        encoder.beginMember(key); sink.integer(value); encoder.endMember()
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        encoder.beginMember(key); try sink.double(Double(value)); encoder.endMember()
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.beginMember(key); try sink.write(value, depth: encoder.depth + 1); encoder.endMember()
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("JSONBytes: nested containers are not used by the harvest document")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        fatalError("JSONBytes: nested containers are not used by the harvest document")
    }
    mutating func superEncoder() -> any Encoder {
        fatalError("JSONBytes: superEncoder is not used by the harvest document")
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        fatalError("JSONBytes: superEncoder is not used by the harvest document")
    }
}

struct UnkeyedJSON: UnkeyedEncodingContainer {
    let encoder: JSONBytesEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.count }
    var sink: JSONSink { encoder.sink }

    mutating func encodeNil() throws { encoder.beginElement(); sink.ascii("null") }
    mutating func encode(_ value: Bool) throws { encoder.beginElement(); value ? sink.ascii("true") : sink.ascii("false") }
    mutating func encode(_ value: String) throws { encoder.beginElement(); sink.string(value) }
    mutating func encode(_ value: Int) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: Double) throws { encoder.beginElement(); try sink.double(value) }
    mutating func encode(_ value: Int8) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoder.beginElement(); sink.integer(value) }
    mutating func encode(_ value: Float) throws { encoder.beginElement(); try sink.double(Double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.beginElement(); try sink.write(value, depth: encoder.depth + 1)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("JSONBytes: nested containers are not used by the harvest document")
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        fatalError("JSONBytes: nested containers are not used by the harvest document")
    }
    mutating func superEncoder() -> any Encoder {
        fatalError("JSONBytes: superEncoder is not used by the harvest document")
    }
}

struct SingleJSON: SingleValueEncodingContainer {
    let encoder: JSONBytesEncoder
    var codingPath: [any CodingKey] { [] }
    var sink: JSONSink { encoder.sink }

    mutating func encodeNil() throws { sink.ascii("null") }
    mutating func encode(_ value: Bool) throws { value ? sink.ascii("true") : sink.ascii("false") }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Int) throws { sink.integer(value) }
    mutating func encode(_ value: Double) throws { try sink.double(value) }
    mutating func encode(_ value: Int8) throws { sink.integer(value) }
    mutating func encode(_ value: Int16) throws { sink.integer(value) }
    mutating func encode(_ value: Int32) throws { sink.integer(value) }
    mutating func encode(_ value: Int64) throws { sink.integer(value) }
    mutating func encode(_ value: UInt) throws { sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { sink.integer(value) }
    mutating func encode(_ value: Float) throws { try sink.double(Double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.write(value, depth: encoder.depth) }
}

/// Dates as ISO 8601 in UTC to the second ("2024-11-07T09:00:00Z"), as
/// `ISO8601DateFormatter` and JSONEncoder's `.iso8601` write them, from the
/// seconds since 1970 (no calendar, no formatter).
public enum ISODate {
    public static func append(_ date: Date, to out: inout [UInt8]) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) {
            out.append(UInt8(ascii: "0") + UInt8(n / 10))
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
        }
        if (0...9999).contains(year) {
            two(year / 100); two(year % 100)
        } else {
            out.append(contentsOf: String(format: "%04d", year).utf8)
        }
        out.append(UInt8(ascii: "-")); two(month)
        out.append(UInt8(ascii: "-")); two(day)
        out.append(UInt8(ascii: "T")); two(rest / 3600)
        out.append(UInt8(ascii: ":")); two(rest % 3600 / 60)
        out.append(UInt8(ascii: ":")); two(rest % 60)
        out.append(UInt8(ascii: "Z"))
    }

    public static func string(_ date: Date) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        append(date, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
