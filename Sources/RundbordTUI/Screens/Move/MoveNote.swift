import Foundation
import RundbordCore
import RundbordHarvest

/// Moving the selected note from the table's screen: to another principle
/// of this table (filed under the wrong one), or to another table at the
/// same principle. One engine action, undone with Ctrl-Z like any edit.
public struct MoveState: Sendable, Equatable {
    public var noteId: UUID
    public var row = 0
    public init(noteId: UUID) { self.noteId = noteId }
}

/// One place a note can go.
public struct MoveTarget: Sendable, Equatable {
    public var label: String
    /// How the message names it: "princip 2", "bord 3".
    public var place: String
    public var principleId: String
    public var tableId: UUID
}

extension AppUpdate {
    /// The other principles of this table, then the other tables at this principle.
    public static func moveTargets(_ state: AppState) -> [MoveTarget] {
        let lang = state.lang, session = state.session
        guard let current = session.table.currentPrincipleId else { return [] }
        var targets: [MoveTarget] = []
        for (i, id) in session.principleIds.enumerated() where id != current {
            let title = session.vision.principle(id: id)?.title ?? id
            targets.append(MoveTarget(label: CurationScreenText.movePrinciple.text(lang, i + 1, Sanitize.line(title)),
                                      place: CurationScreenText.movePlacePrinciple.text(lang, i + 1),
                                      principleId: id, tableId: session.table.id))
        }
        for number in state.tableNumbers where number != session.table.number {
            guard let id = state.tableIds[number] else { continue }
            targets.append(MoveTarget(label: CurationScreenText.moveTable.text(lang, number),
                                      place: CurationScreenText.movePlaceTable.text(lang, number),
                                      principleId: current, tableId: id))
        }
        return targets
    }

    /// Alt-m: the selected note (↑ selects it) is the one moved.
    static func openMove(_ state: inout AppState) -> [Step] {
        guard let note = selectedNote(state), state.focus == .notes else {
            state.message = .init(text: CurationScreenText.messageMoveWhat.text(state.lang), isError: true)
            return []
        }
        state.moving = MoveState(noteId: note.id)
        return []
    }

    static func move(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var moving = state.moving else { return [] }
        let targets = moveTargets(state)
        switch command {
        case .selectUp, .selectDown:
            moving.row = listRow(after: command, from: moving.row, count: targets.count, page: 1)
        case .confirmNumber:
            state.moving = nil
            guard targets.indices.contains(moving.row), let note = state.session.note(moving.noteId) else { return [] }
            let target = targets[moving.row]
            let message = CurationScreenText.messageMoved.text(state.lang, short(note.text), target.place)
            return [.engine(.moveNote(note.id, principleId: target.principleId, tableId: target.tableId), after: .said(message))]
        case .back:
            state.moving = nil
            return []
        default:
            return []
        }
        state.moving = moving
        return []
    }
}

/// The list of places, over the table's screen.
enum MoveOverlay {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        guard let moving = state.moving, let note = state.session.note(moving.noteId) else { return }
        let targets = AppUpdate.moveTargets(state)
        let title = CurationScreenText.moveTitle.text(state.lang, TextLayout.truncate(Sanitize.line(note.text), width: 30))
        let inner = Chrome.box(title, width: 60, height: min(targets.count + 4, buffer.height - 2), into: &buffer)
        let visible = max(1, inner.height - 1)
        let first = max(0, min(moving.row - visible + 1, targets.count - visible))
        for (offset, target) in targets.dropFirst(first).prefix(visible).enumerated() {
            let selected = first + offset == moving.row
            let line = TextLayout.pad((selected ? "▶ " : "  ") + target.label, width: inner.width)
            buffer.put(TextLayout.truncate(line, width: inner.width), x: inner.x, y: inner.y + offset,
                       style: selected ? Theme.selected : .plain)
        }
        Chrome.keyBar(.moveNote, state.lang, into: &buffer)
    }
}
