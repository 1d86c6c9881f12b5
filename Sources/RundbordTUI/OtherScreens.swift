import Foundation
import RundbordCore

/// Dots per initiative and the agreement tally, set from a show of hands.
enum VoteScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        Chrome.header(state, into: &buffer)
        var y = 1
        let scope = state.voteScope == .principle
            ? TUIText.voteScopePrinciple.text(lang, state.session.principle?.title ?? "")
            : TUIText.voteScopeTable.text(lang, state.tableNumber)
        for line in TextLayout.wrap(scope, width: buffer.width - 2).prefix(2) {
            buffer.put(line, x: 1, y: y, style: Theme.title); y += 1
        }
        let revealKey = state.isRevealed ? TUIText.voteClosedState : TUIText.voteOpenState
        buffer.put(revealKey.text(lang), x: 1, y: y, style: state.isRevealed ? Theme.ok : Theme.dim)
        y += 1
        Chrome.rule(TUIText.voteInitiatives.text(lang), y: y, into: &buffer)
        y += 1

        let initiatives = state.voteInitiatives
        let agreementRows = state.voteScope == .principle ? AgreementLevel.allCases.count + 2 : 0
        let listHeight = max(1, buffer.height - 1 - 2 - y - agreementRows)
        if initiatives.isEmpty {
            buffer.put(TUIText.voteNoInitiatives.text(lang), x: 2, y: y, style: Theme.dim)
        }
        let first = max(0, min(state.voteRow - listHeight + 1, initiatives.count - listHeight))
        for (offset, note) in initiatives.dropFirst(first).prefix(listHeight).enumerated() {
            let index = first + offset
            let selected = index == state.voteRow
            let row = y + offset
            if selected { buffer.fill(Rect(x: 0, y: row, width: buffer.width, height: 1), style: Theme.selected) }
            let number = selected && !state.voteNumber.isEmpty ? "→" + state.voteNumber : String(note.dots)
            let dots = String(repeating: "●", count: min(note.dots, 10)) + (note.dots > 10 ? "+" : "")
            var style = Style.bold
            style.reverse = selected
            buffer.put(TextLayout.pad(number, width: 5), x: 1, y: row, style: style)
            var dotStyle = Theme.initiative
            dotStyle.reverse = selected
            buffer.put(TextLayout.pad(dots, width: 12), x: 7, y: row, style: dotStyle)
            var textStyle = Style.plain
            textStyle.reverse = selected
            var text = Sanitize.line(note.text)
            if state.voteScope == .table, let i = state.session.principleIds.firstIndex(of: note.principleId) {
                text = "\(i + 1). " + text
            }
            buffer.put(TextLayout.truncate(text, width: buffer.width - 21), x: 20, y: row, style: textStyle)
        }
        y += listHeight

        if state.voteScope == .principle {
            Chrome.rule(TUIText.voteAgreement.text(lang, state.session.agreement.total), y: y, into: &buffer)
            y += 1
            for (i, level) in AgreementLevel.allCases.enumerated() {
                let index = initiatives.count + i
                let selected = index == state.voteRow
                if selected { buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: Theme.selected) }
                let count = selected && !state.voteNumber.isEmpty ? "→" + state.voteNumber : String(state.session.agreement[level])
                var style = Style.bold
                style.reverse = selected
                buffer.put(TextLayout.pad(count, width: 5), x: 1, y: y, style: style)
                var label = Style.plain
                label.reverse = selected
                buffer.put(state.vision.label(level), x: 7, y: y, style: label)
                y += 1
            }
        }
        Chrome.status(state, y: buffer.height - 2, into: &buffer)
        if state.message == nil {
            buffer.fill(Rect(x: 0, y: buffer.height - 2, width: buffer.width, height: 1))
            buffer.put(TUIText.voteHint.text(lang), x: 1, y: buffer.height - 2, style: Theme.dim)
        }
        Chrome.keyBar(.vote, lang, into: &buffer)
    }
}

