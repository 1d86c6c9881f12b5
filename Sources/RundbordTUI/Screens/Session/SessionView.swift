import Foundation
import RundbordCore
import RundbordHarvest

/// The main screen: header, the principle, its notes, the status line, the entry line, the key bar.
enum SessionScreen {
    /// A marker column, then the time: "▶14:03 " marks the selected note even without colour.
    static let timeWidth = 7

    /// PgUp and PgDn move the notes half a screen.
    static func page(_ size: Size) -> Int { max(1, (size.height - 10) / 2) }

    static func render(_ state: AppState, into buffer: inout Buffer, memo: LayoutMemo) -> Viewport {
        let lang = state.lang
        Chrome.header(state, into: &buffer)
        var y = 1
        y = principle(state, top: y, into: &buffer, memo: memo)
        var viewport = Viewport(screen: state.screen, page: page(buffer.size))

        if state.isReadOnlyView {
            viewport.maxScroll = readOnly(state, top: y, into: &buffer, memo: memo)
            return viewport
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
        viewport.maxScroll = noteList(state, area: noteArea(state, width: buffer.width, height: buffer.height, memo: memo),
                                      into: &buffer, memo: memo)

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
        return viewport
    }

    /// Another table shown from the dashboard: its notes, and in place of the
    /// entry line a banner that says nothing can be changed here.
    static func readOnly(_ state: AppState, top: Int, into buffer: inout Buffer, memo: LayoutMemo) -> Int? {
        let lang = state.lang
        let bannerY = buffer.height - 2
        let statusY = bannerY - 1
        let notes = state.shownSession.visibleNotes
        Chrome.rule(TUIText.notesTitle.text(lang, notes.count), y: top, into: &buffer,
                    right: state.notesScroll > 0 || state.focus == .notes ? TUIText.notesScrolled.text(lang) : "")
        let maxScroll = noteList(state, area: Rect(x: 0, y: top + 1, width: buffer.width, height: statusY - top - 1),
                                 into: &buffer, memo: memo)
        if state.message != nil { Chrome.status(state, y: statusY, into: &buffer) }
        buffer.fill(Rect(x: 0, y: bannerY, width: buffer.width, height: 1), style: Theme.readOnly)
        buffer.put(" " + TUIText.tableViewBanner.text(lang, state.tableNumber), x: 0, y: bannerY, style: Theme.readOnly)
        Chrome.keyBar(.tableView, lang, into: &buffer)
        return maxScroll
    }

    /// "Pointe › ", "Indsats (Kaffe Karma) › ", "Ret notat › ".
    static func prompt(_ state: AppState) -> String {
        if state.editingNoteId != nil { return TUIText.promptEditing.text(state.lang) + " › " }
        var s = state.vision.label(state.effectiveDraftKind)
        if let name = state.speakerName(state.draftSpeaker) { s += " (" + name + ")" }
        return s + " › "
    }

    /// The principle's title, and when expanded its summary and questions; returns the next free row.
    static func principle(_ state: AppState, top: Int, into buffer: inout Buffer, memo: LayoutMemo) -> Int {
        var y = top
        for (line, style) in principleLines(state, width: buffer.width, height: buffer.height, memo: memo) {
            buffer.put(line, x: 1, y: y, style: style); y += 1
        }
        return y
    }

    /// The lines the principle takes at the top of the session screen. Tall
    /// windows show the summary and the questions; small ones (80×24) the
    /// guiding questions alone, which drive the talk; Ctrl-G toggles between
    /// everything and a one-line reminder.
    static func principleLines(_ state: AppState, width: Int, height: Int, memo: LayoutMemo) -> [(String, Style)] {
        let shown = state.shownSession
        guard let principle = shown.principle else { return [] }
        let title = "\(shown.principleIndex + 1). " + principle.title
        // A compact window (60×20) keeps its rows for the notes: the title on
        // one line and the hint that Ctrl-G shows the rest.
        let compact = Layout.isCompact(Size(width: width, height: height))
        var out: [(String, Style)] = compact && state.principleExpanded != true
            ? [(Chrome.fitted(title, width: width - 2), Theme.title)]
            : memo.wrapped(title, width: width - 2).prefix(2).map { ($0, Theme.title) }
        let auto = state.principleExpanded == nil
        guard state.principleExpanded ?? !compact else {
            out.append((Chrome.fitted(TUIText.principleCollapsed.text(state.lang, principle.questions.count), width: width - 2),
                        Theme.dim))
            return out
        }
        let withSummary = !auto || Layout.expandsPrinciple(Size(width: width, height: height))
        // Asked for with Ctrl-G, the principle may take all but about eight note rows.
        let room = state.principleExpanded == true ? max(2, height - 16) : max(2, (height - 12) / 2)
        var lines: [(String, Style)] = withSummary
            ? memo.wrapped(principle.summary, width: width - 2).map { ($0, Theme.dim) } : []
        for q in principle.questions {
            for (i, line) in memo.wrapped(q, width: width - 4).enumerated() {
                lines.append(((i == 0 ? "• " : "  ") + line, .plain))
            }
        }
        out += lines.prefix(room)
        if lines.count > room { out.append((TUIText.principleMore.text(state.lang), Theme.dim)) }
        return out
    }

    /// The rows of the note list: below the principle and the rule, above the
    /// status line and the entry line (which grows with a long note).
    static func noteArea(_ state: AppState, width: Int, height: Int, memo: LayoutMemo) -> Rect {
        let ruleY = 1 + principleLines(state, width: width, height: height, memo: memo).count
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
    static func lines(for note: Note, _ state: AppState, width: Int, memo: LayoutMemo) -> [NoteLine] {
        let speaker = state.speakerName(of: note)
        let key = LayoutMemo.Key(note: note, width: width, speaker: speaker, lang: state.lang,
                                 zone: state.timeZone.identifier,
                                 labels: state.vision.noteKinds.map(\.label) + [state.vision.label(note.funding ?? .unclear)])
        return memo.lines(key) { layOut(note, speaker: speaker, state, width: width) }
    }

    static func layOut(_ note: Note, speaker: String?, _ state: AppState, width: Int) -> [NoteLine] {
        let labelWidth = state.vision.noteKinds.map { DisplayWidth.of($0.label) }.max() ?? 8
        let indent = timeWidth + labelWidth + 1
        var text = note.text
        if let speaker { text += " — " + speaker }
        let wrapped = TextLayout.lines(TextLayout.visibleLines(text),
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
            // Inside the line, after "4 prikker ·": "kan sættes i gang nu", as "ansvarlig" and "horisont" are lower-case.
            parts.append(Language.midSentence(state.vision.label(note.funding ?? .unclear)))
            if let owner = note.owner { parts.append(TUIText.ownerShort.text(state.lang, owner)) }
            if let horizon = note.horizon { parts.append(TUIText.horizonShort.text(state.lang, horizon)) }
            let details = TextLayout.lines("↳ " + Sanitize.line(parts.joined(separator: " · ")), width: max(10, width - indent - 1))
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

    /// The notes, newest at the bottom; scrolled up by PgUp or to keep the
    /// selected note in view. Returns the furthest the list can scroll, when
    /// the oldest note was reached (nil: older notes were not laid out).
    @discardableResult
    static func noteList(_ state: AppState, area: Rect, into buffer: inout Buffer, memo: LayoutMemo) -> Int? {
        guard area.height > 0 else { return 0 }
        let shown = state.shownSession
        let notes = shown.notes
        if shown.visibleCount == 0 {
            // Another table's view invites no typing.
            let empty = state.isReadOnlyView ? TUIText.notesEmptyReadOnly : TUIText.notesEmpty
            for (i, line) in TextLayout.lines(empty.text(state.lang), width: area.width - 2).enumerated()
            where i < area.height {
                buffer.put(line, x: 1, y: area.y + i, style: Theme.dim)
            }
            return 0
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
            for piece in lines(for: note, state, width: area.width, memo: memo) {
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
        return olderNotesLeft ? nil : maxScroll
    }
}
