import Foundation
import RundbordCore

/// The vote screen's keys: dots per initiative, the agreement tally, the scope and the reveal.
extension AppUpdate {
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
}
