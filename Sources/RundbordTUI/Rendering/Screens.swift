import Foundation
import RundbordCore

/// Draws the whole frame for a state. Pure: the same state gives the same
/// buffer, and the same viewport (what the frame tells update about its scrolling).
public enum Screens {
    public static func render(_ state: AppState) -> Buffer { draw(state).buffer }

    /// `memo` remembers laid-out notes between frames (the runner keeps one).
    public static func draw(_ state: AppState, memo: LayoutMemo = LayoutMemo()) -> (buffer: Buffer, viewport: Viewport) {
        var buffer = Buffer(size: state.size)
        let viewport = render(state, into: &buffer, memo: memo)
        return (buffer, viewport)
    }

    static func render(_ state: AppState, into buffer: inout Buffer, memo: LayoutMemo) -> Viewport {
        if state.tooSmall {
            TooSmallScreen.render(state, into: &buffer)
            if state.confirmingQuit { ConfirmOverlay.render(state, into: &buffer) }
            return Viewport(screen: state.screen)
        }
        var viewport = Viewport(screen: state.screen)
        switch state.screen {
        case .session, .tableView: viewport = SessionScreen.render(state, into: &buffer, memo: memo)
        case .vote: VoteScreen.render(state, into: &buffer)
        case .detail: DetailScreen.render(state, into: &buffer)
        case .projector: ProjectorScreen.render(state, into: &buffer)
        case .help: viewport = HelpScreen.render(state, into: &buffer)
        case .dashboard: viewport = DashboardScreen.render(state, into: &buffer)
        case .participants: viewport = ParticipantsScreen.render(state, into: &buffer)
        case .harvest: viewport = HarvestScreen.render(state, into: &buffer)
        case .curation: viewport = CurationScreen.render(state, into: &buffer)
        // Layers, never on the stack: drawn over the screen under them, below.
        case .picker, .confirm, .participantForm, .curationForm, .moveNote, .harvestSearch, .tableForm: break
        }
        if state.picker != nil { PickerOverlay.render(state, into: &buffer) }
        if state.moving != nil { MoveOverlay.render(state, into: &buffer) }
        if state.confirmingQuit { ConfirmOverlay.render(state, into: &buffer) }
        return viewport
    }
}
