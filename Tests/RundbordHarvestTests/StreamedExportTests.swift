import Foundation
import Testing
import RundbordCore
import RundbordStore
@testable import RundbordHarvest

/// The notes CSV and the JSON written in pieces (issue #16 item 6) are the
/// same bytes as the whole-harvest exports they replace.
@Suite struct StreamedExportTests {
    /// The fixture with what the streamed CSV must order and leave out like
    /// the harvest: a note under a principle the vision no longer has, a
    /// deleted note, two notes at the same moment (ordered by id).
    func fixture() throws -> Fixture {
        let fixture = try Fixture()
        let tables = try fixture.store.tables().sorted { $0.number < $1.number }
        let moment = Date(timeIntervalSince1970: 1_730_900_000)
        try fixture.store.save(notes: [
            Note(id: UUID(), tableId: tables[1].id, principleId: "gammelt-princip", kind: .idea,
                 text: "Under et princip visionen ikke har mere", createdAt: moment),
            Note(id: UUID(), tableId: tables[0].id, principleId: "zz-andet-gammelt", kind: .point,
                 text: "Endnu et forsvundet princip", createdAt: moment),
            Note(id: UUID(), tableId: tables[0].id, principleId: tables[0].principleIds[0], kind: .point,
                 text: "Slettet", createdAt: moment, deletedAt: moment),
            Note(id: UUID(uuidString: "FFFFFFFF-0000-4000-8000-000000000001")!, tableId: tables[0].id,
                 principleId: tables[0].principleIds[0], kind: .point, text: "Samme øjeblik B", createdAt: moment),
            Note(id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, tableId: tables[0].id,
                 principleId: tables[0].principleIds[0], kind: .point, text: "Samme øjeblik A", createdAt: moment),
        ])
        return fixture
    }

