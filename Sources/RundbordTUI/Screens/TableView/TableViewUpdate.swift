import Foundation
import RundbordCore

/// Another table shown read-only from the dashboard.
extension AppUpdate {
    /// Another table's session replaces the shown one; the home session waits aside.
    static func tableViewOpened(_ state: inout AppState, _ session: TableSession) {
        if !state.isReadOnlyView { state.homeSession = state.session }
        state.session = session
        state.push(.tableView)
        state.focus = .entry
        state.selectedNoteId = nil
        state.notesScroll = 0
    }

    static func tableView(_ state: inout AppState, _ command: Command) -> [Step] {
        switch command {
        case .help, .quit, .redraw:
            return common(&state, command) ?? []
        case .selectUp: moveSelection(&state, by: -1)
        case .selectDown: moveSelection(&state, by: 1)
        case .pageUp, .pageDown: pageNotes(&state, up: command == .pageUp)
        case .togglePrinciple:
            state.principleExpanded = !(state.principleExpanded ?? Layout.expandsPrinciple(state.size))
        case .back:
            if state.focus == .notes {
                state.focus = .entry; state.selectedNoteId = nil; state.notesScroll = 0
                return []
            }
            if let home = state.homeSession {
                state.session = home
                state.homeSession = nil
            }
            state.selectedNoteId = nil
            state.focus = .entry
            state.notesScroll = 0
            state.pop()
            return [.command(.refresh(table: state.tableNumber))]
        default:
            break
        }
        return []
    }
}
