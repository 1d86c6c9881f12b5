import Foundation
import Testing

/// Runs the real consumers of the exports (cmark, python3, enscript,
/// ps2pdf, pdftotext). A missing tool fails the test with the package to
/// install; it never lets the test pass silently.
enum Tool {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Debian packages providing each tool (also listed for scripts/setup).
    static let packages = ["cmark": "cmark", "cmark-gfm": "cmark-gfm", "python3": "python3", "enscript": "enscript",
                           "ps2pdf": "ghostscript", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils",
                           "iconv": "libc-bin", "paps": "paps"]

    static func path(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The tool's path, or a recorded failure naming the package to install.
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let p = path(name) { return p }
        Issue.record("\(name) is not installed: apt-get install \(packages[name] ?? name) (listed in scripts/setup)",
                     sourceLocation: sourceLocation)
        return nil
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil,
                    environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        // Read both pipes while writing, so a large output never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let input { inp.fileHandleForWriting.write(input) }
        try? inp.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a Python script with `arguments`; its stdout is JSON, decoded.
    static func python(_ script: String, _ arguments: [String], input: Data? = nil) throws -> Any? {
        guard let python = require("python3") else { return nil }
        let result = try run(python, ["-c", script] + arguments, input: input)
        guard result.status == 0 else {
            Issue.record("python failed: \(result.stderr)")
            return nil
        }
        return try JSONSerialization.jsonObject(with: result.stdout)
    }

    /// The built `rundbord` executable, next to the test bundle.
    static func rundbord(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("rundbord").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        Issue.record("the rundbord executable was not found next to the tests; run `swift build` first",
                     sourceLocation: sourceLocation)
        return nil
    }
}
