import Foundation
import RundbordCore

/// Draws the whole frame for a state. Pure: the same state gives the same buffer.
public enum Screens {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(size: state.size)
        render(state, into: &buffer)
        return buffer
    }

    public static func render(_ state: AppState, into buffer: inout Buffer) {
        if state.tooSmall {
            TooSmallScreen.render(state, into: &buffer)
            return
        }
        switch state.screen {
        case .session: SessionScreen.render(state, into: &buffer)
        case .vote: VoteScreen.render(state, into: &buffer)
        case .detail: DetailScreen.render(state, into: &buffer)
        case .projector: ProjectorScreen.render(state, into: &buffer)
        case .help: HelpScreen.render(state, into: &buffer)
        case .picker, .confirm: SessionScreen.render(state, into: &buffer)
        case .dashboard: DashboardScreen.render(state, into: &buffer)
        case .tableView: SessionScreen.render(state, into: &buffer)
        case .participants, .participantForm: ParticipantsScreen.render(state, into: &buffer)
        case .harvest: HarvestScreen.render(state, into: &buffer)
        }
        if state.picker != nil { PickerOverlay.render(state, into: &buffer) }
        if state.confirmingQuit { ConfirmOverlay.render(state, into: &buffer) }
    }
}

/// Styles shared by the screens. Each colour comes with an attribute, so a
/// monochrome terminal still tells them apart.
enum Theme {
    /// Bars are white on blue in colour and reverse video in monochrome (the
    /// backend drops `reverse` where a background colour already marks the cell).
    static let header = Style(fg: .white, bg: .blue, bold: true, reverse: true)
    static let title = Style(bold: true)
    static let dim = Style(dim: true)
    static let selected = Style(reverse: true)
    static let error = Style(fg: .red, bold: true)
    static let ok = Style(fg: .green, bold: true)
    static let warning = Style(fg: .yellow, bold: true)
    /// Two minutes left, and overrun: colour and underline, so monochrome shows them too.
    static let timerWarning = Style(fg: .yellow, bg: .black, bold: true, underline: true)
    static let timerOverrun = Style(fg: .white, bg: .red, bold: true, underline: true)
    static let barKey = Style(bold: true)
    static let barLabel = Style(fg: .black, bg: .cyan, reverse: true)
    static let kind = Style(fg: .cyan, bold: true)
    static let initiative = Style(fg: .magenta, bold: true)
    /// The read-only banner: colour and reverse, so monochrome shows it too.
    static let readOnly = Style(fg: .black, bg: .yellow, bold: true, reverse: true)
}

enum Chrome {
    /// The top bar: event, table, principle n/N, phase, countdown.
    static func header(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        let session = state.session
        let style = Theme.header
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
        buffer.put(timer.text, x: buffer.width - timerWidth, y: 0, style: timerStyle(timer.level, normal: style))
    }

    /// "⏵ 13 min" while running with more than two minutes left, "⏵ 01:59"
    /// in the last two minutes, "⏸ 12:34" while paused, "+01:05 over" once
    /// the time box is overrun. Whole minutes until the warning keep the
    /// header still (a ticking second pulls eyes from the talk) and cost the
    /// terminal one small update a minute instead of one a second.
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
        if timer.isRunning && level == .normal {
            let minutes = Int((remaining / 60).rounded(.up))
            return ("\(symbol) " + TUIText.timerMinutes.text(lang, minutes), level)
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
            buffer.put((message.isError ? "✗ " : "✓ ") + message.text, x: 1, y: y, style: style)
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

enum TooSmallScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lines = TextLayout.wrap(TUIText.tooSmall.text(state.lang, state.size.width, state.size.height,
                                                          Layout.minimumWidth, Layout.minimumHeight),
                                    width: max(1, buffer.width - 2))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: Theme.warning)
        }
    }
}

/// The main screen: header, the principle, its notes, the status line, the entry line, the key bar.
enum SessionScreen {
    /// A marker column, then the time: "▶14:03 " marks the selected note even without colour.
    static let timeWidth = 7

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        Chrome.header(state, into: &buffer)
        var y = 1
        y = principle(state, top: y, into: &buffer)

