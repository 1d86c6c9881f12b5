import Foundation
import RundbordCore
import RundbordHarvest

/// Funding class, owner and horizon of one initiative.
enum DetailScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        Chrome.header(state, into: &buffer)
        guard let detail = state.detail, let note = AppUpdate.detailNote(state) else { return }
        var y = 1
        buffer.put(TUIText.detailTitle.text(lang), x: 1, y: y, style: Theme.title)
        y += 1
        for line in TextLayout.lines(TextLayout.visibleLines(note.text),
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
            // The example lies ahead of the event, whatever year it is held.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = state.timeZone
            let nextYear = calendar.component(.year, from: state.now) + 1
            buffer.put(TUIText.detailHorizonHint.text(lang, String(nextYear)), x: 3, y: y, style: Theme.dim)
        }
        Chrome.status(state, y: buffer.height - 2, into: &buffer)
        if state.message == nil {
            buffer.fill(Rect(x: 0, y: buffer.height - 2, width: buffer.width, height: 1))
        }
        Chrome.keyBar(.detail, lang, into: &buffer)
    }
}
