import Foundation
import RundbordCore
import RundbordHarvest

/// The harvest as a typeset PDF: the same `HarvestDocument` the Markdown and
/// text exports render, turned into blocks (`blocks(_:)`) and laid out with
/// Pango and Cairo (`PageLayout`, `PDFCanvas`).
public enum HarvestPDF {
    /// The PDF's bytes, A4: the harvest, or the decision makers' brief made from it.
    public static func render(_ doc: HarvestDocument, _ kind: PDFDocumentKind = .harvest) throws(RundbordError) -> Data {
        PDFCanvas.lock.lock()
        defer { PDFCanvas.lock.unlock() }
        let canvas = try PDFCanvas(geometry: PageGeometry())
        let lang = doc.language
        let title = Sanitize.line(doc.event.title)
        canvas.setMetadata(PDFMetadata(
            title: kind == .brief ? PDFText.briefTitle.text(lang, title) : PDFText.title.text(lang, title),
            author: doc.event.organiser,
            subject: PDFText.subjectLine.text(lang, Sanitize.line(doc.event.visionTitle)),
            created: doc.generatedAt))
        var layout = PageLayout(geometry: canvas.geometry, typesetter: canvas.typesetter)
        layout.layout(kind == .brief ? briefBlocks(doc) : blocks(doc))
        canvas.draw(layout.pages, header: doc.event.title,
                    footer: { HarvestText.pageFooter.text(lang, $0, $1) })
        return try canvas.finish()
    }

    /// The document as blocks, in the order of the Markdown export: the front
    /// page, the one table of initiatives, who is to act, each principle, the
    /// organisations, links, and the tables' notes as an appendix.
    static func blocks(_ doc: HarvestDocument) -> [PDFBlock] {
        let lang = doc.language
        let t = { (key: PDFText, args: [CustomStringConvertible]) -> String in Markup.text(key.format(lang, args)) }
        var out: [PDFBlock] = []
        func para(_ markup: String, _ style: PDFParagraph.Style = .body, bullet: Bool = false, link: String? = nil) {
            out.append(.paragraph(PDFParagraph(markup: markup, style: style, bullet: bullet, link: link)))
        }
        /// Multi-line user text: one paragraph per blank-line-separated part, line breaks kept.
        func paragraphs(_ text: String, lead: String = "") {
            let parts = Sanitize.multiline(text).components(separatedBy: "\n")
                .split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            for (n, part) in parts.enumerated() {
                para((n == 0 && !lead.isEmpty ? lead + " " : "") + Markup.text(part.joined(separator: "\n")))
            }
        }
        func heading(_ level: Int, _ text: String, outline: Bool = true) {
            out.append(.heading(level: level, markup: Markup.text(text), outline: outline ? Sanitize.line(text) : nil))
        }
        let event = doc.event
        let typography = { (s: String) in Markup.text(s) }

        // The front page.
        para(Markup.text(PDFText.title.text(lang, Sanitize.line(event.title))), .title)
        para(metaLead(doc), .lead)
        if !doc.keyMessages.isEmpty {
            heading(1, PDFText.keyMessages.text(lang))
            for message in doc.keyMessages { para(Markup.text(message), bullet: true) }
        }
        out.append(.space(6))
        para(countsLine(doc))
        if doc.tableNumbers.count < doc.totalTables {
            para(t(.partial, [HarvestTypography.tables(doc.tableNumbers, lang)]))
        }
        let privacy = doc.privacy
        let leftOut: [CustomStringConvertible] = [privacy.creditsLeftOut, privacy.participantsLeftOut, privacy.namesReplaced]
        if doc.anonymous {
            para(t(.anonymousLeftOut, leftOut))
        } else if privacy.creditsLeftOut + privacy.participantsLeftOut + privacy.namesReplaced > 0 {
            para(t(.namedLeftOut, leftOut))
        }
        para(t(.thanks, []))
        let nextStepsLead = Markup.bold(t(.nextStepsLead, []))
        if event.nextSteps.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            para(nextStepsLead + " " + t(.noNextSteps, []))
        } else {
            paragraphs(event.nextSteps, lead: nextStepsLead)
        }
        out += recipientsAndContact(doc)

