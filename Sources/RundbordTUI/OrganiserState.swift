import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// The organiser's live dashboard: every table at a glance, read from
/// `store.dashboard(top:)` whenever another process changed the file.
public struct DashboardState: Sendable, Equatable {
    public var snapshot: DashboardSnapshot?
    /// The selected table (index into the snapshot's tables).
    public var row = 0
    public init() {}
}

/// The roster: every participant, grouped by table.
public struct ParticipantsState: Sendable, Equatable {
    /// The selected participant (index into `AppUpdate.roster(state)`).
    public var row = 0
    public var form: ParticipantForm?
    /// F8 was pressed once on this participant: the second F8 deletes.
    public var confirmDelete: UUID?
    public init() {}
}

/// Adding or editing one participant.
public struct ParticipantForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case name, organisation, email, table, consent }
    /// nil: a new participant.
    public var id: UUID?
    public var field: Field = .name
    public var name = LineEditor()
    public var organisation = LineEditor()
    public var email = LineEditor()
    public var tableNumber: Int?
    public var mayBeNamed = false

    public init(id: UUID? = nil, tableNumber: Int? = nil) { self.id = id; self.tableNumber = tableNumber }

    public init(editing p: Participant) {
        id = p.id
        name.set(p.name); organisation.set(p.organisation); email.set(p.email)
        tableNumber = p.tableNumber; mayBeNamed = p.mayBeNamed
    }

    public var isTextField: Bool { field == .name || field == .organisation || field == .email }
}

/// The harvest: a preview, the formats to write, and what the last export wrote.
public struct HarvestState: Sendable, Equatable {
    /// The formats the screen offers, in the order shown.
    public static let formats: [ExportFormat] = [.md, .txt, .eml, .csv, .initiativesCSV, .json]

    public var chosen: Set<ExportFormat> = [.md, .txt]
    public var anonymous = false
    /// The option under the cursor: a format, then the anonymous toggle.
    public var row = 0
    public var scroll = 0
    /// The Markdown harvest, as `Exporter.markdown` renders it.
    public var preview: String?
    /// Another terminal wrote since the preview was built (`u` rebuilds it;
    /// an export always reads the file afresh). Not rebuilt on its own: on a
    /// large event that takes seconds, and the tables write all the time.
    public var stale = false
    /// The files the last export wrote.
    public var written: [String] = []
    public init() {}

    public static var rowCount: Int { formats.count + 1 }
    public var anonymousRow: Int { Self.formats.count }
}
