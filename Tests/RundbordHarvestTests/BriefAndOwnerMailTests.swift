import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// The decision makers' brief and the owners' mails of the realistic evening,
/// read by their real consumers: paps, ps2pdf and pdfinfo; cmark; Python's `email`.
@Suite struct BriefAndOwnerMailTests {
    static func settings(_ language: Language) -> ExportSettings {
        ExportSettings(templates: HarvestTemplates(library: .init(), language: language))
    }

    static let headings: [Language: [String]] = [
        .da: ["HVAD VAR ARRANGEMENTET, OG HVEM DELTOG?", "HVAD KOM DER UD AF DET?",
              "HVAD KRÆVER FINANSIERING, OG HVAD KAN SÆTTES I GANG NU?", "HVAD KRÆVER EN POLITISK BESLUTNING?",
              "HVAD SKER DER NU?"],
        .en: ["WHAT WAS THE EVENT, AND WHO TOOK PART?", "WHAT CAME OUT OF IT?",
              "WHAT NEEDS FUNDING, AND WHAT CAN START NOW?", "WHAT NEEDS A POLITICAL DECISION?", "WHAT HAPPENS NEXT?"],
    ]

    @Test(arguments: Language.allCases)
    func theBriefAnswersInOrderOnAtMostTwoPrintedPages(language: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: language)
        let text = try Exporter.briefText(doc, Self.settings(language))
        let pages = text.components(separatedBy: "\u{0C}")
        #expect(pages.count <= 2, "the brief has \(pages.count) pages")
        #expect(text.contains(HarvestText.pageFooter.text(language, 1, pages.count)))
        // The answers in the issue's order.
        let flat = text.replacingOccurrences(of: "\u{0C}", with: "\n")
        let positions = try Self.headings[language]!.map { try #require(flat.range(of: $0)?.lowerBound, "\($0)") }
        #expect(positions == positions.sorted())
        // Who took part, the key messages, every initiative by number under
        // funding, the political ones, the next steps and the contact.
        let joined = flat.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(joined.contains(language == .da ? "32 deltagere" : "32 participants"))
        for message in doc.keyMessages { #expect(joined.contains(message), "\(message)") }
        let no = language == .da ? "Nr. " : "No. "
        for i in doc.initiatives {
            #expect(joined.contains(no + "\(i.rank): " + Sanitize.line(i.text)), "\(i.rank)")
        }
        let political = doc.initiatives.filter { $0.decision == .political }
        #expect(political.count == 3)
        let politicalSection = String(joined[joined.range(of: Self.headings[language]![3])!.upperBound...])
        for i in political { #expect(politicalSection.contains(no + "\(i.rank): "), "\(i.rank)") }
        // In the ranking's order.
        let places = political.sorted { $0.rank < $1.rank }.compactMap { politicalSection.range(of: no + "\($0.rank): ")?.lowerBound }
        #expect(places == places.sorted() && places.count == political.count)
        if language == .da { #expect(joined.contains("ca. 2.500.000 kr.")) }
        #expect(joined.contains("mette.kirkegaard@kk.example"))

        // Printed as the harvest's text is: paps, ps2pdf, pdfinfo.
        guard let paps = Tool.require("paps"), let ps2pdf = Tool.require("ps2pdf"), let pdfinfo = Tool.require("pdfinfo") else { return }
        let txt = fixture.directory.appendingPathComponent("brief.txt")
        try Data(text.utf8).write(to: txt)
        let ps = try Tool.run(paps, ["--paper=a4", "--font=Monospace 8.5", "--top-margin=24", "--bottom-margin=24", txt.path])
        #expect(ps.status == 0, "\(ps.stderr)")
        let pdf = fixture.directory.appendingPathComponent("brief.pdf").path
        #expect(try Tool.run(ps2pdf, ["-", pdf], input: ps.stdout).status == 0)
        let printed = TextExportTests.pdfPages(try Tool.run(pdfinfo, [pdf]).text)
        #expect(printed != nil && printed! <= 2, "paps printed \(printed ?? -1) pages")
    }

    @Test(arguments: Language.allCases)
    func theMarkdownBriefIsCommonMarkWithTheSameAnswers(language: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: language)
        let markdown = try Exporter.brief(doc, Self.settings(language))
        guard let cmark = Tool.require("cmark") else { return }
        let html = try Tool.run(cmark, ["--to", "html"], input: Data(markdown.utf8)).text
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.components(separatedBy: "<h2>").count == 6)
        for i in doc.initiatives { #expect(html.contains("\(i.rank): "), "\(i.rank)") }
        #expect(!html.contains("{{") && !html.contains("<script"))
        // Printed plainly with paps at its default font, still two pages at most.
        guard let paps = Tool.require("paps"), let ps2pdf = Tool.require("ps2pdf"), let pdfinfo = Tool.require("pdfinfo") else { return }
        let md = fixture.directory.appendingPathComponent("brief.md")
        try Data(markdown.utf8).write(to: md)
        let ps = try Tool.run(paps, ["--paper=a4", "--font=Monospace 8.5", md.path])
        let pdf = fixture.directory.appendingPathComponent("brief-md.pdf").path
        #expect(try Tool.run(ps2pdf, ["-", pdf], input: ps.stdout).status == 0)
        let printed = TextExportTests.pdfPages(try Tool.run(pdfinfo, [pdf]).text)
        #expect(printed != nil && printed! <= 2, "paps printed \(printed ?? -1) pages")
    }

    static let reader = #"""
import sys, json, email, email.policy
out = []
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    strict = email.message_from_bytes(raw, policy=email.policy.strict)
    body = msg.get_body(preferencelist=('plain',))
    text = body.get_payload(decode=True).decode('utf-8')
    flowed, joining = [], False
    for line in text.split('\r\n'):
        if line.startswith(' '): line = line[1:]
        if joining: flowed[-1] += line
        else: flowed.append(line)
        joining = line.endswith(' ') and line != ' '
    out.append({'defects': [str(d) for p in list(msg.walk()) + list(strict.walk()) for d in p.defects],
                'unsent': msg['X-Unsent'], 'to': msg['To'], 'subject': str(msg['Subject']),
                'from': msg['From'].addresses[0].addr_spec, 'text': '\n'.join(flowed),
                'attachments': [p.get_filename() for p in msg.iter_attachments()]})
print(json.dumps(out))
"""#

    @Test func everyOwnerGetsADraftWithTheInitiativesTheyAreAskedToCarry() throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        #expect(doc.owners.count >= 3)
        let files = try Exporter.ownerMails(doc, Self.settings(.da))
        #expect(files.count == doc.owners.count)
        #expect(Set(files.map(\.name)).count == files.count)
        let folder = fixture.directory.appendingPathComponent("raadhus.owner-mails").path
        try Exporter.writeFolder(files, to: folder)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == files.map(\.name).sorted())
        for name in written {
            let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
        #expect(written.first?.hasPrefix("01 Til ") == true)
        guard let mails = try Tool.python(Self.reader, written.map { folder + "/" + $0 }) as? [[String: Any]] else { return }
        #expect(mails.count == doc.owners.count)
        for (mail, owner) in zip(mails, doc.owners) {
            #expect(mail["defects"] as? [String] == [])
            #expect(mail["unsent"] as? String == "1")
            #expect(mail["from"] as? String == "mette.kirkegaard@kk.example")
            let text = mail["text"] as? String ?? ""
            #expect(text.hasPrefix("Til " + owner.owner))
            for i in owner.initiatives { #expect(text.contains("Nr. \(i.rank): " + Sanitize.line(i.text)), "\(owner.owner): \(i.rank)") }
            // Only theirs.
            for other in doc.initiatives where !owner.initiatives.contains(where: { $0.rank == other.rank }) {
                #expect(!text.contains("Nr. \(other.rank): "), "\(owner.owner) got nr. \(other.rank)")
            }
            #expect((mail["attachments"] as? [String])?.count == 1)
        }
    }
}
