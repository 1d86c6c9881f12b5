import Foundation
import RundbordCore
import RundbordStore

/// The organiser's live dashboard: every table at a glance, read from
/// `store.dashboard(top:)` whenever another process changed the file.
public struct DashboardState: Sendable, Equatable {
    public var snapshot: DashboardSnapshot?
    /// The selected table (index into the snapshot's tables).
    public var row = 0
    /// The selected table's name, host and note-taker being edited (F2).
    public var form: TableForm?
    public init() {}
}

/// The dashboard's keys, and its snapshot arriving.
extension AppUpdate {
    static func openDashboard(_ state: inout AppState) -> [Step] {
        if state.dashboard == nil { state.push(.dashboard(DashboardState())) }
        return [.command(.refresh(table: state.tableNumber))]
    }

    /// `rundbord dashboard`: no home table, the dashboard on its own.
    static func openDashboardAlone(_ state: inout AppState) -> [AppEffect] {
        state.homeTable = nil
        state.stack = [.dashboard(DashboardState())]
        return [.loadDashboard]
    }

    static func dashboard(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        guard var board = state.dashboard else { return [] }
        let tables = board.snapshot?.tables ?? []
        let page = state.page
        switch command {
        case .selectUp, .selectDown, .pageUp, .pageDown:
            board.row = listRow(after: command, from: board.row, count: tables.count, page: page)
        case .openTable:
            guard tables.indices.contains(board.row) else { return [] }
            let number = tables[board.row].number
            // One's own table opens as itself, writable.
            if number == state.homeTable { return closeDashboard(&state) }
            return [.command(.viewTable(number))]
        case .editTable:
            state.dashboard = board
            return openTableForm(&state)
        case .participantsScreen:
            return openParticipants(&state)
        case .harvestScreen:
            return openHarvest(&state)
        case .curationScreen:
            return openCuration(&state)
        case .back:
            // `rundbord dashboard` has nothing under the dashboard.
            if state.below == nil {
                state.message = .init(text: TUIText.messageNoHome.text(state.lang), isError: false)
                return []
            }
            return closeDashboard(&state)
        default:
            break
        }
        state.dashboard = board
        return []
    }

    static func closeDashboard(_ state: inout AppState) -> [Step] {
        state.pop()
        return []
    }

    /// The dashboard's snapshot arrived from the store.
    static func dashboardLoaded(_ state: inout AppState, _ snapshot: DashboardSnapshot) {
        guard var board = state.dashboard else { return }
        board.snapshot = snapshot
        board.row = min(board.row, max(0, snapshot.tables.count - 1))
        state.dashboard = board
    }
}
