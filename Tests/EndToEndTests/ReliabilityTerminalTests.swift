import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The terminal is given back as it was on the ways out that
/// TableScreenEndToEndTests.quittingAndSignalsRestoreTheTerminal does not
/// cover (it covers F10, SIGINT, SIGTERM, SIGHUP and SIGSEGV): the signals of a
/// Swift runtime trap (SIGILL on x86_64, SIGTRAP on arm64) and of abort(), and
/// an error thrown after the screen has started (an event whose stored vision
/// cannot be decoded: the table is found before the screen starts, the
/// vision is read after).
@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct ReliabilityTerminalTests {
    let directory = TableScreenProcess.temporaryDirectory()
    let q = TableScreenProcess.quote

    @Test(.timeLimit(.minutes(5)), arguments: ["ill", "trap", "abrt", "internal"])
    func crashesAndAnInternalErrorRestoreTheTerminal(ending: String) throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/e.rundbord"
        #expect(try rundbord(["new", file]).status == 0)
        if ending == "internal" {
            let sqlite3 = try #require(["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                       "sqlite3 is not installed (scripts/setup)")
            #expect(try Subprocess.run(sqlite3, [file, "UPDATE event SET vision = '{broken'"]).status == 0)
        }
        let before = directory + "/before", after = directory + "/after", stream = directory + "/stream.bin"
        let tmux = try Tmux(command: "read go; stty -g > \(q(before)); \(q(Binary.rundbord)) run \(q(file)); "
                            + "echo \"rc=$?\"; stty -g > \(q(after)); sleep 30", environment: TableScreenProcess.environment)
        defer { tmux.close() }
        try tmux.pipeOutput(to: stream)
        try tmux.send("Enter")
        let signals = ["ill": SIGILL, "trap": SIGTRAP, "abrt": SIGABRT]
        if let signal = signals[ending] {
            #expect(try tmux.waitFor("Notater").found)
            let app = TableScreenProcess.children(of: try tmux.panePid()).first
            try #require(app != nil)
            kill(app!, signal)
        }
        let done = try tmux.waitFor("rc=")
        #expect(done.found, "\(ending): \(done.screen)")
        if let signal = signals[ending] {
            // Restored, and still ends as the crash it was.
            #expect(done.screen.contains("rc=\(128 + signal)"), "\(ending): \(done.screen)")
        } else {
            // Damaged data (exit 65), said after the screen is gone, so that it can be read.
            #expect(done.screen.contains("rc=65"), "\(done.screen)")
            #expect(done.screen.contains("er beskadiget"), "\(done.screen)")
        }
        #expect(!done.screen.contains("F2Ret"), "\(ending): the screen was not restored")
        try TableScreenProcess.expectSameTerminalModes(before: before, after: after, ending)
        // The screen had started (bracketed paste switched on) and was stopped again (switched off).
        try tmux.stopPipe()
        let raw = try Data(contentsOf: URL(fileURLWithPath: stream))
        let on = raw.range(of: Data("\u{1B}[?2004h".utf8)), off = raw.range(of: Data("\u{1B}[?2004l".utf8), options: .backwards)
        #expect(on != nil && off != nil && on!.lowerBound < off!.lowerBound, "\(ending): the screen never started or was not stopped")
    }
}
