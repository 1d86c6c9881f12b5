import Foundation
import RundbordCore
import RundbordHarvest

/// What a screen's key handler asks for: an engine action, which update
/// itself runs (on the shown session, or on a note of another principle),
/// or a command for the runner.
enum Step: Sendable, Equatable {
    case engine(SessionAction, after: AfterSave)
    /// An engine action on a note of another principle (the table-wide vote
    /// and its initiatives' details).
    case elsewhere(Note, SessionAction, after: AfterSave)
    case command(AppEffect)
}

public enum AppUpdate {
    /// How long the draft must rest before it is autosaved, and how long typing
    /// may go on without a save.
    public static let draftQuiet: TimeInterval = 0.8
    public static let draftMaxAge: TimeInterval = 5

    /// The whole program's logic: the state after `message`, and the commands
    /// the runner must carry out. The engine runs here; `env` gives it the
    /// clock and new ids.
    public static func update(_ state: inout AppState, _ message: AppMessage, _ env: SessionEnvironment) -> [AppEffect] {
        switch message {
        case .input(let event):
            state.now = env.now()
            return resolve(&state, input(&state, event), env) + timeRunsOut(&state)
        case .stored(let stored):
            return self.stored(&state, stored, env)
        case .loaded(let loaded):
            return self.loaded(&state, loaded, env)
        case .failed(let failure):
            failed(&state, failure)
            return []
        case .drawn(let viewport):
            drawn(&state, viewport)
            return []
        }
    }

    /// The functional form of `update`, for readers who expect `(state, msg) -> (state, [command])`.
    public static func updated(_ state: AppState, _ message: AppMessage,
                               _ env: SessionEnvironment) -> (AppState, [AppEffect]) {
        var next = state
        let commands = update(&next, message, env)
        return (next, commands)
    }

    static func input(_ state: inout AppState, _ event: InputEvent) -> [Step] {
        switch event {
        case .resize(let size):
            state.size = size
            return []
        case .tick:
            return autosave(&state)
        case .terminate:
            return quit(&state)
        case .paste(let text):
            state.message = nil
            // Nothing goes where it cannot be seen.
            if state.tooSmall { return [] }
            return paste(&state, text)
        case .key(let key):
            state.message = nil
            if state.tooSmall { return keyWhileTooSmall(&state, key) }
            // Ctrl-L repaints whatever layer is open.
            let repaint: [Step] = KeyTable.command(for: key, on: state.screen) == .redraw ? [.command(.repaint)] : []
            return keyPressed(&state, key) + repaint
        }
    }

    /// While the window only shows the notice, keys that would change the
    /// draft, a note or a screen's fields are not applied out of sight. Quit
    /// works (its question is drawn over the notice), Ctrl-L repaints, and Esc
    /// leaves a screen that needs more room for the one under it.
    static func keyWhileTooSmall(_ state: inout AppState, _ key: Key) -> [Step] {
        let screen = effectiveScreen(state)
        switch KeyTable.command(for: key, on: screen) {
        case .redraw?: return [.command(.repaint)]
        case .quit?, .yes?, .no?: return keyPressed(&state, key)
        case .back? where backWorksWhileTooSmall(state): return keyPressed(&state, key)
        default: return []
        }
    }

    /// Esc goes back while too small only where it closes a screen and finds another under it.
    static func backWorksWhileTooSmall(_ state: AppState) -> Bool {
        state.modal == nil && state.screen != .session && state.below != nil
    }

    /// How long the header and the projector stay highlighted when the time runs out.
    public static let flashSeconds: TimeInterval = 1

    /// The moment the shown clock crosses zero while it runs: the header and
    /// the projector flash once and the bell rings once (unless switched
    /// off). Seen on every input, ticks and keys alike, so typing without a
    /// pause does not hide it; a clock found already over (a restart, another
    /// principle) does not ring.
    static func timeRunsOut(_ state: inout AppState) -> [AppEffect] {
        if let until = state.flashUntil, state.now >= until { state.flashUntil = nil }
        guard !state.isReadOnlyView else {
            state.clockSeen = nil
            return []
        }
        let timer = state.session.timer
        let reading = ClockReading(tableNumber: state.tableNumber, principleIndex: state.session.principleIndex,
                                   remaining: timer.remaining(at: state.now))
        let before = state.clockSeen
        state.clockSeen = reading
        guard timer.isRunning, let before, before.tableNumber == reading.tableNumber,
              before.principleIndex == reading.principleIndex, before.remaining > 0, reading.remaining <= 0 else { return [] }
        state.flashUntil = state.now.addingTimeInterval(flashSeconds)
        return state.bellEnabled ? [.bell] : []
    }

    /// Scroll positions stay within what the frame could show, so that the
    /// key back (↑, PgDn) moves at once.
    static func drawn(_ state: inout AppState, _ viewport: Viewport) {
        state.viewport = viewport
        guard viewport.screen == state.screen, let end = viewport.maxScroll else { return }
        switch state.screen {
        case .session, .tableView: state.notesScroll = min(state.notesScroll, end)
        case .help:
            if let scroll = state.help?.scroll { state.help?.scroll = min(scroll, end) }
        case .harvest:
            if let scroll = state.harvest?.scroll { state.harvest?.scroll = min(scroll, end) }
        default: break
        }
    }

