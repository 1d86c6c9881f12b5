import Foundation
import GRDB
import Testing
import RundbordCore
@testable import RundbordStore

@Suite struct PrivacyStoreTests {
    /// A file as schema v3 wrote it: speakers credited by free text. Henrik is
    /// on the roster (not named) but was typed as "Name, Organisation";
    /// "kontra advokater" is his organisation; "Sofie Krag" is nobody known.
    static func legacyFile(_ dir: URL, event: Event) throws -> (path: String, henrik: Participant, notes: [UUID]) {
        let path = dir.appendingPathComponent("v3.rundbord").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Schema.migrator.migrate(queue, upTo: "v3: curation: cost and decision, merged initiatives, owner aliases, key messages")
        let table = RoundTable.new(id: UUID(), number: 1, vision: event.vision, now: Date(timeIntervalSince1970: 1_000))
        let henrik = Participant(id: UUID(), name: "Henrik Vestergaard-Lund", organisation: "Kontra Advokater",
                                 email: "hvl@kontra.example", tableNumber: 1, mayBeNamed: false,
                                 updatedAt: Date(timeIntervalSince1970: 1_000))
        var ids: [UUID] = []
        try queue.write { db in
            try Rows.insert(event: event, db)
            try Rows.save(table: table, db)
            try Rows.save(participant: henrik, db)
            for (i, speaker) in ["Henrik Vestergaard-Lund, Kontra Advokater", "kontra advokater", "Sofie Krag"].enumerated() {
                let note = Note(id: UUID(), tableId: table.id, principleId: table.principleIds[0], kind: .point,
                                text: "Notat \(i)", speakerOrganisation: speaker,
                                createdAt: Date(timeIntervalSince1970: 1_500 + Double(i)))
                try MultiFixture.saveAsBeforeV3(note: note, db)
                ids.append(note.id)
                if i == 2 {
                    var older = note
                    older.text = "Notat \(i), første udgave"
                    try MultiFixture.saveRevisionAsV2(older, supersededAt: Date(timeIntervalSince1970: 1_600),
                                                      source: "b.rundbord", db)
                }
            }
        }
        try queue.close()
        return (path, henrik, ids)
    }

    @Test func olderFreeTextSpeakersBecomeKnownPeopleOrganisationsOrUnnamedPersons() throws {
        let dir = MultiFixture.directory()
        let event = MultiFixture.event()
        let (path, henrik, ids) = try Self.legacyFile(dir, event: event)

        // Read-only (an export) reads the credits as the migration will make them.
        let reader = try EventStore.open(path: path, readOnly: true)
        let read = try reader.allNotesCredited()
        #expect(read.first { $0.id == ids[0] }?.speakerId == henrik.id)
        reader.close()

        let store = try EventStore.open(path: path)
        let notes = Dictionary(uniqueKeysWithValues: try store.allNotes().map { ($0.id, $0) })
        #expect(notes[ids[0]]?.speakerId == henrik.id && notes[ids[0]]?.speakerOrganisation == nil)
        #expect(notes[ids[1]]?.speakerId == nil && notes[ids[1]]?.speakerOrganisation == "kontra advokater")
        let people = try store.participants()
        let sofie = try #require(people.first { $0.name == "Sofie Krag" })
        #expect(!sofie.mayBeNamed && sofie.email.isEmpty && sofie.tableNumber == nil)
        #expect(notes[ids[2]]?.speakerId == sofie.id && notes[ids[2]]?.speakerOrganisation == nil)
        #expect(read.first { $0.id == ids[2] }?.speakerId == sofie.id, "read-only and migrated agree")
        #expect(try store.revisions(noteId: ids[2]).map(\.note.speakerId) == [sofie.id])
        #expect(try store.creditedOrganisations() == ["kontra advokater"])

        // The roster, imported later, completes Sofie instead of adding her again.
        let report = try store.importParticipants([RosterEntry(line: 2, name: "sofie krag", organisation: "Ældre Sagen",
                                                               email: "sofie@example.dk", mayBeNamed: false)])
        #expect(report.added == 0 && report.updated == 1)
        #expect(try store.participants().count == 2)
        store.close()
    }

    @Test func mergingAnOlderFileMakesItsSpeakersCreditsToo() throws {
        let dir = MultiFixture.directory()
        let event = MultiFixture.event()
        let (path, henrik, ids) = try Self.legacyFile(dir, event: event)
        let target = try MultiFixture.create(dir, "ny.rundbord", event: event, tables: 1)
        _ = try target.merge(from: [path])
        let notes = Dictionary(uniqueKeysWithValues: try target.allNotes().map { ($0.id, $0) })
        #expect(notes[ids[0]]?.speakerId == henrik.id)
        #expect(notes[ids[1]]?.speakerOrganisation == "kontra advokater")
        let sofie = try #require(try target.participants().first { $0.name == "Sofie Krag" })
        #expect(notes[ids[2]]?.speakerId == sofie.id && !sofie.mayBeNamed)
        // The older file, migrated on its own, names the same unknown person: merging again adds nothing.
        let migrated = try EventStore.open(path: path)
        migrated.close()
        let again = try target.merge(from: [path])
        #expect(!again.changed, "\(again)")
        #expect(try target.participants().filter { $0.name == "Sofie Krag" }.count == 1)
    }

    @Test func aKeptNameTravelsInAMergeAndTheLaterChoiceWins() throws {
        let dir = MultiFixture.directory()
        let event = MultiFixture.event()
        let organiser = try MultiFixture.create(dir, "arrangør.rundbord", event: event, tables: 1)
        let note = try MultiFixture.note(organiser, table: 1, "Sofie Krag foreslog det", at: 2_000)
        let sofie = Participant(id: UUID(), name: "Sofie Krag", updatedAt: Date(timeIntervalSince1970: 1_000))
        try organiser.save(participant: sofie)
        let laptop = dir.appendingPathComponent("laptop.rundbord").path
        try FileManager.default.copyItem(atPath: organiser.path, toPath: laptop)
        let name = KeptName(noteId: note.id, participantId: sofie.id)

        // Kept on the laptop: merging brings the choice; merging again changes nothing.
        let other = try EventStore.open(path: laptop)
        #expect(try other.setKept([name], kept: true, now: Date(timeIntervalSince1970: 3_000)) == 1)
        other.close()
        let first = try organiser.merge(from: [laptop])
        #expect(first[.privacy].added == 1)
        #expect(try organiser.keptNames() == [name])
        #expect(!(try organiser.merge(from: [laptop])).changed)

        // Undone later here: the laptop's older keep does not bring it back.
        try organiser.setKept([name], kept: false, now: Date(timeIntervalSince1970: 4_000))
        _ = try organiser.merge(from: [laptop])
        #expect(try organiser.keptNames().isEmpty)
    }
}
