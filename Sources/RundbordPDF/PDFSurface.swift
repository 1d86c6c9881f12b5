import CPangoCairo
import Foundation
import RundbordCore
import RundbordHarvest

/// The document's metadata (the PDF's Info dictionary).
struct PDFMetadata {
    var title: String
    var author: String
    var subject: String
    var created: Date
}

/// A PDF being made: the cairo PDF surface writing into memory, its cairo
/// context, the Pango font map and the typesetter. Pango's font map is not
/// shared between threads, so one PDF is made at a time in a process.
final class PDFCanvas {
    /// Collects what cairo writes.
    final class Sink { var data = Data() }

    let geometry: PageGeometry
    let sink = Sink()
    let surface: OpaquePointer
    let cairo: OpaquePointer
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let typesetter: Typesetter

    static let lock = NSLock()

    init(geometry: PageGeometry) throws(RundbordError) {
        self.geometry = geometry
        fontMap = pango_cairo_font_map_new()
        try Self.requireFonts(fontMap)
        surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), geometry.width, geometry.height)
        cairo = cairo_create(surface)
        typesetter = Typesetter(cairo: cairo, fontMap: fontMap)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The font family must be installed: Pango would otherwise fall back
    /// to whatever fontconfig has, or draw empty boxes.
    static func requireFonts(_ fontMap: UnsafeMutablePointer<PangoFontMap>) throws(RundbordError) {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        defer { g_free(families) }
        var found = false
        for i in 0..<Int(count) {
            guard let family = families?[i], let name = pango_font_family_get_name(family) else { continue }
            if String(cString: name).caseInsensitiveCompare(PDFFonts.family) == .orderedSame { found = true; break }
        }
        if !found {
            throw RundbordError(PDFText.fontMissing, [PDFFonts.family, PDFFonts.package], exit: .unavailable)
        }
    }

    func setMetadata(_ m: PDFMetadata) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, Sanitize.line(m.title))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, Sanitize.line(m.author))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, Sanitize.line(m.subject))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "rundbord")
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'+00:00'"
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, f.string(from: m.created))
    }

    /// Draws the laid-out pages with a running header (`header`, not on the
    /// first page) and a footer made from the page number and count.
    func draw(_ pages: [[PlacedItem]], header: String, footer: (Int, Int) -> String) {
        let g = geometry
        var parents: [Int: Int32] = [:]
        // Cairo 1.16 gives a link annotation a structure parent that it only
        // writes inside a structure element: without one around the document
        // the file refers to a missing object (qpdf: "file is damaged").
        cairo_tag_begin(cairo, "Document", nil)
        defer { cairo_tag_end(cairo, "Document") }
        for (index, items) in pages.enumerated() {
            if index > 0 {
                let box = typesetter.box(Markup.gray(Markup.line(header)), .header, width: g.textWidth, ellipsize: true)
                show(box, box.lines.indices, x: g.left, y: g.top - 30)
                rule(x: g.left, y: g.top - 16, width: g.textWidth, thickness: 0.4, gray: 0.6)
            }
            for item in items {
                switch item {
                case let .text(box, lines, x, y, link):
                    if let link { cairo_tag_begin(cairo, rb_cairo_tag_link(), "uri='\(Self.attribute(link))'") }
                    show(box, lines, x: x, y: y)
                    if link != nil { cairo_tag_end(cairo, rb_cairo_tag_link()) }
                case let .fill(x, y, width, height, gray):
                    cairo_set_source_rgb(cairo, gray, gray, gray)
                    cairo_rectangle(cairo, x, y, width, height)
                    cairo_fill(cairo)
                case let .rule(x, y, width, thickness, gray):
                    rule(x: x, y: y, width: width, thickness: thickness, gray: gray)
                case let .outline(title, level, y):
                    let parent = level <= 1 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : (parents[level - 1] ?? Int32(CAIRO_PDF_OUTLINE_ROOT))
                    let id = cairo_pdf_surface_add_outline(surface, parent, Sanitize.line(title),
                                                           "page=\(index + 1) pos=[\(Int(g.left)) \(Int(y))]",
                                                           cairo_pdf_outline_flags_t(rawValue: 0))
                    parents[level] = id
                    for deeper in parents.keys where deeper > level { parents[deeper] = nil }
                }
            }
            // The footer last, so text read in drawing order does not start with it.
            let foot = typesetter.box(Markup.gray(Markup.text(footer(index + 1, pages.count))), .header, width: g.textWidth,
                                      align: PANGO_ALIGN_CENTER)
            show(foot, foot.lines.indices, x: g.left, y: g.height - g.bottom + 24)
            cairo_show_page(cairo)
        }
    }

    func show(_ box: TextBox, _ lines: Range<Int>, x: Double, y: Double) {
        guard let first = lines.first else { return }
        cairo_set_source_rgb(cairo, 0, 0, 0)
        let top = box.lines[first].top
        for i in lines {
            let line = box.lines[i]
            cairo_move_to(cairo, x + line.x, y + line.baseline - top)
            pango_cairo_show_layout_line(cairo, pango_layout_get_line_readonly(box.layout, Int32(i)))
        }
    }

    func rule(x: Double, y: Double, width: Double, thickness: Double, gray: Double) {
        cairo_set_source_rgb(cairo, gray, gray, gray)
        cairo_set_line_width(cairo, thickness)
        cairo_move_to(cairo, x, y)
        cairo_line_to(cairo, x + width, y)
        cairo_stroke(cairo)
    }

    /// A string inside cairo's tag attributes: single-quoted, backslash and quote escaped.
    static func attribute(_ s: String) -> String {
        Sanitize.line(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// Finishes the PDF and returns its bytes.
    func finish() throws(RundbordError) -> Data {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RundbordError(PDFText.renderFailed, [String(cString: cairo_status_to_string(status))], exit: .software)
        }
        return sink.data
    }
}
