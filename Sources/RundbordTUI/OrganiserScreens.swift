import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

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

/// The organiser's view of every table: principle, phase, time left, counts and
/// last activity; totals per principle; the initiatives with the most dots.
enum DashboardScreen {
    struct Columns {
        var principle: Int
        static let number = 6, phase = 13, timer = 9, notes = 6, initiatives = 6, dots = 5, activity = 12
        var widths: [Int] { [Self.number, principle, Self.phase, Self.timer, Self.notes, Self.initiatives, Self.dots, Self.activity] }
        init(width: Int) {
            principle = max(10, width - 1 - Self.number - Self.phase - Self.timer - Self.notes - Self.initiatives
                        - Self.dots - Self.activity)
        }
    }

    /// The principles' titles without the words they all begin with ("Vi vil
    /// skabe …", "Vi vil købe …"): in a narrow column the rest is what tells them apart.
    static func shortTitles(_ vision: Vision) -> [String: String] {
        let words = vision.principles.map { Sanitize.line($0.title).split(separator: " ", omittingEmptySubsequences: true) }
        var common = 0
        if words.count > 1, let first = words.first {
            while common < first.count - 1, words.allSatisfy({ $0.count > common + 1 && $0[common] == first[common] }) {
                common += 1
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(vision.principles.map(\.id), words.map { $0.dropFirst(common).joined(separator: " ") }))
    }

    /// The dashboard's countdown: "⏵ 12:34", or "⏵ +01:05" once overrun (the
    /// overrun style says the rest).
    static func countdown(_ timer: TimerState, now: Date) -> String {
        let remaining = timer.remaining(at: now)
        return (timer.isRunning ? "⏵ " : "⏸ ") + (remaining < 0 ? "+" : "") + Chrome.clock(abs(remaining))
    }

    /// Rows the bottom block (principles and top initiatives) takes.
    static func bottomRows(_ state: AppState) -> Int {
        let available = state.size.height - 6
        let principles = state.vision.principles.count
        let tables = state.dashboard?.snapshot?.tables.count ?? 0
        let top = state.dashboard?.snapshot?.topInitiatives.count ?? 0
        let low = min(max(3, principles), available / 2)
        let high = max(low, min(max(principles, top), available / 2))
        return min(high, max(low, available - tables))
    }

    /// Rows for the table list.
    static func tableRows(_ state: AppState) -> Int {
        max(1, state.size.height - 6 - bottomRows(state))
    }

    /// "lige nu", "for 3 min siden", "for 2 t siden".
    static func activity(_ date: Date?, now: Date, lang: Language) -> String {
        guard let date else { return TUIText.activityNever.text(lang) }
        let minutes = Int(max(0, now.timeIntervalSince(date)) / 60)
        if minutes < 1 { return TUIText.activityJustNow.text(lang) }
        if minutes < 60 { return TUIText.activityMinutes.text(lang, minutes) }
        return TUIText.activityHours.text(lang, minutes / 60)
    }

    static func rightAligned(_ text: String, width: Int) -> String {
        let t = TextLayout.truncate(text, width: width - 1)
        return String(repeating: " ", count: max(0, width - 1 - DisplayWidth.of(t))) + t + " "
    }

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        TitleBar.render(TUIText.dashboardTitle.text(lang, state.eventTitle), into: &buffer)
        guard let board = state.dashboard, let snapshot = board.snapshot else {
            buffer.put(TUIText.dashboardLoading.text(lang), x: 1, y: 2, style: Theme.dim)
            Chrome.keyBar(.dashboard, lang, into: &buffer)
            return
        }
        buffer.put(TUIText.dashboardSummary.text(lang, snapshot.tables.count, snapshot.totalNotes,
                                                 snapshot.total(kind: .initiative), snapshot.participants),
                   x: 1, y: 1, style: Theme.dim)

        // The table list, scrolled to keep the selected table in view.
        let columns = Columns(width: buffer.width)
        let titles = shortTitles(state.vision)
        let headings = TUIText.dashboardColumns.text(lang).components(separatedBy: "\t")
        var x = 1
        for (i, (heading, width)) in zip(headings, columns.widths).enumerated() {
            let numeric = [0, 4, 5, 6].contains(i)
            buffer.put(numeric ? rightAligned(heading, width: width) : TextLayout.pad(heading, width: width),
                       x: x, y: 2, style: Theme.title)
            x += width
        }
        let rows = tableRows(state)
        let first = max(0, min(board.row - rows + 1, snapshot.tables.count - rows))
        for (offset, table) in snapshot.tables.dropFirst(first).prefix(rows).enumerated() {
            let y = 3 + offset
            let selected = first + offset == board.row
            func style(_ base: Style) -> Style { var s = base; if selected { s.reverse = true }; return s }
            if selected { buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: Theme.selected) }
            if selected { buffer.put("▶", x: 0, y: y, style: Theme.selected) }
            let title = table.principleId.flatMap { titles[$0] } ?? "–"
            let level = table.timer.level(at: state.now)
            var cx = 1
            cx += buffer.put(rightAligned(String(table.number), width: Columns.number), x: cx, y: y, style: style(.bold))
            cx += buffer.put(TextLayout.pad(TextLayout.truncate("\(table.principleIndex + 1)/\(table.principleCount) "
                                                                + Sanitize.line(title), width: columns.principle - 1),
                                            width: columns.principle), x: cx, y: y, style: style(.plain))
            cx += buffer.put(TextLayout.pad(TextLayout.truncate(table.phase.textKey.text(lang), width: Columns.phase - 1),
                                            width: Columns.phase), x: cx, y: y,
                             style: style(.plain))
            // The countdown in the session's warning and overrun styles, but never wider than its column.
            buffer.put(countdown(table.timer, now: state.now), x: cx, y: y,
                       style: style(Chrome.timerStyle(level, normal: .plain)), limit: Columns.timer - 1)
            cx += Columns.timer
            cx += buffer.put(rightAligned(String(table.total), width: Columns.notes), x: cx, y: y, style: style(.plain))
            cx += buffer.put(rightAligned(String(table.counts[.initiative] ?? 0), width: Columns.initiatives), x: cx, y: y,
                             style: style(Theme.initiative))
            cx += buffer.put(rightAligned(String(table.dots), width: Columns.dots), x: cx, y: y, style: style(.plain))
            buffer.put(TextLayout.truncate(activity(table.lastActivity, now: state.now, lang: lang),
                                           width: Columns.activity), x: cx, y: y, style: style(Theme.dim))
        }
        if snapshot.tables.count > rows {
            let more = TUIText.dashboardMore.text(lang, first + 1, min(first + rows, snapshot.tables.count),
                                                  snapshot.tables.count)
            buffer.put(" " + more + " ", x: buffer.width - DisplayWidth.of(more) - 3, y: 1, style: Theme.dim)
        }

