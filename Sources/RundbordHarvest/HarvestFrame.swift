import Foundation
import RundbordCore

/// The harvest apart from its notes: everything `Harvest.build` computes
/// from the event, the tables, the participants, the show of hands and the
/// curation, with what it needs to turn a stored note into a harvested one.
///
/// The notes come in two ways, and both give the same document: all at
/// once (`Harvest.build(input:)`), or from the store a piece at a time
/// (`StreamedHarvest`: one pass that counts them, `NoteTally`, then each
/// principle's and table's notes when their section is written), so a
/// large event is never held whole (issue #16).
struct HarvestFrame {
    typealias NoteEntry = HarvestDocument.NoteEntry
    typealias KindGroup = HarvestDocument.KindGroup
    typealias AgreementSummary = HarvestDocument.AgreementSummary

    let options: HarvestOptions
    let event: Event
    /// Labels in the harvest's language; the vision's content as written.
    let vision: Vision
    /// Every table of the event, with the harvested ones' texts redacted.
    let allTables: [RoundTable]
    /// The harvested tables, by number.
    let tables: [RoundTable]
    let tableById: [UUID: RoundTable]
    let participants: [Participant]
    let agreements: [UUID: [String: AgreementTally]]
    /// The organiser's curation, redacted.
    let curation: CurationState
    let redactor: NoteRedactor?
    /// Principles in the vision's order; notes under a principle the vision no longer has
    /// (an edited file) are kept under their id at the end rather than dropped.
    let principles: [Principle]
    let principleNumber: [String: Int]
    let kindOrder: [NoteKind]
    let maker: NoteEntryMaker
    /// Names replaced in the curation and the tables' hosts and note-takers.
    let privacy: PrivacySummary

    /// `principleIds` gives the principles of the live notes of the harvested
    /// tables (their ids given), in the order of `EventStore.allNotes`.
    init(event: Event, tables allTables: [RoundTable], participants: [Participant],
         agreements: [UUID: [String: AgreementTally]], curation: CurationState, keptNames: Set<KeptName>,
         options: HarvestOptions,
         principleIds: (Set<UUID>) throws(RundbordError) -> [String]) throws(RundbordError) {
        self.options = options
        self.event = event
        vision = LabelText.labelled(event.vision, options.language)
        if let wanted = options.tables {
            let known = Set(allTables.map(\.number))
            if let missing = wanted.subtracting(known).sorted().first {
                throw RundbordError(CoreText.storeNoTable, [missing, known.count], exit: .usage)
            }
        }
        // Names of people who may not be named leave every free text, once, for every format (`NoteRedactor`).
        let redactor = NoteRedactor(participants: participants, keptNames: keptNames, options: options)
        self.redactor = redactor
        var privacy = PrivacySummary()
        var redactedTables = allTables
        var redactedCuration = curation
        if let redactor {
            for i in redactedTables.indices where options.tables?.contains(redactedTables[i].number) ?? true {
                redactedTables[i].host = redactor.redact(redactedTables[i].host, note: nil, &privacy)
                redactedTables[i].noteTaker = redactor.redact(redactedTables[i].noteTaker, note: nil, &privacy)
            }
            // Owner aliases are lookup keys (both sides, so notes' redacted owners
            // still find them), not counted as text shown.
            redactedCuration = curation.mappingTexts { text, isKey in redactor.redact(text, note: nil, &privacy, counted: !isKey) }
        }
        self.privacy = privacy
        self.allTables = redactedTables
        self.curation = redactedCuration
        self.participants = participants
        self.agreements = agreements
        tables = redactedTables.filter { options.tables?.contains($0.number) ?? true }.sorted { $0.number < $1.number }
        tableById = Dictionary(uniqueKeysWithValues: tables.map { ($0.id, $0) })
        principles = Harvest.principles(vision, withNotesUnder: try principleIds(Set(tableById.keys)), language: options.language)
        principleNumber = Dictionary(uniqueKeysWithValues: principles.enumerated().map { ($1.id, $0 + 1) })
        let kinds = vision.noteKinds.map(\.kind)
        kindOrder = kinds + NoteKind.allCases.filter { !kinds.contains($0) }
        maker = NoteEntryMaker(vision: vision, principleNumber: principleNumber,
                               tableNumber: tableById.mapValues(\.number),
                               participantsById: Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                               anonymous: options.anonymous)
    }

    /// A stored note as the harvest shows it, its texts redacted (the names
    /// replaced or kept counted in `privacy`, with a credit left out); nil
    /// for a deleted note or one of a table not harvested.
    func harvest(_ stored: Note, _ privacy: inout PrivacySummary) -> (note: Note, entry: NoteEntry)? {
        guard !stored.isDeleted, tableById[stored.tableId] != nil else { return nil }
        var note = stored
        redactor?.redact(&note, &privacy)
        return (note, maker.entry(note, &privacy))
    }

