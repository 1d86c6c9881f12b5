import Foundation
import RundbordCore
import RundbordTestSupport
import Testing
@testable import RundbordStore
@testable import RundbordTUI

/// The update function on its own: a state built in memory, messages in,
/// the state and the commands out. No store, no SQLite, no terminal: the
/// results of commands are sent back by hand, as the runner would.
@Suite struct UpdateTests {
    let world = TestWorld()
    var state: AppState

    init() throws {
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let table = RoundTable.new(id: world.newId(), number: 1, vision: vision, now: world.now)
        let søren = Participant(id: world.newId(), name: "Søren Ørsted", organisation: "Kaffe Karma", tableNumber: 1,
                                mayBeNamed: true, updatedAt: world.now)
        state = AppState(lang: .da, eventTitle: "Fælles Værdier, Fælles Vækst",
                         session: TableSession(vision: vision, table: table), participants: [søren],
                         now: world.now, size: Size(width: 80, height: 24))
        state.timeZone = TimeZone(identifier: "UTC")!
    }

    /// Sends `message`; the commands update asks for.
    @discardableResult
    mutating func send(_ message: AppMessage) -> [AppEffect] {
        AppUpdate.update(&state, message, world.env)
    }

    /// Presses the key the key table binds to `command` where keys act now.
    @discardableResult
    mutating func press(_ command: RundbordTUI.Command) throws -> [AppEffect] {
        let key = try #require(KeyTable.key(for: command, on: AppUpdate.effectiveScreen(state)))
        return send(.input(.key(key)))
    }

    mutating func type(_ text: String) {
        for c in text { send(.input(.key(.char(c)))) }
    }

    /// The one write a command list holds: its effects and the session they lead to.
    func persisted(_ commands: [AppEffect]) throws -> (effects: [SessionEffect], session: TableSession?, after: AfterSave) {
        guard commands.count == 1, case let .persist(effects, session, after) = commands[0] else {
            Issue.record("expected one write, got \(commands)")
            throw CancellationError()
        }
        return (effects, session, after)
    }

    @Test mutating func aNoteIsShownAsSavedOnlyWhenTheStoreSaysSo() throws {
        type("Kooperativerne mangler adgang til æøå-kapital")
        let (effects, session, after) = try persisted(try press(.saveNote))
        #expect(after == .noteAdded)
        guard case .saveNote(let note)? = effects.first else { Issue.record("no note written: \(effects)"); return }
        #expect(note.text == "Kooperativerne mangler adgang til æøå-kapital")
        // Written, not yet stored: the entry line keeps the text, the list is unchanged.
        #expect(state.editor.text == note.text)
        #expect(state.session.visibleNotes.isEmpty)

        let next = send(.stored(.session(session, loaded: [], after: after)))
        #expect(state.editor.isBlank)
        #expect(state.session.visibleNotes.map(\.text) == [note.text])
        #expect(state.message == .init(text: TUIText.messageSaved.text(.da), isError: false))
        // The saved draft goes once the note is stored.
        #expect(next == [.saveDraft(nil, tableId: state.session.table.id, report: false)])
    }

    /// The running clock crossing zero rings the bell once and starts one
    /// short flash: not again on the ticks after, nor for a key typed in the
    /// overrun; with the bell switched off it only flashes.
    @Test mutating func theTimeRunningOutRingsAndFlashesOnceAndTheBellCanBeOff() throws {
        for bell in [true, false] {
            try setUp()
            state.bellEnabled = bell
            let step = try persisted(try press(.toggleTimer))
            send(.stored(.session(step.session, loaded: [], after: step.after)))
            var bellsAt: [Int] = []
            var flashingAt: [Int] = []
            // Ticks every half second from 14:58 left until 1:30 over, a key typed now and then.
            world.advance(2)
            for tick in 0..<(15 * 60 + 90) * 2 {
                world.advance(0.5)
                let commands = tick % 7 == 0 ? send(.input(.key(.char("x")))) : send(.input(.tick))
                bellsAt += commands.filter { $0 == .bell }.map { _ in tick }
                if state.isFlashing { flashingAt.append(tick) }
            }
            // 15:00 run out after 2 s + (tick + 1) half seconds: at tick 1795.
            #expect(bellsAt == (bell ? [1795] : []))
            #expect(flashingAt == [1795, 1796], "flashes for \(AppUpdate.flashSeconds) s, then back")
        }
    }

