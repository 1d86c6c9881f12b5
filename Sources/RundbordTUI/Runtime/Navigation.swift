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
    /// The organiser's curation: initiatives, suggestions, owners, key messages, the event's details.
    case curation(CurationScreenState)

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
        case .curation: .curation
        }
    }
}

/// A layer over whatever screen is on top: it takes the keys until closed.
public enum Modal: Sendable, Equatable {
    case picker(PickerState)
    /// "Quit with unsaved text?"
    case confirmQuit
    /// Where to move the selected note (another principle or table).
    case move(MoveState)
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

    public var detail: DetailState? { get { self[DetailState.self] } set { self[DetailState.self] = newValue } }
    public var help: HelpState? { get { self[HelpState.self] } set { self[HelpState.self] = newValue } }
    public var dashboard: DashboardState? { get { self[DashboardState.self] } set { self[DashboardState.self] = newValue } }
    public var roster: ParticipantsState? { get { self[ParticipantsState.self] } set { self[ParticipantsState.self] = newValue } }
    public var harvest: HarvestState? { get { self[HarvestState.self] } set { self[HarvestState.self] = newValue } }
    public var curation: CurationScreenState? {
        get { self[CurationScreenState.self] } set { self[CurationScreenState.self] = newValue }
    }

    /// The state of the topmost screen of that kind.
    subscript<S: ScreenState>(_ kind: S.Type) -> S? {
        get { stack.lazy.compactMap(S.init(screen:)).last }
        set {
            guard let newValue else { preconditionFailure("a screen is closed by popping it") }
            if let i = stack.lastIndex(where: { S(screen: $0) != nil }) { stack[i] = newValue.screen }
        }
    }

    /// The speaker picker, while open.
    public var picker: PickerState? {
        get { if case .picker(let p)? = modal { p } else { nil } }
        set { modal = newValue.map(Modal.picker) }
    }

    /// The move dialog, while open.
    public var moving: MoveState? {
        get { if case .move(let m)? = modal { m } else { nil } }
        set { modal = newValue.map(Modal.move) }
    }

    public var confirmingQuit: Bool {
        get { modal == .confirmQuit }
        set { modal = newValue ? .confirmQuit : nil }
    }
}

/// The state a kind of screen carries on the stack.
protocol ScreenState {
    /// The screen's state, when `screen` is one of this kind.
    init?(screen: Screen)
    /// This state as a screen on the stack.
    var screen: Screen { get }
}

extension DetailState: ScreenState {
    init?(screen: Screen) { guard case .detail(let s) = screen else { return nil }; self = s }
    var screen: Screen { .detail(self) }
}

extension HelpState: ScreenState {
    init?(screen: Screen) { guard case .help(let s) = screen else { return nil }; self = s }
    var screen: Screen { .help(self) }
}

extension DashboardState: ScreenState {
    init?(screen: Screen) { guard case .dashboard(let s) = screen else { return nil }; self = s }
    var screen: Screen { .dashboard(self) }
}

extension ParticipantsState: ScreenState {
    init?(screen: Screen) { guard case .participants(let s) = screen else { return nil }; self = s }
    var screen: Screen { .participants(self) }
}

extension HarvestState: ScreenState {
    init?(screen: Screen) { guard case .harvest(let s) = screen else { return nil }; self = s }
    var screen: Screen { .harvest(self) }
}

extension CurationScreenState: ScreenState {
    init?(screen: Screen) { guard case .curation(let s) = screen else { return nil }; self = s }
    var screen: Screen { .curation(self) }
}
