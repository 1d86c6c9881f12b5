import Foundation
import RundbordCore

/// The export formats of the harvest.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// CommonMark.
    case md
    /// Print-ready paginated text.
    case txt
    /// The harvest typeset as an A4 PDF (by rundbord-pdf: `ExportSettings.withPDF`).
    case pdf
    /// The follow-up mail as an RFC 5322 message.
    case eml
    /// The follow-up mail's body as plain text.
    case mailtext
    /// The notes as CSV.
    case csv
    /// The ranked initiatives as CSV.
    case initiativesCSV = "initiatives-csv"
    case json

    /// What of the harvest the format renders (the notes CSV needs no ranking).
    public var harvestParts: HarvestParts {
        self == .csv ? .notes : .all
    }

    /// The file name extension of the format.
    public var fileExtension: String {
        switch self {
        case .md: "md"
        case .txt: "txt"
        case .pdf: "pdf"
        case .eml: "eml"
        case .mailtext: "mail.txt"
        case .csv: "csv"
        case .initiativesCSV: "initiatives.csv"
        case .json: "json"
        }
    }
}

/// Layout and mail settings that are not part of the harvest itself.
public struct ExportSettings: Sendable {
    /// Columns of print text and of the mail body.
    public var width: Int
    /// Lines per printed page (66 = A4 with paps at 8.5 pt or enscript -L 66, see docs/TEMPLATES-HARVEST.md).
    public var linesPerPage: Int
    /// CSV for Danish Excel.
    public var excel: Bool
    public var templates: HarvestTemplates
    /// The mail's Message-ID (without angle brackets); a fresh one by default.
    public var messageId: String?
    /// The MIME boundary; a fresh one by default.
    public var boundary: String?
    /// The typeset PDF of the harvest, when it can be made (`rundbord` runs
    /// rundbord-pdf for it): the mail attaches it instead of the Markdown.
    public var pdf: (@Sendable () throws(RundbordError) -> Data)?
    /// Recipients of the mail (To:) besides the organiser (`--to`).
    public var extraRecipients: [String] = []

    public static let defaultWidth = 80
    public static let mailWidth = 72
    public static let defaultLinesPerPage = 66

    public init(width: Int = ExportSettings.defaultWidth, linesPerPage: Int = ExportSettings.defaultLinesPerPage,
                excel: Bool = false, templates: HarvestTemplates, messageId: String? = nil, boundary: String? = nil) {
        self.width = width; self.linesPerPage = linesPerPage; self.excel = excel
        self.templates = templates; self.messageId = messageId; self.boundary = boundary
    }
}

/// Renders a harvest document in each format and writes it safely.
public enum Exporter {
    public static func render(_ doc: HarvestDocument, _ format: ExportFormat, settings: ExportSettings) throws(RundbordError) -> Data {
        switch format {
        case .md: return Data(try markdown(doc, settings).utf8)
        case .txt: return Data(try printText(doc, settings).utf8)
        case .pdf:
            // Typeset from the event file by rundbord-pdf, which builds the same document.
            guard let pdf = settings.pdf else { throw RundbordError(PDFText.helperMissing, [CommandLine.arguments[0]], exit: .unavailable) }
            return try pdf()
        case .mailtext: return Data(try mailBody(doc, settings).utf8)
        case .eml: return try mail(doc, settings).render()
        case .csv: return doc.notesCSV(excel: settings.excel)
        case .initiativesCSV: return doc.initiativesCSV(excel: settings.excel)
        case .json: return doc.json()
        }
    }

    /// Writes `data` to `path` atomically, or to standard output when `path` is "-".
    public static func write(_ data: Data, to path: String) throws(RundbordError) {
        if path == "-" {
            do { try FileHandle.standardOutput.write(contentsOf: data) } catch {
                throw RundbordError(HarvestText.writeFailed, ["-", "\(error)"], exit: .ioError)
            }
            return
        }
        try AtomicFile.write(data, to: path)
    }

