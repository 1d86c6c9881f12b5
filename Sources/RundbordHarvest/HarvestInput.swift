import Foundation
import RundbordCore
import RundbordStore

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
