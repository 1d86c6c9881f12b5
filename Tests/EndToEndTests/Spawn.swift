import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `rundbord` binary beside the test bundle (`swift test` builds it).
enum Binary {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var rundbord: String {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rundbord").path,
                          repoRoot.appendingPathComponent(".build/debug/rundbord").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }
}

/// A child process started with posix_spawn: its output goes to files (no
/// pipes to drain), its signal mask is reset (a test thread blocks signals,
/// and the child would inherit that), and it is waited for with waitpid.
/// Foundation.Process is avoided: it can hang here (see ARCHITECTURE.md).
struct Spawned {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                      stdin: String? = nil) throws -> Spawned {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
        let out = base + ".out", err = base + ".err", input = base + ".in"
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: input))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        unlink(input)
        guard rc == 0 else { throw NSError(domain: "spawn", code: Int(rc)) }
        return Spawned(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits for the process; returns its exit status (128+signal when killed).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func cleanUp() {
        unlink(stdoutPath)
        unlink(stderrPath)
    }
}

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `rundbord ARGS` to completion.
func rundbord(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> RunResult {
    let child = try Spawned.start(Binary.rundbord, arguments, environment: environment, stdin: stdin)
    let status = child.wait()
    defer { child.cleanUp() }
    return RunResult(status: status, stdout: child.stdout, stderr: child.stderr)
}
