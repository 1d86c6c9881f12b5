import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// The organiser's screens: dashboard, a table read-only, participants, harvest.
/// Pure like the rest of `AppUpdate`: the store is reached only through effects.
extension AppUpdate {
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

    // MARK: The dashboard

    static func openDashboard(_ state: inout AppState) -> [Step] {
        if state.dashboard == nil { state.push(.dashboard(DashboardState())) }
        return [.command(.refresh(table: state.tableNumber))]
    }

    /// `rundbord dashboard`: no home table, the dashboard on its own.
    static func openDashboardAlone(_ state: inout AppState) -> [AppEffect] {
        state.homeTable = nil
        state.stack = [.dashboard(DashboardState())]
        return [.loadDashboard]
    }

    static func dashboard(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        guard var board = state.dashboard else { return [] }
        let tables = board.snapshot?.tables ?? []
        let page = max(1, DashboardScreen.tableRows(state) - 1)
        switch command {
        case .selectUp, .selectDown, .pageUp, .pageDown:
            board.row = listRow(after: command, from: board.row, count: tables.count, page: page)
        case .openTable:
            guard tables.indices.contains(board.row) else { return [] }
            let number = tables[board.row].number
            // One's own table opens as itself, writable.
            if number == state.homeTable { return closeDashboard(&state) }
            return [.command(.viewTable(number))]
        case .participantsScreen:
            return openParticipants(&state)
        case .harvestScreen:
            return openHarvest(&state)
        case .back:
            // `rundbord dashboard` has nothing under the dashboard.
            if state.below == nil {
                state.message = .init(text: TUIText.messageNoHome.text(state.lang), isError: false)
                return []
            }
            return closeDashboard(&state)
        default:
            break
        }
        state.dashboard = board
        return []
    }

    static func closeDashboard(_ state: inout AppState) -> [Step] {
        state.pop()
        return []
    }

    /// The dashboard's snapshot arrived from the store.
    static func dashboardLoaded(_ state: inout AppState, _ snapshot: DashboardSnapshot) {
        guard var board = state.dashboard else { return }
        board.snapshot = snapshot
        board.row = min(board.row, max(0, snapshot.tables.count - 1))
        state.dashboard = board
    }

    // MARK: A table, read-only

    /// Another table's session replaces the shown one; the home session waits aside.
    static func tableViewOpened(_ state: inout AppState, _ session: TableSession) {
        if !state.isReadOnlyView { state.homeSession = state.session }
        state.session = session
        state.push(.tableView)
        state.focus = .entry
        state.selectedNoteId = nil
        state.notesScroll = 0
    }

    static func tableView(_ state: inout AppState, _ command: Command) -> [Step] {
        switch command {
        case .help, .quit, .redraw:
            return common(&state, command) ?? []
        case .selectUp: moveSelection(&state, by: -1)
        case .selectDown: moveSelection(&state, by: 1)
        case .pageUp, .pageDown: pageNotes(&state, up: command == .pageUp)
        case .togglePrinciple:
            state.principleExpanded = !(state.principleExpanded ?? Layout.expandsPrinciple(state.size))
        case .back:
            if state.focus == .notes {
                state.focus = .entry; state.selectedNoteId = nil; state.notesScroll = 0
                return []
            }
            if let home = state.homeSession {
                state.session = home
                state.homeSession = nil
            }
            state.selectedNoteId = nil
            state.focus = .entry
            state.notesScroll = 0
            state.pop()
            return [.command(.refresh(table: state.tableNumber))]
        default:
            break
        }
        return []
    }

    // MARK: Participants

    /// Every participant, by table (those without a table last), then by name.
    public static func roster(_ state: AppState) -> [Participant] {
        state.participants.sorted {
            ($0.tableNumber ?? Int.max, $0.name.lowercased(), $0.id.uuidString)
                < ($1.tableNumber ?? Int.max, $1.name.lowercased(), $1.id.uuidString)
        }
    }

    static func openParticipants(_ state: inout AppState) -> [Step] {
        var roster = ParticipantsState()
        // From a table, its own people first in view.
        if state.screen == .session, let i = Self.roster(state).firstIndex(where: { $0.tableNumber == state.tableNumber }) {
            roster.row = i
        }
        state.push(.participants(roster))
        return [.command(.refresh(table: state.tableNumber))]
    }

