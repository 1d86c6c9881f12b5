import Foundation
import RundbordCore

/// The quit question's keys.
extension AppUpdate {
    static func confirm(_ state: inout AppState, _ command: Command) -> [Step] {
        state.confirmingQuit = false
        if command == .yes { return quit(&state) }
        return []
    }
}
