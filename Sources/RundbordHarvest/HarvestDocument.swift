import Foundation
import RundbordCore
import RundbordStore

/// What to harvest and how: which tables, whether anybody may be named, the language.
public struct HarvestOptions: Sendable {
    /// Table numbers to include; nil means every table.
    public var tables: Set<Int>?
    /// Names nobody: no participant list, no speakers on notes, no organisations credited.
    public var anonymous: Bool
    public var language: Language
    /// The moment the harvest is made (shown in the export, the mail's Date header).
    public var generatedAt: Date
    /// What to compute: the notes CSV needs the notes alone, not the ranking.
    public var parts: HarvestParts

    public init(tables: Set<Int>? = nil, anonymous: Bool = false, language: Language = .da,
                generatedAt: Date = Date(), parts: HarvestParts = .all) {
        self.tables = tables; self.anonymous = anonymous; self.language = language
        self.generatedAt = generatedAt; self.parts = parts
    }
}

/// How much of the harvest document to compute.
public enum HarvestParts: Sendable {
    /// Everything: what Markdown, text, mail, JSON and the initiatives CSV render.
    case all
    /// `notes`, the principles' numbers and titles, the event and the counts of
    /// notes: what the notes CSV renders. Rankings, groups, the appendix,
    /// owners and organisations are left empty.
    case notes
}

/// Everything the harvest is computed from, as read from the store.
public struct HarvestInput: Sendable {
    public var event: Event
    public var tables: [RoundTable]
    public var notes: [Note]
    public var participants: [Participant]
    /// Table id → principle id → show of hands.
    public var agreements: [UUID: [String: AgreementTally]]
    /// The organiser's merges, owner aliases and key messages.
    public var curation: CurationState
    /// Names in notes the organiser chose to keep although the person is not named.
    public var keptNames: Set<KeptName>

    public init(event: Event, tables: [RoundTable], notes: [Note], participants: [Participant],
                agreements: [UUID: [String: AgreementTally]], curation: CurationState = CurationState(),
                keptNames: Set<KeptName> = []) {
        self.event = event; self.tables = tables; self.notes = notes
        self.participants = participants; self.agreements = agreements; self.curation = curation
        self.keptNames = keptNames
    }

    public static func read(from store: EventStore) throws(RundbordError) -> HarvestInput {
        HarvestInput(event: try store.event(), tables: try store.tables(), notes: try store.allNotesCredited(),
                     participants: try store.participants(), agreements: try store.agreements(),
                     curation: try store.curation(),
                     keptNames: try store.keptNames())
    }
}

/// The harvest of an event: a pure model, computed from the store, that every
/// export format renders. It is also the JSON export (schema "rundbord-export/1",
/// documented in docs/EXPORT-JSON.md), so field names are part of that schema.
public struct HarvestDocument: Sendable, Encodable, Equatable {
    public static let schemaName = "rundbord-export/1"

    public var schema = HarvestDocument.schemaName
    public var language: Language
    public var generatedAt: Date
    public var anonymous: Bool
    public var event: EventInfo
    /// The tables harvested (all, or those asked for with --tables).
    public var tableNumbers: [Int]
    /// How many tables the event has in all.
    public var totalTables: Int
    /// The vision's names for the funding classes and the agreement scale.
    public var fundingLabels: [FundingClass: String]
    public var agreementLabels: [AgreementLevel: String]
    public var counts: Counts
    /// What was said under each principle, in the vision's order.
    public var principles: [PrincipleSection]
    /// Every initiative of the harvested tables, merged across tables and principles, ranked by dots.
    public var initiatives: [RankedInitiative]
    /// The ranked initiatives split by funding: needs funding, can start now, unclear (always all three).
    public var funding: [FundingSection]
    /// Who is to act: initiatives by owner, owners in order of their best-ranked initiative.
    public var owners: [OwnerSection]
    /// Ranked initiatives nobody has taken on yet.
    public var unowned: [RankedInitiative]
    /// The show of hands summed over tables and principles.
    public var agreementTotal: AgreementSummary
    /// One section per harvested table: its notes, initiatives and votes per principle.
    public var tables: [TableAppendix]
    /// Participants who agreed to be named (none when anonymous).
    public var participants: [NamedParticipant]
    /// Organisations of named participants and organisations credited on notes (none when anonymous).
    public var organisations: [String]
    /// How many participants receive the follow-up mail (have an e-mail address).
    public var recipientCount: Int
    /// Every live note of the harvested tables, in principle, table and time order.
    public var notes: [NoteEntry]
    /// The addresses the follow-up mail goes to as Bcc (participants with a
    /// valid e-mail, deduplicated). Used for the mail only: not in the JSON.
    public var recipients: [String]
    /// What was left out to respect consent (see `Redaction`).
    public var privacy: PrivacySummary