        if state.isReadOnlyView {
            readOnly(state, top: y, into: &buffer)
            return
        }
        let entry = entryLayout(state, width: buffer.width, height: buffer.height)
        let promptText = entry.prompt
        let promptWidth = entry.promptWidth
        let layout = entry.layout
        let entryRows = entry.rows
        let keyBarY = buffer.height - 1
        let entryY = keyBarY - entryRows
        let statusY = entryY - 1
        let ruleY = y

        Chrome.rule(TUIText.notesTitle.text(lang, state.session.visibleCount), y: ruleY, into: &buffer,
                    right: state.notesScroll > 0 || state.focus == .notes ? TUIText.notesScrolled.text(lang) : "")
        noteList(state, area: noteArea(state, width: buffer.width, height: buffer.height), into: &buffer)

        Chrome.status(state, y: statusY, into: &buffer)

        // The entry line, scrolled so that the cursor row is visible.
        let first = max(0, min(layout.cursorRow - entryRows + 1, layout.rows.count - entryRows))
        let kindStyle = state.effectiveDraftKind == .initiative ? Theme.initiative : Theme.kind
        buffer.put(TextLayout.truncate(promptText, width: promptWidth), x: 0, y: entryY,
                   style: state.editingNoteId != nil ? Theme.warning : kindStyle)
        for i in 0..<entryRows where first + i < layout.rows.count {
            buffer.put(layout.rows[first + i], x: promptWidth, y: entryY + i)
        }
        if state.focus == .entry && state.picker == nil && !state.confirmingQuit {
            buffer.cursor = (promptWidth + layout.cursorColumn, entryY + layout.cursorRow - first)
        }
        Chrome.keyBar(.session, lang, into: &buffer)
    }

    /// Another table shown from the dashboard: its notes, and in place of the
    /// entry line a banner that says nothing can be changed here.
    static func readOnly(_ state: AppState, top: Int, into buffer: inout Buffer) {
        let lang = state.lang
        let bannerY = buffer.height - 2
        let statusY = bannerY - 1
        let notes = state.session.visibleNotes
        Chrome.rule(TUIText.notesTitle.text(lang, notes.count), y: top, into: &buffer,
                    right: state.notesScroll > 0 || state.focus == .notes ? TUIText.notesScrolled.text(lang) : "")
        noteList(state, area: Rect(x: 0, y: top + 1, width: buffer.width, height: statusY - top - 1), into: &buffer)
        if state.message != nil { Chrome.status(state, y: statusY, into: &buffer) }
        buffer.fill(Rect(x: 0, y: bannerY, width: buffer.width, height: 1), style: Theme.readOnly)
        buffer.put(" " + TUIText.tableViewBanner.text(lang, state.tableNumber), x: 0, y: bannerY, style: Theme.readOnly)
        Chrome.keyBar(.tableView, lang, into: &buffer)
    }

    /// "Pointe › ", "Indsats (Kaffe Karma) › ", "Ret notat › ".
    static func prompt(_ state: AppState) -> String {
        if state.editingNoteId != nil { return TUIText.promptEditing.text(state.lang) + " › " }
        var s = state.vision.label(state.effectiveDraftKind)
        if let name = state.speakerName(state.draftSpeaker) { s += " (" + name + ")" }
        return s + " › "
    }

    /// The principle's title, and when expanded its summary and questions; returns the next free row.
    static func principle(_ state: AppState, top: Int, into buffer: inout Buffer) -> Int {
        var y = top
        for (line, style) in principleLines(state, width: buffer.width, height: buffer.height) {
            buffer.put(line, x: 1, y: y, style: style); y += 1
        }
        return y
    }

    /// The lines the principle takes at the top of the session screen. Tall
    /// windows show the summary and the questions; small ones (80×24) the
    /// guiding questions alone, which drive the talk; Ctrl-G toggles between
    /// everything and a one-line reminder.
    static func principleLines(_ state: AppState, width: Int, height: Int) -> [(String, Style)] {
        guard let principle = state.session.principle else { return [] }
        let titleLines = TextLayout.wrap("\(state.session.principleIndex + 1). " + principle.title, width: width - 2)
        var out: [(String, Style)] = titleLines.prefix(2).map { ($0, Theme.title) }
        let auto = state.principleExpanded == nil
        guard state.principleExpanded ?? true else {
            out.append((TUIText.principleCollapsed.text(state.lang, principle.questions.count), Theme.dim))
            return out
        }
        let withSummary = !auto || Layout.expandsPrinciple(Size(width: width, height: height))
        // Asked for with Ctrl-G, the principle may take all but about eight note rows.
        let room = state.principleExpanded == true ? max(2, height - 16) : max(2, (height - 12) / 2)
        var lines: [(String, Style)] = withSummary
            ? TextLayout.wrap(principle.summary, width: width - 2).map { ($0, Theme.dim) } : []
        for q in principle.questions {
            for (i, line) in TextLayout.wrap(q, width: width - 4).enumerated() {
                lines.append(((i == 0 ? "• " : "  ") + line, .plain))
            }
        }
        out += lines.prefix(room)
        if lines.count > room { out.append((TUIText.principleMore.text(state.lang), Theme.dim)) }
        return out
    }

    /// The rows of the note list: below the principle and the rule, above the
    /// status line and the entry line (which grows with a long note).
    static func noteArea(_ state: AppState, width: Int, height: Int) -> Rect {
        let ruleY = 1 + principleLines(state, width: width, height: height).count
        let statusY = height - 1 - entryLayout(state, width: width, height: height).rows - 1
        return Rect(x: 0, y: ruleY + 1, width: width, height: max(0, statusY - ruleY - 1))
    }

    /// The entry line grows with a long or multi-line note, up to a quarter of the screen.
    static func entryLayout(_ state: AppState, width: Int, height: Int)
        -> (prompt: String, promptWidth: Int, layout: (rows: [String], cursorRow: Int, cursorColumn: Int), rows: Int) {
        let promptText = prompt(state)
        let promptWidth = min(DisplayWidth.of(promptText), width / 3)
        let layout = state.editor.layout(width: width - promptWidth)
        return (promptText, promptWidth, layout, min(max(1, layout.rows.count), max(1, height / 4)))
    }

    /// A piece of a note drawn at column `x` of the note's row `row`.
    struct NoteLine {
        var noteId: UUID
        var text: String
        var style: Style
        var x: Int
        var row: Int
    }

    /// The lines a note takes: time, kind and wrapped text; an initiative adds a details line.
    static func lines(for note: Note, _ state: AppState, width: Int) -> [NoteLine] {
        let speaker = state.speakerName(of: note)
        let key = NoteLayoutCache.Key(note: note, width: width, speaker: speaker, lang: state.lang,
                                      zone: state.timeZone.identifier,
                                      labels: state.vision.noteKinds.map(\.label) + [state.vision.label(note.funding ?? .unclear)])
        if let cached = NoteLayoutCache.shared[key] { return cached }
        let laidOut = layOut(note, speaker: speaker, state, width: width)
        NoteLayoutCache.shared[key] = laidOut
        return laidOut
    }

    static func layOut(_ note: Note, speaker: String?, _ state: AppState, width: Int) -> [NoteLine] {
        let labelWidth = state.vision.noteKinds.map { DisplayWidth.of($0.label) }.max() ?? 8
        let indent = timeWidth + labelWidth + 1
        var text = note.text
        if let speaker { text += " — " + speaker }
        let wrapped = TextLayout.wrap(TextLayout.visibleLines(text),
                                      width: max(10, width - indent - 1))
        var out: [NoteLine] = []
        let kindStyle = note.isInitiative ? Theme.initiative : Theme.kind
        out.append(NoteLine(noteId: note.id, text: time(note.createdAt, state.timeZone), style: Theme.dim, x: 1, row: 0))
        out.append(NoteLine(noteId: note.id, text: TextLayout.pad(state.vision.label(note.kind), width: labelWidth),
                            style: kindStyle, x: timeWidth, row: 0))
        for (i, line) in wrapped.enumerated() {
            out.append(NoteLine(noteId: note.id, text: line, style: .plain, x: indent, row: i))
        }
        if note.isInitiative {
            var parts = [TUIText.dotsCount.text(state.lang, note.dots)]
            parts.append(state.vision.label(note.funding ?? .unclear))
            if let owner = note.owner { parts.append(TUIText.ownerShort.text(state.lang, owner)) }
            if let horizon = note.horizon { parts.append(TUIText.horizonShort.text(state.lang, horizon)) }
            let details = TextLayout.wrap("↳ " + Sanitize.line(parts.joined(separator: " · ")), width: max(10, width - indent - 1))
            for (i, line) in details.enumerated() {
                out.append(NoteLine(noteId: note.id, text: (i == 0 ? "" : "  ") + line, style: Theme.dim,
                                    x: indent, row: wrapped.count + i))
            }
        }
        return out
    }

    static func time(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// The notes, newest at the bottom; scrolled up by PgUp or to keep the selected note in view.
    static func noteList(_ state: AppState, area: Rect, into buffer: inout Buffer) {
        guard area.height > 0 else { return }
        let notes = state.session.notes
        if state.session.visibleCount == 0 {
            for (i, line) in TextLayout.wrap(TUIText.notesEmpty.text(state.lang), width: area.width - 2).enumerated()
            where i < area.height {
                buffer.put(line, x: 1, y: area.y + i, style: Theme.dim)
            }
            return
        }
        // Rows: each row is the pieces drawn on it, tagged with the note. Only the
        // newest notes that can be in view are laid out, walking back from the
        // newest without copying the list, so a long list costs no more per frame.
        let selected = state.focus == .notes ? state.selectedNoteId : nil
        let needed = area.height + state.notesScroll
        var reversedRows: [(UUID, [NoteLine])] = []
        var selectedFound = selected == nil
        var olderNotesLeft = false
        for i in notes.indices.reversed() where !notes[i].isDeleted {
            let note = notes[i]
            var byRow: [Int: [NoteLine]] = [:]
            for piece in lines(for: note, state, width: area.width) {
                byRow[piece.row, default: []].append(piece)
            }
            for r in byRow.keys.sorted().reversed() { reversedRows.append((note.id, byRow[r]!)) }
            if note.id == selected { selectedFound = true }
            if selectedFound && reversedRows.count >= needed + (selected == nil ? 0 : area.height) {
                olderNotesLeft = notes[..<i].contains { !$0.isDeleted }
                break
            }
        }
        let rows = Array(reversedRows.reversed())
        // The window: bottom-aligned, moved up by the scroll, then nudged to show the selection.
        let maxScroll = max(0, rows.count - area.height)
        var bottom = rows.count - min(state.notesScroll, maxScroll)
        if let id = selected,
           let firstRow = rows.firstIndex(where: { $0.0 == id }),
           let lastRow = rows.lastIndex(where: { $0.0 == id }) {
            if lastRow + 1 > bottom { bottom = lastRow + 1 }
            if firstRow < bottom - area.height { bottom = min(rows.count, firstRow + area.height) }
        }
        let top = max(0, bottom - area.height)
        for (i, row) in rows[top..<bottom].enumerated() {
            let y = area.y + i
            let isSelected = state.focus == .notes && row.0 == state.selectedNoteId
            if isSelected {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: Theme.selected)
                buffer.put("▶", x: area.x, y: y, style: Theme.selected)
            }
            for piece in row.1 {
                var style = piece.style
                if isSelected { style.reverse = true }
                buffer.put(piece.text, x: area.x + piece.x, y: y, style: style)
            }
        }
        if top > 0 || olderNotesLeft { buffer.put("↑", x: area.width - 1, y: area.y, style: Theme.dim) }
        if bottom < rows.count { buffer.put("↓", x: area.width - 1, y: area.y + area.height - 1, style: Theme.dim) }
    }
}

/// Laid-out notes by everything their layout depends on. A note's lines do
/// not change while it is typed under, so each keystroke lays out only the
/// entry line. Rendering stays a function of the state: the cache only
/// remembers results.
final class NoteLayoutCache: @unchecked Sendable {
    struct Key: Hashable {
        let note: Note
        let width: Int
        let speaker: String?
        let lang: Language
        let zone: String
        let labels: [String]
    }

    static let shared = NoteLayoutCache()
    private var entries: [Key: [SessionScreen.NoteLine]] = [:]
    private let lock = NSLock()
    /// Enough for several screens of notes at a few widths; cleared whole when full.
    private let limit = 4096

    subscript(key: Key) -> [SessionScreen.NoteLine]? {
        get { lock.withLock { entries[key] } }
        set {
            lock.withLock {
                if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}
