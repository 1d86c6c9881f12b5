import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarvest
import RundbordProcess
import RundbordStore
import Testing
@testable import RundbordTUI

extension TempEvent {
    /// The dashboard on its own, as `rundbord dashboard FILE` opens it.
    func dashboardApp(width: Int = 80, height: Int = 24, lang: Language = .da) throws -> (TableApp, TestBackend) {
        let backend = TestBackend(width: width, height: height)
        let app = try TableApp(store: store, tableNumber: nil, backend: backend, lang: lang, env: world.env)
        // The harvest preview built at once, so a test sees it after the key.
        app.runInBackground = { $0() }
        app.timeZone = TimeZone(identifier: "UTC")!
        app.draw()
        return (app, backend)
    }

    /// A note written through a second connection to the file, as another process writes it.
    func noteFromAnotherProcess(table: Int, _ text: String, dots: Int? = nil) throws {
        let other = try EventStore.open(path: path)
        defer { other.close() }
        var session = try other.session(tableNumber: table)
        let effects = try session.reduce(.addNote(text: text, kind: nil, speakerId: nil, speakerOrganisation: nil), world.env)
        _ = try other.perform(effects, now: world.now)
        if let dots, let note = session.visibleNotes.last {
            _ = try other.perform(try session.reduce(.setDots(note.id, dots), world.env), now: world.now)
        }
    }

    /// Three tables in different states: notes, an initiative with dots, a
    /// countdown in its last two minutes, one table that has not begun.
    static func organiserScene() throws -> TempEvent {
        let event = try TempEvent(tables: 3)
        let (one, _) = try event.app(table: 1)
        one.type("Mange med handicap står uden for arbejdsmarkedet")
        one.press(.saveNote)
        one.type("?Hvordan får vi kommunen med")
        one.press(.saveNote, .toggleTimer)
        event.world.advance(6 * 60)
        let (two, _) = try event.app(table: 2)
        two.press(.nextPhase)
        two.type("!Fælles indkøbsportal for socialøkonomiske leverandører")
        two.press(.saveNote, .voteScreen); two.type("4"); two.press(.confirmNumber, .back)
        two.type("!Mentorordning mellem kooperativer")
        two.press(.saveNote, .voteScreen, .selectDown); two.type("2"); two.press(.confirmNumber, .back)
        event.world.advance(8 * 60)
        // The organiser has written what happens next (an empty one is asked about before exporting).
        var details = try event.store.event()
        details.nextSteps = "Økonomiforvaltningen lægger en sag for udvalget i marts."
        try event.store.save(event: details)
        return event
    }
}

