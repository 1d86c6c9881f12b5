import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it, with posix_spawnp and waitpid rather than
/// Foundation.Process: `Process.waitUntilExit()` never returns for
/// `tmux new-session` (the server inherits a descriptor), and a process spawned
/// from a test thread would inherit its blocked signals, so the mask is reset.
enum Spawn {
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]) -> (status: Int32, output: String) {
        let outPath = NSTemporaryDirectory() + "rundbord-e2e-out-\(UUID().uuidString)"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { return (-1, "spawn failed: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : -1, output)
    }
}

/// A tmux server of its own (`tmux -L NAME`, never the default socket) with
/// one window running a command; killed and its socket removed at the end.
final class Tmux {
    let socket = "rundbord-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let environment: [String: String]

    static var available: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }
    }

    init(extraEnvironment: [String: String] = [:]) {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["NO_COLOR"] = nil // swift test sets it; a test that wants it says so
        for (k, v) in extraEnvironment { env[k] = v }
        environment = env
    }

    @discardableResult
    func tmux(_ arguments: String...) -> (status: Int32, output: String) {
        Spawn.run(["tmux", "-u", "-L", socket] + arguments, environment: environment)
    }

    /// Starts a session running `command` (through sh) in a window of the given size.
    func start(_ command: String, width: Int = 80, height: Int = 24) {
        let started = tmux("new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", command)
        if started.status != 0 { print("tmux new-session failed (\(started.status)): \(started.output)") }
        // Keep the window at the size asked for, whatever clients attach.
        tmux("set-option", "-t", "e2e", "window-size", "manual")
    }

    func type(_ text: String) { tmux("send-keys", "-t", "e2e", "-l", "--", text) }
    func keys(_ keys: String...) { Spawn.run(["tmux", "-u", "-L", socket, "send-keys", "-t", "e2e"] + keys, environment: environment) }

    func paste(_ text: String) {
        let path = NSTemporaryDirectory() + "rundbord-e2e-paste-\(UUID().uuidString)"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        tmux("load-buffer", "-b", "e2e", path)
        // -p: as a bracketed paste, when the program asked for it; -r: newlines stay LF.
        tmux("paste-buffer", "-p", "-r", "-b", "e2e", "-t", "e2e")
    }

    func capture(escapes: Bool = false) -> String {
        escapes ? tmux("capture-pane", "-e", "-p", "-t", "e2e").output : tmux("capture-pane", "-p", "-t", "e2e").output
    }

    /// Polls the screen until `text` appears; the last capture either way.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) -> (found: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = capture()
            if screen.contains(text) { return (true, screen) }
            usleep(40_000)
        } while Date() < deadline
        return (false, screen)
    }

    func resize(width: Int, height: Int) {
        tmux("resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)")
    }

    var panePid: pid_t {
        pid_t(tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}").output
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func stop() {
        tmux("kill-server")
        let dir = environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        unlink("\(dir)/tmux-\(getuid())/\(socket)")
    }

    deinit { stop() }
}

/// Paths and helpers for driving the built binary.
enum Binary {
    /// .build/debug/rundbord of this package, found from this file's place.
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/rundbord").path

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// `swift test` compiles the executable's modules but does not relink the
    /// binary, so after a source change the binary may be old: say so rather
    /// than test old code. nil when no object file of its modules is newer.
    static var staleness: String? {
        guard exists else { return "\(path) is missing: run swift build first" }
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

    /// A fresh directory for one test's files.
    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "rundbord-e2e-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Single-quoted for sh.
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Waits until `pid` is gone (or the time is up).
    static func waitGone(_ pid: pid_t, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if kill(pid, 0) != 0 && errno == ESRCH { return true }
            usleep(20_000)
        }
        return false
    }

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