/// Funding class, owner and horizon of one initiative.
enum DetailScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        Chrome.header(state, into: &buffer)
        guard let detail = state.detail, let note = AppUpdate.detailNote(state) else { return }
        var y = 1
        buffer.put(TUIText.detailTitle.text(lang), x: 1, y: y, style: Theme.title)
        y += 1
        for line in TextLayout.wrap(TextLayout.visibleLines(note.text),
                                    width: buffer.width - 4).prefix(4) {
            buffer.put(line, x: 3, y: y); y += 1
        }
        buffer.put(TUIText.dotsCount.text(lang, note.dots), x: 3, y: y, style: Theme.dim)
        y += 2
        let labelWidth = 16
        let fields: [(DetailState.Field, TUIText)] = [(.funding, .detailFunding), (.owner, .detailOwner), (.horizon, .detailHorizon)]
        for (field, label) in fields {
            let focused = detail.field == field
            buffer.put((focused ? "▸ " : "  ") + label.text(lang), x: 1, y: y, style: focused ? Theme.title : .plain)
            let x = labelWidth + 2
            switch field {
            case .funding:
                var parts: [String] = []
                for f in FundingClass.allCases {
                    let name = state.vision.label(f)
                    parts.append(f == (note.funding ?? .unclear) ? "[" + name + "]" : " " + name + " ")
                }
                var cx = x
                for (f, part) in zip(FundingClass.allCases, parts) {
                    let on = f == (note.funding ?? .unclear)
                    cx += buffer.put(part, x: cx, y: y, style: on ? Style(bold: true, reverse: focused) : Theme.dim) + 1
                }
            case .owner, .horizon:
                let editor = field == .owner ? detail.owner : detail.horizon
                let width = buffer.width - x - 2
                buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(underline: true))
                let layout = editor.layout(width: width)
                buffer.put(layout.rows.last ?? "", x: x, y: y, style: Style(underline: true))
                if focused && state.picker == nil && !state.confirmingQuit {
                    buffer.cursor = (x + min(layout.cursorColumn, width - 1), y)
                }
            }
            y += 2
        }
        if detail.field == .owner {
            let suggestions = AppUpdate.ownerSuggestions(state)
            buffer.put(TUIText.detailSuggestions.text(lang), x: 3, y: y, style: Theme.dim)
            y += 1
            let room = max(0, buffer.height - 3 - y)
            for (i, s) in suggestions.prefix(room).enumerated() {
                let chosen = detail.completion >= 0 && i == detail.completion
                buffer.put(TextLayout.truncate(s, width: buffer.width - 6), x: 5, y: y + i, style: chosen ? Theme.selected : .plain)
            }
        } else if detail.field == .funding {
            buffer.put(TUIText.detailFundingHint.text(lang), x: 3, y: y, style: Theme.dim)
        } else {
            buffer.put(TUIText.detailHorizonHint.text(lang), x: 3, y: y, style: Theme.dim)
        }
        Chrome.status(state, y: buffer.height - 2, into: &buffer)
        if state.message == nil {
            buffer.fill(Rect(x: 0, y: buffer.height - 2, width: buffer.width, height: 1))
        }
        Chrome.keyBar(.detail, lang, into: &buffer)
    }
}

