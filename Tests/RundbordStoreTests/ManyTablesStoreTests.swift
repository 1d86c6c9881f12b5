import Foundation
import GRDB
import Testing
import RundbordCore
@testable import RundbordStore

@Suite struct EventFileCopyTests {
    @Test func aCopyIsCompleteOwnerOnlyAndTheSameEvent() throws {
        let dir = MultiFixture.directory()
        let store = try MultiFixture.create(dir, "a.rundbord")
        // A second connection that stays open: its notes sit in the WAL, not yet in the main file.
        let other = try EventStore.open(path: store.path)
        for i in 0..<50 { _ = try MultiFixture.note(other, table: 2, "Notat \(i) om Ærø", at: 2_000 + Double(i)) }
        let copyPath = dir.appendingPathComponent("kopi.rundbord").path
        try store.copy(to: copyPath)

        var info = stat()
        #expect(stat(copyPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        // The copy alone (no -wal beside it) holds every note.
        #expect(!FileManager.default.fileExists(atPath: copyPath + "-wal"))
        let copy = try EventStore.open(path: copyPath)
        #expect(try copy.event().id == store.event().id)
        #expect(try copy.tables().map(\.id) == store.tables().map(\.id))
        #expect(try copy.allNotes().count == 50)
        #expect(try copy.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")

        // An existing file is never replaced.
        #expect(throws: RundbordError.self) { try store.copy(to: copyPath) }
        #expect(try copy.allNotes().count == 50)
    }

    @Test func closingLeavesACompleteMainFile() throws {
        let dir = MultiFixture.directory()
        let store = try MultiFixture.create(dir, "a.rundbord")
        _ = try MultiFixture.note(store, table: 1, "Skal overleve en cp", at: 2_000)
        _ = try store.tables() // a reader connection is open too
        store.close()
        #expect(!FileManager.default.fileExists(atPath: store.path + "-wal"))
        let plainCopy = dir.appendingPathComponent("cp.rundbord").path
        try FileManager.default.copyItem(atPath: store.path, toPath: plainCopy)
        #expect(try EventStore.open(path: plainCopy, readOnly: true).allNotes().map(\.text) == ["Skal overleve en cp"])
    }
}

@Suite struct ChangeTokenTests {
    @Test func anotherConnectionsWriteChangesTheTokenAndReadsDoNot() throws {
        let dir = MultiFixture.directory()
        let dashboard = try MultiFixture.create(dir, "a.rundbord")
        let table = try EventStore.open(path: dashboard.path)
        let start = try dashboard.changeToken()
        _ = try dashboard.dashboard()
        _ = try table.allNotes()
        #expect(try dashboard.changeToken() == start)
        _ = try MultiFixture.note(table, table: 1, "Fra en anden terminal", at: 2_000)
        let afterWrite = try dashboard.changeToken()
        #expect(afterWrite != start)
        #expect(try dashboard.changeToken() == afterWrite)
    }
}

@Suite struct DashboardSnapshotTests {
    @Test func countsTotalsAndTopInitiatives() throws {
        let dir = MultiFixture.directory()
        let store = try MultiFixture.create(dir, "a.rundbord", tables: 3)
        _ = try MultiFixture.note(store, table: 1, "Pointe", at: 2_000)
        _ = try MultiFixture.note(store, table: 1, "Indsats A", kind: .initiative, at: 2_100, dots: 3)
        _ = try MultiFixture.note(store, table: 2, principle: 1, "Indsats B", kind: .initiative, at: 2_200, dots: 9)
        _ = try MultiFixture.note(store, table: 2, principle: 1, "Indsats C", kind: .initiative, at: 2_300, dots: 3)
        var deleted = try MultiFixture.note(store, table: 2, "Slettet indsats", kind: .initiative, at: 2_400, dots: 50)
        deleted.deletedAt = Date(timeIntervalSince1970: 2_500)
        deleted.editedAt = Date(timeIntervalSince1970: 2_500)
        try store.save(note: deleted)
        let t1 = try store.table(number: 1)
        try store.save(agreement: AgreementTally(agree: 4, disagree: 1), tableId: t1.id, principleId: t1.principleIds[0],
                       now: Date(timeIntervalSince1970: 2_600))
        try store.save(participant: Participant(id: UUID(), name: "Åse", tableNumber: 2, updatedAt: Date()))

        let snapshot = try store.dashboard(top: 2)
        #expect(snapshot.tables.map(\.number) == [1, 2, 3])
        #expect(snapshot.tables[0].counts == [.point: 1, .initiative: 1])
        #expect(snapshot.tables[0].dots == 3)
        #expect(snapshot.tables[0].lastActivity == Date(timeIntervalSince1970: 2_600))
        #expect(snapshot.tables[1].counts == [.initiative: 2])
        #expect(snapshot.tables[1].dots == 12)
        #expect(snapshot.tables[1].participants == 1)
        #expect(snapshot.tables[1].lastActivity == Date(timeIntervalSince1970: 2_500))
        #expect(snapshot.tables[2].total == 0)
        #expect(snapshot.tables[2].lastActivity == nil)
        #expect(snapshot.tables[0].phase == .present && snapshot.tables[0].principleCount == MultiFixture.vision.principles.count)
        #expect(snapshot.totalNotes == 4)
        #expect(snapshot.total(kind: .initiative) == 3)
        #expect(snapshot.principles.map(\.id) == MultiFixture.vision.principles.map(\.id))
        #expect(snapshot.principles[0].total == 2 && snapshot.principles[1].total == 2)
        #expect(snapshot.principles[1].dots == 12)
        #expect(snapshot.principles[0].agreement == AgreementTally(agree: 4, disagree: 1))
        // Most dots first; a tie goes to the older; deleted ones never count.
        #expect(snapshot.topInitiatives.map(\.text) == ["Indsats B", "Indsats A"])
        #expect(snapshot.topInitiatives.map(\.tableNumber) == [2, 1])
        #expect(snapshot.participants == 1)
    }

