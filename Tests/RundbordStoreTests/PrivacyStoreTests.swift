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

    /// Whether any of `needles` is in the file or its write-ahead log, byte for byte.
    static func bytesHold(_ path: String, _ needles: [String]) throws -> [String] {
        var found: [String] = []
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            for needle in needles where data.range(of: Data(needle.utf8)) != nil { found.append("\(file): \(needle)") }
        }
        return found
    }

    static let traces = ["Sofie", "sofie", "SOFIE", "Krag", "krag", "aeldresagen.example", "Ældre Sagen"]

    @Test func forgettingRemovesEveryByteAndAnOlderCopyCannotBringThemBack() throws {
        let dir = MultiFixture.directory()
        let event = MultiFixture.event()
        let organiser = try MultiFixture.create(dir, "arrangør.rundbord", event: event, tables: 2)
        let t = { (s: Double) in Date(timeIntervalSince1970: s) }
        let sofie = Participant(id: UUID(), name: "Sofie Krag", organisation: "Ældre Sagen",
                                email: "sofie.krag@aeldresagen.example", tableNumber: 1, mayBeNamed: true, updatedAt: t(1_000))
        let anne = Participant(id: UUID(), name: "Anne Ørsted", organisation: "Kooperationen", email: "anne@koop.example",
                               tableNumber: 1, mayBeNamed: true, updatedAt: t(1_000))
        try organiser.save(participants: [sofie, anne])
        try organiser.setConsent(id: sofie.id, mayBeNamed: false, now: t(1_100))
        let table = try organiser.table(number: 1)
        let credited = Note(id: UUID(), tableId: table.id, principleId: table.principleIds[0], kind: .point,
                            text: "Vi skal have flere lærepladser", speakerId: sofie.id, createdAt: t(2_000))
        let naming = Note(id: UUID(), tableId: table.id, principleId: table.principleIds[1], kind: .initiative,
                          text: "Sofie Krags forslag; skriv til sofie.krag@aeldresagen.example", speakerId: anne.id,
                          createdAt: t(2_100), funding: .unclear, owner: "sofie krag", horizon: "Når Sofie Krag er tilbage")
        try organiser.save(notes: [credited, naming])
        try organiser.save(draft: "Sofie Krag sagde noget", tableId: try organiser.table(number: 2).id, now: t(2_200))
        try organiser.setKept([KeptName(noteId: naming.id, participantId: sofie.id)], kept: true, now: t(2_300))
        try organiser.write { db in
            try CurationRows.save(keyMessage: KeyMessage(principleId: nil, text: "Tak til Sofie Krag", updatedAt: t(2_400)), db)
        }

        // A laptop edits the credited note; merged back, the older version becomes a revision.
        let laptopPath = dir.appendingPathComponent("laptop.rundbord").path
        try FileManager.default.copyItem(atPath: organiser.path, toPath: laptopPath)
        let laptop = try EventStore.open(path: laptopPath)
        var edited = credited
        edited.text = "Sofie Krag: vi skal have flere lærepladser"
        edited.editedAt = t(3_000)
        try laptop.save(note: edited)
        laptop.close()
        #expect(try organiser.merge(from: [laptopPath])[.revisions].added == 1)
        // An older copy of the whole file, as a laptop would keep it.
        let olderPath = dir.appendingPathComponent("ældre.rundbord").path
        organiser.close()
        try FileManager.default.copyItem(atPath: dir.appendingPathComponent("arrangør.rundbord").path, toPath: olderPath)
        let store = try EventStore.open(path: dir.appendingPathComponent("arrangør.rundbord").path)
        #expect(!(try Self.bytesHold(store.path, Self.traces)).isEmpty, "the test would find her")
        let data = try store.personData(participantId: sofie.id)
        #expect(data.notes.count == 2 && data.revisions.count == 1 && data.drafts.count == 1)
        #expect(data.consentHistory.map(\.mayBeNamed) == [true, false])

        let (report, compacted) = try store.forget(participantId: sofie.id, now: t(5_000))
        #expect(compacted)
        #expect(report.participants == 1 && report.credits == 1 && report.notes == 2 && report.revisions == 1 && report.drafts == 1)
        #expect(try Self.bytesHold(store.path, Self.traces) == [])
        #expect(try store.participants().map(\.name) == ["Anne Ørsted"])
        let after = try #require(try store.note(id: naming.id))
        #expect(after.text == "En deltagers forslag; skriv til (e-mailadresse fjernet)")
        #expect(after.owner == "En deltager" && after.horizon == "Når en deltager er tilbage" && after.speakerId == anne.id)
        #expect(try store.note(id: credited.id)?.speakerId == nil)
        #expect(try store.keptNames().isEmpty)

        // Merging the older copy back does not bring her back, nor her bytes.
        let merged = try store.merge(from: [olderPath], now: t(6_000))
        #expect(merged[.participants].added == 0)
        #expect(try store.participants().map(\.name) == ["Anne Ørsted"])
        #expect(try Self.bytesHold(store.path, Self.traces) == [])
        #expect(try store.allNotes(includeDeleted: true).allSatisfy { !$0.text.contains("Sofie") && $0.speakerId != sofie.id })

        // And the erasure travels the other way: merged into the older copy, it erases her there too.
        let older = try EventStore.open(path: olderPath)
        _ = try older.merge(from: [store.path], now: t(7_000))
        #expect(try older.participants().map(\.name) == ["Anne Ørsted"])
        #expect(try Self.bytesHold(olderPath, Self.traces) == [])
        older.close()
        store.close()
    }

    /// Her first name or surname written alone goes with her; someone else who
    /// shares her first name keeps his whole name.
    @Test func forgettingAlsoRemovesAFirstNameOrSurnameWrittenAlone() throws {
        let dir = MultiFixture.directory()
        let store = try MultiFixture.create(dir, "aften.rundbord", event: MultiFixture.event(), tables: 1)
        defer { store.close() }
        let t = { (s: Double) in Date(timeIntervalSince1970: s) }
        let henrik = Participant(id: UUID(), name: "Henrik Vestergaard-Lund", organisation: "Kontra Advokater",
                                 email: "hvl@kontra.example", tableNumber: 1, mayBeNamed: false, updatedAt: t(1_000))
        let madsen = Participant(id: UUID(), name: "Henrik Madsen", organisation: "Kooperationen",
                                 email: "hm@koop.example", tableNumber: 1, mayBeNamed: true, updatedAt: t(1_000))
        try store.save(participants: [henrik, madsen])
        let table = try store.table(number: 1)
        let texts = ["Henrik sagde, at vi skal dele lokaler", "Som Vestergaard-Lund sagde: flere lærepladser",
                     "Henrik Madsen svarede, at henrik ikke er et navn her"]
        let notes = texts.enumerated().map { i, text in
            Note(id: UUID(), tableId: table.id, principleId: table.principleIds[0], kind: .point, text: text,
                 createdAt: t(2_000 + Double(i)))
        }
        try store.save(notes: notes)
        _ = try store.forget(participantId: henrik.id, now: t(5_000))
        let after = try notes.map { try #require(try store.note(id: $0.id)).text }
        #expect(after == ["En deltager sagde, at vi skal dele lokaler", "Som en deltager sagde: flere lærepladser",
                          "Henrik Madsen svarede, at henrik ikke er et navn her"])
        #expect(try Self.bytesHold(store.path, ["Vestergaard", "Henrik sagde"]) == [])
    }
}
