import CNcursesw
import Foundation
import RundbordCore
import RundbordTUI

/// The terminal through ncursesw: the only code that calls the C library.
/// Create it with `start()`, and call `stop()` on every way out (it is idempotent).
public final class NcursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var stopped = false
    private let useColor: Bool
    private var pairs: [PairKey: Int16] = [:]
    public private(set) var size: Size
    /// The signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) that ended the input, 0 for none:
    /// the program exits with 128 + it once the terminal is restored.
    public private(set) var quitSignal: Int32 = 0

    private struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    /// Sequences that switch bracketed paste on and off (xterm, tmux, most terminals).
    private static let pasteOn = "\u{1B}[?2004h"
    private static let pasteOff = "\u{1B}[?2004l"

    /// Checks the terminal and switches to the full-screen mode. Every refusal
    /// happens before anything is drawn, with a message saying what to do.
    public static func start() throws(RundbordError) -> NcursesBackend {
        rb_unblock_all_signals()
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw RundbordError(TUIText.errorNotTerminal, exit: .config)
        }
        // Danish letters need a UTF-8 character set; the language is a separate choice.
        setlocale(LC_ALL, "")
        if let codeset = rb_codeset(), String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty else { throw RundbordError(TUIText.errorNoTerm, exit: .config) }
        switch rb_check_term(term) {
        case -1: throw RundbordError(TUIText.errorUnknownTerm, [term], exit: .config)
        case -2: throw RundbordError(TUIText.errorDumbTerm, [term], exit: .config)
        default: break
        }
        rb_save_termios()
        guard let screen = rb_newterm(term) else {
            throw RundbordError(TUIText.errorUnknownTerm, [term], exit: .config)
        }
        return NcursesBackend(screen: screen, term: term)
    }

    private init(screen: OpaquePointer, term: String) {
        self.screen = screen
        window = rb_stdscr()!
        let env = ProcessInfo.processInfo.environment
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        useColor = !noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        rb_define_keys()
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        // What undoes the set-up if the program crashes: leave the alternate
        // screen, stop bracketed paste, show the cursor.
        var restore = Self.pasteOff + "\u{1B}[?25h"
        if let rmcup = tigetstr("rmcup"), Int(bitPattern: rmcup) != -1 { restore += String(cString: rmcup) }
        rb_prepare_restore(restore)
        rb_install_quit_signals()
        rb_write_stdout(Self.pasteOn)
    }

    /// Restores the terminal: safe to call more than once, and from every exit path.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        rb_write_stdout(Self.pasteOff)
        curs_set(1)
        endwin()
        delscreen(screen)
        rb_finish_restore()
    }

    deinit { stop() }

    // MARK: Input

    public func nextEvent(timeout: TimeInterval) -> InputEvent? {
        if takeSignal() { return .terminate }
        wtimeout(window, Int32(timeout * 1000))
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        if takeSignal() { return .terminate }
        switch result {
        case KEY_CODE_YES:
            return functionKey(Int32(ch))
        case OK:
            return character(UInt32(ch))
        default:
            return nil
        }
    }

    private func takeSignal() -> Bool {
        let signal = rb_take_signal()
        if signal != 0 { quitSignal = signal }
        return signal != 0
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            return .resize(size)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case Int32(RB_KEY_CTRL_LEFT): return .key(.ctrlLeft)
        case Int32(RB_KEY_CTRL_RIGHT): return .key(.ctrlRight)
        case Int32(RB_KEY_ALT_LEFT): return .key(.altLeft)
        case Int32(RB_KEY_ALT_RIGHT): return .key(.altRight)
        case Int32(RB_KEY_PASTE_START): return readPaste()
        default:
            for n in 1...12 where code == rb_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 27: return escape()
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// How long a key after Esc still makes the two one Alt-key: a terminal
    /// whose Alt is not Meta, or a person pressing Esc then o, sends the two
    /// apart (ncurses' own 25 ms is for sequences sent in one write).
    public static let altFollowMilliseconds: Int32 = 200

    /// A lone Esc, or Alt plus the key that follows within `altFollowMilliseconds`.
    private func escape() -> InputEvent? {
        wtimeout(window, Self.altFollowMilliseconds)
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        guard result == OK else {
            if result == KEY_CODE_YES { return functionKey(Int32(ch)) }
            return .key(.escape)
        }
        switch UInt32(ch) {
        case 13, 10: return .key(.altEnter)
        case 127, 8: return .key(.ctrl("w"))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), scalar.value >= 32 else { return .key(.escape) }
            return .key(.alt(Character(scalar)))
        }
    }

    /// Everything up to the end-of-paste marker, as one event.
    private func readPaste() -> InputEvent? {
        var scalars = String.UnicodeScalarView()
        wtimeout(window, 500)
        while true {
            var ch: wint_t = 0
            let result = wget_wch(window, &ch)
            if result == KEY_CODE_YES {
                if Int32(ch) == Int32(RB_KEY_PASTE_END) { break }
                continue
            }
            guard result == OK else { break } // the end marker never came: keep what arrived
            if let scalar = Unicode.Scalar(UInt32(ch)) { scalars.append(scalar) }
        }
        return .paste(String(scalars))
    }

    // MARK: Output

    public func draw(_ buffer: Buffer, changed: FrameChange) {
        let rows: [Int]
        switch changed {
        case .all(let repaint):
            if repaint { clearok(window, true) }
            werase(window)
            rows = Array(0..<buffer.height)
        case .rows(let changedRows):
            rows = changedRows
        }
        for y in rows where y < buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                put(cell, x: x, y: y)
            }
        }
        if let cursor = buffer.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// ncurses' bell: the terminal's audible bell, or its visible one where it has no sound.
    public func beep() {
        _ = CNcursesw.beep()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var chars: [wchar_t] = cell.text.unicodeScalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
        if chars.isEmpty { chars = [32] }
        chars.append(0)
        var cc = cchar_t()
        let (attrs, pair) = attributes(cell.style)
        setcchar(&cc, chars, attrs, pair, nil)
        // The bottom-right cell may report ERR after it is written (the cursor cannot advance); ignore it.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var attrs = rb_a_normal()
        if style.bold { attrs |= rb_a_bold() }
        if style.underline { attrs |= rb_a_underline() }
        if style.dim { attrs |= rb_a_dim() }
        var pair: Int16 = 0
        if useColor && (style.fg != nil || style.bg != nil) {
            pair = colorPair(fg: style.fg, bg: style.bg)
            // A colour background already marks the cell; reverse is the monochrome way to do it.
            if style.reverse && style.bg == nil { attrs |= rb_a_reverse() }
        } else if style.reverse {
            attrs |= rb_a_reverse()
        }
        return (attrs, pair)
    }

    private func colorPair(fg: Color?, bg: Color?) -> Int16 {
        let key = PairKey(fg: fg.map { Int16($0.rawValue) } ?? -1, bg: bg.map { Int16($0.rawValue) } ?? -1)
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < rb_color_pairs() else { return 0 }
        init_pair(next, key.fg, key.bg)
        pairs[key] = next
        return next
    }
}
