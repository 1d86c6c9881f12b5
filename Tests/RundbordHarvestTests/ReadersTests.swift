import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// The harvest of the realistic evening read as its readers read it: the
/// council member who has two pages, the organisation looking for its name,
/// the printer. Front pages are compared with snapshots in __Snapshots__;
/// `RECORD_SNAPSHOTS=1 swift test --filter ReadersTests` writes them anew
/// (read the diff before committing it).
@Suite struct ReadersTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    /// Compares `text` with the snapshot `name`, or records it when RECORD_SNAPSHOTS is set.
    static func snapshot(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return
        }
        guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(text == stored, "\(name) differs from its snapshot", sourceLocation: sourceLocation)
    }

    static func pages(_ text: String) -> [[String]] { TextExportTests.pages(text) }

    /// The page body: the lines between the running header and the footer.
    static func body(_ page: [String]) -> [String] {
        var lines = Array(page.dropFirst(3))
        if !lines.isEmpty { lines.removeLast() }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test(arguments: Language.allCases)
    func theFrontPageAndTheFundingTableAreTheFirstTwoPages(lang: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: lang)
        #expect(doc.counts.tables == 4 && doc.counts.organisations == 16)
        #expect((140...170).contains(doc.counts.notes))
        #expect(doc.participants.count < doc.counts.participants)
        let text = try Exporter.printText(doc, Fixture.settings(lang))
        let pages = Self.pages(text)
        let first = Self.body(pages[0]).joined(separator: "\n")
        // The front page: what, when, where, the counts, thanks, next steps, recipients, contact.
        for needle in [lang == .da ? "6. november 2024" : "6 November 2024", "Festsalen, Københavns Rådhus",
                       lang == .da ? "32 deltagere fra 16 organisationer ved 4 borde" : "32 participants from 16 organisations at 4 tables",
                       lang == .da ? "Tak til alle" : "Thank you to everyone", "mette.kirkegaard@kk.example"] {
            #expect(first.contains(needle), "page 1 lacks \(needle)")
        }
        // The funding table has every initiative once, and its last row is on page 2.
        let rowStarts = doc.initiatives.map { i -> String in
            let n = String(i.rank)
            return String(repeating: " ", count: max(0, 3 - n.count)) + n + " "
        }
        let rows = pages.prefix(2).flatMap(Self.body).filter { line in rowStarts.contains { line.hasPrefix($0) } }
        #expect(rows.count == doc.initiatives.count, "\(rows)")
        let whoActs = lang == .da ? "HVEM SKAL HANDLE?" : "WHO IS TO ACT?"
        #expect(pages.prefix(2).flatMap { $0 }.contains(whoActs) || pages[2].contains(whoActs))

        // Printed with paps, the PDF has the text's pages: the first two are the first two.
        guard let paps = Tool.require("paps"), let ps2pdf = Tool.require("ps2pdf"), let pdfinfo = Tool.require("pdfinfo") else { return }
        let txt = fixture.directory.appendingPathComponent("harvest.txt")
        try Data(text.utf8).write(to: txt)
        let ps = try Tool.run(paps, ["--paper=a4", "--font=Monospace 8.5", "--top-margin=24", "--bottom-margin=24", txt.path])
        #expect(ps.status == 0, "\(ps.stderr)")
        let pdf = fixture.directory.appendingPathComponent("harvest.pdf").path
        #expect(try Tool.run(ps2pdf, ["-", pdf], input: ps.stdout).status == 0)
        #expect(TextExportTests.pdfPages(try Tool.run(pdfinfo, [pdf]).text) == pages.count)
    }

    /// Each initiative's text is written once outside the appendix (in the
    /// funding table); everywhere else it is "nr. 4".
    @Test(arguments: Language.allCases)
    func eachInitiativeIsWrittenOnceOutsideTheAppendix(lang: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: lang)
        let settings = Fixture.settings(lang)
        let markdown = try Exporter.markdown(doc, settings)
        let appendixMd = lang == .da ? "## Bilag: bordenes notater" : "## Appendix: the tables' notes"
        let mainMd = String(markdown[..<(markdown.range(of: appendixMd)?.lowerBound ?? markdown.endIndex)])
        let text = try Exporter.printText(doc, settings)
        let appendixTxt = lang == .da ? "BILAG: BORDENES NOTATER" : "APPENDIX: THE TABLES' NOTES"
        let mainTxt = String(text[..<(text.range(of: appendixTxt)?.lowerBound ?? text.endIndex)])
        #expect(mainMd.count < markdown.count && mainTxt.count < text.count)
        // In the text the table's words wrap within their column: outside the table, no initiative's text.
        let lines = mainTxt.components(separatedBy: "\n")
        let header = lines.firstIndex { $0.hasPrefix(lang == .da ? "Nr. Indsats" : "No. Initiative") } ?? 0
        let end = lines.firstIndex { $0 == (lang == .da ? "HVEM SKAL HANDLE?" : "WHO IS TO ACT?") } ?? lines.count
        #expect(header > 0 && end > header)
        let outsideTable = (lines[..<header] + lines[end...]).joined(separator: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for initiative in doc.initiatives {
            let escaped = MarkdownEscape.inline(initiative.text)
            #expect(mainMd.components(separatedBy: escaped).count == 2, "md: \(initiative.text)")
            #expect(!outsideTable.contains(initiative.text), "txt: \(initiative.text)")
        }
        // One number per initiative, 1…n in ranking order; the table lists them by funding, then number.
        #expect(doc.initiatives.map(\.rank) == Array(1...doc.initiatives.count))
        let tableOrder: [Int] = doc.funding.flatMap { $0.initiatives.map(\.rank) }
        #expect(Set(tableOrder).count == doc.initiatives.count)
        for section in doc.funding { #expect(section.initiatives.map(\.rank) == section.initiatives.map(\.rank).sorted()) }
        // A table counts once in the show of hands, however many principles it voted on.
        #expect(doc.agreementTotal.tablesReporting == 4)
        // The proposer shows only when named: Karen Bjerre agreed, Bo Hemmeligsen did not.
        #expect(doc.initiatives.contains { $0.proposedBy.contains("Karen Bjerre, Kontra Advokater") })
        #expect(!markdown.contains("Bo Hemmeligsen") && !text.contains("Bo Hemmeligsen"))
        // In the print text and the participants' mail too.
        let flat = { (s: String) in s.split(whereSeparator: { $0.isWhitespace || $0 == HarvestTypography.noBreakSpace }).joined(separator: " ") }
        let proposer = (lang == .da ? "Foreslået af" : "Proposed by") + " Karen Bjerre, Kontra Advokater"
        #expect(flat(text).contains(proposer.replacingOccurrences(of: "af Karen", with: "af: Karen")
            .replacingOccurrences(of: "by Karen", with: "by: Karen")), "print text")
        let mail = try Exporter.mailBody(doc, settings)
        #expect(flat(mail).contains(proposer), "\(mail)")
        #expect(!mail.contains("Bo Hemmeligsen"))
        // Organisations are named whatever their people chose: Diversity Works (Bo's) is there.
        #expect(doc.organisationsTakingPart.contains("Diversity Works"))
    }

    @Test(arguments: Language.allCases)
    func typographyReadsAsWritten(lang: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: lang)
        let text = try Exporter.printText(doc, Fixture.settings(lang))
        let markdown = try Exporter.markdown(doc, Fixture.settings(lang))
        let (open, close) = lang == .da ? ("»", "«") : ("“", "”")
        for quote in doc.notes where quote.kind == .quote {
            let words = quote.text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            #expect(markdown.contains(open + MarkdownEscape.inline(words) + close), "\(words)")
            #expect(!markdown.contains("\"" + MarkdownEscape.inline(words)))
        }
        let word = lang == .da ? "bord" : "table"
        let lines = text.components(separatedBy: "\n")
        #expect(!lines.contains { $0.hasSuffix(" ") || $0.contains(TextLayout.glue) || $0.contains("\u{A0}") })
        // "(bord 4)" is never split over two lines.
        #expect(!lines.contains { $0.hasSuffix("(" + word) })
        #expect(lines.contains { $0.contains("(\(word) 4") })
        // No empty "no notes" sections anywhere.
        #expect(!text.contains("Ingen notater") && !text.contains("No notes"))
        // No label or heading left alone at the foot of a printed page.
        for (i, page) in Self.pages(text).enumerated() {
            let body = Self.body(page)
            guard let last = body.last, i < Self.pages(text).count - 1 else { continue }
            #expect(!last.hasSuffix(":"), "page \(i + 1) ends with the label \(last)")
            #expect(!TextLayout.isRule(last), "page \(i + 1) ends with a heading")
        }
        // "bord 1 og 3", plurals.
        let kk = doc.owners.first { $0.owner == "Københavns Kommune" }?.initiatives.map(\.rank).sorted() ?? []
        #expect(kk.count == 4)
        let expected = (lang == .da ? "nr.\u{A0}" : "no.\u{A0}") + kk.dropLast().map(String.init).joined(separator: ", ")
            + (lang == .da ? " og " : " and ") + String(kk.last ?? 0)
        #expect(markdown.contains(expected), "\(expected)")
        #expect(!markdown.contains(" 1 prikker") && !markdown.contains(" 1 dots"))
    }

    /// The front page of each format, as a reader gets it, in both languages.
    @Test(arguments: Language.allCases)
    func frontPagesMatchTheirSnapshots(lang: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: lang)
        let settings = Fixture.settings(lang)
        let markdown = try Exporter.markdown(doc, settings)
        let second = lang == .da ? "## Hvem skal handle?" : "## Who is to act?"
        try Self.snapshot(String(markdown[..<(markdown.range(of: second)?.lowerBound ?? markdown.endIndex)]),
                          "front-page.\(lang.rawValue).md")
        let pages = Self.pages(try Exporter.printText(doc, settings))
        try Self.snapshot(pages.prefix(2).map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}\n") + "\n",
                          "front-page.\(lang.rawValue).txt")
        // The participants' mail as its reader sees it (the body, which is its front page).
        try Self.snapshot(try Exporter.mailBody(doc, settings), "front-page.\(lang.rawValue).mail.txt")
        // The decision makers' brief: the Markdown whole (two pages at most), the print text's first page.
        try Self.snapshot(try Exporter.brief(doc, settings), "front-page.\(lang.rawValue).brief.md")
        let briefPages = Self.pages(try Exporter.briefText(doc, settings))
        try Self.snapshot(briefPages.prefix(1).map { $0.joined(separator: "\n") }.joined() + "\n",
                          "front-page.\(lang.rawValue).brief.txt")
    }
}
