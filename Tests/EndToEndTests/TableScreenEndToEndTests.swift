import Foundation
import RundbordCore
import RundbordStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built binary in tmux: real keys, real terminal, `capture-pane`.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the end-to-end tests need it"))
struct TableScreenEndToEndTests {
    let directory = Binary.temporaryDirectory()
    var file: String { directory + "/e2e.rundbord" }

    init() throws {
        try #require(Binary.staleness == nil, "\(Binary.staleness ?? "")")
        let created = Spawn.run([Binary.path, "new", file, "--tables", "2"], environment: ProcessInfo.processInfo.environment)
        try #require(created.status == 0, "rundbord new failed: \(created.output)")
    }

    func runCommand(_ extra: String = "") -> String {
        "exec \(extra) \(Binary.quote(Binary.path)) run \(Binary.quote(file)) --table 1"
    }

    func storedNotes() throws -> [Note] {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let table = try store.table(number: 1)
        return try store.notes(tableId: table.id, principleId: table.currentPrincipleId!).filter { !$0.isDeleted }
    }

    func storedDraft() throws -> String? {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        return try store.draft(tableId: store.table(number: 1).id)
    }

    @Test func aSavedNoteAndADraftSurviveKill9() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        tmux.start(runCommand())
        #expect(tmux.waitFor("Notater (0)").found)
        tmux.type("Rød grød med fløde – ÆØÅ æøå")
        tmux.keys("Enter")
        let saved = tmux.waitFor("✓ Gemt")
        #expect(saved.found, "\(saved.screen)")
        #expect(saved.screen.contains("Pointe    Rød grød med fløde – ÆØÅ æøå"))
        // A paste with a newline is one note.
        tmux.paste("Indsat første linje\nIndsat anden linje")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Notater (2)").found)
        // A draft being typed, then the process is killed without warning.
        tmux.type("kladde om æbler")
        // The draft autosaves after a short pause in typing; wait until it is on disk.
        let deadline = Date().addingTimeInterval(5)
        while try storedDraft() != "kladde om æbler" && Date() < deadline { usleep(50_000) }
        #expect(try storedDraft() == "kladde om æbler")
        let pid = tmux.panePid
        #expect(pid > 0)
        kill(pid, SIGKILL)
        #expect(Binary.waitGone(pid))
        tmux.stop()

