import Foundation
import RundbordCore
import RundbordHarvest

/// The speaker picker, a box over the session.
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
