import Foundation
import RundbordCore
import RundbordHarvest

/// Every key of the key table, grouped by screen, the current screen first.
enum HelpScreen {
    static let keyWidth = 24

    static func lines(_ state: AppState, width: Int) -> [(String, Style)] {
        let lang = state.lang
        var out: [(String, Style)] = []
        // Over a form, the form's keys first, then those of the screen under it.
        var first = [state.helpReturn]
        if state.helpReturn == .dashboard, state.dashboard?.form != nil { first = [.tableForm, .dashboard] }
        if state.helpReturn == .participants, state.roster?.form != nil { first = [.participantForm, .participants] }
        let order = first + ScreenID.allCases.filter { !first.contains($0) && $0 != .help }
        for screen in order {
            let rows = KeyTable.bindings.filter { $0.screens.contains(screen) }
            guard !rows.isEmpty else { continue }
            out.append((screen.title.text(lang), Theme.title))
            for row in rows {
                let described = TextLayout.lines(row.description.text(lang), width: max(10, width - keyWidth - 3))
                for (i, line) in described.enumerated() {
                    let key = i == 0 ? row.keysLabel(lang) : ""
                    out.append(("  " + TextLayout.pad(key, width: keyWidth) + " " + line, .plain))
                }
            }
            out.append(("", .plain))
        }
        return out
    }

    static func render(_ state: AppState, into buffer: inout Buffer) -> Viewport {
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
        return Viewport(screen: .help, page: max(1, buffer.height - 4), maxScroll: max(0, all.count - height))
    }
}