    /// The table after (or before) `current` in the event's order; past the last comes "no table".
    static func neighbourTable(_ current: Int?, _ numbers: [Int], forward: Bool) -> Int? {
        let choices: [Int?] = [nil] + numbers.map { $0 }
        let i = choices.firstIndex(of: current) ?? 0
        return choices[(i + (forward ? 1 : choices.count - 1)) % choices.count]
    }

    static func participants(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        guard var roster = state.roster else { return [] }
        let list = Self.roster(state)
        let pendingDelete = roster.confirmDelete
        roster.confirmDelete = nil
        let page = max(1, ParticipantsScreen.listRows(state) - 1)
        let selected = list.indices.contains(roster.row) ? list[roster.row] : nil
        var effects: [Step] = []
        switch command {
        case .selectUp, .selectDown, .pageUp, .pageDown:
            roster.row = listRow(after: command, from: roster.row, count: list.count, page: page)
        case .newParticipant:
            let table = state.below == .session ? state.tableNumber : selected?.tableNumber
            roster.form = ParticipantForm(tableNumber: table)
        case .editParticipant:
            guard let selected else { break }
            roster.form = ParticipantForm(editing: selected)
        case .nextTable, .previousTable:
            guard let selected else { break }
            let table = neighbourTable(selected.tableNumber, state.tableNumbers, forward: command == .nextTable)
            let place = table.map { TUIText.headerTable.text(state.lang, $0) } ?? TUIText.participantsNoTable.text(state.lang)
            effects = [.command(.changeParticipants(.move(selected.id, toTable: table),
                                                    message: TUIText.messageParticipantMoved.text(state.lang, selected.name, place)))]
        case .toggleConsent:
            guard let selected else { break }
            let message = (selected.mayBeNamed ? TUIText.messageConsentOff : .messageConsentOn).text(state.lang, selected.name)
            effects = [.command(.changeParticipants(.consent(selected.id, mayBeNamed: !selected.mayBeNamed), message: message))]
        case .deleteParticipant:
            guard let selected else { break }
            if pendingDelete == selected.id {
                effects = [.command(.changeParticipants(.delete(selected.id),
                                                        message: TUIText.messageParticipantDeleted.text(state.lang, selected.name)))]
            } else {
                roster.confirmDelete = selected.id
                state.message = .init(text: TUIText.messageDeleteAgain.text(state.lang, Sanitize.line(selected.name)),
                                      isError: true)
            }
        case .back:
            state.pop()
            return state.screen == .dashboard ? [.command(.refresh(table: state.tableNumber))] : []
        default:
            break
        }
        state.roster = roster
        return effects
    }

    /// The participants were changed in the store: the new list, the changed one selected.
    static func participantsChanged(_ state: inout AppState, _ participants: [Participant], selecting id: UUID?,
                                           message: String?) {
        state.participants = participants
        guard var roster = state.roster else { return }
        roster.form = nil
        let list = Self.roster(state)
        if let id, let i = list.firstIndex(where: { $0.id == id }) { roster.row = i }
        roster.row = min(roster.row, max(0, list.count - 1))
        state.roster = roster
        if let message { state.message = .init(text: message, isError: false) }
    }

    static func editFormField(_ state: inout AppState, _ change: (inout LineEditor) -> Void) {
        guard var form = state.roster?.form else { return }
        switch form.field {
        case .name: change(&form.name)
        case .organisation: change(&form.organisation)
        case .email: change(&form.email)
        case .table, .consent: return
        }
        state.roster?.form = form
    }

    static func typedInForm(_ state: inout AppState, _ text: String) {
        guard let form = state.roster?.form else { return }
        if form.isTextField {
            editFormField(&state) { $0.insert(text) }
        } else if form.field == .consent && text == " " {
            state.roster?.form?.mayBeNamed.toggle()
        }
    }

    static func participantForm(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var form = state.roster?.form else { return [] }
        let fields = ParticipantForm.Field.allCases
        switch command {
        case .help, .redraw:
            return common(&state, command) ?? []
        case .back:
            state.roster?.form = nil
            return []
        case .nextField, .previousField:
            let i = form.field.rawValue + (command == .nextField ? 1 : -1)
            form.field = fields[(i + fields.count) % fields.count]
        case .previousValue, .nextValue:
            switch form.field {
            case .table:
                form.tableNumber = neighbourTable(form.tableNumber, state.tableNumbers, forward: command == .nextValue)
            case .consent:
                form.mayBeNamed.toggle()
            default:
                editFormField(&state) { _ = edit(&$0, command == .nextValue ? .cursorRight : .cursorLeft) }
                return []
            }
        case .saveForm:
            return saveForm(&state, form)
        default:
            editFormField(&state) { _ = edit(&$0, command) }
            return []
        }
        state.roster?.form = form
        return []
    }

