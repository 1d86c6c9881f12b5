import Foundation
import RundbordCore

/// Lays out text by display width, for print and mail (word wrap, a hanging
/// indent for list items, rules across the page, A4 pages) and for the
/// terminal screens (`lines`, `visibleLines`, `truncate`, `pad`): the one
/// text-layout type, built on `TextWrap`.
public enum TextLayout {
    /// A line break inside one value (a note written over several lines): the
    /// text escaper turns user line breaks into this, so the wrapped lines keep
    /// the list item's hanging indent instead of starting at the margin.
    public static let softBreak: Character = "\u{2028}"

    /// A line that starts with this character stays on the page of the line
    /// above it (a table row continued on its next line); it prints as a space.
    public static let glue: Character = "\u{2060}"

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

    /// Wraps one logical line (see `TextWrap.line`); user line breaks are soft breaks.
    static func wrapLine(_ line: String, width: Int) -> [String] {
        TextWrap.line(line, width: width, softBreak: softBreak)
    }

    static func isRule(_ line: String) -> Bool {
        line.count >= 3 && (line.allSatisfy { $0 == "-" } || line.allSatisfy { $0 == "=" })
    }

    static func trimTrailing(_ s: String) -> String { TextWrap.trimTrailing(s) }

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
                var cut = page.count
                // A row continued on the next line is not split over two pages.
                if i + 1 < body.count, body[i + 1].first == glue {
                    var k = page.count - 1
                    while k > 0 && page[k].first == glue { k -= 1 }
                    if k > 0 { cut = k }
                }
                // A label ("Spørgsmål (3):") is not left at the foot of a page.
                var k = cut
                while k > 0 && page[k - 1].isEmpty { k -= 1 }
                if k > 1 && page[k - 1].hasSuffix(":") { cut = k - 1 }
                pages.append(Array(page[..<cut]))
                page = Array(page[cut...].drop { $0.isEmpty })
            }
        }
        while page.last == "" { page.removeLast() }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        let header = truncate(Sanitize.line(title), width: width)
        var out: [String] = []
        for (i, lines) in pages.enumerated() {
            var text = [header, String(repeating: "-", count: width), ""] + lines.map(unglued)
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

    /// A line with its glue mark printed as the space it stands for.
    static func unglued(_ line: String) -> String {
        line.first == glue ? trimTrailing(" " + line.dropFirst()) : line
    }

    /// A wrapped line with its no-break spaces (which kept "(bord 4)" and
    /// the funding table's columns whole through the wrap) made ordinary spaces.
    public static func breakable(_ line: String) -> String {
        line.contains(HarvestTypography.noBreakSpace)
            ? trimTrailing(line.replacingOccurrences(of: String(HarvestTypography.noBreakSpace), with: " ")) : line
    }

    /// `text` cut to `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, width: Int) -> String { DisplayWidth.truncate(text, width: width) }

    // MARK: For the screens

    /// Every line of `text` wrapped to `width` as it was typed (a line of
    /// dashes stays dashes): what the terminal screens draw.
    public static func lines(_ text: String, width: Int) -> [String] { TextWrap.lines(text, width: width) }

    /// Multi-line user text made safe to draw: each line's control characters
    /// become visible symbols, the newlines between lines stay newlines.
    public static func visibleLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitize.forTerminal(String($0)) }.joined(separator: "\n")
    }

    /// Pads with spaces to `width` columns (or truncates).
    public static func pad(_ text: String, width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
    }
}
