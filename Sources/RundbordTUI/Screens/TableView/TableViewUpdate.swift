import Foundation
import RundbordCore

/// Another table shown read-only from the dashboard.
extension AppUpdate {
    /// Another table's session replaces the shown one; the home session waits aside.
    static func tableViewOpened(_ state: inout AppState, _ session: TableSession) {
        if !state.isReadOnlyView { state.homeSession = state.session }
        state.session = session
        state.push(.tableView)
        state.viewedPrinciple = nil
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
        case .nextPrinciple, .previousPrinciple:
            return viewPrinciple(&state, by: command == .nextPrinciple ? 1 : -1)
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
            state.viewedPrinciple = nil
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

    /// ← and →: the view moves to the principle before or after the one shown;
    /// its notes are read from the store. The table itself stays where it is
    /// (the engine's `.nextPrinciple` would move it for everyone).
    static func viewPrinciple(_ state: inout AppState, by delta: Int) -> [Step] {
        let target = state.shownSession.principleIndex + delta
        guard state.session.principleIds.indices.contains(target) else {
            state.message = .init(text: CoreText.ruleNoPrinciple.text(state.lang), isError: true)
            return []
        }
        state.focus = .entry
        state.selectedNoteId = nil
        state.notesScroll = 0
        // Back at the table's own principle, the view follows the table again.
        if target == state.session.principleIndex {
            state.viewedPrinciple = nil
            return []
        }
        return [.command(.viewPrinciple(table: state.tableNumber, index: target))]
    }

    /// A principle's notes arrived for the read-only view (unless it was left meanwhile).
    static func principleViewed(_ state: inout AppState, table: Int, index: Int, notes: [Note]) {
        guard state.screen == .tableView, state.isReadOnlyView, state.tableNumber == table else { return }
        state.viewedPrinciple = index == state.session.principleIndex ? nil : ViewedPrinciple(index: index, notes: notes)
        if let id = state.selectedNoteId, !state.shownSession.visibleNotes.contains(where: { $0.id == id }) {
            state.selectedNoteId = nil
            state.focus = .entry
        }
    }
}