    @Test(arguments: [(nil, false, Language.da, false), (nil, true, .da, true), (Set([1, 3]), false, .en, false),
                      (Set([2]), false, .da, true)] as [(Set<Int>?, Bool, Language, Bool)])
    func streamedNotesCSVIsTheHarvestsNotesCSV(tables: Set<Int>?, anonymous: Bool, language: Language, excel: Bool) throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let options = HarvestOptions(tables: tables, anonymous: anonymous, language: language, parts: .notes)
        let whole = try Harvest.build(store: fixture.store, options: options).notesCSV(excel: excel)
        let out = fixture.directory.appendingPathComponent("notes.csv").path
        try NotesStream.writeCSV(store: fixture.store, options: options, excel: excel, to: out)
        let streamed = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(streamed == whole)
        #expect(String(decoding: streamed, as: UTF8.self).contains("Endnu et forsvundet princip") == (tables?.contains(1) ?? true))
        // Written owner-only, as every export.
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func streamedNotesCSVRefusesATableTheEventDoesNotHave() throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let out = fixture.directory.appendingPathComponent("notes.csv").path
        #expect(throws: RundbordError.self) {
            try NotesStream.writeCSV(store: fixture.store, options: HarvestOptions(tables: [9]), excel: false, to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [false, true])
    func jsonWrittenInPiecesIsTheWholeJSON(anonymous: Bool) throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(anonymous: anonymous)
        var pieces: [[UInt8]] = []
        try doc.writeJSON { (piece: [UInt8]) throws(RundbordError) in pieces.append(piece) }
        #expect(Data(pieces.joined()) == Data(try JSONBytes.encode(doc) + [UInt8(ascii: "\n")]))
    }

    /// A harvest read from the store a section at a time is the whole
    /// harvest: its outline and every section, and the JSON written from it.
    @Test(arguments: [(nil, false, Language.da), (nil, true, .en), (Set([1, 3]), false, .en), (Set([2]), true, .da)]
          as [(Set<Int>?, Bool, Language)])
    func streamedHarvestIsTheWholeHarvest(tables: Set<Int>?, anonymous: Bool, language: Language) throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let options = HarvestOptions(tables: tables, anonymous: anonymous, language: language,
                                     generatedAt: Date(timeIntervalSince1970: 1_730_970_000))
        let whole = try Harvest.build(store: fixture.store, options: options)
        let streamed = try StreamedHarvest(store: fixture.store, options: options)
        #expect(streamed.outline.principles.count == whole.principles.count)
        #expect(try (0..<whole.principles.count).map { try streamed.principle($0) } == whole.principles)
        #expect(try (0..<whole.tables.count).map { try streamed.table($0) } == whole.tables)
        var notes: [HarvestDocument.NoteEntry] = []
        try streamed.forEachNote { notes.append($0) }
        #expect(notes == whole.notes)
        var outline = whole
        outline.notes = []
        outline.principles = whole.principles.map { var p = $0; p.kinds = []; return p }
        outline.tables = whole.tables.map { t in
            var t = t
            t.principles = t.principles.map { var p = $0; p.kinds = []; p.initiatives = []; return p }
            return t
        }
        #expect(streamed.outline == outline)
        var json: [UInt8] = []
        try streamed.writeJSON { (piece: [UInt8]) throws(RundbordError) in json += piece }
        #expect(Data(json) == whole.json())
        let initiatives = try StreamedHarvest.initiatives(store: fixture.store, options: options)
        #expect(initiatives == whole.initiatives)
        #expect(HarvestDocument.initiativesCSV(initiatives, language: language, excel: true) == whole.initiativesCSV(excel: true))
    }

    /// The realistic event (names kept and left out, initiatives merged
    /// across tables, credited organisations) read a section at a time.
    @Test(arguments: [false, true])
    func streamedRealisticHarvestIsTheWholeHarvest(anonymous: Bool) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let options = HarvestOptions(anonymous: anonymous, language: .da, generatedAt: Date(timeIntervalSince1970: 1_730_970_000))
        let whole = try Harvest.build(store: fixture.store, options: options)
        let streamed = try StreamedHarvest(store: fixture.store, options: options)
        var json: [UInt8] = []
        try streamed.writeJSON { (piece: [UInt8]) throws(RundbordError) in json += piece }
        #expect(Data(json) == whole.json())
        #expect(whole.privacy.namesReplaced + whole.privacy.creditsLeftOut > 0)
        #expect(try StreamedHarvest.initiatives(store: fixture.store, options: options) == whole.initiatives)
    }

    /// The Markdown and print text written from the store a section at a
    /// time are the whole harvest's, byte for byte.
    @Test(arguments: [(nil, false, Language.da, 80), (nil, true, .en, 60), (Set([1, 3]), false, .en, 80), (Set([2]), true, .da, 40)]
          as [(Set<Int>?, Bool, Language, Int)])
    func markdownAndPrintTextFromTheStoreAreTheWholeHarvests(tables: Set<Int>?, anonymous: Bool, language: Language,
                                                              width: Int) throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let options = HarvestOptions(tables: tables, anonymous: anonymous, language: language,
                                     generatedAt: Date(timeIntervalSince1970: 1_730_970_000))
        let whole = try Harvest.build(store: fixture.store, options: options)
        let streamed = try StreamedHarvest(store: fixture.store, options: options)
        let settings = Fixture.settings(language, width: width)
        #expect(try Self.markdown(streamed, settings) == (try Exporter.markdown(whole, settings)))
        #expect(try Self.printText(streamed, settings) == (try Exporter.printText(whole, settings)))
    }

    @Test(arguments: [(false, Language.da), (true, .da), (false, .en)] as [(Bool, Language)])
    func realisticMarkdownAndPrintTextFromTheStoreAreTheWholeHarvests(anonymous: Bool, language: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let whole = try fixture.document(language: language, anonymous: anonymous)
        let streamed = try StreamedHarvest(store: fixture.store, options: HarvestOptions(
            anonymous: anonymous, language: language, generatedAt: Date(timeIntervalSince1970: 1_730_970_000)))
        let settings = Fixture.settings(language)
        #expect(try Self.markdown(streamed, settings) == (try Exporter.markdown(whole, settings)))
        #expect(try Self.printText(streamed, settings) == (try Exporter.printText(whole, settings)))
    }

    static func markdown(_ sections: some HarvestSections, _ settings: ExportSettings) throws -> String {
        var bytes: [UInt8] = []
        try Exporter.writeMarkdown(sections, settings) { (piece: [UInt8]) throws(RundbordError) in bytes += piece }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func printText(_ sections: some HarvestSections, _ settings: ExportSettings) throws -> String {
        var bytes: [UInt8] = []
        try Exporter.writePrintText(sections, settings) { (piece: [UInt8]) throws(RundbordError) in bytes += piece }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A template is cut only where rendering its pieces gives the same
    /// text: sections standing alone on their lines, not looking at the list itself.
    @Test func aTemplateIsCutOnlyWhereThePiecesRenderTheSame() throws {
        let cut = try #require(TemplateCut("a\n{{#principles}}\n- {{title}}\n{{/principles}}\nb {{#a}}{{/a}}\n{{fundingTable}}\nc"))
        #expect(cut.pieces == [.text("a\n"),
                               .section(name: "principles", inverted: false, inner: "- {{title}}\n", pieces: [.text("- {{title}}\n")]),
                               .text("b {{#a}}{{/a}}\n"), .line(name: "fundingTable"), .text("c")])
        // Not alone on its line, looking at the list's position or at the list: left in the text.
        for text in ["x {{#principles}}\n{{title}}\n{{/principles}}\n", "{{#principles}}\n{{#first()}}x{{/first()}}\n{{/principles}}\n",
                     "{{#principles}}\n{{.}}\n{{/principles}}\n", "{{#principles}}\n{{title}}{{/principles}}\n", " {{fundingTable}}\n"] {
            #expect(try #require(TemplateCut(text)).pieces == [.text(text)], "\(text)")
        }
        // New delimiters: not cut at all.
        #expect(TemplateCut("{{=<% %>=}}\n<%#principles%>\n<%/principles%>\n") == nil)
    }

    /// Templates cut and whole render the same text, whatever stands around
    /// the sections that are cut (blank lines, CRLF, indentation, the end of the file).
    @Test(arguments: [
        "{{#principles}}\n### {{number}}. {{title}}\n{{#highlights}}\n- {{label}}: {{#notes}}{{text}}; {{/notes}}\n{{/highlights}}\n{{/principles}}",
        "{{#hasInitiatives}}\n{{#numbered}}\n{{number}} {{line}}\n{{/numbered}}\n{{/hasInitiatives}}\n{{^hasInitiatives}}\nnone\n{{/hasInitiatives}}\n"
            + "{{#tables}}\n{{#principles}}\n{{#kinds}}\n{{label}}\n{{#notes}}\n- {{text}}\n{{/notes}}\n{{/kinds}}\n{{/principles}}\n{{/tables}}\n"
            + "{{#owners}}\n{{owner}}\n{{#initiatives}}\n{{rank}}\n{{/initiatives}}\n{{/owners}}\n{{#anonymous}}\nanon\n{{/anonymous}}\n{{title}}\n",
        "head {{title}}\r\n  {{#principles}}  \r\n{{number}}\r\n  {{/principles}}\r\nmid\n\n{{#tables}}\n{{number}} {{noteCount}} {{counts.notes}}\n{{#principles}}\n  {{title}}\n{{/principles}}\n{{/tables}}\n",
        "{{^principles}}none{{/principles}}\n{{#tables}}\n{{#hasName}}{{name}}{{/hasName}}\n{{/tables}}\nend",
    ])
    func cutAndWholeTemplatesRenderTheSame(_ template: String) throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let folder = fixture.directory.appendingPathComponent("templates/harvest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(template.utf8).write(to: folder.appendingPathComponent("harvest.da.md.mustache"))
        let settings = Fixture.settings(.da, library: TemplateLibrary(directory: folder.deletingLastPathComponent()))
        let whole = try fixture.document()
        let streamed = try StreamedHarvest(store: fixture.store, options: HarvestOptions(generatedAt: whole.generatedAt))
        #expect(try Self.markdown(streamed, settings) == (try Exporter.markdown(whole, settings)))
    }

    /// The funding table written a line at a time where it stands alone on its line, joined where it does not.
    @Test(arguments: ["{{title}}\n{{#hasInitiatives}}\n{{fundingTable}}\n{{/hasInitiatives}}\n{{#principles}}\n{{title}}\n{{/principles}}\n",
                      "Table: {{fundingTable}}\n{{fundingTable}}", "{{fundingTable}}\n\n{{fundingTable}}\n"])
    func printTextWithTheFundingTableCutAndWholeIsTheSame(_ template: String) throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let folder = fixture.directory.appendingPathComponent("templates/harvest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(template.utf8).write(to: folder.appendingPathComponent("harvest.da.txt.mustache"))
        let settings = Fixture.settings(.da, width: 60, library: TemplateLibrary(directory: folder.deletingLastPathComponent()))
        let whole = try fixture.document()
        let streamed = try StreamedHarvest(store: fixture.store, options: HarvestOptions(generatedAt: whole.generatedAt))
        #expect(try Self.printText(streamed, settings) == (try Exporter.printText(whole, settings)))
    }

    @Test func markdownWrittenInPiecesIsTheMarkdown() throws {
        let fixture = try fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        var bytes: [UInt8] = []
        try Exporter.writeMarkdown(doc, Fixture.settings()) { (piece: [UInt8]) throws(RundbordError) in bytes += piece }
        #expect(String(decoding: bytes, as: UTF8.self) == (try Exporter.markdown(doc, Fixture.settings())))
        var text: [UInt8] = []
        let printed = try Exporter.printText(doc, Fixture.settings())
        try Exporter.write(printed) { (piece: [UInt8]) throws(RundbordError) in text += piece }
        #expect(text == Array(printed.utf8))
    }

    @Test(arguments: ["", "\n", "\n\n\na\n", "a  \n\n\n\tb\t\n\n", "a\r\n\r\nb", " \n x \n \n", "æ\n\n\nø\n\n"])
    func tidyInPiecesIsTidy(_ text: String) throws {
        var bytes: [UInt8] = []
        try Exporter.tidy(text) { (piece: [UInt8]) throws(RundbordError) in bytes += piece }
        #expect(String(decoding: bytes, as: UTF8.self) == Exporter.tidy(text))
    }
}
