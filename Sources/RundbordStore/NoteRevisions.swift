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
        // The curation fields (schema v3) count only when set, so a version
        // written before them keeps the id it had.
        var curation: [String] = []
        if note.cost != nil || note.decision != .undecided {
            curation = [note.cost.map { "\($0)" } ?? "", note.decision.rawValue]
        }
        return StableId.of(fields + curation)
    }

    static func save(_ note: Note, supersededAt: Date, source: String, _ db: Database) throws -> Bool {
        try insert(id: stableId(of: note), note: note, supersededAt: supersededAt, source: source, db)
    }

    /// Inserts unless a revision with `id` is already there; returns whether it was new.
    static func insert(id: UUID, note n: Note, supersededAt: Date, source: String, _ db: Database) throws -> Bool {
        try db.execute(sql: """
            INSERT OR IGNORE INTO noteRevision (id, noteId, tableId, principleId, kind, text, speakerId,
              speakerOrganisation, createdAt, editedAt, deletedAt, funding, owner, horizon, dots, supersededAt, source,
              cost, decision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id.uuidString, n.id.uuidString, n.tableId.uuidString, n.principleId, n.kind.rawValue,
                             n.text, n.speakerId?.uuidString, n.speakerOrganisation,
                             n.createdAt.timeIntervalSince1970, n.editedAt.timeIntervalSince1970,
                             n.deletedAt?.timeIntervalSince1970, n.funding?.rawValue, n.owner, n.horizon, n.dots,
                             supersededAt.timeIntervalSince1970, source, n.cost,
                             n.decision == .undecided ? nil : n.decision.rawValue])
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
             owner: row["owner"], horizon: row["horizon"], dots: row["dots"],
             cost: row.hasColumn("cost") ? row["cost"] : nil,
             decision: (row.hasColumn("decision") ? row["decision"] as String? : nil)
                .flatMap(InitiativeDecision.init(rawValue:)) ?? .undecided)
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
