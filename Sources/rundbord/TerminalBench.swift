import ArgumentParser
import Foundation
import RundbordHarness

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
        usleep(500_000)
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

    func measure(into report: inout BenchReport) throws {
        var nanoFrames: [Double] = []
        for _ in 0..<runs { nanoFrames.append(try TerminalBench.firstFrame(nano, environment: environment)) }
        let nanoFrame = Bench.median(nanoFrames)
        report.add("time to first frame, 120×40", "-", "nano: " + Bench.format(seconds: nanoFrame), nil, "≤ 1.0× nano")
        let text = "Fælles indkøb på tværs af sektorer"
        let nanoBytes = try TerminalBench.bytesPerCharacter(nano, text: text, environment: environment) { screen, typed in
            screen.contains(typed)
        }
        report.add("bytes written per typed character", "-", String(format: "nano: %.1f", nanoBytes), nil, "≤ nano")
    }
}
