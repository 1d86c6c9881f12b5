import Foundation
import Testing
import RundbordCore
import RundbordStore
@testable import RundbordHarvest
@testable import RundbordPDF

/// The typeset PDF read back with the real tools: pdfinfo, pdffonts,
/// pdftotext, qpdf. PDFs are made one at a time (Pango's font map), so the
/// suite runs serially.
@Suite(.serialized) struct PDFExportTests {
    /// The PDF of `doc` written to `folder`; its path.
    static func write(_ doc: HarvestDocument, in folder: URL, name: String = "harvest.pdf") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try AtomicFile.write(try HarvestPDF.render(doc), to: path)
        return path
    }

    static func info(_ pdf: String) throws -> [String: String] {
        guard let pdfinfo = Tool.require("pdfinfo") else { return [:] }
        let result = try Tool.run(pdfinfo, ["-enc", "UTF-8", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        var out: [String: String] = [:]
        for line in result.text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    /// The text as laid out (`-layout`), or in the order it was drawn (`-raw`: a table cell's lines together).
    static func text(_ pdf: String, layout: Bool = true) throws -> String {
        guard let pdftotext = Tool.require("pdftotext") else { return "" }
        let result = try Tool.run(pdftotext, [layout ? "-layout" : "-raw", "-enc", "UTF-8", pdf, "-"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.text
    }

    /// The outline's titles, depth first, from qpdf's JSON.
    static func outline(_ pdf: String) throws -> [(title: String, depth: Int)] {
        guard let qpdf = Tool.require("qpdf") else { return [] }
        let result = try Tool.run(qpdf, ["--json", "--json-key=outlines", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        var out: [(String, Int)] = []
        func walk(_ items: [[String: Any]], _ depth: Int) {
            for item in items {
                out.append((item["title"] as? String ?? "", depth))
                walk(item["kids"] as? [[String: Any]] ?? [], depth + 1)
            }
        }
        walk(json?["outlines"] as? [[String: Any]] ?? [], 0)
        return out
    }

    static func qpdfCheck(_ pdf: String) throws {
        guard let qpdf = Tool.require("qpdf") else { return }
        let result = try Tool.run(qpdf, ["--check", pdf])
        #expect(result.status == 0, "qpdf --check: \(result.text) \(result.stderr)")
    }

    /// Text with runs of white space folded, for finding a wrapped text in pdftotext's output.
    static func folded(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test(arguments: [Language.da, .en])
    func theRealisticHarvestReadsBackWithEveryTool(language: Language) throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: language)
        let pdf = try Self.write(doc, in: fixture.directory)

        let info = try Self.info(pdf)
        let pages = Int(info["Pages"] ?? "") ?? 0
        #expect(pages >= 3, "\(info)")
        #expect(info["Title"] == PDFText.title.text(language, Sanitize.line(doc.event.title)))
        #expect(info["Author"] == Sanitize.line(Fixture.organiser))
        #expect(info["Subject"]?.contains(doc.event.visionTitle) == true)
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89 pts (A4)") == true, "\(info)")
        #expect(info["CreationDate"]?.contains("2024") == true, "\(info)")

        // Every font embedded (and subset).
        if let pdffonts = Tool.require("pdffonts") {
            let fonts = try Tool.run(pdffonts, [pdf]).text.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for font in fonts {
                let columns = font.split(separator: " ", omittingEmptySubsequences: true)
                // name type [encoding] emb sub uni object ID: "emb" is the fifth column from the end.
                #expect(columns.count >= 6 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
            }
        }

        let text = try Self.text(pdf)
        let flat = Self.folded(try Self.text(pdf, layout: false))
        // Every initiative, in the one table's order (by funding, then number);
        // white space left out, as a cell may wrap inside "</b>".
        let bare = flat.filter { !$0.isWhitespace }
        var position = bare.startIndex
        for initiative in doc.funding.flatMap(\.initiatives) {
            let wanted = Sanitize.multiline(initiative.text).filter { !$0.isWhitespace }
            guard let found = bare.range(of: wanted, range: position..<bare.endIndex) else {
                Issue.record("initiative not found in order: \(wanted)")
                continue
            }
            position = found.upperBound
        }
        for words in ["Æblegrød, øl og Ålborg", "«citat»", "Festsalen, Københavns Rådhus", "Anne Ørsted", "straße"] {
            #expect(flat.contains(words), "\(words) lost")
        }
        let footer = language == .da ? "Side" : "Page"
        let of = language == .da ? "af" : "of"
        for page in 1...max(1, pages) { #expect(text.contains("\(footer) \(page) \(of) \(pages)"), "footer of page \(page)") }
        // The running header carries the event's title from page 2 on.
        #expect(text.components(separatedBy: "Fælles Værdier, Fælles Vækst").count > pages)
        // User text is text: markup shows as typed, controls are gone.
        #expect(flat.contains("<script>alert('x')</script> &amp; &copy; <b>fed</b>"))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        // Names the participant did not agree to are not there.
        #expect(!flat.contains(Fixture.unnamed))

        let outline = try Self.outline(pdf)
        let titles = outline.map(\.title)
        for p in doc.principles {
            #expect(titles.contains(PDFText.principleHeading.text(language, p.number, Sanitize.line(p.title))),
                    "principle \(p.number) missing from the outline \(titles)")
        }
        #expect(outline.contains { $0.title == PDFText.fundingHeading.text(language) && $0.depth == 0 })
        #expect(outline.contains { $0.title == PDFText.appendixHeading.text(language) && $0.depth == 0 })
        #expect(outline.contains { $0.depth == 1 })
        try Self.qpdfCheck(pdf)
    }

    /// The decision makers' brief typeset from the realistic evening: at most
    /// two A4 pages, its five questions in order and in the outline, every
    /// initiative by number, the political ones again under their question.
    @Test(arguments: [Language.da, .en])
    func theBriefIsATwoPagePDF(language: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: language)
        let pdf = fixture.directory.appendingPathComponent("brief.pdf").path
        try AtomicFile.write(try HarvestPDF.render(doc, .brief), to: pdf)
        // RUNDBORD_KEEP_PDF=FOLDER keeps the realistic evening's brief and harvest there, to look at.
        if let keep = ProcessInfo.processInfo.environment["RUNDBORD_KEEP_PDF"] {
            try AtomicFile.write(try HarvestPDF.render(doc, .brief), to: keep + "/brief.\(language.rawValue).pdf")
            try AtomicFile.write(try HarvestPDF.render(doc), to: keep + "/harvest.\(language.rawValue).pdf")
        }
        let info = try Self.info(pdf)
        guard !info.isEmpty else { return }
        let pages = Int(info["Pages"] ?? "") ?? 0
        #expect((1...2).contains(pages), "the brief has \(pages) pages")
        #expect(info["Title"] == PDFText.briefTitle.text(language, Sanitize.line(doc.event.title)))
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89 pts (A4)") == true, "\(info)")

        let headings: [PDFText] = [.briefEventHeading, .briefOutcomeHeading, .fundingHeading, .briefPoliticalHeading, .briefNextHeading]
        let titles = try Self.outline(pdf).map(\.title)
        #expect(titles == headings.map { $0.text(language) }, "\(titles)")
        let joined = Self.folded(try Self.text(pdf, layout: false)).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let positions = headings.compactMap { joined.range(of: $0.text(language))?.lowerBound }
        #expect(positions.count == headings.count && positions == positions.sorted(), "\(joined.prefix(400))")
        for message in doc.keyMessages {
            #expect(joined.contains(message.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")), "\(message)")
        }
        let no = PDFText.tableInitiative.text(language, 0).replacingOccurrences(of: "0: ", with: "")
        for i in doc.initiatives { #expect(joined.contains(no + "\(i.rank): "), "\(i.rank)") }
        let political = doc.initiatives.filter { $0.decision == .political }
        #expect(!political.isEmpty)
        let afterPolitical = String(joined[joined.range(of: PDFText.briefPoliticalHeading.text(language))!.upperBound...])
        for i in political { #expect(afterPolitical.contains(no + "\(i.rank): "), "\(i.rank)") }
        #expect(joined.contains(doc.event.organiserEmail))
        if language == .da { #expect(joined.contains("32 deltagere")) }
        try Self.qpdfCheck(pdf)
    }

    @Test func linksAreClickable() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let pdf = try Self.write(try fixture.document(), in: fixture.directory)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        // cairo writes link annotations uncompressed: /Subtype /Link with a /URI action.
        #expect(raw.contains("https://www.kk.example/nyheder/raadet"))
        #expect(raw.contains("/Link"))
        // A javascript: address is shown as text, never made a link.
        #expect(!raw.contains("/URI (javascript"))
    }

    /// Hostile note text: markup, controls, right-to-left text, a
    /// 10,000-character note with and without spaces, an initiative that
    /// long in the table. The file stays sound and every text is there.
    @Test func hostileNotesBreakNeitherLayoutNorFile() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        var input = try HarvestInput.read(from: fixture.store)
        let table = input.tables[0], principle = input.event.vision.principles[0].id
        let start = Date(timeIntervalSince1970: 1_730_900_000)
        let words = (0..<1_250).map { "ord\($0)" }.joined(separator: " ")  // ~10,000 characters
        let unbroken = String(repeating: "x", count: 10_000)
        let hostile = [
            "<span foreground='red'>ikke rød</span> </b> <i> &nbsp; &#0; ]]> <![CDATA[",
            "Styretegn:\u{0}\u{1}\u{8}\u{1B}[2J\u{7F}\u{85}\u{202E}vendt\u{2066} slut",
            "עברית מימין לשמאל with English inside",
            "العربية من اليمين إلى اليسار",
            "Kombinerende: A\u{030A}lborg og e\u{0301}",
            "Emoji: 🎉👍🏽🇩🇰",
            "START " + words + " SLUT",
            unbroken,
        ]
        for (i, text) in hostile.enumerated() {
            input.notes.append(Note(id: UUID(), tableId: table.id, principleId: principle, kind: .point, text: text,
                                    createdAt: start.addingTimeInterval(Double(i))))
        }
        input.notes.append(Note(id: UUID(), tableId: table.id, principleId: principle, kind: .initiative,
                                text: "LANG INDSATS " + words + " INDSATS SLUT", createdAt: start, funding: .unclear, dots: 50))
        let doc = try Harvest.build(input: input, options: HarvestOptions(language: .da, generatedAt: start))
        let pdf = try Self.write(doc, in: fixture.directory)
        try Self.qpdfCheck(pdf)
        let info = try Self.info(pdf)
        let pages = Int(info["Pages"] ?? "") ?? 0
        #expect((4...60).contains(pages), "\(pages) pages")
        let flat = Self.folded(try Self.text(pdf, layout: false))
        #expect(flat.contains("<span foreground='red'>ikke rød</span> </b> <i> &nbsp; &#0; ]]> <![CDATA["))
        #expect(flat.contains("START ord0 ord1"))
        #expect(flat.contains("ord1249 SLUT"))
        #expect(flat.contains("LANG INDSATS ord0"))
        #expect(flat.contains("ord1249 INDSATS SLUT"))
        #expect(flat.contains("vendt"))
        // Right-to-left text: pdftotext reads it back in visual order with -layout only.
        // Arabic may come back as presentation forms (NFKC folds them) and in either direction.
        let laidOut = (try Self.text(pdf)).precomposedStringWithCompatibilityMapping
        #expect(laidOut.contains("עברית"), "Hebrew lost")
        #expect(laidOut.contains("اليمين") || laidOut.contains(String("اليمين".reversed())), "Arabic lost")
        #expect(flat.contains("Ålborg") || flat.contains("A\u{030A}lborg"), "combining ring lost")
        // The unbroken note is broken between characters, every x kept.
        #expect(flat.filter { $0 == "x" }.count >= 10_000)
        for page in 1...max(1, pages) { #expect(flat.contains("Side \(page) af \(pages)")) }
    }

    /// Without the font the PDF is not made: a clear message, exit 69, no file.
    @Test func aMissingFontIsAClearErrorAndNoFile() throws {
        guard let helper = Self.helper() else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let config = fixture.directory.appendingPathComponent("fonts.conf")
        try Data("<?xml version=\"1.0\"?>\n<fontconfig><dir>\(fixture.directory.path)/no-fonts</dir><cachedir>\(fixture.directory.path)/cache</cachedir></fontconfig>\n".utf8)
            .write(to: config)
        let out = fixture.directory.appendingPathComponent("out.pdf").path
        let result = try Tool.run(helper, [fixture.path, "--out", out, "--lang", "en"],
                                  environment: ProcessInfo.processInfo.environment.merging(["FONTCONFIG_FILE": config.path]) { $1 })
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("DejaVu Sans") && result.stderr.contains("fonts-dejavu-core"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// With DejaVu only (no emoji font, no Chinese font), what no font can
    /// draw is one "□" per character, never Pango's hex box, whose digits
    /// would read as text.
    @Test func charactersNoFontHasAreASquareNotGarbage() throws {
        guard let helper = Self.helper() else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let config = fixture.directory.appendingPathComponent("fonts.conf")
        try Data("<?xml version=\"1.0\"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>\(fixture.directory.path)/cache</cachedir></fontconfig>\n".utf8)
            .write(to: config)
        let out = fixture.directory.appendingPathComponent("out.pdf").path
        let result = try Tool.run(helper, [fixture.path, "--out", out],
                                  environment: ProcessInfo.processInfo.environment.merging(["FONTCONFIG_FILE": config.path]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        let text = Self.folded(try Self.text(out))
        #expect(text.contains("«citat» □ □□ straße"), "\(text.prefix(400))")
        try Self.qpdfCheck(out)
    }

    /// `rundbord export --format pdf` runs rundbord-pdf from beside itself:
    /// an owner-only file the tools read, or the PDF on standard output.
    @Test func theCommandWritesAnOwnerOnlyPDF() throws {
        guard let rundbord = Tool.rundbord() else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        fixture.store.close()
        let out = fixture.directory.appendingPathComponent("opsamling.pdf").path
        let result = try Tool.run(rundbord, ["export", fixture.path, "--format", "pdf", "--out", out, "--tables", "1,2", "--anonymous"])
        #expect(result.status == 0, "\(result.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600, "mode \(String(mode, radix: 8))")
        let text = Self.folded(try Self.text(out))
        #expect(text.contains("Opsamlingen dækker kun bord 1 og 2."), "\(text.prefix(600))")
        #expect(!text.contains(Fixture.named))
        try Self.qpdfCheck(out)

        let streamed = try Tool.run(rundbord, ["export", fixture.path, "--format", "pdf", "--out", "-", "--lang", "en"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(streamed.stdout.starts(with: Data("%PDF-".utf8)))

        let bad = try Tool.run(rundbord, ["export", fixture.path, "--format", "pdf", "--tables", "9", "--out", out + ".x"])
        #expect(bad.status == 64, "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + ".x"))

        // The brief, beside the event file by default.
        let brief = try Tool.run(rundbord, ["export", fixture.path, "--format", "brief-pdf"])
        #expect(brief.status == 0, "\(brief.stderr)")
        let briefPath = ReaderFormat.briefPDF.defaultOutput(eventFile: fixture.path)
        #expect(briefPath.hasSuffix(".brief.pdf"))
        let briefMode = (try FileManager.default.attributesOfItem(atPath: briefPath)[.posixPermissions] as? Int) ?? 0
        #expect(briefMode == 0o600, "mode \(String(briefMode, radix: 8))")
        #expect(Self.folded(try Self.text(briefPath)).contains(PDFText.briefTitle.text(.da, "Fælles Værdier")))
        // An export never replaces the event.
        let onto = try Tool.run(rundbord, ["export", fixture.path, "--format", "brief-pdf", "--out", fixture.path])
        #expect(onto.status == 73, "\(onto.stderr)")
    }

    /// The follow-up mail from `rundbord export --format eml` attaches the
    /// typeset PDF instead of the Markdown, and says so in its body.
    @Test func theMailAttachesThePDF() throws {
        guard let rundbord = Tool.rundbord() else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        fixture.store.close()
        let eml = fixture.directory.appendingPathComponent("mail.eml").path
        let result = try Tool.run(rundbord, ["export", fixture.path, "--format", "eml", "--out", eml])
        #expect(result.status == 0, "\(result.stderr)")
        let parts = try Tool.python(#"""
import sys, json, email, email.policy
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
out = {'types': [], 'names': [], 'body': msg.get_body(('plain',)).get_content(), 'pdf': ''}
for part in msg.iter_attachments():
    out['types'].append(part.get_content_type()); out['names'].append(part.get_filename())
    if part.get_content_type() == 'application/pdf' and part.get_filename().startswith('Opsamling'):
        open(sys.argv[1] + '.pdf', 'wb').write(part.get_content()); out['pdf'] = sys.argv[1] + '.pdf'
print(json.dumps(out))
"""#, [eml]) as? [String: Any]
        let types = parts?["types"] as? [String] ?? []
        let names = parts?["names"] as? [String] ?? []
        #expect(types.contains("application/pdf") && !types.contains("text/markdown"), "\(types)")
        #expect(names.contains { $0.hasSuffix(".pdf") }, "\(names)")
        let body = Self.folded((parts?["body"] as? String) ?? "")
        #expect(body.contains(".pdf (opsamlingen som PDF)"), "\(body)")
        #expect(names.contains { $0.hasPrefix("Opsamling") && $0.hasSuffix(".pdf") }, "\(names)")
        if let pdf = parts?["pdf"] as? String, !pdf.isEmpty {
            try Self.qpdfCheck(pdf)
            #expect(Self.folded(try Self.text(pdf)).contains("Opsamling: Fælles Værdier"))
        }
    }

    @Test func theCatalogueIsComplete() {
        #expect(Catalogue.problems(PDFText.self) == [])
    }

    static func helper(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard let rundbord = Tool.rundbord(sourceLocation: sourceLocation) else { return nil }
        let path = URL(fileURLWithPath: rundbord).deletingLastPathComponent().appendingPathComponent("rundbord-pdf").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("rundbord-pdf was not built beside rundbord", sourceLocation: sourceLocation)
            return nil
        }
        return path
    }
}
