import Foundation
import GRDB
import RundbordCore

/// The curation's rows: merged initiatives, owner aliases, key messages,
/// and the cost and decision of initiatives (note columns).
enum CurationRows {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE note ADD COLUMN cost INTEGER CHECK (cost IS NULL OR cost >= 0); -- whole kroner
            ALTER TABLE note ADD COLUMN decision TEXT;     -- political | administrative; NULL: none yet
            ALTER TABLE noteRevision ADD COLUMN cost INTEGER;
            ALTER TABLE noteRevision ADD COLUMN decision TEXT;
            CREATE TABLE initiativeMerge (
              id TEXT PRIMARY KEY NOT NULL,       -- InitiativeMerge.id(members:): the same merge has the same id everywhere
              members TEXT NOT NULL,              -- JSON array of the note and merge ids it joins
              text TEXT NOT NULL,
              overrides TEXT NOT NULL DEFAULT '{}', -- JSON: fields set on the merged initiative ("" = none)
              createdAt REAL NOT NULL,
              updatedAt REAL NOT NULL,
              splitAt REAL                        -- split: kept, so no laptop file brings it back
            );
            CREATE TABLE ownerAlias (
              key TEXT PRIMARY KEY NOT NULL,      -- Curation.ownerKey(alias)
              alias TEXT NOT NULL,
              canonical TEXT NOT NULL,            -- the alias itself: a removed alias
              updatedAt REAL NOT NULL
            );
            CREATE TABLE keyMessage (
              scope TEXT PRIMARY KEY NOT NULL,    -- '' for the whole event, else a principle id
              text TEXT NOT NULL,                 -- '' for none
              updatedAt REAL NOT NULL
            );
            """)
        try db.execute(sql: "PRAGMA user_version = 3")
    }

    /// Everything curated in the file; empty for a file older than schema v3.
    static func state(_ db: Database) throws -> CurationState {
        guard try db.tableExists("initiativeMerge") else { return CurationState() }
        let merges = try Row.fetchAll(db, sql: "SELECT * FROM initiativeMerge ORDER BY id").map { row in
            InitiativeMerge(id: Rows.uuid(row, "id"), members: try Rows.decode([UUID].self, row["members"]),
                            text: row["text"], overrides: try Rows.decode([InitiativeField: String].self, row["overrides"]),
                            createdAt: Rows.date(row, "createdAt"), updatedAt: Rows.date(row, "updatedAt"),
                            splitAt: Rows.optionalDate(row, "splitAt"))
        }
        let aliases = try Row.fetchAll(db, sql: "SELECT * FROM ownerAlias ORDER BY key").map { row in
            OwnerAlias(alias: row["alias"], canonical: row["canonical"], updatedAt: Rows.date(row, "updatedAt"))
        }
        let messages = try Row.fetchAll(db, sql: "SELECT * FROM keyMessage ORDER BY scope").map { row in
            let scope: String = row["scope"]
            return KeyMessage(principleId: scope.isEmpty ? nil : scope, text: row["text"], updatedAt: Rows.date(row, "updatedAt"))
        }
        return CurationState(merges: merges, aliases: aliases, keyMessages: messages)
    }

    static func save(merge m: InitiativeMerge, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO initiativeMerge (id, members, text, overrides, createdAt, updatedAt, splitAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET members = excluded.members, text = excluded.text,
              overrides = excluded.overrides, createdAt = excluded.createdAt, updatedAt = excluded.updatedAt,
              splitAt = excluded.splitAt
            """, arguments: [m.id.uuidString, try Rows.encode(m.members), m.text, try Rows.encode(m.overrides),
                             m.createdAt.timeIntervalSince1970, m.updatedAt.timeIntervalSince1970,
                             m.splitAt?.timeIntervalSince1970])
    }

    static func save(alias a: OwnerAlias, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO ownerAlias (key, alias, canonical, updatedAt) VALUES (?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET alias = excluded.alias, canonical = excluded.canonical,
              updatedAt = excluded.updatedAt
            """, arguments: [a.key, a.alias, a.canonical, a.updatedAt.timeIntervalSince1970])
    }

    static func save(keyMessage k: KeyMessage, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO keyMessage (scope, text, updatedAt) VALUES (?, ?, ?)
            ON CONFLICT(scope) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt
            """, arguments: [k.scope, k.text, k.updatedAt.timeIntervalSince1970])
    }

    /// Brings another file's curation in, record by record: a record new here
    /// is added, one edited later there replaces this one (equal times: the
    /// larger fingerprint), so the order of merging files does not matter.
    /// `count(inserted, updated)` is told about every record.
    static func merge(_ theirs: CurationState, into db: Database, count: (Bool, Bool) -> Void) throws {
        let mine = try state(db)
        for merge in theirs.merges {
            try keepLatest(merge, mine.merge(id: merge.id), \.updatedAt, \.fingerprint, count) { try save(merge: $0, db) }
        }
        for alias in theirs.aliases {
            try keepLatest(alias, mine.alias(key: alias.key), \.updatedAt, \.fingerprint, count) { try save(alias: $0, db) }
        }
        for message in theirs.keyMessages {
            try keepLatest(message, mine.keyMessages.first { $0.scope == message.scope }, \.updatedAt, \.fingerprint, count) {
                try save(keyMessage: $0, db)
            }
        }
    }

    /// Saves `theirs` when it is new here or the later version of `mine`.
    private static func keepLatest<R: Equatable>(_ theirs: R, _ mine: R?, _ time: KeyPath<R, Date>, _ print: KeyPath<R, String>,
                                                 _ count: (Bool, Bool) -> Void, save: (R) throws -> Void) throws {
        guard let mine else {
            try save(theirs)
            return count(true, false)
        }
        let newer = mine != theirs && LatestWins.wins(theirs[keyPath: time], theirs[keyPath: print],
                                                      over: mine[keyPath: time], mine[keyPath: print])
        if newer { try save(theirs) }
        count(false, newer)
    }
}

extension EventStore {
    /// The organiser's curation: merges, owner aliases, key messages.
    public func curation() throws(RundbordError) -> CurationState {
        try read { db in try CurationRows.state(db) }
    }

    /// The curation engine over the event as it is in the file now.
    public func curator() throws(RundbordError) -> Curator {
        let event = try event()
        return Curator(vision: event.vision, tables: try tables(), notes: try allNotes(includeDeleted: true),
                       state: try curation())
    }

    /// Saves curation changes in one transaction: all or none. A note's
    /// version before the change is kept as a revision (source "curation"),
    /// so nothing the tables wrote is lost by an organiser's edit.
    public func apply(_ changes: [CurationChange], now: Date = Date()) throws(RundbordError) {
        guard !changes.isEmpty else { return }
        try write { db in
            for change in changes {
                switch change {
                case .note(let c):
                    if let before = c.before {
                        _ = try NoteRevisions.save(before, supersededAt: now, source: "curation", db)
                    }
                    try Rows.save(note: c.after, db)
                case .merge(_, let m): try CurationRows.save(merge: m, db)
                case .alias(_, let a): try CurationRows.save(alias: a, db)
                case .keyMessage(_, let k): try CurationRows.save(keyMessage: k, db)
                }
            }
        }
    }
}
