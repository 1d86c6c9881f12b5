import Foundation
import RundbordCore
import RundbordHarvest

/// The harvest as a typeset PDF: the same `HarvestDocument` the Markdown and
/// text exports render, turned into blocks (`blocks(_:)`) and laid out with
/// Pango and Cairo (`PageLayout`, `PDFCanvas`).
public enum HarvestPDF {
    /// The PDF's bytes, A4.
    public static func render(_ doc: HarvestDocument) throws(RundbordError) -> Data {
        PDFCanvas.lock.lock()
        defer { PDFCanvas.lock.unlock() }
        let canvas = try PDFCanvas(geometry: PageGeometry())
        let lang = doc.language
        canvas.setMetadata(PDFMetadata(
            title: PDFText.title.text(lang, Sanitize.line(doc.event.title)),
            author: doc.event.organiser,
            subject: PDFText.subjectLine.text(lang, Sanitize.line(doc.event.visionTitle)),
            created: doc.generatedAt))
        var layout = PageLayout(geometry: canvas.geometry, typesetter: canvas.typesetter)
        layout.layout(blocks(doc))
        canvas.draw(layout.pages, header: doc.event.title,
                    footer: { HarvestText.pageFooter.text(lang, $0, $1) })
        return try canvas.finish()
    }

    /// The document as blocks, in the order of the Markdown export.
    static func blocks(_ doc: HarvestDocument) -> [PDFBlock] {
        let lang = doc.language
        let t = { (key: PDFText, args: [CustomStringConvertible]) -> String in Markup.text(key.format(lang, args)) }
        var out: [PDFBlock] = []
        func para(_ markup: String, _ style: PDFParagraph.Style = .body, bullet: Bool = false, indent: Double = 0,
                  link: String? = nil) {
            out.append(.paragraph(PDFParagraph(markup: markup, style: style, bullet: bullet, indent: indent, link: link)))
        }
        /// Multi-line user text: one paragraph per blank-line-separated part, line breaks kept.
        func paragraphs(_ text: String, bullet: Bool = false) {
            let parts = Sanitize.multiline(text).components(separatedBy: "\n")
                .split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            for part in parts { para(Markup.text(part.joined(separator: "\n")), bullet: bullet) }
        }
        func heading(_ level: Int, _ text: String, outline: Bool = true) {
            out.append(.heading(level: level, markup: Markup.text(text), outline: outline ? Sanitize.line(text) : nil))
        }
        let list = { (numbers: [Int]) in numbers.map(String.init).joined(separator: ", ") }
        let event = doc.event

        // Front matter.
        para(Markup.text(PDFText.title.text(lang, Sanitize.line(event.title))), .title)
        var meta: [String] = []
        let venue = Sanitize.line(event.venue)
        meta.append(venue.isEmpty ? Sanitize.line(event.date) + "." : PDFText.metaDateVenue.text(lang, Sanitize.line(event.date), venue))
        if !Sanitize.line(event.organiser).isEmpty { meta.append(PDFText.metaOrganiser.text(lang, Sanitize.line(event.organiser))) }
        para(Markup.text(meta.joined(separator: " ")), .lead)
        let issuer = Sanitize.line(event.visionIssuer)
        para(issuer.isEmpty ? t(.metaVision, [Sanitize.line(event.visionTitle)])
             : t(.metaVisionBy, [Sanitize.line(event.visionTitle), issuer]), .lead)
        para(t(.metaCounts, [doc.counts.tables, doc.counts.notes, doc.counts.initiatives, doc.counts.dots]) + " "
             + t(.metaGenerated, [HarvestContext.formatDate(doc.generatedAt)]), .lead)
        if doc.tableNumbers.count < doc.totalTables { para(t(.partial, [list(doc.tableNumbers)]), .lead) }
        if doc.anonymous { para(t(.anonymous, []), .lead) }

        // The ranked initiatives, as one table.
        heading(1, PDFText.initiativesHeading.text(lang))
        if doc.initiatives.isEmpty {
            para(t(.noInitiatives, []))
        } else {
            para(t(.initiativesIntro, []))
            out.append(.table(initiativeTable(doc.initiatives, lang)))
        }

        heading(1, PDFText.fundingHeading.text(lang))
        for section in doc.funding {
            heading(2, PDFText.fundingClass.text(lang, Sanitize.line(section.label), section.initiatives.count))
            if section.initiatives.isEmpty { para(t(.none, [])) } else {
                out.append(.table(initiativeTable(section.initiatives, lang, funding: false)))
            }
        }

        heading(1, PDFText.ownersHeading.text(lang))
        if doc.owners.isEmpty { para(t(.noOwners, [])) }
        for owner in doc.owners {
            heading(2, Sanitize.line(owner.owner))
            out.append(.table(initiativeTable(owner.initiatives, lang, owners: false)))
        }
        if !doc.unowned.isEmpty {
            heading(2, PDFText.unownedHeading.text(lang))
            out.append(.table(initiativeTable(doc.unowned, lang, owners: false)))
        }

        let labels = doc.agreementLabels
        func agreementArgs(_ a: HarvestDocument.AgreementSummary) -> [CustomStringConvertible] {
            [Sanitize.line(labels[.agree] ?? ""), a.agree, Sanitize.line(labels[.partly] ?? ""), a.partly,
             Sanitize.line(labels[.disagree] ?? ""), a.disagree, Sanitize.line(labels[.dontKnow] ?? ""), a.dontKnow]
        }
        func noteLine(_ n: HarvestDocument.NoteEntry, table: Bool) -> String {
            let source: String
            if table {
                source = n.speaker.map { PDFText.noteFrom.text(lang, n.table, Sanitize.line($0)) } ?? PDFText.noteAt.text(lang, n.table)
            } else {
                source = n.speaker.map(Sanitize.line) ?? ""
            }
            return Markup.text(n.text) + (source.isEmpty ? "" : " " + Markup.gray("(" + Markup.text(source) + ")"))
        }

        heading(1, PDFText.principlesHeading.text(lang))
        for p in doc.principles {
            heading(2, PDFText.principleHeading.text(lang, p.number, Sanitize.line(p.title)))
            if !p.summary.isEmpty { paragraphs(p.summary) }
            if !p.questions.isEmpty {
                para(Markup.italic(t(.questions, [])))
                for q in p.questions { para(Markup.line(q), bullet: true) }
            }
            if p.agreement.total > 0 {
                para(t(.agreementAt, [p.agreement.tablesReporting, doc.counts.tables] + agreementArgs(p.agreement)))
            } else {
                para(Markup.gray(t(.noAgreement, [])))
            }
            for group in p.kinds {
                heading(3, PDFText.kindHeading.text(lang, Sanitize.line(group.label), group.notes.count), outline: false)
                for n in group.notes { para(noteLine(n, table: true), bullet: true) }
            }
            if !p.initiatives.isEmpty {
                heading(3, PDFText.principleInitiatives.text(lang), outline: false)
                out.append(.table(initiativeTable(p.initiatives, lang, principles: false)))
            }
            if p.kinds.isEmpty && p.initiatives.isEmpty { para(Markup.gray(t(.noNotes, []))) }
        }

        heading(1, PDFText.nextStepsHeading.text(lang))
        if event.nextSteps.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            para(t(.noNextSteps, []))
        } else {
            paragraphs(event.nextSteps)
        }

