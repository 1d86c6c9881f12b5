import CPangoCairo
import Foundation
import RundbordCore

// A small layout engine on Pango and Cairo: blocks (headings, paragraphs,
// tables, space) are laid out once into pages, then drawn with the page
// count known, so every footer can say "Side n af m".

/// What the document is made of, before it is laid out.
enum PDFBlock {
    /// A heading; `outline` puts it in the PDF's bookmarks (level 1 is a top-level entry).
    case heading(level: Int, markup: String, outline: String?)
    case paragraph(PDFParagraph)
    case table(PDFTable)
    case space(Double)
}

struct PDFParagraph {
    enum Style { case title, lead, body, small }
    var markup: String
    var style: Style = .body
    /// A bullet before the first line, the text indented past it.
    var bullet = false
    /// Extra left indent in points.
    var indent: Double = 0
    /// A web or mail address the whole paragraph links to.
    var link: String?
}

struct PDFTable {
    struct Column {
        var header: String
        /// Share of the width the fitted columns leave.
        var width: Double
        var alignRight = false
        /// As wide as its widest cell or header (short values: numbers, table lists), not a share.
        var fit = false
    }
    var columns: [Column]
    /// Cells as Pango markup, one array per row.
    var rows: [[String]]
}

/// The page: A4 in points, margins, the fonts.
struct PageGeometry {
    var width = 595.2756
    var height = 841.8898
    var left = 62.0
    var right = 62.0
    var top = 72.0
    var bottom = 70.0
    var textWidth: Double { width - left - right }
    var textBottom: Double { height - bottom }
}

/// The fonts, found through fontconfig by family name.
struct PDFFonts {
    static let family = "DejaVu Sans"
    /// The Debian package that installs `family` (named in the error when it is missing).
    static let package = "fonts-dejavu-core"
}

/// One Pango layout, laid out at a width, with its lines measured.
final class TextBox {
    struct Line {
        /// Top of the line's logical box, from the top of the layout.
        var top: Double
        var height: Double
        /// Baseline from the top of the layout.
        var baseline: Double
        /// Left of the line within the layout (alignment, right-to-left text).
        var x: Double
    }
    let layout: OpaquePointer
    let lines: [Line]
    var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }

    init(layout: OpaquePointer) {
        self.layout = layout
        let scale = Double(rb_pango_scale())
        var lines: [Line] = []
        let iter = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            lines.append(Line(top: Double(logical.y) / scale, height: Double(logical.height) / scale,
                              baseline: Double(pango_layout_iter_get_baseline(iter)) / scale,
                              x: Double(logical.x) / scale))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        self.lines = lines
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Height of lines `range` as drawn together.
    func height(_ range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last else { return 0 }
        return lines[last].top + lines[last].height - lines[first].top
    }
}

/// Makes text boxes: one Pango context on the PDF's cairo context, fonts at 72 dpi (sizes in points).
final class Typesetter {
    enum Font: CaseIterable { case title, heading1, heading2, heading3, body, bodyBold, small, table, tableBold, header }
    let context: OpaquePointer
    private var fonts: [Font: OpaquePointer] = [:]

    init(cairo: OpaquePointer, fontMap: UnsafeMutablePointer<PangoFontMap>) {
        context = pango_font_map_create_context(fontMap)
        pango_cairo_update_context(cairo, context)
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        let family = PDFFonts.family
        let specs: [Font: String] = [
            .title: "\(family) Bold 19", .heading1: "\(family) Bold 14.5", .heading2: "\(family) Bold 11.5",
            .heading3: "\(family) Bold 9.5", .body: "\(family) 9.3", .bodyBold: "\(family) Bold 9.3",
            .small: "\(family) 8", .table: "\(family) 8.3", .tableBold: "\(family) Bold 8.3", .header: "\(family) 7.5",
        ]
        for (font, spec) in specs { fonts[font] = pango_font_description_from_string(spec) }
    }