    /// Notes other than initiatives, grouped by kind in the vision's kind order; empty groups left out.
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
        (table.number, agreements[table.id]?[principleId] ?? AgreementTally())
    }

    /// The document with every part but the notes: the principles' sections
    /// without their kinds, the tables' appendix without its notes, no flat
    /// list of notes. `section`, `appendix` and the notes in harvest order
    /// make it whole.
    func outline(_ tally: NoteTally) -> HarvestDocument {
        typealias PrincipleSection = HarvestDocument.PrincipleSection
        typealias FundingSection = HarvestDocument.FundingSection
        typealias RankedInitiative = HarvestDocument.RankedInitiative
        typealias OwnerSection = HarvestDocument.OwnerSection
        typealias TableAppendix = HarvestDocument.TableAppendix
        typealias TablePrinciple = HarvestDocument.TablePrinciple
        typealias NamedParticipant = HarvestDocument.NamedParticipant
        let lang = options.language
        var privacy = self.privacy
        privacy.add(tally.privacy)
        // The notes CSV needs none of the ranking, groups or appendix (`HarvestParts.notes`).
        let all = options.parts == .all
        let ranked = !all ? [] : self.ranked(tally)
        let funding = FundingClass.allCases.map { f in
            FundingSection(funding: f, label: vision.label(f), initiatives: ranked.filter { $0.funding == f })
        }
        let sections = principles.map { p in
            PrincipleSection(number: principleNumber[p.id]!, id: p.id, title: p.title, summary: p.summary,
                             questions: p.questions, keyMessages: Harvest.keyMessages(curation.keyMessage(p.id)),
                             kinds: [],
                             initiatives: ranked.filter { $0.proposals.contains { $0.principleId == p.id } },
                             agreement: summary(tables.map { self.tally($0, p.id) }))
        }

        // Owners compared case- and space-insensitively; shown as first written.
        var ownerOrder: [String] = []
        var ownerShown: [String: String] = [:]
        var byOwner: [String: [RankedInitiative]] = [:]
        for initiative in ranked {
            for owner in initiative.owners {
                let key = Harvest.mergeKey(owner)
                if ownerShown[key] == nil { ownerShown[key] = owner; ownerOrder.append(key) }
                byOwner[key, default: []].append(initiative)
            }
        }
        let owners = ownerOrder.map { OwnerSection(owner: ownerShown[$0]!, initiatives: byOwner[$0]!) }

        let appendix: [TableAppendix] = !all ? [] : tables.map { table in
            let walked = principles.filter { p in
                table.principleIds.contains(p.id) || tally.principlesAt[table.number]?.contains(p.id) == true
            }
            return TableAppendix(
                number: table.number, name: table.name,
                host: options.anonymous || table.host.isEmpty ? nil : table.host,
                noteTaker: options.anonymous || table.noteTaker.isEmpty ? nil : table.noteTaker,
                noteCount: tally.notesAt[table.number] ?? 0,
                principles: walked.map { p in
                    TablePrinciple(number: principleNumber[p.id]!, id: p.id, title: p.title, kinds: [], initiatives: [],
                                   agreement: summary([self.tally(table, p.id)]))
                })
        }

        let included = participants.filter { p in
            guard let wanted = options.tables else { return true }
            return p.tableNumber.map(wanted.contains) ?? true
        }
        let named = options.anonymous ? [] : included.filter { $0.mayBeNamed && !$0.name.isEmpty }
            .map { NamedParticipant(name: $0.name, organisation: $0.organisation, table: $0.tableNumber) }
        privacy.participantsLeftOut = included.filter { !$0.name.isEmpty }.count - named.count
        func distinctSorted(_ names: [String]) -> [String] {
            var seen = Set<String>()
            return names.map { Sanitize.line($0) }.filter { !$0.isEmpty && seen.insert(Harvest.mergeKey($0)).inserted }
                .sorted { $0.compare($1, options: [.caseInsensitive], locale: Locale(identifier: lang.rawValue)) == .orderedAscending }
        }
        // An organisation is not a person: listed even when anonymous.
        let consenting = included.filter { $0.mayBeNamed && !$0.name.isEmpty }.map(\.organisation)
        let organisations = all ? distinctSorted(consenting + tally.credited) : []
        // Every organisation on the roster took part, whatever its people chose about their own names.
        let takingPart = all ? distinctSorted(included.map(\.organisation) + tally.credited + vision.organisations) : []
        // Everybody who was at the event receives the mail, whatever tables the harvest covers.
        var seenAddresses = Set<String>()
        let recipients = participants.map { Sanitize.line($0.email) }
            .filter { EmailAddress.isValid($0) && seenAddresses.insert($0.lowercased()).inserted }

        return HarvestDocument(
            language: lang, generatedAt: options.generatedAt, anonymous: options.anonymous,
            event: .init(id: event.id, title: event.title, date: event.date, venue: event.venue,
                         organiser: event.organiser, organiserEmail: event.organiserEmail,
                         longDate: HarvestTypography.longDate(event.date, lang),
                         visionTitle: vision.title, visionSubtitle: vision.subtitle,
                         visionIssuer: vision.issuer, visionOrganisations: vision.organisations,
                         nextSteps: event.nextSteps, links: event.links,
                         attachments: event.attachments.map {
                             .init(name: $0.name, fileName: $0.path.map { URL(fileURLWithPath: $0).lastPathComponent },
                                   path: $0.path)
                         }, mailTo: event.extraRecipients),
            tableNumbers: tables.map(\.number), totalTables: allTables.count,
            fundingLabels: Dictionary(uniqueKeysWithValues: FundingClass.allCases.map { ($0, vision.label($0)) }),
            agreementLabels: Dictionary(uniqueKeysWithValues: AgreementLevel.allCases.map { ($0, vision.label($0)) }),
            counts: .init(tables: tables.count, notes: tally.count,
                          initiatives: ranked.count, participants: included.count,
                          organisations: takingPart.count, dots: tally.dots),
            keyMessages: Harvest.keyMessages(curation.keyMessage(nil)), principles: sections, initiatives: ranked,
            funding: funding, owners: owners,
            unowned: ranked.filter { $0.owners.isEmpty },
            agreementTotal: summary(tables.flatMap { t in principles.map { self.tally(t, $0.id) } }),
            tables: appendix, participants: named, organisations: organisations, organisationsTakingPart: takingPart,
            recipientCount: recipients.count, notes: [], recipients: recipients, privacy: privacy)
    }

    /// The initiatives of the tally, merged and ranked (`HarvestDocument.initiatives`).
    func ranked(_ tally: NoteTally) -> [HarvestDocument.RankedInitiative] {
        Harvest.rank(notes: tally.initiatives, curation: curation, vision: vision, tables: tables,
                     principles: principles, principleNumber: principleNumber,
                     language: options.language, speaker: { tally.speakers[$0] ?? nil })
    }

    /// A principle's section of the outline with its notes (those under it, in harvest order).
    func section(_ outline: HarvestDocument.PrincipleSection, _ notes: [NoteEntry]) -> HarvestDocument.PrincipleSection {
        var section = outline
        section.kinds = groups(notes)
        return section
    }

    /// A table's appendix of the outline with its notes (the table's, in harvest order).
    func appendix(_ outline: HarvestDocument.TableAppendix, _ notes: [NoteEntry]) -> HarvestDocument.TableAppendix {
        var appendix = outline
        for i in appendix.principles.indices {
            let id = appendix.principles[i].id
            let here = notes.filter { $0.principleId == id }
            appendix.principles[i].kinds = groups(here)
            appendix.principles[i].initiatives = here.filter { $0.kind == .initiative }
                .sorted { ($1.dots, $0.createdAt) < ($0.dots, $1.createdAt) }
        }
        return appendix
    }
}

