import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// The roster, grouped by table, and the form that adds or edits a participant.
enum ParticipantsScreen {
    /// Rows for the list (between the column headings and the status line).
    static func listRows(_ state: AppState) -> Int { max(1, state.size.height - 5) }

    enum Row { case heading(Int?, Int), person(Int) }

    /// The list as drawn: a heading before each table's people.
    static func rows(_ list: [Participant]) -> [Row] {
        var out: [Row] = []
        var current: Int?? = .none
        for (i, p) in list.enumerated() {
            if current != .some(p.tableNumber) {
                current = .some(p.tableNumber)
                out.append(.heading(p.tableNumber, list.filter { $0.tableNumber == p.tableNumber }.count))
            }
            out.append(.person(i))
        }
        return out
    }

    static func widths(_ width: Int) -> [Int] {
        let table = 6, named = 10
        let rest = width - 2 - table - named
        let name = rest * 35 / 100, organisation = rest * 30 / 100
        return [name, organisation, rest - name - organisation, table, named]
    }

    static func render(_ state: AppState, into buffer: inout Buffer) -> Viewport {
        let lang = state.lang
        let viewport = Viewport(screen: .participants, page: max(1, listRows(state) - 1))
        guard let roster = state.roster else { return viewport }
        let list = AppUpdate.roster(state)
        let here = state.isReadOnlyView ? nil : state.tableNumber
        TitleBar.render(TUIText.participantsTitle.text(lang, list.count),
                        right: here.map { TUIText.headerTable.text(lang, $0) } ?? "", into: &buffer)
        let widths = widths(buffer.width)
        var x = 2
        for (heading, width) in zip(TUIText.participantsColumns.text(lang).components(separatedBy: "\t"), widths) {
            buffer.put(TextLayout.pad(heading, width: width), x: x, y: 1, style: Theme.title)
            x += width
        }
        let height = listRows(state)
        if list.isEmpty {
            for (i, line) in TextLayout.lines(TUIText.participantsEmpty.text(lang), width: buffer.width - 4).enumerated() {
                buffer.put(line, x: 2, y: 3 + i, style: Theme.dim)
            }
        }
        let all = rows(list)
        let selectedRow = all.firstIndex { if case .person(let i) = $0 { i == roster.row } else { false } } ?? 0
        // Keep the selection in view, with its table's heading when there is room.
        let first = max(0, min(selectedRow - height + 1, all.count - height, max(0, selectedRow - 1)))
        for (offset, row) in all.dropFirst(first).prefix(height).enumerated() {
            let y = 2 + offset
            switch row {
            case let .heading(table, count):
                let label = table.map { TUIText.headerTable.text(lang, $0) } ?? TUIText.participantsNoTable.text(lang)
                buffer.put("─ " + label + " (\(count)) " + String(repeating: "─", count: buffer.width), x: 0, y: y,
                           style: Theme.dim)
                buffer.put(label + " (\(count))", x: 2, y: y, style: Theme.title)
            case .person(let i):
                let p = list[i]
                let selected = i == roster.row
                let base: Style = selected ? Theme.selected : .plain
                if selected {
                    buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: base)
                    buffer.put("▶", x: 0, y: y, style: base)
                }
                let cells = [p.name, p.organisation, p.email,
                             p.tableNumber.map(String.init) ?? "–",
                             (p.mayBeNamed ? "✓ " + TUIText.consentYes.text(lang) : "  " + TUIText.consentNo.text(lang))]
                var cx = 2
                for (j, (cell, width)) in zip(cells, widths).enumerated() {
                    var style = base
                    if j == 4 && p.mayBeNamed { style.bold = true }
                    if j == 2 || (j == 4 && !p.mayBeNamed) { style.dim = !selected }
                    buffer.put(TextLayout.pad(Sanitize.line(cell), width: width - 1), x: cx, y: y, style: style)
                    cx += width
                }
            }
        }
        if first > 0 { buffer.put("↑", x: buffer.width - 1, y: 2, style: Theme.dim) }
        if first + height < all.count { buffer.put("↓", x: buffer.width - 1, y: 1 + height, style: Theme.dim) }
        let statusY = buffer.height - 2
        if state.message != nil && roster.form == nil {
            Chrome.status(state, y: statusY, into: &buffer)
        } else {
            buffer.put(TUIText.participantsHint.text(lang), x: 1, y: statusY, style: Theme.dim)
        }
        if roster.form != nil {
            form(state, into: &buffer)
            Chrome.keyBar(.participantForm, lang, into: &buffer)
        } else {
            Chrome.keyBar(.participants, lang, into: &buffer)
        }
        return viewport
    }

    /// The form over the list: five fields, a hint, and any error.
    static func form(_ state: AppState, into buffer: inout Buffer) {
        guard let form = state.roster?.form else { return }
        let lang = state.lang
        let title = (form.id == nil ? TUIText.formNewTitle : TUIText.formEditTitle).text(lang)
        let inner = Chrome.box(title, width: 70, height: 13, into: &buffer)
        let labelWidth = 16
        let fields: [(ParticipantForm.Field, TUIText)] = [(.name, .formName), (.organisation, .formOrganisation),
                                                          (.email, .formEmail), (.table, .formTable),
                                                          (.consent, .formConsent)]
        var y = inner.y + 1
        for (field, label) in fields {
            let focused = form.field == field
            buffer.put((focused ? "▸ " : "  ") + label.text(lang), x: inner.x, y: y,
                       style: focused ? Theme.title : .plain)
            let x = inner.x + labelWidth
            let width = inner.width - labelWidth
            switch field {
            case .name, .organisation, .email:
                let editor = field == .name ? form.name : field == .organisation ? form.organisation : form.email
                buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(underline: true))
                let layout = editor.layout(width: width)
                // The row with the cursor; a long text scrolls within the field.
                buffer.put(layout.rows[min(layout.cursorRow, layout.rows.count - 1)], x: x, y: y, style: Style(underline: true))
                if focused { buffer.cursor = (x + min(layout.cursorColumn, width - 1), y) }
            case .table:
                let name = form.tableNumber.map { TUIText.headerTable.text(lang, $0) } ?? TUIText.formNoTable.text(lang)
                buffer.put("‹ " + name + " ›", x: x, y: y, style: Style(bold: true, reverse: focused))
            case .consent:
                let value = form.mayBeNamed ? "[x] " + TUIText.consentYes.text(lang) : "[ ] " + TUIText.consentNo.text(lang)
                buffer.put(value, x: x, y: y, style: Style(bold: form.mayBeNamed, reverse: focused))
            }
            y += 2
        }
        if !form.isTextField { buffer.cursor = nil }
        let hint: TUIText = form.field == .table ? .formTableHint : form.field == .consent ? .formConsentHint : .formTextHint
        if let message = state.message {
            buffer.put((message.isError ? "✗ " : "✓ ") + TextLayout.truncate(message.text, width: inner.width - 2),
                       x: inner.x, y: inner.y + inner.height - 1, style: message.isError ? Theme.error : Theme.ok)
        } else {
            buffer.put(TextLayout.truncate(hint.text(lang), width: inner.width), x: inner.x, y: inner.y + inner.height - 1,
                       style: Theme.dim)
        }
    }
}
