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
        var pages: [[String]] = []
        var paginator = Paginator(linesPerPage: linesPerPage)
        for line in body { paginator.add(line) { pages.append($0) } }
        paginator.finish { pages.append($0) }
        let layout = PageLayout(title: title, width: width, linesPerPage: linesPerPage)
        return pages.enumerated().map { layout.page($0.element, footer: footer($0.offset + 1, pages.count)) }
            .joined(separator: "\u{0C}") + "\n"
    }

    /// The lines of the body cut into pages as they come (`paginate`), a
    /// page given away as soon as it is whole: it looks three lines ahead
    /// (a heading is kept with what it heads) and holds one page.
    public struct Paginator {
        let room: Int
        private var page: [String] = []
        /// The lines not yet placed: the next one and up to three after it.
        private var ahead: [String] = []
        private var previousEmpty = true
        private var pages = 0

        static let headerLines = 3, footerLines = 2

        public init(linesPerPage: Int) {
            room = max(1, linesPerPage - Self.headerLines - Self.footerLines)
        }

        /// The body's next line; `page` gets each page that is whole.
        public mutating func add<E: Error>(_ line: String, _ page: ([String]) throws(E) -> Void) throws(E) {
            ahead.append(line)
            while ahead.count > 3 { try place(page) }
        }

        public mutating func finish<E: Error>(_ page: ([String]) throws(E) -> Void) throws(E) {
            while !ahead.isEmpty { try place(page) }
            while self.page.last == "" { self.page.removeLast() }
            if !self.page.isEmpty || pages == 0 { try page(self.page) }
            self.page = []
        }

        private mutating func place<E: Error>(_ out: ([String]) throws(E) -> Void) throws(E) {
            let line = ahead.removeFirst()
            defer { previousEmpty = line.isEmpty }
            if page.isEmpty && line.isEmpty { return }
            // A heading (a paragraph of one to three lines over a rule) is kept
            // with its rule, the blank line under it and two lines of what it heads.
            if !page.isEmpty, !line.isEmpty, !isRule(line), previousEmpty,
               let rule = ahead.prefix(3).firstIndex(where: { isRule($0) || $0.isEmpty }),
               isRule(ahead[rule]), page.count + (rule + 1) + 4 > room {
                try emit(page, out); page = []
            }
            page.append(line)
            if page.count == room {
                var cut = page.count
                // A row continued on the next line is not split over two pages.
                if ahead.first?.first == glue {
                    var k = page.count - 1
                    while k > 0 && page[k].first == glue { k -= 1 }
                    if k > 0 { cut = k }
                }
                // A label ("Spørgsmål (3):") is not left at the foot of a page.
                var k = cut
                while k > 0 && page[k - 1].isEmpty { k -= 1 }
                if k > 1 && page[k - 1].hasSuffix(":") { cut = k - 1 }
                try emit(Array(page[..<cut]), out)
                page = Array(page[cut...].drop { $0.isEmpty })
            }
        }

        private mutating func emit<E: Error>(_ lines: [String], _ out: ([String]) throws(E) -> Void) throws(E) {
            pages += 1
            try out(lines)
        }
    }

    /// A page of `Paginator` laid out for print (once the number of pages, which its footer says, is known).
    public struct PageLayout {
        let header: String
        let width: Int
        let room: Int

        public init(title: String, width: Int, linesPerPage: Int) {
            header = truncate(Sanitize.line(title), width: width)
            self.width = width
            room = Paginator(linesPerPage: linesPerPage).room
        }

        /// A page of `lines` with its header and `footer`, without the form feed that ends it.
        public func page(_ lines: [String], footer: String) -> String {
            var text = [header, String(repeating: "-", count: width), ""] + lines.map(unglued)
            // The footer goes to the page's last line, so every page has the same length.
            let fill = room - lines.count
            text += Array(repeating: "", count: fill) + [""]
            let label = truncate(footer, width: width)
            let pad = max(0, (width - DisplayWidth.of(label)) / 2)
            text.append(String(repeating: " ", count: pad) + label)
            // As `pr -f`: a form feed instead of the newline that ends a page's last
            // line, so a printer (or enscript -L N) never sees an extra empty page.
            return text.joined(separator: "\n")
        }
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
