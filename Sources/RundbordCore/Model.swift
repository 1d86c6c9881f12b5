import Foundation

/// The kinds of note a note-taker can capture. `initiative` is a proposed action
/// and carries funding, owner, horizon and dots.
public enum NoteKind: String, Codable, Sendable, CaseIterable {
    case point, idea, concern, question, quote, initiative
}

/// How an initiative is to be paid for.
public enum FundingClass: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    case needsFunding = "needs_funding"
    case canStartNow = "can_start_now"
    case unclear
}

/// The decision an initiative needs: a proposal for a political decision (a
/// case for a committee), something the administration can start, or not
/// decided yet. Written `political`, `administrative`, `none`.
public enum InitiativeDecision: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    case political, administrative
    case undecided = "none"
}

/// The agreement scale a table answers per principle.
public enum AgreementLevel: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    case agree, partly, disagree
    case dontKnow = "dont_know"
}

/// The phases a table walks through for each principle.
public enum Phase: String, Codable, Sendable, CaseIterable {
    case present, discuss, propose, vote, wrapUp = "wrap_up"

    public var next: Phase? {
        let all = Phase.allCases
        let i = all.firstIndex(of: self)!
        return i + 1 < all.count ? all[i + 1] : nil
    }
    public var previous: Phase? {
        let all = Phase.allCases
        let i = all.firstIndex(of: self)!
        return i > 0 ? all[i - 1] : nil
    }
}

public struct Principle: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var questions: [String]
    /// The default time box in minutes.
    public var minutes: Int

    public init(id: String, title: String, summary: String, questions: [String], minutes: Int) {
        self.id = id; self.title = title; self.summary = summary
        self.questions = questions; self.minutes = minutes
    }
}

public struct NoteKindSpec: Codable, Sendable, Equatable {
    public var kind: NoteKind
    public var label: String
    /// A leading character in the entry line that selects this kind ("!" for initiatives).
    public var prefix: String
    public init(kind: NoteKind, label: String, prefix: String) {
        self.kind = kind; self.label = label; self.prefix = prefix
    }
}

/// A vision paper with its principles and the vocabulary a table uses.
/// Copied into an event when it is created, so later template edits never
/// change a past event.
public struct Vision: Codable, Sendable, Equatable {
    public var templateId: String
    public var language: String
    public var title: String
    public var subtitle: String
    public var issuer: String
    public var attachment: String
    public var organisations: [String]
    public var principles: [Principle]
    public var noteKinds: [NoteKindSpec]
    public var fundingLabels: [FundingClass: String]
    public var agreementLabels: [AgreementLevel: String]

    public init(templateId: String, language: String, title: String, subtitle: String = "",
                issuer: String = "", attachment: String = "", organisations: [String] = [],
                principles: [Principle], noteKinds: [NoteKindSpec],
                fundingLabels: [FundingClass: String], agreementLabels: [AgreementLevel: String]) {
        self.templateId = templateId; self.language = language; self.title = title
        self.subtitle = subtitle; self.issuer = issuer; self.attachment = attachment
        self.organisations = organisations; self.principles = principles; self.noteKinds = noteKinds
        self.fundingLabels = fundingLabels; self.agreementLabels = agreementLabels
    }

    public func principle(id: String) -> Principle? { principles.first { $0.id == id } }

    public func label(_ kind: NoteKind) -> String {
        noteKinds.first { $0.kind == kind }?.label ?? kind.rawValue
    }
    public func label(_ funding: FundingClass) -> String { fundingLabels[funding] ?? funding.rawValue }
    public func label(_ level: AgreementLevel) -> String { agreementLabels[level] ?? level.rawValue }

    /// The kind selected by a leading prefix of `text`, and the text without it.
    /// The longest matching prefix wins; kinds with an empty prefix never match.
    public func kindFromPrefix(_ text: String) -> (NoteKind, String)? {
        let candidates = noteKinds.filter { !$0.prefix.isEmpty && text.hasPrefix($0.prefix) }
        guard let spec = candidates.max(by: { $0.prefix.count < $1.prefix.count }) else { return nil }
        let rest = text.dropFirst(spec.prefix.count).drop { $0 == " " }
        return (spec.kind, String(rest))
    }
}

