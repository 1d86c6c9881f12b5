/// Neutralises control characters in user text before it reaches a terminal,
/// a header or a single-line field. Each function first scans the UTF-8
/// bytes and returns the text untouched when nothing needs changing, which
/// is nearly always: exports and screens call these for every note.
public enum Sanitize {
    /// Whether `s` holds anything these functions change: a C0 control other
    /// than LF and tab, DEL, a C1 control or a bidi override/isolate.
    /// (`allowTabAndNewline` false also counts LF and tab.)
    static func needsWork(_ s: String, allowTabAndNewline: Bool) -> Bool {
        var utf8 = s.utf8.makeIterator()
        var previous2: UInt8 = 0, previous: UInt8 = 0
        while let b = utf8.next() {
            if b < 0x20 {
                if !(allowTabAndNewline && (b == 0x0A || b == 0x09)) { return true }
            } else if b == 0x7F {
                return true
            } else if previous == 0xC2 && (0x80...0x9F).contains(b) {
                return true // U+0080...U+009F
            } else if previous2 == 0xE2 && previous == 0x80 && (0xAA...0xAE).contains(b) {
                return true // U+202A...U+202E
            } else if previous2 == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(b) {
                return true // U+2066...U+2069
            }
            previous2 = previous
            previous = b
        }
        return false
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Text safe to draw on a terminal: C0/C1 controls and DEL become visible
    /// symbols (␛ for ESC, ␤ for a newline) and bidi overrides become "�",
    /// so no byte of user text can act as an escape sequence.
    public static func forTerminal(_ s: String) -> String {
        guard needsWork(s, allowTabAndNewline: false) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "␤"
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "␡"
        case 0x80...0x9F: return "�"
        case 0x202A...0x202E, 0x2066...0x2069: return "�"
        default: return String(scalar)
        }
    }

    /// A single line: newlines and tabs become spaces, other controls are
    /// dropped, runs of spaces folded; for titles, names, subjects, addresses.
    public static func line(_ s: String) -> String {
        if isCleanLine(s) { return s }
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let isSpace = v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C
                || v == 0x85 || v == 0x2028 || v == 0x2029
            if isSpace {
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v) { continue }
            out.append(scalar)
            lastWasSpace = false
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Whether `line` would come back from `line(_:)` unchanged: one scan of
    /// the bytes for controls, bidi controls, U+2028/U+2029 and spaces at an
    /// end or two in a row.
    static func isCleanLine(_ s: String) -> Bool {
        if needsWork(s, allowTabAndNewline: false) { return false }
        var previous2: UInt8 = 0, previous: UInt8 = 0
        var count = 0
        for b in s.utf8 {
            if b == 0x20 && (count == 0 || previous == 0x20) { return false }
            if previous2 == 0xE2 && previous == 0x80 && (b == 0xA8 || b == 0xA9) { return false }
            previous2 = previous
            previous = b
            count += 1
        }
        return previous != 0x20
    }

    /// Multi-line text: keeps newlines (CRLF and CR become LF) and tabs, drops other controls.
    public static func multiline(_ s: String) -> String {
        guard needsWork(s, allowTabAndNewline: true) else { return s }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            defer { afterCR = v == 0x0D }
            if v == 0x0D { out.append("\n"); continue }
            if v == 0x0A { if !afterCR { out.append(scalar) }; continue }
            if v == 0x09 { out.append(scalar); continue }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v) { continue }
            out.append(scalar)
        }
        return String(out)
    }
}

/// How many terminal columns text takes: measured per grapheme cluster, so
/// "å" written as a + combining ring is one column and most emoji are two.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        // Fast path: printable scalars below U+0300 (ASCII, Latin-1, Latin
        // Extended: all Danish letters) are one column each and never combine,
        // so no grapheme breaking is needed. Layout calls this for every word.
        var count = 0
        for scalar in s.unicodeScalars {
            guard isSimple(scalar.value) else { return s.reduce(0) { $0 + of($1) } }
            count += 1
        }
        return count
    }

    /// A printable scalar below U+0300: one column, and one Character on its own.
    @inline(__always)
    public static func isSimple(_ v: UInt32) -> Bool {
        v >= 0x20 && v < 0x300 && v != 0x7F && !(0x80..<0xA0).contains(v)
    }

    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isSimple(first.value) && scalars.index(after: scalars.startIndex) == scalars.endIndex { return 1 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        // An emoji presentation sequence or a wide base character takes two columns.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if isWide(first.value) { return 2 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            || first.value == 0x200B || first.value == 0x200D { return 0 }
        return 1
    }

    /// `text` cut to `width` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var w = 0
        for c in text {
            let cw = of(c)
            if w + cw > width - 1 { break }
            out.append(c); w += cw
        }
        return out + "…"
    }

    /// East Asian Wide and Fullwidth ranges (after Markus Kuhn's wcwidth).
    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x2FFFD).contains(v) || (0x30000...0x3FFFD).contains(v)
    }
}

public enum EmailAddress {
    /// A plain `local@domain.tld` address without spaces, quotes, angle brackets or controls.
    public static func isValid(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        // By scalar: a quote followed by a combining mark is one Character that
        // is not a quote, but its quote would still reach the mail header.
        let forbidden = Set("<>()[],;:\\\" \t\r\n".unicodeScalars)
        return s.unicodeScalars.allSatisfy { !forbidden.contains($0) && $0.value >= 0x21 && $0.value != 0x7F
            && !$0.properties.isWhitespace }
    }
}

extension StringProtocol where Index == String.Index {
    /// The lines of the text, split at LF, CRLF or CR; empty lines kept.
    /// Scans UTF-8 bytes: Foundation's `components(separatedBy:)` and a
    /// Character-wise split are many times slower on Linux.
    @inlinable public var lineParts: [SubSequence] {
        // Most notes are one line: one pass of the byte iterator settles it.
        if !utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) { return [self[...]] }
        var parts: [SubSequence] = []
        let bytes = utf8
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            guard b == 0x0A || b == 0x0D else { i = bytes.index(after: i); continue }
            parts.append(self[lineStart..<i])
            var next = bytes.index(after: i)
            if b == 0x0D, next != bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
            lineStart = next
            i = next
        }
        parts.append(self[lineStart..<bytes.endIndex])
        return parts
    }
}

extension Language {
    /// Items as a sentence lists them: "1", "1 og 2", "1, 2 og 3" (en: "1 and 2",
    /// "1, 2 and 3"). One helper for every list a reader sees, so that no
    /// screen, export or message says "bord 1, 2".
    public func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (self == .da ? " og " : " and ") + last
    }

    /// A label such as "Kan sættes i gang nu" as it stands inside a sentence or
    /// a line of details: "kan sættes i gang nu". A first word that starts
    /// with two capitals ("EU-midler", "KK") keeps them.
    public static func midSentence(_ label: String) -> String {
        let firstWord = label.prefix { !$0.isWhitespace }
        guard let first = firstWord.first, first.isUppercase else { return label }
        if let second = firstWord.dropFirst().first, second.isUppercase { return label }
        return first.lowercased() + label.dropFirst()
    }
}
