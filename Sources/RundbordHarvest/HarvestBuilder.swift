import Foundation
import RundbordCore
import RundbordStore

/// Builds the harvest document.
public enum Harvest {
    public static func build(store: EventStore, options: HarvestOptions) throws(RundbordError) -> HarvestDocument {
        let input = try HarvestInput.read(from: store)
        return try build(input: input, options: options)
    }

    /// The pure computation: the same input and options always give the same document.
    public static func build(input unredacted: HarvestInput, options: HarvestOptions) throws(RundbordError) -> HarvestDocument {
        // Names of people who may not be named leave every free text here, once, for every format.
        let redacted = Redaction.apply(unredacted, options: options)
        let input = redacted.input
        var privacy = redacted.summary
        typealias NoteEntry = HarvestDocument.NoteEntry
        typealias KindGroup = HarvestDocument.KindGroup
        typealias AgreementSummary = HarvestDocument.AgreementSummary
        typealias PrincipleSection = HarvestDocument.PrincipleSection
        typealias FundingSection = HarvestDocument.FundingSection
        typealias RankedInitiative = HarvestDocument.RankedInitiative
        typealias OwnerSection = HarvestDocument.OwnerSection
        typealias TableAppendix = HarvestDocument.TableAppendix
        typealias TablePrinciple = HarvestDocument.TablePrinciple
        typealias NamedParticipant = HarvestDocument.NamedParticipant
        typealias EventInfo = HarvestDocument.EventInfo
        typealias AttachmentInfo = HarvestDocument.AttachmentInfo
        typealias Counts = HarvestDocument.Counts
        let event = input.event
        // Labels in the harvest's language; the vision's content as written.
        let vision = LabelText.labelled(event.vision, options.language)
        let lang = options.language

        if let wanted = options.tables {
            let known = Set(input.tables.map(\.number))
            if let missing = wanted.subtracting(known).sorted().first {
                throw RundbordError(CoreText.storeNoTable, [missing, known.count], exit: .usage)
            }
        }
        let tables = input.tables.filter { options.tables?.contains($0.number) ?? true }.sorted { $0.number < $1.number }
        let tableById = Dictionary(uniqueKeysWithValues: tables.map { ($0.id, $0) })
        let participantsById = Dictionary(input.participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Principles in the vision's order; notes under a principle the vision no longer
        // has (an edited file) are kept under their id at the end rather than dropped.
        let principles = Self.principles(vision, withNotesUnder: input.notes.lazy
            .filter { tableById[$0.tableId] != nil && !$0.isDeleted }.map(\.principleId), language: lang)
        let principleNumber = Dictionary(uniqueKeysWithValues: principles.enumerated().map { ($1.id, $0 + 1) })
        let kindOrder = vision.noteKinds.map(\.kind) + NoteKind.allCases.filter { k in !vision.noteKinds.contains { $0.kind == k } }

        let maker = NoteEntryMaker(vision: vision, principleNumber: principleNumber,
                                   tableNumber: tableById.mapValues(\.number), participantsById: participantsById,
                                   anonymous: options.anonymous)
        let entries: [NoteEntry] = input.notes
            .filter { !$0.isDeleted && tableById[$0.tableId] != nil }
            .map { maker.entry($0, &privacy) }
            .sorted(by: NoteEntryMaker.inHarvestOrder)

        func groups(_ notes: [NoteEntry]) -> [KindGroup] {
            kindOrder.filter { $0 != .initiative }.compactMap { kind in
                let these = notes.filter { $0.kind == kind }
                return these.isEmpty ? nil : KindGroup(kind: kind, label: vision.label(kind), notes: these)
            }
        }

        /// Tallies summed; a table that voted counts once however many principles it voted on.
        func summary(_ tallies: [(table: Int, tally: AgreementTally)]) -> AgreementSummary {
            let sum = tallies.map(\.tally).reduce(AgreementTally(), +)
            return AgreementSummary(agree: sum.agree, partly: sum.partly, disagree: sum.disagree,
                                    dontKnow: sum.dontKnow, total: sum.total,
                                    tablesReporting: Set(tallies.filter { $0.tally.total > 0 }.map(\.table)).count)
        }

        func tally(_ table: RoundTable, _ principleId: String) -> (table: Int, tally: AgreementTally) {
            (table.number, input.agreements[table.id]?[principleId] ?? AgreementTally())
        }

        let speakerOfNote = Dictionary(entries.map { ($0.id, $0.speaker) }, uniquingKeysWith: { a, _ in a })
        // The notes CSV needs none of the ranking, groups or appendix (`HarvestParts.notes`).
        let all = options.parts == .all
        let ranked = !all ? [] : rank(input, tables: tables, principles: principles, principleNumber: principleNumber,
                                      language: lang, speaker: { speakerOfNote[$0] ?? nil })
        let funding = FundingClass.allCases.map { f in
            FundingSection(funding: f, label: vision.label(f), initiatives: ranked.filter { $0.funding == f })
        }

        let sections = principles.map { p in
            let here = all ? entries.filter { $0.principleId == p.id } : []
            return PrincipleSection(number: principleNumber[p.id]!, id: p.id, title: p.title, summary: p.summary,
                                    questions: p.questions, keyMessages: keyMessages(input.curation.keyMessage(p.id)),
                                    kinds: groups(here),
                                    initiatives: ranked.filter { $0.proposals.contains { $0.principleId == p.id } },
                                    agreement: summary(tables.map { tally($0, p.id) }))
        }

        // Owners compared case- and space-insensitively; shown as first written.
        var ownerOrder: [String] = []
        var ownerShown: [String: String] = [:]
        var byOwner: [String: [RankedInitiative]] = [:]
        for initiative in ranked {
            for owner in initiative.owners {
                let key = mergeKey(owner)
                if ownerShown[key] == nil { ownerShown[key] = owner; ownerOrder.append(key) }
                byOwner[key, default: []].append(initiative)
            }
        }
        let owners = ownerOrder.map { OwnerSection(owner: ownerShown[$0]!, initiatives: byOwner[$0]!) }

        let appendix: [TableAppendix] = !all ? [] : tables.map { table in
            let mine = entries.filter { $0.table == table.number }
            let walked = principles.filter { p in
                table.principleIds.contains(p.id) || mine.contains { $0.principleId == p.id }
            }
            return TableAppendix(
                number: table.number, name: table.name,
                host: options.anonymous || table.host.isEmpty ? nil : table.host,
                noteTaker: options.anonymous || table.noteTaker.isEmpty ? nil : table.noteTaker,
                noteCount: mine.count,
                principles: walked.map { p in
                    let here = mine.filter { $0.principleId == p.id }
                    return TablePrinciple(
                        number: principleNumber[p.id]!, id: p.id, title: p.title, kinds: groups(here),
                        initiatives: here.filter { $0.kind == .initiative }.sorted { ($1.dots, $0.createdAt) < ($0.dots, $1.createdAt) },
                        agreement: summary([tally(table, p.id)]))
                })
        }

        let included = input.participants.filter { p in
            guard let wanted = options.tables else { return true }
            return p.tableNumber.map(wanted.contains) ?? true
        }
        let named = options.anonymous ? [] : included.filter { $0.mayBeNamed && !$0.name.isEmpty }
            .map { NamedParticipant(name: $0.name, organisation: $0.organisation, table: $0.tableNumber) }
        privacy.participantsLeftOut = included.filter { !$0.name.isEmpty }.count - named.count
        // An organisation is not a person: listed even when anonymous.
        let credited = input.notes
            .filter { $0.speakerId == nil && tableById[$0.tableId] != nil && !$0.isDeleted }
            .compactMap(\.speakerOrganisation)
        func distinctSorted(_ names: [String]) -> [String] {
            var seen = Set<String>()
            return names.map { Sanitize.line($0) }.filter { !$0.isEmpty && seen.insert(mergeKey($0)).inserted }
                .sorted { $0.compare($1, options: [.caseInsensitive], locale: Locale(identifier: lang.rawValue)) == .orderedAscending }
        }
        let consenting = included.filter { $0.mayBeNamed && !$0.name.isEmpty }.map(\.organisation)
        let organisations = all ? distinctSorted(consenting + credited) : []
        // Every organisation on the roster took part, whatever its people chose about their own names.
        let takingPart = all ? distinctSorted(included.map(\.organisation) + credited + vision.organisations) : []
        // Everybody who was at the event receives the mail, whatever tables the harvest covers.
        var seenAddresses = Set<String>()
        let recipients = input.participants.map { Sanitize.line($0.email) }
            .filter { EmailAddress.isValid($0) && seenAddresses.insert($0.lowercased()).inserted }

        return HarvestDocument(
            language: lang, generatedAt: options.generatedAt, anonymous: options.anonymous,
            event: EventInfo(id: event.id, title: event.title, date: event.date, venue: event.venue,
                             organiser: event.organiser, organiserEmail: event.organiserEmail,
                             longDate: HarvestTypography.longDate(event.date, lang),
                             visionTitle: vision.title, visionSubtitle: vision.subtitle,
                             visionIssuer: vision.issuer, visionOrganisations: vision.organisations,
                             nextSteps: event.nextSteps, links: event.links,
                             attachments: event.attachments.map {
                                 AttachmentInfo(name: $0.name, fileName: $0.path.map { URL(fileURLWithPath: $0).lastPathComponent },
                                                path: $0.path)
                             }, mailTo: event.extraRecipients),
            tableNumbers: tables.map(\.number), totalTables: input.tables.count,
            fundingLabels: Dictionary(uniqueKeysWithValues: FundingClass.allCases.map { ($0, vision.label($0)) }),
            agreementLabels: Dictionary(uniqueKeysWithValues: AgreementLevel.allCases.map { ($0, vision.label($0)) }),
            counts: Counts(tables: tables.count, notes: entries.count,
                           initiatives: ranked.count, participants: included.count,
                           organisations: takingPart.count, dots: entries.reduce(0) { $0 + $1.dots }),
            keyMessages: keyMessages(input.curation.keyMessage(nil)), principles: sections, initiatives: ranked, funding: funding, owners: owners,
            unowned: ranked.filter { $0.owners.isEmpty },
            agreementTotal: summary(tables.flatMap { t in principles.map { tally(t, $0.id) } }),
            tables: appendix, participants: named, organisations: organisations, organisationsTakingPart: takingPart,
            recipientCount: recipients.count, notes: entries, recipients: recipients, privacy: privacy)
    }

    /// The principles of the harvest in order: the vision's, then those of
    /// notes under a principle the vision no longer has (an edited file),
    /// kept under their id at the end rather than dropped, in the order
    /// `ids` first names them.
    static func principles(_ vision: Vision, withNotesUnder ids: some Sequence<String>, language: Language) -> [Principle] {
        var principles = vision.principles
        for id in ids where !principles.contains(where: { $0.id == id }) {
            principles.append(Principle(id: id, title: HarvestText.unknownPrinciple.text(language, id),
                                        summary: "", questions: [], minutes: 0))
        }
        return principles
    }

    /// Two texts name the same initiative or owner when they are equal ignoring
    /// case and runs of white space.
    public static func mergeKey(_ text: String) -> String { Curation.textKey(text) }

    /// A key message as the organiser wrote it, one message a line ("- " or
    /// "• " in front of a line is the organiser's list mark, not a word).
    static func keyMessages(_ text: String?) -> [String] {
        guard let text else { return [] }
        return Sanitize.multiline(text).lineParts.map { line -> String in
            var l = Substring(line).drop { $0 == " " || $0 == "\t" }
            if let first = l.first, ["-", "•", "*"].contains(first), l.dropFirst().first == " " { l = l.dropFirst(2) }
            return l.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// The initiatives of the harvested tables as the organiser curated them
    /// (equal texts and confirmed merges joined, owner aliases applied), in
    /// the one ranking every format shows (`Ranking`). `speaker` gives the
    /// credit of a source note as it may be shown (for `proposedBy`).
    static func rank(_ input: HarvestInput, tables: [RoundTable], principles: [Principle],
                     principleNumber: [String: Int], language: Language,
                     speaker: (UUID) -> String?) -> [HarvestDocument.RankedInitiative] {
        let vision = LabelText.labelled(input.event.vision, language)
        return Curation.ranked(notes: input.notes, tables: tables, state: input.curation,
                               principleOrder: principles.map(\.id)).map { ranked in
            let i = ranked.initiative
            var proposers: [String] = []
            var seen = Set<String>()
            for source in i.sources {
                if let who = speaker(source.noteId), seen.insert(mergeKey(who)).inserted { proposers.append(who) }
            }
            return HarvestDocument.RankedInitiative(
                rank: ranked.rank.number, id: i.id, place: ranked.rank.placeText(language),
                support: ranked.rank.supportText(language), cost: i.cost,
                costText: i.cost.map { Curation.costText($0, language) }, decision: i.decision,
                decisionLabel: Curation.decisionText(i.decision, language), merged: i.mergeId != nil,
                text: i.text, dots: i.dots, tables: i.tables,
                principleNumbers: Array(Set(i.principleIds.compactMap { principleNumber[$0] })).sorted(),
                funding: i.funding, fundingLabel: vision.label(i.funding), fundingDisputed: i.fundingDisputed,
                owners: i.owners, horizons: i.horizons, proposedBy: proposers,
                proposals: i.sources.map { .init(noteId: $0.noteId, table: $0.table, principleId: $0.principleId, dots: $0.dots) })
        }
    }
}

/// A stored note as the harvest shows it (`HarvestDocument.NoteEntry`):
/// shared by the whole harvest and the notes CSV written as it is read.
struct NoteEntryMaker {
    let vision: Vision
    let principleNumber: [String: Int]
    let tableNumber: [UUID: Int]
    let participantsById: [UUID: Participant]
    let anonymous: Bool

    /// A person is credited only with consent, never when anonymous; an organisation always.
    func speaker(_ note: Note, _ privacy: inout PrivacySummary) -> String? {
        if let id = note.speakerId {
            guard !anonymous, let p = participantsById[id], p.mayBeNamed, !p.name.isEmpty else {
                privacy.creditsLeftOut += 1
                return nil
            }
            return p.organisation.isEmpty ? p.name : "\(p.name), \(p.organisation)"
        }
        return note.speakerOrganisation.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The note of a harvested table (its table is in `tableNumber`).
    func entry(_ note: Note, _ privacy: inout PrivacySummary) -> HarvestDocument.NoteEntry {
        HarvestDocument.NoteEntry(
            id: note.id, table: tableNumber[note.tableId]!, principleId: note.principleId,
            principleNumber: principleNumber[note.principleId] ?? 0, kind: note.kind,
            kindLabel: vision.label(note.kind), text: note.text, speaker: speaker(note, &privacy),
            createdAt: note.createdAt, editedAt: note.editedAt,
            funding: note.isInitiative ? (note.funding ?? .unclear) : nil,
            owner: note.isInitiative ? note.owner : nil,
            horizon: note.isInitiative ? note.horizon : nil,
            dots: note.isInitiative ? note.dots : 0)
    }

    /// Principle, table, time, then id: the order of the harvest's notes.
    static func inHarvestOrder(_ a: HarvestDocument.NoteEntry, _ b: HarvestDocument.NoteEntry) -> Bool {
        // Tuples compare eagerly; the id (a tie-breaker) is only built when needed.
        if (a.principleNumber, a.table, a.createdAt) != (b.principleNumber, b.table, b.createdAt) {
            return (a.principleNumber, a.table, a.createdAt) < (b.principleNumber, b.table, b.createdAt)
        }
        return a.id.uuidString < b.id.uuidString
    }
}
