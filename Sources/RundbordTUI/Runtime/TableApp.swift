import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// The runner of the table program: it turns input into messages, hands
/// each message to `AppUpdate.update`, runs the commands that come back
/// against the store and the terminal, turns each result back into a
/// message, and draws the frame. It decides nothing about what the screens
/// mean; that is all in `update`.
public final class TableApp {
    public private(set) var state: AppState
    public let store: EventStore
    let backend: TerminalBackend
    let env: SessionEnvironment
    /// The templates of the harvest (`--templates DIR` or the built-in ones).
    let templates: TemplateLibrary
    /// Where the harvest screen's chosen formats are remembered (nil: not remembered).
    let choices: HarvestChoices?
    let eventId: UUID
    var changeToken: Int
    var lastTick: Date
    let frames = FrameGate()
    /// Notes laid out in earlier frames, so a keystroke lays out only the entry line.
    let memo = LayoutMemo()
    /// How often the dashboard was read from the store (it should be only when the file changed).
    public private(set) var dashboardReads = 0
    /// Runs the harvest preview's build away from the input loop (a thread
    /// of its own): on a large event it takes seconds, and keys must work
    /// meanwhile (Esc leaves without waiting). Tests run it at once, or hold
    /// it to see the screen while it builds.
    public var runInBackground: (@escaping @Sendable () -> Void) -> Void = { job in Thread.detachNewThread(job) }
    /// The preview being built: its result is handed to update on the next
    /// turn of the loop. A newer request replaces it (the older result is dropped).
    var pendingPreview: PreviewResult?

    /// The zone of the clock times beside notes (the machine's; tests fix it).
    public var timeZone: TimeZone {
        get { state.timeZone }
        set { state.timeZone = newValue }
    }

    /// How often the clock is redrawn and the store polled for other writers.
    public static let tickInterval: TimeInterval = 0.25

