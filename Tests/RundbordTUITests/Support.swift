import Foundation
import RundbordCore
import RundbordStore
@testable import RundbordTUI

/// A clock the test moves by hand, and ids counted from 1.
final class TestWorld: @unchecked Sendable {
    private let lock = NSLock()
    private var _now: Date
    private var counter = 0

    init(now: Date = Date(timeIntervalSince1970: 1_790_000_000)) { _now = now } // 2026-09-21 14:13:20 UTC

    var now: Date {
        get { lock.withLock { _now } }
        set { lock.withLock { _now = newValue } }
    }
    func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }

    func newId() -> UUID {
        lock.withLock {
            counter += 1
            return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", counter))!
        }
    }

    var env: SessionEnvironment {
        SessionEnvironment(now: { [self] in self.now }, newId: { [self] in self.newId() })
    }
}

/// A temporary event file with the bundled vision, two tables and three participants.
final class TempEvent {
    let directory: URL
    let path: String
    let store: EventStore
    let world: TestWorld

    init(world: TestWorld = TestWorld(), tables: Int = 2) throws {
        self.world = world
        // Memory-backed when available: the store fsyncs every note, which on a
        // busy disk would make these tests slow without testing anything more.
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        directory = base.appendingPathComponent("rundbord-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("test.rundbord").path
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let event = Event(id: world.newId(), title: "Fælles Værdier, Fælles Vækst", date: "2026-09-21",
                          language: "da", vision: vision, createdAt: world.now)
        store = try EventStore.create(path: path, event: event, tableCount: tables, now: world.now,
                                      newId: { [world] in world.newId() })
        try store.save(participants: [
            Participant(id: world.newId(), name: "Søren Ørsted", organisation: "Kaffe Karma", tableNumber: 1,
                        mayBeNamed: true, updatedAt: world.now),
            Participant(id: world.newId(), name: "Åse Æbelø", organisation: "Merkur Andelskasse", tableNumber: 1,
                        updatedAt: world.now),
            Participant(id: world.newId(), name: "Bo Berg", organisation: "FRAK", tableNumber: 2, updatedAt: world.now),
        ])
    }

    func app(width: Int = 80, height: Int = 24, table: Int = 1, lang: Language = .da) throws -> (TableApp, TestBackend) {
        let backend = TestBackend(width: width, height: height)
        let app = try TableApp(store: store, tableNumber: table, backend: backend, lang: lang, env: world.env)
        app.timeZone = TimeZone(identifier: "UTC")!
        app.draw()
        return (app, backend)
    }

    /// The live notes of table 1's current principle, as another reader sees them.
    func notes(table: Int = 1) throws -> [Note] {
        let other = try EventStore.open(path: path)
        defer { other.close() }
        let t = try other.table(number: table)
        return try other.notes(tableId: t.id, principleId: t.currentPrincipleId!).filter { !$0.isDeleted }
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Snapshot files beside the tests; `RECORD_SNAPSHOTS=1 swift test` re-records them.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// nil when the text equals the stored snapshot (or it was recorded); otherwise a diff-like message.
    static func check(_ text: String, named name: String) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let content = text + "\n"
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? content.write(to: url, atomically: true, encoding: .utf8)
            return recording ? nil : "snapshot \(name) did not exist; recorded it — check it and run again"
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