    /// Another terminal moves the table to principle 3 while a draft begun
    /// under principle 1 is half typed: the draft stays with principle 1, the
    /// screen says so before Enter, and Enter files it there. A move made
    /// here, with the draft in sight, takes the draft along.
    @Test mutating func aDraftKeepsItsPrincipleWhenAnotherTerminalMovesTheTable() throws {
        let ids = state.session.principleIds
        type("Fleksjob til dem der står udenfor")
        var moved = state.session.table
        moved.progress = TableProgress(principleIndex: 2, phase: .discuss, timer: TimerState(durationSeconds: 900))
        send(.loaded(.changes(ExternalChanges(table: moved, principle: ([], AgreementTally()), participants: state.participants))))
        #expect(state.session.principleIndex == 2)
        #expect(state.message?.text == "Anden skærm: nu princip 3. Din kladde gemmes under princip 1")
        type(" i dag")
        #expect(state.message == nil)
        var line = Buffer(size: Size(width: 80, height: 1))
        Chrome.status(state, y: 0, into: &line)
        #expect(line.lines[0].contains("Enter gemmer kladden under princip 1, hvor den blev begyndt"), "\(line.lines)")

        let (effects, session, after) = try persisted(try press(.saveNote))
        guard case .saveNote(let note)? = effects.first else { Issue.record("no note written: \(effects)"); return }
        #expect(note.principleId == ids[0])
        #expect(note.text == "Fleksjob til dem der står udenfor i dag")
        send(.stored(.session(session, loaded: [], after: after)))
        #expect(state.message?.text == "Gemt under princip 1, hvor kladden blev begyndt")
        #expect(state.session.visibleNotes.isEmpty, "not shown among principle 3's notes")
        #expect(state.editor.isBlank && state.draftElsewhereIndex == nil)

        // Begun under principle 3, then moved on here with Ctrl-N: it goes along, to principle 4.
        type("Mentorer fra erhvervslivet")
        send(.stored(.session(try persisted(try press(.nextPrinciple)).session, loaded: [], after: .principleChanged)))
        #expect(state.draftElsewhereIndex == nil)
        let here = try persisted(try press(.saveNote))
        guard case .saveNote(let followed)? = here.effects.first else { Issue.record("no note written"); return }
        #expect(followed.principleId == ids[3])
        #expect(here.after == .noteAdded)
    }

    /// A fresh state and session for a test that runs its case twice.
    mutating func setUp() throws {
        self = try UpdateTests()
    }

    /// Ctrl-Z under principle 2 of a note saved under principle 4 goes back
    /// to principle 4 and says what it took back, and where.
    @Test mutating func undoSaysWhatItTookBackAndWhere() throws {
        for _ in 0..<3 { send(.stored(.session(try persisted(try press(.nextPrinciple)).session, loaded: [], after: .principleChanged))) }
        #expect(state.session.principleIndex == 3)
        type("Fælles indkøb på tværs af sektorer og kommuner")
        var step = try persisted(try press(.saveNote))
        send(.stored(.session(step.session, loaded: [], after: step.after)))
        for _ in 0..<2 { send(.stored(.session(try persisted(try press(.previousPrinciple)).session, loaded: [], after: .principleChanged))) }
        #expect(state.session.principleIndex == 1)

        step = try persisted(try press(.undo))
        #expect(step.session?.principleIndex == 3, "the undo is made in sight")
        send(.stored(.session(step.session, loaded: [], after: step.after)))
        let said = try #require(state.message?.text)
        #expect(said.hasPrefix("Fortrudt: notatet »Fælles indkøb på tværs af") && said.hasSuffix("« under princip 4"), "\(said)")

        step = try persisted(try press(.redo))
        send(.stored(.session(step.session, loaded: [], after: step.after)))
        #expect(state.message?.text.hasPrefix("Gentaget: notatet »Fælles indkøb") == true, "\(state.message?.text ?? "")")

        // A reset of the clock that had run is named as such.
        step = try persisted(try press(.toggleTimer))
        send(.stored(.session(step.session, loaded: [], after: step.after)))
        world.advance(90)
        step = try persisted(try press(.resetTimer))
        send(.stored(.session(step.session, loaded: [], after: step.after)))
        step = try persisted(try press(.undo))
        send(.stored(.session(step.session, loaded: [], after: step.after)))
        #expect(state.message?.text == "Fortrudt: nulstillingen af uret under princip 4")
    }