    /// The one place the program is told to end: what is in the entry line is
    /// kept as the draft of the home table, to be offered next time.
    static func quit(_ state: inout AppState) -> [Step] {
        state.quitRequested = true
        guard state.editingNoteId == nil,
              let home = state.homeSession ?? (state.isReadOnlyView ? nil : state.session) else { return [] }
        return [.command(draftSave(state, tableId: home.table.id, report: false))]
    }

    static func autosave(_ state: inout AppState) -> [Step] {
        guard let changed = state.draftChangedAt, state.editingNoteId == nil, !state.isReadOnlyView else { return [] }
        let quiet = state.now.timeIntervalSince(changed) >= draftQuiet
        let old = state.draftSavedAt.map { state.now.timeIntervalSince($0) >= draftMaxAge } ?? true
        guard quiet || old else { return [] }
        state.draftChangedAt = nil
        state.draftSavedAt = state.now
        return [.command(draftSave(state, tableId: state.session.table.id, report: true))]
    }

    /// Saves the entry line as the draft, with its F3 kind and its principle (a blank line deletes it).
    static func draftSave(_ state: AppState, tableId: UUID, report: Bool) -> AppEffect {
        guard !state.editor.isBlank else { return .saveDraft(nil, tableId: tableId, report: report) }
        return .saveDraft(state.editor.text, kind: state.draftKind, principleId: state.draftPrincipleId, tableId: tableId,
                          report: report)
    }

    static func draftChanged(_ state: inout AppState) {
        if state.screen == .session && state.picker == nil && state.editingNoteId == nil {
            // A cleared draft starts afresh: the kind chosen with F3 went with its
            // text; a new one belongs to the principle shown when it is begun.
            if state.editor.isBlank {
                state.draftKind = nil
                state.draftPrincipleId = nil
            } else if state.draftPrincipleId == nil {
                state.draftPrincipleId = state.session.table.currentPrincipleId
            }
            if state.draftChangedAt == nil { state.draftChangedAt = state.now }
            // The first change after a save starts the clock that bounds how long typing goes unsaved.
            if state.draftSavedAt == nil { state.draftSavedAt = state.now }
        }
    }

    /// A paste is one edit: newlines kept (CRLF folded), tabs become spaces,
    /// other control characters dropped.
    static func paste(_ state: inout AppState, _ raw: String) -> [Step] {
        let text = Sanitize.multiline(raw).replacingOccurrences(of: "\t", with: " ")
        guard !text.isEmpty else { return [] }
        if state.confirmingQuit { return [] }
        if var picker = state.picker {
            picker.filter.insert(Sanitize.line(text)); picker.index = 0
            state.picker = picker
            return []
        }
        switch state.screen {
        case .session:
            state.focus = .entry
            state.editor.insert(text)
            draftChanged(&state)
        case .detail:
            editDetailField(&state) { $0.insert(Sanitize.line(text)) }
        case .participants:
            editFormField(&state) { $0.insert(Sanitize.line(text)) }
        case .dashboard:
            editTableFormField(&state) { $0.insert(Sanitize.line(text)) }
        case .harvest where state.harvest?.searching == true:
            typedInSearch(&state, text)
        case .curation:
            typedInCurationForm(&state, text, pasted: true)
        default:
            break
        }
        return []
    }

    /// The screen or modal layer keys act on now: the key table is looked up under it.
    public static func effectiveScreen(_ state: AppState) -> ScreenID {
        if state.confirmingQuit { return .confirm }
        if state.picker != nil { return .picker }
        if state.moving != nil { return .moveNote }
        if state.screen == .participants && state.roster?.form != nil { return .participantForm }
        if state.screen == .dashboard && state.dashboard?.form != nil { return .tableForm }
        if state.screen == .harvest && state.harvest?.searching == true { return .harvestSearch }
        if state.screen == .curation && state.curation?.form != nil { return .curationForm }
        return state.screen
    }

    static func keyPressed(_ state: inout AppState, _ key: Key) -> [Step] {
        let screen = effectiveScreen(state)
        guard let command = KeyTable.command(for: key, on: screen) else {
            // A key that would change a writable table says why it does nothing here.
            if screen == .tableView { return typed(&state, "", on: screen) }
            // Printable characters type text where text is typed.
            if case .char(let c) = key { return typed(&state, String(c), on: screen) }
            return []
        }
        switch screen {
        case .confirm: return confirm(&state, command)
        case .picker: return picker(&state, command, key)
        case .help: return help(&state, command)
        case .session: return session(&state, command, key)
        case .vote: return vote(&state, command, key)
        case .detail: return detail(&state, command, key)
        case .projector: return projector(&state, command)
        case .dashboard: return dashboard(&state, command)
        case .tableView: return tableView(&state, command)
        case .participants: return participants(&state, command)
        case .participantForm: return participantForm(&state, command)
        case .tableForm: return tableForm(&state, command)
        case .harvest: return harvest(&state, command)
        case .harvestSearch: return harvestSearch(&state, command)
        case .curation: return curation(&state, command)
        case .curationForm: return curationForm(&state, command)
        case .moveNote: return move(&state, command)
        }
    }

