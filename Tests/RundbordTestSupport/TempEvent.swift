import Foundation
import RundbordCore
import RundbordStore
import RundbordTUI

/// A temporary event file with the bundled vision, two tables and three participants.
public final class TempEvent {
    public let folder: TempFolder
    public let path: String
    public let store: EventStore
    public let world: TestWorld
    public var directory: URL { folder.url }

    public init(world: TestWorld = TestWorld(), tables: Int = 2) throws {
        self.world = world
        folder = TempFolder(prefix: "rundbord-tui", memory: true)
        path = folder.path("test.rundbord")
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

    public func app(width: Int = 80, height: Int = 24, table: Int = 1, lang: Language = .da,
                    bell: Bool = true) throws -> (TableApp, TestBackend) {
        let backend = TestBackend(width: width, height: height)
        let app = try TableApp(store: store, tableNumber: table, backend: backend, lang: lang, env: world.env, bell: bell)
        // The harvest preview built at once, so a test sees it after the key.
        app.runInBackground = { $0() }
        app.timeZone = TimeZone(identifier: "UTC")!
        app.draw()
        return (app, backend)
    }

    /// The live notes of a table's current principle, as another reader sees them.
    public func notes(table: Int = 1) throws -> [Note] {
        let other = try EventStore.open(path: path)
        defer { other.close() }
        let t = try other.table(number: table)
        return try other.notes(tableId: t.id, principleId: t.currentPrincipleId!).filter { !$0.isDeleted }
    }

    deinit { store.close() }
}
