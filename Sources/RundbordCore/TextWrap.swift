/// Word wrap by display width, shared by the screens and the print-ready
/// text: no line wider than the width, a word split only when it alone is
/// wider than a line, list items continued under their text.
public enum TextWrap {
    /// The width of the indent that wrapped lines of `line` continue at: its
    /// leading spaces plus a list marker (`- `, `* `, `• `, `12. `) if any.
    public static func hangingIndent(_ line: String) -> Int {
        let chars = Array(line)
        var i = 0
        while i < chars.count && chars[i] == " " { i += 1 }
        let lead = i
        if i + 1 < chars.count && ["-", "*", "•"].contains(chars[i]) && chars[i + 1] == " " {
            return lead + 2
        }
        var j = i
        while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
        if j > i && j + 1 < chars.count && (chars[j] == "." || chars[j] == ")") && chars[j + 1] == " " {
            return lead + (j - i) + 2
        }
        return lead
    }

    /// Wraps one logical line: breaks at spaces so that no line is wider than
    /// `width`; a word is split only when it alone is wider than a line.
    /// Wrapped lines continue at the hanging indent; `softBreak`, when given,
    /// starts a new line at that indent (a user's line break inside a list item).
    public static func line(_ line: String, width: Int, softBreak: Character? = nil) -> [String] {
        guard width > 0 else { return [] }
        guard !line.isEmpty else { return [""] }
        let indentWidth = min(hangingIndent(line), width / 2)
        let indent = String(repeating: " ", count: indentWidth)
        var out: [String] = []
        var current = ""
        var currentWidth = 0
        var atLineStart = true

        func flush() {
            out.append(trimTrailing(current))
            current = indent
            currentWidth = indentWidth
            atLineStart = true
        }

        let segments = softBreak.map { line.split(separator: $0, omittingEmptySubsequences: false) } ?? [Substring(line)]
        for (pIndex, segment) in segments.enumerated() {
            if pIndex > 0 { flush() }
            // The leading spaces of the first segment are the line's own indent.
            var rest = Substring(segment)
            if pIndex == 0 {
                let lead = rest.prefix { $0 == " " }
                // Capped like the hanging indent: a deeper indent would leave the first
                // line no room (or less than the next lines) and break a word that fits.
                currentWidth = min(lead.count, width / 2)
                current = String(repeating: " ", count: currentWidth)
                rest = rest.dropFirst(lead.count)
            }
            let words = rest.split(separator: " ", omittingEmptySubsequences: true)
            for word in words {
                let w = String(word)
                let ww = DisplayWidth.of(w)
                let space = atLineStart ? 0 : 1
                if currentWidth + space + ww <= width {
                    if !atLineStart { current += " "; currentWidth += 1 }
                    current += w; currentWidth += ww; atLineStart = false
                    continue
                }
                if !atLineStart { flush() }
                // A word wider than the room left on an empty line is split by columns.
                var remaining = Substring(w)
                while currentWidth + DisplayWidth.of(String(remaining)) > width {
                    var piece = ""
                    var pieceWidth = 0
                    for c in remaining {
                        let cw = DisplayWidth.of(c)
                        if currentWidth + pieceWidth + cw > width && !piece.isEmpty { break }
                        piece.append(c); pieceWidth += cw
                    }
                    current += piece; currentWidth += pieceWidth
                    remaining = remaining.dropFirst(piece.count)
                    flush()
                }
                current += remaining; currentWidth += DisplayWidth.of(String(remaining))
                atLineStart = remaining.isEmpty
            }
        }
        out.append(trimTrailing(current))
        return out
    }

    /// Every line of `text` (split at line breaks) wrapped to `width`.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return text.lineParts.flatMap { line(trimTrailing(String($0)), width: width) }
    }

    public static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
