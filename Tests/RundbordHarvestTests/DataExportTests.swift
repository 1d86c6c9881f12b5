import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// CSV read back by Python's csv module, JSON by Python's json module.
@Suite struct DataExportTests {
    static let csvReader = #"""
import sys, csv, json, io
raw = open(sys.argv[1], 'rb').read()
delimiter = sys.argv[2]
bom = raw.startswith(b'\xef\xbb\xbf')
text = raw.decode('utf-8-sig')
rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=delimiter, strict=True))
# Every record ends in CRLF: the raw bytes outside quoted fields.
print(json.dumps({'bom': bom, 'rows': rows, 'crlf_end': raw.endswith(b'\r\n')}))
"""#

    static func readCSV(_ data: Data, delimiter: String, in directory: URL) throws -> [String: Any]? {
        let file = directory.appendingPathComponent("export-\(UUID().uuidString).csv")
        try data.write(to: file)
        return try Tool.python(csvReader, [file.path, delimiter]) as? [String: Any]
    }

    @Test(arguments: [false, true])
    func notesCSVHasOneRowPerNoteWithTextIntactAndFormulasNeutralised(excel: Bool) throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let data = try Exporter.render(doc, .csv, settings: ExportSettings(excel: excel, templates: HarvestTemplates(language: .da)))
        guard let csv = try Self.readCSV(data, delimiter: excel ? ";" : ",", in: fixture.directory) else { return }
        #expect(csv["bom"] as? Bool == excel)
        #expect(csv["crlf_end"] as? Bool == true)
        let rows = csv["rows"] as? [[String]] ?? []
        #expect(rows.first == HarvestText.csvNotesHeader.text(.da).components(separatedBy: "|"))
        #expect(rows.count == doc.notes.count + 1)
        #expect(rows.allSatisfy { $0.count == 13 })
        let texts = rows.dropFirst().map { $0[5] }
        // Multi-line notes keep their lines (CRLF inside the quoted field).
        #expect(texts.contains("# Ikke en overskrift\r\n\r\n1. ikke en liste\r\n- heller ikke en liste\r\n> ikke et citat"))
        // A cell a spreadsheet would run as a formula starts with an apostrophe.
        for formula in ["=SUM(A1:A9)", "+45 12 34 56 78", "-minus i starten", "@kommando"] {
            #expect(texts.contains("'" + formula), "\(formula) not neutralised")
            #expect(!texts.contains(formula))
        }
        #expect(texts.contains("'=HYPERLINK(\"http://evil\")\r\n1. *Delegation* | fra Barcelona"))
        #expect(!texts.contains { $0.contains("\u{1B}") })
        // The deleted note is not exported; the unnamed speaker is never named.
        #expect(!texts.contains("SLETTET NOTAT"))
        #expect(!rows.joined().contains { $0.contains(Fixture.unnamed) })
        // Initiatives carry funding, owner and dots.
        let row = rows.first { $0[5] == "Mentorordning mellem kooperativer og nye iværksættere" }
        #expect(row?[9] == "Kan sættes i gang nu")
        #expect(row?[10] == "Kooperationen")
        #expect(row?[12] == "11")
    }

    /// A quote, delimiter or line break followed by a combining mark is one
    /// Character that is none of them; its byte still is, and stays inside its field.
    @Test(arguments: [false, true])
    func aQuoteOrDelimiterBeforeACombiningMarkStaysInItsField(excel: Bool) throws {
        let texts = ["Hun sagde \"\u{301}hej, med accent", "a;\u{301}b,\u{301}c", "æ\n\u{301}ø"]
        let data = CSVWriter(excel: excel).render(header: ["tekst", "tal"], rows: texts.map { [.text($0), .number(1)] })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let csv = try Self.readCSV(data, delimiter: excel ? ";" : ",", in: directory) else { return }
        let rows = csv["rows"] as? [[String]] ?? []
        #expect(rows.count == 4 && rows.allSatisfy { $0.count == 2 }, "\(rows)")
        // The line break comes back as CRLF (written out: "\n" + U+0301 is one Character to a search).
        #expect(rows.dropFirst().map { $0[0] } == [texts[0], texts[1], "æ\r\n\u{301}ø"])
    }

    @Test func initiativesCSVIsRankedAndMerged() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let data = try Exporter.render(doc, .initiativesCSV, settings: ExportSettings(templates: HarvestTemplates(language: .en)))
        guard let csv = try Self.readCSV(data, delimiter: ",", in: fixture.directory) else { return }
        let rows = csv["rows"] as? [[String]] ?? []
        #expect(rows.count == doc.initiatives.count + 1)
        #expect(rows[1] == ["1", Fixture.mergedInitiativeTable1, "13", "1, 3", "2", "Kræver finansiering",
                            "Københavns Kommune", "2025"])
        #expect(rows[2].prefix(3) == ["2", "Mentorordning mellem kooperativer og nye iværksættere", "11"])
        // Each initiative has its own number, also when tied on dots.
        #expect(rows[3][0] == "3" && rows[4][0] == "4" && rows[3][2] == "6" && rows[4][2] == "6")
    }

    static let jsonReader = #"""
import sys, json
doc = json.load(open(sys.argv[1], encoding='utf-8'))
print(json.dumps({
  'schema': doc['schema'], 'keys': sorted(doc.keys()),
  'principles': len(doc['principles']), 'notes': len(doc['notes']),
  'first_initiative': doc['initiatives'][0], 'generatedAt': doc['generatedAt'],
  'created': doc['notes'][0]['createdAt'],
  'texts': [n['text'] for n in doc['notes']],
  'participants': doc['participants'],
  'funding': {f['funding']: len(f['initiatives']) for f in doc['funding']},
}))
"""#

    @Test func jsonIsTheVersionedSchemaWithSortedKeysAndISODates() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let data = try Exporter.render(doc, .json, settings: Fixture.settings())
        let file = fixture.directory.appendingPathComponent("export.json")
        try data.write(to: file)
        guard let json = try Tool.python(Self.jsonReader, [file.path]) as? [String: Any] else { return }
        #expect(json["schema"] as? String == "rundbord-export/1")
        #expect(json["keys"] as? [String] == ["agreementLabels", "agreementTotal", "anonymous", "counts", "event",
                                              "funding", "fundingLabels", "generatedAt", "initiatives", "keyMessages", "language",
                                              "notes", "organisations", "organisationsTakingPart", "owners", "participants", "principles",
                                              "privacy", "recipientCount", "schema", "tableNumbers", "tables", "totalTables", "unowned"])
        #expect(json["principles"] as? Int == 5)
        #expect(json["notes"] as? Int == doc.notes.count)
        #expect(json["generatedAt"] as? String == "2024-11-07T09:00:00Z")
        #expect((json["created"] as? String)?.hasSuffix("Z") == true)
        let first = json["first_initiative"] as? [String: Any]
        #expect(first?["dots"] as? Int == 13)
        #expect(first?["tables"] as? [Int] == [1, 3])
        #expect(first?["funding"] as? String == "needs_funding")
        #expect((json["texts"] as? [String])?.contains(Fixture.hostileNotes[2]) == true)
        #expect(json["funding"] as? [String: Int] == ["needs_funding": 3, "can_start_now": 3, "unclear": 2])
        // No e-mail address of a participant, and nobody who did not agree to be named.
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("anne@example.dk") && !text.contains("bo@example.dk"))
        #expect(!text.contains(Fixture.unnamed))
        // Sorted keys: the same event gives the same bytes.
        #expect(data == (try Exporter.render(try fixture.document(), .json, settings: Fixture.settings())))
    }
}
