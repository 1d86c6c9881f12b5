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
        case .pageUp: help.scroll = max(0, help.scroll - state.page)
        case .pageDown: help.scroll += state.page
        default: break
        }
        state.help = help
        return []
    }
}
