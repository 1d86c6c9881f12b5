import Foundation
import RundbordCore

/// Draws the whole frame for a state. Pure: the same state gives the same buffer.
public enum Screens {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(size: state.size)
        render(state, into: &buffer)
        return buffer
    }

    public static func render(_ state: AppState, into buffer: inout Buffer) {
        if state.tooSmall {
            TooSmallScreen.render(state, into: &buffer)
            return
        }
        switch state.screen {
        case .session: SessionScreen.render(state, into: &buffer)
        case .vote: VoteScreen.render(state, into: &buffer)
        case .detail: DetailScreen.render(state, into: &buffer)
        case .projector: ProjectorScreen.render(state, into: &buffer)
        case .help: HelpScreen.render(state, into: &buffer)
        case .picker, .confirm: SessionScreen.render(state, into: &buffer)
        case .dashboard: DashboardScreen.render(state, into: &buffer)
        case .tableView: SessionScreen.render(state, into: &buffer)
        case .participants, .participantForm: ParticipantsScreen.render(state, into: &buffer)
        case .harvest: HarvestScreen.render(state, into: &buffer)
        }
        if state.picker != nil { PickerOverlay.render(state, into: &buffer) }
        if state.confirmingQuit { ConfirmOverlay.render(state, into: &buffer) }
    }
}