    enum CodingKeys: String, CodingKey {
        case schema, language, generatedAt, anonymous, event, tableNumbers, totalTables, fundingLabels
        case agreementLabels, counts, principles, initiatives, funding, owners, unowned, agreementTotal
        case tables, participants, organisations, recipientCount, notes, privacy
    }

    public struct EventInfo: Sendable, Encodable, Equatable {
        public var id: UUID
        public var title: String
        public var date: String
        public var venue: String
        public var organiser: String
        public var organiserEmail: String
        public var visionTitle: String
        public var visionSubtitle: String
        public var visionIssuer: String
        /// The organisations behind the vision (from the vision template; public).
        public var visionOrganisations: [String]
        public var nextSteps: String
        public var links: [EventLink]
        public var attachments: [AttachmentInfo]
    }

    public struct AttachmentInfo: Sendable, Encodable, Equatable {
        public var name: String
        /// The file's name (without folders), when the attachment names a file.
        public var fileName: String?
        /// Where the file is, for attaching it to the mail; not in the JSON.
        public var path: String?

        enum CodingKeys: String, CodingKey { case name, fileName }
    }

    public struct Counts: Sendable, Encodable, Equatable {
        public var tables: Int
        public var notes: Int
        public var initiatives: Int
        public var participants: Int
        public var dots: Int
    }

    public struct NoteEntry: Sendable, Encodable, Equatable {
        public var id: UUID
        public var table: Int
        public var principleId: String
        public var principleNumber: Int
        public var kind: NoteKind
        public var kindLabel: String
        public var text: String
        /// The credited speaker as it may be shown (named participant or organisation), else nil.
        public var speaker: String?
        public var createdAt: Date
        public var editedAt: Date
        public var funding: FundingClass?
        public var owner: String?
        public var horizon: String?
        public var dots: Int
    }

    public struct KindGroup: Sendable, Encodable, Equatable {
        public var kind: NoteKind
        public var label: String
        public var notes: [NoteEntry]
    }

    /// One proposal of an initiative at one table.
    public struct Proposal: Sendable, Encodable, Equatable {
        public var noteId: UUID
        public var table: Int
        public var principleId: String
        public var dots: Int
    }

    public struct RankedInitiative: Sendable, Encodable, Equatable {
        /// Its number ("Nr."), 1…n in ranking order: the same in every section and format (`Ranking`).
        public var rank: Int
        /// Its id (`rundbord initiatives`): the organiser's merge, else its first note.
        public var id: UUID
        /// Its place, shared by initiatives tied on dots and tables ("4.–10."); nil with 0 dots.
        public var place: String?
        /// "støttet af 3 af 4 borde".
        public var support: String
        /// The organiser's estimate in whole kroner, and as shown ("ca. 250.000 kr.").
        public var cost: Int?
        public var costText: String?
        /// The decision it needs, and its label.
        public var decision: InitiativeDecision
        public var decisionLabel: String
        /// True when the organiser merged it (it can be split).
        public var merged: Bool
        /// The text as the first table wrote it, or as the organiser chose when merging.
        public var text: String
        /// Dots summed over every table that proposed it.
        public var dots: Int
        /// The tables that proposed it, ascending.
        public var tables: [Int]
        /// The principles it was proposed under, in the vision's order.
        public var principleNumbers: [Int]
        public var funding: FundingClass
        public var fundingLabel: String
        /// True when the tables classed its funding differently (shown as unclear).
        public var fundingDisputed: Bool
        public var owners: [String]
        public var horizons: [String]
        public var proposals: [Proposal]
    }

    public struct FundingSection: Sendable, Encodable, Equatable {
        public var funding: FundingClass
        public var label: String
        public var initiatives: [RankedInitiative]
    }

    public struct OwnerSection: Sendable, Encodable, Equatable {
        public var owner: String
        public var initiatives: [RankedInitiative]
    }

    public struct AgreementSummary: Sendable, Encodable, Equatable {
        public var agree: Int
        public var partly: Int
        public var disagree: Int
        public var dontKnow: Int
        public var total: Int
        /// How many tables reported a show of hands.
        public var tablesReporting: Int
    }

    public struct PrincipleSection: Sendable, Encodable, Equatable {
        public var number: Int
        public var id: String
        public var title: String
        public var summary: String
        public var questions: [String]
        /// Notes other than initiatives, grouped by kind in the vision's kind order; empty groups left out.
        public var kinds: [KindGroup]
        /// This principle's initiatives merged across tables, ranked.
        public var initiatives: [RankedInitiative]
        public var agreement: AgreementSummary
    }