/// What the harvest counts over all its notes before a section is written:
/// how many, their dots, where they are, the organisations credited, the
/// names left out, and the initiatives (all the ranking reads).
struct NoteTally {
    var count = 0
    var dots = 0
    /// Table number → how many notes.
    var notesAt: [Int: Int] = [:]
    /// Table number → the principles it has notes under.
    var principlesAt: [Int: Set<String>] = [:]
    /// Organisations credited on notes (as redacted), each the first time its key is met
    /// (`HarvestFrame.outline` lists them as the whole list of credits would be listed).
    var credited: [String] = []
    var creditedKeys = Set<String>()
    var privacy = PrivacySummary()
    /// The initiatives, redacted, and how each is credited.
    var initiatives: [Note] = []
    var speakers: [UUID: String?] = [:]

    /// Counts a harvested note (`HarvestFrame.harvest`).
    mutating func add(_ note: Note, _ entry: HarvestDocument.NoteEntry, _ frame: HarvestFrame) {
        count += 1
        dots += entry.dots
        notesAt[entry.table, default: 0] += 1
        if principlesAt[entry.table]?.contains(note.principleId) != true {
            principlesAt[entry.table, default: []].insert(note.principleId)
        }
        // Kept in the order met: the first spelling of an organisation is the one shown.
        if note.speakerId == nil, let organisation = note.speakerOrganisation {
            let shown = Sanitize.line(organisation)
            if !shown.isEmpty, creditedKeys.insert(Harvest.mergeKey(shown)).inserted { credited.append(organisation) }
        }
        if note.isInitiative {
            initiatives.append(note)
            speakers[note.id] = entry.speaker
        }
    }
}

extension PrivacySummary {
    mutating func add(_ other: PrivacySummary) {
        creditsLeftOut += other.creditsLeftOut
        participantsLeftOut += other.participantsLeftOut
        namesReplaced += other.namesReplaced
        namesKept += other.namesKept
    }
}
