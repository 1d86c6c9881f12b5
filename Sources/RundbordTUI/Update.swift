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
            return resolve(&state, input(&state, event), env)
        case .stored(let stored):
            return self.stored(&state, stored, env)
        case .loaded(let loaded):
            return self.loaded(&state, loaded, env)
        case .failed(let failure):
            failed(&state, failure)
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
            return paste(&state, text)
        case .key(let key):
            state.message = nil
            // Ctrl-L repaints whatever layer is open.
            let repaint: [Step] = KeyTable.command(for: key, on: state.screen) == .redraw ? [.command(.repaint)] : []
            return keyPressed(&state, key) + repaint
        }
    }

    /// The one place the program is told to end: what is in the entry line is
    /// kept as the draft of the home table, to be offered next time.
    static func quit(_ state: inout AppState) -> [Step] {
        state.quitRequested = true
        guard state.editingNoteId == nil,
              let home = state.homeSession ?? (state.isReadOnlyView ? nil : state.session) else { return [] }
        return [.command(.saveDraft(state.editor.isBlank ? nil : state.editor.text, tableId: home.table.id, report: false))]
    }

    static func autosave(_ state: inout AppState) -> [Step] {
        guard let changed = state.draftChangedAt, state.editingNoteId == nil, !state.isReadOnlyView else { return [] }
        let quiet = state.now.timeIntervalSince(changed) >= draftQuiet
        let old = state.draftSavedAt.map { state.now.timeIntervalSince($0) >= draftMaxAge } ?? true
        guard quiet || old else { return [] }
        state.draftChangedAt = nil
        state.draftSavedAt = state.now
        return [.command(.saveDraft(state.editor.isBlank ? nil : state.editor.text, tableId: state.session.table.id,
                                    report: true))]
    }

    static func draftChanged(_ state: inout AppState) {
        if state.screen == .session && state.picker == nil && state.editingNoteId == nil {
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
        default:
            break
        }
        return []
    }

    /// The screen or modal layer keys act on now: the key table is looked up under it.
    public static func effectiveScreen(_ state: AppState) -> ScreenID {
        if state.confirmingQuit { return .confirm }
        if state.picker != nil { return .picker }
        if state.screen == .participants && state.roster?.form != nil { return .participantForm }
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
        case .harvest: return harvest(&state, command)
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
            return [.engine(.undo, after: .message(.messageUndone))]
        case .redo:
            return [.engine(.redo, after: .message(.messageRedone))]
        case .nextPrinciple:
            return [.engine(.nextPrinciple, after: .principleChanged)]
        case .previousPrinciple:
            return [.engine(.previousPrinciple, after: .principleChanged)]
        default:
            return nil
        }
    }

    // MARK: The session screen

    static func session(_ state: inout AppState, _ command: Command, _ key: Key) -> [Step] {
        if let effects = common(&state, command) { return effects }
        switch command {
        case .saveNote:
            return saveEntry(&state)
        case .newline:
            state.focus = .entry
            state.editor.insert("\n")
            draftChanged(&state)
        case .cursorLeft, .cursorRight, .home, .end, .wordLeft, .wordRight,
             .backspace, .deleteForward, .deleteWord, .deleteToStart, .deleteToEnd:
            state.focus = .entry
            if edit(&state.editor, command) { draftChanged(&state) }
        case .editNote:
            guard let note = selectedNote(state) else {
                state.message = .init(text: TUIText.messageSelectFirst.text(state.lang), isError: true)
                return []
            }
            guard state.editor.isBlank || state.editingNoteId != nil else {
                state.message = .init(text: TUIText.messageDraftInTheWay.text(state.lang), isError: true)
                return []
            }
            state.editingNoteId = note.id
            state.editor.set(note.text)
            state.focus = .entry
        case .cycleKind:
            if state.focus == .notes, let note = selectedNote(state) {
                return [.engine(.cycleKind(note.id), after: .nothing)]
            }
            if let id = state.editingNoteId {
                return [.engine(.cycleKind(id), after: .nothing)]
            }
            cycleDraftKind(&state)
        case .pickSpeaker:
            let target: PickerState.Target
            if state.focus == .notes, let note = selectedNote(state) { target = .note(note.id) }
            else if let id = state.editingNoteId { target = .note(id) }
            else { target = .draft }
            state.picker = PickerState(target: target)
        case .deleteNote:
            guard let note = selectedNote(state) else {
                state.message = .init(text: TUIText.messageSelectFirst.text(state.lang), isError: true)
                return []
            }
            if state.editingNoteId == note.id { stopEditing(&state) }
            moveSelectionAfterDelete(&state, note.id)
            return [.engine(.deleteNote(note.id), after: .message(.messageDeleted))]
        case .selectUp:
            moveSelection(&state, by: -1)
        case .selectDown:
            moveSelection(&state, by: 1)
        case .pageUp, .pageDown:
            pageNotes(&state, up: command == .pageUp)
        case .nextPhase:
            return [.engine(.nextPhase, after: .principleChanged)]
        case .previousPhase:
            return [.engine(.previousPhase, after: .principleChanged)]
        case .togglePrinciple:
            state.principleExpanded = !(state.principleExpanded ?? true)
        case .back:
            if state.editingNoteId != nil { stopEditing(&state) }
            else if state.focus == .notes { state.focus = .entry; state.selectedNoteId = nil; state.notesScroll = 0 }
        case .voteScreen:
            return openVote(&state)
        case .detailScreen:
            return openDetail(&state)
        case .dashboardScreen:
            return openDashboard(&state)
        case .participantsScreen:
            return openParticipants(&state)
        case .harvestScreen:
            return openHarvest(&state)
        default:
            break
        }
        return []
    }

    static func pageNotes(_ state: inout AppState, up: Bool) {
        if up {
            // Not past the oldest note, so that PgDn brings the newest back at once.
            let total = state.session.visibleNotes.reduce(0) { rows, note in
                rows + (SessionScreen.lines(for: note, state, width: state.size.width).map(\.row).max() ?? 0) + 1
            }
            let visible = max(1, SessionScreen.noteArea(state, width: state.size.width, height: state.size.height).height)
            state.notesScroll = min(state.notesScroll + max(1, (state.size.height - 10) / 2), max(0, total - visible))
        } else {
            state.notesScroll = max(0, state.notesScroll - max(1, (state.size.height - 10) / 2))
        }
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

    static func saveEntry(_ state: inout AppState) -> [Step] {
        state.focus = .entry
        if let id = state.editingNoteId {
            return [.engine(.editNote(id, text: state.editor.text), after: .noteEdited)]
        }
        guard !state.editor.isBlank else { return [] }
        var speakerId: UUID?
        var organisation: String?
        switch state.draftSpeaker {
        case .participant(let id)?: speakerId = id
        case .organisation(let name)?: organisation = name
        case nil: break
        }
        return [.engine(.addNote(text: balancedQuote(state.editor.text, state.vision), kind: state.draftKind,
                                  speakerId: speakerId, speakerOrganisation: organisation), after: .noteAdded)]
    }

    /// A quote typed in quotation marks ("Vi er mange") starts with the quote
    /// kind's prefix, which the engine takes off; the closing mark goes too, so
    /// the stored quote is not left with half a pair.
    static func balancedQuote(_ text: String, _ vision: Vision) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let prefix = vision.noteKinds.first(where: { $0.kind == .quote })?.prefix, !prefix.isEmpty,
              vision.kindFromPrefix(trimmed)?.0 == .quote,
              trimmed.count > 2 * prefix.count, trimmed.hasSuffix(prefix) else { return text }
        return String(trimmed.dropLast(prefix.count))
    }

    /// F3 on the entry line: the next kind after the one the text would get.
    /// A typed prefix ("!") is taken out, since the chosen kind now says it.
    static func cycleDraftKind(_ state: inout AppState) {
        let order = state.vision.noteKinds.map(\.kind)
        guard !order.isEmpty else { return }
        let current = state.effectiveDraftKind
        if state.draftKind == nil, let (_, rest) = state.vision.kindFromPrefix(state.editor.text) {
            state.editor.set(rest)
        }
        let i = order.firstIndex(of: current) ?? -1
        state.draftKind = order[(i + 1) % order.count]
    }

    static func stopEditing(_ state: inout AppState) {
        state.editingNoteId = nil
        state.editor.clear()
    }

    static func selectedNote(_ state: AppState) -> Note? {
        guard let id = state.selectedNoteId else { return nil }
        return state.session.visibleNotes.first { $0.id == id }
    }

    static func moveSelection(_ state: inout AppState, by delta: Int) {
        let notes = state.session.visibleNotes
        guard !notes.isEmpty else { return }
        let current = state.selectedNoteId.flatMap { id in notes.firstIndex { $0.id == id } }
        if state.focus == .entry || current == nil {
            // ↑ from the entry line selects the newest note.
            guard delta < 0 else { return }
            state.focus = .notes
            state.selectedNoteId = notes.last?.id
            return
        }
        let next = current! + delta
        if next >= notes.count {
            // ↓ past the newest note returns to the entry line.
            state.focus = .entry
            state.selectedNoteId = nil
            state.notesScroll = 0
            return
        }
        state.selectedNoteId = notes[max(0, next)].id
    }

    static func moveSelectionAfterDelete(_ state: inout AppState, _ id: UUID) {
        let notes = state.session.visibleNotes
        guard let i = notes.firstIndex(where: { $0.id == id }) else { return }
        if i + 1 < notes.count { state.selectedNoteId = notes[i + 1].id }
        else if i > 0 { state.selectedNoteId = notes[i - 1].id }
        else { state.selectedNoteId = nil; state.focus = .entry }
    }

    // MARK: The quit question

    static func confirm(_ state: inout AppState, _ command: Command) -> [Step] {
        state.confirmingQuit = false
        if command == .yes { return quit(&state) }
        return []
    }

    // MARK: The speaker picker

    /// One line of the picker: who would be credited.
    public struct Candidate: Sendable, Equatable {
        public var speaker: Speaker?
        public var label: String
    }

    /// The table's participants, then the organisations (the vision's and the
    /// participants'), filtered by the typed text; a typed name that matches
    /// nothing can be used as it is; "nobody" clears the credit.
    public static func candidates(_ state: AppState) -> [Candidate] {
        let filter = Sanitize.line(state.picker?.filter.text ?? "")
        func matches(_ s: String) -> Bool {
            filter.isEmpty || s.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
        var out: [Candidate] = []
        if filter.isEmpty { out.append(Candidate(speaker: nil, label: TUIText.pickerNobody.text(state.lang))) }
        for p in state.tableParticipants where matches(p.name) || matches(p.organisation) {
            let label = p.organisation.isEmpty ? p.name : "\(p.name) (\(p.organisation))"
            out.append(Candidate(speaker: .participant(p.id), label: label))
        }
        var seen = Set<String>()
        let organisations = state.vision.organisations + state.tableParticipants.map(\.organisation)
            + state.participants.map(\.organisation)
        for org in organisations where !org.isEmpty && matches(org) && seen.insert(org.lowercased()).inserted {
            out.append(Candidate(speaker: .organisation(org), label: org))
        }
        if !filter.isEmpty && !seen.contains(filter.lowercased()) {
            out.append(Candidate(speaker: .organisation(filter), label: TUIText.pickerFreeText.text(state.lang, filter)))
        }
        return out
    }

    static func picker(_ state: inout AppState, _ command: Command, _ key: Key) -> [Step] {
        guard var picker = state.picker else { return [] }
        let count = candidates(state).count
        switch command {
        case .back:
            state.picker = nil
            return []
        case .selectUp:
            picker.index = max(0, picker.index - 1)
        case .selectDown:
            picker.index = min(max(0, count - 1), picker.index + 1)
        case .confirmNumber, .complete:
            let list = candidates(state)
            guard list.indices.contains(picker.index) else { return [] }
            let chosen = list[picker.index].speaker
            state.picker = nil
            switch picker.target {
            case .draft:
                state.draftSpeaker = chosen
                return []
            case .note(let id):
                var speakerId: UUID?
                var organisation: String?
                switch chosen {
                case .participant(let pid)?: speakerId = pid
                case .organisation(let name)?: organisation = name
                case nil: break
                }
                return [.engine(.attribute(id, speakerId: speakerId, organisation: organisation),
                                 after: .message(.messageCredited))]
            }
        default:
            if edit(&picker.filter, command) { picker.index = 0 }
        }
        state.picker = picker
        return []
    }

    // MARK: Help

    static func help(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var help = state.help else { return [] }
        switch command {
        case .back:
            state.pop()
            return []
        case .selectUp: help.scroll = max(0, help.scroll - 1)
        case .selectDown: help.scroll += 1
        case .pageUp: help.scroll = max(0, help.scroll - max(1, state.size.height - 4))
        case .pageDown: help.scroll += max(1, state.size.height - 4)
        default: break
        }
        // Not past the last line, so that ↑ scrolls back at once.
        let lines = HelpScreen.lines(state, width: state.size.width - 2).count
        help.scroll = min(help.scroll, max(0, lines - (state.size.height - 2)))
        state.help = help
        return []
    }

    // MARK: The vote screen

    static func openVote(_ state: inout AppState) -> [Step] {
        state.push(.vote)
        state.voteNumber = ""
        state.voteRow = min(state.voteRow, max(0, state.voteRowCount - 1))
        return state.voteScope == .table ? [.command(.loadTableInitiatives(tableId: state.session.table.id))] : []
    }

    static func vote(_ state: inout AppState, _ command: Command, _ key: Key) -> [Step] {
        if let effects = common(&state, command) {
            if case .engine(.nextPrinciple, _) = effects.first { state.voteNumber = "" }
            return effects
        }
        let initiatives = state.voteInitiatives
        switch command {
        case .back, .voteScreen:
            state.pop()
            state.voteNumber = ""
        case .selectUp:
            state.voteRow = max(0, state.voteRow - 1); state.voteNumber = ""
        case .selectDown:
            state.voteRow = min(max(0, state.voteRowCount - 1), state.voteRow + 1); state.voteNumber = ""
        case .digit:
            if case .char(let c) = key, state.voteNumber.count < 4 { state.voteNumber.append(c) }
        case .dotPlus, .dotMinus:
            state.voteNumber = ""
            return setVoteRow(&state, initiatives) { $0 + (command == .dotPlus ? 1 : -1) }
        case .confirmNumber:
            guard let n = Int(state.voteNumber) else { return [] }
            state.voteNumber = ""
            return setVoteRow(&state, initiatives) { _ in n }
        case .toggleScope:
            state.voteScope = state.voteScope == .principle ? .table : .principle
            state.voteRow = 0
            state.voteNumber = ""
            return state.voteScope == .table ? [.command(.loadTableInitiatives(tableId: state.session.table.id))] : []
        case .toggleReveal:
            toggleReveal(&state)
        case .detailScreen:
            if initiatives.indices.contains(state.voteRow) {
                return openDetail(&state, initiatives[state.voteRow])
            }
        default:
            break
        }
        return []
    }

    static func toggleReveal(_ state: inout AppState) {
        guard let id = state.session.table.currentPrincipleId else { return }
        if state.revealed.contains(id) {
            state.revealed.remove(id)
            state.message = .init(text: TUIText.messageVoteOpen.text(state.lang), isError: false)
        } else {
            state.revealed.insert(id)
            state.message = .init(text: TUIText.messageVoteClosed.text(state.lang), isError: false)
        }
    }

    /// An engine action on `note`: on the current session, or on the note's own principle.
    static func noteEffect(_ state: AppState, _ note: Note, _ action: SessionAction, after: AfterSave) -> Step {
        state.session.note(note.id) == nil ? .elsewhere(note, action, after: after) : .engine(action, after: after)
    }

    /// Changes the selected vote row: an initiative's dots or one agreement count.
    static func setVoteRow(_ state: inout AppState, _ initiatives: [Note], _ change: (Int) -> Int) -> [Step] {
        if initiatives.indices.contains(state.voteRow) {
            let note = initiatives[state.voteRow]
            let dots = max(0, change(note.dots))
            return [noteEffect(state, note, .setDots(note.id, dots), after: .dotsChanged)]
        }
        let levelIndex = state.voteRow - initiatives.count
        guard state.voteScope == .principle, AgreementLevel.allCases.indices.contains(levelIndex) else { return [] }
        let level = AgreementLevel.allCases[levelIndex]
        var tally = state.session.agreement
        tally[level] = max(0, change(tally[level]))
        return [.engine(.setAgreement(tally), after: .nothing)]
    }

    // MARK: The initiative detail

    static func openDetail(_ state: inout AppState, _ given: Note? = nil) -> [Step] {
        var note = given
        if note == nil, let selected = selectedNote(state), selected.isInitiative { note = selected }
        if note == nil, state.focus == .entry, state.selectedNoteId == nil { note = state.session.initiatives.last }
        guard let note, note.isInitiative else {
            state.message = .init(text: TUIText.messageNoInitiative.text(state.lang), isError: true)
            return []
        }
        var detail = DetailState(noteId: note.id)
        detail.owner.set(note.owner ?? "")
        detail.horizon.set(note.horizon ?? "")
        state.push(.detail(detail))
        return []
    }

    /// The initiative open in the detail screen, as the engine or the table list has it.
    public static func detailNote(_ state: AppState) -> Note? {
        guard let id = state.detail?.noteId else { return nil }
        return state.session.note(id) ?? state.tableInitiatives.first { $0.id == id }
    }

    /// Owner suggestions: the table's participants' organisations and the vision's, filtered by the typed text.
    public static func ownerSuggestions(_ state: AppState, typed: String? = nil) -> [String] {
        let typed = typed ?? state.detail?.completionBase ?? state.detail?.owner.text ?? ""
        var seen = Set<String>()
        let all = state.tableParticipants.map(\.organisation) + state.vision.organisations
            + state.participants.map(\.organisation)
        return all.filter { org in
            !org.isEmpty && seen.insert(org.lowercased()).inserted
                && (typed.isEmpty || org.range(of: typed, options: [.caseInsensitive, .diacriticInsensitive]) != nil)
        }
    }

    static func editDetailField(_ state: inout AppState, _ change: (inout LineEditor) -> Void) {
        guard var detail = state.detail else { return }
        switch detail.field {
        case .funding: return
        case .owner: change(&detail.owner); detail.completion = -1; detail.completionBase = nil
        case .horizon: change(&detail.horizon)
        }
        state.detail = detail
    }

    /// The effects that store the text fields when they differ from the note.
    static func saveDetailFields(_ state: AppState) -> [Step] {
        guard let detail = state.detail, let note = detailNote(state) else { return [] }
        var effects: [Step] = []
        let owner = Sanitize.line(detail.owner.text)
        let horizon = Sanitize.line(detail.horizon.text)
        var current = note
        if owner != (note.owner ?? "") {
            effects.append(noteEffect(state, current, .setOwner(note.id, owner), after: .message(.messageDetailSaved)))
            current.owner = owner.isEmpty ? nil : owner
        }
        if horizon != (note.horizon ?? "") {
            effects.append(noteEffect(state, current, .setHorizon(note.id, horizon), after: .message(.messageDetailSaved)))
        }
        return effects
    }

    static func detail(_ state: inout AppState, _ command: Command, _ key: Key) -> [Step] {
        if let effects = common(&state, command) {
            return saveDetailFields(state) + effects
        }
        guard var detail = state.detail, let note = detailNote(state) else {
            state.stack = [state.stack[0]]
            return []
        }
        switch command {
        case .back, .voteScreen:
            let effects = saveDetailFields(state)
            state.pop()
            // F6 goes to the vote, whichever screen the detail was opened from.
            if command == .voteScreen && state.screen != .vote { state.push(.vote) }
            return effects
        case .selectUp, .selectDown:
            let effects = saveDetailFields(state)
            let fields = DetailState.Field.allCases
            let i = detail.field.rawValue + (command == .selectUp ? -1 : 1)
            detail.field = fields[(i + fields.count) % fields.count]
            state.detail = detail
            return effects
        case .confirmNumber:
            let effects = saveDetailFields(state)
            let fields = DetailState.Field.allCases
            detail.field = fields[(detail.field.rawValue + 1) % fields.count]
            state.detail = detail
            return effects
        case .previousValue, .nextValue:
            if detail.field == .funding {
                let all: [FundingClass?] = FundingClass.allCases.map { $0 }
                let i = all.firstIndex(of: note.funding) ?? 0
                let next = all[(i + (command == .nextValue ? 1 : all.count - 1)) % all.count]
                return [noteEffect(state, note, .setFunding(note.id, next), after: .message(.messageDetailSaved))]
            }
            editDetailField(&state) { _ = edit(&$0, command == .nextValue ? .cursorRight : .cursorLeft) }
        case .complete:
            guard detail.field == .owner else { return [] }
            let base = detail.completionBase ?? detail.owner.text
            let suggestions = ownerSuggestions(state, typed: base)
            guard !suggestions.isEmpty else { return [] }
            detail.completionBase = base
            detail.completion = (detail.completion + 1) % suggestions.count
            detail.owner.set(suggestions[detail.completion])
            state.detail = detail
        default:
            editDetailField(&state) { _ = edit(&$0, command) }
        }
        return []
    }

    // MARK: The projector

    static func projector(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        switch command {
        case .back: state.stack = [state.stack[0]]
        case .toggleReveal: toggleReveal(&state)
        default: break
        }
        return []
    }
}

extension Layout {
    /// The principle's summary and questions are shown at first only when
    /// they leave the notes enough room.
    public static func expandsPrinciple(_ size: Size) -> Bool { size.height >= 34 }
}