        #expect(try storedNotes().map(\.text) == ["Rød grød med fløde – ÆØÅ æøå", "Indsat første linje\nIndsat anden linje"])
        let again = Tmux()
        defer { again.stop() }
        again.start(runCommand())
        let reopened = again.waitFor("Kladde fra sidst")
        #expect(reopened.found, "\(reopened.screen)")
        #expect(reopened.screen.contains("Rød grød med fløde – ÆØÅ æøå"))
        #expect(reopened.screen.contains("Pointe › kladde om æbler"))
    }

    @Test func resizingRedrawsAndASmallWindowGetsANotice() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        tmux.start(runCommand())
        #expect(tmux.waitFor("Notater (0)").found)
        tmux.resize(width: 120, height: 40)
        let wide = tmux.waitFor("Et meningsfuldt arbejdsfællesskab") // the summary shows when there is room
        #expect(wide.found, "\(wide.screen)")
        let lines = wide.screen.split(separator: "\n", omittingEmptySubsequences: false)
        // The timer ends one column before the right edge (capture-pane drops the trailing blank).
        #expect(lines.first.map { DisplayWidth.of(String($0)) } == 119, "\(lines.first ?? "")")
        #expect(lines.first?.hasSuffix("⏸ 15:00") == true)
        #expect(lines.count >= 40 && lines[39].hasPrefix("F1Hjælp"))
        tmux.resize(width: 60, height: 20)
        let small = tmux.waitFor("Gør det mindst 80×24")
        #expect(small.found, "\(small.screen)")
        tmux.resize(width: 80, height: 24)
        let back = tmux.waitFor("Notater (0)")
        #expect(back.found && !back.screen.contains("Gør det mindst"), "\(back.screen)")
    }

    @Test func quittingAndSignalsRestoreTheTerminal() throws {
        for ending in ["quit", "int", "term", "hup", "segv"] {
            let tmux = Tmux()
            defer { tmux.stop() }
            let before = directory + "/before-\(ending)", after = directory + "/after-\(ending)"
            tmux.start("stty -g > \(Binary.quote(before)); \(Binary.quote(Binary.path)) run \(Binary.quote(file)); "
                       + "echo \"rc=$?\"; stty -g > \(Binary.quote(after)); sleep 30")
            #expect(tmux.waitFor("Notater").found)
            switch ending {
            case "quit":
                tmux.type("ikke gemt")
                tmux.keys("F10")
                #expect(tmux.waitFor("Afslut?").found)
                tmux.keys("j")
            default:
                let app = Binary.children(of: tmux.panePid).first
                #expect(app != nil)
                if let app { kill(app, ["int": SIGINT, "term": SIGTERM, "hup": SIGHUP, "segv": SIGSEGV][ending]!) }
            }
            let done = tmux.waitFor("rc=")
            #expect(done.found, "\(ending): \(done.screen)")
            // A crash (here a segmentation fault) restores the terminal too, and still ends as a crash.
            #expect(done.screen.contains(ending == "segv" ? "rc=139" : "rc=0"), "\(ending): \(done.screen)")
            #expect(!done.screen.contains("F1Hjælp"), "\(ending): the screen was not restored")
            usleep(200_000)
            let b = try String(contentsOfFile: before, encoding: .utf8)
            let a = try String(contentsOfFile: after, encoding: .utf8)
            #expect(!b.isEmpty && a == b, "\(ending): stty before \(b) after \(a)")
        }
    }

    @Test func unknownAndDumbTerminalsAreRefusedBeforeDrawing() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        tmux.start("TERM=dumb \(Binary.quote(Binary.path)) run \(Binary.quote(file)); echo \"rc=$?\"; "
                   + "TERM=no-such-terminal \(Binary.quote(Binary.path)) run \(Binary.quote(file)); echo \"rc=$?\"; sleep 30")
        let screen = tmux.waitFor("rc=78\n", timeout: 10)
        let both = tmux.waitFor("terminaltypen 'no-such-terminal' kendes ikke")
        #expect(screen.found && both.found, "\(both.screen)")
        #expect(both.screen.contains("terminaltypen 'dumb' kan ikke flytte markøren"))
        #expect(both.screen.components(separatedBy: "rc=78").count == 3)
        #expect(!both.screen.contains("Notater"))
    }

    @Test func noColorDrawsWithoutColours() throws {
        for noColor in [false, true] {
            let tmux = Tmux()
            defer { tmux.stop() }
            tmux.start(runCommand(noColor ? "env NO_COLOR=1" : ""))
            #expect(tmux.waitFor("Notater (0)").found)
            let escapes = tmux.capture(escapes: true)
            // tmux writes colours as SGR 30-37/40-47 (or 38;/48;); attributes alone are 1, 2, 4, 7.
            let colour = try Regex(#"\x1B\[[0-9;]*(?:3[0-7]|4[0-7]|38;|48;)[0-9;]*m"#)
            #expect(escapes.contains(colour) == !noColor, "NO_COLOR=\(noColor): \(escapes.prefix(300))")
            #expect(escapes.contains("\u{1B}[7m") || escapes.contains(";7m") || !noColor, "monochrome needs reverse video")
        }
    }

    @Test func withoutArgumentsTheDefaultEventOpens() throws {
        let data = directory + "/data"
        let tmux = Tmux(extraEnvironment: ["XDG_DATA_HOME": data])
        defer { tmux.stop() }
        tmux.start("exec \(Binary.quote(Binary.path)) --lang en")
        let screen = tmux.waitFor("Notes (0)")
        #expect(screen.found, "\(screen.screen)")
        #expect(screen.screen.contains("Table 1 │ Principle 1/5"))
        #expect(FileManager.default.fileExists(atPath: data + "/rundbord/rundbord.rundbord"))
    }
}

/// The keys document a reader finds in the repository is what the binary prints.
@Suite struct KeysCommandTests {
    @Test func keysMarkdownEqualsDocsKeys() throws {
        try #require(Binary.staleness == nil, "\(Binary.staleness ?? "")")
        let printed = Spawn.run([Binary.path, "keys", "--markdown", "--lang", "en"], environment: ProcessInfo.processInfo.environment)
        #expect(printed.status == 0)
        let docs = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/KEYS.md")
        #expect(printed.output == (try String(contentsOf: docs, encoding: .utf8)))
        let danish = Spawn.run([Binary.path, "keys", "--lang", "da"], environment: ProcessInfo.processInfo.environment)
        #expect(danish.output.contains("Gem notatet (vises som gemt, når det ligger på disken)"))
    }
}