    @Test mutating func aFailedWriteLeavesTheTextInTheEntryLine() throws {
        type("Fælles indkøb")
        _ = try persisted(try press(.saveNote))
        send(.failed(.store("disken er fuld")))
        #expect(state.editor.text == "Fælles indkøb")
        #expect(state.session.visibleNotes.isEmpty)
        #expect(state.message == .init(text: TUIText.messageStoreError.text(.da, "disken er fuld"), isError: true))
    }

    @Test mutating func aRefusedActionSaysWhyAndAsksForNoWrite() throws {
        // Nothing to undo: the engine refuses, inside update.
        #expect(try press(.undo) == [])
        #expect(state.message?.isError == true)
        #expect(state.message?.text == CoreText.ruleNothingToUndo.text(.da))
    }

    @Test mutating func twoEngineActionsOfOneKeyBuildOnEachOther() throws {
        type("!Fælles indkøbsportal")
        let added = try persisted(try press(.saveNote))
        send(.stored(.session(added.session, loaded: [], after: added.after)))
        try press(.detailScreen)
        #expect(state.screen == .detail)
        try press(.selectDown)          // to the owner field
        type("Københavns Kommune")
        try press(.selectDown)          // to the horizon field: asks to write the owner (not sent back here)
        type("2027")
        // Esc writes both fields, the horizon on the session the owner's write leads to.
        let commands = try press(.back)
        #expect(state.screen == .session)
        #expect(commands.count == 2)
        guard case let .persist(_, last?, _)? = commands.last else { Issue.record("\(commands)"); return }
        let note = try #require(last.initiatives.first)
        #expect(note.owner == "Københavns Kommune")
        #expect(note.horizon == "2027")
        // Nothing is shown until the store says so.
        #expect(state.session.initiatives.first?.owner == nil)
    }

