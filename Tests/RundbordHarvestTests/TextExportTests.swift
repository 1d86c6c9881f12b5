import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// The print-ready text: width, word wrap, pages; and its trip through PDF.
@Suite struct TextExportTests {
    static func pages(_ text: String) -> [[String]] {
        text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            var lines = page.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// The "Pages:" number of pdfinfo's report.
    static func pdfPages(_ info: String) -> Int? {
        info.components(separatedBy: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test(arguments: [80, 60, 40])
    func everyPageHasItsLinesHeaderAndFooterAndNoLineIsTooWide(width: Int) throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let text = try Exporter.printText(doc, Fixture.settings(width: width))
        let pages = Self.pages(text)
        #expect(pages.count > 1)
        for (i, page) in pages.enumerated() {
            #expect(page.count == ExportSettings.defaultLinesPerPage, "page \(i + 1) has \(page.count) lines")
            #expect(page.first.map { DisplayWidth.of($0) <= width } == true)
            #expect(page.first?.hasPrefix("Fælles Værdier") == true)
            #expect(page.last?.trimmingCharacters(in: .whitespaces) == "Side \(i + 1) af \(pages.count)")
            for line in page {
                #expect(DisplayWidth.of(line) <= width, "too wide: \(line)")
                #expect(!line.hasSuffix(" "))
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 })
            }
        }
        // Everything the harvest must say is there, Danish letters included.
        let flat = pages.flatMap { $0 }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        for needle in ["KRÆVER FINANSIERING", "Kan sættes i gang nu", "Københavns Kommune", "Æblegrød, øl og Ålborg"] {
            #expect(flat.contains(needle) || flat.uppercased().contains(needle.uppercased()), "missing \(needle)")
        }
    }

