import Foundation
import RundbordCore
import RundbordHarvest
import RundbordSuggest

/// The curation screen's keys: the curation engine (`Curator`) works out
/// each change from the event as last read; the runner saves it and reads
/// the event back. Every change is one undo step of the screen's `CurationSession`.
extension AppUpdate {
    static func openCuration(_ state: inout AppState) -> [Step] {
        if state.curation == nil { state.push(.curation(CurationScreenState())) }
        return [.command(.loadCuration)]
    }

    /// The rows of the curation screen's current tab.
    public static func curationRowCount(_ screen: CurationScreenState) -> Int {
        guard let curator = screen.curator else { return 0 }
        switch screen.tab {
        case .initiatives: return curator.ranked.count
        case .suggestions: return screen.suggestions.count
        case .owners: return curator.ownerCounts.count
        case .keyMessages: return 1 + curator.vision.principles.count
        case .event: return 1
        }
    }

    /// The selected initiative (on the initiatives tab), as ranked.
    public static func selectedInitiative(_ screen: CurationScreenState) -> RankedCuratedInitiative? {
        guard let ranked = screen.curator?.ranked, ranked.indices.contains(screen.rows[CurationScreenState.Tab.initiatives.rawValue])
        else { return nil }
        return ranked[screen.rows[CurationScreenState.Tab.initiatives.rawValue]]
    }

    static func curation(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var screen = state.curation else { return [] }
        // Ctrl-Z and Ctrl-Y take back the organiser's curation here, not the table's notes.
        if command == .undo || command == .redo { return curationUndo(&state, redo: command == .redo) }
        if let effects = common(&state, command) { return effects }
        guard let curator = screen.curator else {
            if command == .back { return close(&state) }
            return []
        }
        let lang = state.lang, now = state.now
        let count = curationRowCount(screen)
        switch command {
        case .nextTab, .previousTab:
            let tabs = CurationScreenState.Tab.allCases
            screen.tab = tabs[(screen.tab.rawValue + (command == .nextTab ? 1 : tabs.count - 1)) % tabs.count]
        case .selectUp, .selectDown, .pageUp, .pageDown:
            screen.row = listRow(after: command, from: screen.row, count: count, page: state.page)
        case .markItem:
            switch screen.tab {
            case .initiatives:
                guard let selected = selectedInitiative(screen) else { break }
                let id = selected.initiative.id
                if let i = screen.marked.firstIndex(of: id) { screen.marked.remove(at: i) } else { screen.marked.append(id) }
                screen.row = min(screen.row + 1, max(0, count - 1))
            case .owners:
                let owners = curator.ownerCounts
                guard owners.indices.contains(screen.row) else { break }
                let owner = owners[screen.row].owner
                if let i = screen.markedOwners.firstIndex(of: owner) {
                    screen.markedOwners.remove(at: i)
                } else {
                    screen.markedOwners.append(owner)
                }
                screen.row = min(screen.row + 1, max(0, count - 1))
            default:
                break
            }
        case .mergeMarked:
            guard screen.tab == .initiatives, let selected = selectedInitiative(screen) else { break }
            // The initiative stood on gives the merged text; the marked ones join it.
            var ids = [selected.initiative.id]
            for id in screen.marked where !ids.contains(id) { ids.append(id) }
            guard ids.count >= 2 else {
                state.message = .init(text: CurationScreenText.messageMarkTwo.text(lang), isError: true)
                break
            }
            screen.marked = []
            state.curation = screen
            return curationMerge(&state, ids)
        case .splitItem:
            guard screen.tab == .initiatives, let selected = selectedInitiative(screen) else { break }
            let initiative = selected.initiative
            guard initiative.mergeId != nil else {
                state.message = .init(text: CurationScreenText.messageNotMerged.text(lang, short(initiative.text)), isError: true)
                break
            }
            state.curation = screen
            return curationChange(&state, CurationScreenText.messageSplit.text(lang, short(initiative.text)), select: nil) { c throws(RundbordError) in
                try c.split(initiative.id, now: now)
            }
        case .editItem:
            switch screen.tab {
            case .initiatives:
                guard let selected = selectedInitiative(screen) else { break }
                screen.form = .initiative(selected.initiative, vision: curator.vision, lang)
            case .suggestions:
                let initiatives = curator.initiatives
                guard screen.suggestions.indices.contains(screen.row) else { break }
                let pair = screen.suggestions[screen.row]
                state.curation = screen
                return curationMerge(&state, [initiatives[pair.a].id, initiatives[pair.b].id])
            case .owners:
                let owners = curator.ownerCounts
                guard owners.indices.contains(screen.row) else { break }
                let canonical = owners[screen.row].owner
                let aliases = screen.markedOwners.filter { Curation.ownerKey($0) != Curation.ownerKey(canonical) }
                guard !aliases.isEmpty else {
                    state.message = .init(text: CurationScreenText.messageMarkOwners.text(lang), isError: true)
                    break
                }
                screen.markedOwners = []
                state.curation = screen
                let message = CurationScreenText.messageAliased.text(lang, aliases.map { "»" + $0 + "«" }.joined(separator: ", "),
                                                                     canonical)
                return curationChange(&state, message, select: nil) { c throws(RundbordError) in try c.alias(canonical: canonical, aliases, now: now) }
            case .keyMessages:
                let principleId = screen.row == 0 ? nil : curator.vision.principles[screen.row - 1].id
                screen.form = .keyMessage(principleId, title: keyMessageTitle(principleId, curator.vision, lang),
                                          text: curator.state.keyMessage(principleId) ?? "", lang)
            case .event:
                guard let event = screen.event else { break }
                screen.form = .event(event, lang)
            }
        case .back:
            return close(&state)
        default:
            break
        }
        state.curation = screen
        return []
    }

