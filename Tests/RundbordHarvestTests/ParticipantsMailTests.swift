import Foundation
import Testing
import RundbordCore
import RundbordPDF
@testable import RundbordHarvest

/// The participants' mail of the realistic evening, read back by Python's
/// `email` package as a mail program would: a draft to send, the initiatives
/// by name under their funding, links whole, the PDF attached.
@Suite struct ParticipantsMailTests {
    /// Reads the message; the body is also "unflowed" (RFC 3676: space-stuffing
    /// removed, soft-broken lines joined) as a program that knows format=flowed shows it.
    static let reader = #"""
import sys, json, email, email.policy
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
strict = email.message_from_bytes(raw, policy=email.policy.strict)
body = msg.get_body(preferencelist=('plain',))
text = body.get_payload(decode=True).decode(body.get_content_charset())
lines = text.split('\r\n')
flowed = []
joining = False
for line in lines:
    if line.startswith(' '): line = line[1:]
    if joining: flowed[-1] += line
    else: flowed.append(line)
    joining = line.endswith(' ') and line != ' '
parts = [{'type': p.get_content_type(), 'filename': p.get_filename(), 'size': len(p.get_payload(decode=True))}
         for p in msg.walk() if not p.is_multipart()]
print(json.dumps({
    'defects': [str(d) for p in msg.walk() for d in p.defects] + [str(d) for p in strict.walk() for d in p.defects],
    'to': [a.addr_spec for a in msg['To'].addresses],
    'bcc': [a.addr_spec for a in msg['Bcc'].addresses] if msg['Bcc'] else [],
    'unsent': msg['X-Unsent'], 'format': body.get_param('format'), 'delsp': body.get_param('delsp'),
    'lines': lines, 'flowed': '\n'.join(flowed), 'parts': parts,
    'max_line': max(len(l) for l in raw.split(b'\r\n')),
    'non_ascii': any(b > 127 for b in raw),
    'idna': 'kø-kooperativ.dk'.encode('idna').decode(),
}))
"""#

    static func read(_ data: Data, in directory: URL) throws -> [String: Any]? {
        let file = directory.appendingPathComponent("mail-\(UUID().uuidString).eml")
        try data.write(to: file)
        return try Tool.python(reader, [file.path]) as? [String: Any]
    }

    static func settings(_ language: Language) -> ExportSettings {
        var settings = ExportSettings(templates: HarvestTemplates(library: .init(), language: language),
                                      messageId: "fast-id@kk.example", boundary: "=_rundbord_test_boundary")
        settings.extraRecipients = ["raadet@kø-kooperativ.dk"]
        return settings
    }

    @Test(arguments: [Language.da, .en])
    func theMailListsEveryInitiativeByNameUnderItsFundingWithLinksWhole(language: Language) throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        // A participant whose organisation's domain has an ø.
        var people = try fixture.store.participants()
        people[0].email = "kontakt@kø-kooperativ.dk"
        try fixture.store.save(participants: people)
        let doc = try fixture.document(language: language)
        var settings = Self.settings(language)
        let pdf = try HarvestPDF.render(doc)
        settings.pdf = { () throws(RundbordError) -> Data in pdf }
        let data = try Exporter.render(doc, .eml, settings: settings)
        guard let mail = try Self.read(data, in: fixture.directory) else { return }

        #expect(mail["defects"] as? [String] == [])
        #expect(mail["unsent"] as? String == "1")
        #expect(mail["format"] as? String == "flowed")
        #expect(mail["delsp"] as? String == "no")
        #expect((mail["max_line"] as? Int ?? 999) <= 78)
        #expect(mail["non_ascii"] as? Bool == false)
        // To: the organiser and the extra recipient, the domain in the same IDNA form Python writes.
        let idna = try #require(mail["idna"] as? String)
        #expect(idna.hasPrefix("xn--"))
        #expect(mail["to"] as? [String] == ["mette.kirkegaard@kk.example", "raadet@" + idna])
        let bcc = mail["bcc"] as? [String] ?? []
        #expect(bcc.contains("kontakt@" + idna))
        #expect(bcc.count == doc.recipients.count)

        // Every link whole on a line of the decoded body, however long.
        let lines = mail["lines"] as? [String] ?? []
        #expect(doc.event.links.count == 2)
        for link in doc.event.links {
            #expect(lines.contains { $0.contains(link.url) }, "the link \(link.url) is broken")
        }
        // No line is wider than the mail's width but one that is a single word (a link).
        for line in lines where DisplayWidth.of(line) > ExportSettings.mailWidth + 1 {
            #expect(line.split(separator: " ").count <= 2, "\(line)")
        }

        // Read as flowed: the thanks, the key messages, every initiative by
        // name under its funding heading, the next steps, the contact.
        let text = mail["flowed"] as? String ?? ""
        #expect(text.contains(language == .da ? "Tak for jeres aktive deltagelse" : "Thank you for taking part"))
        #expect(text.contains(language == .da ? "6. november 2024" : "6 November 2024"))
        #expect(!doc.keyMessages.isEmpty)
        for message in doc.keyMessages { #expect(text.contains("- " + message), "\(message)") }
        #expect(doc.initiatives.count > 8)
        for section in doc.funding where !section.initiatives.isEmpty {
            let heading = try #require(text.range(of: "\n" + section.label + ":\n"), "\(section.label)")
            let rest = text[heading.upperBound...]
            let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
            let block = rest[..<end]
            for i in section.initiatives {
                #expect(block.contains((language == .da ? "Nr. " : "No. ") + "\(i.rank): " + Sanitize.line(i.text)),
                        "Nr. \(i.rank) is not under \(section.label)")
            }
        }
        if language == .da {
            #expect(doc.funding.map(\.label) == ["Kræver finansiering", "Kan sættes i gang nu", "Uafklaret"])
        }
        for paragraph in doc.event.nextSteps.components(separatedBy: "\n\n") {
            #expect(text.contains(paragraph), "\(paragraph)")
        }
        #expect(text.contains("mette.kirkegaard@kk.example"))
        // The harvest attached as the PDF, with the print text.
        let parts = mail["parts"] as? [[String: Any]] ?? []
        #expect(parts.dropFirst().first?["type"] as? String == "application/pdf")
        #expect(parts.dropFirst().first?["size"] as? Int == pdf.count)
        #expect(text.contains((parts.dropFirst().first?["filename"] as? String) ?? "?"))
    }

    @Test func theBodyIsFlowedAndALongLinkIsNeverSplit() {
        let url = "https://www.kk.example/" + String(repeating: "meget-lang-sti/", count: 8) + "side?x=1&y=2"
        let text = "- Nyhed om rundbordssamtalerne, med en lang titel der fylder linjen: " + url + "\n\nKort linje."
        let lines = MailFlow.lines(text, width: 72)
        #expect(lines.contains(url))
        #expect(lines.dropLast(3).allSatisfy { $0.hasSuffix(" ") })
        #expect(lines.filter { $0 != url }.allSatisfy { DisplayWidth.of($0) <= 73 })
        #expect(MailFlow.unflowed(lines.joined(separator: "\n")) == text)
        // A line that starts with "From " or ">" is space-stuffed.
        #expect(MailFlow.lines("From hjertet\n> citat", width: 72) == [" From hjertet", " > citat"])
    }

    @Test func aDomainWithDanishLettersIsWrittenInIDNAFormAndABadOneIsRefused() throws {
        #expect(IDNA.asciiAddress("kontakt@kø.dk") == "kontakt@xn--k-5ga.dk")
        #expect(IDNA.asciiAddress("Kontakt@Æblegård.DK")?.hasPrefix("Kontakt@xn--") == true)
        #expect(IDNA.asciiAddress("anne@example.dk") == "anne@example.dk")
        #expect(IDNA.asciiAddress("lærke@kø.dk") == nil)
        #expect(IDNA.asciiAddress("x@-ø-.dk") == nil)
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        var settings = Self.settings(.da)
        settings.extraRecipients = ["ikke en adresse"]
        let error = caught { _ = try Exporter.render(try fixture.document(), .eml, settings: settings) }
        #expect(error?.exitCode == .usage)
    }

    @Test func theMailsStringsAreInBothLanguages() {
        #expect(Catalogue.problems(MailText.self) == [])
    }

    @Test func anAttachmentListedWithoutAFileIsFlaggedBeforeTheMailIsWritten() throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let warnings = Exporter.mailWarnings(doc, language: .da)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("Bilag 1: Visionspapir") == true)
        #expect(Exporter.mailWarnings(doc, language: .en).first?.hasPrefix("warning:") == true)
    }
}
