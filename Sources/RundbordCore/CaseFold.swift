import Foundation

/// Case-insensitive keys without Foundation's `folding(options:locale:)`,
/// which on Linux bridges every string through NSString and cost half the
/// instructions of a Markdown export (callgrind, 1,000 notes: 140,000
/// instructions a call). The results are the same as Foundation's: where
/// Swift's own lower-case mapping of a scalar is not its case fold ("ß",
/// "ς", Cherokee), the string goes to Foundation as before.
public enum CaseFold {
    /// `text.folding(options: [.caseInsensitive], locale: nil)`.
    public static func caseInsensitive(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Written as UTF-8 bytes and made a String once: appending scalar by
        // scalar to a String is itself slow.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            // ASCII and Latin-1 by arithmetic: Unicode property lookups cost
            // hundreds of instructions a scalar. "ß" and "µ" fold otherwise.
            let v = scalar.value
            if v < 0x80 {
                out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
                continue
            }
            if (v >= 0xE0 && v <= 0xFF) || (v >= 0xC0 && v <= 0xDE && v != 0xD7) {
                let lower = v <= 0xDE ? v + 0x20 : v
                out.append(UInt8(0xC0 | (lower >> 6)))
                out.append(UInt8(0x80 | (lower & 0x3F)))
                continue
            }
            let p = scalar.properties
            guard p.changesWhenCaseFolded || p.changesWhenLowercased else {
                UTF8.encode(scalar) { out.append($0) }
                continue
            }
            // Lower case is the fold only when both change the scalar and the
            // lower case is folded already.
            let lower = p.lowercaseMapping
            guard p.changesWhenCaseFolded, p.changesWhenLowercased,
                  lower.unicodeScalars.allSatisfy({ !$0.properties.changesWhenCaseFolded }) else {
                return text.folding(options: [.caseInsensitive], locale: nil)
            }
            out.append(contentsOf: lower.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Remembers what a costly pure function of a word gave, for the words of
/// a harvest's notes, which repeat: the same few thousand words in every
/// note. Bounded: emptied when it holds `limit` words.
final class WordMemo: @unchecked Sendable {
    // @unchecked: `table` is only touched under `lock`.
    private let lock = NSLock()
    private var table: [Substring: String] = [:]
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    func value(_ word: Substring, _ make: (Substring) -> String) -> String {
        lock.lock()
        let known = table[word]
        lock.unlock()
        if let known { return known }
        let made = make(word)
        lock.lock()
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[word] = made
        lock.unlock()
        return made
    }
}

extension CaseFold {
    /// `text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")`,
    /// by scalars instead of Characters (grapheme breaking is slow). A mark or
    /// joiner right after white space belongs to the space's Character, so
    /// such a text goes the Character way, as before.
    public static func collapsingWhitespace(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false, afterSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isSpace: Bool
            if v < 0x80 {
                isSpace = v == 0x20 || (v >= 0x09 && v <= 0x0D)
            } else if v >= 0xC0 && v <= 0xFF {
                isSpace = false  // Latin-1's letters and signs; no marks among them
            } else {
                let p = scalar.properties
                isSpace = p.isWhitespace
                if !isSpace && afterSpace
                    && (p.isGraphemeExtend || p.isEmojiModifier || p.generalCategory == .spacingMark || p.generalCategory == .format) {
                    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                }
            }
            afterSpace = isSpace
            if isSpace { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            if v < 0x80 { out.append(UInt8(v)) } else { UTF8.encode(scalar) { out.append($0) } }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
