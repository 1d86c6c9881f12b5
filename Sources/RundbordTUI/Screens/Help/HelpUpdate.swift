import Foundation
import RundbordCore

/// The help screen's keys: scrolling, and back.
extension AppUpdate {
    static func help(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var help = state.help else { return [] }
        switch command {
        case .back:
            state.pop()
            return []
        case .selectUp: help.scroll = max(0, help.scroll - 1)
        case .selectDown: help.scroll += 1
        case .pageUp: help.scroll = max(0, help.scroll - max(1, state.size.height - 4))
        case .pageDown: help.scroll += max(1, state.size.height - 4)
        default: break
        }
        // Not past the last line, so that ↑ scrolls back at once.
        let lines = HelpScreen.lines(state, width: state.size.width - 2).count
        help.scroll = min(help.scroll, max(0, lines - (state.size.height - 2)))
        state.help = help
        return []
    }
}
