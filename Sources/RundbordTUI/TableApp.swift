import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// The table session program: reads input from a backend, updates the
/// state, runs the effects against the store and draws the frame.
public final class TableApp {
    public private(set) var state: AppState
    public let store: EventStore
    let backend: TerminalBackend
    let env: SessionEnvironment
    /// The templates of the harvest (`--templates DIR` or the built-in ones).
    let templates: TemplateLibrary
    var changeToken: Int
    var lastTick: Date
    var lastFrame: Buffer?
    var fullRedraw = false
    /// How often the dashboard was read from the store (it should be only when the file changed).
    public private(set) var dashboardReads = 0

    /// The zone of the clock times beside notes (the machine's; tests fix it).
    public var timeZone: TimeZone {
        get { state.timeZone }
        set { state.timeZone = newValue }
    }

    /// How often the clock is redrawn and the store polled for other writers.
    public static let tickInterval: TimeInterval = 0.25

    /// `tableNumber` opens that table's session; nil opens the organiser's
    /// dashboard on its own, where every table is shown read-only.
    public init(store: EventStore, tableNumber: Int?, backend: TerminalBackend, lang: Language,
                env: SessionEnvironment = .live, templates: TemplateLibrary = TemplateLibrary()) throws(RundbordError) {
        self.store = store
        self.backend = backend
        self.env = env
        self.templates = templates
        let tables = try store.tables()
        let event = try store.event()
        let session = try store.session(tableNumber: tableNumber ?? tables.first?.number ?? 1, event: event)
        state = AppState(lang: lang, eventTitle: event.title, session: session,
                         participants: try store.participants(), now: env.now(), size: backend.size)
        state.eventPath = store.path
        state.tableNumbers = tables.map(\.number)
        changeToken = try store.changeToken()
        lastTick = env.now()
        guard tableNumber != nil else {
            state.homeTable = nil
            state.dashboard = DashboardState(returnTo: nil)
            state.screen = .dashboard
            loadDashboard()
            return
        }
        // A draft left by a crash (or a quit with text in the entry line) is offered back.
        if let draft = try store.draft(tableId: session.table.id), !draft.isEmpty {
            state.editor.set(draft)
            state.message = .init(text: TUIText.messageDraftRestored.text(lang), isError: false)
        }
    }

    /// Runs until the user quits or a signal ends the program.
    public func run() {
        draw()
        while !state.quitRequested {
            let event = backend.nextEvent(timeout: Self.tickInterval) ?? .tick
            handle(event)
            draw()
        }
    }