/// A link the harvest and the follow-up mail point to (e.g. the news item).
public struct EventLink: Codable, Sendable, Equatable {
    public var title: String
    public var url: String
    public init(title: String, url: String) { self.title = title; self.url = url }
}

/// An attachment named in the harvest ("Bilag 1: Visionspapir"), optionally a file to attach to the mail.
public struct EventAttachment: Codable, Sendable, Equatable {
    public var name: String
    public var path: String?
    public init(name: String, path: String? = nil) { self.name = name; self.path = path }
}

public struct Event: Codable, Sendable, Equatable {
    public var id: UUID
    public var title: String
    /// The day of the event, as the organiser wrote it (ISO 8601 date recommended).
    public var date: String
    public var venue: String
    public var organiser: String
    public var organiserEmail: String
    public var language: String
    public var vision: Vision
    public var links: [EventLink]
    public var attachments: [EventAttachment]
    public var nextSteps: String
    /// Who else the follow-up mail is addressed to (To:, beside the
    /// organiser): the politician who asked, the council's secretariat.
    /// The participants get it as Bcc.
    public var extraRecipients: [String]
    public var createdAt: Date

    public init(id: UUID, title: String, date: String, venue: String = "", organiser: String = "",
                organiserEmail: String = "", language: String, vision: Vision,
                links: [EventLink] = [], attachments: [EventAttachment] = [], nextSteps: String = "",
                extraRecipients: [String] = [], createdAt: Date) {
        self.id = id; self.title = title; self.date = date; self.venue = venue
        self.organiser = organiser; self.organiserEmail = organiserEmail; self.language = language
        self.vision = vision; self.links = links; self.attachments = attachments
        self.nextSteps = nextSteps; self.extraRecipients = extraRecipients; self.createdAt = createdAt
    }
}

/// A countdown that can be paused; it never stops the talk, it only tells.
public struct TimerState: Codable, Sendable, Equatable {
    public var durationSeconds: Int
    /// Seconds run before the current start (sum of earlier running spans).
    public var elapsedBeforeStart: Double
    /// When it was last started; nil while paused or not started.
    public var runningSince: Date?

    public init(durationSeconds: Int, elapsedBeforeStart: Double = 0, runningSince: Date? = nil) {
        self.durationSeconds = durationSeconds
        self.elapsedBeforeStart = elapsedBeforeStart
        self.runningSince = runningSince
    }

    public var isRunning: Bool { runningSince != nil }
    public var isStarted: Bool { runningSince != nil || elapsedBeforeStart > 0 }

    public func elapsed(at now: Date) -> Double {
        elapsedBeforeStart + (runningSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
    /// Seconds left; negative once the time box is overrun.
    public func remaining(at now: Date) -> Double { Double(durationSeconds) - elapsed(at: now) }

    /// Two minutes left is when a facilitator wants to start wrapping up.
    public static let warningSeconds = 120.0

    public enum Level: Sendable, Equatable { case normal, warning, overrun }
    public func level(at now: Date) -> Level {
        let left = remaining(at: now)
        if left < 0 { return .overrun }
        if left <= Self.warningSeconds { return .warning }
        return .normal
    }
}

/// Where a table is: which principle, which phase, the countdown.
public struct TableProgress: Codable, Sendable, Equatable {
    public var principleIndex: Int
    public var phase: Phase
    public var timer: TimerState
    public init(principleIndex: Int, phase: Phase, timer: TimerState) {
        self.principleIndex = principleIndex; self.phase = phase; self.timer = timer
    }
}

public struct RoundTable: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var number: Int
    public var name: String
    public var host: String
    public var noteTaker: String
    /// The principles this table walks, in order.
    public var principleIds: [String]
    public var progress: TableProgress
    public var updatedAt: Date

    public init(id: UUID, number: Int, name: String, host: String = "", noteTaker: String = "",
                principleIds: [String], progress: TableProgress, updatedAt: Date) {
        self.id = id; self.number = number; self.name = name; self.host = host
        self.noteTaker = noteTaker; self.principleIds = principleIds; self.progress = progress
        self.updatedAt = updatedAt
    }

    public var currentPrincipleId: String? {
        principleIds.indices.contains(progress.principleIndex) ? principleIds[progress.principleIndex] : nil
    }
}

public struct Participant: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var name: String
    public var organisation: String
    public var email: String
    /// The table number the participant sits at, if any.
    public var tableNumber: Int?
    /// Whether the participant agreed to be named in the harvest.
    public var mayBeNamed: Bool
    public var updatedAt: Date

