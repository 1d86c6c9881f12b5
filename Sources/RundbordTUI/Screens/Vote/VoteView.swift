import Foundation
import RundbordCore
import RundbordHarvest

/// Dots per initiative and the agreement tally, set from a show of hands.
enum VoteScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        Chrome.header(state, into: &buffer)
        var y = 1
        let scope = state.voteScope == .principle
            ? TUIText.voteScopePrinciple.text(lang, state.session.principle?.title ?? "")
            : TUIText.voteScopeTable.text(lang, state.tableNumber)
        for line in TextLayout.lines(scope, width: buffer.width - 2).prefix(2) {
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
