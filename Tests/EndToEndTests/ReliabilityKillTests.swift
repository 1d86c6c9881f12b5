import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import RundbordStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A step of a reliability run that did not happen in time.
struct ReliabilityFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A small seeded generator, so that a failing run can be repeated with its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The table screen as a note-taker sees it: what the screen says is saved.
struct SessionScreenReading {
    let screen: String
    var lines: [Substring] { screen.split(separator: "\n", omittingEmptySubsequences: false) }

    /// A whole frame is on the screen: the key bar (drawn last, at the bottom) and the notes rule.
    var isWholeFrame: Bool {
        screen.contains("Notater (") && lines.contains { $0.hasPrefix("F1") && $0.contains("F10Afslut") } && !screen.contains("Pane is dead")
    }

    /// "Notater (N)" in the rule above the list.
    var noteCount: Int? {
        guard let match = screen.firstMatch(of: /Notater \((\d+)\)/) else { return nil }
        return Int(match.1)
    }

    /// `text` is drawn as a note in the list (not in the entry line, whose prompt ends in "›").
    func listShows(_ text: String) -> Bool {
        lines.contains { $0.contains(text) && !$0.contains("›") }
    }

    /// The entry line holds nothing after its prompt.
    var entryIsEmpty: Bool {
        lines.last { $0.contains("› ") || $0.hasSuffix("›") }.map {
            $0.split(separator: "›", maxSplits: 1, omittingEmptySubsequences: false).last?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
        } ?? false
    }

    /// Shown as saved: the status line says "✓ Gemt", the note is in the list and the entry line is empty.
    func showsSaved(_ text: String) -> Bool {
        screen.contains("✓ Gemt") && listShows(text) && entryIsEmpty
    }
}