@Suite struct OrganiserSnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func dashboard(width: Int, height: Int) throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp(width: width, height: height)
        app.press(.selectDown)
        expectSnapshot(backend, "dashboard-\(width)x\(height)")
        // The countdown of table 1 is in its last two minutes: drawn in the warning style.
        let row = backend.lines.firstIndex { $0.contains("⏵ 01:00") }
        #expect(row != nil)
        if let row, let frame = backend.frame {
            let x = Array(backend.lines[row]).firstIndex(of: "⏵").map { Int($0) } ?? 0
            #expect(frame[x, row].style == Theme.timerWarning)
            #expect(frame[x, row].style.underline, "the warning style marks the countdown without colour too")
        }
        // Two minutes on, the time box is overrun: "+", and the overrun style.
        event.world.advance(120)
        app.send([.tick])
        let over = try #require(backend.lines.firstIndex { $0.contains("⏵ +01:00") }, "\(backend.text)")
        let x = Array(backend.lines[over]).firstIndex(of: "⏵").map { Int($0) } ?? 0
        #expect(backend.frame?[x, over].style == Theme.timerOverrun)
    }

    @Test func principlesAreToldApartByWhatFollowsTheirCommonFirstWords() throws {
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let short = DashboardScreen.shortTitles(vision)
        #expect(short[vision.principles[0].id] == "skabe et rummeligt og inkluderende erhvervsliv og arbejdsmarked")
        #expect(short[vision.principles[1].id]?.hasPrefix("købe ind") == true)
    }

    @Test func initiativesWithoutDotsAreNotListedAsMostDots() throws {
        let event = try TempEvent(tables: 2)
        try event.noteFromAnotherProcess(table: 1, "!Fælles indkøbsportal for små leverandører")
        let (app, backend) = try event.dashboardApp()
        #expect(backend.text.contains("Flest prikker"))
        #expect(backend.text.contains("Ingen prikker endnu"), "\(backend.text)")
        #expect(!backend.text.contains("Fælles indkøbsportal"), "\(backend.text)")
        try event.noteFromAnotherProcess(table: 2, "!Mentorordning mellem kooperativer", dots: 2)
        event.world.advance(1)
        app.send([.tick])
        #expect(backend.text.contains("B2 Mentorordning"), "\(backend.text)")
        #expect(!backend.text.contains("Fælles indkøbsportal"))
        #expect(!backend.text.contains("Ingen prikker endnu"))
    }

    @Test func tableViewIsMarkedReadOnly() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp()
        app.press(.selectDown, .openTable)
        expectSnapshot(backend, "table-view-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func participants(width: Int, height: Int) throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.app(width: width, height: height, table: 1)
        app.press(.participantsScreen)
        expectSnapshot(backend, "participants-\(width)x\(height)")
    }

    @Test func participantForm() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.app(table: 1)
        app.press(.participantsScreen, .newParticipant)
        app.type("Ida Holm")
        app.press(.nextField, .nextField)
        app.type("ida@")
        app.press(.saveForm)
        expectSnapshot(backend, "participant-form-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func harvest(width: Int, height: Int) throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp(width: width, height: height)
        // Past the first page, whose date line is in the machine's time zone.
        app.press(.harvestScreen, .selectDown, .selectDown, .toggleOption, .pageDown)
        expectSnapshot(backend, "harvest-\(width)x\(height)")
    }
}

@Suite struct DashboardFlowTests {
    @Test func aNoteWrittenByAnotherProcessAppearsOnTheNextTickAndOnlyThenIsTheDashboardRead() throws {
        let event = try TempEvent(tables: 3)
        let (app, backend) = try event.dashboardApp()
        #expect(backend.text.contains("3 borde · 0 notater"))
        let reads = app.dashboardReads
        // Ticks without changes do not read the dashboard again.
        for _ in 0..<5 { event.world.advance(0.25); app.send([.tick]) }
        #expect(app.dashboardReads == reads)

        try event.noteFromAnotherProcess(table: 3, "!Kommunen køber ind hos kooperativer", dots: 7)
        #expect(!backend.text.contains("Kommunen køber ind"))
        event.world.advance(0.25)
        app.send([.tick])
        #expect(app.dashboardReads == reads + 1)
        #expect(backend.text.contains("3 borde · 1 notat · 1 indsats"))
        #expect(backend.text.contains("7 ● B3 Kommunen køber ind"))
        let row = backend.lines.first { $0.hasPrefix("     3 ") || $0.hasPrefix("▶    3 ") }
        #expect(row?.contains("lige nu") == true, "\(backend.text)")

        // Minutes later the activity column says how long ago.
        event.world.advance(3 * 60)
        app.send([.tick])
        #expect(backend.lines.contains { $0.contains("3 min siden") })
    }

    @Test func twentyTablesScrollAt80x24() throws {
        let event = try TempEvent(tables: 20)
        let (app, backend) = try event.dashboardApp()
        #expect(backend.text.contains("1–13 af 20 borde"))
        app.press(.selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown, .selectDown)
        #expect(backend.text.contains("8–20 af 20 borde"))
        #expect(backend.lines.contains { $0.hasPrefix("▶   20 ") })
        app.press(.pageUp, .pageUp)
        #expect(backend.lines.contains { $0.hasPrefix("▶    1 ") || $0.hasPrefix("▶    2 ") })
    }

