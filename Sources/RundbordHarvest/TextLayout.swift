import Foundation
import RundbordCore

/// Lays out plain text for print and mail: word wrap by display width, a
/// hanging indent for list items, rules across the page, A4 pages.
public enum TextLayout {
    /// A line break inside one value (a note written over several lines): the
    /// text escaper turns user line breaks into this, so the wrapped lines keep
    /// the list item's hanging indent instead of starting at the margin.
    public static let softBreak: Character = "\u{2028}"

    /// Text for the plain-text templates: one line per paragraph, user line
    /// breaks kept as soft breaks, controls removed, blank lines dropped.
    public static func escape(_ text: String) -> String {
        MarkdownEscape.lines(text).joined(separator: String(softBreak))
    }

    /// Wraps every line of `text` to `width` columns. A line made only of
    /// `-` or `=` (three or more) is drawn as a rule across the width.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for line in text.lineParts.map(String.init) {
            let trimmed = trimTrailing(line)
            if trimmed.count >= 3, let c = trimmed.first, c == "-" || c == "=", trimmed.allSatisfy({ $0 == c }) {
                out.append(String(repeating: c, count: width))
                continue
            }
            out += wrapLine(trimmed, width: width)
        }
        return out
    }

    /// The width of the indent that wrapped lines of `line` continue at: its
    /// leading spaces plus a list marker (`- `, `* `, `• `, `12. `) if any.
    static func hangingIndent(_ line: String) -> Int {
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
    static func wrapLine(_ line: String, width: Int) -> [String] {
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

        for (pIndex, segment) in line.split(separator: softBreak, omittingEmptySubsequences: false).enumerated() {
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

    static func isRule(_ line: String) -> Bool {
        line.count >= 3 && (line.allSatisfy { $0 == "-" } || line.allSatisfy { $0 == "=" })
    }

    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }

    /// Pages for print: every page has `linesPerPage` lines or fewer, starts
    /// with a running header (the title, a rule and a blank line) and ends
    /// with a blank line and the page footer ("Side n af m"); a form feed
    /// ends each page but the last. Blank lines at the top of a page are dropped.
    public static func paginate(_ body: [String], title: String, width: Int, linesPerPage: Int,
                                footer: (Int, Int) -> String) -> String {
        let headerLines = 3, footerLines = 2
        let room = max(1, linesPerPage - headerLines - footerLines)
        var pages: [[String]] = []
        var page: [String] = []
        for (i, line) in body.enumerated() {
            if page.isEmpty && line.isEmpty { continue }
            // A heading (a paragraph of one to three lines over a rule) is kept
            // with its rule, the blank line under it and two lines of what it heads.
            if !page.isEmpty, !line.isEmpty, !isRule(line), i == 0 || body[i - 1].isEmpty,
               let rule = (i + 1..<min(i + 4, body.count)).first(where: { isRule(body[$0]) || body[$0].isEmpty }),
               isRule(body[rule]), page.count + (rule - i) + 4 > room {
                pages.append(page); page = []
            }
            page.append(line)
            if page.count == room {
                pages.append(page); page = []
            }
        }
        while page.last == "" { page.removeLast() }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        let header = truncate(Sanitize.line(title), width: width)
        var out: [String] = []
        for (i, lines) in pages.enumerated() {
            var text = [header, String(repeating: "-", count: width), ""] + lines
            // The footer goes to the page's last line, so every page has the same length.
            let fill = room - lines.count
            text += Array(repeating: "", count: fill) + [""]
            let label = truncate(footer(i + 1, pages.count), width: width)
            let pad = max(0, (width - DisplayWidth.of(label)) / 2)
            text.append(String(repeating: " ", count: pad) + label)
            out.append(text.joined(separator: "\n"))
        }
        // As `pr -f`: a form feed instead of the newline that ends a page's last
        // line, so a printer (or enscript -L N) never sees an extra empty page.
        return out.joined(separator: "\u{0C}") + "\n"
    }

    /// `text` cut to `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, width: Int) -> String { DisplayWidth.truncate(text, width: width) }
}
