import Foundation

/// A temporary folder removed when the test ends.
public final class TempFolder {
    public let url: URL

    /// In memory (/dev/shm) when `memory` and it is available: the store fsyncs
    /// every note, which on a busy disk makes tests slow without testing more.
    public init(prefix: String = "rundbord-test", memory: Bool = false) {
        let base = memory && FileManager.default.isWritableFile(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
