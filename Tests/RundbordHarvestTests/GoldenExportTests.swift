import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// The exports of the fixture compared byte for byte with golden files in
/// Tests/Fixtures/golden, so a faster writer cannot change a single byte.
/// The fixture's ids are random; each UUID is replaced by a numbered one in
/// order of first appearance before comparing. `RECORD_GOLDEN=1 swift test
/// --filter GoldenExportTests` re-records them (then read the diff).
@Suite struct GoldenExportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Every UUID in `data` (upper or lower case) replaced by
    /// 00000000-0000-0000-0000-00000000000N, N counting distinct ids in order of first appearance.
    static func numberingIds(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var numbers: [String: Int] = [:]
        let dashes: Set<Int> = [8, 13, 18, 23]
        func isHex(_ b: UInt8) -> Bool {
            (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
        }
        var i = 0
        while i < bytes.count {
            if i + 36 <= bytes.count,
               (0..<36).allSatisfy({ dashes.contains($0) ? bytes[i + $0] == UInt8(ascii: "-") : isHex(bytes[i + $0]) }) {
                let id = String(decoding: bytes[i..<(i + 36)], as: UTF8.self).uppercased()
                let n = numbers[id] ?? (numbers.count + 1)
                numbers[id] = n
                let digits = String(n)
                out += Array("00000000-0000-0000-0000-".utf8) + Array(repeating: UInt8(ascii: "0"), count: 12 - digits.count)
                    + Array(digits.utf8)
                i += 36
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return Data(out)
    }

    static func compare(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        let actual = numberingIds(data)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file)
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record("golden file \(file.path) is missing (RECORD_GOLDEN=1 records it)", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
            let e = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs from the golden file (\(actual.count) bytes, golden \(expected.count)); first at line \(line + 1):
                  got:    \(line < a.count ? a[line].debugDescription : "<end>")
                  golden: \(line < e.count ? e[line].debugDescription : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }

    @Test func csvAndJSONAreByteForByteTheGoldenFiles() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let settings = Fixture.settings()
        var excel = settings
        excel.excel = true
        try Self.compare(try Exporter.render(doc, .csv, settings: settings), "harvest.csv")
        try Self.compare(try Exporter.render(doc, .csv, settings: excel), "harvest.excel.csv")
        // The notes CSV built from the notes alone (what `export --format csv` computes) is the same file.
        let notesOnly = try Harvest.build(store: fixture.store, options: HarvestOptions(
            language: .da, generatedAt: Date(timeIntervalSince1970: 1_730_970_000), parts: .notes))
        #expect(notesOnly.initiatives.isEmpty && notesOnly.tables.isEmpty)
        try Self.compare(try Exporter.render(notesOnly, .csv, settings: settings), "harvest.csv")
        try Self.compare(try Exporter.render(doc, .initiativesCSV, settings: settings), "harvest.initiatives.csv")
        try Self.compare(try Exporter.render(doc, .json, settings: settings), "harvest.json")
        // Whatever fields the document has: the bytes JSONEncoder writes with the export's settings.
        #expect(doc.json() == Data(try JSONBytesTests.foundation(doc) + [UInt8(ascii: "\n")]))
        // Anonymous and English: other labels, no speakers, no participants.
        let anonymous = try fixture.document(anonymous: true, language: .en)
        let english = Fixture.settings(.en)
        try Self.compare(try Exporter.render(anonymous, .csv, settings: english), "harvest.anonymous.en.csv")
        try Self.compare(try Exporter.render(anonymous, .json, settings: english), "harvest.anonymous.en.json")
    }
}

/// JSONBytes against Foundation's JSONEncoder on values the fixture does not
/// hold: every control byte, hostile text, dates before 1970 and with
/// fractions, empty and nested containers, optionals, dictionaries.
@Suite struct JSONBytesTests {
    struct Sample: Encodable {
        var zText: String
        var when: Date
        var maybe: String?
        var nothing: Int?
        var numbers: [Int]
        var empty: [String]
        var emptyObject: [String: Int]
        var nested: [[Sample]]
        var labels: [String: String]
        var flag: Bool
        var id: UUID
    }

    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return [UInt8](try encoder.encode(value))
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/adversarial.json")
        let hostile = try JSONSerialization.jsonObject(with: Data(contentsOf: corpus)) as? [String: Any]
        let notes = hostile?["notes"] as? [String] ?? []
        #expect(notes.count > 10)
        let controls = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "/\\\"é\u{2028}"
        let dates: [Double] = [-1.5, -86_400 * 365 * 80, 0, 0.999, 1_730_970_000.75, 4_102_444_800, 253_402_300_799]
        let leaves = (notes + [controls, "", "a/b"]).enumerated().map { i, text in
            Sample(zText: text, when: Date(timeIntervalSince1970: dates[i % dates.count]), maybe: i % 2 == 0 ? text : nil,
                   nothing: nil, numbers: [i, -i, Int.max, Int.min], empty: [], emptyObject: [:], nested: [],
                   labels: ["b": text, "a": "x", "B": "y", "æ": "z"], flag: i % 3 == 0, id: UUID())
        }
        let root = Sample(zText: "root", when: Date(timeIntervalSince1970: 0), maybe: nil, nothing: 7, numbers: [],
                          empty: ["x"], emptyObject: ["k": 1], nested: [leaves, [], [leaves[0]]], labels: [:],
                          flag: true, id: UUID())
        #expect(try JSONBytes.encode(root) == (try Self.foundation(root)))
        for leaf in leaves {
            #expect(try JSONBytes.encode(leaf) == (try Self.foundation(leaf)), "\(leaf.zText.debugDescription)")
        }
        for date in dates.map(Date.init(timeIntervalSince1970:)) {
            #expect(try JSONBytes.encode([date]) == (try Self.foundation([date])))
        }
    }
}
