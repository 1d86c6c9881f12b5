import Foundation
import RundbordCore

/// One screen on the navigation stack, carrying its own state. Esc pops it
/// and the screen under it shows again as it was left.
public enum Screen: Sendable, Equatable {
    case session
    /// The vote's scope, row and revealed principles belong to the table
    /// (they outlive the screen), so they stay in `AppState`.
    case vote
    case detail(DetailState)
    case projector
    case help(HelpState)
    case dashboard(DashboardState)
    /// Another table, read-only (its session is `AppState.session` while shown).
    case tableView
    case participants(ParticipantsState)
    case harvest(HarvestState)

    /// The key table's name for the screen.
    public var id: ScreenID {
        switch self {
        case .session: .session
        case .vote: .vote
        case .detail: .detail
        case .projector: .projector
        case .help: .help
        case .dashboard: .dashboard
        case .tableView: .tableView
        case .participants: .participants
        case .harvest: .harvest
        }
    }
}

/// A layer over whatever screen is on top: it takes the keys until closed.
public enum Modal: Sendable, Equatable {
    case picker(PickerState)
    /// "Quit with unsaved text?"
    case confirmQuit
}

public struct HelpState: Sendable, Equatable {
    public var scroll = 0
    public init() {}
}

extension AppState {
    /// The screen on top of the stack.
    public var screen: ScreenID { stack[stack.count - 1].id }

    /// The screen under the top one, if any (where Esc goes).
    public var below: ScreenID? { stack.count > 1 ? stack[stack.count - 2].id : nil }

    public mutating func push(_ screen: Screen) { stack.append(screen) }

    /// Back to the screen underneath; the bottom screen stays.
    public mutating func pop() { if stack.count > 1 { stack.removeLast() } }

    /// The screen under help: its keys are listed first.
    public var helpReturn: ScreenID { screen == .help ? below ?? .session : screen }

    // The screens' own states, wherever they are on the stack. Assigning
    // changes the one on the stack; screens are opened and closed with push
    // and pop, not by assigning nil.

    public var detail: DetailState? {
        get { stack.lazy.compactMap { if case .detail(let d) = $0 { d } else { nil } }.last }
        set { replace(newValue.map(Screen.detail)) { if case .detail = $0 { true } else { false } } }
    }

    public var help: HelpState? {
        get { stack.lazy.compactMap { if case .help(let h) = $0 { h } else { nil } }.last }
        set { replace(newValue.map(Screen.help)) { if case .help = $0 { true } else { false } } }
    }

    public var dashboard: DashboardState? {
        get { stack.lazy.compactMap { if case .dashboard(let d) = $0 { d } else { nil } }.last }
        set { replace(newValue.map(Screen.dashboard)) { if case .dashboard = $0 { true } else { false } } }
    }

    public var roster: ParticipantsState? {
        get { stack.lazy.compactMap { if case .participants(let p) = $0 { p } else { nil } }.last }
        set { replace(newValue.map(Screen.participants)) { if case .participants = $0 { true } else { false } } }
    }

    public var harvest: HarvestState? {
        get { stack.lazy.compactMap { if case .harvest(let h) = $0 { h } else { nil } }.last }
        set { replace(newValue.map(Screen.harvest)) { if case .harvest = $0 { true } else { false } } }
    }

    private mutating func replace(_ screen: Screen?, where matches: (Screen) -> Bool) {
        guard let screen else { preconditionFailure("a screen is closed by popping it") }
        if let i = stack.lastIndex(where: matches) { stack[i] = screen }
    }

    /// The speaker picker, while open.
    public var picker: PickerState? {
        get { if case .picker(let p)? = modal { p } else { nil } }
        set { modal = newValue.map(Modal.picker) }
    }

    public var confirmingQuit: Bool {
        get { modal == .confirmQuit }
        set { modal = newValue ? .confirmQuit : nil }
    }
}
