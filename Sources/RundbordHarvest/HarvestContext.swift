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
/// Templates/README-harvest.md; a change here is a change there.
public enum HarvestContext {
    public enum Flavour: Sendable {
        /// CommonMark: user text escaped so it is only ever text.
        case markdown
        /// Plain text (print, mail): controls removed, line breaks kept as soft breaks.
        case text
    }

    /// How many initiatives the "top" lists (the mail) show.
    public static let topCount = 5

    public static func make(_ doc: HarvestDocument, _ flavour: Flavour,
                            extra: [String: Any] = [:]) -> [String: Any] {
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
        let list: ([Int]) -> String = { ListText.join($0.map(String.init), doc.language) }

        func initiative(_ i: HarvestDocument.RankedInitiative) -> [String: Any] {
            [
                "rank": i.rank, "text": many(i.text), "dots": TemplateCount(i.dots),
                "tables": list(i.tables), "tableCount": TemplateCount(i.tables.count), "multipleTables": i.tables.count > 1,
                "principles": list(i.principleNumbers),
                "funding": one(ListText.midSentence(i.fundingLabel)), "fundingDisputed": i.fundingDisputed,
                "needsFunding": i.funding == .needsFunding, "canStartNow": i.funding == .canStartNow,
                "unclear": i.funding == .unclear,
                "owners": one(i.owners.joined(separator: "; ")), "hasOwners": !i.owners.isEmpty,
                "horizons": one(i.horizons.joined(separator: "; ")), "hasHorizons": !i.horizons.isEmpty,
            ]
        }
        func note(_ n: HarvestDocument.NoteEntry) -> [String: Any] {
            [
                "text": many(n.text), "table": n.table, "kind": one(n.kindLabel),
                "speaker": one(n.speaker ?? ""), "hasSpeaker": n.speaker != nil,
                "dots": TemplateCount(n.dots), "funding": one(n.funding.map { f in ListText.midSentence(doc.fundingLabel(f)) } ?? ""),
                "owner": one(n.owner ?? ""), "hasOwner": n.owner != nil,
                "horizon": one(n.horizon ?? ""), "hasHorizon": n.horizon != nil,
            ]
        }
        func kinds(_ groups: [HarvestDocument.KindGroup]) -> [[String: Any]] {
            groups.map { ["label": one($0.label), "count": TemplateCount($0.notes.count), "notes": $0.notes.map(note)] }
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
        var context: [String: Any] = [
            "title": one(event.title), "date": one(event.date),
            "venue": one(event.venue), "hasVenue": !event.venue.isEmpty,
            "organiser": one(event.organiser), "hasOrganiser": !event.organiser.isEmpty,
            "organiserEmail": one(event.organiserEmail),
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
            "counts": ["tables": TemplateCount(doc.counts.tables), "notes": TemplateCount(doc.counts.notes),
                       "initiatives": TemplateCount(doc.counts.initiatives),
                       "participants": TemplateCount(doc.counts.participants), "dots": TemplateCount(doc.counts.dots)],
            "agreementLabels": [
                "agree": one(doc.agreementLabels[.agree] ?? ""), "partly": one(doc.agreementLabels[.partly] ?? ""),
                "disagree": one(doc.agreementLabels[.disagree] ?? ""),
                "dontKnow": one(doc.agreementLabels[.dontKnow] ?? ""),
            ],
            "principles": doc.principles.map { p -> [String: Any] in
                [
                    "number": p.number, "title": one(p.title), "summary": many(p.summary),
                    "hasSummary": !p.summary.isEmpty,
                    "questions": p.questions.map { ["text": one($0)] }, "hasQuestions": !p.questions.isEmpty,
                    "kinds": kinds(p.kinds), "hasNotes": !p.kinds.isEmpty,
                    "initiatives": p.initiatives.map(initiative), "hasInitiatives": !p.initiatives.isEmpty,
                    "agreement": agreement(p.agreement),
                ]
            },
            "initiatives": doc.initiatives.map(initiative), "hasInitiatives": !doc.initiatives.isEmpty,
            "topInitiatives": doc.initiatives.prefix(topCount).map(initiative),
            "moreInitiatives": TemplateCount(max(0, doc.initiatives.count - topCount)),
            "hasMoreInitiatives": doc.initiatives.count > topCount,
            "funding": doc.funding.map { f -> [String: Any] in
                ["key": f.funding.rawValue, "label": one(f.label), "count": TemplateCount(f.initiatives.count),
                 "initiatives": f.initiatives.map(initiative), "hasInitiatives": !f.initiatives.isEmpty]
            },
            "owners": doc.owners.map { o -> [String: Any] in
                ["owner": one(o.owner), "count": TemplateCount(o.initiatives.count), "initiatives": o.initiatives.map(initiative)]
            },
            "hasOwners": !doc.owners.isEmpty,
            "unowned": doc.unowned.map(initiative), "hasUnowned": !doc.unowned.isEmpty,
            "agreementTotal": agreement(doc.agreementTotal),
            "nextSteps": nextSteps, "hasNextSteps": !nextSteps.isEmpty,
            "links": event.links.map { l -> [String: Any] in
                let destination = MarkdownEscape.destination(l.url)
                return ["title": one(l.title.isEmpty ? l.url : l.title), "url": one(l.url),
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
            "organisations": doc.organisations.map { ["name": one($0)] },
            "hasOrganisations": !doc.organisations.isEmpty,
            "recipientCount": TemplateCount(doc.recipientCount), "hasRecipients": doc.recipientCount > 0,
            "tables": doc.tables.map { t -> [String: Any] in
                [
                    "number": t.number, "name": one(t.name), "hasName": !t.name.isEmpty,
                    "host": one(t.host ?? ""), "hasHost": t.host != nil,
                    "noteTaker": one(t.noteTaker ?? ""), "hasNoteTaker": t.noteTaker != nil,
                    "noteCount": TemplateCount(t.noteCount),
                    "principles": t.principles.map { p -> [String: Any] in
                        [
                            "number": p.number, "title": one(p.title), "kinds": kinds(p.kinds),
                            "hasNotes": !p.kinds.isEmpty || !p.initiatives.isEmpty,
                            "initiatives": p.initiatives.map(note), "hasInitiatives": !p.initiatives.isEmpty,
                            "agreement": agreement(p.agreement),
                        ]
                    },
                ]
            },
        ]
        context.merge(extra) { _, new in new }
        return context
    }

    static func formatDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

extension HarvestDocument {
    func fundingLabel(_ f: FundingClass) -> String { fundingLabels[f] ?? f.rawValue }
}
