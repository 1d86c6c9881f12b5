import Foundation
import RundbordTestSupport
import RundbordCore
import Testing
@testable import RundbordTUI

/// Screens rendered at 80×24 and 120×40, compared with text files in
/// __Snapshots__ (`RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` re-records).
@Suite struct SnapshotTests {
    /// A table in the middle of a conversation: notes of several kinds, a speaker,
    /// an initiative with details and dots, a running timer.
    static func populated(width: Int, height: Int) throws -> (TempEvent, TableApp, TestBackend) {
        let event = try TempEvent()
        let (app, backend) = try event.app(width: width, height: height)
        app.press(.nextPhase)
        app.type("Mange med handicap står uden for arbejdsmarkedet, fordi jobcentret ikke kender de kooperative virksomheder")
        app.press(.pickSpeaker)
        app.type("åse")
        app.press(.confirmNumber, .saveNote)
        app.type("?Hvordan får vi kommunen med")
        app.press(.saveNote)
        app.type("!Fælles indkøbsportal for socialøkonomiske leverandører")
        app.press(.saveNote, .detailScreen, .nextValue, .selectDown)
        app.type("Københavns Kommune")
        app.press(.confirmNumber)
        app.type("2027")
        app.press(.back, .voteScreen); app.type("4"); app.press(.confirmNumber, .back)
        app.type("\"Vi er små, men vi er mange\" 👍🏽")
        app.press(.saveNote, .toggleTimer)
        event.world.advance(5 * 60 + 12)
        app.type("-Bekymring: udbud er for store til små leverandører")
        app.send([.tick])
        return (event, app, backend)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func sessionScreen(width: Int, height: Int) throws {
        let (_, _, backend) = try Self.populated(width: width, height: height)
        expectSnapshot(backend, "session-\(width)x\(height)")
    }

    @Test func sessionWithSelectionAndEmptyState() throws {
        let (_, app, backend) = try Self.populated(width: 80, height: 24)
        app.press(.deleteToStart, .selectUp, .selectUp)
        expectSnapshot(backend, "session-selected-80x24")
        let event = try TempEvent()
        let (_, empty) = try event.app(width: 80, height: 24)
        expectSnapshot(empty, "session-empty-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func voteScreen(width: Int, height: Int) throws {
        let (_, app, backend) = try Self.populated(width: width, height: height)
        app.press(.voteScreen, .selectDown); app.type("1")
        expectSnapshot(backend, "vote-\(width)x\(height)")
    }

    @Test func detailScreen() throws {
        let (_, app, backend) = try Self.populated(width: 80, height: 24)
        app.press(.deleteToStart, .detailScreen, .selectDown)
        expectSnapshot(backend, "detail-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func projectorScreen(width: Int, height: Int) throws {
        let (event, app, backend) = try Self.populated(width: width, height: height)
        app.press(.projector)
        expectSnapshot(backend, "projector-hidden-\(width)x\(height)")
        app.press(.toggleReveal)
        // Over time, seen after the moment's flash has passed.
        event.world.advance(15 * 60 - AppUpdate.flashSeconds)
        app.send([.tick])
        event.world.advance(AppUpdate.flashSeconds)
        app.send([.tick])
        expectSnapshot(backend, "projector-revealed-overrun-\(width)x\(height)")
    }

    @Test func helpPickerConfirmAndTooSmall() throws {
        let (_, app, backend) = try Self.populated(width: 80, height: 24)
        app.press(.help)
        expectSnapshot(backend, "help-80x24")
        app.press(.back, .pickSpeaker)
        app.type("k")
        expectSnapshot(backend, "picker-80x24")
        app.press(.back, .quit)
        expectSnapshot(backend, "confirm-80x24")
        app.press(.no)
        backend.size = Size(width: 39, height: 12)
        app.send([.resize(backend.size)])
        expectSnapshot(backend, "too-small-39x12")
    }

    /// A laptop's split screen: header, the principle's title, the last notes,
    /// the entry line and what fits of the key bar.
    @Test(arguments: [(60, 20), (40, 12)])
    func compactSession(width: Int, height: Int) throws {
        let (_, app, backend) = try Self.populated(width: 80, height: 24)
        backend.size = Size(width: width, height: height)
        app.send([.resize(backend.size)])
        expectSnapshot(backend, "session-compact-\(width)x\(height)")
    }

    @Test func expandedPrincipleAt120x40AndEnglish() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app(width: 120, height: 40, lang: .en)
        app.type("A note in English")
        app.press(.saveNote)
        expectSnapshot(backend, "session-en-120x40")
        app.press(.togglePrinciple)
        #expect(backend.text.contains("Summary and 3 questions hidden"))
    }
}