    public static func markdown(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> String {
        let text = try settings.templates.render("harvest", "md", context: HarvestContext.make(doc, .markdown))
        return tidy(text)
    }

    /// The Markdown of `markdown`, given to `emit` in pieces of about 64 KiB
    /// as it is rendered and tidied: each principle's section and table's
    /// appendix is made (read from the store, in a `StreamedHarvest`),
    /// rendered and written before the next (`HarvestTemplates.render(emit:)`),
    /// so neither the harvest nor its text is ever whole in memory (issue #16).
    public static func writeMarkdown(_ sections: some HarvestSections, _ settings: ExportSettings,
                                     _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        let failure = ContextFailure()
        let context = HarvestContext.make(sections: sections, .markdown, failure: failure)
        var writer = ChunkWriter()
        try withoutActuallyEscaping(emit) { (emit) throws(RundbordError) in
            var tidy = TidyLines()
            func line(_ text: String) throws(RundbordError) { try writer.line(text, emit) }
            try settings.templates.render("harvest", "md", context: context) { (piece: String) throws(RundbordError) in
                try failure.check()
                try tidy.feed(piece, line)
            }
            try failure.check()
            try tidy.finish(line)
            // Tidy text ends in one newline, also when there is nothing else.
            if !tidy.wroteAny { try writer.line("", emit) }
            try writer.flush(emit)
        }
    }

    /// `tidy(text)` given to `emit` in pieces, the same bytes.
    static func tidy(_ text: String, _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        var tidy = TidyLines()
        var writer = ChunkWriter()
        try tidy.feed(text) { (line: String) throws(RundbordError) in try writer.line(line, emit) }
        try tidy.finish { (line: String) throws(RundbordError) in try writer.line(line, emit) }
        if !tidy.wroteAny { try writer.line("", emit) }
        try writer.flush(emit)
    }

    /// Lines written as UTF-8, each ending in a newline, given away in pieces of about 64 KiB.
    struct ChunkWriter {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1 << 16 + 4096) }

