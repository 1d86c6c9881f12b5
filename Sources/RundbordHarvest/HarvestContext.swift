import Foundation
import Mustache
import RundbordCore

/// A count in the templates: `{{dots}}` shows the number, and
/// `{{#dots.plural}}prik|prikker{{/dots.plural}}` the word that goes with it
/// (the first form for 1, the second otherwise; see `Plural`).
struct TemplateCount: MustacheParent, MustacheTransformable, CustomStringConvertible {
    let value: Int
    init(_ value: Int) { self.value = value }
    var description: String { String(value) }

    func child(named name: String) -> Any? {
        guard name == "plural" else { return nil }
        let count = value
        // A section lambda gets the section's text, unrendered: the two forms.
        // A String result is parsed and rendered as a template; a plain word
        // is handed back as a Substring, which Mustache shows as it is
        // (parsing a template per initiative made the export a fifth slower).
        return MustacheLambda { (forms: String) -> Any? in
            let word = Plural.form(forms, count: count)
            return word.contains("{{") ? word : Substring(word)
        }
    }

    /// Mustache's number transforms (`{{#equalzero(dots)}}`) still work.
    func transform(_ name: String) -> Any? { value.transform(name) }
}

/// The values handed to the Mustache templates, every user text already
/// escaped for the output format. The variables are documented in
/// docs/TEMPLATES-HARVEST.md; a change here is a change there.
public enum HarvestContext {
    public enum Flavour: Sendable {
        /// CommonMark: user text escaped so it is only ever text.
        case markdown
        /// Plain text (print, mail): controls removed, line breaks kept as soft breaks.
        case text
    }

    /// How many initiatives the "top" lists (the mail) show.
    public static let topCount = 5

    /// `width` is the line width of the text formats (the funding table is laid out for it).
    public static func make(_ doc: HarvestDocument, _ flavour: Flavour, width: Int = ExportSettings.defaultWidth,
                            extra: [String: Any] = [:]) -> [String: Any] {
        // A whole document has every section at hand: nothing can fail.
        make(sections: doc, flavour, width: width, extra: extra, failure: ContextFailure())
    }