    @Test func aTableOpensReadOnlyAndTheHomeTableKeepsItsDraft() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.app(table: 1)
        app.type("halvskrevet tanke")
        app.press(.dashboardScreen)
        #expect(app.state.screen == .dashboard)
        #expect(backend.header.contains("Overblik"))
        // Table 2, read-only: typing and F2 change nothing, and the screen says so.
        app.press(.selectDown, .openTable)
        #expect(app.state.screen == .tableView)
        #expect(backend.text.contains("SKRIVEBESKYTTET · bord 2"))
        #expect(backend.text.contains("Fælles indkøbsportal"))
        let before = try event.store.allNotes().count
        app.type("x")
        app.send(keys: [.function(2), .function(8), .enter, .tab])
        #expect(backend.text.contains("Skrivebeskyttet: bordet ændres ved bordets egen terminal"))
        #expect(try event.store.allNotes().count == before)
        #expect(try event.store.table(number: 2).progress.phase == .discuss)
        // A read-only table is live too.
        try event.noteFromAnotherProcess(table: 2, "Skrevet ved bord 2 imens")
        event.world.advance(0.3)
        app.send([.tick])
        #expect(backend.text.contains("Skrevet ved bord 2 imens"))
        // Esc: the dashboard; Esc: the home table, writable, the draft still there.
        app.press(.back)
        #expect(app.state.screen == .dashboard)
        app.press(.back)
        #expect(app.state.screen == .session)
        #expect(app.state.tableNumber == 1)
        #expect(app.state.editor.text == "halvskrevet tanke")
        app.press(.saveNote)
        #expect(try event.notes(table: 1).map(\.text).contains("halvskrevet tanke"))
        #expect(try event.notes(table: 2).map(\.text).contains("halvskrevet tanke") == false)
    }

    @Test func theReadOnlyTableViewReadsAnotherPrinciplesNotesFromTheStore() throws {
        let event = try TempEvent.organiserScene()
        // Table 3 said something under its second principle and is back at its first.
        let (three, _) = try event.app(table: 3)
        three.press(.nextPrinciple)
        three.type("Kooperativ kantine på rådhuset")
        three.press(.saveNote, .previousPrinciple)
        let (app, backend) = try event.app(table: 1)
        app.press(.dashboardScreen, .selectDown, .selectDown, .openTable)
        #expect(backend.text.contains("SKRIVEBESKYTTET · bord 3"))
        #expect(!backend.text.contains("Kooperativ kantine"))
        #expect(backend.keyBar.contains("←Forrige princip →Næste princip"), "\(backend.keyBar)")
        app.press(.nextPrinciple)
        #expect(backend.text.contains("Kooperativ kantine på rådhuset"), "\(backend.text)")
        expectSnapshot(backend, "table-view-another-principle-80x24")
        #expect(try event.store.table(number: 3).progress.principleIndex == 0)
    }

    /// A principle the table has left shows the phase and clock it was left
    /// with; one it has not reached, a fresh clock; its own, the running one.
    @Test func theReadOnlyTableViewShowsEachPrinciplesKeptClock() throws {
        let event = try TempEvent.organiserScene()
        // Table 3 spends 1:10 of principle 2 in Drøftelse, then goes back to principle 1 and starts its clock.
        let (three, _) = try event.app(table: 3)
        three.press(.nextPrinciple, .nextPhase, .toggleTimer)
        event.world.advance(70)
        three.press(.previousPrinciple, .toggleTimer)
        event.world.advance(30)
        let (app, backend) = try event.app(table: 1)
        app.press(.dashboardScreen, .selectDown, .selectDown, .openTable)
        #expect(backend.lines[0].contains("Princip 1/5 │ Præsentation │ ⏵ 14:30"), "\(backend.lines[0])")
        app.press(.nextPrinciple)
        #expect(backend.lines[0].contains("Princip 2/5 (bordet: 1) │ Drøftelse │ ⏸ 13:50"), "\(backend.lines[0])")
        app.press(.nextPrinciple)
        #expect(backend.lines[0].contains("Princip 3/5 (bordet: 1) │ Præsentation │ ⏸ 15:00"), "\(backend.lines[0])")
        // Nothing of it was written: the table is still at its first principle, its clock running.
        let table = try event.store.table(number: 3)
        #expect(table.progress.principleIndex == 0 && table.progress.timer.isRunning)
    }

    /// F2 on the dashboard: the selected table's name, host and note-taker, saved
    /// through the store as `rundbord table` saves them, shown on the dashboard
    /// and in the harvest's appendix.
    @Test(arguments: [(80, 24), (120, 40)])
    func aTablesNameHostAndNoteTakerAreSetFromTheDashboard(width: Int, height: Int) throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp(width: width, height: height)
        app.press(.selectDown)
        #expect(backend.lines[height - 2].contains("Bord 2 · bordvært: ikke angivet · referent: ikke angivet"),
                "\(backend.lines[height - 2])")
        #expect(backend.keyBar.contains("F2Ret"), "\(backend.keyBar)")
        app.press(.editTable)
        #expect(AppUpdate.effectiveScreen(app.state) == .tableForm)
        app.type("Kantinen på Rådhuset")
        app.press(.nextField)
        app.type("Mette Kjærgård")
        app.press(.nextField)
        app.type("Jens Østergård")
        expectSnapshot(backend, "table-form-\(width)x\(height)")
        // F1 over the form lists the form's keys first; Esc is back in the form with its text.
        app.press(.help)
        #expect(backend.lines[1].contains("Bordets navn, vært og referent"), "\(backend.text)")
        app.press(.back)
        #expect(app.state.dashboard?.form?.noteTaker.text == "Jens Østergård")
        app.press(.saveForm)
        #expect(app.state.dashboard?.form == nil)
        let table = try event.store.table(number: 2)
        #expect([table.name, table.host, table.noteTaker] == ["Kantinen på Rådhuset", "Mette Kjærgård", "Jens Østergård"])
        #expect(backend.text.contains("✓ Gemt: Bord 2 · Kantinen på Rådhuset · bordvært: Mette Kjærgård"), "\(backend.text)")
        app.press(.selectUp, .selectDown)
        // At 80 columns the line ends in "…" after a whole word.
        #expect(backend.lines[height - 2].contains(width > 80 ? "Bord 2 · Kantinen på Rådhuset · bordvært: Mette Kjærgård · referent: Jens Østergård"
                                                   : "Bord 2 · Kantinen på Rådhuset · bordvært: Mette Kjærgård · referent: Jens…"),
                "\(backend.lines[height - 2])")
        // The harvest's appendix names them under the table, as after `rundbord table`.
        let document = try Harvest.build(store: event.store, options: HarvestOptions(language: .da, generatedAt: event.world.now))
        let markdown = try Exporter.markdown(document, ExportSettings(templates: HarvestTemplates(library: TemplateLibrary(), language: .da)))
        #expect(markdown.contains("### Bord 2: Kantinen på Rådhuset"), "\(markdown)")
        #expect(markdown.contains("Bordvært: Mette Kjærgård. Referent: Jens Østergård."))

        // Opened again it holds what is stored; an emptied field clears it; Esc saves nothing.
        app.press(.editTable, .nextField, .deleteToStart, .saveForm)
        #expect(try event.store.table(number: 2).host == "")
        #expect(try event.store.table(number: 2).name == "Kantinen på Rådhuset")
        app.press(.editTable)
        app.type(" og kælderen")
        app.press(.back)
        #expect(app.state.dashboard?.form == nil)
        #expect(try event.store.table(number: 2).name == "Kantinen på Rådhuset")
    }

    /// Too small for the dashboard (a 60×20 split screen): the form is not
    /// typed into out of sight, and Esc closes it.
    @Test func theTableFormTakesNoTypingWhileTheWindowIsTooSmall() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.app(table: 1)
        app.press(.dashboardScreen, .editTable)
        app.type("Bord ved vinduet")
        backend.size = Size(width: 60, height: 20)
        app.send([.resize(backend.size)])
        #expect(backend.text.contains("Vinduet er 60×20"), "\(backend.text)")
        app.type(" og døren")
        app.send(keys: [.enter])
        #expect(app.state.dashboard?.form?.name.text == "Bord ved vinduet")
        #expect(try event.store.table(number: 1).name == "")
        app.send(keys: [.escape])
        #expect(app.state.dashboard?.form == nil)
        backend.size = Size(width: 80, height: 24)
        app.send([.resize(backend.size)])
        #expect(app.state.screen == .dashboard)
        #expect(try event.store.table(number: 1).name == "")
    }

    @Test func theDashboardOnItsOwnHasNoTableToReturnTo() throws {
        let event = try TempEvent()
        let (app, backend) = try event.dashboardApp()
        app.press(.back)
        #expect(app.state.screen == .dashboard)
        #expect(backend.text.contains("F10 afslutter"))
        app.press(.quit)
        #expect(app.state.quitRequested)
        // Nothing was written as a draft for any table.
        #expect(try event.store.draft(tableId: event.store.table(number: 1).id) == nil)
    }
}