    deinit {
        if let fontset { g_object_unref(UnsafeMutableRawPointer(fontset)) }
        for font in fonts.values { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// The width `markup` takes on one line.
    func naturalWidth(_ markup: String, _ font: Font) -> Double {
        let layout = pango_layout_new(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_font_description(layout, fonts[font])
        pango_layout_set_markup(layout, markup, -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.width) / Double(rb_pango_scale())
    }

    /// Whether some installed font has a glyph for `scalar` (cached).
    private var coverage: [UInt32: Bool] = [:]
    private lazy var fontset: UnsafeMutablePointer<PangoFontset>? = pango_context_load_fontset(context, fonts[.body], pango_language_get_default())

    func covered(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Below Hebrew (Latin, Greek, Cyrillic…), joiners and variation selectors: DejaVu has them or they draw nothing.
        if v < 0x0590 || v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0x1F3FB...0x1F3FF).contains(v) { return true }
        if let known = coverage[v] { return known }
        var has = false
        if let fontset, let font = pango_fontset_get_font(fontset, v) {
            has = pango_font_has_char(font, gunichar(v)) != 0
            g_object_unref(UnsafeMutableRawPointer(font))
        }
        coverage[v] = has
        return has
    }

    /// Markup with every character no installed font can draw (an emoji
    /// without an emoji font, a script without its font) shown as one "□",
    /// instead of Pango's hex box, whose digits would copy out as text.
    func drawable(_ markup: String) -> String {
        guard markup.unicodeScalars.contains(where: { !covered($0) }) else { return markup }
        var out = ""
        for character in markup {
            out += character.unicodeScalars.allSatisfy(covered) ? String(character) : "□"
        }
        return out
    }

    func box(_ markup: String, _ font: Font, width: Double, align: PangoAlignment = PANGO_ALIGN_LEFT,
             ellipsize: Bool = false) -> TextBox {
        let markup = drawable(markup)
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, fonts[font])
        pango_layout_set_width(layout, Int32(max(1, width) * Double(rb_pango_scale())))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, align)
        if ellipsize { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        pango_layout_set_markup(layout, markup, -1)
        return TextBox(layout: layout)
    }
}

/// Something placed on a page.
enum PlacedItem {
    case text(TextBox, lines: Range<Int>, x: Double, y: Double, link: String?)
    case fill(x: Double, y: Double, width: Double, height: Double, gray: Double)
    case rule(x: Double, y: Double, width: Double, thickness: Double, gray: Double)
    case outline(title: String, level: Int, y: Double)
}

/// Lays blocks out into pages: headings kept with what follows them, a
/// paragraph split between lines, a table's header row repeated on every
/// page it spans and its rows never split (a row taller than a whole page,
/// which only a very long note makes, is split between lines).
struct PageLayout {
    let geometry: PageGeometry
    let typesetter: Typesetter
    private(set) var pages: [[PlacedItem]] = [[]]
    private var y: Double

    init(geometry: PageGeometry, typesetter: Typesetter) {
        self.geometry = geometry; self.typesetter = typesetter
        y = geometry.top
    }

    /// A block with its text laid out, ready to be placed.
    enum Prepared {
        case heading(TextBox, level: Int, outline: String?)
        case paragraph(TextBox, bullet: TextBox?, x: Double, after: Double, link: String?)
        case table(header: [TextBox], rows: [[TextBox]], x: [Double], widths: [Double])
        case space(Double)
    }

    static let bulletWidth = 11.0
    static let cellPadding = 3.2

