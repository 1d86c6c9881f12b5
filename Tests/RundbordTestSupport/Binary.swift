import Foundation
import RundbordHarness

/// The source tree and the built `rundbord` binary (`swift test` builds it beside the tests).
public enum Binary {
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Beside the test bundle, or in a folder above the test runner, else the debug build.
    public static var rundbord: String {
        // To run the end-to-end tests against another build (e.g. the code before a fix).
        if let other = ProcessInfo.processInfo.environment["RUNDBORD_BINARY"], !other.isEmpty { return other }
        var candidates = [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rundbord").path]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("rundbord").path)
            dir = dir.deletingLastPathComponent()
        }
        let debug = repoRoot.appendingPathComponent(".build/debug/rundbord").path
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? debug
    }
}

public struct RunResult {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status; self.stdout = stdout; self.stderr = stderr
    }
}

/// Runs `rundbord ARGS` to completion in a UTF-8 locale.
public func rundbord(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> RunResult {
    var env = ["LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    let r = try Subprocess.run(Binary.rundbord, arguments, environment: env, stdin: stdin)
    return RunResult(status: r.status, stdout: r.stdout, stderr: r.stderr)
}