    /// `tableNumber` opens that table's session; nil opens the organiser's
    /// dashboard on its own, where every table is shown read-only.
    /// `bell` false keeps the terminal quiet when a clock's time runs out (the header still flashes).
    public init(store: EventStore, tableNumber: Int?, backend: TerminalBackend, lang: Language,
                env: SessionEnvironment = .live, templates: TemplateLibrary = TemplateLibrary(),
                bell: Bool = true, choices: HarvestChoices? = nil) throws(RundbordError) {
        self.store = store
        self.backend = backend
        self.env = env
        self.templates = templates
        self.choices = choices
        let tables = try store.tables()
        let event = try store.event()
        eventId = event.id
        let session = try store.session(tableNumber: tableNumber ?? tables.first?.number ?? 1, event: event)
        state = AppState(lang: lang, eventTitle: event.title, session: session,
                         participants: try store.participants(), now: env.now(), size: backend.size)
        state.eventPath = store.path
        state.harvestChoice = choices?.load(event: event.id)
        state.bellEnabled = bell
        state.tableNumbers = tables.map(\.number)
        state.tableIds = Dictionary(tables.map { ($0.number, $0.id) }, uniquingKeysWith: { a, _ in a })
        changeToken = try store.changeToken()
        lastTick = env.now()
        guard tableNumber != nil else {
            run(AppUpdate.openDashboardAlone(&state))
            return
        }
        if let draft = try store.savedDraft(tableId: session.table.id), !draft.text.isEmpty {
            dispatch(.loaded(.draft(draft.text, kind: draft.kind, principleId: draft.principleId)))
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

    /// One turn of the loop without drawing: what other writers changed, then the event.
    public func handle(_ event: InputEvent) {
        if let result = pendingPreview?.take() {
            pendingPreview = nil
            dispatch(result)
        }
        let now = env.now()
        if event == .tick || now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = now
            if let changes = poll(force: false) { dispatch(changes) }
        }
        dispatch(.input(event))
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
        // A terminal resized under a blocked read tells it here.
        if state.size != backend.size { dispatch(.input(.resize(backend.size))) }
        let (frame, viewport) = Screens.draw(state, memo: memo)
        frames.show(frame, on: backend)
        dispatch(.drawn(viewport))
    }

    // MARK: Messages and commands

    /// Updates the state with `message` and runs the commands it returns, each
    /// result in turn before the next command (so a command sees the state its
    /// predecessors left). After a failed write the rest of the batch is
    /// dropped: update worked the later commands out assuming it had been stored.
    func dispatch(_ message: AppMessage) {
        run(AppUpdate.update(&state, message, env))
    }

    func run(_ commands: [AppEffect]) {
        for command in commands {
            guard let result = perform(command) else { continue }
            dispatch(result)
            if case .failed = result { return }
        }
    }

    /// Runs one command against the store or the terminal; its result as a message, if it has one.
    func perform(_ command: AppEffect) -> AppMessage? {
        let lang = state.lang
        do throws(RundbordError) {
            switch command {
            case let .persist(effects, session, after):
                let loaded = try store.perform(effects, now: env.now())
                return .stored(.session(session, loaded: loaded, after: after))
            case .loadTableInitiatives(let tableId):
                return .loaded(.tableInitiatives(try store.allNotes().filter { $0.tableId == tableId && $0.isInitiative }))
            case .loadDashboard:
                dashboardReads += 1
                return .loaded(.dashboard(try store.dashboard(top: 10)))
            case .refresh:
                return poll(force: true)
            case .viewTable(let number):
                return .loaded(.table(try store.session(tableNumber: number)))
            case let .viewPrinciple(number, index):
                let table = try store.table(number: number)
                guard table.principleIds.indices.contains(index) else { return nil }
                return .loaded(.principleNotes(table: number, index: index,
                                               notes: try store.notes(tableId: table.id, principleId: table.principleIds[index])))
            case let .setTableDetails(number, name, host, noteTaker, message):
                _ = try store.setDetails(tableNumber: number, name: name, host: host, noteTaker: noteTaker, now: env.now())
                return .stored(.tableDetails(message: message))
            case let .changeParticipants(change, message):
                let selecting = try apply(change)
                return .stored(.participants(try store.participants(), selecting: selecting, message: message))
            case let .previewHarvest(anonymous, keepScroll):
                return buildPreview(anonymous: anonymous, keepScroll: keepScroll)
            case let .exportHarvest(formats, anonymous):
                return exportHarvest(formats, anonymous: anonymous)
            case .rememberHarvestChoice(let chosen):
                // A preference: when it cannot be kept, the screen still works
                // and starts from the usual choice next time; not worth an error.
                try? choices?.save(chosen, event: eventId)
                return nil
            case let .saveDraft(text, kind, principleId, tableId, report):
                do {
                    try store.save(draft: text, kind: kind, principleId: principleId, tableId: tableId, now: env.now())
                } catch where !report {
                    // Quitting, or a note just saved: nothing more to say.
                }
                return nil
            case .repaint:
                frames.repaintNext()
                return nil
            case .loadCuration:
                return .loaded(.curation(try curationData()))
            case .loadEvent:
                return .loaded(.event(try store.event()))
            case let .curate(changes, message, select):
                try store.apply(changes, now: env.now())
                return .stored(.curated(try curationData(), message: message, select: select))
            case let .saveEvent(event, message):
                try store.save(event: event)
                return .stored(.curated(try curationData(), message: message, select: nil))
            case .bell:
                backend.beep()
                return nil
            }
        } catch {
            switch command {
            case .loadDashboard, .viewTable, .viewPrinciple, .previewHarvest, .refresh, .loadCuration, .loadEvent:
                return .failed(.read(error.message(lang)))
            default: return .failed(.store(error.message(lang)))
            }
        }
    }

    /// Makes a change to the participants; the participant to select afterwards.
    func apply(_ change: ParticipantChange) throws(RundbordError) -> UUID? {
        switch change {
        case let .save(person, isNew):
            var person = person
            if isNew {
                person.id = env.newId()
                try store.save(participant: person)
            } else {
                try store.update(participant: person, now: env.now())
            }
            return person.id
        case let .move(id, table):
            try store.moveParticipant(id: id, toTable: table, now: env.now())
            return id
        case let .consent(id, mayBeNamed):
            try store.setConsent(id: id, mayBeNamed: mayBeNamed, now: env.now())
            return id
        case .delete(let id):
            try store.deleteParticipant(id: id, now: env.now())
            return nil
        }
    }

    /// Starts building the preview (`runInBackground`) from a connection of
    /// its own, read-only; its result is nil until it is built (it comes back
    /// through `handle`), unless the build ran at once.
    func buildPreview(anonymous: Bool, keepScroll: Bool) -> AppMessage? {
        let result = PreviewResult()
        pendingPreview = result
        let path = store.path, lang = state.lang, settings = exportSettings
        let width = HarvestScreen.previewWidth(state.size)
        let options = HarvestOptions(anonymous: anonymous, language: lang, generatedAt: env.now())
        runInBackground {
            do throws(RundbordError) {
                let reader = try EventStore.open(path: path, readOnly: true)
                defer { reader.close() }
                let document = try Harvest.build(store: reader, options: options)
                let markdown = try Exporter.markdown(document, settings)
                // Laid out here too, so the loop never wraps the whole preview.
                result.put(.loaded(.preview(markdown, mailProblems: Exporter.mailProblems(document), keepScroll: keepScroll,
                                            lines: PreviewLines(width: width, lines: HarvestScreen.lay(markdown, width: width)))))
            } catch {
                result.put(.failed(.read(error.message(lang))))
            }
        }
        guard let done = result.take() else { return nil }
        pendingPreview = nil
        return done
    }

    /// The curation engine over the file as it is, its suggestions, and the event's details.
    func curationData() throws(RundbordError) -> CurationData {
        CurationData(curator: try store.curator(), event: try store.event())
    }

    var exportSettings: ExportSettings {
        ExportSettings(templates: HarvestTemplates(library: templates, language: state.lang))
    }

    func harvestDocument(anonymous: Bool) throws(RundbordError) -> HarvestDocument {
        try Harvest.build(store: store, options: HarvestOptions(anonymous: anonymous, language: state.lang,
                                                                generatedAt: env.now()))
    }

    /// Every chosen format is rendered before any file is written, so an error
    /// (no sender e-mail for the mail, a broken template) writes nothing. The
    /// PDF (a format of its own, and the mail's attachment) is typeset by
    /// rundbord-pdf from the same file with the same options; its messages
    /// come back in the error, never onto the screen.
    func exportHarvest(_ formats: [HarvestOutput], anonymous: Bool) -> AppMessage {
        do {
            let document = try harvestDocument(anonymous: anonymous)
            var settings = exportSettings
            if formats.contains(.pdf) || formats.contains(.eml) {
                // Typeset once, for the file and the mail alike.
                let options = HarvestOptions(anonymous: anonymous, language: state.lang, generatedAt: document.generatedAt)
                let pdf = try PDFProgram.data(file: store.path, options: options, quiet: true)
                settings.pdf = { pdf }
            }
            var rendered: [(String, Data)] = []
            for output in formats {
                var these = settings
                these.excel = output.excel
                rendered.append((output.path(eventFile: store.path, language: state.lang),
                                 try Exporter.render(document, output.format, settings: these)))
            }
            for (path, data) in rendered { try Exporter.write(data, to: path) }
            return .stored(.exported(rendered.map(\.0)))
        } catch {
            return .failed(.export(error.message(state.lang)))
        }
    }

    /// Another terminal (a second note-taker, `rundbord note`, the organiser)
    /// wrote to the file: the shown table's progress, notes and participants
    /// as they are now. nil when nothing changed since the last look (unless `force`).
    func poll(force: Bool) -> AppMessage? {
        guard let token = try? store.changeToken(), force || token != changeToken else { return nil }
        changeToken = token
        do {
            let table = try store.table(number: state.tableNumber)
            var principle: (notes: [Note], agreement: AgreementTally)?
            if let principleId = table.currentPrincipleId {
                principle = (try store.notes(tableId: table.id, principleId: principleId),
                             try store.agreement(tableId: table.id, principleId: principleId))
            }
            return .loaded(.changes(ExternalChanges(table: table, principle: principle,
                                                    participants: try store.participants(),
                                                    leftProgress: try store.leftProgress(of: table))))
        } catch {
            return .failed(.read(error.message(state.lang)))
        }
    }
}

/// The result of a preview built on another thread, handed over once.
final class PreviewResult: @unchecked Sendable {
    private let lock = NSLock()
    private var message: AppMessage?

    func put(_ message: AppMessage) {
        lock.lock(); defer { lock.unlock() }
        self.message = message
    }

    /// The result when it is there, once.
    func take() -> AppMessage? {
        lock.lock(); defer { lock.unlock() }
        defer { message = nil }
        return message
    }
}
