import Foundation
import RundbordCore
import RundbordStore

/// The roster: every participant, grouped by table.
public struct ParticipantsState: Sendable, Equatable {
    /// The selected participant (index into `AppUpdate.roster(state)`).
    public var row = 0
    public var form: ParticipantForm?
    /// F8 was pressed once on this participant: the second F8 deletes.
    public var confirmDelete: UUID?
    public init() {}
}

/// The roster's keys, and the participants arriving after a change.
extension AppUpdate {
    /// Every participant, by table (those without a table last), then by name.
    public static func roster(_ state: AppState) -> [Participant] {
        state.participants.sorted {
            ($0.tableNumber ?? Int.max, $0.name.lowercased(), $0.id.uuidString)
                < ($1.tableNumber ?? Int.max, $1.name.lowercased(), $1.id.uuidString)
        }
    }

    static func openParticipants(_ state: inout AppState) -> [Step] {
        var roster = ParticipantsState()
        // From a table, its own people first in view.
        if state.screen == .session, let i = Self.roster(state).firstIndex(where: { $0.tableNumber == state.tableNumber }) {
            roster.row = i
        }
        state.push(.participants(roster))
        return [.command(.refresh(table: state.tableNumber))]
    }

    /// The table after (or before) `current` in the event's order; past the last comes "no table".
    static func neighbourTable(_ current: Int?, _ numbers: [Int], forward: Bool) -> Int? {
        let choices: [Int?] = [nil] + numbers.map { $0 }
        let i = choices.firstIndex(of: current) ?? 0
        return choices[(i + (forward ? 1 : choices.count - 1)) % choices.count]
    }

    static func participants(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        guard var roster = state.roster else { return [] }
        let list = Self.roster(state)
        let pendingDelete = roster.confirmDelete
        roster.confirmDelete = nil
        let page = state.page
        let selected = list.indices.contains(roster.row) ? list[roster.row] : nil
        var effects: [Step] = []
        switch command {
        case .selectUp, .selectDown, .pageUp, .pageDown:
            roster.row = listRow(after: command, from: roster.row, count: list.count, page: page)
        case .newParticipant:
            let table = state.below == .session ? state.tableNumber : selected?.tableNumber
            roster.form = ParticipantForm(tableNumber: table)
        case .editParticipant:
            guard let selected else { break }
            roster.form = ParticipantForm(editing: selected)
        case .nextTable, .previousTable:
            guard let selected else { break }
            let table = neighbourTable(selected.tableNumber, state.tableNumbers, forward: command == .nextTable)
            let place = table.map { TUIText.headerTable.text(state.lang, $0) } ?? TUIText.participantsNoTable.text(state.lang)
            effects = [.command(.changeParticipants(.move(selected.id, toTable: table),
                                                    message: TUIText.messageParticipantMoved.text(state.lang, selected.name, place)))]
        case .toggleConsent:
            guard let selected else { break }
            let message = (selected.mayBeNamed ? TUIText.messageConsentOff : .messageConsentOn).text(state.lang, selected.name)
            effects = [.command(.changeParticipants(.consent(selected.id, mayBeNamed: !selected.mayBeNamed), message: message))]
        case .deleteParticipant:
            guard let selected else { break }
            if pendingDelete == selected.id {
                effects = [.command(.changeParticipants(.delete(selected.id),
                                                        message: TUIText.messageParticipantDeleted.text(state.lang, selected.name)))]
            } else {
                roster.confirmDelete = selected.id
                state.message = .init(text: TUIText.messageDeleteAgain.text(state.lang, Sanitize.line(selected.name)),
                                      isError: true)
            }
        case .back:
            return close(&state)
        default:
            break
        }
        state.roster = roster
        return effects
    }

    /// The participants were changed in the store: the new list, the changed one selected.
    static func participantsChanged(_ state: inout AppState, _ participants: [Participant], selecting id: UUID?,
                                           message: String?) {
        state.participants = participants
        guard var roster = state.roster else { return }
        roster.form = nil
        let list = Self.roster(state)
        if let id, let i = list.firstIndex(where: { $0.id == id }) { roster.row = i }
        roster.row = min(roster.row, max(0, list.count - 1))
        state.roster = roster
        if let message { state.message = .init(text: message, isError: false) }
    }
}
