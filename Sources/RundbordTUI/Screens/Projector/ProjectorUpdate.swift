import Foundation
import RundbordCore

/// The projector's keys.
extension AppUpdate {
    static func projector(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        switch command {
        case .back: state.stack = [state.stack[0]]
        case .toggleReveal: toggleReveal(&state)
        default: break
        }
        return []
    }
}
