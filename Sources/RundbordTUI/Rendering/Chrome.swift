import Foundation
import RundbordCore
import RundbordHarvest

/// The parts every screen shares: header, key bar, status line, boxes, rules, the title bar.
enum Chrome {
    /// The top bar: event, table, principle n/N, phase, countdown.
    static func header(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let session = state.session
        // The moment the time runs out the bar is drawn highlighted, then as before.
        let style = state.isFlashing ? Theme.flash : Theme.header
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: style)
        let timer = timerText(state)
        let phase = session.phase.textKey.text(lang)
        let position = TUIText.headerPrinciple.text(lang, session.principleIndex + 1, session.principleIds.count)
        let table = TUIText.headerTable.text(lang, state.tableNumber)
        let right = " \(table) │ \(position) │ \(phase) │ "
        let timerWidth = DisplayWidth.of(timer.text) + 1
        let rightWidth = DisplayWidth.of(right)
        let titleWidth = buffer.width - rightWidth - timerWidth - 1
        buffer.put(" " + TextLayout.truncate(state.eventTitle, width: max(0, titleWidth - 1)), x: 0, y: 0, style: style)
        buffer.put(right, x: buffer.width - rightWidth - timerWidth, y: 0, style: style)
        buffer.put(timer.text, x: buffer.width - timerWidth, y: 0,
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
        let candidates = KeyTable.bar(for: screen).compactMap { binding -> (key: String, label: String, whenRoom: Bool)? in
            guard let bar = binding.bar, let key = binding.keys.first else { return nil }
            return (key.label, bar.text(lang), binding.barWhenRoom)
        }
        // Items shown only when there is room come in, in order, while they fit with a space each.
        func width(_ item: (key: String, label: String, whenRoom: Bool)) -> Int {
            DisplayWidth.of(item.key) + DisplayWidth.of(item.label) + 1
        }
        var room = buffer.width - candidates.filter { !$0.whenRoom }.reduce(0) { $0 + width($1) }
        let items = candidates.filter { item in
            guard item.whenRoom else { return true }
            guard width(item) <= room else { return false }
            room -= width(item)
            return true
        }.map { ($0.key, $0.label) }
        // A space between items when they all fit; packed (as htop does) when not.
        let total = items.reduce(0) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 1 }
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
        buffer.put(hint, x: 1, y: y, style: Theme.dim)
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
        let lines = TextLayout.lines(TUIText.tooSmall.text(state.lang, state.size.width, state.size.height,
                                                          Layout.minimumWidth, Layout.minimumHeight),
                                    width: max(1, buffer.width - 2))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: Theme.warning)
        }
    }
}