@Suite struct ParticipantsFlowTests {
    func person(_ event: TempEvent, _ name: String) throws -> Participant? {
        let other = try EventStore.open(path: event.path)
        defer { other.close() }
        return try other.participants().first { $0.name == name }
    }

    @Test func addEditMoveConsentAndDeleteReachTheStore() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app(table: 1)
        app.press(.participantsScreen)
        #expect(backend.header.contains("Deltagere (3)"))
        #expect(app.state.screen == .participants)

        // Add: a bad address is refused with the catalogue's message, nothing is stored.
        app.press(.newParticipant)
        app.type("Ida Holm")
        app.press(.nextField)
        app.type("Andelskassen")
        app.press(.nextField)
        app.type("ida@andel")
        app.press(.saveForm)
        #expect(backend.text.contains("'ida@andel' er ikke en gyldig e-mailadresse"))
        #expect(try person(event, "Ida Holm") == nil)
        app.type(".dk")
        app.press(.nextField, .nextValue, .nextField); app.type(" "); app.press(.saveForm)
        let ida = try #require(try person(event, "Ida Holm"))
        #expect(ida.organisation == "Andelskassen")
        #expect(ida.email == "ida@andel.dk")
        #expect(ida.tableNumber == 2)
        #expect(ida.mayBeNamed)
        #expect(backend.text.contains("Ida Holm er tilføjet"))
        #expect(app.state.roster?.form == nil)

