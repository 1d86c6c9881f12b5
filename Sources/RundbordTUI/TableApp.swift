import Foundation
import RundbordCore
import RundbordStore

/// The table session program: reads input from a backend, updates the
/// state, runs the effects against the store and draws the frame.
public final class TableApp {
    public private(set) var state: AppState
    public let store: EventStore
    let backend: TerminalBackend
    let env: SessionEnvironment
    var changeToken: Int
    var lastTick: Date
    var lastFrame: Buffer?
    var fullRedraw = false

    /// The zone of the clock times beside notes (the machine's; tests fix it).
    public var timeZone: TimeZone {
        get { state.timeZone }
        set { state.timeZone = newValue }
    }

    /// How often the clock is redrawn and the store polled for other writers.
    public static let tickInterval: TimeInterval = 0.25

    public init(store: EventStore, tableNumber: Int, backend: TerminalBackend, lang: Language,
                env: SessionEnvironment = .live) throws(RundbordError) {
        self.store = store
        self.backend = backend
        self.env = env
        let session = try store.session(tableNumber: tableNumber)
        let event = try store.event()
        state = AppState(lang: lang, eventTitle: event.title, session: session,
                         participants: try store.participants(), now: env.now(), size: backend.size)
        changeToken = try store.changeToken()
        lastTick = env.now()
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
        case .saveDraft(let text):
            do {
                try store.save(draft: text, tableId: state.session.table.id, now: env.now())
            } catch {
                AppUpdate.failed(&state, TUIText.messageStoreError.text(state.lang, error.message(state.lang)))
            }
        case .quit:
            // What is in the entry line is kept as the draft, to be offered next time.
            if state.editingNoteId == nil {
                try? store.save(draft: state.editor.isBlank ? nil : state.editor.text,
                                tableId: state.session.table.id, now: env.now())
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
        } catch {
            AppUpdate.failed(&state, error.message(state.lang))
        }
    }
}