    /// The context of `sections.outline`, its principles' sections and tables'
    /// appendix made from `sections` only when the template reaches them, one
    /// at a time (`ContextList`), and the lists of notes and initiatives in
    /// them boxed one element at a time, as they are rendered. A section
    /// that cannot be read leaves its error in `failure`, to be checked
    /// after rendering.
    static func make(sections: some HarvestSections, _ flavour: Flavour, width: Int = ExportSettings.defaultWidth,
                     extra: [String: Any] = [:], failure: ContextFailure) -> [String: Any] {
        let doc = sections.outline
        let lang = doc.language
        let one: (String) -> String
        let many: (String) -> String
        switch flavour {
        case .markdown:
            one = MarkdownEscape.inline
            many = MarkdownEscape.block
        case .text:
            one = { Sanitize.line($0) }
            many = TextLayout.escape
        }
        // "bord 1 og 3", "hovedprincip 2, 4 og 5"
        let list: ([Int]) -> String = { lang.list($0.map(String.init)) }
        let typography = { (text: String) in one(text) }

        func initiative(_ i: HarvestDocument.RankedInitiative) -> [String: Any] {
            [
                "number": i.rank, "rank": i.rank, "place": one(i.place ?? ""), "hasPlace": i.place != nil,
                "text": many(i.text), "line": one(i.text), "dots": TemplateCount(i.dots),
                "support": one(i.support),
                "cost": one(i.costText ?? ""), "hasCost": i.costText != nil,
                // The cost kept on one line ("ca. 2.500.000 kr." never split by the wrap).
                "costNoBreak": one(i.costText ?? "").replacingOccurrences(of: " ", with: String(HarvestTypography.noBreakSpace)),
                "decision": one(i.decisionLabel), "hasDecision": i.decision != .undecided,
                "political": i.decision == .political,
                "tables": list(i.tables), "tableCount": TemplateCount(i.tables.count), "multipleTables": i.tables.count > 1,
                "tablesText": typography(HarvestTypography.tables(i.tables, lang)),
                "supportShort": typography(HarvestTypography.support(i.tables.count, of: doc.totalTables, lang)),
                "proposedBy": one(i.proposedBy.joined(separator: "; ")), "hasProposedBy": !i.proposedBy.isEmpty,
                "principles": list(i.principleNumbers),
                "funding": one(i.fundingLabel), "fundingInline": one(HarvestTypography.midSentence(i.fundingLabel)), "fundingDisputed": i.fundingDisputed,
                "needsFunding": i.funding == .needsFunding, "canStartNow": i.funding == .canStartNow,
                "unclear": i.funding == .unclear,
                "owners": one(i.owners.joined(separator: "; ")), "hasOwners": !i.owners.isEmpty,
                "horizons": one(i.horizons.joined(separator: "; ")), "hasHorizons": !i.horizons.isEmpty,
            ]
        }
        func note(_ n: HarvestDocument.NoteEntry) -> [String: Any] {
            [
                "text": many(n.kind == .quote ? HarvestTypography.quote(n.text, lang) : n.text),
                "table": n.table, "tableRef": typography(HarvestTypography.tables([n.table], lang)), "kind": one(n.kindLabel),
                "speaker": one(n.speaker ?? ""), "hasSpeaker": n.speaker != nil,
                "dots": TemplateCount(n.dots), "funding": one(n.funding.map { f in doc.fundingLabel(f) } ?? ""),
                "fundingInline": one(n.funding.map { f in HarvestTypography.midSentence(doc.fundingLabel(f)) } ?? ""),
                "owner": one(n.owner ?? ""), "hasOwner": n.owner != nil,
                "horizon": one(n.horizon ?? ""), "hasHorizon": n.horizon != nil,
            ]
        }
        func kinds(_ groups: [HarvestDocument.KindGroup]) -> ContextList {
            ContextList(groups) { ["label": one($0.label), "count": TemplateCount($0.notes.count), "notes": ContextList($0.notes, note)] }
        }
        func initiatives(_ list: [HarvestDocument.RankedInitiative]) -> ContextList { ContextList(list, initiative) }
        /// A section read when the template reaches it; empty (and the error kept) when it cannot be read.
        func section<T>(_ read: () throws(RundbordError) -> T, _ context: (T) -> [String: Any]) -> [String: Any] {
            do { return context(try read()) } catch {
                if failure.error == nil { failure.error = error }
                return [:]
            }
        }
        func agreement(_ a: HarvestDocument.AgreementSummary) -> [String: Any] {
            ["agree": TemplateCount(a.agree), "partly": TemplateCount(a.partly),
             "disagree": TemplateCount(a.disagree), "dontKnow": TemplateCount(a.dontKnow),
             "total": TemplateCount(a.total), "tablesReporting": TemplateCount(a.tablesReporting), "hasVotes": a.total > 0]
        }
        func lines(_ text: String) -> [[String: Any]] {
            switch flavour {
            case .markdown:
                return MarkdownEscape.paragraphs(text).map { ["text": $0] }
            case .text:
                return Sanitize.multiline(text).lineParts.map(String.init)
                    .split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
                    .map { ["text": TextLayout.escape($0.joined(separator: "\n"))] }
            }
        }

        let event = doc.event
        let nextSteps = lines(event.nextSteps)
        let numbered = doc.funding.flatMap(\.initiatives)
        let numberOf = Dictionary(numbered.flatMap { i in i.proposals.map { ($0.noteId, i.rank) } }, uniquingKeysWith: { _, last in last })
        func principle(_ p: HarvestDocument.PrincipleSection) -> [String: Any] {
            let highlights = p.highlights
            return [
                "number": p.number, "title": one(p.title), "summary": many(p.summary),
                "hasSummary": !p.summary.isEmpty,
                "questions": p.questions.map { ["text": one($0)] }, "hasQuestions": !p.questions.isEmpty,
                "kinds": kinds(p.kinds), "hasNotes": !p.kinds.isEmpty,
                "highlights": kinds(highlights), "hasHighlights": !highlights.isEmpty,
                "keyMessages": p.keyMessages.map { ["text": many($0)] }, "hasKeyMessages": !p.keyMessages.isEmpty,
                "initiatives": initiatives(p.initiatives), "hasInitiatives": !p.initiatives.isEmpty,
                "initiativeNumbers": typography(HarvestTypography.numbers(p.initiatives.map(\.rank).sorted(), lang)),
                "agreement": agreement(p.agreement),
            ]
        }
        func table(_ t: HarvestDocument.TableAppendix) -> [String: Any] {
            [
                "number": t.number, "name": one(t.name),
                // "Bord 2: Bord 2" says nothing twice: a default name is not shown.
                "hasName": !t.name.isEmpty && !["bord \(t.number)", "table \(t.number)"].contains(Harvest.mergeKey(t.name)),
                "host": one(t.host ?? ""), "hasHost": t.host != nil,
                "noteTaker": one(t.noteTaker ?? ""), "hasNoteTaker": t.noteTaker != nil,
                "noteCount": TemplateCount(t.noteCount),
                "principles": ContextList(t.principles.filter { !$0.kinds.isEmpty || !$0.initiatives.isEmpty || $0.agreement.total > 0 }) {
                    p -> Any in
                    [
                        "number": p.number, "title": one(p.title), "kinds": kinds(p.kinds),
                        "hasNotes": !p.kinds.isEmpty || !p.initiatives.isEmpty,
                        "initiatives": ContextList(p.initiatives) { n -> Any in
                            var entry = note(n)
                            entry["number"] = numberOf[n.id] ?? 0
                            return entry
                        }, "hasInitiatives": !p.initiatives.isEmpty,
                        "agreement": agreement(p.agreement),
                    ]
                },
            ]
        }
        let keyMessages = doc.keyMessages.map { ["text": many($0)] }
        var context: [String: Any] = [
            "title": one(event.title), "date": one(event.date), "longDate": one(event.longDate),
            "venue": one(event.venue), "hasVenue": !event.venue.isEmpty,
            "organiser": one(event.organiser), "hasOrganiser": !event.organiser.isEmpty,
            "organiserEmail": one(event.organiserEmail), "hasOrganiserEmail": !event.organiserEmail.isEmpty,
            "hasContact": !event.organiser.isEmpty || !event.organiserEmail.isEmpty,
            "keyMessages": keyMessages, "hasKeyMessages": !keyMessages.isEmpty,
            "visionTitle": one(event.visionTitle), "visionSubtitle": one(event.visionSubtitle),
            "hasVisionSubtitle": !event.visionSubtitle.isEmpty,
            "visionIssuer": one(event.visionIssuer), "hasVisionIssuer": !event.visionIssuer.isEmpty,
            "visionOrganisations": event.visionOrganisations.map { ["name": one($0)] },
            "generated": formatDate(doc.generatedAt),
            "anonymous": doc.anonymous,
            "privacy": [
                "creditsLeftOut": TemplateCount(doc.privacy.creditsLeftOut),
                "participantsLeftOut": TemplateCount(doc.privacy.participantsLeftOut),
                "namesReplaced": TemplateCount(doc.privacy.namesReplaced),
                "namesKept": TemplateCount(doc.privacy.namesKept),
                "hasLeftOut": doc.privacy.creditsLeftOut + doc.privacy.participantsLeftOut + doc.privacy.namesReplaced > 0,
            ] as [String: Any],
            "partial": doc.tableNumbers.count < doc.totalTables,
            "tableList": list(doc.tableNumbers),
            "tablesCovered": typography(HarvestTypography.tables(doc.tableNumbers, lang)),
            "counts": ["tables": TemplateCount(doc.counts.tables), "notes": TemplateCount(doc.counts.notes),
                       "initiatives": TemplateCount(doc.counts.initiatives),
                       "participants": TemplateCount(doc.counts.participants),
                       "organisations": TemplateCount(doc.counts.organisations), "dots": TemplateCount(doc.counts.dots)],
            "agreementLabels": [
                "agree": one(doc.agreementLabels[.agree] ?? ""), "partly": one(doc.agreementLabels[.partly] ?? ""),
                "disagree": one(doc.agreementLabels[.disagree] ?? ""),
                "dontKnow": one(doc.agreementLabels[.dontKnow] ?? ""),
            ],
            "principles": ContextList(count: doc.principles.count) { i in section({ () throws(RundbordError) in try sections.principle(i) }, principle) },
            "initiatives": initiatives(doc.initiatives), "hasInitiatives": !doc.initiatives.isEmpty,
            "numbered": initiatives(numbered),
            "hasCosts": numbered.contains { $0.cost != nil },
            "hasDecisions": numbered.contains { $0.decision != .undecided },
            "topInitiatives": doc.initiatives.prefix(topCount).map(initiative),
            "moreInitiatives": TemplateCount(max(0, doc.initiatives.count - topCount)),
            "hasMoreInitiatives": doc.initiatives.count > topCount,
            "funding": doc.funding.map { f -> [String: Any] in
                ["key": f.funding.rawValue, "label": one(f.label), "count": TemplateCount(f.initiatives.count),
                 "initiatives": initiatives(f.initiatives), "hasInitiatives": !f.initiatives.isEmpty]
            },
            "owners": doc.owners.map { o -> [String: Any] in
                ["owner": one(o.owner), "count": TemplateCount(o.initiatives.count), "initiatives": initiatives(o.initiatives),
                 "numbers": typography(HarvestTypography.numbers(o.initiatives.map(\.rank).sorted(), lang))]
            },
            "hasOwners": !doc.owners.isEmpty,
            "unowned": initiatives(doc.unowned), "hasUnowned": !doc.unowned.isEmpty,
            "unownedNumbers": typography(HarvestTypography.numbers(doc.unowned.map(\.rank).sorted(), lang)),
            "agreementTotal": agreement(doc.agreementTotal),
            "nextSteps": nextSteps, "hasNextSteps": !nextSteps.isEmpty,
            "links": event.links.map { l -> [String: Any] in
                let destination = MarkdownEscape.destination(l.url)
                return ["title": one(l.title.isEmpty ? l.url : l.title), "hasTitle": !l.title.isEmpty, "url": one(l.url),
                        "destination": destination ?? "", "isLinkable": destination != nil]
            },
            "hasLinks": !event.links.isEmpty,
            "attachments": event.attachments.map { a -> [String: Any] in
                ["name": one(a.name), "fileName": one(a.fileName ?? ""), "hasFile": a.fileName != nil]
            },
            "hasAttachments": !event.attachments.isEmpty,
            "participants": doc.participants.map { p -> [String: Any] in
                ["name": one(p.name), "organisation": one(p.organisation), "hasOrganisation": !p.organisation.isEmpty,
                 "table": p.table ?? 0, "hasTable": p.table != nil]
            },
            "hasParticipants": !doc.participants.isEmpty,
            "organisations": doc.organisationsTakingPart.map { ["name": one($0)] },
            "organisationList": one(HarvestTypography.list(doc.organisationsTakingPart, lang)),
            "hasOrganisations": !doc.organisationsTakingPart.isEmpty,
            "recipientCount": TemplateCount(doc.recipientCount), "hasRecipients": doc.recipientCount > 0,
            "tables": ContextList(count: doc.tables.count) { i in section({ () throws(RundbordError) in try sections.table(i) }, table) },
        ]
        if flavour == .text {
            // Made a line at a time where the template writes it (`TemplateLines`).
            context["fundingTable"] = TemplateLines { (line: (String) throws(RundbordError) -> Void) throws(RundbordError) in
                try FundingTable.forEachLine(doc, width: width, line)
            }
        }
        context.merge(extra) { _, new in new }
        return context
    }

