import Foundation
import RundbordCore
import RundbordStore

/// The half of `update` that takes the results of commands back in, and the
/// step that turns the key handlers' engine actions into commands.
extension AppUpdate {
    // MARK: Engine actions become writes

    /// Runs the handlers' engine actions, in order, each on the session the
    /// earlier ones leave; the state shows none of it until `.stored` says
    /// it is on disk. A refused action says why and writes nothing.
    static func resolve(_ state: inout AppState, _ steps: [Step], _ env: SessionEnvironment) -> [AppEffect] {
        var session = state.session
        var commands: [AppEffect] = []
        for step in steps {
            switch step {
            case .command(let command):
                commands.append(command)
            case let .engine(action, after):
                do {
                    let effects = try session.reduce(action, env)
                    commands.append(.persist(effects, session: session, after: after))
                } catch {
                    state.message = .init(text: error.reason.text(state.lang), isError: true)
                }
            case let .elsewhere(note, action, after):
                // The engine's rule runs on a session of the note's principle
                // holding just that note; only the note is written.
                var table = state.session.table
                guard let index = table.principleIds.firstIndex(of: note.principleId) else { continue }
                table.progress.principleIndex = index
                var other = TableSession(vision: state.vision, table: table, notes: [note])
                do {
                    let effects = try other.reduce(action, env).filter { if case .saveNote = $0 { true } else { false } }
                    commands.append(.persist(effects, session: nil, after: after))
                } catch {
                    state.message = .init(text: error.reason.text(state.lang), isError: true)
                    commands.append(.loadTableInitiatives(tableId: state.session.table.id))
                }
            }
        }
        return commands
    }

    // MARK: Results of commands

    static func stored(_ state: inout AppState, _ stored: Stored, _ env: SessionEnvironment) -> [AppEffect] {
        switch stored {
        case let .session(session, loaded, after):
            var commands: [AppEffect] = []
            let left = state.session
            if var session {
                for action in loaded { _ = try? session.reduce(action, env) }
                // A move made here, with the draft in sight under the principle it
                // was begun under, takes the draft along; one it was already apart from stays.
                let draftFollows = after == .principleChanged && state.draftPrincipleId != nil
                    && state.draftPrincipleId == state.session.table.currentPrincipleId
                state.session = session
                if draftFollows, state.draftPrincipleId != session.table.currentPrincipleId {
                    state.draftPrincipleId = session.table.currentPrincipleId
                    // Autosaved again, so that a crash brings it back under its new principle.
                    if state.draftChangedAt == nil { state.draftChangedAt = state.now }
                }
            }
            saved(&state, after)
            // Moving on from a running clock pauses it: said plainly, with the time it has used.
            if after == .principleChanged, left.timer.isRunning, left.principleIndex != state.session.principleIndex {
                let now = state.session
                // The time box less the seconds left as the countdown shows them, so it agrees with the clock.
                let used = Double(left.timer.durationSeconds) - left.timer.remaining(at: state.now).rounded(.up)
                state.message = .init(text: TUIText.messageMovedClockPaused.text(
                    state.lang, now.principleIndex + 1, now.principleIds.count, now.phase.textKey.text(state.lang),
                    left.principleIndex + 1, Chrome.clock(max(0, used))), isError: false)
            }
            if after.addsNote {
                commands.append(.saveDraft(nil, tableId: state.session.table.id, report: false))
            }
            if session == nil || (state.voteScope == .table && state.screen == .vote) {
                commands.append(.loadTableInitiatives(tableId: state.session.table.id))
            }
            return commands
        case let .participants(participants, id, message):
            participantsChanged(&state, participants, selecting: id, message: message)
            return state.dashboard != nil ? [.loadDashboard] : []
        case .exported(let paths):
            harvestExported(&state, paths)
            return []
        case .tableDetails(let message):
            return tableDetailsStored(&state, message: message)
        case let .curated(data, message, select):
            curationLoaded(&state, data, message: message, select: select)
            // The harvest under the curation is rebuilt when it shows again.
            if state.harvest != nil { state.harvest?.stale = true }
            return []
        }
    }