        // Edit: the selected participant (Ida, just added) gets a new name; an empty name is refused.
        app.press(.editParticipant, .deleteToStart)
        app.press(.saveForm)
        #expect(backend.text.contains("Navnet mangler"))
        app.type("Ida Holm-Jensen")
        app.press(.saveForm)
        #expect(try person(event, "Ida Holm-Jensen")?.id == ida.id)

        // Move: > to the next table, < back; past the last table comes "no table".
        app.press(.nextTable)
        #expect(try person(event, "Ida Holm-Jensen")?.tableNumber == nil)
        #expect(backend.text.contains("Uden bord"))
        app.press(.previousTable)
        #expect(try person(event, "Ida Holm-Jensen")?.tableNumber == 2)

        // Consent off with Space.
        app.press(.toggleConsent)
        #expect(try person(event, "Ida Holm-Jensen")?.mayBeNamed == false)

        // Delete: the first F8 asks, the second deletes.
        app.press(.deleteParticipant)
        #expect(try person(event, "Ida Holm-Jensen") != nil)
        #expect(backend.text.contains("Tryk F8 igen"))
        app.press(.deleteParticipant)
        #expect(try person(event, "Ida Holm-Jensen") == nil)

        // Back at the table, the picker knows the roster.
        app.press(.back)
        #expect(app.state.screen == .session)
        #expect(app.state.participants.count == 3)
    }

    @Test func controlCharactersInNamesDoNotReachTheScreenOrTheStore() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app(table: 1)
        app.press(.participantsScreen, .newParticipant)
        app.send([.paste("Bo\u{1B}[2J Berg\n")])
        app.press(.saveForm)
        let stored = try #require(try event.store.participants().first { $0.name.hasPrefix("Bo") && $0.name != "Bo Berg" })
        #expect(!stored.name.unicodeScalars.contains { $0.value < 0x20 })
        #expect(!backend.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}

