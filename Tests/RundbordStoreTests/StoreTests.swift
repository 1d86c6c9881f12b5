import Foundation
import RundbordTestSupport
import GRDB
import Testing
@testable import RundbordCore
@testable import RundbordStore

func makeEvent(_ folder: TempFolder, tables: Int = 3, name: String = "event.rundbord") throws -> EventStore {
    let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
    let event = Event(id: UUID(), title: "Rundbord på Rådhuset", date: "2024-11-06", language: "da",
                      vision: vision, createdAt: Date())
    return try EventStore.create(path: folder.path(name), event: event, tableCount: tables, now: Date())
}

func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite("Event store")
struct StoreTests {
    @Test func createMakesTablesWalkingEveryPrincipleOwnerOnly() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder, tables: 4)
        let tables = try store.tables()
        #expect(tables.map(\.number) == [1, 2, 3, 4])
        #expect(tables.allSatisfy { $0.principleIds.count == 5 })
        #expect(Set(tables.map(\.id)).count == 4)
        #expect(try store.event().vision.principles.count == 5)
        #expect(try mode(folder.path("event.rundbord")) == 0o600)
        // Nothing is left behind from building the file under a temporary name.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        try store.save(note: Note(id: UUID(), tableId: tables[0].id, principleId: "x", kind: .point,
                                  text: "a", createdAt: Date()))
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: folder.path("event.rundbord" + suffix)) {
            #expect(try mode(folder.path("event.rundbord" + suffix)) & 0o077 == 0, "\(suffix) is owner-only")
        }
    }

    @Test func createRefusesAnExistingFileAndLeavesItAlone() throws {
        let folder = TempFolder()
        let path = folder.path("event.rundbord")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RundbordError.self) { _ = try makeEvent(folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("mine".utf8))
    }

    @Test func foreignFilesAreRefusedAndNotModified() throws {
        let folder = TempFolder()
        let text = folder.path("notes.txt")
        try Data("just text, not a database".utf8).write(to: URL(fileURLWithPath: text))
        let other = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "CREATE TABLE x (a); INSERT INTO x VALUES (1)") }
        try queue.close()
        for path in [text, other] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                _ = try EventStore.open(path: path)
                Issue.record("\(path) opened")
            } catch {
                #expect(error.exitCode == .dataError)
                #expect(error.message(.en).contains("is not a rundbord event file"))
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func newerFilesAreRefusedAndNotModified() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder)
        try store.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        store.close()
        let path = folder.path("event.rundbord")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try EventStore.open(path: path)
            Issue.record("opened")
        } catch {
            #expect(error.message(.en).contains("newer rundbord (schema version 99"))
            #expect(error.exitCode == .dataError)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func missingFileIsNoInput() {
        do { _ = try EventStore.open(path: "/nonexistent/x.rundbord") } catch {
            #expect(error.exitCode == .noInput)
        }
    }

    @Test func notesAreReadInPagesOfOneTableAndPrinciple() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder, tables: 2)
        let tables = try store.tables()
        let principle = tables[0].principleIds[0]
        let start = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<50 {
            try store.save(note: Note(id: UUID(), tableId: tables[i % 2].id, principleId: principle, kind: .point,
                                      text: "nr \(i)", createdAt: start.addingTimeInterval(Double(i))))
        }
        let page = try store.notes(tableId: tables[0].id, principleId: principle, limit: 10)
        #expect(page.map(\.text) == stride(from: 30, to: 50, by: 2).map { "nr \($0)" }, "the newest ten, oldest first")
        #expect(try store.notes(tableId: tables[1].id, principleId: tables[1].principleIds[1]).isEmpty)
    }

    @Test func notesRoundTripEveryField() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder)
        let table = try store.table(number: 2)
        let note = Note(id: UUID(), tableId: table.id, principleId: table.principleIds[2], kind: .initiative,
                        text: "Fælles\nindkøb ÆØÅ 👍", speakerId: UUID(), speakerOrganisation: "Kaffe Karma",
                        createdAt: Date(timeIntervalSince1970: 1_730_880_000.25),
                        editedAt: Date(timeIntervalSince1970: 1_730_880_100.5),
                        deletedAt: nil, funding: .canStartNow, owner: "KK", horizon: "2025", dots: 7)
        try store.save(note: note)
        #expect(try store.note(id: note.id) == note)
        var edited = note
        edited.text = "ændret"
        edited.deletedAt = Date(timeIntervalSince1970: 1_730_880_200)
        try store.save(note: edited)
        #expect(try store.note(id: note.id) == edited)
        #expect(try store.allNotes().isEmpty, "deleted notes are not exported")
        #expect(try store.allNotes(includeDeleted: true) == [edited])
    }

    @Test func sessionEffectsArePersistedAndReloaded() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder)
        var session = try store.session(tableNumber: 1)
        try store.perform(try session.reduce(.addNote(text: "!Kooperativ kaffebar", kind: nil, speakerId: nil,
                                                      speakerOrganisation: "Kaffe Karma"), .live))
        let id = session.initiatives[0].id
        try store.perform(try session.reduce(.setDots(id, 3), .live))
        try store.perform(try session.reduce(.setAgreement(AgreementTally(agree: 4, dontKnow: 1)), .live))
        try store.perform(try session.reduce(.startTimer, .live))
        var followUps = try store.perform(try session.reduce(.nextPrinciple, .live))
        #expect(followUps.count == 1)
        try session.reduce(followUps.removeFirst(), .live)
        #expect(session.notes.isEmpty)

        let reopened = try store.session(tableNumber: 1)
        #expect(reopened.principleIndex == 1)
        #expect(reopened.notes.isEmpty)
        let back = try store.session(tableNumber: 1, principleIndex: 0)
        #expect(back.initiatives.map(\.text) == ["Kooperativ kaffebar"])
        #expect(back.initiatives.first?.dots == 3)
        #expect(back.agreement == AgreementTally(agree: 4, dontKnow: 1))
    }

    @Test func summaryCountsPerTableKindAndPrinciple() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder, tables: 2)
        for (table, text) in [(1, "a"), (1, "!b"), (2, "?c"), (2, "!d")] {
            var s = try store.session(tableNumber: table)
            try store.perform(try s.reduce(.addNote(text: text, kind: nil, speakerId: nil, speakerOrganisation: nil), .live))
            if let initiative = s.initiatives.first { try store.perform(try s.reduce(.setDots(initiative.id, 2), .live)) }
        }
        let summary = try store.summary()
        #expect(summary.total == 4)
        #expect(summary.notes[1]?[.initiative] == 1)
        #expect(summary.notes[2]?[.question] == 1)
        #expect(summary.dots[1] == 2 && summary.dots[2] == 2)
        #expect(summary.total(kind: .initiative) == 2)
    }

    @Test func changeTokenMovesWhenAnotherConnectionWrites() throws {
        let folder = TempFolder()
        let watcher = try makeEvent(folder)
        let other = try EventStore.open(path: folder.path("event.rundbord"))
        let first = try watcher.changeToken()
        #expect(try watcher.changeToken() == first, "reading does not change it")
        let table = try other.table(number: 1)
        try other.save(note: Note(id: UUID(), tableId: table.id, principleId: "p", kind: .point, text: "x", createdAt: Date()))
        #expect(try watcher.changeToken() != first)
    }

    /// A draft keeps the kind chosen for it with F3 and the principle it was begun under.
    @Test func aDraftKeepsItsKindAndPrinciple() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder)
        let table = try store.table(number: 1)
        try store.save(draft: "Fælles indkøb", kind: .initiative, principleId: table.principleIds[1], tableId: table.id)
        #expect(try store.savedDraft(tableId: table.id)
                == SavedDraft(text: "Fælles indkøb", kind: .initiative, principleId: table.principleIds[1]))
        #expect(try store.draft(tableId: table.id) == "Fælles indkøb")
        try store.save(draft: "!Fælles indkøb for alle", tableId: table.id)
        #expect(try store.savedDraft(tableId: table.id) == SavedDraft(text: "!Fælles indkøb for alle"))
    }

    /// A file from before schema v6 has drafts without a kind: read as it is
    /// (read-only), and migrated when opened for writing.
    @Test func aDraftFromBeforeSchemaSixComesBackAndTheFileIsMigrated() throws {
        let dir = MultiFixture.directory()
        let path = dir.appendingPathComponent("v5.rundbord").path
        let queue = try MultiFixture.olderFile(path, upTo: "v5: consent history, retention", event: MultiFixture.event(),
                                               text: "Skrevet med version 5")
        try queue.write { db in
            let tableId = try String.fetchOne(db, sql: "SELECT id FROM roundTable")
            try db.execute(sql: "INSERT INTO draft (tableId, text, updatedAt) VALUES (?, 'halvt skrevet', 1600)",
                           arguments: [tableId])
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 5)
        try queue.close()
        let reader = try EventStore.open(path: path, readOnly: true)
        let tableId = try reader.table(number: 1).id
        #expect(try reader.savedDraft(tableId: tableId) == SavedDraft(text: "halvt skrevet"))
        reader.close()
        let store = try EventStore.open(path: path)
        defer { store.close() }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == EventStore.schemaVersion)
        #expect(try store.savedDraft(tableId: tableId) == SavedDraft(text: "halvt skrevet"))
        try store.save(draft: "Hvem betaler", kind: .question, tableId: tableId)
        #expect(try store.savedDraft(tableId: tableId)?.kind == .question)
    }

    @Test func draftsAreKeptPerTable() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder)
        let table = try store.table(number: 1)
        try store.save(draft: "halvt skrevet æøå", tableId: table.id)
        #expect(try store.draft(tableId: table.id) == "halvt skrevet æøå")
        try store.save(draft: nil, tableId: table.id)
        #expect(try store.draft(tableId: table.id) == nil)
    }
}