    @Test func wrapBreaksOnlyBetweenWordsAndFillsLinesGreedily() {
        let words = ["København", "kooperativ", "a", "socialøkonomiske", "virksomheder", "中文字", "🎉", "og", "å",
                     "medbestemmelse", "x", "rundbordssamtalerne"]
        var text = ""
        for i in 0..<120 { text += (i == 0 ? "" : " ") + words[(i * 7) % words.count] }
        for width in [20, 33, 40, 80] {
            let lines = TextLayout.wrap(text, width: width)
            #expect(lines.joined(separator: " ").split(separator: " ").map(String.init)
                    == text.split(separator: " ").map(String.init))
            for (i, line) in lines.enumerated() {
                #expect(DisplayWidth.of(line) <= width)
                if i + 1 < lines.count, let next = lines[i + 1].split(separator: " ").first {
                    // Greedy: the next line's first word would not have fitted.
                    #expect(DisplayWidth.of(line) + 1 + DisplayWidth.of(String(next)) > width)
                }
            }
        }
    }

    @Test func aWordLongerThanTheLineIsSplitAndListItemsHangTheirIndent() {
        let long = String(repeating: "ø", count: 95)
        let lines = TextLayout.wrap("- kort " + long + " slut", width: 40)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.joined().filter { $0 == "ø" }.count == 95)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        // A user's own line break keeps the hanging indent.
        let note = TextLayout.wrap("- " + TextLayout.escape("første linje\nanden linje"), width: 40)
        #expect(note == ["- første linje", "  anden linje"])
        // A rule line is drawn across the width.
        #expect(TextLayout.wrap("----", width: 50) == [String(repeating: "-", count: 50)])
    }

    @Test func aHeadingIsNeverLeftAtThePageEnd() {
        let rule = String(repeating: "-", count: 40)
        let body = (1...58).map { "linje \($0)" } + ["", "Overskrift", rule, "", "første", "anden"]
        let text = TextLayout.paginate(body, title: "T", width: 40, linesPerPage: 66) { "\($0)/\($1)" }
        let pages = Self.pages(text)
        #expect(pages.count == 2)
        #expect(pages[1][3] == "Overskrift")
        #expect(pages.allSatisfy { $0.count == 66 })
    }

    /// The text printed to PDF with enscript (Latin-1, as enscript needs;
    /// Danish letters are in Latin-1) and ghostscript, read back with
    /// pdftotext: the page count is the footer's, every word survives.
    @Test func printsToPDFWithEveryWordAndPage() throws {
        guard let iconv = Tool.require("iconv"), let enscript = Tool.require("enscript"),
              let ps2pdf = Tool.require("ps2pdf"), let pdftotext = Tool.require("pdftotext"),
              let pdfinfo = Tool.require("pdfinfo") else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let text = try Exporter.printText(try fixture.document(), Fixture.settings())
        let pageCount = Self.pages(text).count
        let txt = fixture.directory.appendingPathComponent("harvest.txt").path
        let ps = fixture.directory.appendingPathComponent("harvest.ps").path
        let pdf = fixture.directory.appendingPathComponent("harvest.pdf").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: txt))

        // Characters outside Latin-1 (em dash, emoji, CJK) are transliterated by iconv; that is the reference.
        let latin1 = try Tool.run(iconv, ["-f", "UTF-8", "-t", "LATIN1//TRANSLIT", txt])
        #expect(latin1.status == 0, "\(latin1.stderr)")
        let printed = try Tool.run(enscript, ["-q", "-X", "latin1", "-B", "-f", "Courier9", "-L", "\(ExportSettings.defaultLinesPerPage)",
                                              "--margins=36:36:24:24", "-o", ps], input: latin1.stdout)
        #expect(printed.status == 0, "\(printed.stderr)")
        let converted = try Tool.run(ps2pdf, [ps, pdf])
        #expect(converted.status == 0, "\(converted.stderr)")
        let info = try Tool.run(pdfinfo, [pdf]).text
        #expect(Self.pdfPages(info) == pageCount, "pdfinfo: \(info)")
        // -layout keeps lines as printed (without it pdftotext joins a line
        // ending in "-" to the next as a hyphenated word).
        let back = try Tool.run(pdftotext, ["-layout", "-enc", "UTF-8", pdf, "-"])
        #expect(back.status == 0)
        let expectedWords = String(data: latin1.stdout, encoding: .isoLatin1)!.split(whereSeparator: { $0.isWhitespace || $0 == "\u{0C}" })
        // enscript's Latin-1 encoding draws ' ` ~ with the PostScript glyphs
        // quoteright, quoteleft and tilde, which pdftotext reads as ’ ‘ ˜.
        let glyphs: [Character: Character] = ["’": "'", "‘": "`", "˜": "~"]
        let gotWords = String(back.text.map { glyphs[$0] ?? $0 }).split(whereSeparator: { $0.isWhitespace || $0 == "\u{0C}" })
        #expect(gotWords == expectedWords)
        for letter in ["æ", "ø", "å", "Æ", "Ø", "Å"] { #expect(back.text.contains(letter), "\(letter) lost in the PDF") }
        for page in 1...pageCount { #expect(back.text.contains("Side \(page) af \(pageCount)")) }
    }

    /// paps (UTF-8 through Pango) at Monospace 8.5 on A4 keeps our pages as
    /// they are: the PDF has exactly the footer's page count. (paps draws
    /// glyphs as outlines, so pdftotext cannot read its text back; the words
    /// are checked through enscript above.)
    @Test func papsKeepsThePagination() throws {
        guard let paps = Tool.require("paps"), let ps2pdf = Tool.require("ps2pdf"),
              let pdfinfo = Tool.require("pdfinfo") else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let text = try Exporter.printText(try fixture.document(), Fixture.settings())
        let pageCount = Self.pages(text).count
        let txt = fixture.directory.appendingPathComponent("harvest.txt").path
        let pdf = fixture.directory.appendingPathComponent("harvest.pdf").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: txt))
        let ps = try Tool.run(paps, ["--paper=a4", "--font=Monospace 8.5", "--top-margin=24", "--bottom-margin=24", txt])
        #expect(ps.status == 0, "\(ps.stderr)")
        let converted = try Tool.run(ps2pdf, ["-", pdf], input: ps.stdout)
        #expect(converted.status == 0, "\(converted.stderr)")
        let info = try Tool.run(pdfinfo, [pdf]).text
        #expect(Self.pdfPages(info) == pageCount, "pdfinfo: \(info)")
    }
}
