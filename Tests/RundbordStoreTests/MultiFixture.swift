import Foundation
import GRDB
import RundbordCore
@testable import RundbordStore

/// Temporary event files for store tests.
enum MultiFixture {
    static func directory() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundbord-store-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let vision: Vision = try! TemplateLibrary(directory: nil).vision(TemplateLibrary.defaultName)

    static func event(id: UUID = UUID(), title: String = "Rundbordssamtale på Rådhuset") -> Event {
        Event(id: id, title: title, date: "2026-11-26", language: "da", vision: vision,
              createdAt: Date(timeIntervalSince1970: 1_000))
    }

    static func create(_ dir: URL, _ name: String, event: Event = event(), tables: Int = 3) throws -> EventStore {
        try EventStore.create(path: dir.appendingPathComponent(name).path, event: event, tableCount: tables,
                              now: Date(timeIntervalSince1970: 1_000))
    }

    static func note(_ store: EventStore, table: Int, principle: Int = 0, _ text: String, kind: NoteKind = .point,
                     at seconds: Double, dots: Int = 0) throws -> Note {
        let t = try store.table(number: table)
        let note = Note(id: UUID(), tableId: t.id, principleId: t.principleIds[principle], kind: kind, text: text,
                        createdAt: Date(timeIntervalSince1970: seconds),
                        funding: kind == .initiative ? .unclear : nil, dots: dots)
        try store.save(note: note)
        return note
    }

    /// Every row of every table, columns in schema order, rows sorted: two
    /// files with the same dump hold the same data.
    static func dump(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path, configuration: EventStore.configuration(readOnly: true))
        defer { try? queue.close() }
        return try queue.read { db in
            var out: [String] = []
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            for table in tables {
                out.append("## \(table)")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    row.columnNames.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: "|")
                }
                out.append(contentsOf: rows.sorted())
            }
            return out.joined(separator: "\n")
        }
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A file as an earlier release wrote it: the schema up to `migration`,
    /// one table and one note written with only the columns version 1 had.
    static func olderFile(_ path: String, upTo migration: String, event: Event, kind: NoteKind = .point,
                          text: String, dots: Int = 0) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Schema.migrator.migrate(queue, upTo: migration)
        let table = RoundTable.new(id: UUID(), number: 1, vision: event.vision, now: Date(timeIntervalSince1970: 1_000))
        try queue.write { db in
            try Rows.insert(event: event, db)
            try Rows.save(table: table, db)
            try db.execute(sql: """
                INSERT INTO note (id, tableId, principleId, kind, text, createdAt, editedAt, dots)
                VALUES (?, ?, ?, ?, ?, 1500, 1500, ?)
                """, arguments: [UUID().uuidString, table.id.uuidString, table.principleIds[0], kind.rawValue, text, dots])
        }
        return queue
    }

    /// Writes a note with only the columns schema v1 and v2 had (`Rows.save`
    /// writes the later ones too, which an older file does not have).
    static func saveAsBeforeV3(note n: Note, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO note (id, tableId, principleId, kind, text, speakerId, speakerOrganisation, createdAt, editedAt,
                              deletedAt, funding, owner, horizon, dots)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [n.id.uuidString, n.tableId.uuidString, n.principleId, n.kind.rawValue, n.text,
                             n.speakerId?.uuidString, n.speakerOrganisation, n.createdAt.timeIntervalSince1970,
                             n.editedAt.timeIntervalSince1970, n.deletedAt?.timeIntervalSince1970, n.funding?.rawValue,
                             n.owner, n.horizon, n.dots])
    }

    /// Keeps an earlier version of a note as schema v2 did.
    static func saveRevisionAsV2(_ n: Note, supersededAt: Date, source: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO noteRevision (id, noteId, tableId, principleId, kind, text, speakerId, speakerOrganisation,
                                      createdAt, editedAt, deletedAt, funding, owner, horizon, dots, supersededAt, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [NoteRevisions.stableId(of: n).uuidString, n.id.uuidString, n.tableId.uuidString, n.principleId,
                             n.kind.rawValue, n.text, n.speakerId?.uuidString, n.speakerOrganisation,
                             n.createdAt.timeIntervalSince1970, n.editedAt.timeIntervalSince1970,
                             n.deletedAt?.timeIntervalSince1970, n.funding?.rawValue, n.owner, n.horizon, n.dots,
                             supersededAt.timeIntervalSince1970, source])
    }
}
