import Foundation

/// Name-based ids: the same fields always give the same UUID, on every
/// laptop, so a row made twice (a merge of the same initiatives, a version
/// of a note) is recognised as the same row.
public enum StableId {
    /// FNV-1a (128 bit) over the fields, each followed by a separator no
    /// field contains, so ("ab","c") ≠ ("a","bc"). Not a security hash; it
    /// only has to tell rows apart.
    public static func of(_ fields: [String]) -> UUID {
        var hash = FNV128()
        for field in fields {
            hash.add(Array(field.utf8))
            hash.add([0x1F])
        }
        return hash.uuid
    }
}

/// FNV-1a with the 128-bit parameters (offset 0x6c62272e07bb014262b821756295c58d,
/// prime 2^88 + 0x13B), computed on two 64-bit halves.
public struct FNV128: Sendable {
    public var high: UInt64 = 0x6c62_272e_07bb_0142
    public var low: UInt64 = 0x62b8_2175_6295_c58d

    public init() {}

    public mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            low ^= UInt64(byte)
            // (high·2^64 + low) × (2^88 + 0x13B) mod 2^128
            let (carry, product) = low.multipliedFullWidth(by: 0x13B)
            high = carry &+ high &* 0x13B &+ (low << 24)
            low = product
        }
    }

    public var uuid: UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(i)))
        }
        // Mark it as a name-based UUID (version 5 layout, RFC 4122 variant).
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