        heading(1, PDFText.recipientsHeading.text(lang))
        let organiser = Sanitize.line(event.organiser)
        para(organiser.isEmpty ? t(.recipients, [doc.recipientCount]) : t(.recipientsWithOrganiser, [organiser, doc.recipientCount]))

        heading(1, PDFText.participantsHeading.text(lang))
        if doc.anonymous {
            para(t(.anonymousParticipants, []))
        } else {
            if doc.participants.isEmpty { para(t(.noParticipants, [])) } else {
                para(t(.namedParticipants, []))
                for p in doc.participants {
                    var text = Markup.line(p.name)
                    if !p.organisation.isEmpty { text += ", " + Markup.line(p.organisation) }
                    if let table = p.table { text += " " + Markup.gray(t(.participantTable, [table])) }
                    para(text, bullet: true)
                }
            }
            if !doc.organisations.isEmpty {
                para(t(.organisations, []))
                for o in doc.organisations { para(Markup.line(o), bullet: true) }
            }
        }

        heading(1, PDFText.linksHeading.text(lang))
        for link in event.links {
            let url = Sanitize.line(link.url)
            let title = Sanitize.line(link.title).isEmpty ? url : Sanitize.line(link.title)
            if let target = linkTarget(url) {
                para(Markup.link(Markup.text(title)) + (title == url ? "" : " " + Markup.gray("(" + Markup.text(url) + ")")),
                     bullet: true, link: target)
            } else {
                para(Markup.text(title) + ": " + Markup.text(url), bullet: true)
            }
        }
        for a in event.attachments {
            para(a.fileName.map { t(.attachmentFile, [Sanitize.line(a.name), Sanitize.line($0)]) } ?? Markup.line(a.name), bullet: true)
        }
        if event.links.isEmpty && event.attachments.isEmpty { para(t(.none, [])) }