    /// When the harvest was made, as every format shows it.
    public static func formatDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

extension HarvestDocument {
    func fundingLabel(_ f: FundingClass) -> String { fundingLabels[f] ?? f.rawValue }

    /// The kinds of note worth reading in the section of a principle (the
    /// points are many and stay in the appendix).
    public static let worthReading: Set<NoteKind> = [.idea, .concern, .question, .quote]
}

extension HarvestDocument.PrincipleSection {
    /// The notes worth reading, grouped by kind: ideas, concerns, questions,
    /// quotes. An idea a table then proposed as an initiative in the same words
    /// is left out: the initiative says it (the appendix keeps both).
    public var highlights: [HarvestDocument.KindGroup] {
        let proposed = Set(initiatives.map { Harvest.mergeKey($0.text) })
        return kinds.filter { HarvestDocument.worthReading.contains($0.kind) }.compactMap { group in
            var group = group
            group.notes.removeAll { proposed.contains(Harvest.mergeKey($0.text)) }
            return group.notes.isEmpty ? nil : group
        }
    }
}

extension HarvestTypography {
    /// A label such as "Kan sættes i gang nu" as it stands after "; " in a
    /// sentence: "kan sættes i gang nu". A first word that starts with two
    /// capitals ("EU-midler", "KK") keeps them.
    public static func midSentence(_ label: String) -> String { Language.midSentence(label) }
}
