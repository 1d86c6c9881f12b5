import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import RundbordStore
import Testing

/// Issue #9 in a real terminal: the README's four tables curated in the
/// organiser's screen alone (the dashboard's `k`), and the misfiled note
/// moved from its table's own screen, then read back by the harvest.
@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct CurationEndToEndTests {
    let binary = TableScreenProcess.quote(Binary.rundbord)

    func step(_ tmux: Tmux, _ keys: String..., until text: String) throws {
        for key in keys { try tmux.send(key) }
        let seen = try tmux.waitFor(text)
        #expect(seen.found, "waited for \(text):\n\(seen.screen)")
    }

    @Test func theREADMEsEveningIsCuratedInTheTerminal() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let dir = TempFolder(prefix: "rundbord-curation-e2e")
        let file = try CurationCLITests.evening(dir)
        let quoted = TableScreenProcess.quote(file)

        // The misfiled note, moved at its own table (3) to principle 4.
        let table = try Tmux(command: "exec \(binary) run \(quoted) --table 3", environment: TableScreenProcess.environment)
        defer { table.close() }
        #expect(try table.waitFor("Praktikpladser").found)
        try step(table, "Up", "M-m", until: "Flyt »Praktikpladser")
        try step(table, "Down", "Down", "Enter", until: "Flyttet: »Praktikpladser")
        try table.send("F10")

        let organiser = try Tmux(command: "\(binary) dashboard \(quoted); echo \"rc=$?\"; sleep 30",
                                 environment: TableScreenProcess.environment)
        defer { organiser.close() }
        #expect(try organiser.waitFor("4 borde").found)
        try step(organiser, "k", until: "Forslag (2)")
        // The first suggestion (the Preston delegation) merged from the suggestions tab.
        try step(organiser, "Tab", until: "fælles: inviter, preston")
        try step(organiser, "Enter", until: "Lagt sammen: 2 indsatser")
        // ØKF becomes Økonomiforvaltningen.
        try step(organiser, "Tab", until: "ØKF (1 indsats)")
        try step(organiser, "Space", "Enter", until: "hedder nu »Økonomiforvaltningen«")
        // The event's key message, with Danish letters.
        try step(organiser, "Tab", until: "Hele arrangementet")
        try step(organiser, "Enter", until: "Kort fortalt: Hele arrangementet")
        try organiser.type("Kommunen skal købe lokalt og lære af Preston – ÆØÅ æøå.")
        try step(organiser, "Enter", until: "Kort fortalt gemt")
        // The next steps.
        try step(organiser, "Tab", "Enter", until: "Arrangementets oplysninger")
        try organiser.type("ØKF lægger en sag for Økonomiudvalget i marts.")
        try step(organiser, "Enter", until: "oplysninger er gemt")
        // The merged initiative's cost and decision.
        try step(organiser, "Tab", until: "Nr. 1")
        try step(organiser, "Enter", until: "Ret indsats")
        for _ in 0..<4 { try organiser.send("Tab") }
        try organiser.type("250.000")
        try step(organiser, "Tab", "Right", until: "‹ politisk beslutning ›")
        try step(organiser, "Enter", until: "✓ Gemt")
        try step(organiser, "F10", until: "rc=0")

        let list = try CurationCLITests.json(file)
        #expect(list.count == 5, "\(list.map { $0["text"] ?? "" })")
        let top = try #require(list.first { ($0["merged"] as? Bool) == true })
        #expect(top["owners"] as? [String] == ["Økonomiforvaltningen"])
        #expect(top["cost"] as? Int == 250_000 && top["decision"] as? String == "political")
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let vision = try store.event().vision
        #expect(list.first { ($0["text"] as? String)?.hasPrefix("Praktik") == true }?["principles"] as? [String]
                == [vision.principles[3].id])
        #expect(try store.event().nextSteps == "ØKF lægger en sag for Økonomiudvalget i marts.")

        let out = dir.path("h.md")
        #expect(try rundbord(["export", file, "--format", "md", "--out", out]).status == 0)
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        #expect(markdown.contains("Kommunen skal købe lokalt og lære af Preston – ÆØÅ æøå."))
        #expect(markdown.contains("ØKF lægger en sag for Økonomiudvalget i marts."))
        #expect(markdown.contains("ca. 250.000 kr."))
    }
}