        heading(1, PDFText.appendixHeading.text(lang))
        for table in doc.tables {
            heading(2, Sanitize.line(table.name).isEmpty ? PDFText.tableHeading.text(lang, table.number)
                    : PDFText.tableHeadingNamed.text(lang, table.number, Sanitize.line(table.name)))
            var people: [String] = []
            if let host = table.host { people.append(PDFText.tableHost.text(lang, Sanitize.line(host))) }
            if let taker = table.noteTaker { people.append(PDFText.tableNoteTaker.text(lang, Sanitize.line(taker))) }
            people.append(PDFText.tableNotes.text(lang, table.noteCount))
            para(Markup.text(people.joined(separator: " ")))
            for p in table.principles {
                heading(3, PDFText.principleHeading.text(lang, p.number, Sanitize.line(p.title)), outline: false)
                if p.agreement.total > 0 { para(t(.agreement, agreementArgs(p.agreement))) }
                for group in p.kinds {
                    para(Markup.italic(Markup.line(group.label) + ":"))
                    for n in group.notes { para(noteLine(n, table: false), bullet: true) }
                }
                if !p.initiatives.isEmpty {
                    para(Markup.italic(Markup.text(PDFText.principleInitiatives.text(lang)) + ":"))
                    for n in p.initiatives {
                        var details = [PDFText.tableInitiative.text(lang, n.dots, Sanitize.line(n.funding.map { doc.fundingLabels[$0] ?? $0.rawValue } ?? ""))]
                        if let owner = n.owner { details.append(PDFText.tableInitiativeOwner.text(lang, Sanitize.line(owner))) }
                        if let horizon = n.horizon { details.append(PDFText.tableInitiativeHorizon.text(lang, Sanitize.line(horizon))) }
                        para(Markup.text(n.text) + " " + Markup.gray("— " + Markup.text(details.joined(separator: "; "))), bullet: true)
                    }
                }
                if p.kinds.isEmpty && p.initiatives.isEmpty { para(Markup.gray(t(.noNotes, []))) }
            }
        }
        return out
    }

    /// Ranked initiatives as a table; columns the context already says are left out.
    static func initiativeTable(_ initiatives: [HarvestDocument.RankedInitiative], _ lang: Language,
                                funding: Bool = true, owners: Bool = true, principles: Bool = true) -> PDFTable {
        typealias Column = PDFTable.Column
        var columns = [Column(header: PDFText.columnRank.text(lang), width: 0, alignRight: true, fit: true),
                       Column(header: PDFText.columnInitiative.text(lang), width: 55),
                       Column(header: PDFText.columnDots.text(lang), width: 0, alignRight: true, fit: true),
                       Column(header: PDFText.columnTables.text(lang), width: 0, fit: true)]
        if principles { columns.append(Column(header: PDFText.columnPrinciples.text(lang), width: 0, fit: true)) }
        if funding { columns.append(Column(header: PDFText.columnFunding.text(lang), width: 18)) }
        if owners { columns.append(Column(header: PDFText.columnOwners.text(lang), width: 22)) }
        let list = { (numbers: [Int]) in numbers.map(String.init).joined(separator: ", ") }
        let rows = initiatives.map { i -> [String] in
            var horizon = ""
            if !i.horizons.isEmpty { horizon = "\n" + Markup.gray(Markup.line(PDFText.tableInitiativeHorizon.text(lang, i.horizons.joined(separator: "; ")))) }
            var row = [String(i.rank), Markup.text(i.text) + horizon, String(i.dots), list(i.tables)]
            if principles { row.append(list(i.principleNumbers)) }
            if funding {
                row.append(Markup.line(i.fundingLabel) + (i.fundingDisputed ? " " + Markup.gray(Markup.text(PDFText.fundingDisputed.text(lang))) : ""))
            }
            if owners { row.append(Markup.line(i.owners.joined(separator: "; "))) }
            return row
        }
        return PDFTable(columns: columns, rows: rows)
    }

    /// A link the PDF may make clickable: the same rule as the Markdown's
    /// (web and mail addresses only, spaces and brackets percent-encoded).
    static func linkTarget(_ url: String) -> String? {
        MarkdownEscape.destination(url).map { String($0.dropFirst().dropLast()) }
    }
}