    public struct TablePrinciple: Sendable, Encodable, Equatable {
        public var number: Int
        public var id: String
        public var title: String
        public var kinds: [KindGroup]
        /// This table's initiatives under the principle, by its own dots.
        public var initiatives: [NoteEntry]
        public var agreement: AgreementSummary
    }

    public struct TableAppendix: Sendable, Encodable, Equatable {
        public var number: Int
        public var name: String
        /// Host and note-taker are people: shown only when not anonymous.
        public var host: String?
        public var noteTaker: String?
        public var noteCount: Int
        public var principles: [TablePrinciple]
    }

    public struct NamedParticipant: Sendable, Encodable, Equatable {
        public var name: String
        public var organisation: String
        public var table: Int?
    }
}

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
        let vision = event.vision
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
        var principles = vision.principles
        for note in input.notes where tableById[note.tableId] != nil && !note.isDeleted {
            if !principles.contains(where: { $0.id == note.principleId }) {
                principles.append(Principle(id: note.principleId, title: HarvestText.unknownPrinciple.text(lang, note.principleId),
                                            summary: "", questions: [], minutes: 0))
            }
        }
        let principleNumber = Dictionary(uniqueKeysWithValues: principles.enumerated().map { ($1.id, $0 + 1) })
        let kindOrder = vision.noteKinds.map(\.kind) + NoteKind.allCases.filter { k in !vision.noteKinds.contains { $0.kind == k } }

        // A person is credited only with consent, never when anonymous; an organisation always.
        func speaker(_ note: Note) -> String? {
            if let id = note.speakerId {
                guard !options.anonymous, let p = participantsById[id], p.mayBeNamed, !p.name.isEmpty else {
                    privacy.creditsLeftOut += 1
                    return nil
                }
                return p.organisation.isEmpty ? p.name : "\(p.name), \(p.organisation)"
            }
            return note.speakerOrganisation.flatMap { $0.isEmpty ? nil : $0 }
        }

        let entries: [NoteEntry] = input.notes
            .filter { !$0.isDeleted && tableById[$0.tableId] != nil }
            .map { note in
                NoteEntry(id: note.id, table: tableById[note.tableId]!.number, principleId: note.principleId,
                          principleNumber: principleNumber[note.principleId] ?? 0, kind: note.kind,
                          kindLabel: vision.label(note.kind), text: note.text, speaker: speaker(note),
                          createdAt: note.createdAt, editedAt: note.editedAt,
                          funding: note.isInitiative ? (note.funding ?? .unclear) : nil,
                          owner: note.isInitiative ? note.owner : nil,
                          horizon: note.isInitiative ? note.horizon : nil,
                          dots: note.isInitiative ? note.dots : 0)
            }
            .sorted { a, b in
                // Tuples compare eagerly; the id (a tie-breaker) is only built when needed.
                if (a.principleNumber, a.table, a.createdAt) != (b.principleNumber, b.table, b.createdAt) {
                    return (a.principleNumber, a.table, a.createdAt) < (b.principleNumber, b.table, b.createdAt)
                }
                return a.id.uuidString < b.id.uuidString
            }

        func groups(_ notes: [NoteEntry]) -> [KindGroup] {
            kindOrder.filter { $0 != .initiative }.compactMap { kind in
                let these = notes.filter { $0.kind == kind }
                return these.isEmpty ? nil : KindGroup(kind: kind, label: vision.label(kind), notes: these)
            }
        }

        func summary(_ tallies: [AgreementTally]) -> AgreementSummary {
            let sum = tallies.reduce(AgreementTally(), +)
            return AgreementSummary(agree: sum.agree, partly: sum.partly, disagree: sum.disagree,
                                    dontKnow: sum.dontKnow, total: sum.total,
                                    tablesReporting: tallies.filter { $0.total > 0 }.count)
        }

        func tally(_ table: RoundTable, _ principleId: String) -> AgreementTally {
            input.agreements[table.id]?[principleId] ?? AgreementTally()
        }

        let all = options.parts == .all
        let ranked = all ? rank(input, tables: tables, principles: principles, principleNumber: principleNumber, language: lang) : []
        let sections = principles.map { p in
            let here = all ? entries.filter { $0.principleId == p.id } : []
            return PrincipleSection(number: principleNumber[p.id]!, id: p.id, title: p.title, summary: p.summary,
                                    questions: p.questions, kinds: groups(here),
                                    initiatives: ranked.filter { $0.proposals.contains { $0.principleId == p.id } },
                                    agreement: summary(tables.map { tally($0, p.id) }))
        }

        let funding = FundingClass.allCases.map { f in
            FundingSection(funding: f, label: vision.label(f), initiatives: ranked.filter { $0.funding == f })
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
        // An organisation is not a person: listed even when anonymous. Those of
        // participants who consented, and those notes are credited to.
        var organisations: [String] = []
        if all {
            var seen = Set<String>()
            let consenting = included.filter { $0.mayBeNamed && !$0.name.isEmpty }.map(\.organisation)
            let credited = input.notes.filter { $0.speakerId == nil && tableById[$0.tableId] != nil && !$0.isDeleted }
                .compactMap(\.speakerOrganisation)
            for name in consenting + credited where !name.isEmpty && seen.insert(mergeKey(name)).inserted {
                organisations.append(name)
            }
            organisations.sort { $0.compare($1, options: [.caseInsensitive], locale: Locale(identifier: lang.rawValue)) == .orderedAscending }
        }
        // Everybody who was at the event receives the mail, whatever tables the harvest covers.
        var seenAddresses = Set<String>()
        let recipients = input.participants.map { Sanitize.line($0.email) }
            .filter { EmailAddress.isValid($0) && seenAddresses.insert($0.lowercased()).inserted }

        return HarvestDocument(
            language: lang, generatedAt: options.generatedAt, anonymous: options.anonymous,
            event: EventInfo(id: event.id, title: event.title, date: event.date, venue: event.venue,
                             organiser: event.organiser, organiserEmail: event.organiserEmail,
                             visionTitle: vision.title, visionSubtitle: vision.subtitle,
                             visionIssuer: vision.issuer, visionOrganisations: vision.organisations,
                             nextSteps: event.nextSteps, links: event.links,
                             attachments: event.attachments.map {
                                 AttachmentInfo(name: $0.name, fileName: $0.path.map { URL(fileURLWithPath: $0).lastPathComponent },
                                                path: $0.path)
                             }),
            tableNumbers: tables.map(\.number), totalTables: input.tables.count,
            fundingLabels: Dictionary(uniqueKeysWithValues: FundingClass.allCases.map { ($0, vision.label($0)) }),
            agreementLabels: Dictionary(uniqueKeysWithValues: AgreementLevel.allCases.map { ($0, vision.label($0)) }),
            counts: Counts(tables: tables.count, notes: entries.count,
                           initiatives: ranked.count, participants: included.count,
                           dots: entries.reduce(0) { $0 + $1.dots }),
            principles: sections, initiatives: ranked, funding: funding, owners: owners,
            unowned: ranked.filter { $0.owners.isEmpty },
            agreementTotal: summary(tables.flatMap { t in principles.map { tally(t, $0.id) } }),
            tables: appendix, participants: named, organisations: organisations,
            recipientCount: recipients.count, notes: entries, recipients: recipients, privacy: privacy)
    }

    /// Two texts name the same initiative or owner when they are equal ignoring
    /// case and runs of white space.
    public static func mergeKey(_ text: String) -> String { Curation.textKey(text) }

    /// The initiatives of the harvested tables as the organiser curated them
    /// (equal texts and confirmed merges joined, owner aliases applied), in
    /// the one ranking every format shows (`Ranking`).
    static func rank(_ input: HarvestInput, tables: [RoundTable], principles: [Principle],
                     principleNumber: [String: Int], language: Language) -> [HarvestDocument.RankedInitiative] {
        let vision = input.event.vision
        return Curation.ranked(notes: input.notes, tables: tables, state: input.curation,
                               principleOrder: principles.map(\.id)).map { ranked in
            let i = ranked.initiative
            return HarvestDocument.RankedInitiative(
                rank: ranked.rank.number, id: i.id, place: ranked.rank.placeText(language),
                support: ranked.rank.supportText(language), cost: i.cost,
                costText: i.cost.map { Curation.costText($0, language) }, decision: i.decision,
                decisionLabel: Curation.decisionText(i.decision, language), merged: i.mergeId != nil,
                text: i.text, dots: i.dots, tables: i.tables,
                principleNumbers: Array(Set(i.principleIds.compactMap { principleNumber[$0] })).sorted(),
                funding: i.funding, fundingLabel: vision.label(i.funding), fundingDisputed: i.fundingDisputed,
                owners: i.owners, horizons: i.horizons,
                proposals: i.sources.map { .init(noteId: $0.noteId, table: $0.table, principleId: $0.principleId, dots: $0.dots) })
        }
    }
}
