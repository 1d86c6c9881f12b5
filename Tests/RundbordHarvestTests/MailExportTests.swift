import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// The follow-up mail read back by Python's `email` package.
@Suite struct MailExportTests {
    static let reader = #"""
import sys, json, email, email.policy
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
strict = email.message_from_bytes(raw, policy=email.policy.strict)
parts = []
for part in msg.walk():
    if part.is_multipart(): continue
    payload = part.get_payload(decode=True)
    parts.append({'type': part.get_content_type(), 'charset': part.get_content_charset(),
                  'filename': part.get_filename(), 'disposition': part.get_content_disposition(),
                  'size': len(payload),
                  'text': payload.decode(part.get_content_charset() or 'latin-1', 'replace') if part.get_content_maintype() == 'text' else None})
lines = raw.split(b'\r\n')
header_block = raw.split(b'\r\n\r\n', 1)[0].split(b'\r\n')
print(json.dumps({
    'keys': [k.lower() for k in msg.keys()],
    'from': str(msg['From']), 'from_addresses': [a.addr_spec for a in msg['From'].addresses],
    'from_name': msg['From'].addresses[0].display_name,
    'to': [a.addr_spec for a in msg['To'].addresses],
    'bcc': [a.addr_spec for a in msg['Bcc'].addresses] if msg['Bcc'] else [],
    'subject': str(msg['Subject']), 'date': str(msg['Date']), 'message_id': str(msg['Message-ID']),
    'mime': str(msg['MIME-Version']), 'type': msg.get_content_type(),
    'defects': [str(d) for d in msg.defects] + [str(d) for p in msg.walk() for d in p.defects],
    'parts': parts,
    'max_line': max(len(l) for l in lines),
    'max_header_line': max(len(l) for l in header_block),
    'bare_lf': raw.replace(b'\r\n', b'').count(b'\n'),
    'non_ascii': any(b > 127 for b in raw),
}))
"""#

    /// A display name with runs of white space as one space. Python's parser
    /// shows the white space between two encoded-words of a display name as
    /// an extra space (it does the same to headers Python itself writes),
    /// where RFC 2047 says to drop it; subjects it decodes exactly.
    static func collapsed(_ value: Any?) -> String? {
        (value as? String).map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
    }

    static func read(_ data: Data, in directory: URL) throws -> [String: Any]? {
        let file = directory.appendingPathComponent("mail-\(UUID().uuidString).eml")
        try data.write(to: file)
        return try Tool.python(reader, [file.path]) as? [String: Any]
    }

    @Test func theMailIsAStandardMessageWithBccSubjectBodyAndAttachments() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()
        let data = try Exporter.render(doc, .eml, settings: Fixture.settings())
        guard let mail = try Self.read(data, in: fixture.directory) else { return }

        // Headers: exactly these, once each; the injected "Bcc:" in names is only text.
        let keys = mail["keys"] as? [String] ?? []
        #expect(keys.sorted() == ["bcc", "content-type", "date", "from", "message-id", "mime-version", "subject", "to", "x-unsent"])
        #expect(mail["from_addresses"] as? [String] == ["okf@kk.example"])
        #expect(Self.collapsed(mail["from_name"]) == "Økonomiforvaltningen Bcc: evil@attacker.example")
        #expect(mail["to"] as? [String] == ["okf@kk.example"])
        // Every participant with a valid address, once (ANNE@ is Anne again), none invented.
        #expect(mail["bcc"] as? [String] == ["anne@example.dk", "bo@example.dk", "mallory@example.com"])
        #expect(mail["subject"] as? String == "Tak for jeres deltagelse – opsamling fra Fælles Værdier, Fælles Vækst – rundbordssamtaler")
        #expect(mail["message_id"] as? String == "<fixed-id@kk.example>")
        #expect(mail["mime"] as? String == "1.0")
        #expect(mail["type"] as? String == "multipart/mixed")
        #expect((mail["date"] as? String)?.hasSuffix("+0000") == true)
        #expect(mail["defects"] as? [String] == [])
        // RFC 5322 line limits, CRLF only, and 7-bit on the wire (everything else is encoded).
        #expect((mail["max_header_line"] as? Int ?? 999) <= 78)
        #expect((mail["max_line"] as? Int ?? 999) <= 78)
        #expect(mail["bare_lf"] as? Int == 0)
        #expect(mail["non_ascii"] as? Bool == false)

        let parts = mail["parts"] as? [[String: Any]] ?? []
        #expect(parts.count == 4)
        let body = parts.first
        #expect(body?["type"] as? String == "text/plain")
        #expect(body?["charset"] as? String == "utf-8")
        #expect(body?["disposition"] == nil || body?["disposition"] is NSNull)
        let text = body?["text"] as? String ?? ""
        // Thanks, the news link, the top initiatives with funding, the next steps.
        for needle in ["Tak for jeres aktive deltagelse", "https://www.kk.example/nyheder/raadet",
                       "Nr. 1: **Fælles** indkøbspulje", "Kræver finansiering:\r\n- Nr.",
                       "Kan sættes i gang nu:\r\n- Nr.", "NÆSTE SKRIDT", "Sagen forventes forelagt for ØU primo 2025.",
                       "Bilag 1: Visionspapir (Visionspapir – Fælles Værdier.pdf)"] {
            #expect(text.contains(needle), "the body lacks \(needle)")
        }
        #expect(!text.contains(Fixture.unnamed))
        // The body as exported on its own (--format mailtext) is the same text.
        let mailtext = String(decoding: try Exporter.render(doc, .mailtext, settings: Fixture.settings()), as: UTF8.self)
        #expect(text.replacingOccurrences(of: "\r\n", with: "\n") == mailtext)
        // format=flowed: a wrapped line ends in the space of its soft break.
        #expect(mailtext.components(separatedBy: "\n").allSatisfy { DisplayWidth.of(TextLayout.trimTrailing($0)) <= ExportSettings.mailWidth })

        let files = parts.dropFirst().compactMap { $0["filename"] as? String }
        #expect(files == ["Opsamling - Fælles Værdier, Fælles Vækst – rundbordssamtaler.md",
                          "Opsamling - Fælles Værdier, Fælles Vækst – rundbordssamtaler.txt",
                          "Visionspapir – Fælles Værdier.pdf"])
        #expect(parts.dropFirst().allSatisfy { $0["disposition"] as? String == "attachment" })
        #expect(parts[1]["text"] as? String == (try Exporter.markdown(doc, Fixture.settings())))
        #expect(parts[2]["text"] as? String == (try Exporter.printText(doc, Fixture.settings())))
        #expect(parts[3]["type"] as? String == "application/pdf")
        let paper = try Data(contentsOf: URL(fileURLWithPath: doc.event.attachments[0].path!))
        #expect(parts[3]["size"] as? Int == paper.count)
    }

    @Test func newlinesInNamesSubjectAndAddressesNeverMakeAHeader() throws {
        let from = MailMessage.Address(name: "X\r\nBcc: evil@x.example", email: "a@b.example")
        let message = MailMessage(
            from: from, to: [MailMessage.Address(name: "Ærlig \"Navn\"\nCc: evil@x.example", email: "c@d.example\r\nBcc: e@f.example")],
            bcc: ["g@h.example\nX-Evil: 1"], subject: "Emne\r\nBcc: evil@x.example\r\n\r\nkrop", date: Date(timeIntervalSince1970: 0),
            messageId: "id@x\r\nBcc: evil@x.example", body: "Hej\r\n.\r\nFrom me", attachments: [
                .init(fileName: "a\r\nContent-Type: text/html.md", contentType: "text/plain", data: Data("x".utf8)),
            ], boundary: "=_b")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let mail = try Self.read(message.render(), in: dir) else { return }
        #expect((mail["keys"] as? [String] ?? []).sorted() == ["bcc", "content-type", "date", "from", "message-id", "mime-version", "subject", "to", "x-unsent"])
        #expect(mail["from_name"] as? String == "X Bcc: evil@x.example")
        #expect(mail["subject"] as? String == "Emne Bcc: evil@x.example krop")
        let parts = mail["parts"] as? [[String: Any]] ?? []
        #expect(parts.count == 2)
        #expect(parts.first?["text"] as? String == "Hej\r\n.\r\nFrom me")
        #expect(parts.last?["filename"] as? String == "a Content-Type: text/html.md")
    }

    @Test func longNonASCIISubjectsAndNamesAreEncodedWordsThatDecodeBack() throws {
        let subject = String(repeating: "Æblegrød og rødgrød med fløde – ", count: 6) + "🎉 中文"
        let message = MailMessage(from: .init(name: String(repeating: "Østerbro Kooperativ ", count: 5), email: "a@b.example"),
                                  to: [.init(name: "", email: "a@b.example")], bcc: (1...40).map { "deltager\($0)@example.dk" },
                                  subject: subject, date: Date(), messageId: "x@b.example", body: String(repeating: "å", count: 500),
                                  attachments: [], boundary: "=_b")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let mail = try Self.read(message.render(), in: dir) else { return }
        #expect(mail["subject"] as? String == subject)
        #expect(Self.collapsed(mail["from_name"]) == String(repeating: "Østerbro Kooperativ ", count: 5).trimmingCharacters(in: .whitespaces))
        #expect((mail["bcc"] as? [String])?.count == 40)
        #expect((mail["max_line"] as? Int ?? 999) <= 78)
        #expect(mail["defects"] as? [String] == [])
        #expect((mail["parts"] as? [[String: Any]])?.first?["text"] as? String == String(repeating: "å", count: 500))
    }

    @Test func aMailNeedsASenderAndAnExistingAttachment() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        var event = try fixture.store.event()
        event.organiserEmail = ""
        try fixture.store.save(event: event)
        #expect(throws: RundbordError.self) { try Exporter.render(try fixture.document(), .eml, settings: Fixture.settings()) }
        event.organiserEmail = "okf@kk.example"
        event.attachments = [EventAttachment(name: "Bilag 1", path: "/nonexistent/visionspapir.pdf")]
        try fixture.store.save(event: event)
        let doc = try fixture.document()
        let error = caught { _ = try Exporter.render(doc, .eml, settings: Fixture.settings()) }
        #expect(error?.exitCode == .noInput)
        #expect(error?.message(.en).contains("/nonexistent/visionspapir.pdf") == true)
    }
}