    /// Checks the form (a name, a valid e-mail or none) and asks the run loop to store it.
    static func saveForm(_ state: inout AppState, _ form: ParticipantForm) -> [Step] {
        let name = Sanitize.line(form.name.text).trimmingCharacters(in: .whitespaces)
        let organisation = Sanitize.line(form.organisation.text).trimmingCharacters(in: .whitespaces)
        let email = Sanitize.line(form.email.text).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            state.roster?.form?.field = .name
            state.message = .init(text: TUIText.errorNameMissing.text(state.lang), isError: true)
            return []
        }
        guard email.isEmpty || EmailAddress.isValid(email) else {
            state.roster?.form?.field = .email
            state.message = .init(text: TUIText.errorBadEmail.text(state.lang, email), isError: true)
            return []
        }
        // A new participant gets its id from the run loop (the update function makes none).
        let existing = form.id.flatMap { id in state.participants.first { $0.id == id } }
        var person = existing ?? Participant(id: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, name: name, updatedAt: state.now)
        person.name = name
        person.organisation = organisation
        person.email = email
        person.tableNumber = form.tableNumber
        person.mayBeNamed = form.mayBeNamed
        let isNew = existing == nil
        return [.command(.changeParticipants(.save(person, isNew: isNew),
                                             message: (isNew ? TUIText.messageParticipantAdded : .messageParticipantSaved)
                                                 .text(state.lang, person.name)))]
    }

    // MARK: The harvest

    static func openHarvest(_ state: inout AppState) -> [Step] {
        let harvest = HarvestState()
        state.push(.harvest(harvest))
        return [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: false))]
    }

    static func harvest(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        guard var harvest = state.harvest else { return [] }
        let page = max(1, HarvestScreen.previewRows(state) - 1)
        var effects: [Step] = []
        switch command {
        case .selectUp: harvest.row = max(0, harvest.row - 1)
        case .selectDown: harvest.row = min(HarvestState.rowCount - 1, harvest.row + 1)
        case .pageUp: harvest.scroll = max(0, harvest.scroll - page)
        case .pageDown: harvest.scroll += page
        case .toggleOption:
            if harvest.row == harvest.anonymousRow {
                harvest.anonymous.toggle()
                harvest.written = []
                effects = [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: false))]
            } else {
                let format = HarvestState.formats[harvest.row]
                if harvest.chosen.contains(format) { harvest.chosen.remove(format) } else { harvest.chosen.insert(format) }
            }
        case .refreshPreview:
            effects = [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: true))]
        case .export:
            let formats = HarvestState.formats.filter { harvest.chosen.contains($0) }
            guard !formats.isEmpty else {
                state.message = .init(text: TUIText.messageNothingChosen.text(state.lang), isError: true)
                return []
            }
            effects = [.command(.exportHarvest(formats, anonymous: harvest.anonymous))]
        case .back:
            state.pop()
            return state.screen == .dashboard ? [.command(.refresh(table: state.tableNumber))] : []
        default:
            break
        }
        // Not past the end of the preview, so that PgUp scrolls back at once.
        harvest.scroll = min(harvest.scroll, max(0, HarvestScreen.previewLines(state).count - HarvestScreen.previewRows(state)))
        state.harvest = harvest
        return effects
    }

    /// The preview was (re)built; a rebuild because another terminal wrote keeps the reader's place.
    static func harvestPreviewed(_ state: inout AppState, _ markdown: String, keepScroll: Bool = false) {
        state.harvest?.preview = markdown
        state.harvest?.stale = false
        if !keepScroll { state.harvest?.scroll = 0 }
    }

    static func harvestExported(_ state: inout AppState, _ paths: [String]) {
        state.harvest?.written = paths
        let folder = paths.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? ""
        state.message = .init(text: TUIText.messageExported.text(state.lang, paths.count, folder), isError: false)
    }
}
