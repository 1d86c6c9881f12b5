import Foundation
import RundbordCore

/// The decision makers' brief (`--format brief`, `brief-txt`) and the
/// owners' mails (`--format owner-mails`): the same harvest, written for
/// other readers.
extension Exporter {
    /// The context of the brief: the harvest's, plus the initiatives that
    /// need a political decision (`political`, `hasPolitical`).
    static func briefContext(_ doc: HarvestDocument, _ flavour: HarvestContext.Flavour, _ settings: ExportSettings) -> [String: Any] {
        var context = HarvestContext.make(doc, flavour, width: settings.width)
        let numbered = (context["numbered"] as? ContextList)?.compactMap { $0 as? [String: Any] } ?? []
        // By number (the ranking), not in the funding table's order.
        let political = numbered.filter { $0["political"] as? Bool == true }
            .sorted { ($0["rank"] as? Int ?? 0) < ($1["rank"] as? Int ?? 0) }
        context["political"] = political
        context["hasPolitical"] = !political.isEmpty
        return context
    }

    /// The brief as CommonMark: at most two printed pages.
    public static func brief(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> String {
        tidy(try settings.templates.render("brief", "md", context: briefContext(doc, .markdown, settings)))
    }

    /// The brief as print text, paginated as the harvest's print text is.
    public static func briefText(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> String {
        let text = try settings.templates.render("brief", "txt", context: briefContext(doc, .text, settings))
        let lines = TextLayout.wrap(tidy(text), width: settings.width).map(TextLayout.breakable)
        let lang = settings.templates.language
        return TextLayout.paginate(lines, title: doc.event.title, width: settings.width,
                                   linesPerPage: settings.linesPerPage,
                                   footer: { HarvestText.pageFooter.text(lang, $0, $1) })
    }

    /// One draft (`.eml`, `X-Unsent: 1`) per owner, in the order of their
    /// best-ranked initiative: the initiatives they are asked to carry, the
    /// next steps, the harvest attached. No `To:`: the organiser fills in the
    /// owner's address in the mail program. File names "01 Til Jobcentret.eml".
    public static func ownerMails(_ doc: HarvestDocument, _ settings: ExportSettings) throws(RundbordError) -> [(name: String, data: Data)] {
        let from = try sender(doc)
        let lang = settings.templates.language
        guard !doc.owners.isEmpty else { return [] }
        let files = harvestFileNames(doc, lang)
        let harvest: MailMessage.Attachment
        if let pdf = settings.pdf {
            harvest = .init(fileName: files.pdf, contentType: "application/pdf", data: try pdf())
        } else {
            harvest = .init(fileName: files.md, contentType: "text/markdown; charset=utf-8", data: Data(try markdown(doc, settings).utf8))
        }
        let base = HarvestContext.make(doc, .text)
        let owners = base["owners"] as? [[String: Any]] ?? []
        let digits = max(2, String(owners.count).count)
        var out: [(name: String, data: Data)] = []
        for (n, owner) in owners.enumerated() {
            var context = base
            context.merge(owner) { _, new in new }
            let text = try settings.templates.render("owner-mail", "txt", context: context)
            let body = MailFlow.lines(String(tidy(text).dropLast()), width: min(settings.width, ExportSettings.mailWidth))
                .joined(separator: "\n") + "\n"
            let name = Sanitize.line(doc.owners[n].owner)
            var message = MailMessage(
                from: from, to: [], bcc: [],
                subject: MailText.ownerSubject.text(lang, Sanitize.line(doc.event.title)), date: doc.generatedAt,
                messageId: messageId(from, ExportSettings(templates: settings.templates)), body: body,
                attachments: [harvest], boundary: boundary(settings))
            message.flowed = true
            let number = String(repeating: "0", count: digits - String(n + 1).count) + String(n + 1)
            out.append((number + " " + fileName(MailText.ownerFileName.text(lang, name)) + ".eml", message.render()))
        }
        return out
    }

    /// A file name from user text: no folder separators, no controls, no
    /// leading dot, at most 80 characters.
    static func fileName(_ text: String) -> String {
        var name = Sanitize.line(text).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "\\", with: "-")
        while name.hasPrefix(".") { name.removeFirst() }
        return String(name.prefix(80)).trimmingCharacters(in: .whitespaces)
    }

    /// Writes each file into `folder` (created owner-only when missing), each
    /// file written whole or not at all and readable by its owner only.
    public static func writeFolder(_ files: [(name: String, data: Data)], to folder: String) throws(RundbordError) {
        if !FileManager.default.fileExists(atPath: folder) {
            guard mkdir(folder, 0o700) == 0 else {
                throw RundbordError(HarvestText.writeCannotCreate, [folder, String(cString: strerror(errno))], exit: .cantCreate)
            }
        }
        for file in files {
            try AtomicFile.write(file.data, to: URL(fileURLWithPath: folder).appendingPathComponent(file.name).path)
        }
    }
}

/// The formats written for other readers than the harvest's: the decision
/// makers' brief and the owners' mails (not on the harvest screen, whose
/// formats are `ExportFormat`).
public enum ReaderFormat: String, Sendable, CaseIterable {
    /// The brief as CommonMark.
    case brief
    /// The brief as print text.
    case briefText = "brief-txt"
    /// The brief typeset as an A4 PDF (by rundbord-pdf).
    case briefPDF = "brief-pdf"
    /// One mail draft per owner, into a folder.
    case ownerMails = "owner-mails"

    /// Where it goes by default: `raadhus.brief.md`, `raadhus.brief.txt`, `raadhus.brief.pdf`, the folder `raadhus.owner-mails`.
    public func defaultOutput(eventFile: String, language: Language = .da) -> String {
        let ext: String = switch self {
        case .brief: "brief.md"
        case .briefText: "brief.txt"
        case .briefPDF: "brief.pdf"
        case .ownerMails: "owner-mails"
        }
        return ExportFormat.defaultOutput(eventFile: eventFile, fileExtension: ext, language: language)
    }
}