        // Totals per principle (left) and the initiatives with the most dots (right).
        // Right under the tables (a blank line between when there is room), using what is left.
        let shown = min(rows, snapshot.tables.count)
        let ruleY = 3 + shown + (shown < rows ? 1 : 0)
        let half = buffer.width / 2
        Chrome.rule(TUIText.dashboardPrinciples.text(lang), y: ruleY, into: &buffer)
        buffer.put(" " + TUIText.dashboardTop.text(lang) + " ", x: half + 2, y: ruleY, style: Theme.title)
        let bottom = max(0, buffer.height - 2 - ruleY - 1)
        let numbers = 18
        // The same count columns as the table list, labelled on the rule.
        buffer.put(rightAligned(headings[4], width: Columns.notes) + rightAligned(headings[5], width: Columns.initiatives)
                   + rightAligned(headings[6], width: Columns.dots), x: half - numbers, y: ruleY, style: Theme.dim)
        for (i, totals) in snapshot.principles.prefix(bottom).enumerated() {
            let y = ruleY + 1 + i
            buffer.put(TextLayout.truncate("\(i + 1). " + (titles[totals.id] ?? totals.id), width: half - numbers - 2), x: 1, y: y)
            let counts = rightAligned(String(totals.total), width: Columns.notes)
                + rightAligned(String(totals.counts[.initiative] ?? 0), width: Columns.initiatives)
                + rightAligned(String(totals.dots), width: Columns.dots)
            buffer.put(counts, x: half - numbers, y: y, style: Theme.dim)
        }
        let used = min(bottom, max(snapshot.principles.count, snapshot.topInitiatives.count, 1))
        for y in (ruleY + 1)..<(ruleY + 1 + used) { buffer.put("│", x: half, y: y, style: Theme.dim) }
        if snapshot.topInitiatives.isEmpty {
            buffer.put(TUIText.dashboardNoInitiatives.text(lang), x: half + 2, y: ruleY + 1, style: Theme.dim)
        }
        for (i, item) in snapshot.topInitiatives.prefix(bottom).enumerated() {
            let y = ruleY + 1 + i
            var cx = half + 1
            cx += buffer.put(rightAligned(String(item.dots), width: 4), x: cx, y: y, style: .bold)
            cx += buffer.put("● ", x: cx, y: y, style: Theme.initiative)
            cx += buffer.put(TUIText.dashboardTableLine.text(lang, item.tableNumber) + " ", x: cx, y: y, style: Theme.dim)
            buffer.put(TextLayout.truncate(Sanitize.line(item.text), width: max(0, buffer.width - cx - 1)), x: cx, y: y)
        }
        Chrome.status(state, y: buffer.height - 2, into: &buffer)
        if state.message == nil { buffer.fill(Rect(x: 0, y: buffer.height - 2, width: buffer.width, height: 1)) }
        Chrome.keyBar(.dashboard, lang, into: &buffer)
    }
}

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

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        guard let roster = state.roster else { return }
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
            for (i, line) in TextLayout.wrap(TUIText.participantsEmpty.text(lang), width: buffer.width - 4).enumerated() {
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

/// The harvest: formats and anonymity to the left, the Markdown preview to the right.
enum HarvestScreen {
    static func panelWidth(_ size: Size) -> Int { min(40, max(30, size.width / 3)) }
    static func previewRows(_ state: AppState) -> Int { max(1, state.size.height - 4) }

    static func previewLines(_ state: AppState) -> [String] {
        guard let markdown = state.harvest?.preview else { return [] }
        let width = state.size.width - panelWidth(state.size) - 2
        return TextLayout.wrap(TextLayout.visibleLines(markdown), width: max(10, width))
    }

    static func label(_ format: ExportFormat) -> TUIText {
        switch format {
        case .md: .formatMd
        case .txt: .formatTxt
        case .eml, .mailtext: .formatEml
        case .csv: .formatCsv
        case .initiativesCSV: .formatInitiativesCsv
        case .json: .formatJson
        }
    }

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        guard let harvest = state.harvest else { return }
        TitleBar.render(TUIText.harvestTitle.text(lang, state.eventTitle), into: &buffer)
        let panel = panelWidth(buffer.size)
        var y = 1
        buffer.put(TUIText.harvestFormats.text(lang), x: 1, y: y, style: Theme.title)
        y += 1
        func option(_ row: Int, _ on: Bool, _ name: String, _ detail: String) {
            let selected = harvest.row == row
            let style: Style = selected ? Theme.selected : .plain
            if selected { buffer.fill(Rect(x: 0, y: y, width: panel - 1, height: 1), style: style) }
            var cx = 1
            cx += buffer.put((on ? "[x] " : "[ ] ") + name, x: cx, y: y, style: Style(bold: on, reverse: selected))
            if !detail.isEmpty {
                buffer.put(" " + TextLayout.truncate(detail, width: max(0, panel - cx - 3)), x: cx, y: y,
                           style: Style(reverse: selected, dim: !selected))
            }
            y += 1
        }
        for (i, format) in HarvestState.formats.enumerated() {
            option(i, harvest.chosen.contains(format), format.rawValue, label(format).text(lang))
        }
        y += 1
        option(harvest.anonymousRow, harvest.anonymous, TUIText.harvestAnonymous.text(lang), "")
        y += 1
        // The event file's name; the folder is said once something is written.
        let file = URL(fileURLWithPath: state.eventPath).lastPathComponent
        for line in TextLayout.wrap(TUIText.harvestWhere.text(lang, file), width: panel - 3) where y < buffer.height - 3 {
            buffer.put(line, x: 1, y: y, style: Theme.dim); y += 1
        }
        // An export error in full (the status line may cut it): what to do about it is in its text.
        if let message = state.message, message.isError {
            y += 1
            for line in TextLayout.wrap("✗ " + message.text, width: panel - 3) where y < buffer.height - 2 {
                buffer.put(line, x: 1, y: y, style: Theme.error); y += 1
            }
        }
        if !harvest.written.isEmpty && y < buffer.height - 3 {
            y += 1
            buffer.put(TUIText.harvestWritten.text(lang), x: 1, y: y, style: Theme.ok)
            y += 1
            for path in harvest.written where y < buffer.height - 2 {
                buffer.put("✓ " + TextLayout.truncate(URL(fileURLWithPath: path).lastPathComponent, width: panel - 5),
                           x: 1, y: y)
                y += 1
            }
        }

        // The preview, scrolled.
        for row in 1..<(buffer.height - 2) { buffer.put("│", x: panel - 1, y: row, style: Theme.dim) }
        let lines = previewLines(state)
        let rows = previewRows(state)
        let scroll = min(harvest.scroll, max(0, lines.count - rows))
        buffer.put(TUIText.harvestPreview.text(lang) + (harvest.stale ? " *" : ""), x: panel + 1, y: 1, style: Theme.title)
        if lines.count > rows {
            let position = "\(scroll + 1)–\(min(scroll + rows, lines.count))/\(lines.count)"
            buffer.put(position, x: buffer.width - DisplayWidth.of(position) - 1, y: 1, style: Theme.dim)
        }
        if harvest.preview == nil {
            buffer.put(TUIText.dashboardLoading.text(lang), x: panel + 1, y: 2, style: Theme.dim)
        }
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            let heading = line.hasPrefix("#")
            buffer.put(line, x: panel + 1, y: 2 + i, style: heading ? Theme.title : .plain)
        }

        let statusY = buffer.height - 2
        if state.message != nil {
            Chrome.status(state, y: statusY, into: &buffer)
        } else if harvest.stale {
            buffer.put("* " + TUIText.harvestStale.text(lang), x: 1, y: statusY, style: Theme.warning)
        } else {
            buffer.put(TUIText.harvestHint.text(lang), x: 1, y: statusY, style: Theme.dim)
        }
        Chrome.keyBar(.harvest, lang, into: &buffer)
    }
}