    public init(id: UUID, name: String, organisation: String = "", email: String = "",
                tableNumber: Int? = nil, mayBeNamed: Bool = false, updatedAt: Date) {
        self.id = id; self.name = name; self.organisation = organisation; self.email = email
        self.tableNumber = tableNumber; self.mayBeNamed = mayBeNamed; self.updatedAt = updatedAt
    }
}

/// Something said at a table. Initiatives also carry funding, owner, horizon and dots.
public struct Note: Codable, Sendable, Hashable, Identifiable {
    public var id: UUID
    public var tableId: UUID
    public var principleId: String
    public var kind: NoteKind
    public var text: String
    /// The participant credited, if any.
    public var speakerId: UUID?
    /// An organisation credited when no participant is named.
    public var speakerOrganisation: String?
    public var createdAt: Date
    public var editedAt: Date
    public var deletedAt: Date?
    public var funding: FundingClass?
    public var owner: String?
    public var horizon: String?
    public var dots: Int
    /// The organiser's estimate of an initiative's cost, in whole kroner.
    public var cost: Int?
    /// The decision an initiative needs (curation; `.undecided` until the organiser says).
    public var decision: InitiativeDecision

    public init(id: UUID, tableId: UUID, principleId: String, kind: NoteKind, text: String,
                speakerId: UUID? = nil, speakerOrganisation: String? = nil, createdAt: Date,
                editedAt: Date? = nil, deletedAt: Date? = nil, funding: FundingClass? = nil,
                owner: String? = nil, horizon: String? = nil, dots: Int = 0,
                cost: Int? = nil, decision: InitiativeDecision = .undecided) {
        self.id = id; self.tableId = tableId; self.principleId = principleId; self.kind = kind
        self.text = text; self.speakerId = speakerId; self.speakerOrganisation = speakerOrganisation
        self.createdAt = createdAt; self.editedAt = editedAt ?? createdAt; self.deletedAt = deletedAt
        self.funding = funding; self.owner = owner; self.horizon = horizon; self.dots = dots
        self.cost = cost; self.decision = decision
    }

    public var isDeleted: Bool { deletedAt != nil }
    public var isInitiative: Bool { kind == .initiative }
}

/// A show of hands on one principle at one table.
public struct AgreementTally: Codable, Sendable, Equatable {
    public var agree: Int
    public var partly: Int
    public var disagree: Int
    public var dontKnow: Int
    public init(agree: Int = 0, partly: Int = 0, disagree: Int = 0, dontKnow: Int = 0) {
        self.agree = agree; self.partly = partly; self.disagree = disagree; self.dontKnow = dontKnow
    }
    public subscript(level: AgreementLevel) -> Int {
        get {
            switch level {
            case .agree: agree
            case .partly: partly
            case .disagree: disagree
            case .dontKnow: dontKnow
            }
        }
        set {
            switch level {
            case .agree: agree = newValue
            case .partly: partly = newValue
            case .disagree: disagree = newValue
            case .dontKnow: dontKnow = newValue
            }
        }
    }
    public var total: Int { agree + partly + disagree + dontKnow }
    public static func + (a: AgreementTally, b: AgreementTally) -> AgreementTally {
        AgreementTally(agree: a.agree + b.agree, partly: a.partly + b.partly,
                       disagree: a.disagree + b.disagree, dontKnow: a.dontKnow + b.dontKnow)
    }
}