/// A large read-only view for the room: principle, questions, the timer in
/// big digits, initiatives (dots only once the vote is closed).
enum ProjectorScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        guard let principle = state.session.principle else { return }
        let width = buffer.width - 4
        var y = 1
        let heading = TUIText.projectorPrinciple.text(lang, state.session.principleIndex + 1,
                                                      state.session.principleIds.count,
                                                      state.session.phase.textKey.text(lang))
        // Centred, for a room reading from a distance.
        buffer.put(heading, x: max(0, (buffer.width - DisplayWidth.of(heading)) / 2), y: y, style: Theme.dim)
        y += 1
        for line in TextLayout.wrap(principle.title, width: min(width, 72)).prefix(3) {
            buffer.put(line, x: max(0, (buffer.width - DisplayWidth.of(line)) / 2), y: y,
                       style: Style(bold: true, underline: true))
            y += 1
        }
        y += 1
        // The timer in big digits, centred.
        let timer = Chrome.timerText(state)
        let clock = Chrome.clock(abs(state.session.timer.remaining(at: state.now)))
        let big = BigDigits.render((timer.level == .overrun ? "+" : "") + clock)
        var timerStyle = Style.bold
        switch timer.level {
        case .normal: break
        case .warning: timerStyle = Style(fg: .yellow, bold: true)
        case .overrun: timerStyle = Style(fg: .red, bold: true)
        }
        let bigWidth = big.map { DisplayWidth.of($0) }.max() ?? 0
        if buffer.height >= 20 {
            for line in big {
                buffer.put(line, x: max(0, (buffer.width - bigWidth) / 2), y: y, style: timerStyle); y += 1
            }
        } else {
            buffer.put(timer.text, x: max(0, (buffer.width - DisplayWidth.of(timer.text)) / 2), y: y, style: timerStyle)
            y += 1
        }
        if timer.level != .normal {
            // Said in words too, for a monochrome projector.
            let over = (timer.level == .overrun ? TUIText.projectorOverrun : TUIText.projectorWarning).text(lang)
            buffer.put(over, x: max(0, (buffer.width - DisplayWidth.of(over)) / 2), y: y, style: timerStyle)
        }
        y += 1
        let bottom = buffer.height - 1
        let initiatives = state.session.initiatives
        let questionsRoom = max(0, bottom - y - min(initiatives.count, 6) - 2)
        var qLines: [String] = []
        for q in principle.questions {
            for (i, line) in TextLayout.wrap(q, width: width - 2).enumerated() { qLines.append((i == 0 ? "• " : "  ") + line) }
        }
        for line in qLines.prefix(questionsRoom) {
            buffer.put(line, x: 2, y: y); y += 1
        }
        y += 1
        if !initiatives.isEmpty && y < bottom {
            let revealed = state.isRevealed
            buffer.put(revealed ? TUIText.projectorResults.text(lang) : TUIText.projectorHidden.text(lang),
                       x: 2, y: y, style: Theme.title)
            y += 1
            let ordered = revealed ? initiatives.sorted { $0.dots > $1.dots } : initiatives
            for note in ordered where y < bottom {
                var prefix = "  ◆ "
                if revealed { prefix = TextLayout.pad(String(note.dots), width: 4) + "● " }
                buffer.put(prefix, x: 2, y: y, style: Theme.initiative)
                buffer.put(TextLayout.truncate(Sanitize.line(note.text), width: width - 8), x: 8, y: y)
                y += 1
            }
        }
        buffer.put(TUIText.projectorHint.text(lang), x: 2, y: buffer.height - 1, style: Theme.dim)
    }
}

/// Digits five rows high, for the projector's timer.
enum BigDigits {
    static let glyphs: [Character: [String]] = [
        "0": ["█████", "█   █", "█   █", "█   █", "█████"],
        "1": ["   █ ", "  ██ ", "   █ ", "   █ ", "  ███"],
        "2": ["█████", "    █", "█████", "█    ", "█████"],
        "3": ["█████", "    █", " ████", "    █", "█████"],
        "4": ["█   █", "█   █", "█████", "    █", "    █"],
        "5": ["█████", "█    ", "█████", "    █", "█████"],
        "6": ["█████", "█    ", "█████", "█   █", "█████"],
        "7": ["█████", "    █", "   █ ", "  █  ", "  █  "],
        "8": ["█████", "█   █", "█████", "█   █", "█████"],
        "9": ["█████", "█   █", "█████", "    █", "█████"],
        ":": ["   ", " █ ", "   ", " █ ", "   "],
        "+": ["     ", "  █  ", "█████", "  █  ", "     "],
    ]

