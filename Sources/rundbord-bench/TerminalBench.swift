import ArgumentParser
import Foundation
import RundbordHarness
import RundbordStore

/// A program measured in tmux: how it is started and what on its first
/// screen shows that it has drawn.
struct TerminalProgram {
    let name: String
    let command: String
    let firstFrameMarker: String
}

/// Terminal figures measured through tmux on a private socket.
enum TerminalBench {
    /// Time from releasing a waiting shell to the program's first frame on
    /// screen, polled through a control client (about a millisecond a poll).
    static func firstFrame(_ program: TerminalProgram, width: Int = 120, height: Int = 40,
                           environment: [String: String]) throws -> Double {
        let fifo = NSTemporaryDirectory() + "rundbord-fifo-\(UUID().uuidString)"
        guard mkfifo(fifo, 0o600) == 0 else { throw ValidationError("mkfifo failed") }
        defer { unlink(fifo) }
        let tmux = try Tmux(command: "read go < '\(fifo)'; exec \(program.command)", width: width, height: height,
                            environment: environment)
        defer { tmux.close() }
        let control = try ControlClient(tmux)
        let clock = ContinuousClock()
        let start = clock.now
        let fd = open(fifo, O_WRONLY)
        _ = write(fd, "\n", 1)
        close(fd)
        while clock.now - start < .seconds(20) {
            let screen = try control.command("capture-pane -p -t main").joined(separator: "\n")
            if screen.contains(program.firstFrameMarker) { return Bench.seconds(clock.now - start) }
        }
        throw ValidationError("\(program.name) drew no first frame with '\(program.firstFrameMarker)' in 20 s")
    }

    /// Instructions per typed key, counted the same way for any program:
    /// callgrind around the whole program run in tmux, a run typing `keys`
    /// letters (each drawn before the next is typed) minus a run typing none,
    /// over `keys`. `quit` ends the program; `confirm` answers its question
    /// when text was typed (nano: "Save modified buffer?", rundbord: quit
    /// with a draft).
    static func instructionsPerKey(_ program: TerminalProgram, valgrind: String, keys: Int, quit: String, confirm: String,
                                   environment: [String: String]) throws -> Double {
        // Letters only: every key changes the screen, so "drawn" can be seen.
        let letters = Array("FællesindkøbpåtværsafsektorerogsåforsmåkooperativerÆØÅ")
        func total(_ count: Int) throws -> Double {
            let out = NSTemporaryDirectory() + "rundbord-tmux-callgrind-\(UUID().uuidString)"
            defer { unlink(out) }
            let tmux = try Tmux(command: "\(valgrind) --tool=callgrind --callgrind-out-file='\(out)' \(program.command); echo ended-$?; sleep 120",
                                width: 120, height: 40, environment: environment)
            defer { tmux.close() }
            guard try tmux.waitFor(timeout: 180, { $0.contains(program.firstFrameMarker) }).contains(program.firstFrameMarker) else {
                throw ValidationError("\(program.name) under callgrind drew no first frame in 180 s")
            }
            var screen = try tmux.capture()
            for i in 0..<count {
                try tmux.type(String(letters[i % letters.count]))
                let before = screen
                screen = try tmux.waitFor(timeout: 20) { $0 != before }
            }
            try tmux.send(quit)
            if !(try tmux.waitFor(timeout: 10) { $0.contains("ended-") }).contains("ended-") {
                try tmux.send(confirm)
                guard try tmux.waitFor(timeout: 60, { $0.contains("ended-") }).contains("ended-") else {
                    throw ValidationError("\(program.name) did not end: \(try tmux.capture())")
                }
            }
            let text = try String(contentsOfFile: out, encoding: .utf8)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("summary:") || $0.hasPrefix("totals:") }),
                  let total = Double(line.split(separator: " ").last ?? "") else {
                throw ValidationError("no totals in the callgrind output of \(program.name)")
            }
            return total
        }
        return (try total(keys) - total(0)) / Double(keys)
    }

    /// Bytes the program writes to the terminal per character typed, each
    /// character typed and drawn before the next.
    static func bytesPerCharacter(_ program: TerminalProgram, text: String, environment: [String: String],
                                  drawn: (String, String) -> Bool) throws -> Double {
        let tmux = try Tmux(command: "exec \(program.command)", width: 120, height: 40, environment: environment)
        defer { tmux.close() }
        try tmux.waitFor(timeout: 20) { $0.contains(program.firstFrameMarker) }
        usleep(300_000)
        let log = NSTemporaryDirectory() + "rundbord-pipe-\(UUID().uuidString)"
        defer { unlink(log) }
        try tmux.pipeOutput(to: log)
        var typed = ""
        for character in text {
            typed.append(character)
            try tmux.type(String(character))
            let prefix = typed
            try tmux.waitFor(timeout: 5) { drawn($0, prefix) }
        }
        usleep(300_000)
        try tmux.stopPipe()
        usleep(100_000)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? NSNumber)?.intValue ?? 0
        return Double(bytes) / Double(text.count)
    }

    /// Bytes per second written while nothing is typed (e.g. a running countdown).
    static func idleBytesPerSecond(_ program: TerminalProgram, environment: [String: String],
                                   prepare: (Tmux) throws -> Void, seconds: Double) throws -> Double {
        let tmux = try Tmux(command: "exec \(program.command)", width: 120, height: 40, environment: environment)
        defer { tmux.close() }
        try tmux.waitFor(timeout: 20) { $0.contains(program.firstFrameMarker) }
        try prepare(tmux)
        // Let one-off redraws (a message fading, the first minute) pass.
        usleep(6_000_000)
        let log = NSTemporaryDirectory() + "rundbord-idle-\(UUID().uuidString)"
        defer { unlink(log) }
        try tmux.pipeOutput(to: log)
        usleep(useconds_t(seconds * 1_000_000))
        try tmux.stopPipe()
        usleep(100_000)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? NSNumber)?.intValue ?? 0
        return Double(bytes) / seconds
    }

    /// Peak resident memory (VmHWM) of the program once its first frame is up.
    static func peakRSS(_ program: TerminalProgram, environment: [String: String]) throws -> Double {
        let tmux = try Tmux(command: "exec \(program.command)", width: 120, height: 40, environment: environment)
        defer { tmux.close() }
        try tmux.waitFor(timeout: 30) { $0.contains(program.firstFrameMarker) }
        usleep(500_000)
        let pid = try tmux.panePid()
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else {
            throw ValidationError("no VmHWM for pid \(pid)")
        }
        return kb / 1024
    }
}

