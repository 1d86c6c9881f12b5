import Foundation
@_exported import RundbordProcess
#if canImport(Glibc)
import Glibc
#endif

/// A tmux server on a private socket running one program in one pane, for
/// end-to-end tests and benchmarks: type with `send`, read with `capture`.
/// Never the default socket: other programs on the machine use it.
public final class Tmux: @unchecked Sendable {
    public let socket: String
    public let tmux: String

    /// Starts `command` (run by /bin/sh) in a detached session of `width`×`height`.
    public init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "rundbord-\(getpid())-\(UUID().uuidString.prefix(8))"
        tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        let r = try Subprocess.run(tmux, args, environment: ["TERM": "xterm-256color"])
        guard r.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(r.stderr)") }
        // Keep the pane after the program exits, so its last screen can be read.
        _ = try? run(["set-option", "-t", "main", "remain-on-exit", "on"])
        _ = try? run(["set-option", "-g", "status", "off"])
        _ = try? run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let r = try Subprocess.run(tmux, ["-L", socket] + arguments)
        guard r.status == 0 else { throw TmuxError(message: "tmux \(arguments.first ?? ""): \(r.stderr)") }
        return r.stdout
    }

    /// Types `text` literally (UTF-8, no key names). "--" ends the flags, so
    /// that a text starting with "-" is typed rather than read as a flag.
    public func type(_ text: String) throws { try run(["send-keys", "-t", "main", "-l", "--", text]) }

    /// Sends key names such as "Enter", "C-c", "F1", "Escape".
    public func send(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

    /// Pastes `text` as a bracketed paste, as a terminal does when the program asked for it.
    public func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "paste", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    /// The visible screen as text (no escape sequences).
    public func capture() throws -> String { try run(["capture-pane", "-p", "-t", "main"]) }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass.
    @discardableResult
    public func waitFor(timeout: Double = 5, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !predicate(screen) && Date() < deadline {
            usleep(20_000)
            screen = try capture()
        }
        return screen
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the program in the pane (the shell's, or the
    /// program's when the command `exec`s it).
    public func panePid() throws -> pid_t {
        pid_t(try run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The pane's program's exit status (128 + the signal when a signal ended
    /// it, as a shell reports it), or nil while it runs. tmux 3.3 can see the
    /// terminal close and then never report how the process ended: that is
    /// -1. A test that needs the status runs the program as
    /// `PROGRAM; echo "rc=$?"; sleep 30` and reads it from the screen.
    public func paneExit() throws -> Int32? {
        let out = try run(["display-message", "-p", "-t", "main", "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "|", omittingEmptySubsequences: false)
        guard out.count == 3, out[0] == "1" else { return nil }
        if let status = Int32(out[1]) { return status }
        if let signal = Int32(out[2]) { return 128 + signal }
        return -1
    }

    /// Waits up to `timeout` seconds for the pane's program to end; its exit status as `paneExit`, or nil if it still runs.
    public func waitForExit(timeout: Double = 5) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let status = try paneExit() { return status }
            guard Date() < deadline else { return nil }
            usleep(5_000)
        }
    }

    /// The file `pipeOutput` writes to, while a pipe is open.
    private var pipedFile: String?

    /// Appends everything the program writes to the terminal to `file`.
    /// tmux runs the `cat` in the background, so the file is created here
    /// first: a reader never finds it missing, however late that `cat` starts.
    public func pipeOutput(to file: String) throws {
        if !FileManager.default.fileExists(atPath: file) {
            guard FileManager.default.createFile(atPath: file, contents: nil) else {
                throw TmuxError(message: "cannot create \(file)")
            }
        }
        try? FileManager.default.removeItem(atPath: file + ".closed")
        pipedFile = file
        try run(["pipe-pane", "-o", "-t", "main", "cat >> '\(file)'; : > '\(file).closed'"])
    }

    /// Stops the pipe and waits (up to 10 s) until its `cat` has written
    /// everything it was given and exited: on a loaded machine that `cat`
    /// can run well after tmux closed the pipe.
    public func stopPipe() throws {
        try run(["pipe-pane", "-t", "main"])
        guard let file = pipedFile else { return }
        pipedFile = nil
        let marker = file + ".closed"
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline { usleep(10_000) }
        try? FileManager.default.removeItem(atPath: marker)
    }

    /// Stops the server and removes its socket.
    public func close() {
        _ = try? Subprocess.run(tmux, ["-L", socket, "kill-server"])
        let dir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(dir)/tmux-\(getuid())/\(socket)")
    }

    deinit { close() }
}

public struct TmuxError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
