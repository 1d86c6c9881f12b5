import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

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

    static func render(_ state: AppState, into buffer: inout Buffer) -> Viewport {
        let viewport = Viewport(screen: .dashboard, page: max(1, tableRows(state) - 1))
        let lang = state.lang
        TitleBar.render(TUIText.dashboardTitle.text(lang, state.eventTitle), into: &buffer)
        guard let board = state.dashboard, let snapshot = board.snapshot else {
            buffer.put(TUIText.dashboardLoading.text(lang), x: 1, y: 2, style: Theme.dim)
            Chrome.keyBar(.dashboard, lang, into: &buffer)
            return viewport
        }
        buffer.put(TUIText.dashboardSummary.text(lang, snapshot.tables.count, snapshot.totalNotes,
                                                 snapshot.initiatives, snapshot.participants),
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
            // Initiatives with no dots are not the most voted: none is named until a dot is given.
            let none: TUIText = snapshot.total(kind: .initiative) > 0 ? .dashboardNoDots : .dashboardNoInitiatives
            buffer.put(none.text(lang), x: half + 2, y: ruleY + 1, style: Theme.dim)
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
        if state.message == nil || board.form != nil {
            buffer.fill(Rect(x: 0, y: buffer.height - 2, width: buffer.width, height: 1))
            // The selected table's name, host and note-taker (F2 sets them).
            if snapshot.tables.indices.contains(board.row) {
                buffer.put(Chrome.fitted(details(snapshot.tables[board.row], lang), width: buffer.width - 2),
                           x: 1, y: buffer.height - 2, style: Theme.dim)
            }
        }
        if let form = board.form {
            self.form(form, state, into: &buffer)
            Chrome.keyBar(.tableForm, lang, into: &buffer)
        } else {
            Chrome.keyBar(.dashboard, lang, into: &buffer)
        }
        return viewport
    }

    static func details(_ table: DashboardSnapshot.TableStatus, _ lang: Language) -> String {
        TableForm.details(number: table.number, name: table.name, host: table.host, noteTaker: table.noteTaker, lang)
    }

    /// The form over the dashboard: the table's name, host and note-taker, a
    /// word on where they show, and the hint or the error.
    static func form(_ form: TableForm, _ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let inner = Chrome.box(TUIText.tableFormTitle.text(lang, form.number), width: 70, height: 12, into: &buffer)
        let labelWidth = 14
        let fields: [(TableForm.Field, TUIText)] = [(.name, .tableFormName), (.host, .tableFormHost),
                                                    (.noteTaker, .tableFormNoteTaker)]
        var y = inner.y + 1
        for (field, label) in fields {
            let focused = form.field == field
            buffer.put((focused ? "▸ " : "  ") + label.text(lang), x: inner.x, y: y, style: focused ? Theme.title : .plain)
            let x = inner.x + labelWidth
            let width = inner.width - labelWidth
            let editor = form[field]
            buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(underline: true))
            let layout = editor.layout(width: width)
            // The row with the cursor; a long text scrolls within the field.
            buffer.put(layout.rows[min(layout.cursorRow, layout.rows.count - 1)], x: x, y: y, style: Style(underline: true))
            if focused { buffer.cursor = (x + min(layout.cursorColumn, width - 1), y) }
            y += 2
        }
        for (i, line) in TextLayout.lines(TUIText.tableFormWhy.text(lang), width: inner.width).prefix(2).enumerated() {
            buffer.put(line, x: inner.x, y: y + i, style: Theme.dim)
        }
        if let message = state.message {
            buffer.put((message.isError ? "✗ " : "✓ ") + TextLayout.truncate(message.text, width: inner.width - 2),
                       x: inner.x, y: inner.y + inner.height - 1, style: message.isError ? Theme.error : Theme.ok)
        } else {
            buffer.put(TextLayout.truncate(TUIText.formTextHint.text(lang), width: inner.width),
                       x: inner.x, y: inner.y + inner.height - 1, style: Theme.dim)
        }
    }
}