    /// "Hele arrangementet" or "princip 2: Fælles ansvar".
    static func keyMessageTitle(_ principleId: String?, _ vision: Vision, _ lang: Language) -> String {
        guard let principleId, let i = vision.principles.firstIndex(where: { $0.id == principleId }) else {
            return CurationScreenText.keyMessageEvent.text(lang)
        }
        return CurationScreenText.movePrinciple.text(lang, i + 1, vision.principles[i].title)
    }

    static func curationMerge(_ state: inout AppState, _ ids: [UUID]) -> [Step] {
        guard let curator = state.curation?.curator else { return [] }
        do {
            let (merged, changes) = try curator.merge(ids, text: nil, now: state.now)
            let text = (try? curator.initiative(ids[0]).text) ?? ""
            return record(&state, changes, CurationScreenText.messageMerged.text(state.lang, ids.count, short(text)), select: merged)
        } catch {
            state.message = .init(text: error.message(state.lang), isError: true)
            return []
        }
    }

    /// Works out a change with the engine; a refused one says why and changes nothing.
    static func curationChange(_ state: inout AppState, _ message: String, select: UUID?,
                               _ make: (Curator) throws(RundbordError) -> [CurationChange]) -> [Step] {
        guard let curator = state.curation?.curator else { return [] }
        do {
            return record(&state, try make(curator), message, select: select)
        } catch {
            state.message = .init(text: error.message(state.lang), isError: true)
            return []
        }
    }

    /// One undo step: the engine's changes, applied to the screen's session and saved.
    static func record(_ state: inout AppState, _ changes: [CurationChange], _ message: String, select: UUID?) -> [Step] {
        guard !changes.isEmpty, var screen = state.curation else {
            state.message = .init(text: CurationScreenText.messageNothingChanged.text(state.lang), isError: false)
            return []
        }
        screen.session?.record(changes)
        screen.undoLabels.append(message)
        screen.redoLabels = []
        state.curation = screen
        return [.command(.curate(changes, message: message, select: select))]
    }

    static func curationUndo(_ state: inout AppState, redo: Bool) -> [Step] {
        guard var screen = state.curation, var session = screen.session else { return [] }
        do {
            let changes = redo ? try session.redo(now: state.now) : try session.undo(now: state.now)
            screen.session = session
            let label = (redo ? screen.redoLabels.popLast() : screen.undoLabels.popLast()) ?? ""
            if redo { screen.undoLabels.append(label) } else { screen.redoLabels.append(label) }
            state.curation = screen
            let said = (redo ? CurationScreenText.messageRedone : .messageUndone).text(state.lang, label)
            return [.command(.curate(changes, message: said, select: nil))]
        } catch {
            state.message = .init(text: error.message(state.lang), isError: true)
            return []
        }
    }

    /// The event as it is now arrived (read, or read back after a save).
    static func curationLoaded(_ state: inout AppState, _ data: CurationData, message: String? = nil, select: UUID? = nil) {
        // Only when the harvest screen is open under this one (setting it otherwise would open it).
        if state.harvest != nil { state.harvest?.eventRead(data.event) }
        guard var screen = state.curation else { return }
        if screen.session == nil { screen.session = CurationSession(curator: data.curator) } else { screen.session?.curator = data.curator }
        screen.suggestions = data.suggestions
        screen.event = data.event
        let live = Set(data.curator.initiatives.map(\.id))
        screen.marked = screen.marked.filter(live.contains)
        let owners = Set(data.curator.ownerCounts.map { Curation.ownerKey($0.owner) })
        screen.markedOwners = screen.markedOwners.filter { owners.contains(Curation.ownerKey($0)) }
        if let select, let i = data.curator.ranked.firstIndex(where: { $0.initiative.id == select }) {
            screen.rows[CurationScreenState.Tab.initiatives.rawValue] = i
        }
        for tab in CurationScreenState.Tab.allCases {
            var probe = screen
            probe.tab = tab
            screen.rows[tab.rawValue] = min(screen.rows[tab.rawValue], max(0, curationRowCount(probe) - 1))
        }
        state.curation = screen
        if let message { state.message = .init(text: message, isError: false) }
    }

    /// A text in a message: one line, at most 30 columns.
    static func short(_ text: String) -> String {
        TextLayout.truncate(Sanitize.line(text), width: 30)
    }
}