    /// One turn of the loop without drawing: update, then effects.
    public func handle(_ event: InputEvent) {
        state.now = env.now()
        if event == .tick || state.now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = state.now
            pollStore()
        }
        let effects = AppUpdate.update(&state, event)
        for effect in effects { run(effect) }
        if case .key(let key) = event, KeyTable.command(for: key, on: state.screen) == .redraw { fullRedraw = true }
    }

    /// Feeds events one by one and draws after each, as the loop does.
    public func send(_ events: [InputEvent]) {
        for event in events { handle(event); draw() }
    }

    public func send(keys: [Key]) { send(keys.map { .key($0) }) }

    /// Types text key by key, as a person would (drawn once at the end, as a
    /// terminal that delivers keys faster than frames are drawn would show it).
    public func type(_ text: String) {
        for c in text { handle(.key(.char(c))) }
        draw()
    }

    public func draw() {
        if state.size != backend.size { state.size = backend.size }
        let frame = Screens.render(state)
        if frame != lastFrame || fullRedraw {
            backend.draw(frame, full: fullRedraw)
            lastFrame = frame
            fullRedraw = false
        }
    }

    // MARK: Effects

    func run(_ effect: AppEffect) {
        switch effect {
        case let .session(action, after):
            var session = state.session
            let effects: [SessionEffect]
            do {
                effects = try session.reduce(action, env)
            } catch {
                AppUpdate.failed(&state, error.reason.text(state.lang))
                return
            }
            do {
                for followUp in try store.perform(effects, now: env.now()) {
                    _ = try? session.reduce(followUp, env)
                }
            } catch {
                // Nothing is shown as saved: the state stays as it was and the entry line keeps its text.
                AppUpdate.failed(&state, TUIText.messageStoreError.text(state.lang, error.message(state.lang)))
                return
            }
            state.session = session
            AppUpdate.saved(&state, after)
            if after == .noteAdded { try? store.save(draft: nil, tableId: session.table.id) }
            if state.voteScope == .table && state.screen == .vote { loadTableInitiatives() }
        case let .elsewhere(note, action, after):
            runElsewhere(note, action, after)
        case .loadTableInitiatives:
            loadTableInitiatives()
        case .refresh:
            changeToken = Int.min
            pollStore()
        case .viewTable(let number):
            do {
                AppUpdate.tableViewOpened(&state, try store.session(tableNumber: number))
            } catch {
                AppUpdate.failed(&state, error.message(state.lang))
            }
        case let .saveParticipant(person, isNew):
            var person = person
            if isNew { person.id = env.newId() }
            changeParticipants(select: person.id,
                               message: (isNew ? TUIText.messageParticipantAdded : .messageParticipantSaved)
                                   .text(state.lang, person.name)) { () throws(RundbordError) in
                if isNew { try store.save(participant: person) } else { try store.update(participant: person, now: env.now()) }
            }
        case let .moveParticipant(id, table):
            let name = state.participants.first { $0.id == id }?.name ?? ""
            let place = table.map { TUIText.headerTable.text(state.lang, $0) } ?? TUIText.participantsNoTable.text(state.lang)
            changeParticipants(select: id, message: TUIText.messageParticipantMoved.text(state.lang, name, place)) {
                () throws(RundbordError) in try store.moveParticipant(id: id, toTable: table, now: env.now())
            }
        case let .setConsent(id, mayBeNamed):
            let name = state.participants.first { $0.id == id }?.name ?? ""
            changeParticipants(select: id, message: (mayBeNamed ? TUIText.messageConsentOn : .messageConsentOff)
                .text(state.lang, name)) { () throws(RundbordError) in
                try store.setConsent(id: id, mayBeNamed: mayBeNamed, now: env.now())
            }
        case .deleteParticipant(let id):
            let name = state.participants.first { $0.id == id }?.name ?? ""
            changeParticipants(select: nil, message: TUIText.messageParticipantDeleted.text(state.lang, name)) {
                () throws(RundbordError) in try store.deleteParticipant(id: id, now: env.now())
            }
        case let .previewHarvest(anonymous, keepScroll):
            previewHarvest(anonymous: anonymous, keepScroll: keepScroll)
        case let .exportHarvest(formats, anonymous):
            exportHarvest(formats, anonymous: anonymous)
        case .saveDraft(let text):
            do {
                try store.save(draft: text, tableId: state.session.table.id, now: env.now())
            } catch {
                AppUpdate.failed(&state, TUIText.messageStoreError.text(state.lang, error.message(state.lang)))
            }
        case .quit:
            // What is in the entry line is kept as the draft of the home table, to be offered next time.
            if state.editingNoteId == nil, let home = state.homeSession ?? (state.isReadOnlyView ? nil : state.session) {
                try? store.save(draft: state.editor.isBlank ? nil : state.editor.text,
                                tableId: home.table.id, now: env.now())
            }
            state.quitRequested = true
        }
    }

    /// An action on a note of another principle: the engine's rule runs on a
    /// session of that principle holding just that note; only the note is saved.
    func runElsewhere(_ note: Note, _ action: SessionAction, _ after: AfterSave) {
        var table = state.session.table
        guard let index = table.principleIds.firstIndex(of: note.principleId) else { return }
        table.progress.principleIndex = index
        var other = TableSession(vision: state.vision, table: table, notes: [note])
        do {
            let effects = try other.reduce(action, env)
            try store.perform(effects.filter { if case .saveNote = $0 { true } else { false } }, now: env.now())
            AppUpdate.saved(&state, after)
        } catch let error as SessionRejection {
            AppUpdate.failed(&state, error.reason.text(state.lang))
        } catch let error as RundbordError {
            AppUpdate.failed(&state, TUIText.messageStoreError.text(state.lang, error.message(state.lang)))
        } catch {
            AppUpdate.failed(&state, "\(error)")
        }
        loadTableInitiatives()
    }

    /// Runs a change to the participants, then shows the new list; an error
    /// leaves everything as it was (the form stays open with its text).
    func changeParticipants(select id: UUID?, message: String, _ change: () throws(RundbordError) -> Void) {
        do {
            try change()
            AppUpdate.participantsChanged(&state, try store.participants(), selecting: id, message: message)
            if state.dashboard != nil { loadDashboard() }
        } catch {
            AppUpdate.failed(&state, TUIText.messageStoreError.text(state.lang, error.message(state.lang)))
        }
    }

    func previewHarvest(anonymous: Bool, keepScroll: Bool) {
        do {
            let document = try harvestDocument(anonymous: anonymous)
            AppUpdate.harvestPreviewed(&state, try Exporter.markdown(document, exportSettings), keepScroll: keepScroll)
        } catch {
            AppUpdate.failed(&state, error.message(state.lang))
        }
    }

    func loadDashboard() {
        dashboardReads += 1
        do {
            AppUpdate.dashboardLoaded(&state, try store.dashboard(top: 10))
        } catch {
            AppUpdate.failed(&state, error.message(state.lang))
        }
    }

    var exportSettings: ExportSettings {
        ExportSettings(templates: HarvestTemplates(library: templates, language: state.lang))
    }

    func harvestDocument(anonymous: Bool) throws(RundbordError) -> HarvestDocument {
        try Harvest.build(store: store, options: HarvestOptions(anonymous: anonymous, language: state.lang,
                                                                generatedAt: env.now()))
    }

    /// Every chosen format is rendered before any file is written, so an error
    /// (no sender e-mail for the mail, a broken template) writes nothing.
    func exportHarvest(_ formats: [ExportFormat], anonymous: Bool) {
        do {
            let document = try harvestDocument(anonymous: anonymous)
            let settings = exportSettings
            var rendered: [(String, Data)] = []
            for format in formats {
                rendered.append((format.defaultOutput(eventFile: store.path, language: state.lang), try Exporter.render(document, format, settings: settings)))
            }
            for (path, data) in rendered { try Exporter.write(data, to: path) }
            AppUpdate.harvestExported(&state, rendered.map(\.0))
        } catch {
            state.harvest?.written = []
            AppUpdate.failed(&state, TUIText.messageExportFailed.text(state.lang, error.message(state.lang)))
        }
    }

    func loadTableInitiatives() {
        let table = state.session.table
        do {
            let order = Dictionary(uniqueKeysWithValues: table.principleIds.enumerated().map { ($1, $0) })
            state.tableInitiatives = try store.allNotes()
                .filter { $0.tableId == table.id && $0.isInitiative }
                .sorted { (order[$0.principleId] ?? 0, $0.createdAt) < (order[$1.principleId] ?? 0, $1.createdAt) }
        } catch {
            AppUpdate.failed(&state, TUIText.messageStoreError.text(state.lang, error.message(state.lang)))
        }
    }

    /// Another terminal (a second note-taker, `rundbord note`, the organiser)
    /// wrote to the file: reload this table's progress, notes and participants.
    func pollStore() {
        guard let token = try? store.changeToken(), token != changeToken else { return }
        changeToken = token
        do {
            let table = try store.table(number: state.tableNumber)
            if table != state.session.table { state.session.table = table }
            if let principleId = table.currentPrincipleId {
                let notes = try store.notes(tableId: table.id, principleId: principleId)
                let tally = try store.agreement(tableId: table.id, principleId: principleId)
                _ = try? state.session.reduce(.loaded(notes: notes, agreement: tally), env)
            }
            state.participants = try store.participants()
            if state.voteScope == .table { loadTableInitiatives() }
            // The dashboard is read again only when the file changed.
            if state.dashboard != nil { loadDashboard() }
            if state.harvest != nil { state.harvest?.stale = true }
        } catch {
            AppUpdate.failed(&state, error.message(state.lang))
        }
    }
}