/// The terminal figures of the README table: rundbord against nano.
struct TerminalFigures {
    let folder: String
    let events: [Int: String]
    let runs: Int
    let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    var nano: TerminalProgram {
        TerminalProgram(name: "nano", command: "\(try! Bench.tool("nano")) --ignorercfiles '\(folder)/nano-\(UUID().uuidString).txt'",
                        firstFrameMarker: "GNU nano")
    }

    /// rundbord on a fresh copy of the generated event: a measurement types
    /// (a draft is saved) and starts the timer, and the next one must not find
    /// that state (a timer left running goes into overrun and shows seconds).
    func rundbord(_ notes: Int) throws -> TerminalProgram {
        guard let path = events[notes] ?? events.max(by: { $0.key < $1.key })?.value else {
            throw ValidationError("no generated event")
        }
        let copy = folder + "/terminal-\(UUID().uuidString).rundbord"
        let source = try EventStore.open(path: path, readOnly: true)
        defer { source.close() }
        try source.copy(to: copy)
        let binary = Rundbord.binary
        return TerminalProgram(name: "rundbord", command: "'\(binary)' run '\(copy)' --table 1",
                               firstFrameMarker: "F2Ret")
    }

    func measure(into report: inout BenchReport) throws {
        defer {
            // The copies made for each measurement.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("terminal-") {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
        let size = events.keys.contains(10_000) ? 10_000 : (events.keys.max() ?? 0)
        let ours = try rundbord(size)
        var oursFrames: [Double] = [], nanoFrames: [Double] = []
        for _ in 0..<runs {
            oursFrames.append(try TerminalBench.firstFrame(ours, environment: environment))
            nanoFrames.append(try TerminalBench.firstFrame(nano, environment: environment))
        }
        let a = Bench.median(oursFrames), b = Bench.median(nanoFrames)
        report.add("time to first frame, 120×40, \(size)-note event", Bench.format(seconds: a),
                   "nano: " + Bench.format(seconds: b), a / b, "≤ 1.0")

        let text = "Fælles indkøb på tværs af sektorer"
        let typedShown = { (screen: String, typed: String) in screen.contains(typed) }
        let oursBytes = try TerminalBench.bytesPerCharacter(try rundbord(size), text: text, environment: environment,
                                                            drawn: typedShown)
        let nanoBytes = try TerminalBench.bytesPerCharacter(nano, text: text, environment: environment, drawn: typedShown)
        report.add("bytes written per typed character", String(format: "%.1f", oursBytes),
                   String(format: "nano: %.1f", nanoBytes), oursBytes / nanoBytes, "≤ 1.0")

        // Instructions per key through tmux, the same way for both; rundbord
        // as a copy without debug information (valgrind 3.19 cannot read
        // Swift's DWARF 5).
        if let valgrind = try? Bench.tool("valgrind"), let objcopy = try? Bench.tool("objcopy") {
            let stripped = folder + "/rundbord-nodebug-\(getpid())"
            defer { unlink(stripped) }
            let strip = try Subprocess.run(objcopy, ["--strip-debug", Rundbord.binary, stripped])
            guard strip.status == 0 else { throw ValidationError("objcopy failed: \(strip.stderr)") }
            let plain = try rundbord(size)
            let ours = TerminalProgram(name: plain.name, command: plain.command.replacingOccurrences(of: "'\(Rundbord.binary)'", with: "'\(stripped)'"),
                                       firstFrameMarker: plain.firstFrameMarker)
            let keys = 200
            let a = try TerminalBench.instructionsPerKey(ours, valgrind: valgrind, keys: keys, quit: "C-q", confirm: "j",
                                                         environment: environment)
            let b = try TerminalBench.instructionsPerKey(nano, valgrind: valgrind, keys: keys, quit: "C-x", confirm: "n",
                                                         environment: environment)
            report.add("instructions per typed key through tmux (callgrind, \(keys) keys minus none), \(size)-note event",
                       String(format: "%.2f M", a / 1e6), String(format: "nano: %.0f k", b / 1e3), a / b, "≤ 10")
        }

        let idle = try TerminalBench.idleBytesPerSecond(try rundbord(size), environment: environment, prepare: { tmux in
            try tmux.send("F5")
        }, seconds: 20)
        report.add("bytes per second while idle, countdown running", String(format: "%.1f", idle), "-", nil, "≤ 20")

        if let largest = events.keys.max() {
            let rss = try TerminalBench.peakRSS(try rundbord(largest), environment: environment)
            report.add("peak RSS opening a \(largest)-note event", String(format: "%.1f MiB", rss), "-", nil, "≤ 64 MiB")
        }
    }
}