        // Every initiative once, by funding, with the number the rest refers to.
        heading(1, PDFText.fundingHeading.text(lang))
        let numbered = doc.funding.flatMap(\.initiatives)
        if numbered.isEmpty {
            para(t(.noInitiatives, []))
        } else {
            para(t(.fundingIntro, []))
            out.append(.table(initiativeTable(numbered, doc)))
        }

        heading(1, PDFText.ownersHeading.text(lang))
        for owner in doc.owners {
            para(t(.ownerNumbers, [Sanitize.line(owner.owner), HarvestTypography.numbers(owner.initiatives.map(\.rank).sorted(), lang)]),
                 bullet: true)
        }
        if !doc.unowned.isEmpty {
            para(t(.unownedNumbers, [HarvestTypography.numbers(doc.unowned.map(\.rank).sorted(), lang)]), bullet: true)
        }
        if numbered.isEmpty { para(t(.noOwners, [])) }

        let labels = doc.agreementLabels
        func agreementArgs(_ a: HarvestDocument.AgreementSummary) -> [CustomStringConvertible] {
            [Sanitize.line(labels[.agree] ?? ""), a.agree, Sanitize.line(labels[.partly] ?? ""), a.partly,
             Sanitize.line(labels[.disagree] ?? ""), a.disagree, Sanitize.line(labels[.dontKnow] ?? ""), a.dontKnow]
        }
        func noteLine(_ n: HarvestDocument.NoteEntry, withTable: Bool) -> String {
            let table = HarvestTypography.tables([n.table], lang)
            let source = withTable ? (n.speaker.map { PDFText.noteAt.text(lang, table, Sanitize.line($0)) } ?? table)
                : (n.speaker.map(Sanitize.line) ?? "")
            return Markup.text(n.text) + (source.isEmpty ? "" : " " + Markup.gray("(" + typography(source) + ")"))
        }

        heading(1, PDFText.principlesHeading.text(lang))
        para(t(.principlesIntro, []))
        for p in doc.principles {
            heading(2, PDFText.principleHeading.text(lang, p.number, Sanitize.line(p.title)))
            for message in p.keyMessages { para(Markup.bold(Markup.text(message)), bullet: true) }
            if !p.initiatives.isEmpty {
                para(t(.principleInitiatives, [HarvestTypography.numbers(p.initiatives.map(\.rank).sorted(), lang)]))
            }
            if p.agreement.total > 0 {
                para(t(.agreementAt, [p.agreement.tablesReporting, doc.counts.tables] + agreementArgs(p.agreement)))
            }
            for group in p.highlights {
                heading(3, PDFText.kindHeading.text(lang, Sanitize.line(group.label), group.notes.count), outline: false)
                for n in group.notes { para(noteLine(n, withTable: true), bullet: true) }
            }
        }

