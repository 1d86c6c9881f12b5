import Foundation
import RundbordCore

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
    /// The event's key messages, most important first (from the curation; empty when none were written).
    public var keyMessages: [String]
    /// What was said under each principle, in the vision's order.
    public var principles: [PrincipleSection]
    /// Every initiative of the harvested tables, merged across tables and principles, ranked by dots.
    /// Each has one number (`rank`, "Nr."), used wherever it is referred to.
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
    /// Organisations of participants who agreed to be named and organisations credited on notes
    /// (also when anonymous: an organisation is not a person).
    public var organisations: [String]
    /// Every organisation that took part: the roster's (whatever its people chose about
    /// their names: an organisation is not a person), those credited on notes and the
    /// vision's member list.
    public var organisationsTakingPart: [String]
    /// How many participants receive the follow-up mail (have an e-mail address).
    public var recipientCount: Int
    /// Every live note of the harvested tables, in principle, table and time order.
    public var notes: [NoteEntry]
    /// The addresses the follow-up mail goes to as Bcc (participants with a
    /// valid e-mail, deduplicated). Used for the mail only: not in the JSON.
    public var recipients: [String]
    /// What was left out to respect consent (see `NoteRedactor`).
    public var privacy: PrivacySummary

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema, language, generatedAt, anonymous, event, tableNumbers, totalTables, fundingLabels
        case agreementLabels, counts, keyMessages, principles, initiatives, funding, owners, unowned, agreementTotal
        case tables, participants, organisations, organisationsTakingPart, recipientCount, notes, privacy
    }

    public struct EventInfo: Sendable, Encodable, Equatable {
        public var id: UUID
        public var title: String
        public var date: String
        public var venue: String
        public var organiser: String
        public var organiserEmail: String
        /// The date written out: "6. november 2024" / "6 November 2024" (as written when not an ISO date).
        public var longDate: String
        public var visionTitle: String
        public var visionSubtitle: String
        public var visionIssuer: String
        /// The organisations behind the vision (from the vision template; public).
        public var visionOrganisations: [String]
        public var nextSteps: String
        public var links: [EventLink]
        public var attachments: [AttachmentInfo]
        /// Who else the mail is addressed to (To:) beside the organiser; the
        /// mail's business, not the harvest's: not in the JSON.
        public var mailTo: [String] = []

        enum CodingKeys: String, CodingKey {
            case id, title, date, venue, organiser, organiserEmail, longDate, visionTitle, visionSubtitle
            case visionIssuer, visionOrganisations, nextSteps, links, attachments
        }
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
        /// Organisations that took part (see `organisationsTakingPart`).
        public var organisations: Int
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

        enum CodingKeys: String, CodingKey, CaseIterable {
            case kind, label, notes
        }
    }

    /// One proposal of an initiative at one table.
    public struct Proposal: Sendable, Encodable, Equatable {
        public var noteId: UUID
        public var table: Int
        public var principleId: String
        public var dots: Int
    }

    /// An initiative as ranked. It is listed in many places (the ranking,
    /// the funding sections, each owner, each principle it was proposed
    /// under), so its fields are held once and shared: a copy is a
    /// reference, not some 230 bytes (issue #16: 40,000 initiatives listed
    /// five times took 46 MB). Its fields read and write as its own
    /// (`initiative.rank`), and it encodes as they do.
    @dynamicMemberLookup
    public struct RankedInitiative: Sendable, Encodable, Equatable {
        public struct Fields: Sendable, Encodable, Equatable {
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
            /// Who proposed it, as they may be shown: a participant who agreed to be
            /// named, or a credited organisation (none when anonymous).
            public var proposedBy: [String]
            public var proposals: [Proposal]
        }

        final class Box: Sendable {
            let fields: Fields
            init(_ fields: Fields) { self.fields = fields }
        }

        private var box: Box

        public init(_ fields: Fields) { box = Box(fields) }

        public var fields: Fields { box.fields }

        public subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { box.fields[keyPath: path] }

        public subscript<T>(dynamicMember path: WritableKeyPath<Fields, T>) -> T {
            get { box.fields[keyPath: path] }
            set {
                var fields = box.fields
                fields[keyPath: path] = newValue
                box = Box(fields)
            }
        }

        public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

        public static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    }

    public struct FundingSection: Sendable, Encodable, Equatable {
        public var funding: FundingClass
        public var label: String
        public var initiatives: [RankedInitiative]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case funding, label, initiatives
        }
    }

    public struct OwnerSection: Sendable, Encodable, Equatable {
        public var owner: String
        public var initiatives: [RankedInitiative]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case owner, initiatives
        }
    }

    public struct AgreementSummary: Sendable, Encodable, Equatable {
        public var agree: Int
        public var partly: Int
        public var disagree: Int
        public var dontKnow: Int
        public var total: Int
        /// How many tables reported a show of hands (a table counted once, however many principles it voted on).
        public var tablesReporting: Int
    }

    public struct PrincipleSection: Sendable, Encodable, Equatable {
        public var number: Int
        public var id: String
        public var title: String
        public var summary: String
        public var questions: [String]
        /// The principle's key messages (from the curation; empty when none were written).
        public var keyMessages: [String]
        /// Notes other than initiatives, grouped by kind in the vision's kind order; empty groups left out.
        public var kinds: [KindGroup]
        /// The harvest's initiatives proposed under this principle (at any table), in number order.
        public var initiatives: [RankedInitiative]
        public var agreement: AgreementSummary

        enum CodingKeys: String, CodingKey, CaseIterable {
            case number, id, title, summary, questions, keyMessages, kinds, initiatives, agreement
        }
    }

    public struct TablePrinciple: Sendable, Encodable, Equatable {
        public var number: Int
        public var id: String
        public var title: String
        public var kinds: [KindGroup]
        /// This table's initiatives under the principle, by its own dots.
        public var initiatives: [NoteEntry]
        public var agreement: AgreementSummary

        enum CodingKeys: String, CodingKey, CaseIterable {
            case number, id, title, kinds, initiatives, agreement
        }
    }

    public struct TableAppendix: Sendable, Encodable, Equatable {
        public var number: Int
        public var name: String
        /// Host and note-taker are people: shown only when not anonymous.
        public var host: String?
        public var noteTaker: String?
        public var noteCount: Int
        public var principles: [TablePrinciple]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case number, name, host, noteTaker, noteCount, principles
        }
    }

    public struct NamedParticipant: Sendable, Encodable, Equatable {
        public var name: String
        public var organisation: String
        public var table: Int?
    }
}
