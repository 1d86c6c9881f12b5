import Foundation
import RundbordCore
import RundbordHarvest

/// The session screen's keys: the entry line, the notes, the principle and its phases.
extension AppUpdate {
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
            // Said with the note's words, so that a second F8 cannot take one unnoticed.
            let words = TextLayout.truncate(Sanitize.line(note.text), width: 28)
            return [.engine(.deleteNote(note.id), after: .said(TUIText.messageDeletedNote.text(state.lang, words)))]
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
            state.principleExpanded = !(state.principleExpanded ?? !Layout.isCompact(state.size))
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
        case .curationScreen:
            return openCuration(&state)
        case .moveNote:
            return openMove(&state)
        default:
            break
        }
        return []
    }

    /// Not past the oldest note (the frame says where that is, `.drawn`), so
    /// that PgDn brings the newest back at once.
    static func pageNotes(_ state: inout AppState, up: Bool) {
        state.notesScroll = max(0, state.notesScroll + (up ? state.page : -state.page))
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
        // Filed where the draft was begun, and said so when that is not the principle shown.
        let elsewhere = state.draftElsewhereIndex
        return [.engine(.addNote(text: balancedQuote(state.editor.text, state.vision), kind: state.draftKind,
                                  speakerId: speakerId, speakerOrganisation: organisation,
                                  principleId: elsewhere.map { state.session.principleIds[$0] }),
                        after: elsewhere.map { .noteAddedUnder($0 + 1) } ?? .noteAdded)]
    }

    /// A quote typed in quotation marks ("Vi er mange") starts with the quote
    /// kind's prefix, which the engine takes off; the closing mark goes too, so
    /// the stored quote is not left with half a pair. The closing mark is the
    /// last one, and what follows it stays (`"Vi er mange" 👍🏽`).
    static func balancedQuote(_ text: String, _ vision: Vision) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let prefix = vision.noteKinds.first(where: { $0.kind == .quote })?.prefix, !prefix.isEmpty,
              vision.kindFromPrefix(trimmed)?.0 == .quote else { return text }
        let body = trimmed.dropFirst(prefix.count)
        guard let close = body.range(of: prefix, options: .backwards),
              !body[..<close.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty else { return text }
        return prefix + body[..<close.lowerBound] + body[close.upperBound...]
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
        // The kind is saved with the draft, so a crash does not lose it (a
        // kind chosen before any text waits for the text).
        if !state.editor.isBlank { draftChanged(&state) }
    }

    static func stopEditing(_ state: inout AppState) {
        state.editingNoteId = nil
        state.editor.clear()
    }

    static func selectedNote(_ state: AppState) -> Note? {
        guard let id = state.selectedNoteId else { return nil }
        return state.shownSession.visibleNotes.first { $0.id == id }
    }

    static func moveSelection(_ state: inout AppState, by delta: Int) {
        let notes = state.shownSession.visibleNotes
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
}