    @Test mutating func quittingWithTextAsksFirstThenKeepsItAsTheDraft() throws {
        type("Halvfærdig tanke om ærø")
        #expect(try press(.quit) == [])
        #expect(state.confirmingQuit && !state.quitRequested)
        let commands = try press(.yes)
        #expect(state.quitRequested)
        #expect(commands == [.saveDraft("Halvfærdig tanke om ærø", principleId: state.session.table.currentPrincipleId,
                                        tableId: state.session.table.id, report: false)])
    }

    @Test mutating func aSignalEndsTheProgramAndKeepsTheDraft() {
        type("Ærlig snak")
        let commands = send(.input(.terminate))
        #expect(state.quitRequested)
        #expect(commands == [.saveDraft("Ærlig snak", principleId: state.session.table.currentPrincipleId,
                                        tableId: state.session.table.id, report: false)])
    }

    @Test mutating func ctrlLAsksTheTerminalForAWholeRepaint() throws {
        #expect(try press(.redraw) == [.repaint])
    }

    @Test mutating func theDraftIsAutosavedWhenTypingRests() {
        type("Å")
        #expect(send(.input(.tick)) == [])
        world.advance(1)
        #expect(send(.input(.tick)) == [.saveDraft("Å", principleId: state.session.table.currentPrincipleId,
                                                    tableId: state.session.table.id, report: true)])
    }

    @Test mutating func theReadOnlyTableViewMovesThroughThePrinciplesAndNeverMovesTheTable() throws {
        // Table 2 at its first principle, opened read-only from table 1.
        let table = RoundTable.new(id: world.newId(), number: 2, vision: state.vision, now: world.now)
        send(.loaded(.table(TableSession(vision: state.vision, table: table))))
        #expect(state.screen == .tableView)
        // →: this view asks for the second principle's notes; nothing is written, the table stays.
        let commands = try press(.nextPrinciple)
        #expect(commands == [.viewPrinciple(table: 2, index: 1)])
        let second = table.principleIds[1]
        let note = Note(id: world.newId(), tableId: table.id, principleId: second, kind: .point,
                        text: "Sagt under andet princip", createdAt: world.now)
        send(.loaded(.principleNotes(table: 2, index: 1, notes: [note])))
        #expect(state.shownSession.principle?.id == second)
        #expect(state.shownSession.visibleNotes.map(\.text) == ["Sagt under andet princip"])
        #expect(state.session.table == table)
        var text = Screens.render(state).text
        #expect(text.contains("Princip 2/5 (bordet: 1)"), "\(text)")
        #expect(text.contains("2. " + (state.vision.principle(id: second)?.title.prefix(20) ?? "")))
        #expect(text.contains("Sagt under andet princip"))
        // The notes selected are the view's.
        try press(.selectUp)
        #expect(state.selectedNoteId == note.id)
        // Another writer changes the file: the viewed principle is read again, the view stays on it.
        let changes = ExternalChanges(table: table, principle: ([], AgreementTally()), participants: state.participants)
        #expect(send(.loaded(.changes(changes))) == [.viewPrinciple(table: 2, index: 1)])
        #expect(state.shownSession.principleIndex == 1)
        // ← back to the table's own principle: the view follows the table again, with no read.
        #expect(try press(.previousPrinciple) == [])
        #expect(state.viewedPrinciple == nil)
        text = Screens.render(state).text
        #expect(text.contains("Princip 1/5 │"))
        // Before the first principle: said, nothing asked for.
        #expect(try press(.previousPrinciple) == [])
        #expect(state.message?.isError == true)
        // Esc leaves the view; a late answer for it changes nothing.
        try press(.back)
        send(.loaded(.principleNotes(table: 2, index: 3, notes: [note])))
        #expect(state.viewedPrinciple == nil)
    }

    @Test mutating func anotherWritersNoteArrivesAsAMessage() throws {
        let principle = try #require(state.session.table.currentPrincipleId)
        let note = Note(id: world.newId(), tableId: state.session.table.id, principleId: principle, kind: .point,
                        text: "Skrevet på en anden terminal", createdAt: world.now)
        let changes = ExternalChanges(table: state.session.table, principle: ([note], AgreementTally()),
                                      participants: state.participants)
        #expect(send(.loaded(.changes(changes))) == [])
        #expect(state.session.visibleNotes.map(\.text) == ["Skrevet på en anden terminal"])
        // On the vote screen's table scope, the table's initiatives are read again too.
        state.voteScope = .table
        #expect(send(.loaded(.changes(changes))) == [.loadTableInitiatives(tableId: state.session.table.id)])
    }

    @Test mutating func theDashboardAsksTheStoreAndShowsWhatComesBack() throws {
        let commands = try press(.dashboardScreen)
        #expect(state.screen == .dashboard)
        #expect(commands == [.refresh(table: 1)])
        send(.failed(.read("filen er væk")))
        #expect(state.message == .init(text: "filen er væk", isError: true))
    }

    // MARK: Navigation: a stack of screens, modals on top

    @Test mutating func escReturnsThroughTheStackWithEachScreenAsItWasLeft() throws {
        try press(.dashboardScreen)
        try press(.participantsScreen)
        #expect(state.stack.map(\.id) == [.session, .dashboard, .participants])
        try press(.newParticipant)
        #expect(AppUpdate.effectiveScreen(state) == .participantForm)
        type("Ærø Åkjær")
        // Help over the form, and back to the form with its text.
        try press(.help)
        #expect(state.screen == .help && state.helpReturn == .participants)
        try press(.back)
        #expect(state.roster?.form?.name.text == "Ærø Åkjær")
        try press(.back)                 // closes the form
        let commands = try press(.back)  // closes the participants
        #expect(state.stack.map(\.id) == [.session, .dashboard])
        // The dashboard is read afresh when it shows again.
        #expect(commands == [.refresh(table: 1)])
        try press(.back)
        #expect(state.stack == [.session])
    }

    /// F2 on the dashboard opens the selected table's name, host and note-taker;
    /// Enter asks the runner to store them, and the form closes only once stored.
    @Test mutating func theTableFormIsStoredBeforeItCloses() throws {
        try press(.dashboardScreen)
        func status(_ number: Int, name: String = "", host: String = "") -> DashboardSnapshot.TableStatus {
            .init(id: world.newId(), number: number, name: name, host: host, noteTaker: "", principleId: nil,
                  principleIndex: 0, principleCount: 5, phase: .present, timer: TimerState(durationSeconds: 900),
                  counts: [:], dots: 0, participants: 0, lastActivity: nil)
        }
        send(.loaded(.dashboard(DashboardSnapshot(tables: [status(1), status(2, name: "Grøn", host: "Åse Ørsted")],
                                                  principles: [], topInitiatives: [], participants: 0))))
        try press(.selectDown)
        try press(.editTable)
        #expect(AppUpdate.effectiveScreen(state) == .tableForm)
        #expect(state.dashboard?.form?.number == 2)
        #expect(state.dashboard?.form?.host.text == "Åse Ørsted")
        type(" omstilling")
        try press(.nextField)
        try press(.deleteToStart)
        try press(.nextField)
        type("Bo Æbelø")
        let commands = try press(.saveForm)
        #expect(commands == [.setTableDetails(number: 2, name: "Grøn omstilling", host: "", noteTaker: "Bo Æbelø",
                                              message: "Gemt: Bord 2 · Grøn omstilling · bordvært: ikke angivet · referent: Bo Æbelø")])
        // Not stored yet: the form stays, so a failed write loses nothing typed.
        #expect(state.dashboard?.form != nil)
        send(.failed(.store("disken er fuld")))
        #expect(state.dashboard?.form?.noteTaker.text == "Bo Æbelø")
        let after = send(.stored(.tableDetails(message: "Gemt: Bord 2 · Grøn omstilling")))
        #expect(state.dashboard?.form == nil)
        #expect(state.message == .init(text: "Gemt: Bord 2 · Grøn omstilling", isError: false))
        #expect(after == [.loadDashboard])
    }

    @Test mutating func theProjectorAlwaysReturnsToTheSession() throws {
        try press(.voteScreen)
        try press(.projector)
        #expect(state.stack == [.session, .projector])
        try press(.projector)
        #expect(state.stack == [.session])
    }

    @Test mutating func theQuitQuestionIsALayerOverTheScreenUnderIt() throws {
        try press(.voteScreen)
        state.editor.set("ufærdig")
        try press(.quit)
        #expect(state.modal == .confirmQuit && state.screen == .vote)
        #expect(AppUpdate.effectiveScreen(state) == .confirm)
        try press(.no)
        #expect(state.modal == nil && state.stack == [.session, .vote])
    }

    @Test func aQuotesClosingMarkGoesEvenWithSomethingAfterIt() {
        let vision = state.vision
        #expect(AppUpdate.balancedQuote("\"Vi er mange\"", vision) == "\"Vi er mange")
        #expect(AppUpdate.balancedQuote("\"Vi er små, men vi er mange\" 👍🏽", vision) == "\"Vi er små, men vi er mange 👍🏽")
        #expect(AppUpdate.balancedQuote("\"Han sagde \"ja\" til os\"", vision) == "\"Han sagde \"ja\" til os")
        #expect(AppUpdate.balancedQuote("\"Åben uden slut", vision) == "\"Åben uden slut")
        #expect(AppUpdate.balancedQuote("Ingen citat\"", vision) == "Ingen citat\"")
    }

    // MARK: Scrolling: the frame says how far, update keeps within it

    @Test mutating func helpScrollsByThePageTheFrameReportedAndStopsAtItsEnd() throws {
        try press(.help)
        send(.drawn(Viewport(screen: .help, page: 20, maxScroll: 30)))
        try press(.pageDown)
        #expect(state.help?.scroll == 20)
        try press(.pageDown)
        #expect(state.help?.scroll == 40)
        // The next frame could show no further than 30: ↑ moves back from there at once.
        send(.drawn(Viewport(screen: .help, page: 20, maxScroll: 30)))
        #expect(state.help?.scroll == 30)
        try press(.selectUp)
        #expect(state.help?.scroll == 29)
    }

    @Test mutating func aViewportOfAnotherScreenChangesNothing() throws {
        state.notesScroll = 12
        send(.drawn(Viewport(screen: .help, page: 3, maxScroll: 0)))
        #expect(state.notesScroll == 12)
    }
}

@Suite struct FrameGateTests {
    final class Recorder: TerminalBackend {
        var size = Size(width: 10, height: 3)
        var changes: [FrameChange] = []
        func nextEvent(timeout: TimeInterval) -> InputEvent? { nil }
        func draw(_ buffer: Buffer, changed: FrameChange) { changes.append(changed) }
        func beep() {}
    }

    @Test func onlyChangedRowsReachTheTerminalAndAnEqualFrameNothing() {
        let gate = FrameGate()
        let terminal = Recorder()
        var frame = Buffer(size: terminal.size)
        gate.show(frame, on: terminal)
        gate.show(frame, on: terminal)
        frame.put("æøå", x: 0, y: 1)
        gate.show(frame, on: terminal)
        gate.repaintNext()
        gate.show(frame, on: terminal)
        #expect(terminal.changes == [.all(repaint: false), .rows([1]), .all(repaint: true)])
    }
}
