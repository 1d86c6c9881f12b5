import Foundation
import RundbordCore
import RundbordHarvest
import RundbordTestSupport
import Testing
@testable import RundbordTUI

/// Issue #13 item 16: the harvest screen searches its preview (`/`, Enter,
/// `n`), jumps to its ends (Home/End), offers the CSV for Danish Excel and
/// remembers the chosen formats per event. The update function on its own,
/// then through the runner.
@Suite struct HarvestSearchUpdateTests {
    let world = TestWorld()
    var state: AppState

    /// The harvest screen over a preview of 100 lines; "kooperativ" on lines 30, 60 and 61.
    init() throws {
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let table = RoundTable.new(id: world.newId(), number: 1, vision: vision, now: world.now)
        state = AppState(lang: .da, eventTitle: "Fælles Værdier", session: TableSession(vision: vision, table: table),
                         participants: [], now: world.now, size: Size(width: 80, height: 24))
        _ = AppUpdate.openHarvest(&state)
        let lines = (0..<100).map { i in [30, 60, 61].contains(i) ? "Linje \(i): Et Kooperativ" : "Linje \(i)" }
        AppUpdate.harvestPreviewed(&state, lines.joined(separator: "\n\n"))
    }

    @discardableResult
    mutating func send(_ message: AppMessage) -> [AppEffect] { AppUpdate.update(&state, message, world.env) }

    @discardableResult
    mutating func press(_ command: RundbordTUI.Command) throws -> [AppEffect] {
        let key = try #require(KeyTable.key(for: command, on: AppUpdate.effectiveScreen(state)))
        return send(.input(.key(key)))
    }

    mutating func type(_ text: String) { for c in text { send(.input(.key(.char(c)))) } }

    /// The preview line (as the screen lays it out) of the current match.
    var matchedLine: String? {
        state.harvest?.match.map { HarvestScreen.previewLines(state)[$0] }
    }

    @Test mutating func slashTypesASearchEnterJumpsToTheMatchAndNFindsTheNext() throws {
        #expect(KeyTable.key(for: .searchPreview, on: .harvest) == .char("/"))
        try press(.searchPreview)
        #expect(AppUpdate.effectiveScreen(state) == .harvestSearch)
        // Letters are the search now, not the screen's keys (n, u).
        type("KOOPERATIVN")
        try press(.backspace)
        #expect(state.harvest?.search == "KOOPERATIV")
        #expect(state.harvest?.row == 0)
        try press(.findNext)
        #expect(AppUpdate.effectiveScreen(state) == .harvest)
        #expect(matchedLine == "Linje 30: Et Kooperativ")
        let first = try #require(state.harvest?.match)
        #expect(state.harvest?.scroll == first - 2)
        send(.input(.key(.char("n"))))
        #expect(matchedLine == "Linje 60: Et Kooperativ")
        send(.input(.key(.char("n"))))
        #expect(matchedLine == "Linje 61: Et Kooperativ")
        // After the last, round to the first.
        send(.input(.key(.char("n"))))
        #expect(matchedLine == "Linje 30: Et Kooperativ")
    }

    @Test mutating func aSearchWithNoMatchSaysSoAndEscStopsTyping() throws {
        try press(.searchPreview)
        type("andelskasse")
        try press(.findNext)
        #expect(state.harvest?.match == nil)
        #expect(state.message?.text == "Ingen fund af »andelskasse« i forhåndsvisningen")
        try press(.searchPreview)
        type("x")
        send(.input(.key(.escape)))
        #expect(AppUpdate.effectiveScreen(state) == .harvest)
        #expect(state.harvest?.search == "")
        // Esc again leaves the screen.
        send(.input(.key(.escape)))
        #expect(state.harvest == nil)
    }

    @Test mutating func homeAndEndJumpToThePreviewsEnds() throws {
        #expect(KeyTable.key(for: .home, on: .harvest) == .home)
        #expect(KeyTable.key(for: .end, on: .harvest) == .end)
        send(.drawn(Viewport(screen: .harvest, page: 19, maxScroll: 179)))
        try press(.end)
        #expect(state.harvest?.scroll == 179)
        try press(.home)
        #expect(state.harvest?.scroll == 0)
    }

    @Test mutating func aChosenFormatIsRememberedAndTheNextVisitStartsFromIt() throws {
        #expect(state.harvest?.chosen == [.md, .pdf])
        let row = try #require(HarvestState.formats.firstIndex(of: .excelCSV))
        for _ in 0..<row { try press(.selectDown) }
        let effects = try press(.toggleOption)
        #expect(effects == [.rememberHarvestChoice([.md, .pdf, .excelCSV])])
        try press(.back)
        _ = AppUpdate.openHarvest(&state)
        #expect(state.harvest?.chosen == [.md, .pdf, .excelCSV])
    }
}