@Suite("Damaged files")
struct DamagedFileTests {
    func filled(_ folder: TempFolder) throws -> String {
        let store = try makeEvent(folder, tables: 2)
        let table = try store.table(number: 1)
        try store.save(notes: (0..<3000).map {
            Note(id: UUID(), tableId: table.id, principleId: table.principleIds[$0 % 5], kind: .point,
                 text: "notat \($0) med lidt tekst æøå", createdAt: Date())
        })
        store.close()
        return folder.path("event.rundbord")
    }

    func expectRefusedAndUnchanged(_ path: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var refused = false
        do {
            let store = try EventStore.open(path: path)
            _ = try store.allNotes()
            _ = try store.summary()
        } catch {
            refused = true
            #expect(error.exitCode == .dataError)
            #expect(error.message(.en).contains("damaged"), "\(error.message(.en))")
        }
        #expect(refused)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "a damaged file is never written")
    }

    @Test func truncatedFileIsRefused() throws {
        let folder = TempFolder()
        let path = try filled(folder)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size.intValue / 2))
        try handle.close()
        try expectRefusedAndUnchanged(path)
    }

    @Test func scrambledPagesAreRefused() throws {
        let folder = TempFolder()
        let path = try filled(folder)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in stride(from: 8192, to: data.count, by: 7) { data[i] = data[i] ^ 0x5A }
        try data.write(to: URL(fileURLWithPath: path))
        try expectRefusedAndUnchanged(path)
    }
}

@Suite("Durability settings")
struct DurabilityTests {
    /// WAL with synchronous=FULL: a commit is on disk when save returns.
    @Test func walAndSynchronousFull() throws {
        let folder = TempFolder()
        let store = try makeEvent(folder)
        let (mode, sync) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2, "2 is FULL")
        let reopened = try EventStore.open(path: folder.path("event.rundbord"))
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func openingWritesNothing() throws {
        let folder = TempFolder()
        try makeEvent(folder).close()
        let path = folder.path("event.rundbord")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try EventStore.open(path: path)
        _ = try store.tables()
        store.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
