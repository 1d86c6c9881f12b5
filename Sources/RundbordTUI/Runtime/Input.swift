import Foundation

/// A key as the app sees it, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lower case: `.ctrl("a")` is Ctrl-A.
    case ctrl(Character)
    /// Alt (Meta) plus a character.
    case alt(Character)
    case enter, altEnter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case ctrlLeft, ctrlRight, altLeft, altRight
    case function(Int)

    /// How the key is written in the help screen, the key bar and the docs.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .enter: return "Enter"
        case .altEnter: return "Alt-Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .altLeft: return "Alt-←"
        case .altRight: return "Alt-→"
        case .function(let n): return "F\(n)"
        }
    }
}

/// Everything that can wake the run loop.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A bracketed paste, kept whole so that a long text becomes one note.
    case paste(String)
    case resize(Size)
    /// The periodic tick: the clock moved; poll the store for other writers.
    case tick
    /// A signal asked the program to end (SIGTERM, SIGHUP, SIGINT from outside).
    case terminate
}
