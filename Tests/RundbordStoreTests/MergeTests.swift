import Foundation
import GRDB
import Testing
import RundbordCore
@testable import RundbordStore

/// An organiser's file and two laptop copies that each captured a table.
private struct Laptops {
    let dir: URL
    let organiser: EventStore
    let laptopA: EventStore
    let laptopB: EventStore
    var shared: Note

    init() throws {
        dir = MultiFixture.directory()
        organiser = try MultiFixture.create(dir, "arrangement.rundbord", tables: 3)
        // Something captured before the laptops were handed out: on every copy.
        shared = try MultiFixture.note(organiser, table: 1, "Fælles pointe før kopien", at: 2_000)
        try organiser.copy(to: dir.appendingPathComponent("bord1.rundbord").path)
        try organiser.copy(to: dir.appendingPathComponent("bord2.rundbord").path)
        laptopA = try EventStore.open(path: dir.appendingPathComponent("bord1.rundbord").path)
        laptopB = try EventStore.open(path: dir.appendingPathComponent("bord2.rundbord").path)
    }

    /// A realistic evening: notes, an initiative with dots, a show of hands,
    /// progress, and the same person typed in on both laptops.
    func capture() throws {
        _ = try MultiFixture.note(laptopA, table: 1, "Åbn kommunens indkøb for små kooperativer", kind: .initiative,
                             at: 3_000, dots: 4)
        _ = try MultiFixture.note(laptopA, table: 1, "Hvem ejer data?", kind: .question, at: 3_100)
        _ = try MultiFixture.note(laptopB, table: 2, principle: 1, "Socialøkonomiske virksomheder mangler lokaler",
                             kind: .concern, at: 3_050)
        _ = try MultiFixture.note(laptopB, table: 2, "Et fælles sekretariat", kind: .initiative, at: 3_200, dots: 7)

        var t1 = try laptopA.table(number: 1)
        t1.progress.principleIndex = 2
        t1.progress.phase = .vote
        t1.updatedAt = Date(timeIntervalSince1970: 3_500)
        try laptopA.save(table: t1)
        try laptopA.save(agreement: AgreementTally(agree: 5, partly: 2), tableId: t1.id,
                         principleId: t1.principleIds[0], now: Date(timeIntervalSince1970: 3_400))
        try laptopB.save(draft: "halvskrevet sætning om Ørestad", tableId: try laptopB.table(number: 2).id,
                         now: Date(timeIntervalSince1970: 3_600))

        try laptopA.save(participant: Participant(id: UUID(), name: "Søren Ærø", organisation: "Københavns Kommune",
                                                  email: "soren@kk.dk", tableNumber: 1, mayBeNamed: true,
                                                  updatedAt: Date(timeIntervalSince1970: 3_000)))
        // The same person on laptop B, typed a little differently, later.
        try laptopB.save(participant: Participant(id: UUID(), name: "Søren Ærø", organisation: "KK",
                                                  email: "SOREN@kk.dk", tableNumber: 1, mayBeNamed: true,
                                                  updatedAt: Date(timeIntervalSince1970: 3_300)))
        try laptopB.save(participant: Participant(id: UUID(), name: "Åse Øberg", organisation: "Andelsboligforeningen",
                                                  tableNumber: 2, updatedAt: Date(timeIntervalSince1970: 3_000)))
    }

    var paths: [String] { [laptopA.path, laptopB.path] }
}

