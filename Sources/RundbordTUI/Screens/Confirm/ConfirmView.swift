import Foundation
import RundbordCore
import RundbordHarvest

/// The quit question, a box over the screen it was asked on.
enum ConfirmOverlay {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        // 52 columns, or what a compact window leaves inside the box.
        let lines = TextLayout.lines(TUIText.confirmQuit.text(lang), width: max(10, min(52, buffer.width - 8)))
        let inner = Chrome.box(TUIText.confirmTitle.text(lang), width: 58, height: lines.count + 4, into: &buffer)
        for (i, line) in lines.enumerated() { buffer.put(line, x: inner.x, y: inner.y + i) }
        buffer.put(TUIText.confirmKeys.text(lang), x: inner.x, y: inner.y + lines.count + 1, style: Theme.title)
        buffer.cursor = nil
    }
}
