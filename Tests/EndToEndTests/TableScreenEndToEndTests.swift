import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import RundbordStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for driving the table screen of the built binary in tmux.
enum TableScreenProcess {
    /// Waits for the `stty -g` written after the program ended and checks it
    /// equals the one written before it started.
    static func expectSameTerminalModes(before: String, after: String, _ ending: String,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: after) && Date() < deadline { usleep(20_000) }
        usleep(50_000)
        let b = try String(contentsOfFile: before, encoding: .utf8)
        let a = try String(contentsOfFile: after, encoding: .utf8)
        #expect(!b.isEmpty && a == b, "\(ending): stty before \(b) after \(a)", sourceLocation: sourceLocation)
    }

    static var tmuxAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A UTF-8 locale in the pane; colour allowed (swift test itself sets NO_COLOR).
    static let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": ""]

    /// `swift test` relinks the binary only when its code changed; a binary
    /// older than its modules' object files would test old code: say so.
    static var staleness: String? {
        let path = Binary.rundbord
        guard FileManager.default.isExecutableFile(atPath: path) else { return "\(path) is missing: run swift build first" }
        let debug = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func modified(_ p: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: p))?[.modificationDate] as? Date) ?? .distantPast
        }
        let built = modified(path)
        for module in ["rundbord", "RundbordTUI", "NcursesBackend", "RundbordCore", "RundbordStore",
                       "RundbordHarvest", "RundbordTemplates"] {
            let dir = "\(debug)/\(module).build"
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            where file.hasSuffix(".o") && modified("\(dir)/\(file)") > built {
                return "\(module)/\(file) was compiled after \(path) was linked: run swift build before swift test"
            }
        }
        return nil
    }

    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "rundbord-e2e-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Single-quoted for sh.
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The child processes of `pid`, from /proc.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let child = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && pid_t(fields[1]) == pid ? child : nil
        }
    }
}

extension Tmux {
    /// Polls until `text` is on the screen; whether it came, and the last screen.
    func waitFor(_ text: String, timeout: Double = 10) throws -> (found: Bool, screen: String) {
        let screen = try waitFor(timeout: timeout) { $0.contains(text) }
        return (screen.contains(text), screen)
    }
}