@Suite struct MergeTests {
    @Test func mergingTwiceEqualsMergingOnce() throws {
        let laptops = try Laptops()
        try laptops.capture()
        let first = try laptops.organiser.merge(from: laptops.paths, now: Date(timeIntervalSince1970: 9_000))
        #expect(first.changed)
        #expect(first[.notes] == MergeReport.Counts(added: 4, updated: 0, skipped: 2))
        #expect(first[.participants] == MergeReport.Counts(added: 2, updated: 1, skipped: 0))
        #expect(first[.tables] == MergeReport.Counts(added: 0, updated: 1, skipped: 5))
        #expect(first[.agreements] == MergeReport.Counts(added: 1))
        #expect(first[.drafts] == MergeReport.Counts(added: 1))
        let once = try MultiFixture.dump(laptops.organiser.path)

        let second = try laptops.organiser.merge(from: laptops.paths, now: Date(timeIntervalSince1970: 9_999))
        #expect(!second.changed)
        #expect(try MultiFixture.dump(laptops.organiser.path) == once)
        #expect(second[.notes] == MergeReport.Counts(added: 0, updated: 0, skipped: 6))

        // What a reader of the merged file sees.
        let store = laptops.organiser
        #expect(try store.allNotes().count == 5)
        let people = try store.participants()
        #expect(people.map(\.name).sorted() == ["Søren Ærø", "Åse Øberg"])
        // Laptop B's Søren was edited later: his organisation wins, under one id.
        #expect(people.first { $0.name == "Søren Ærø" }?.organisation == "KK")
        #expect(try store.table(number: 1).progress.phase == .vote)
        #expect(try store.agreement(tableId: store.table(number: 1).id,
                                    principleId: store.table(number: 1).principleIds[0]).agree == 5)
        #expect(try store.draft(tableId: store.table(number: 2).id) == "halvskrevet sætning om Ørestad")
    }

    /// Schema v7 keeps the clock and phase each principle was left with: a laptop's
    /// merge brings them along, so the organiser's file shows the table as it was.
    @Test func eachPrinciplesClockAndPhaseComeAlongWithAMerge() throws {
        let laptops = try Laptops()
        try laptops.capture()
        let t1 = try laptops.laptopA.table(number: 1)
        // Table 1 used 4 minutes 10 of principle 1 in Drøftelse and 2 minutes of principle 2 in Forslag, then moved on.
        try laptops.laptopA.save(leftProgress: TableProgress(principleIndex: 0, phase: .discuss,
                                                             timer: TimerState(durationSeconds: 900, elapsedBeforeStart: 250)),
                                 tableId: t1.id, principleId: t1.principleIds[0], now: Date(timeIntervalSince1970: 3_300))
        try laptops.laptopA.save(leftProgress: TableProgress(principleIndex: 1, phase: .propose,
                                                             timer: TimerState(durationSeconds: 600, elapsedBeforeStart: 120)),
                                 tableId: t1.id, principleId: t1.principleIds[1], now: Date(timeIntervalSince1970: 3_400))
        let first = try laptops.organiser.merge(from: laptops.paths, now: Date(timeIntervalSince1970: 9_000))
        #expect(first[.progress] == MergeReport.Counts(added: 2))
        let table = try laptops.organiser.table(number: 1)
        let left = try laptops.organiser.leftProgress(of: table)
        #expect(left[0]?.phase == .discuss && left[0]?.timer.elapsedBeforeStart == 250, "\(left)")
        #expect(left[1]?.phase == .propose && left[1]?.timer.durationSeconds == 600, "\(left)")
        // The table's session, opened on the organiser's file, goes back to principle 1 as it was left.
        var session = try laptops.organiser.session(tableNumber: 1)
        let env = SessionEnvironment(now: { Date(timeIntervalSince1970: 9_100) }, newId: { UUID() })
        _ = try session.reduce(.goToPrinciple(0), env)
        #expect(session.phase == .discuss)
        #expect(session.timer.elapsedBeforeStart == 250 && !session.timer.isRunning)

        // Merging again changes nothing; a later change on the laptop comes in over the older one.
        let once = try MultiFixture.dump(laptops.organiser.path)
        let second = try laptops.organiser.merge(from: laptops.paths, now: Date(timeIntervalSince1970: 9_500))
        #expect(second[.progress] == MergeReport.Counts(skipped: 2))
        #expect(try MultiFixture.dump(laptops.organiser.path) == once)
        try laptops.laptopA.save(leftProgress: TableProgress(principleIndex: 0, phase: .vote,
                                                             timer: TimerState(durationSeconds: 900, elapsedBeforeStart: 610)),
                                 tableId: t1.id, principleId: t1.principleIds[0], now: Date(timeIntervalSince1970: 9_600))
        let third = try laptops.organiser.merge(from: [laptops.laptopA.path], now: Date(timeIntervalSince1970: 9_700))
        #expect(third[.progress] == MergeReport.Counts(updated: 1, skipped: 1))
        #expect(try laptops.organiser.leftProgress(of: table)[0]?.phase == .vote)
        // An older clock does not overwrite a newer one.
        let fourth = try laptops.laptopA.merge(from: [laptops.organiser.path], now: Date(timeIntervalSince1970: 9_800))
        #expect(fourth[.progress] == MergeReport.Counts(skipped: 2))
    }

    @Test func theOrderOfMergingDoesNotChangeTheNotes() throws {
        let laptops = try Laptops()
        try laptops.capture()
        // Both laptops edit the shared note at the same second: a tie.
        var a = laptops.shared, b = laptops.shared
        a.text = "Version fra bord 1"; a.editedAt = Date(timeIntervalSince1970: 5_000)
        b.text = "Version fra bord 2"; b.editedAt = Date(timeIntervalSince1970: 5_000)
        try laptops.laptopA.save(note: a)
        try laptops.laptopB.save(note: b)
        try laptops.organiser.copy(to: laptops.dir.appendingPathComponent("other.rundbord").path)
        let other = try EventStore.open(path: laptops.dir.appendingPathComponent("other.rundbord").path)

        _ = try laptops.organiser.merge(from: [laptops.laptopA.path, laptops.laptopB.path])
        _ = try other.merge(from: [laptops.laptopB.path, laptops.laptopA.path])
        let left = try laptops.organiser.allNotes(includeDeleted: true)
        let right = try other.allNotes(includeDeleted: true)
        #expect(left == right)
        #expect(try laptops.organiser.revisions(noteId: a.id).map(\.note.text).sorted()
                == other.revisions(noteId: a.id).map(\.note.text).sorted())
    }

    @Test func theLatestEditWinsAndTheOtherIsKept() throws {
        let laptops = try Laptops()
        var onA = laptops.shared
        onA.text = "Rettet på bord 1"; onA.editedAt = Date(timeIntervalSince1970: 4_000)
        try laptops.laptopA.save(note: onA)
        var onB = laptops.shared
        onB.text = "Rettet på bord 2, senere"; onB.kind = .idea; onB.editedAt = Date(timeIntervalSince1970: 4_500)
        try laptops.laptopB.save(note: onB)

        let report = try laptops.organiser.merge(from: laptops.paths, now: Date(timeIntervalSince1970: 9_000))
        #expect(report[.notes].updated == 2)
        #expect(try laptops.organiser.note(id: laptops.shared.id) == onB)
        let kept = try laptops.organiser.revisions(noteId: laptops.shared.id)
        #expect(kept.map(\.note.text) == ["Fælles pointe før kopien", "Rettet på bord 1"])
        #expect(kept.map(\.source) == ["arrangement.rundbord", "arrangement.rundbord"])

        // An older version arriving later loses, and is kept once.
        var stale = laptops.shared
        stale.text = "Gammel rettelse"; stale.editedAt = Date(timeIntervalSince1970: 3_000)
        let dir = laptops.dir
        try laptops.organiser.copy(to: dir.appendingPathComponent("stale.rundbord").path)
        let staleStore = try EventStore.open(path: dir.appendingPathComponent("stale.rundbord").path)
        try staleStore.save(note: stale)
        staleStore.close()
        for _ in 0..<2 {
            _ = try laptops.organiser.merge(from: [dir.appendingPathComponent("stale.rundbord").path])
        }
        #expect(try laptops.organiser.note(id: laptops.shared.id) == onB)
        let after = try laptops.organiser.revisions(noteId: laptops.shared.id)
        #expect(after.map(\.note.text) == ["Fælles pointe før kopien", "Gammel rettelse", "Rettet på bord 1"])
        #expect(after.first { $0.note.text == "Gammel rettelse" }?.source == "stale.rundbord")
    }

    @Test func revisionsTravelOnToTheNextMerge() throws {
        let laptops = try Laptops()
        var onA = laptops.shared
        onA.text = "Ny tekst"; onA.editedAt = Date(timeIntervalSince1970: 4_000)
        try laptops.laptopA.save(note: onA)
        // The organiser merges A into B's file, and then B's file into its own.
        _ = try laptops.laptopB.merge(from: [laptops.laptopA.path])
        #expect(try laptops.laptopB.revisions(noteId: onA.id).count == 1)
        let report = try laptops.organiser.merge(from: [laptops.laptopB.path])
        #expect(report[.revisions] == MergeReport.Counts(added: 1, updated: 0, skipped: 1))
        #expect(try laptops.organiser.revisions(noteId: onA.id).map(\.note.text) == ["Fælles pointe før kopien"])
    }

    @Test func aFileOfAnotherEventIsRefusedUnlessForced() throws {
        let laptops = try Laptops()
        try laptops.capture()
        let stranger = try MultiFixture.create(laptops.dir, "andet.rundbord", event: MultiFixture.event(title: "Et andet møde"), tables: 4)
        _ = try MultiFixture.note(stranger, table: 4, "Fra et andet arrangement", at: 3_000)
        let before = try MultiFixture.dump(laptops.organiser.path)

        do {
            _ = try laptops.organiser.merge(from: [laptops.laptopA.path, stranger.path])
            Issue.record("merging another event's file must be refused")
        } catch {
            #expect(error.exitCode == .dataError)
            #expect(error.message(.en) == "\(stranger.path): belongs to another event ('Et andet møde', not 'Rundbordssamtale på Rådhuset'); nothing was merged (use --force to merge anyway)")
        }
        // Refused before anything was written, laptop A included.
        #expect(try MultiFixture.dump(laptops.organiser.path) == before)

        let forced = try laptops.organiser.merge(from: [stranger.path], force: true)
        #expect(forced.forced == [stranger.path])
        // Tables 1–3 are matched by number, table 4 is new.
        #expect(forced[.tables] == MergeReport.Counts(added: 1, updated: 0, skipped: 3))
        #expect(try laptops.organiser.tables().map(\.number) == [1, 2, 3, 4])
        #expect(try laptops.organiser.allNotes().map(\.text).contains("Fra et andet arrangement"))
        // The event itself stays the organiser's.
        #expect(try laptops.organiser.event().title == "Rundbordssamtale på Rådhuset")
    }

    @Test func theMergedFilesAreNotChanged() throws {
        let laptops = try Laptops()
        try laptops.capture()
        laptops.laptopA.close()
        laptops.laptopB.close()
        let before = try laptops.paths.map(MultiFixture.bytes)
        _ = try laptops.organiser.merge(from: laptops.paths)
        _ = try laptops.organiser.merge(from: laptops.paths)
        #expect(try laptops.paths.map(MultiFixture.bytes) == before)
    }

    @Test func aFailingMergeWritesNothing() throws {
        let laptops = try Laptops()
        try laptops.capture()
        // A damaged laptop file: a note of a table that does not exist anywhere.
        let broken = laptops.dir.appendingPathComponent("broken.rundbord").path
        try laptops.organiser.copy(to: broken)
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: broken, configuration: config)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO note (id, tableId, principleId, kind, text, createdAt, editedAt)
                VALUES (?, ?, 'p1', 'point', 'forældreløs', 1, 1)
                """, arguments: [UUID().uuidString, UUID().uuidString])
        }
        try queue.close()
        let before = try MultiFixture.dump(laptops.organiser.path)
        #expect(throws: RundbordError.self) {
            try laptops.organiser.merge(from: [laptops.laptopA.path, broken])
        }
        #expect(try MultiFixture.dump(laptops.organiser.path) == before)
    }

    @Test func aNoteCreditsTheMergedPerson() throws {
        let laptops = try Laptops()
        // The roster was imported on the organiser's file after the laptops got their copies.
        _ = try laptops.organiser.importParticipants([RosterEntry(line: 2, name: "Åse Øberg", organisation: "Andelen")],
                                                     now: Date(timeIntervalSince1970: 5_000))
        let organisersAse = try #require(try laptops.organiser.participants().first)
        // Laptop B typed her in by hand and credited a quote to her.
        let typedIn = Participant(id: UUID(), name: "åse øberg", organisation: "ANDELEN", tableNumber: 2,
                                  updatedAt: Date(timeIntervalSince1970: 3_000))
        try laptops.laptopB.save(participant: typedIn)
        let t2 = try laptops.laptopB.table(number: 2)
        let quote = Note(id: UUID(), tableId: t2.id, principleId: t2.principleIds[0], kind: .quote,
                         text: "Vi skal turde dele", speakerId: typedIn.id, createdAt: Date(timeIntervalSince1970: 3_100))
        try laptops.laptopB.save(note: quote)

        for _ in 0..<2 { _ = try laptops.organiser.merge(from: [laptops.laptopB.path]) }
        let people = try laptops.organiser.participants()
        #expect(people.count == 1)
        // The organiser's entry is newer, so its details stay; the note credits it.
        #expect(people.first == organisersAse)
        #expect(try laptops.organiser.note(id: quote.id)?.speakerId == organisersAse.id)
    }

    @Test func aFileCannotBeMergedIntoItself() throws {
        let laptops = try Laptops()
        #expect(throws: RundbordError.self) { try laptops.organiser.merge(from: [laptops.organiser.path]) }
    }

    @Test func aSchemaVersionOneFileIsMigratedAndCanBeMergedFrom() throws {
        let dir = MultiFixture.directory()
        let path = dir.appendingPathComponent("gammel.rundbord").path
        let event = MultiFixture.event()
        // A file as the first release wrote it.
        let queue = try MultiFixture.olderFile(path, upTo: "v1: event, tables, participants, notes, agreement, drafts",
                                               event: event, text: "Skrevet med version 1")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
        #expect(try queue.read { db in try db.tableExists("noteRevision") } == false)
        try queue.close()

        // Another file of the same event merges the old file in, reading it as it is.
        let target = try MultiFixture.create(dir, "ny.rundbord", event: event, tables: 1)
        let report = try target.merge(from: [path])
        #expect(report[.notes].added == 1)
        let checkVersion = try DatabaseQueue(path: path, configuration: EventStore.configuration(readOnly: true))
        #expect(try checkVersion.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
        try checkVersion.close()

        // Opening it for writing migrates it.
        let store = try EventStore.open(path: path)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == EventStore.schemaVersion)
        #expect(EventStore.schemaVersion == 8)
        #expect(try store.read { db in try db.tableExists("noteRevision") })
        #expect(try store.allNotes().map(\.text) == ["Skrevet med version 1"])
    }

    @Test func stableRevisionIdsDependOnEveryField() {
        let base = Note(id: UUID(), tableId: UUID(), principleId: "p1", kind: .point, text: "ab",
                        createdAt: Date(timeIntervalSince1970: 1))
        var other = base
        other.text = "a"; other.principleId = "p1b"
        #expect(NoteRevisions.stableId(of: base) == NoteRevisions.stableId(of: base))
        #expect(NoteRevisions.stableId(of: base) != NoteRevisions.stableId(of: other))
        var dots = base
        dots.dots = 1
        #expect(NoteRevisions.stableId(of: base) != NoteRevisions.stableId(of: dots))
    }
}