        mutating func line(_ text: String, _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\n"))
            if bytes.count >= 1 << 16 {
                try emit(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }

        mutating func flush(_ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
            if !bytes.isEmpty { try emit(bytes) }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// `text`'s UTF-8 given to `emit` in pieces of 64 KiB, not copied whole.
    public static func write(_ text: String, _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        var start = text.utf8.startIndex
        while start != text.utf8.endIndex {
            let end = text.utf8.index(start, offsetBy: 1 << 16, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
            try emit(Array(text.utf8[start..<end]))
            start = end
        }
    }

    /// The harvest as pages of plain text (see `TextLayout.paginate`).
    public static func printText(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> String {
        let text = try settings.templates.render("harvest", "txt", context: HarvestContext.make(doc, .text, width: settings.width))
        let lines = TextLayout.wrap(tidy(text), width: settings.width).map(TextLayout.breakable)
        let lang = settings.templates.language
        return TextLayout.paginate(lines, title: doc.event.title, width: settings.width,
                                   linesPerPage: settings.linesPerPage,
                                   footer: { HarvestText.pageFooter.text(lang, $0, $1) })
    }

    /// The print text of `printText`, given to `emit` in pieces: rendered,
    /// tidied, wrapped and cut into pages a section at a time, as
    /// `writeMarkdown` renders. Every footer says how many pages there are,
    /// so the pages wait in a scratch file (`ScratchPages`) until the last
    /// is cut, then are written with their headers and footers.
    public static func writePrintText(_ sections: some HarvestSections, _ settings: ExportSettings,
                                      _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        let failure = ContextFailure()
        let context = HarvestContext.make(sections: sections, .text, width: settings.width, failure: failure)
        let scratch = try ScratchPages()
        var paginator = TextLayout.Paginator(linesPerPage: settings.linesPerPage)
        var tidy = TidyLines()
        func page(_ lines: [String]) throws(RundbordError) { try scratch.append(lines) }
        // `wrap(tidy(text)).map(breakable)`, a tidy line at a time.
        func body(_ line: String) throws(RundbordError) {
            for wrapped in TextLayout.wrap(line, width: settings.width) { try paginator.add(TextLayout.breakable(wrapped), page) }
        }
        try settings.templates.render("harvest", "txt", context: context) { (piece: String) throws(RundbordError) in
            try failure.check()
            try tidy.feed(piece, body)
        }
        try failure.check()
        try tidy.finish(body)
        // The tidy text's last newline ends a line of its own for `wrap` (two when it is all there is).
        if !tidy.wroteAny { try body("") }
        try body("")
        try paginator.finish(page)
        let lang = settings.templates.language
        let layout = TextLayout.PageLayout(title: sections.outline.event.title, width: settings.width,
                                           linesPerPage: settings.linesPerPage)
        var out: [UInt8] = []
        try scratch.forEach { (index: Int, lines: [String]) throws(RundbordError) in
            out.append(contentsOf: layout.page(lines, footer: HarvestText.pageFooter.text(lang, index + 1, scratch.count)).utf8)
            // A form feed ends every page but the last (`TextLayout.paginate`).
            out.append(index + 1 < scratch.count ? 0x0C : UInt8(ascii: "\n"))
            if out.count >= 1 << 16 || index + 1 == scratch.count {
                try emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The follow-up mail's body, wrapped for mail as format=flowed text
    /// (`MailFlow`): a link is never broken.
    public static func mailBody(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> String {
        let text = try settings.templates.render("mail", "txt", context: mailContext(doc, settings))
        return MailFlow.lines(String(tidy(text).dropLast()), width: min(settings.width, ExportSettings.mailWidth))
            .joined(separator: "\n") + "\n"
    }

    static func mailContext(_ doc: HarvestDocument, _ settings: ExportSettings) -> [String: Any] {
        let files = harvestFileNames(doc, settings.templates.language)
        return HarvestContext.make(doc, .text, extra: [
            "harvestFileMd": files.md, "harvestFileTxt": files.txt, "harvestFilePdf": files.pdf,
            "hasPdf": settings.pdf != nil,
            "attachedFiles": doc.event.attachments.compactMap(\.fileName).map { ["name": Sanitize.line($0)] },
        ])
    }

    static func harvestFileNames(_ doc: HarvestDocument, _ lang: Language) -> (md: String, txt: String, pdf: String) {
        // A file name from the title: no folder separators, no controls.
        let title = Sanitize.line(doc.event.title).replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: "\\", with: "-")
        let base = HarvestText.harvestFileName.text(lang) + (title.isEmpty ? "" : " - " + String(title.prefix(60)))
        return (base + ".md", base + ".txt", base + ".pdf")
    }

    /// What the organiser should know before a mail is written: attachments
    /// that are listed but have no file (the mail cannot carry them), and
    /// participants' addresses that cannot be written in a mail (left out).
    public static func mailWarnings(_ doc: HarvestDocument, language: Language) -> [String] {
        mailProblems(doc).map {
            switch $0 {
            case .attachmentWithoutFile(let name): MailText.attachmentHasNoFile.text(language, name)
            case .unmailable(let address): MailText.addressUnmailable.text(language, address)
            }
        }
    }

    /// What the mail will not carry: an attachment listed without a file (the
    /// bundled "Bilag 1: Visionspapir" until it is given one), an address no
    /// mail can take. The command line and the harvest screen word them.
    public static func mailProblems(_ doc: HarvestDocument) -> [MailProblem] {
        doc.event.attachments.filter { $0.path == nil }.map { .attachmentWithoutFile(Sanitize.line($0.name)) }
            + doc.recipients.filter { IDNA.asciiAddress($0) == nil }.map { .unmailable($0) }
    }

    /// An address a mail header can carry: valid, and its domain has an ASCII (IDNA) form.
    public static func isMailable(_ address: String) -> Bool {
        EmailAddress.isValid(address) && IDNA.asciiAddress(address) != nil
    }

    /// The organiser as sender, checked: an address a header can carry.
    static func sender(_ doc: HarvestDocument) throws(RundbordError) -> MailMessage.Address {
        let sender = Sanitize.line(doc.event.organiserEmail)
        guard !sender.isEmpty else { throw RundbordError(HarvestText.noSenderEmail, exit: .config) }
        guard isMailable(sender) else {
            throw RundbordError(HarvestText.badSenderEmail, [sender], exit: .dataError)
        }
        return MailMessage.Address(name: doc.event.organiser, email: sender)
    }

    /// A Message-ID under the sender's domain (in its ASCII form).
    static func messageId(_ sender: MailMessage.Address, _ settings: ExportSettings) -> String {
        let domain = sender.email.split(separator: "@").last.flatMap { IDNA.asciiDomain(String($0)) } ?? "rundbord.invalid"
        return settings.messageId ?? "\(UUID().uuidString.lowercased())@\(domain)"
    }

    static func boundary(_ settings: ExportSettings) -> String {
        settings.boundary ?? "=_rb_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
    }

    /// The follow-up mail, a draft to send (`X-Unsent: 1`): from the
    /// organiser, to the organiser and any extra recipients, every participant
    /// with an e-mail address as Bcc, the harvest attached (the PDF when it
    /// can be made, else the Markdown) with the print text, and every
    /// attachment of the event that names a file.
    public static func mail(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> MailMessage {
        let from = try sender(doc)
        var to = [from]
        // The event's own extra recipients (checked when they were written), then any given with --to.
        for extra in doc.event.mailTo + settings.extraRecipients {
            let address = Sanitize.line(extra)
            guard isMailable(address) else {
                throw RundbordError(MailText.badRecipient, [address], exit: .usage)
            }
            if !to.contains(where: { $0.email.lowercased() == address.lowercased() }) { to.append(.init(name: "", email: address)) }
        }
        let subject = try settings.templates.render("mail-subject", "txt", context: mailContext(doc, settings))
        let body = try mailBody(doc, settings)
        let files = harvestFileNames(doc, settings.templates.language)
        // The typeset PDF when there is one (what a council member opens), else the Markdown.
        let harvest: MailMessage.Attachment
        if let pdf = settings.pdf {
            harvest = MailMessage.Attachment(fileName: files.pdf, contentType: "application/pdf", data: try pdf())
        } else {
            harvest = MailMessage.Attachment(fileName: files.md, contentType: "text/markdown; charset=utf-8",
                                             data: Data(try markdown(doc, settings).utf8))
        }
        var attachments = [
            harvest,
            MailMessage.Attachment(fileName: files.txt, contentType: "text/plain; charset=utf-8",
                                   data: Data(try printText(doc, settings).utf8)),
        ]
        for attachment in doc.event.attachments {
            guard let path = attachment.path else { continue }
            guard FileManager.default.fileExists(atPath: path) else {
                throw RundbordError(HarvestText.attachmentMissing, [attachment.name, path], exit: .noInput)
            }
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                attachments.append(.init(fileName: URL(fileURLWithPath: path).lastPathComponent,
                                         contentType: contentType(forPath: path), data: data))
            } catch {
                throw RundbordError(HarvestText.attachmentUnreadable, [attachment.name, path, Localized.reason(error)], exit: .noInput)
            }
        }
        var message = MailMessage(
            from: from, to: to, bcc: doc.recipients.filter { IDNA.asciiAddress($0) != nil },
            subject: subject.trimmingCharacters(in: .whitespacesAndNewlines), date: doc.generatedAt,
            messageId: messageId(from, settings), body: body, attachments: attachments, boundary: boundary(settings))
        message.flowed = true
        return message
    }

    static func contentType(forPath path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        default: "application/octet-stream"
        }
    }

    /// Template output made tidy: no trailing spaces, at most one blank line
    /// in a row, one newline at the end. (Mustache sections leave blank lines
    /// where a section was empty; in Markdown extra blank lines mean nothing.)
    static func tidy(_ text: String) -> String {
        var out: [String] = []
        for line in text.lineParts {
            let trimmed = TextLayout.trimTrailing(String(line))
            if trimmed.isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(trimmed)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Something the follow-up mail will not carry (`Exporter.mailProblems`).
public enum MailProblem: Sendable, Equatable {
    /// An attachment listed without a file: its name.
    case attachmentWithoutFile(String)
    /// A participant's address no mail can carry (left out).
    case unmailable(String)
}