    static func typed(_ state: inout AppState, _ text: String, on screen: ScreenID) -> [Step] {
        switch screen {
        case .session:
            state.focus = .entry
            state.editor.insert(text)
            draftChanged(&state)
        case .picker:
            state.picker?.filter.insert(text)
            state.picker?.index = 0
        case .detail:
            editDetailField(&state) { $0.insert(text) }
        case .participantForm:
            typedInForm(&state, text)
        case .tableForm:
            editTableFormField(&state) { $0.insert(text) }
        case .harvestSearch:
            typedInSearch(&state, text)
        case .curationForm:
            typedInCurationForm(&state, text)
        case .tableView:
            state.message = .init(text: TUIText.messageReadOnly.text(state.lang), isError: true)
        default:
            break
        }
        return []
    }

    // MARK: Commands shared by several screens

    static func common(_ state: inout AppState, _ command: Command) -> [Step]? {
        switch command {
        case .help:
            state.push(.help(HelpState()))
            return []
        case .quit:
            if state.hasUnsavedText || state.editingNoteId != nil {
                state.confirmingQuit = true
                return []
            }
            return quit(&state)
        case .redraw:
            return []
        case .toggleTimer:
            return [.engine(.toggleTimer, after: .nothing)]
        case .resetTimer:
            return [.engine(.resetTimer, after: .message(.messageTimerReset))]
        case .projector:
            // The projector is shown over the session, and F9 or Esc goes back to it.
            state.stack = state.screen == .projector ? [state.stack[0]] : [state.stack[0], .projector]
            return []
        case .undo:
            return [.engine(.undo, after: .said(undoMessage(state.session.undoStack.last, undo: true, state)))]
        case .redo:
            return [.engine(.redo, after: .said(undoMessage(state.session.redoStack.last, undo: false, state)))]
        case .nextPrinciple:
            return [.engine(.nextPrinciple, after: .principleChanged)]
        case .previousPrinciple:
            return [.engine(.previousPrinciple, after: .principleChanged)]
        default:
            return nil
        }
    }

    /// What Ctrl-Z (or Ctrl-Y) is about to take back (or put back), in words:
    /// "Fortrudt: notatet »Fælles indkøb…« under princip 4". The engine also
    /// goes to that principle, so the change is seen, never made out of sight.
    static func undoMessage(_ change: SessionChange?, undo: Bool, _ state: AppState) -> String {
        let lang = state.lang
        let verb = (undo ? TUIText.messageUndone : TUIText.messageRedone).text(lang)
        switch change {
        case nil:
            return verb
        case .note(let c)?:
            let what: TUIText = c.before == nil ? .undoWhatNote
                : (c.after.isDeleted && c.before?.isDeleted == false) ? .undoWhatDeletion : .undoWhatEdit
            let principle = (state.session.principleIds.firstIndex(of: c.after.principleId) ?? 0) + 1
            return TUIText.undoNote.text(lang, verb, what.text(lang), TextLayout.truncate(Sanitize.line(c.after.text), width: 28),
                                         principle)
        case .timer(let index, _, _)?:
            return TUIText.undoTimer.text(lang, verb, index + 1)
        }
    }

    /// Closes the top screen; a dashboard under it is read afresh, since the
    /// tables wrote while it was covered.
    static func close(_ state: inout AppState) -> [Step] {
        state.pop()
        // A harvest shown again after curating is rebuilt, so the organiser sees the curation in it.
        if state.screen == .harvest, let harvest = state.harvest, harvest.stale {
            return [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: true))]
        }
        return state.screen == .dashboard ? [.command(.refresh(table: state.tableNumber))] : []
    }

    /// Applies a line-editing command; true when the text changed.
    static func edit(_ editor: inout LineEditor, _ command: Command) -> Bool {
        let before = editor.text
        switch command {
        case .cursorLeft: editor.left()
        case .cursorRight: editor.right()
        case .home: editor.home()
        case .end: editor.end()
        case .wordLeft: editor.wordLeft()
        case .wordRight: editor.wordRight()
        case .backspace: editor.backspace()
        case .deleteForward: editor.deleteForward()
        case .deleteWord: editor.deleteWordBackward()
        case .deleteToStart: editor.deleteToStart()
        case .deleteToEnd: editor.deleteToEnd()
        default: break
        }
        return editor.text != before
    }

    /// The selected row of a list of `count` rows after ↑, ↓, PgUp or PgDn
    /// (`page` rows a page), kept within the list.
    static func listRow(after command: Command, from row: Int, count: Int, page: Int) -> Int {
        let last = max(0, count - 1)
        switch command {
        case .selectUp: return max(0, row - 1)
        case .selectDown: return min(last, row + 1)
        case .pageUp: return max(0, row - page)
        case .pageDown: return min(last, row + page)
        default: return row
        }
    }
}