extension TableApp {
    /// Moves to `row` of the harvest screen's options and switches it, whatever the order of the rows.
    func toggleHarvestRow(_ row: Int) {
        let current = state.harvest?.row ?? 0
        for _ in 0..<abs(row - current) { press(row > current ? .selectDown : .selectUp) }
        press(.toggleOption)
    }
    func toggle(_ format: HarvestOutput) { toggleHarvestRow(HarvestState.formats.firstIndex(of: format)!) }
    func toggleAnonymous() { toggleHarvestRow(HarvestState().anonymousRow) }
}

@Suite struct HarvestFlowTests {
    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func exportWritesTheChosenFormatsNextToTheEventFileOwnerOnly() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.app(table: 1)
        app.press(.harvestScreen)
        #expect(app.state.screen == .harvest)
        #expect(backend.text.contains("# Opsamling: Fælles Værdier, Fælles Vækst"))
        // md and pdf are chosen to begin with: md stays on, pdf off, csv and json on.
        #expect(app.state.harvest?.chosen == [.md, .pdf])
        app.toggle(.pdf)
        app.toggle(.csv)
        app.toggle(.json)
        app.press(.export)
        let base = event.directory.appendingPathComponent("test").path
        for ext in ["md", "csv", "json"] {
            #expect(FileManager.default.fileExists(atPath: base + "." + ext), "\(ext) missing")
            #expect(try mode(base + "." + ext) == 0o600)
        }
        for ext in ["pdf", "txt", "eml", "initiatives.csv"] { #expect(!FileManager.default.fileExists(atPath: base + "." + ext)) }
        #expect(backend.text.contains("3 filer skrevet i"))
        #expect(backend.text.contains("✓ test.md"))
        let md = try String(contentsOfFile: base + ".md", encoding: .utf8)
        #expect(md.contains("Fælles indkøbsportal for socialøkonomiske leverandører"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as? [String: Any]
        #expect(json?["schema"] as? String == HarvestDocument.schemaName)
    }