    static func loaded(_ state: inout AppState, _ loaded: Loaded, _ env: SessionEnvironment) -> [AppEffect] {
        switch loaded {
        case let .draft(text, kind, principleId):
            state.editor.set(text)
            state.draftKind = kind
            // Back under the principle it was begun under, when the table still has it.
            state.draftPrincipleId = principleId.flatMap { state.session.principleIds.contains($0) ? $0 : nil }
                ?? state.session.table.currentPrincipleId
            state.message = .init(text: TUIText.messageDraftRestored.text(state.lang), isError: false)
        case .tableInitiatives(let notes):
            let order = Dictionary(uniqueKeysWithValues: state.session.table.principleIds.enumerated().map { ($1, $0) })
            state.tableInitiatives = notes.filter { $0.tableId == state.session.table.id }
                .sorted { (order[$0.principleId] ?? 0, $0.createdAt) < (order[$1.principleId] ?? 0, $1.createdAt) }
        case .dashboard(let snapshot):
            dashboardLoaded(&state, snapshot)
        case .table(let session):
            tableViewOpened(&state, session)
        case let .principleNotes(table, index, notes):
            principleViewed(&state, table: table, index: index, notes: notes)
        case let .preview(markdown, mailProblems, keepScroll, lines):
            harvestPreviewed(&state, markdown, mailProblems: mailProblems, keepScroll: keepScroll, lines: lines)
        case .changes(let changes):
            return changed(&state, changes, env)
        case .curation(let data):
            curationLoaded(&state, data)
        case .event(let event):
            state.harvest?.nextStepsMissing = event.nextSteps.isEmpty
        }
        return []
    }

    /// Another writer changed the file: the shown table as it is now; the
    /// lists that depend on it are read again.
    static func changed(_ state: inout AppState, _ changes: ExternalChanges, _ env: SessionEnvironment) -> [AppEffect] {
        let shownBefore = state.session.table.currentPrincipleId
        if changes.table != state.session.table { state.session.table = changes.table }
        // What another terminal left the other principles with, so that going back here finds it.
        if let left = changes.leftProgress { state.session.leftProgress = left }
        // Another terminal moved the table while a draft was being typed here:
        // the draft stays with its principle, and the status line says where it goes.
        if !state.isReadOnlyView, state.session.table.currentPrincipleId != shownBefore, let index = state.draftElsewhereIndex {
            state.message = .init(text: TUIText.messageDraftStays.text(state.lang, state.session.principleIndex + 1, index + 1),
                                  isError: false)
        }
        if let principle = changes.principle {
            _ = try? state.session.reduce(.loaded(notes: principle.notes, agreement: principle.agreement), env)
        }
        state.participants = changes.participants
        var commands: [AppEffect] = []
        if state.voteScope == .table { commands.append(.loadTableInitiatives(tableId: state.session.table.id)) }
        // Another principle looked at in the read-only view is read again too.
        if let viewed = state.viewedPrinciple, state.isReadOnlyView {
            commands.append(.viewPrinciple(table: state.tableNumber, index: viewed.index))
        }
        // The dashboard is read again only when the file changed.
        if state.dashboard != nil { commands.append(.loadDashboard) }
        if state.harvest != nil { state.harvest?.stale = true }
        if state.curation != nil { commands.append(.loadCuration) }
        return commands
    }

    /// The action was refused or could not be stored: nothing is shown as saved.
    static func failed(_ state: inout AppState, _ failure: Failure) {
        let text: String
        switch failure {
        case .store(let reason): text = TUIText.messageStoreError.text(state.lang, reason)
        case .read(let reason):
            // A preview that could not be built is no longer being built.
            if state.harvest != nil { state.harvest?.building = false }
            text = reason
        case .export(let reason):
            state.harvest?.written = []
            text = TUIText.messageExportFailed.text(state.lang, reason)
        }
        state.message = .init(text: text, isError: true)
    }

    /// The engine action was applied and its effects are on disk.
    static func saved(_ state: inout AppState, _ after: AfterSave) {
        switch after {
        case .nothing:
            break
        case .noteAdded, .noteAddedUnder:
            state.editor.clear()
            state.draftKind = nil
            state.draftPrincipleId = nil
            state.draftSpeaker = nil
            state.draftChangedAt = nil
            state.draftSavedAt = nil
            state.notesScroll = 0
            if case .noteAddedUnder(let principle) = after {
                state.message = .init(text: TUIText.messageSavedUnder.text(state.lang, principle), isError: false)
            } else {
                state.message = .init(text: TUIText.messageSaved.text(state.lang), isError: false)
            }
        case .noteEdited:
            state.editingNoteId = nil
            state.editor.clear()
            state.message = .init(text: TUIText.messageEdited.text(state.lang), isError: false)
        case .principleChanged:
            // Said aloud, so that a stray Tab or Ctrl-N is noticed at once.
            let session = state.session
            state.message = .init(text: TUIText.messageMoved.text(state.lang, session.principleIndex + 1,
                                                                  session.principleIds.count,
                                                                  session.phase.textKey.text(state.lang)), isError: false)
            state.selectedNoteId = nil
            state.focus = .entry
            state.notesScroll = 0
            state.voteRow = min(state.voteRow, max(0, state.voteRowCount - 1))
        case .dotsChanged:
            break
        case .message(let key):
            state.message = .init(text: key.text(state.lang), isError: false)
        case .said(let text):
            state.message = .init(text: text, isError: false)
        }
        if let id = state.selectedNoteId, state.session.visibleNotes.first(where: { $0.id == id }) == nil {
            state.selectedNoteId = nil
            state.focus = .entry
        }
    }

}
