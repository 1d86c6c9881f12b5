import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn: its output goes to files (no
/// pipes to drain), its signal mask is reset (a test thread blocks signals,
/// and the child would inherit that), and it is waited for with waitpid.
/// Foundation.Process is avoided: its waitUntilExit can hang when the child
/// starts a server such as tmux (see ARCHITECTURE.md).
public struct Subprocess: Sendable {
    public let pid: pid_t
    public let stdoutPath: String
    public let stderrPath: String

    public static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                      stdin: String? = nil, inheritOutput: Bool = false) throws -> Subprocess {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
        let out = base + ".out", err = base + ".err", input = base + ".in"
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: input))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        if !inheritOutput {
            posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
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
        for (k, v) in environment { env[k] = v }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        unlink(input)
        guard rc == 0 else { throw SubprocessError(executable: executable, code: rc) }
        return Subprocess(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits for the process; returns its exit status (128+signal when killed).
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    public func cleanUp() {
        unlink(stdoutPath)
        unlink(stderrPath)
    }
}

public struct SubprocessError: Error, CustomStringConvertible {
    public let executable: String
    public let code: Int32
    public var description: String { "\(executable): cannot start (\(String(cString: strerror(code))))" }
}

extension Subprocess {
    /// Runs to completion; returns status, standard output and standard error.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try start(executable, arguments, environment: environment, stdin: stdin)
        let status = child.wait()
        defer { child.cleanUp() }
        return (status, child.stdout, child.stderr)
    }
}
