import Foundation

/// Snapshot files in a folder beside a test target; `RECORD_SNAPSHOTS=1 swift test` re-records them.
public struct Snapshot: Sendable {
    public let directory: URL

    /// `__Snapshots__` beside the file that calls this (pass `#filePath`).
    public init(besides file: String) {
        directory = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// nil when the text equals the stored snapshot (or it was recorded); otherwise a diff-like message.
    public func check(_ text: String, named name: String) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let content = text + "\n"
        if Self.recording || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? content.write(to: url, atomically: true, encoding: .utf8)
            return Self.recording ? nil : "snapshot \(name) did not exist; recorded it — check it and run again"
        }
        let stored = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard stored != content else { return nil }
        let a = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let b = content.split(separator: "\n", omittingEmptySubsequences: false)
        var report = "snapshot \(name) differs (RECORD_SNAPSHOTS=1 re-records):\n"
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<none>"
            let y = i < b.count ? String(b[i]) : "<none>"
            if x != y { report += "line \(i + 1):\n  stored: \(x)\n  now:    \(y)\n" }
        }
        return report
    }
}