/// The built binary in tmux: real keys, real terminal, `capture-pane`.
@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct TableScreenEndToEndTests {
    let directory = TableScreenProcess.temporaryDirectory()
    var file: String { directory + "/e2e.rundbord" }
    let binary = TableScreenProcess.quote(Binary.rundbord)

    init() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let created = try rundbord(["new", file, "--tables", "2"])
        try #require(created.status == 0, "rundbord new failed: \(created.stderr)")
    }

    func runCommand(_ extra: String = "") -> String {
        "exec \(extra) \(binary) run \(TableScreenProcess.quote(file)) --table 1"
    }

    func session(_ command: String, width: Int = 80, height: Int = 24,
                 environment: [String: String] = TableScreenProcess.environment) throws -> Tmux {
        try Tmux(command: command, width: width, height: height, environment: environment)
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

    /// Two terminals at one table (#13 item 3): the facilitator's moves the
    /// table on while the note-taker's draft is half typed. The note-taker's
    /// screen says where the draft goes before Enter, and Enter files it under
    /// the principle it was begun under, not the new one.
    @Test func aDraftStaysWithItsPrincipleWhenAnotherTerminalMovesTheTable() throws {
        let noteTaker = try session(runCommand())
        defer { noteTaker.close() }
        let facilitator = try session(runCommand())
        defer { facilitator.close() }
        #expect(try noteTaker.waitFor("Notater (0)").found)
        #expect(try facilitator.waitFor("Notater (0)").found)
        try noteTaker.type("Fleksjob til dem der står udenfor")
        // Typed and drawn before the move (a key pressed later clears the message; the status line stays).
        #expect(try noteTaker.waitFor("Pointe › Fleksjob til dem der står udenfor").found)
        try facilitator.send("C-n")
        try facilitator.send("C-n")
        #expect(try facilitator.waitFor("Princip 3/5").found)
        let moved = try noteTaker.waitFor("Din kladde gemmes under princip 1")
        #expect(moved.found, "\(moved.screen)")
        #expect(moved.screen.contains("Princip 3/5"))
        try noteTaker.type(" i dag")
        let hint = try noteTaker.waitFor("Enter gemmer kladden under princip 1")
        #expect(hint.found, "\(hint.screen)")
        try noteTaker.send("Enter")
        let saved = try noteTaker.waitFor("Gemt under princip 1")
        #expect(saved.found, "\(saved.screen)")

        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let table = try store.table(number: 1)
        #expect(table.progress.principleIndex == 2)
        let first = try store.notes(tableId: table.id, principleId: table.principleIds[0]).map(\.text)
        let third = try store.notes(tableId: table.id, principleId: table.principleIds[2]).map(\.text)
        #expect(first == ["Fleksjob til dem der står udenfor i dag"])
        #expect(third.isEmpty)
    }

    @Test func aSavedNoteAndADraftSurviveKill9() throws {
        let tmux = try session(runCommand())
        #expect(try tmux.waitFor("Notater (0)").found)
        try tmux.type("Rød grød med fløde – ÆØÅ æøå")
        try tmux.send("Enter")
        let saved = try tmux.waitFor("✓ Gemt")
        #expect(saved.found, "\(saved.screen)")
        #expect(saved.screen.contains("Pointe    Rød grød med fløde – ÆØÅ æøå"))
        // A paste with a newline is one note.
        try tmux.paste("Indsat første linje\nIndsat anden linje")
        try tmux.send("Enter")
        #expect(try tmux.waitFor("Notater (2)").found)
        // A draft being typed, then the process is killed without warning.
        try tmux.type("kladde om æbler")
        // The draft autosaves after a short pause in typing; wait until it is on disk.
        let deadline = Date().addingTimeInterval(5)
        while try storedDraft() != "kladde om æbler" && Date() < deadline { usleep(50_000) }
        #expect(try storedDraft() == "kladde om æbler")
        let pid = try tmux.panePid()
        #expect(pid > 0)
        kill(pid, SIGKILL)
        #expect(try tmux.waitForExit() != nil, "the killed program is still running")
        tmux.close()

        #expect(try storedNotes().map(\.text) == ["Rød grød med fløde – ÆØÅ æøå", "Indsat første linje\nIndsat anden linje"])
        let again = try session(runCommand())
        defer { again.close() }
        let reopened = try again.waitFor("Kladde fra sidst")
        #expect(reopened.found, "\(reopened.screen)")
        #expect(reopened.screen.contains("Rød grød med fløde – ÆØÅ æøå"))
        #expect(reopened.screen.contains("Pointe › kladde om æbler"))
    }

    @Test func resizingRedrawsAndASmallWindowGetsANotice() throws {
        let tmux = try session(runCommand())
        defer { tmux.close() }
        #expect(try tmux.waitFor("Notater (0)").found)
        try tmux.resize(width: 120, height: 40)
        let wide = try tmux.waitFor("Et meningsfuldt arbejdsfællesskab") // the summary shows when there is room
        #expect(wide.found, "\(wide.screen)")
        let lines = wide.screen.split(separator: "\n", omittingEmptySubsequences: false)
        // The timer ends one column before the right edge (capture-pane drops the trailing blank).
        #expect(lines.first.map { DisplayWidth.of(String($0)) } == 119, "\(lines.first ?? "")")
        #expect(lines.first?.hasSuffix("⏸ 15:00") == true)
        // The key bar is the window's last row, whatever the height.
        #expect(lines.count >= 40 && lines[40 - 1].hasPrefix("F1Hjælp"), "\(lines.suffix(2))")
        // A laptop's split screen: the compact session, where a note is typed in sight and saved.
        try tmux.resize(width: 60, height: 20)
        let compact = try tmux.waitFor("Bord 1 │ Princip 1/5 │ Præsentation")
        #expect(compact.found && !compact.screen.contains("Vinduet er"), "\(compact.screen)")
        try tmux.type("Små skridt på én gang, æøå")
        let typed = try tmux.waitFor("Pointe › Små skridt på én gang, æøå")
        #expect(typed.found, "\(typed.screen)")
        try tmux.send("Enter")
        let saved = try tmux.waitFor("Notater (1)")
        #expect(saved.found && saved.screen.contains("Små skridt på én gang, æøå"), "\(saved.screen)")
        #expect(try storedNotes().map(\.text) == ["Små skridt på én gang, æøå"])
        // Below the true minimum the notice, and what is typed meanwhile does not reach the draft.
        try tmux.resize(width: 36, height: 10)
        let small = try tmux.waitFor("Vinduet er 36×10. Gør det mindst")
        #expect(small.found, "\(small.screen)")
        try tmux.type("usynlig")
        try tmux.resize(width: 80, height: 24)
        let back = try tmux.waitFor("Notater (1)")
        #expect(back.found && !back.screen.contains("Gør det mindst") && !back.screen.contains("usynlig"), "\(back.screen)")
    }

    @Test func quittingAndSignalsRestoreTheTerminal() throws {
        // Issue #16: SIGQUIT restores the terminal too, and SIGTERM, SIGHUP and
        // SIGQUIT end with 128 + the signal, as a shell expects of them.
        let signals = ["int": SIGINT, "term": SIGTERM, "hup": SIGHUP, "sigquit": SIGQUIT, "segv": SIGSEGV]
        let statuses = ["quit": 0, "int": 0, "term": 143, "hup": 129, "sigquit": 131, "segv": 139]
        for ending in ["quit", "int", "term", "hup", "sigquit", "segv"] {
            let before = directory + "/before-\(ending)", after = directory + "/after-\(ending)"
            let q = TableScreenProcess.quote
            let tmux = try session("stty -g > \(q(before)); \(binary) run \(q(file)); "
                                   + "echo \"rc=$?\"; stty -g > \(q(after)); sleep 30")
            defer { tmux.close() }
            #expect(try tmux.waitFor("Notater").found)
            switch ending {
            case "quit":
                try tmux.type("ikke gemt")
                try tmux.send("F10")
                #expect(try tmux.waitFor("Afslut?").found)
                try tmux.send("j")
            default:
                let app = TableScreenProcess.children(of: try tmux.panePid()).first
                #expect(app != nil)
                if let app { kill(app, signals[ending]!) }
            }
            let done = try tmux.waitFor("rc=")
            #expect(done.found, "\(ending): \(done.screen)")
            // A crash (here a segmentation fault) restores the terminal too, and still ends as a crash.
            #expect(done.screen.contains("rc=\(statuses[ending]!)"), "\(ending): \(done.screen)")
            #expect(!done.screen.contains("F2Ret"), "\(ending): the screen was not restored")
            try TableScreenProcess.expectSameTerminalModes(before: before, after: after, ending)
        }
    }

    @Test func unknownAndDumbTerminalsAreRefusedBeforeDrawing() throws {
        let q = TableScreenProcess.quote
        let tmux = try session("TERM=dumb \(binary) run \(q(file)); echo \"rc=$?\"; "
                               + "TERM=no-such-terminal \(binary) run \(q(file)); echo \"rc=$?\"; sleep 30")
        defer { tmux.close() }
        let both = try tmux.waitFor(timeout: 10) { $0.components(separatedBy: "rc=78").count == 3 }
        #expect(both.contains("terminaltypen 'dumb' kan ikke flytte markøren"), "\(both)")
        #expect(both.contains("terminaltypen 'no-such-terminal' kendes ikke"), "\(both)")
        #expect(both.components(separatedBy: "rc=78").count == 3)
        #expect(!both.contains("Notater"))
    }

    @Test func noColorDrawsWithoutColours() throws {
        for noColor in [false, true] {
            var environment = TableScreenProcess.environment
            environment["NO_COLOR"] = noColor ? "1" : ""
            let tmux = try session(runCommand(), environment: environment)
            defer { tmux.close() }
            #expect(try tmux.waitFor("Notater (0)").found)
            let escapes = try tmux.run(["capture-pane", "-e", "-p", "-t", "main"])
            // tmux writes colours as SGR 30-37/40-47 (or 38;/48;); attributes alone are 1, 2, 4, 7.
            let colour = try Regex(#"\x1B\[[0-9;]*(?:3[0-7]|4[0-7]|38;|48;)[0-9;]*m"#)
            #expect(escapes.contains(colour) == !noColor, "NO_COLOR=\(noColor): \(escapes.prefix(300))")
            #expect(escapes.contains("\u{1B}[7m") || escapes.contains(";7m") || !noColor, "monochrome needs reverse video")
        }
    }

    @Test func withoutArgumentsTheDefaultEventOpens() throws {
        let data = directory + "/data"
        var environment = TableScreenProcess.environment
        environment["XDG_DATA_HOME"] = data
        let tmux = try session("exec \(binary) --lang en", environment: environment)
        defer { tmux.close() }
        let screen = try tmux.waitFor("Notes (0)")
        #expect(screen.found, "\(screen.screen)")
        #expect(screen.screen.contains("Table 1 │ Principle 1/5"))
        #expect(FileManager.default.fileExists(atPath: data + "/rundbord/rundbord.rundbord"))
    }
}

/// The keys document a reader finds in the repository is what the binary prints.
@Suite struct KeysCommandTests {
    @Test func keysMarkdownEqualsDocsKeys() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let printed = try rundbord(["keys", "--markdown", "--lang", "en"])
        #expect(printed.status == 0)
        let docs = Binary.repoRoot.appendingPathComponent("docs/KEYS.md")
        #expect(printed.stdout == (try String(contentsOf: docs, encoding: .utf8)))
        let danish = try rundbord(["keys", "--lang", "da"])
        #expect(danish.stdout.contains("Gem notatet (vises som gemt, når det ligger på disken)"))
    }
}
