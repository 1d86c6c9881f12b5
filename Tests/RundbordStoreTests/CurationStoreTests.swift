import Foundation
import GRDB
import PropertyBased
import Testing
import RundbordCore
@testable import RundbordStore

/// The organiser's file with an evening's initiatives, and laptop copies.
private struct CuratedEvening {
    let dir: URL
    let organiser: EventStore

    init() throws {
        dir = MultiFixture.directory()
        organiser = try MultiFixture.create(dir, "arrangement.rundbord", tables: 4)
        let texts = ["Inviter Preston-delegationen", "Inviter Preston-modellens folk", "Fælles indkøbsportal",
                     "Fælles portal for indkøb", "Lokaler til socialøkonomi", "Testnotat"]
        for (i, text) in texts.enumerated() {
            var note = try MultiFixture.note(organiser, table: i % 4 + 1, principle: i % 2, text, kind: .initiative,
                                             at: Double(2_000 + i), dots: i + 1)
            note.owner = i % 2 == 0 ? "ØKF" : "Økonomiforvaltningen"
            try organiser.save(note: note)
        }
    }

    func copy(_ name: String) throws -> EventStore {
        let path = dir.appendingPathComponent(name).path
        try organiser.copy(to: path)
        return try EventStore.open(path: path)
    }

    /// What the organiser sees of the curation: the initiatives and the key messages.
    static func view(_ store: EventStore) throws -> String {
        let c = try store.curator()
        let initiatives = c.initiatives.map { i in
            "\(i.id) \(i.text) \(i.dots) \(i.tables) \(i.owners) \(String(describing: i.cost)) \(i.decision) \(i.noteIds)"
        }
        let messages = c.state.keyMessages.map { "\($0.scope)=\($0.text)" }.sorted()
        let owners = c.state.aliasGroups.map { "\($0.canonical): \($0.aliases)" }
        return (initiatives + messages + owners).joined(separator: "\n")
    }
}

@Suite struct CurationStoreTests {
    let now = Date(timeIntervalSince1970: 5_000)

    @Test func changesAreSavedTogetherAndANoteEditKeepsTheVersionBefore() throws {
        let evening = try CuratedEvening()
        let store = evening.organiser
        var c = try store.curator()
        let ids = c.initiatives.map(\.id)
        let (merged, changes) = try c.merge([ids[0], ids[1]], text: "Inviter folk fra Preston", now: now)
        try store.apply(changes, now: now)
        c.apply(changes)
        let edit = try c.set(ids[2], InitiativeEdit(cost: .some(250_000), decision: .political), now: now)
        try store.apply(edit, now: now)
        try store.apply(try c.alias(canonical: "Økonomiforvaltningen", ["ØKF"], now: now), now: now)
        try store.apply(try c.keyMessage(nil, text: "Køb lokalt", now: now), now: now)

        let reopened = try EventStore.open(path: store.path)
        let again = try reopened.curator()
        #expect(try again.initiative(merged).text == "Inviter folk fra Preston")
        #expect(try again.initiative(ids[2]).cost == 250_000)
        #expect(try again.initiative(ids[2]).decision == .political)
        #expect(again.initiatives.allSatisfy { $0.owners == ["Økonomiforvaltningen"] })
        #expect(again.state.keyMessage(nil) == "Køb lokalt")
        // The note as the table left it is kept as a revision.
        let revisions = try reopened.revisions(noteId: ids[2])
        #expect(revisions.count == 1 && revisions[0].note.cost == nil && revisions[0].source == "curation")
    }

    @Test func anOlderFileOpenedReadOnlyReadsWithoutCuration() throws {
        let dir = MultiFixture.directory()
        let path = dir.appendingPathComponent("v2.rundbord").path
        let event = MultiFixture.event()
        let queue = try MultiFixture.olderFile(path, upTo: "v2: note revisions", event: event, kind: .initiative,
                                               text: "Skrevet med version 2", dots: 3)
        try queue.close()
        let store = try EventStore.open(path: path, readOnly: true)
        #expect(try store.allNotes().map(\.text) == ["Skrevet med version 2"])
        #expect(try store.curator().initiatives.map(\.dots) == [3])
        #expect(try store.curation() == CurationState())
    }

    /// Laptops curate at the same time; merging their files in any order, and
    /// any number of times, gives the organiser the same curation.
    @Test func mergingLaptopFilesInAnyOrderGivesTheSameCuration() async throws {
        let evening = try CuratedEvening()
        let laptops = try (1...3).map { try evening.copy("laptop\($0).rundbord") }
        let baseline = try (1...6).map { try evening.copy("base\($0).rundbord").path }
        await propertyCheck(count: 20, input: Gen.int(in: 0...1_000_000).array(of: 6...15)) { numbers in
            let dir = MultiFixture.directory()
            do {
                // Each laptop starts from the organiser's file and curates.
                var files: [String] = []
                for (k, _) in laptops.enumerated() {
                    let path = dir.appendingPathComponent("l\(k).rundbord").path
                    try FileManager.default.copyItem(atPath: baseline[k], toPath: path)
                    let store = try EventStore.open(path: path)
                    var c = try store.curator()
                    for (j, n) in numbers.enumerated() where j % laptops.count == k {
                        let at = Date(timeIntervalSince1970: Double(6_000 + j / laptops.count + (n % 3)))
                        try store.apply(Self.action(n, &c, at), now: at)
                    }
                    store.close()
                    files.append(path)
                }
                // Two organisers merge them in two different orders, the second one twice.
                var views: [String] = []
                for (i, order) in [files, files.reversed(), [files[1], files[2], files[0]]].enumerated() {
                    let path = dir.appendingPathComponent("o\(i).rundbord").path
                    try FileManager.default.copyItem(atPath: baseline[3 + i], toPath: path)
                    let store = try EventStore.open(path: path)
                    for file in order { _ = try store.merge(from: [file]) }
                    if i == 1 {
                        let report = try store.merge(from: order)
                        #expect(report[.curation].added + report[.curation].updated == 0, "merging twice changes nothing")
                    }
                    views.append(try CuratedEvening.view(store))
                    store.close()
                }
                #expect(views[0] == views[1] && views[1] == views[2])
            } catch {
                Issue.record(error)
            }
            try? FileManager.default.removeItem(at: dir)
        }
    }

    static func action(_ n: Int, _ c: inout Curator, _ now: Date) -> [CurationChange] {
        // Few initiatives, so that laptops often curate the same ones (the conflicts to resolve).
        let ids = Array(c.initiatives.map(\.id).prefix(3))
        let a = ids[(n / 8) % ids.count], b = ids[(n / 64) % ids.count]
        let changes: [CurationChange]?
        switch n % 6 {
        case 0, 1: changes = try? c.merge([a, b], text: n % 2 == 0 ? "Samlet \(n % 7)" : nil, now: now).1
        case 2: changes = try? c.split(a, now: now)
        case 3: changes = try? c.set(a, InitiativeEdit(cost: .some(n % 900), decision: .political), now: now)
        case 4: changes = try? c.alias(canonical: n % 2 == 0 ? "ØKF" : "Økonomiforvaltningen",
                                               [n % 2 == 0 ? "Økonomiforvaltningen" : "ØKF"], now: now)
        default: changes = try? c.keyMessage(n % 3 == 0 ? nil : c.vision.principles[0].id, text: "Budskab \(n % 11)", now: now)
        }
        c.apply(changes ?? [])
        return changes ?? []
    }
}