    static func render(_ text: String) -> [String] {
        (0..<5).map { row in
            text.compactMap { glyphs[$0]?[row] }.joined(separator: " ")
        }
    }
}

/// Every key of the key table, grouped by screen, the current screen first.
enum HelpScreen {
    static let keyWidth = 24

    static func lines(_ state: AppState, width: Int) -> [(String, Style)] {
        let lang = state.lang
        var out: [(String, Style)] = []
        let order = [state.helpReturn] + ScreenID.allCases.filter { $0 != state.helpReturn && $0 != .help }
        for screen in order {
            let rows = KeyTable.bindings.filter { $0.screens.contains(screen) }
            guard !rows.isEmpty else { continue }
            out.append((screen.title.text(lang), Theme.title))
            for row in rows {
                let described = TextLayout.wrap(row.description.text(lang), width: max(10, width - keyWidth - 3))
                for (i, line) in described.enumerated() {
                    let key = i == 0 ? row.keysLabel(lang) : ""
                    out.append(("  " + TextLayout.pad(key, width: keyWidth) + " " + line, .plain))
                }
            }
            out.append(("", .plain))
        }
        return out
    }

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let header = Theme.header
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: header)
        buffer.put(" " + TUIText.helpTitle.text(lang), x: 0, y: 0, style: header)
        let all = lines(state, width: buffer.width - 2)
        let height = buffer.height - 2
        let scroll = min(state.help?.scroll ?? 0, max(0, all.count - height))
        for (i, (line, style)) in all.dropFirst(scroll).prefix(height).enumerated() {
            for (j, wrapped) in [TextLayout.truncate(line, width: buffer.width - 2)].enumerated() {
                buffer.put(wrapped, x: 1, y: 1 + i + j, style: style)
            }
        }
        buffer.put(TUIText.helpFooter.text(lang), x: 1, y: buffer.height - 1, style: Theme.dim)
    }
}

enum PickerOverlay {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        guard let picker = state.picker else { return }
        let lang = state.lang
        let list = AppUpdate.candidates(state)
        let height = min(buffer.height - 4, max(8, min(list.count, 14) + 4))
        let inner = Chrome.box(TUIText.pickerTitle.text(lang), width: 60, height: height, into: &buffer)
        let label = TUIText.pickerFilter.text(lang)
        let lw = buffer.put(label, x: inner.x, y: inner.y, style: Theme.title)
        let layout = picker.filter.layout(width: inner.width - lw)
        buffer.put(layout.rows.last ?? "", x: inner.x + lw, y: inner.y, style: Style(underline: true))
        buffer.cursor = (inner.x + lw + min(layout.cursorColumn, inner.width - lw - 1), inner.y)
        let rows = inner.height - 2
        let first = max(0, min(picker.index - rows + 1, list.count - rows))
        for (offset, candidate) in list.dropFirst(first).prefix(rows).enumerated() {
            let i = first + offset
            let y = inner.y + 2 + offset
            let style = i == picker.index ? Theme.selected : Style.plain
            if i == picker.index { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            buffer.put(TextLayout.truncate(candidate.label, width: inner.width), x: inner.x, y: y, style: style)
        }
        if list.isEmpty { buffer.put(TUIText.pickerEmpty.text(lang), x: inner.x, y: inner.y + 2, style: Theme.dim) }
    }
}

enum ConfirmOverlay {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let lines = TextLayout.wrap(TUIText.confirmQuit.text(lang), width: 52)
        let inner = Chrome.box(TUIText.confirmTitle.text(lang), width: 58, height: lines.count + 4, into: &buffer)
        for (i, line) in lines.enumerated() { buffer.put(line, x: inner.x, y: inner.y + i) }
        buffer.put(TUIText.confirmKeys.text(lang), x: inner.x, y: inner.y + lines.count + 1, style: Theme.title)
        buffer.cursor = nil
    }
}
