import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import Testing

/// Issue #5's "two panes": a table session and the organiser's dashboard, two
/// real processes on one event file, each in its own terminal.
@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct DashboardEndToEndTests {
    let directory = TableScreenProcess.temporaryDirectory()
    var file: String { directory + "/two-panes.rundbord" }
    let binary = TableScreenProcess.quote(Binary.rundbord)

    init() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let created = try rundbord(["new", file, "--tables", "3"])
        try #require(created.status == 0, "rundbord new failed: \(created.stderr)")
    }

    @Test func aNoteSavedAtTheTableAppearsOnTheDashboardByItself() throws {
        let table = try Tmux(command: "exec \(binary) run \(TableScreenProcess.quote(file)) --table 2",
                             environment: TableScreenProcess.environment)
        defer { table.close() }
        let dashboard = try Tmux(command: "\(binary) dashboard \(TableScreenProcess.quote(file)); echo \"rc=$?\"; sleep 30",
                                 environment: TableScreenProcess.environment)
        defer { dashboard.close() }
        #expect(try table.waitFor("Notater (0)").found)
        let opened = try dashboard.waitFor("3 borde · 0 notater")
        #expect(opened.found, "\(opened.screen)")
        #expect(opened.screen.contains("Ingen indsatser endnu"))

        try table.type("!Fælles indkøbsportal")
        try table.send("Enter")
        #expect(try table.waitFor("✓ Gemt").found)
        // Nothing is pressed on the dashboard: it finds the note itself. How
        // soon is a benchmark figure (`rundbord-bench --only dashboard`), not a test.
        let shown = try dashboard.waitFor("3 borde · 1 notat · 1 indsats")
        #expect(shown.found, "\(shown.screen)")
        // No dots yet: not listed among the most voted.
        #expect(shown.screen.contains("Ingen prikker endnu"), "\(shown.screen)")
        let row = shown.screen.split(separator: "\n").first { $0.hasPrefix("     2 ") || $0.hasPrefix("▶    2 ") }
        #expect(row?.contains("lige nu") == true, "\(shown.screen)")

        // The timer started at the table runs on the dashboard too.
        try table.send("F5")
        let running = try dashboard.waitFor(timeout: 10) { screen in
            screen.split(separator: "\n").contains { $0.contains("     2 ") && $0.contains("⏵ 14:") }
        }
        #expect(running.contains("⏵ 14:"), "\(running)")

        // The dashboard opens the table read-only and shows the note there.
        try dashboard.send("Down")
        try dashboard.send("Enter")
        let view = try dashboard.waitFor("SKRIVEBESKYTTET")
        #expect(view.found, "\(view.screen)")
        #expect(view.screen.contains("Fælles indkøbsportal"))
        try dashboard.send("F10")
        let done = try dashboard.waitFor("rc=")
        #expect(done.screen.contains("rc=0"), "\(done.screen)")
    }

    /// The organiser names a table on the dashboard of the real program, with
    /// Danish letters typed as a person types them; `rundbord table` reads them back.
    @Test func aTableIsNamedOnTheDashboard() throws {
        let dashboard = try Tmux(command: "\(binary) dashboard \(TableScreenProcess.quote(file)); echo \"rc=$?\"; sleep 30",
                                 width: 120, height: 40, environment: TableScreenProcess.environment)
        defer { dashboard.close() }
        #expect(try dashboard.waitFor("Bord 1 · bordvært: ikke angivet").found)
        try dashboard.send("Down")
        try dashboard.send("F2")
        #expect(try dashboard.waitFor("Bord 2: navn, vært og referent").found)
        try dashboard.type("Kantinen på Rådhuset")
        try dashboard.send("Tab")
        try dashboard.type("Åse Ørsted")
        try dashboard.send("Enter")
        let saved = try dashboard.waitFor("✓ Gemt: Bord 2 · Kantinen på Rådhuset · bordvært: Åse Ørsted · referent: ikke angivet")
        #expect(saved.found, "\(saved.screen)")
        // The line under the list says the same once the message is gone.
        try dashboard.send("Up")
        try dashboard.send("Down")
        let shown = try dashboard.waitFor("\n Bord 2 · Kantinen på Rådhuset · bordvært: Åse Ørsted · referent: ikke angivet")
        #expect(shown.found, "\(shown.screen)")
        try dashboard.send("F10")
        #expect(try dashboard.waitFor("rc=0").found)
        let table = try rundbord(["table", file, "2"])
        #expect(table.stdout == "Bord 2: Kantinen på Rådhuset\n  Bordvært: Åse Ørsted\n  Referent: ikke angivet\n", "\(table.stdout)")
    }
}
