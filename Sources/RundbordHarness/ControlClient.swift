import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `tmux -C` control-mode client: commands go in on a pipe and each
/// answer comes back between `%begin` and `%end`, with no process start per
/// command, so the screen can be polled every millisecond or so.
public final class ControlClient {
    let pid: pid_t
    let input: Int32
    let output: Int32
    var pending = [UInt8]()

    public init(_ session: Tmux) throws {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw TmuxError(message: "pipe failed") }
        // Our ends must not leak into tmux (its server would hold them open).
        _ = fcntl(toChild[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromChild[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let args = [session.tmux, "-L", session.socket, "-C", "attach-session", "-t", "main"]
        let argv = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let env = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        guard posix_spawnp(&child, session.tmux, &actions, &attributes, argv, env) == 0 else {
            throw TmuxError(message: "cannot start tmux -C")
        }
        close(toChild[0])
        close(fromChild[1])
        pid = child
        input = toChild[1]
        output = fromChild[0]
        _ = try command("display-message -p ready")
    }

    /// Sends one command and returns its output lines.
    public func command(_ line: String) throws -> [String] {
        let bytes = Array((line + "\n").utf8)
        guard write(input, bytes, bytes.count) == bytes.count else { throw TmuxError(message: "tmux -C closed") }
        var lines: [String] = []
        var inBlock = false
        while true {
            let next = try readLine()
            if next.hasPrefix("%begin") { inBlock = true; lines = []; continue }
            if next.hasPrefix("%end") || next.hasPrefix("%error") {
                if inBlock { return lines }
                continue
            }
            if inBlock { lines.append(next) }
        }
    }

    func readLine() throws -> String {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(output, &buffer, buffer.count)
            guard n > 0 else { throw TmuxError(message: "tmux -C ended") }
            pending.append(contentsOf: buffer[..<n])
        }
    }

    deinit {
        close(input)
        close(output)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