/// Issue #6: a scripted session of 1,000 notes typed into the real
/// `rundbord run FILE --table 1` in tmux, with the program killed by SIGKILL
/// at random moments (after a note is shown saved, in the middle of typing,
/// right after Enter) and restarted. Every note the screen showed as saved
/// must be in the file afterwards, and the file must pass integrity_check.
@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct ReliabilityKillTests {
    let directory = TableScreenProcess.temporaryDirectory()
    var file: String { directory + "/kill.rundbord" }

    init() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let created = try rundbord(["new", file, "--tables", "2"])
        try #require(created.status == 0, "rundbord new failed: \(created.stderr)")
    }

    /// Note texts: a unique number and one or two Danish words.
    static func noteText(_ i: Int, _ rng: inout SplitMix64) -> String {
        // Short, because the debug build draws a frame for every key (about 5 ms each here).
        let words = ["æble", "grød", "rød", "fælles", "vækst", "kaffe", "Åse", "øl", "sø"]
        let count = Int.random(in: 1...2, using: &rng)
        return "n\(String(format: "%04d", i)) " + (0..<count).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
    }

    @Test(.timeLimit(.minutes(8)))
    func thousandNotesTypedInTheScreenSurviveTwentyFiveKill9s() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["RUNDBORD_KILL_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max >> 1)
        var rng = SplitMix64(seed: seed)
        // RUNDBORD_KILL_NOTES shortens the session while working on the test.
        let total = Int(ProcessInfo.processInfo.environment["RUNDBORD_KILL_NOTES"] ?? "") ?? 1000
        let kills = max(1, total / 40)
        // The notes after which a kill happens, and how.
        var killPoints = Set<Int>()
        while killPoints.count < kills { killPoints.insert(Int.random(in: 1..<total, using: &rng)) }
        enum KillMoment: CaseIterable { case afterSaved, midTyping, rightAfterEnter }

        let command = "exec \(TableScreenProcess.quote(Binary.rundbord)) run \(TableScreenProcess.quote(file)) --table 1"
        let tmux = try Tmux(command: command, width: 80, height: 24, environment: TableScreenProcess.environment)
        defer { tmux.close() }

        var entered: [String] = []            // every text Enter was pressed on
        var shownSaved: Set<String> = []      // every text the screen showed as saved
        var unconfirmed: [String] = []        // Enter pressed, killed before the screen said so
        var killCount = 0, draftsOffered = 0
        let started = Date()
        var typing = 0.0, waiting = 0.0

        func screen() throws -> SessionScreenReading { SessionScreenReading(screen: try tmux.capture()) }

        func waitUntil(_ timeout: Double = 10, _ what: String, _ predicate: (SessionScreenReading) -> Bool) throws -> SessionScreenReading {
            let deadline = Date().addingTimeInterval(timeout)
            var s = try screen()
            while !predicate(s) {
                guard Date() < deadline else {
                    Issue.record("timed out waiting for \(what) (seed \(seed)); screen:\n\(s.screen)")
                    throw ReliabilityFailure("timeout: \(what)")
                }
                usleep(4_000)
                s = try screen()
            }
            return s
        }

        /// `typing`: the part of a note in the entry line when the kill came.
        func killAndRestart(typing partial: String? = nil) throws {
            let pid = try tmux.panePid()
            try #require(pid > 0)
            kill(pid, SIGKILL)
            guard try tmux.waitForExit() != nil else { throw ReliabilityFailure("the killed program is still running") }
            killCount += 1
            try tmux.run(["respawn-pane", "-t", "main"])
            var s = try waitUntil(10, "the restarted screen") { $0.isWholeFrame }
            // A note whose Enter came just before the kill: if the new screen lists it, it was saved.
            for text in unconfirmed where s.listShows(text) { shownSaved.insert(text) }
            unconfirmed = []
            // A draft left by the kill is put back into the entry line; clear it.
            if s.screen.contains("Kladde fra sidst") {
                draftsOffered += 1
                // The draft offered back is (a prefix of) what was being typed, never an older text.
                let draft = s.lines.last { $0.hasPrefix("Pointe › ") }.map { String($0.dropFirst("Pointe › ".count)) } ?? ""
                #expect(!draft.isEmpty && partial?.hasPrefix(draft) == true,
                        "draft \(draft.debugDescription) offered after typing \(String(describing: partial)) (seed \(seed))")
                try tmux.send("C-u")
                s = try waitUntil(5, "the cleared entry line") { $0.entryIsEmpty && !$0.screen.contains("Kladde fra sidst") }
            }
        }

        _ = try waitUntil(10, "the first screen") { $0.isWholeFrame }
        for i in 0..<total {
            let text = Self.noteText(i, &rng)
            let moment = killPoints.contains(i) ? KillMoment.allCases.randomElement(using: &rng)! : nil
            if moment == .midTyping {
                // Part of the note is typed; sometimes long enough ago for the draft autosave.
                let cut = text.index(text.startIndex, offsetBy: Int.random(in: 1..<text.count, using: &rng))
                try tmux.type(String(text[..<cut]))
                usleep(Bool.random(using: &rng) ? 1_100_000 : UInt32.random(in: 0...50_000, using: &rng))
                try killAndRestart(typing: String(text[..<cut]))
            }
            let t0 = Date()
            try tmux.type(text)
            try tmux.send("Enter")
            typing += Date().timeIntervalSince(t0)
            entered.append(text)
            if moment == .rightAfterEnter {
                unconfirmed.append(text)
                try killAndRestart()
                continue
            }
            let t1 = Date()
            _ = try waitUntil(10, "note \(i) shown as saved") { $0.showsSaved(text) }
            waiting += Date().timeIntervalSince(t1)
            shownSaved.insert(text)
            if moment == .afterSaved { try killAndRestart() }
        }
        let elapsed = Date().timeIntervalSince(started)
        print("kill-9 session: \(total) notes, \(killCount) kills, \(draftsOffered) drafts offered back, "
              + "\(shownSaved.count) shown saved, \(String(format: "%.1f", elapsed)) s, seed \(seed) typing \(typing) waiting \(waiting)")
        let pid = try tmux.panePid()
        kill(pid, SIGKILL)
        tmux.close()

        #expect(killCount == kills, "\(killCount) kills of \(kills) (seed \(seed))")
        let store = try EventStore.open(path: file)
        defer { store.close() }
        let stored = try store.allNotes().filter { !$0.isDeleted }.map(\.text)
        let storedSet = Set(stored)
        let missing = shownSaved.subtracting(storedSet)
        #expect(missing.isEmpty, "shown as saved but not in the file (seed \(seed)): \(missing.sorted())")
        // Nothing is stored twice, and nothing is stored that Enter was not pressed on
        // (a half-typed note is a draft, never a note).
        #expect(stored.count == storedSet.count, "a note was stored twice (seed \(seed))")
        #expect(storedSet.isSubset(of: Set(entered)), "stored but never entered: \(storedSet.subtracting(entered).sorted())")
        #expect(shownSaved.count >= total - kills, "seed \(seed)")
        #expect(try store.integrityCheck() == "ok")
        try? FileManager.default.removeItem(atPath: directory)
    }
}
