import Foundation
import GRDB
import RundbordCore

/// Versions of notes that a merge replaced by a later edit of the same note
/// (the same note edited on two laptops). Nothing typed is thrown away: the
/// losing version is kept here, under an id derived from its content, so
/// merging the same files again records it once only.
enum NoteRevisions {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE noteRevision (
              id TEXT PRIMARY KEY NOT NULL,  -- NoteRevisions.stableId: the same version always has the same id
              noteId TEXT NOT NULL,
              tableId TEXT NOT NULL,
              principleId TEXT NOT NULL,
              kind TEXT NOT NULL,
              text TEXT NOT NULL,
              speakerId TEXT,
              speakerOrganisation TEXT,
              createdAt REAL NOT NULL,
              editedAt REAL NOT NULL,
              deletedAt REAL,
              funding TEXT,
              owner TEXT,
              horizon TEXT,
              dots INTEGER NOT NULL DEFAULT 0,
              supersededAt REAL NOT NULL,    -- when the merge replaced it
              source TEXT NOT NULL DEFAULT '' -- the file name the version came from
            );
            CREATE INDEX noteRevision_by_note ON noteRevision(noteId, editedAt);
            """)
        try db.execute(sql: "PRAGMA user_version = 2")
    }

    /// A name-based UUID for one version of a note: FNV-1a (128 bit) over
    /// every field. Not a security hash; it only has to tell versions apart.
    static func stableId(of note: Note) -> UUID {
        let fields: [String] = [
            note.id.uuidString, note.tableId.uuidString, note.principleId, note.kind.rawValue, note.text,
            note.speakerId?.uuidString ?? "", note.speakerOrganisation ?? "",
            "\(note.createdAt.timeIntervalSince1970)", "\(note.editedAt.timeIntervalSince1970)",
            note.deletedAt.map { "\($0.timeIntervalSince1970)" } ?? "", note.funding?.rawValue ?? "",
            note.owner ?? "", note.horizon ?? "", "\(note.dots)",
        ]
        var hash = FNV128()
        for field in fields {
            hash.add(Array(field.utf8))
            hash.add([0x1F]) // a separator no field contains, so ("ab","c") ≠ ("a","bc")
        }
        return hash.uuid
    }

    static func save(_ note: Note, supersededAt: Date, source: String, _ db: Database) throws -> Bool {
        try insert(id: stableId(of: note), note: note, supersededAt: supersededAt, source: source, db)
    }

    /// Inserts unless a revision with `id` is already there; returns whether it was new.
    static func insert(id: UUID, note n: Note, supersededAt: Date, source: String, _ db: Database) throws -> Bool {
        try db.execute(sql: """
            INSERT OR IGNORE INTO noteRevision (id, noteId, tableId, principleId, kind, text, speakerId,
              speakerOrganisation, createdAt, editedAt, deletedAt, funding, owner, horizon, dots, supersededAt, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id.uuidString, n.id.uuidString, n.tableId.uuidString, n.principleId, n.kind.rawValue,
                             n.text, n.speakerId?.uuidString, n.speakerOrganisation,
                             n.createdAt.timeIntervalSince1970, n.editedAt.timeIntervalSince1970,
                             n.deletedAt?.timeIntervalSince1970, n.funding?.rawValue, n.owner, n.horizon, n.dots,
                             supersededAt.timeIntervalSince1970, source])
        return db.changesCount > 0
    }

    /// A revision row read back as the note version it was (its `id` is the note's id).
    static func note(_ row: Row) -> Note {
        Note(id: Rows.uuid(row, "noteId"), tableId: Rows.uuid(row, "tableId"), principleId: row["principleId"],
             kind: NoteKind(rawValue: row["kind"]) ?? .point, text: row["text"],
             speakerId: (row["speakerId"] as String?).flatMap(UUID.init(uuidString:)),
             speakerOrganisation: row["speakerOrganisation"], createdAt: Rows.date(row, "createdAt"),
             editedAt: Rows.date(row, "editedAt"), deletedAt: Rows.optionalDate(row, "deletedAt"),
             funding: (row["funding"] as String?).flatMap(FundingClass.init(rawValue:)),
             owner: row["owner"], horizon: row["horizon"], dots: row["dots"])
    }
}

/// A superseded version of a note, as kept by a merge.
public struct NoteRevision: Sendable, Equatable {
    public var id: UUID
    public var note: Note
    public var supersededAt: Date
    public var source: String
}

extension EventStore {
    /// The earlier versions of a note that merges replaced, oldest edit first.
    public func revisions(noteId: UUID) throws(RundbordError) -> [NoteRevision] {
        try read { db in
            guard try db.tableExists("noteRevision") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM noteRevision WHERE noteId = ? ORDER BY editedAt, id",
                                    arguments: [noteId.uuidString]).map { row in
                NoteRevision(id: Rows.uuid(row, "id"), note: NoteRevisions.note(row),
                             supersededAt: Rows.date(row, "supersededAt"), source: row["source"])
            }
        }
    }
}

/// FNV-1a with the 128-bit parameters (offset 0x6c62272e07bb014262b821756295c58d,
/// prime 2^88 + 0x13B), computed on two 64-bit halves.
struct FNV128 {
    var high: UInt64 = 0x6c62_272e_07bb_0142
    var low: UInt64 = 0x62b8_2175_6295_c58d

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            low ^= UInt64(byte)
            // (high·2^64 + low) × (2^88 + 0x13B) mod 2^128
            let (carry, product) = low.multipliedFullWidth(by: 0x13B)
            high = carry &+ high &* 0x13B &+ (low << 24)
            low = product
        }
    }

    var uuid: UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(i)))
        }
        // Mark it as a name-based UUID (version 5 layout, RFC 4122 variant).
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
