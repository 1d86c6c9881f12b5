import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// The Markdown export read back by cmark, the CommonMark reference parser.
@Suite struct MarkdownExportTests {
    /// Turns cmark's XML into the document's top-level blocks and a count of every node type.
    static let reader = #"""
import sys, json, xml.etree.ElementTree as ET
NS = '{http://commonmark.org/xml/1.0}'
root = ET.fromstring(sys.stdin.buffer.read())
def tag(e): return e.tag.replace(NS, '')
def text(e):
    t = tag(e)
    if t == 'text': return e.text or ''
    if t == 'softbreak': return ' '
    if t == 'linebreak': return '\n'
    if t in ('code', 'html_inline', 'html_block', 'code_block'): return e.text or ''
    return ''.join(text(c) for c in e)
types = {}
links = []
for e in root.iter():
    types[tag(e)] = types.get(tag(e), 0) + 1
    if tag(e) == 'link': links.append(e.get('destination'))
blocks = []
for b in root:
    t = tag(b)
    if t == 'heading': blocks.append({'t': 'heading', 'level': int(b.get('level')), 'text': text(b)})
    elif t == 'list': blocks.append({'t': 'list', 'items': [text(i) for i in b]})
    elif t == 'table': blocks.append({'t': 'table', 'rows': [[text(c) for c in r] for r in b]})
    else: blocks.append({'t': t, 'text': text(b)})
print(json.dumps({'types': types, 'links': links, 'blocks': blocks}))
"""#

    struct Parsed {
        var types: [String: Int]
        var links: [String]
        var blocks: [[String: Any]]
        func headings(_ level: Int) -> [String] {
            blocks.filter { $0["t"] as? String == "heading" && $0["level"] as? Int == level }.compactMap { $0["text"] as? String }
        }
        var items: [String] { blocks.compactMap { $0["items"] as? [String] }.flatMap { $0 } }
        /// The rows of the tables (cmark-gfm only), the header row first.
        var tables: [[[String]]] { blocks.compactMap { $0["rows"] as? [[String]] } }
    }

    /// The document as CommonMark (`cmark`) reads it, or with `gfm` as GitHub's
    /// dialect (`cmark-gfm -e table`), which has tables.
    static func parse(_ markdown: String, gfm: Bool = false) throws -> Parsed? {
        guard let cmark = Tool.require(gfm ? "cmark-gfm" : "cmark") else { return nil }
        let xml = try Tool.run(cmark, (gfm ? ["-e", "table"] : []) + ["--to", "xml"], input: Data(markdown.utf8))
        #expect(xml.status == 0)
        guard let json = try Tool.python(reader, [], input: xml.stdout) as? [String: Any] else { return nil }
        return Parsed(types: json["types"] as? [String: Int] ?? [:], links: json["links"] as? [String] ?? [],
                      blocks: json["blocks"] as? [[String: Any]] ?? [])
    }

    @Test func hostileNotesStayTextAndTheStructureIsExact() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let markdown = try Exporter.markdown(doc, Fixture.settings())
        guard let parsed = try Self.parse(markdown) else { return }

        // No markup of any kind except what the template writes: headings,
        // lists, paragraphs, line breaks and the one safe link.
        for forbidden in ["html_block", "html_inline", "code", "code_block", "emph", "image",
                          "block_quote", "thematic_break"] {
            #expect(parsed.types[forbidden] == nil, "cmark found \(forbidden) nodes")
        }
        // The template's own bold labels on the front page, and nothing a note wrote.
        #expect(parsed.types["strong"] == 3)
        #expect(parsed.links == ["https://www.kk.example/nyheder/raadet"])

        // Exactly the intended headings.
        #expect(parsed.headings(1).count == 1)
        #expect(parsed.headings(2) == ["Hvad kræver finansiering, og hvad kan sættes i gang nu?", "Hvem skal handle?",
                                       "Hvad blev sagt under hvert hovedprincip", "Organisationer og deltagere",
                                       "Links og bilag", "Bilag: bordenes notater"])
        #expect(parsed.headings(3).count == doc.principles.count + doc.tables.count)
        // No empty sections: a table's principle is there only when the table said or voted something.
        let expectedH4 = doc.principles.reduce(0) { $0 + $1.highlights.count }
            + doc.tables.reduce(0) { $0 + $1.principles.filter { !$0.kinds.isEmpty || !$0.initiatives.isEmpty || $0.agreement.total > 0 }.count }
        #expect(parsed.headings(4).count == expectedH4)
        #expect(!markdown.contains("Ingen notater"))
        #expect(parsed.headings(3).contains { $0.hasPrefix("1. Vi vil skabe et rummeligt") })

        // Each principle's notes worth reading of one kind are one list of that many items.
        for principle in doc.principles {
            for group in principle.highlights {
                let heading = "\(group.label) (\(group.notes.count))"
                let index = parsed.blocks.firstIndex { ($0["text"] as? String) == heading && ($0["level"] as? Int) == 4 }
                guard let index, index + 1 < parsed.blocks.count else {
                    Issue.record("no heading \(heading) under principle \(principle.number)"); continue
                }
                #expect((parsed.blocks[index + 1]["items"] as? [String])?.count == group.notes.count)
            }
        }

        // Each hostile note comes back as the text it was, line by line, inside one
        // list item of the appendix (a quote between »«).
        let kinds = NoteKind.allCases.filter { $0 != .initiative }
        for (i, note) in Fixture.hostileNotes.enumerated() {
            var expected = MarkdownEscape.lines(note).joined(separator: "\n")
            if kinds[i % 5] == .quote { expected = "»" + expected + "«" }
            #expect(parsed.items.contains { $0 == expected || $0.hasPrefix(expected + " (") }, "note not intact: \(expected)")
        }
        // The merged initiative keeps its markup characters as text, in the appendix of both its tables.
        let merged = doc.initiatives[0]
        #expect(parsed.items.filter { $0.hasPrefix("Nr. \(merged.rank): **Fælles** indkøbspulje for <b>socialøkonomiske</b> leverandører — 9 prikker; kræver finansiering; ansvarlig: Københavns Kommune; horisont: 2025") }.count == 1)
        #expect(parsed.items.filter { $0.hasPrefix("Nr. \(merged.rank): **fælles**") && $0.contains("INDKØBSPULJE") }.count == 1)

        // GitHub's dialect reads the funding table: a header and one row per initiative, in number order.
        guard let gfm = try Self.parse(markdown, gfm: true) else { return }
        #expect(gfm.types["html_block"] == nil && gfm.types["html_inline"] == nil && gfm.types["emph"] == nil)
        let table = gfm.tables.first ?? []
        #expect(gfm.tables.count == 1)
        #expect(table.first == ["Nr.", "Indsats", "Prikker", "Borde", "Finansiering", "Ansvarlig", "Horisont"])
        let tableOrder: [String?] = doc.funding.flatMap { $0.initiatives.map { String($0.rank) } }
        #expect(table.dropFirst().map { $0.first } == tableOrder)
        #expect(table.dropFirst().allSatisfy { $0.count == 7 })
        let mergedRow = table.first { $0.first == String(merged.rank) }
        #expect(mergedRow == [String(merged.rank), Fixture.mergedInitiativeTable1, "13", "2\u{A0}af\u{A0}4",
                              "Kræver finansiering", "Københavns Kommune", "2025"])
        // The table cell with a pipe, a line break and a formula is one cell, as written.
        #expect(table.contains { $0[1] == "=HYPERLINK(\"http://evil\") 1. *Delegation* | fra Barcelona" && $0[5] == "Selveje Danmark <admin@x>" })
        // The javascript: link is shown as text, never linked.
        #expect(parsed.items.contains { $0 == "Farligt link: javascript:alert(1)" })
        // No raw control characters reach the file.
        #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // No line ends in spaces (a hard break nobody asked for).
        #expect(!markdown.components(separatedBy: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func escapingHoldsForEveryPunctuationAtEveryPosition() throws {
        // Each ASCII punctuation character alone, at a line start, doubled, and
        // around a word: the paragraph cmark reads back is the text itself.
        var texts: [String] = []
        for scalar in (0x21...0x7E).compactMap(Unicode.Scalar.init) where !CharacterSet.alphanumerics.contains(scalar) {
            let c = String(scalar)
            texts += [c, c + c + c, c + "ord" + c, "1" + c + " ord", c + " ord", "ord " + c + c + " ord",
                      "Ø" + c + "å", "123456789" + c + " æble", "ÆØÅ " + c + " æøå" + c]
        }
        let markdown = texts.map { "- " + MarkdownEscape.block($0) }.joined(separator: "\n") + "\n"
        guard let parsed = try Self.parse(markdown) else { return }
        #expect(parsed.blocks.count == 1)
        #expect(parsed.items == texts)
    }

    @Test func englishHarvestHasEnglishHeadings() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let markdown = try Exporter.markdown(try fixture.document(language: .en), Fixture.settings(.en))
        guard let parsed = try Self.parse(markdown) else { return }
        #expect(parsed.headings(2) == ["What needs funding, and what can start now?", "Who is to act?",
                                       "What was said under each principle", "Organisations and participants",
                                       "Links and attachments", "Appendix: the tables' notes"])
    }
}