@Suite struct HarvestScreenFlowTests {
    @Test func theExcelCSVIsOfferedAndWrittenWithSemicolonsAndAByteOrderMark() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp()
        app.press(.harvestScreen)
        #expect(backend.text.contains("[ ] excel-csv dansk Excel"))
        app.toggle(.pdf)
        app.toggle(.csv)
        app.toggle(.excelCSV)
        app.press(.export)
        #expect(app.state.message?.isError == false, "\(app.state.message?.text ?? "")")
        let base = event.directory.appendingPathComponent("test").path
        let excel = try Data(contentsOf: URL(fileURLWithPath: base + ".excel.csv"))
        let plain = try Data(contentsOf: URL(fileURLWithPath: base + ".csv"))
        #expect(excel.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!plain.starts(with: [0xEF, 0xBB, 0xBF]))
        let header = String(decoding: excel.dropFirst(3).prefix { $0 != 0x0D }, as: UTF8.self)
        #expect(header == HarvestText.csvNotesHeader.text(.da).replacingOccurrences(of: "|", with: ";"))
    }

    @Test func theChosenFormatsAreRememberedForTheEventAcrossRuns() throws {
        let event = try TempEvent.organiserScene()
        let state = TempFolder(prefix: "rundbord-state")
        let choices = HarvestChoices(file: state.path("rundbord/harvest-choices.json"))
        func app() throws -> TableApp {
            let app = try TableApp(store: event.store, tableNumber: nil, backend: TestBackend(width: 80, height: 24),
                                   lang: .da, env: event.world.env, choices: choices)
            app.runInBackground = { $0() }
            app.draw()
            return app
        }
        let first = try app()
        first.press(.harvestScreen)
        first.toggle(.json)
        first.toggle(.pdf)
        let second = try app()
        second.press(.harvestScreen)
        #expect(second.state.harvest?.chosen == [.md, .json])
        // Another event (another id) has no remembered choice: it starts from the usual one.
        #expect(choices.load(event: UUID()) == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: choices.file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theSearchIsHighlightedInThePreview() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp()
        app.press(.harvestScreen, .searchPreview)
        app.type("indkøb")
        #expect(backend.text.contains("Søg: indkøb"))
        app.press(.findNext)
        expectSnapshot(backend, "harvest-search-80x24")
    }
}

/// The harvest preview is built off the input loop: on a large event it took
/// seconds (15 s at 200,000 notes) during which no key was read.
@Suite struct HarvestPreviewInBackgroundTests {
    /// Builds held until the test runs them.
    final class Held: @unchecked Sendable {
        var jobs: [@Sendable () -> Void] = []
        func runNext() { jobs.removeFirst()() }
    }

    @Test func keysWorkWhileThePreviewIsBuiltAndItArrivesOnTheNextTurn() throws {
        let event = try TempEvent.organiserScene()
        let (app, backend) = try event.dashboardApp()
        let held = Held()
        app.runInBackground = { held.jobs.append($0) }
        app.press(.harvestScreen)
        // Before: the key returned only once the preview was built.
        #expect(app.state.harvest?.preview == nil)
        #expect(app.state.harvest?.building == true)
        #expect(backend.text.contains("Bygger forhåndsvisning"))
        app.press(.selectDown, .toggleOption)
        #expect(app.state.harvest?.row == 1)
        #expect(app.state.harvest?.chosen == [.md])
        held.runNext()
        app.send([.tick])
        #expect(app.state.harvest?.preview?.contains("# Opsamling") == true)
        #expect(app.state.harvest?.building == false)
        #expect(!backend.text.contains("Bygger forhåndsvisning"))
        // Laid out off the loop as well: a frame does not wrap the whole preview again.
        let laid = try #require(app.state.harvest?.lines)
        #expect(laid.width == HarvestScreen.previewWidth(app.state.size))
        #expect(laid.lines == HarvestScreen.lay(app.state.harvest?.preview ?? "", width: laid.width))
        #expect(HarvestScreen.previewLines(app.state) == laid.lines)
        // A rebuild (u) keeps the old preview readable and says it is building.
        app.press(.refreshPreview)
        #expect(backend.text.contains("— bygger …"))
        held.runNext()
        app.send([.tick])
        #expect(!backend.text.contains("— bygger …"))
    }

    @Test func escWhileThePreviewIsBuiltLeavesAtOnceAndTheLateResultChangesNothing() throws {
        let event = try TempEvent.organiserScene()
        let (app, _) = try event.dashboardApp()
        let held = Held()
        app.runInBackground = { held.jobs.append($0) }
        app.press(.harvestScreen, .back)
        #expect(app.state.screen == .dashboard)
        held.runNext()
        app.send([.tick])
        #expect(app.state.screen == .dashboard)
        #expect(app.state.harvest == nil)
    }

    @Test func onAThreadThePreviewArrivesWithoutAKey() throws {
        let event = try TempEvent.organiserScene()
        let (app, _) = try event.dashboardApp()
        app.runInBackground = { job in Thread.detachNewThread(job) }
        app.press(.harvestScreen)
        let deadline = Date().addingTimeInterval(20)
        while app.state.harvest?.preview == nil && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            app.send([.tick])
        }
        #expect(app.state.harvest?.preview?.contains("# Opsamling") == true)
    }
}