        heading(1, PDFText.participantsHeading.text(lang))
        if !doc.organisationsTakingPart.isEmpty {
            para(t(.organisationsBehind, [doc.organisationsTakingPart.count,
                                          HarvestTypography.list(doc.organisationsTakingPart.map(Sanitize.line), lang)]))
        }
        if doc.anonymous {
            para(t(.anonymousParticipants, []))
        } else if doc.participants.isEmpty {
            para(t(.noParticipants, []))
        } else {
            para(t(.namedParticipants, []))
            for p in doc.participants {
                para(Markup.line(p.name) + (p.organisation.isEmpty ? "" : ", " + Markup.line(p.organisation)), bullet: true)
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

        // The appendix: every note of every table; an initiative with its number.
        var numberOf: [UUID: Int] = [:]
        for i in numbered { for p in i.proposals { numberOf[p.noteId] = i.rank } }
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
                    for n in group.notes { para(noteLine(n, withTable: false), bullet: true) }
                }
                if !p.initiatives.isEmpty {
                    para(Markup.italic(t(.initiativesLabel, []) + ":"))
                    for n in p.initiatives {
                        var details = ["\(n.dots) " + Plural.form(lang == .da ? "prik|prikker" : "dot|dots", count: n.dots)]
                        if let f = n.funding { details.append(Sanitize.line(doc.fundingLabels[f] ?? f.rawValue)) }
                        if let owner = n.owner { details.append(PDFText.tableInitiativeOwner.text(lang, Sanitize.line(owner))) }
                        if let horizon = n.horizon { details.append(PDFText.tableInitiativeHorizon.text(lang, Sanitize.line(horizon))) }
                        let number = numberOf[n.id].map { Markup.bold(t(.tableInitiative, [$0])) } ?? ""
                        para(number + Markup.text(n.text) + " " + Markup.gray("— " + Markup.text(details.joined(separator: "; "))), bullet: true)
                    }
                }
            }
        }
        return out
    }

    /// The decision makers' brief, in the order of its Markdown template
    /// (brief.*.md.mustache): what the event was and who took part, what came
    /// out, what needs funding and what can start now, what needs a political
    /// decision, what happens next. Two pages at most for a real event.
    static func briefBlocks(_ doc: HarvestDocument) -> [PDFBlock] {
        let lang = doc.language
        let t = { (key: PDFText, args: [CustomStringConvertible]) -> String in Markup.text(key.format(lang, args)) }
        var out: [PDFBlock] = []
        func para(_ markup: String, _ style: PDFParagraph.Style = .body, bullet: Bool = false, link: String? = nil) {
            out.append(.paragraph(PDFParagraph(markup: markup, style: style, bullet: bullet, link: link)))
        }
        func heading(_ text: String) {
            out.append(.heading(level: 1, markup: Markup.text(text), outline: Sanitize.line(text)))
        }
        func initiative(_ i: HarvestDocument.RankedInitiative) {
            // "(ca. 2.500.000 kr.)" is never broken over two lines.
            let cost = i.costText.map {
                " " + Markup.gray("(" + Markup.line($0).replacingOccurrences(of: " ", with: String(HarvestTypography.noBreakSpace)) + ")")
            } ?? ""
            para(Markup.bold(t(.tableInitiative, [i.rank])) + Markup.line(i.text) + cost, bullet: true)
        }
        let event = doc.event
        para(Markup.text(PDFText.briefTitle.text(lang, Sanitize.line(event.title))), .title)

        heading(PDFText.briefEventHeading.text(lang))
        var lead = metaLead(doc) + " " + countsLine(doc)
        if doc.tableNumbers.count < doc.totalTables {
            lead += " " + t(.partial, [HarvestTypography.tables(doc.tableNumbers, lang)])
        }
        para(lead)
        if !doc.organisationsTakingPart.isEmpty {
            para(t(.briefOrganisations, [HarvestTypography.list(doc.organisationsTakingPart.map(Sanitize.line), lang)]))
        }

        heading(PDFText.briefOutcomeHeading.text(lang))
        if doc.keyMessages.isEmpty { para(t(.briefNoKeyMessages, [])) }
        for message in doc.keyMessages { para(Markup.text(message), bullet: true) }

        heading(PDFText.fundingHeading.text(lang))
        let numbered = doc.funding.flatMap(\.initiatives)
        if numbered.isEmpty {
            para(t(.noInitiatives, []))
        } else {
            para(t(.briefFundingIntro, []))
            for section in doc.funding where !section.initiatives.isEmpty {
                out.append(.space(4))
                para(Markup.bold(Markup.line(section.label)))
                section.initiatives.forEach(initiative)
            }
        }

        heading(PDFText.briefPoliticalHeading.text(lang))
        let political = numbered.filter { $0.decision == .political }.sorted { $0.rank < $1.rank }
        if political.isEmpty { para(t(.briefNoPolitical, [])) }
        political.forEach(initiative)

        heading(PDFText.briefNextHeading.text(lang))
        if event.nextSteps.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            para(t(.noNextSteps, []))
        } else {
            let parts = Sanitize.multiline(event.nextSteps).components(separatedBy: "\n")
                .split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            for part in parts { para(Markup.text(part.joined(separator: "\n"))) }
        }
        out += recipientsAndContact(doc)
        return out
    }

    /// "6. november 2024, Festsalen. Rundbordssamtaler om visionspapiret »…« fra …", as markup.
    static func metaLead(_ doc: HarvestDocument) -> String {
        let event = doc.event
        var when = Sanitize.line(event.longDate)
        if !Sanitize.line(event.venue).isEmpty { when += ", " + Sanitize.line(event.venue) }
        let issuer = Sanitize.line(event.visionIssuer), vision = Sanitize.line(event.visionTitle)
        let key: PDFText = issuer.isEmpty ? .metaLead : .metaLeadBy
        return Markup.text(key.format(doc.language, issuer.isEmpty ? [when, vision] : [when, vision, issuer]))
    }

    /// Who took part and what they wrote, in numbers, as markup.
    static func countsLine(_ doc: HarvestDocument) -> String {
        let c = doc.counts
        return Markup.text(c.organisations > 0
            ? PDFText.countsWithOrganisations.format(doc.language, [c.participants, c.tables, c.notes, c.initiatives, c.dots, c.organisations])
            : PDFText.counts.format(doc.language, [c.participants, c.tables, c.notes, c.initiatives, c.dots]))
    }

    /// Who receives the harvest, and the contact person with a mail link.
    static func recipientsAndContact(_ doc: HarvestDocument) -> [PDFBlock] {
        let lang = doc.language, event = doc.event
        let t = { (key: PDFText, args: [CustomStringConvertible]) -> String in Markup.text(key.format(lang, args)) }
        let organiser = Sanitize.line(event.organiser)
        let who = switch (organiser.isEmpty, doc.recipientCount == 0) {
        case (true, true): t(.noRecipients, [])
        case (false, true): t(.noRecipientsWithOrganiser, [organiser])
        case (true, false): t(.recipients, [doc.recipientCount])
        case (false, false): t(.recipientsWithOrganiser, [organiser, doc.recipientCount])
        }
        var out: [PDFBlock] = [.paragraph(PDFParagraph(markup: Markup.bold(t(.recipientsLead, [])) + " " + who))]
        let email = Sanitize.line(event.organiserEmail)
        if !organiser.isEmpty || !email.isEmpty {
            let contact = [organiser, email].filter { !$0.isEmpty }.joined(separator: ", ")
            let target = email.isEmpty ? nil : linkTarget("mailto:" + email)
            out.append(.paragraph(PDFParagraph(
                markup: Markup.bold(t(.contactLead, [])) + " " + (target == nil ? Markup.text(contact) : Markup.link(Markup.text(contact))),
                link: target)))
        }
        return out
    }

    /// The initiatives as one table: number, text (with who proposed it, the
    /// horizon, cost and decision under it), dots, support, funding, owners.
    static func initiativeTable(_ initiatives: [HarvestDocument.RankedInitiative], _ doc: HarvestDocument) -> PDFTable {
        let lang = doc.language
        typealias Column = PDFTable.Column
        let columns = [Column(header: PDFText.columnRank.text(lang), width: 0, alignRight: true, fit: true),
                       Column(header: PDFText.columnInitiative.text(lang), width: 55),
                       Column(header: PDFText.columnDots.text(lang), width: 0, alignRight: true, fit: true),
                       Column(header: PDFText.columnTables.text(lang), width: 0, fit: true),
                       Column(header: PDFText.columnFunding.text(lang), width: 18),
                       Column(header: PDFText.columnOwners.text(lang), width: 22)]
        let rows = initiatives.map { i -> [String] in
            var details: [String] = []
            if !i.proposedBy.isEmpty {
                details.append(PDFText.proposedBy.text(lang, HarvestTypography.list(i.proposedBy.map(Sanitize.line), lang)))
            }
            if !i.horizons.isEmpty { details.append(PDFText.horizon.text(lang, Sanitize.line(i.horizons.joined(separator: "; ")))) }
            if let cost = i.costText { details.append(PDFText.cost.text(lang, Sanitize.line(cost))) }
            if i.decision != .undecided { details.append(Sanitize.line(i.decisionLabel)) }
            let text = Markup.text(i.text) + (details.isEmpty ? "" : "\n" + Markup.gray(Markup.text(details.joined(separator: " "))))
            let funding = Markup.line(i.fundingLabel)
                + (i.fundingDisputed ? " " + Markup.gray(Markup.text(PDFText.fundingDisputed.text(lang))) : "")
            return [String(i.rank), text, String(i.dots), Markup.text(HarvestTypography.support(i.tables.count, of: doc.totalTables, lang)),
                    funding, Markup.line(i.owners.joined(separator: "; "))]
        }
        return PDFTable(columns: columns, rows: rows)
    }

    /// A link the PDF may make clickable: the same rule as the Markdown's
    /// (web and mail addresses only, spaces and brackets percent-encoded).
    static func linkTarget(_ url: String) -> String? {
        MarkdownEscape.destination(url).map { String($0.dropFirst().dropLast()) }
    }
}
