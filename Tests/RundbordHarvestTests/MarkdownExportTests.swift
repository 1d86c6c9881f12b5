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
    }

    static func parse(_ markdown: String) throws -> Parsed? {
        guard let cmark = Tool.require("cmark") else { return nil }
        let xml = try Tool.run(cmark, ["--to", "xml"], input: Data(markdown.utf8))
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
        for forbidden in ["html_block", "html_inline", "code", "code_block", "emph", "strong", "image",
                          "block_quote", "thematic_break"] {
            #expect(parsed.types[forbidden] == nil, "cmark found \(forbidden) nodes")
        }
        #expect(parsed.links == ["https://www.kk.example/nyheder/raadet"])

        // Exactly the intended headings.
        #expect(parsed.headings(1).count == 1)
        #expect(parsed.headings(2).count == 9)
        let expectedH3 = doc.funding.count + doc.owners.count + (doc.unowned.isEmpty ? 0 : 1)
            + doc.principles.count + doc.tables.count
        #expect(parsed.headings(3).count == expectedH3)
        let expectedH4 = doc.principles.reduce(0) { $0 + $1.kinds.count + ($1.initiatives.isEmpty ? 0 : 1) }
            + doc.tables.reduce(0) { $0 + $1.principles.count }
        #expect(parsed.headings(4).count == expectedH4)
        #expect(parsed.headings(3).contains { $0.hasPrefix("1. Vi vil skabe et rummeligt") })

        // Every list has the intended number of items: the ranked list one per initiative, ...
        let lists = parsed.blocks.compactMap { $0["items"] as? [String] }
        #expect(lists.first?.count == doc.initiatives.count)
        // ... and each principle's notes of one kind are one list of that many items.
        for principle in doc.principles {
            for group in principle.kinds {
                let heading = "\(group.label) (\(group.notes.count))"
                let index = parsed.blocks.firstIndex { ($0["text"] as? String) == heading && ($0["level"] as? Int) == 4 }
                guard let index, index + 1 < parsed.blocks.count else {
                    Issue.record("no heading \(heading) under principle \(principle.number)"); continue
                }
                #expect((parsed.blocks[index + 1]["items"] as? [String])?.count == group.notes.count)
            }
        }

        // Each hostile note comes back as the text it was, line by line, inside one list item.
        for note in Fixture.hostileNotes {
            let expected = MarkdownEscape.lines(note).joined(separator: "\n")
            #expect(parsed.items.contains { $0.hasPrefix(expected + " (bord") }, "note not intact: \(expected)")
        }
        // The merged initiative keeps its markup characters as text.
        #expect(parsed.items.contains { $0.hasPrefix("Nr. 1: **Fælles** indkøbspulje for <b>socialøkonomiske</b> leverandører — 13 prikker, bord 1 og 3, hovedprincip 2; kræver finansiering; ansvarlig: Københavns Kommune; horisont: 2025") })
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
        #expect(parsed.headings(2).contains("What needs funding, and what can start now?"))
        #expect(parsed.headings(2).contains("Who is to act?"))
        #expect(parsed.headings(2).count == 9)
    }
}