    func prepare(_ block: PDFBlock) -> Prepared {
        let g = geometry
        switch block {
        case let .heading(level, markup, outline):
            let font: Typesetter.Font = level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3
            return .heading(typesetter.box(markup, font, width: g.textWidth), level: level, outline: outline)
        case let .paragraph(p):
            let x = g.left + p.indent + (p.bullet ? Self.bulletWidth : 0)
            let width = g.textWidth - (x - g.left)
            let font: Typesetter.Font, after: Double
            switch p.style {
            case .title: font = .title; after = 8
            case .lead: font = .body; after = 3
            case .body: font = .body; after = p.bullet ? 2.5 : 5
            case .small: font = .small; after = 3
            }
            let bullet = p.bullet ? typesetter.box("•", font, width: Self.bulletWidth) : nil
            return .paragraph(typesetter.box(p.markup, font, width: width), bullet: bullet, x: x, after: after, link: p.link)
        case let .table(t):
            let pad = Self.cellPadding
            // Fitted columns take what their widest text needs (at most a fifth
            // of the width each); the others share the rest by their weights.
            // A header is never broken inside a word.
            let headers = t.columns.map { typesetter.naturalWidth(Markup.text($0.header), .tableBold) + 2 * pad + 1 }
            var widths = t.columns.indices.map { i -> Double in
                guard t.columns[i].fit else { return 0 }
                let cells = t.rows.map { i < $0.count ? typesetter.naturalWidth($0[i], .table) + 2 * pad + 1 : 0 }
                return min(max(headers[i], cells.max() ?? 0), g.textWidth / 5)
            }
            let left = g.textWidth - widths.reduce(0, +)
            let weights = t.columns.filter { !$0.fit }.reduce(0) { $0 + $1.width }
            for i in t.columns.indices where !t.columns[i].fit {
                widths[i] = max(headers[i], left * t.columns[i].width / max(weights, 1))
            }
            // Headers wider than their share: the widest weighted column gives up the difference.
            let over = widths.reduce(0, +) - g.textWidth
            if over > 0, let widest = widths.indices.filter({ !t.columns[$0].fit }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= over
            }
            var xs: [Double] = []
            var x = g.left
            for w in widths { xs.append(x); x += w }
            func cell(_ markup: String, _ i: Int, _ font: Typesetter.Font) -> TextBox {
                typesetter.box(markup, font, width: widths[i] - 2 * pad,
                               align: t.columns[i].alignRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
            }
            let header = t.columns.indices.map { cell(Markup.text(t.columns[$0].header), $0, .tableBold) }
            let rows = t.rows.map { row in t.columns.indices.map { cell($0 < row.count ? row[$0] : "", $0, .table) } }
            return .table(header: header, rows: rows, x: xs, widths: widths)
        case let .space(h):
            return .space(h)
        }
    }

    static func spaceBefore(level: Int) -> Double { level <= 1 ? 16 : level == 2 ? 11 : 7 }
    static func spaceAfter(level: Int) -> Double { level <= 1 ? 6 : level == 2 ? 4 : 2.5 }

    /// How much of `block` must follow a heading on the same page.
    static func keepHeight(_ blocks: [Prepared], from index: Int) -> Double {
        guard index < blocks.count else { return 0 }
        switch blocks[index] {
        case let .heading(box, level, _):
            return box.height + spaceAfter(level: level) + spaceBefore(level: level) + keepHeight(blocks, from: index + 1)
        case let .paragraph(box, _, _, _, _):
            return box.height(0..<min(2, box.lines.count))
        case let .table(header, rows, _, _):
            return rowHeight(header) + (rows.first.map(rowHeight) ?? 0)
        case let .space(h):
            return h + keepHeight(blocks, from: index + 1)
        }
    }

    static func rowHeight(_ cells: [TextBox]) -> Double {
        (cells.map(\.height).max() ?? 0) + 2 * cellPadding
    }

    var atTop: Bool { y <= geometry.top }
    var room: Double { geometry.textBottom - y }
    var bodyHeight: Double { geometry.textBottom - geometry.top }

    mutating func newPage() {
        pages.append([])
        y = geometry.top
    }

    mutating func place(_ item: PlacedItem) { pages[pages.count - 1].append(item) }

    /// Lays out every block.
    mutating func layout(_ blocks: [PDFBlock]) {
        let prepared = blocks.map(prepare)
        for (index, block) in prepared.enumerated() {
            switch block {
            case let .heading(box, level, outline):
                let before = atTop ? 0 : Self.spaceBefore(level: level)
                let need = box.height + Self.spaceAfter(level: level) + Self.keepHeight(prepared, from: index + 1)
                if !atTop && before + min(need, bodyHeight) > room {
                    newPage()
                } else {
                    y += before
                }
                if let outline { place(.outline(title: outline, level: level, y: y)) }
                placeLines(box, x: geometry.left, link: nil)
                y += Self.spaceAfter(level: level)
            case let .paragraph(box, bullet, x, after, link):
                // A paragraph whose first two lines do not fit starts on the next page.
                if !atTop && box.height(0..<min(2, box.lines.count)) > room { newPage() }
                if let bullet, let first = box.lines.first {
                    place(.text(bullet, lines: 0..<1, x: x - Self.bulletWidth, y: y + first.baseline - bullet.lines[0].baseline, link: nil))
                }
                placeLines(box, x: x, link: link)
                y += after
            case let .table(header, rows, xs, widths):
                placeTable(header: header, rows: rows, xs: xs, widths: widths)
                y += 8
            case let .space(h):
                if !atTop { y = min(y + h, geometry.textBottom) }
            }
        }
    }

    /// Places a text box's lines from `y`, continuing on new pages as needed.
    mutating func placeLines(_ box: TextBox, x: Double, link: String?) {
        var start = 0
        while start < box.lines.count {
            var end = start
            while end < box.lines.count && box.height(start..<(end + 1)) <= room { end += 1 }
            if end == start {
                if atTop { end = start + 1 } else { newPage(); continue }
            }
            place(.text(box, lines: start..<end, x: x, y: y, link: link))
            y += box.height(start..<end)
            start = end
            if start < box.lines.count { newPage() }
        }
    }

    mutating func placeHeader(_ header: [TextBox], xs: [Double], widths: [Double]) {
        let height = Self.rowHeight(header)
        let total = widths.reduce(0, +)
        place(.fill(x: xs[0], y: y, width: total, height: height, gray: 0.88))
        for (i, cell) in header.enumerated() {
            place(.text(cell, lines: cell.lines.indices, x: xs[i] + Self.cellPadding, y: y + Self.cellPadding, link: nil))
        }
        y += height
        place(.rule(x: xs[0], y: y, width: total, thickness: 0.6, gray: 0.45))
    }

    mutating func placeTable(header: [TextBox], rows: [[TextBox]], xs: [Double], widths: [Double]) {
        let headerHeight = Self.rowHeight(header)
        let total = widths.reduce(0, +)
        let pad = Self.cellPadding
        // The header and the first row go together; a first row taller than
        // a page is split anyway, so then a few of its lines are enough.
        var first = rows.first.map(Self.rowHeight) ?? 0
        if first > bodyHeight - headerHeight { first = 4 * Self.cellPadding + 30 }
        if !atTop && headerHeight + first > room { newPage() }
        placeHeader(header, xs: xs, widths: widths)
        for (n, row) in rows.enumerated() {
            let height = Self.rowHeight(row)
            if height > room && height <= bodyHeight - headerHeight {
                newPage()
                placeHeader(header, xs: xs, widths: widths)
            }
            // Each cell continues from the line it reached; a row that fits is placed whole.
            var next = Array(repeating: 0, count: row.count)
            while zip(row, next).contains(where: { $0.0.lines.count > $0.1 }) {
                let available = room - 2 * pad
                var ends = next
                var sliceHeight = 0.0
                for (i, cell) in row.enumerated() {
                    var end = next[i]
                    while end < cell.lines.count && cell.height(next[i]..<(end + 1)) <= available { end += 1 }
                    ends[i] = end
                    sliceHeight = max(sliceHeight, cell.height(next[i]..<end))
                }
                if ends == next {
                    // Not even one line fits: continue the row on a new page.
                    newPage()
                    placeHeader(header, xs: xs, widths: widths)
                    continue
                }
                if n % 2 == 1 { place(.fill(x: xs[0], y: y, width: total, height: sliceHeight + 2 * pad, gray: 0.96)) }
                for (i, cell) in row.enumerated() where ends[i] > next[i] {
                    place(.text(cell, lines: next[i]..<ends[i], x: xs[i] + pad, y: y + pad, link: nil))
                }
                y += sliceHeight + 2 * pad
                next = ends
                if zip(row, next).contains(where: { $0.0.lines.count > $0.1 }) {
                    newPage()
                    placeHeader(header, xs: xs, widths: widths)
                }
            }
            place(.rule(x: xs[0], y: y, width: total, thickness: 0.3, gray: 0.75))
        }
    }
}