    @Test func anInitiativeWithNoDotsIsNotAmongTheMostVoted() throws {
        let store = try MultiFixture.create(MultiFixture.directory(), "a.rundbord", tables: 2)
        _ = try MultiFixture.note(store, table: 1, "Ingen har stemt på mig", kind: .initiative, at: 2_000)
        _ = try MultiFixture.note(store, table: 2, "Én prik", kind: .initiative, at: 2_100, dots: 1)
        #expect(try store.dashboard().topInitiatives.map(\.text) == ["Én prik"])
        _ = try MultiFixture.note(store, table: 1, "Endnu en uden prikker", kind: .initiative, at: 2_200, dots: 0)
        #expect(try store.dashboard().topInitiatives.map(\.text) == ["Én prik"])
    }

    @Test func aTableThatMovedHasActivity() throws {
        let store = try MultiFixture.create(MultiFixture.directory(), "a.rundbord")
        var table = try store.table(number: 3)
        table.progress.phase = .discuss
        table.updatedAt = Date(timeIntervalSince1970: 7_000)
        try store.save(table: table)
        #expect(try store.dashboard().tables[2].lastActivity == Date(timeIntervalSince1970: 7_000))
    }
}

@Suite struct ParticipantStoreTests {
    let entries = [
        RosterEntry(line: 2, name: "Søren Ærø", organisation: "KK", email: "soren@kk.dk", tableNumber: 1, mayBeNamed: true),
        RosterEntry(line: 3, name: "Åse Øberg", organisation: "Andelen", tableNumber: 2),
    ]

    @Test func reImportingTheSameRosterAddsNoOne() throws {
        let store = try MultiFixture.create(MultiFixture.directory(), "a.rundbord")
        #expect(try store.importParticipants(entries) == RosterImportReport(added: 2))
        #expect(try store.importParticipants(entries) == RosterImportReport(unchanged: 2))
        var changed = entries
        changed[0].tableNumber = 3
        changed[1].email = "aase@andelen.dk"   // Åse had no e-mail: matched by name and organisation
        #expect(try store.importParticipants(changed) == RosterImportReport(updated: 2))
        let people = try store.participants()
        #expect(people.count == 2)
        #expect(people.first { $0.name == "Åse Øberg" }?.email == "aase@andelen.dk")
        #expect(people.first { $0.name == "Søren Ærø" }?.tableNumber == 3)
    }

    @Test func importRefusesATableThatDoesNotExist() throws {
        let store = try MultiFixture.create(MultiFixture.directory(), "a.rundbord", tables: 2)
        #expect(throws: RundbordError.self) {
            try store.importParticipants([RosterEntry(line: 2, name: "X", tableNumber: 9)])
        }
        #expect(try store.participants().isEmpty)
    }

    @Test func moveConsentUpdateAndDelete() throws {
        let store = try MultiFixture.create(MultiFixture.directory(), "a.rundbord")
        _ = try store.importParticipants(entries, now: Date(timeIntervalSince1970: 1_000))
        let soren = try #require(try store.participants(matching: "SOREN@KK.DK").first)
        #expect(try store.participants(matching: "åse øberg").map(\.name) == ["Åse Øberg"])

        let moved = try store.moveParticipant(id: soren.id, toTable: 2, now: Date(timeIntervalSince1970: 2_000))
        #expect(moved.tableNumber == 2 && moved.updatedAt == Date(timeIntervalSince1970: 2_000))
        #expect(throws: RundbordError.self) { try store.moveParticipant(id: soren.id, toTable: 42) }
        #expect(try store.setConsent(id: soren.id, mayBeNamed: false).mayBeNamed == false)
        var edited = try #require(try store.participant(id: soren.id))
        edited.email = "ikke en adresse"
        #expect(throws: RundbordError.self) { try store.update(participant: edited) }
        edited.email = "soren@andel.dk"
        edited.name = "Søren\u{1B}[31m Ærø"
        #expect(try store.update(participant: edited).name == "Søren[31m Ærø")

        let t1 = try store.table(number: 1)
        var note = Note(id: UUID(), tableId: t1.id, principleId: t1.principleIds[0], kind: .quote, text: "Citat",
                        speakerId: soren.id, createdAt: Date(timeIntervalSince1970: 1_500))
        try store.save(note: note)
        #expect(try store.deleteParticipant(id: soren.id, now: Date(timeIntervalSince1970: 3_000)) == 1)
        #expect(try store.participant(id: soren.id) == nil)
        note = try #require(try store.note(id: note.id))
        #expect(note.speakerId == nil && note.speakerOrganisation == "KK")
        #expect(note.editedAt == Date(timeIntervalSince1970: 3_000))
        #expect(throws: RundbordError.self) { try store.deleteParticipant(id: soren.id) }
    }
}