    @Test func thePreviewSaysWhenTheTablesWroteAndUpdatesInPlace() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp()
        app.press(.harvestScreen, .pageDown)
        let scroll = try #require(app.state.harvest?.scroll)
        #expect(scroll > 0)
        #expect(app.state.harvest?.preview?.contains("Kooperativ skole") == false)
        try event.noteFromAnotherProcess(table: 3, "!Kooperativ skole", dots: 9)
        event.world.advance(0.3)
        app.send([.tick])
        #expect(backend.text.contains("* Forhåndsvisningen er ældre end bordenes seneste notater — u opdaterer"))
        app.press(.refreshPreview)
        #expect(app.state.harvest?.preview?.contains("Kooperativ skole") == true)
        #expect(app.state.harvest?.scroll == scroll)
        #expect(!backend.text.contains("Forhåndsvisningen er ældre"))
        // An export reads the file afresh whatever the preview shows.
        try event.noteFromAnotherProcess(table: 3, "!Fælles bogholderi", dots: 1)
        app.press(.export)
        let md = try String(contentsOfFile: event.directory.appendingPathComponent("test.md").path, encoding: .utf8)
        #expect(md.contains("Fælles bogholderi"))
    }

    /// The PDF is offered and chosen to begin with; the mail attaches it. It
    /// is typeset by rundbord-pdf, which `swift build` puts beside the tests.
    @Test func thePDFIsWrittenAndTheMailAttachesIt() throws {
        let event = try TempEvent.organiserScene()
        var details = try event.store.event()
        details.organiser = "Mette Kirkegaard"
        details.organiserEmail = "mette@kk.example"
        try event.store.save(event: details)
        let (app, backend) = try event.dashboardApp()
        app.press(.harvestScreen)
        #expect(backend.text.contains("[x] pdf til mail og print"))
        app.toggle(.eml)
        app.press(.export)
        #expect(app.state.message?.isError == false, "\(app.state.message?.text ?? "")")
        let base = event.directory.appendingPathComponent("test").path
        let pdf = try Data(contentsOf: URL(fileURLWithPath: base + ".pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(try mode(base + ".pdf") == 0o600)
        let eml = try String(contentsOfFile: base + ".eml", encoding: .utf8)
        #expect(eml.contains("Content-Type: application/pdf"))
        #expect(!eml.contains("text/markdown"))
        #expect(backend.text.contains("3 filer skrevet i"))
    }

    /// An attachment listed without a file (as the bundled vision's "Bilag 1:
    /// Visionspapir" is until it is given one): with the mail chosen, the
    /// screen says the mail will not carry it.
    @Test func anAttachmentWithoutAFileIsFlaggedWhenTheMailIsChosen() throws {
        let event = try TempEvent.organiserScene()
        var details = try event.store.event()
        details.attachments = [EventAttachment(name: "Bilag 1: Visionspapir", path: nil)]
        try event.store.save(event: details)
        let (app, backend) = try event.dashboardApp()
        app.press(.harvestScreen)
        #expect(app.state.harvest?.mailProblems == [.attachmentWithoutFile("Bilag 1: Visionspapir")])
        #expect(!backend.text.contains("har ingen fil"))
        app.toggle(.eml)
        let flat = backend.lines.map { $0.prefix(28).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("⚠ Bilaget »Bilag 1: Visionspapir« har ingen fil og kommer ikke med i mailen"), "\(backend.text)")
    }

    @Test func theMailWithoutASenderIsRefusedAndNothingIsWritten() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.app(table: 1)
        app.press(.harvestScreen)
        app.toggle(.eml)
        app.press(.export)
        let base = event.directory.appendingPathComponent("test").path
        for ext in ["md", "pdf", "eml"] { #expect(!FileManager.default.fileExists(atPath: base + "." + ext)) }
        let expected = RundbordError(HarvestText.noSenderEmail, exit: .config).message(.da)
        #expect(app.state.message?.text.contains(expected) == true)
        #expect(backend.text.contains("IKKE EKSPORTERET"))
    }

    @Test func anonymousLeavesNamesOutOfThePreviewAndTheFiles() throws {
        let event = try TempEvent.organiserScene()
        // Søren may be named; a note credited to him shows his name unless anonymous.
        let (one, _) = try event.app(table: 1)
        one.type("Vi skal dele lokaler")
        one.press(.pickSpeaker)
        one.type("søren")
        one.press(.confirmNumber, .saveNote)
        one.press(.harvestScreen)
        #expect(one.state.harvest?.preview?.contains("Søren Ørsted") == true)
        one.toggleAnonymous()
        #expect(one.state.harvest?.anonymous == true)
        #expect(one.state.harvest?.preview?.contains("Søren Ørsted") == false)
        one.press(.export)
        let md = try String(contentsOfFile: event.directory.appendingPathComponent("test.md").path, encoding: .utf8)
        #expect(!md.contains("Søren"))
        // The PDF, typeset by another program, is anonymous too.
        let pdftotext = "/usr/bin/pdftotext"
        if FileManager.default.isExecutableFile(atPath: pdftotext) {
            let pdf = event.directory.appendingPathComponent("test.pdf").path
            let result = try Subprocess.run(pdftotext, ["-enc", "UTF-8", pdf, "-"])
            #expect(result.status == 0 && result.stdout.contains("Vi skal dele lokaler"), "\(result.stderr)")
            #expect(!result.stdout.contains("Søren"))
        }
    }
}
