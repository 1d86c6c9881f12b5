import Foundation
import RundbordCore
import RundbordHarness

/// The built `rundbord` binary (`swift test` builds it beside the tests).
enum Binary {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var rundbord: String {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rundbord").path,
                          repoRoot.appendingPathComponent(".build/debug/rundbord").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }
}

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `rundbord ARGS` to completion in a UTF-8 locale.
func rundbord(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> RunResult {
    var env = ["LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    let r = try Subprocess.run(Binary.rundbord, arguments, environment: env, stdin: stdin)
    return RunResult(status: r.status, stdout: r.stdout, stderr: r.stderr)
}
