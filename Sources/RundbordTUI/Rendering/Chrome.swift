import Foundation
import RundbordCore
import RundbordHarvest

/// The parts every screen shares: header, key bar, status line, boxes, rules, the title bar.
enum Chrome {
    /// The top bar: event, table, principle n/N, phase, countdown. A narrow
    /// window gives up the event's title, then the word "Princip", then the
    /// table number, so that the phase and the clock always show.
    static func header(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let session = state.session
        // The moment the time runs out the bar is drawn highlighted, then as before.
        let style = state.isFlashing ? Theme.flash : Theme.header
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: style)
        // Another principle looked at in the read-only view: the phase and clock it was left with.
        let shown = state.shownSession
        let timer = shown.principleIndex == session.principleIndex ? timerText(state)
            : timerText(shown.timer, now: state.now, lang: lang)
        let phase = shown.phase.textKey.text(lang)
        let n = shown.principleIndex + 1, count = session.principleIds.count
        let position = n == session.principleIndex + 1 ? TUIText.headerPrinciple.text(lang, n, count)
            : TUIText.headerViewedPrinciple.text(lang, n, count, session.principleIndex + 1)
        let table = TUIText.headerTable.text(lang, state.tableNumber)
        let timerWidth = DisplayWidth.of(timer.text) + 1
        // The title is worth showing from about ten columns on.
        let variants = [(" \(table) │ \(position) │ \(phase) │ ", 10), (" \(table) │ \(n)/\(count) │ \(phase) │ ", 10),
                        (" \(table) │ \(n)/\(count) │ \(phase) │ ", 0), (" \(n)/\(count) │ \(phase) │ ", 0)]
        let right = variants.first { DisplayWidth.of($0.0) + timerWidth + 1 + $0.1 <= buffer.width }?.0 ?? variants[3].0
        let rightWidth = DisplayWidth.of(right)
        let titleWidth = buffer.width - rightWidth - timerWidth - 1
        if titleWidth >= 10 {
            buffer.put(" " + TextLayout.truncate(state.eventTitle, width: titleWidth - 1), x: 0, y: 0, style: style)
        }
        buffer.put(right, x: max(0, buffer.width - rightWidth - timerWidth), y: 0, style: style)
        buffer.put(timer.text, x: max(0, buffer.width - timerWidth), y: 0,
                   style: state.isFlashing ? style : timerStyle(timer.level, normal: style))
    }

    /// "⏵ 12:34" while running, "⏸ 12:34" while paused, "+01:05 over" once
    /// the time box is overrun: minutes and seconds, as the dashboard and the
    /// projector show them, so a facilitator reads the same clock everywhere.
    static func timerText(_ state: AppState) -> (text: String, level: TimerState.Level) {
        timerText(state.session.timer, now: state.now, lang: state.lang)
    }

    /// Any table's countdown at `now`, from its stored timer state.
    static func timerText(_ timer: TimerState, now: Date, lang: Language) -> (text: String, level: TimerState.Level) {
        let level = timer.level(at: now)
        let remaining = timer.remaining(at: now)
        let symbol = timer.isRunning ? "⏵" : "⏸"
        if remaining < 0 {
            return ("\(symbol) " + TUIText.timerOverrun.text(lang, clock(-remaining)), level)
        }
        return ("\(symbol) " + clock(remaining), level)
    }

    /// The style of a countdown: the header's, or the warning and overrun styles.
    static func timerStyle(_ level: TimerState.Level, normal: Style) -> Style {
        switch level {
        case .normal: normal
        case .warning: Theme.timerWarning
        case .overrun: Theme.timerOverrun
        }
    }

    /// Whole seconds as m:ss, rounding up so that 0:00 means the time is up.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return String(format: "%02d:%02d", s / 60, s % 60)
    }

    /// The key bar at the bottom, as in htop and mc: the screen's bindings from the key table.
    static func keyBar(_ screen: ScreenID, _ lang: Language, into buffer: inout Buffer) {
        let y = buffer.height - 1
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1))
        let items = barItems(screen, lang, width: buffer.width).items
        // A space between items when they all fit; packed (as htop does) when not.
        let total = items.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.label) + 1 }
        let gap = total <= buffer.width ? 1 : 0
        var x = 0
        for (keyText, label) in items {
            let need = DisplayWidth.of(keyText) + DisplayWidth.of(label)
            if x + need > buffer.width { break }
            x += buffer.put(keyText, x: x, y: y, style: Theme.barKey)
            x += buffer.put(label, x: x, y: y, style: Theme.barLabel)
            x += gap
        }
    }

    /// The key bar's items at `width`, in key-table order, and whether any was
    /// left out for lack of room.
    static func barItems(_ screen: ScreenID, _ lang: Language, width: Int)
        -> (items: [(key: String, label: String)], leftOut: Bool) {
        struct Item { var key: String; var label: String; var whenRoom: Bool; var kept: Bool; var isHelp: Bool }
        let candidates = KeyTable.bar(for: screen).compactMap { binding -> Item? in
            guard let bar = binding.bar, let key = binding.keys.first else { return nil }
            return Item(key: key.label, label: bar.text(lang), whenRoom: binding.barWhenRoom,
                        kept: binding.command == .help || binding.command == .quit, isHelp: binding.command == .help)
        }
        func spaced(_ item: Item) -> Int { DisplayWidth.of(item.key) + DisplayWidth.of(item.label) + 1 }
        var shown = Set(candidates.indices.filter { !candidates[$0].whenRoom })
        // Too narrow even packed (a compact session): the last items go, never
        // help nor quit, until the rest fit with a space each.
        if shown.reduce(0, { $0 + spaced(candidates[$1]) - 1 }) > width {
            while shown.reduce(0, { $0 + spaced(candidates[$1]) }) > width,
                  let last = shown.filter({ !candidates[$0].kept }).max() {
                shown.remove(last)
            }
        }
        // Items shown only when there is room come in, in order, while they fit with a space each.
        var room = width - shown.reduce(0) { $0 + spaced(candidates[$1]) }
        for i in candidates.indices where candidates[i].whenRoom && spaced(candidates[i]) <= room {
            shown.insert(i)
            room -= spaced(candidates[i])
        }
        let leftOut = shown.count < candidates.count
        // When keys are left out (the organiser's Alt keys at 80 columns), F1
        // says that it shows more rather than just "help".
        let items = candidates.indices.filter(shown.contains).map { i in
            (candidates[i].key, leftOut && candidates[i].isHelp ? TUIText.barMore.text(lang) : candidates[i].label)
        }
        return (items, leftOut)
    }

    /// The status line: the last message, or what the entry line is doing.
    static func status(_ state: AppState, y: Int, into buffer: inout Buffer) {
        if let message = state.message {
            let style = message.isError ? Theme.error : Theme.ok
            let line = (message.isError ? "✗ " : "✓ ") + message.text
            buffer.put(fitted(line, width: buffer.width - 2), x: 1, y: y, style: style)
            return
        }
        if let index = state.draftElsewhereIndex {
            // Said for as long as it holds: Enter files the draft under another principle than the one shown.
            buffer.put(fitted(TUIText.statusDraftElsewhere.text(state.lang, index + 1), width: buffer.width - 2),
                       x: 1, y: y, style: Theme.warning)
            return
        }
        let hint: String
        if state.editingNoteId != nil {
            hint = TUIText.statusEditing.text(state.lang)
        } else if state.focus == .notes {
            hint = TUIText.statusSelected.text(state.lang)
        } else {
            hint = TUIText.statusTyping.text(state.lang)
        }
        buffer.put(fitted(hint, width: buffer.width - 2), x: 1, y: y, style: Theme.dim)
    }

    /// `text` on one line of `width`: whole when it fits, else cut at the
    /// last space that keeps most of it and ended with "…", never mid-word
    /// unless one word alone is too long.
    static func fitted(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        let cut = DisplayWidth.truncate(text, width: width)
        var head = String(cut.dropLast())
        if let space = head.lastIndex(of: " "), DisplayWidth.of(String(head[..<space])) >= width / 2 {
            head = String(head[..<space])
        }
        while head.last == " " || head.last == "," || head.last == ":" { head.removeLast() }
        return head + "…"
    }

    /// A centred box with a border, cleared inside; returns the inner area.
    @discardableResult
    static func box(_ title: String, width: Int, height: Int, into buffer: inout Buffer) -> Rect {
        let w = min(width, buffer.width - 2)
        let h = min(height, buffer.height - 2)
        let x = (buffer.width - w) / 2
        let y = (buffer.height - h) / 2
        buffer.fill(Rect(x: x, y: y, width: w, height: h))
        buffer.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y)
        for row in (y + 1)..<(y + h - 1) {
            buffer.put("│", x: x, y: row)
            buffer.put("│", x: x + w - 1, y: row)
        }
        buffer.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1)
        buffer.put(" " + TextLayout.truncate(title, width: w - 6) + " ", x: x + 2, y: y, style: Theme.title)
        return Rect(x: x + 2, y: y + 1, width: w - 4, height: h - 2)
    }

    static func rule(_ label: String, y: Int, into buffer: inout Buffer, right: String = "") {
        buffer.put(String(repeating: "─", count: buffer.width), x: 0, y: y, style: Theme.dim)
        buffer.put(" " + label + " ", x: 2, y: y, style: Theme.title)
        if !right.isEmpty {
            let w = DisplayWidth.of(right) + 2
            buffer.put(" " + right + " ", x: buffer.width - w - 2, y: y, style: Theme.dim)
        }
    }
}

/// A title bar like the session's header: white on blue, reverse in monochrome.
enum TitleBar {
    static func render(_ left: String, right: String = "", into buffer: inout Buffer) {
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: Theme.header)
        let rightWidth = right.isEmpty ? 0 : DisplayWidth.of(right) + 2
        buffer.put(" " + TextLayout.truncate(left, width: max(0, buffer.width - rightWidth - 2)), x: 0, y: 0,
                   style: Theme.header)
        if !right.isEmpty { buffer.put(right + " ", x: buffer.width - rightWidth + 1, y: 0, style: Theme.header) }
    }
}

enum TooSmallScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let minimum = Layout.minimum(for: state.screen)
        var text: String
        if state.screen == .session {
            text = TUIText.tooSmall.text(lang, state.size.width, state.size.height, minimum.width, minimum.height)
        } else {
            text = TUIText.tooSmallScreen.text(lang, state.size.width, state.size.height, minimum.width, minimum.height,
                                               state.screen.title.text(lang))
            if AppUpdate.backWorksWhileTooSmall(state) { text += " " + TUIText.tooSmallBack.text(lang) }
        }
        let lines = TextLayout.lines(text, width: max(1, buffer.width - 2))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: Theme.warning)
        }
    }
}
