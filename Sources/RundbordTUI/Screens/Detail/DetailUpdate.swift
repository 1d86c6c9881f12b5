import Foundation
import RundbordCore

public struct DetailState: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case funding, owner, horizon }
    public var noteId: UUID
    public var field: Field = .funding
    public var owner = LineEditor()
    public var horizon = LineEditor()
    /// Which suggestion Tab put into the owner field last (cycles on repeated Tab),
    /// and the text typed before the first Tab, which the suggestions match.
    public var completion = -1
    public var completionBase: String?
}

/// The initiative detail's keys: funding class, owner (with suggestions) and horizon.
extension AppUpdate {
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
}
