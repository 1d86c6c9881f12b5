import Foundation
import GRDB
import RundbordCore

/// The schema, as named migrations in order. Every row that can be merged
/// between event files has a stable UUID; times are Unix seconds (REAL).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: event, tables, participants, notes, agreement, drafts") { db in
            try db.execute(sql: "PRAGMA application_id = \(EventStore.applicationId)")
            try db.execute(sql: """
                CREATE TABLE event (
                  id TEXT PRIMARY KEY NOT NULL,
                  title TEXT NOT NULL,
                  date TEXT NOT NULL,
                  venue TEXT NOT NULL DEFAULT '',
                  organiser TEXT NOT NULL DEFAULT '',
                  organiserEmail TEXT NOT NULL DEFAULT '',
                  language TEXT NOT NULL,
                  vision TEXT NOT NULL,          -- JSON, copied from the template at creation
                  links TEXT NOT NULL DEFAULT '[]',
                  attachments TEXT NOT NULL DEFAULT '[]',
                  nextSteps TEXT NOT NULL DEFAULT '',
                  createdAt REAL NOT NULL,
                  updatedAt REAL NOT NULL
                );
                CREATE TABLE roundTable (
                  id TEXT PRIMARY KEY NOT NULL,
                  number INTEGER NOT NULL UNIQUE,
                  name TEXT NOT NULL DEFAULT '',
                  host TEXT NOT NULL DEFAULT '',
                  noteTaker TEXT NOT NULL DEFAULT '',
                  principleIds TEXT NOT NULL,    -- JSON array
                  principleIndex INTEGER NOT NULL,
                  phase TEXT NOT NULL,
                  timerDuration INTEGER NOT NULL,
                  timerElapsed REAL NOT NULL,
                  timerRunningSince REAL,
                  updatedAt REAL NOT NULL
                );
                CREATE TABLE participant (
                  id TEXT PRIMARY KEY NOT NULL,
                  name TEXT NOT NULL,
                  organisation TEXT NOT NULL DEFAULT '',
                  email TEXT NOT NULL DEFAULT '',
                  tableNumber INTEGER,
                  mayBeNamed INTEGER NOT NULL DEFAULT 0,
                  updatedAt REAL NOT NULL
                );
                CREATE TABLE note (
                  id TEXT PRIMARY KEY NOT NULL,
                  tableId TEXT NOT NULL REFERENCES roundTable(id),
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
                  dots INTEGER NOT NULL DEFAULT 0 CHECK (dots >= 0)
                );
                CREATE INDEX note_by_table_principle ON note(tableId, principleId, createdAt);
                CREATE TABLE agreement (
                  tableId TEXT NOT NULL REFERENCES roundTable(id),
                  principleId TEXT NOT NULL,
                  agree INTEGER NOT NULL DEFAULT 0,
                  partly INTEGER NOT NULL DEFAULT 0,
                  disagree INTEGER NOT NULL DEFAULT 0,
                  dontKnow INTEGER NOT NULL DEFAULT 0,
                  updatedAt REAL NOT NULL,
                  PRIMARY KEY (tableId, principleId)
                );
                CREATE TABLE draft (
                  tableId TEXT PRIMARY KEY NOT NULL REFERENCES roundTable(id),
                  text TEXT NOT NULL,
                  updatedAt REAL NOT NULL
                );
                """)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2: note revisions", migrate: NoteRevisions.migrate)
        migrator.registerMigration("v3: curation: cost and decision, merged initiatives, owner aliases, key messages",
                                   migrate: CurationRows.migrate)
        migrator.registerMigration("v4: credits to known people or organisations, kept names, erasures",
                                   migrate: Privacy.migrate)
        migrator.registerMigration("v5: consent history, retention", migrate: Retention.migrate)
        migrator.registerMigration("v6: a draft's kind and principle") { db in
            // A draft offered back after a crash keeps the kind chosen with F3
            // and the principle it was begun under; older drafts have neither (NULL).
            try db.execute(sql: """
                ALTER TABLE draft ADD COLUMN kind TEXT;
                ALTER TABLE draft ADD COLUMN principleId TEXT;
                """)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("v7: each principle's clock and phase") { db in
            // The phase and clock each principle was left with; the current
            // principle's stay in roundTable. An older file has none: its other
            // principles start afresh, as they did.
            try db.execute(sql: """
                CREATE TABLE principleProgress (
                  tableId TEXT NOT NULL REFERENCES roundTable(id),
                  principleId TEXT NOT NULL,
                  phase TEXT NOT NULL,
                  timerDuration INTEGER NOT NULL,
                  timerElapsed REAL NOT NULL,
                  updatedAt REAL NOT NULL,
                  PRIMARY KEY (tableId, principleId)
                );
                """)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        migrator.registerMigration("v8: the mail's extra recipients") { db in
            // Addresses the follow-up mail goes to beside the organiser (JSON array).
            try db.execute(sql: "ALTER TABLE event ADD COLUMN extraRecipients TEXT NOT NULL DEFAULT '[]'")
            try db.execute(sql: "PRAGMA user_version = 8")
        }
        return migrator
    }
}

/// Row mapping between the model and the schema.
enum Rows {
    static let json = JSONEncoder()
    static let decoder = JSONDecoder()

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try json.encode(value), as: UTF8.self)
    }
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
    static func date(_ row: Row, _ column: String) -> Date {
        Date(timeIntervalSince1970: row[column])
    }
    static func optionalDate(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }
    static func uuid(_ row: Row, _ column: String) -> UUID {
        UUID(uuidString: row[column]) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    }

    static func event(_ db: Database) throws -> Event {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM event LIMIT 1") else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the event row is missing")
        }
        // An unreadable id would make the event look like another one (a merge would say so).
        guard let id = UUID(uuidString: row["id"] as String? ?? "") else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the event row's id is not a UUID")
        }
        return Event(id: id, title: row["title"], date: row["date"], venue: row["venue"],
                     organiser: row["organiser"], organiserEmail: row["organiserEmail"],
                     language: row["language"], vision: try decode(Vision.self, row["vision"]),
                     links: try decode([EventLink].self, row["links"]),
                     attachments: try decode([EventAttachment].self, row["attachments"]),
                     nextSteps: row["nextSteps"],
                     extraRecipients: try decode([String].self, row["extraRecipients"] as String? ?? "[]"),
                     createdAt: date(row, "createdAt"))
    }

    static func eventArguments(_ e: Event) throws -> StatementArguments {
        [e.id.uuidString, e.title, e.date, e.venue, e.organiser, e.organiserEmail, e.language,
         try encode(e.vision), try encode(e.links), try encode(e.attachments), e.nextSteps,
         e.createdAt.timeIntervalSince1970, Date().timeIntervalSince1970]
    }

    static func insert(event: Event, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO event (id, title, date, venue, organiser, organiserEmail, language, vision,
                               links, attachments, nextSteps, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: try eventArguments(event))
        // Written apart, and only when there are any: a file still at an
        // older version (a test's, or one being upgraded) takes the rest.
        if !event.extraRecipients.isEmpty {
            try db.execute(sql: "UPDATE event SET extraRecipients = ?", arguments: [try encode(event.extraRecipients)])
        }
    }

    static func update(event: Event, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM event")
        try insert(event: event, db)
    }

    /// The phase and paused clock a principle was left with (one row per table and principle).
    static func saveProgress(tableId: UUID, principleId: String, phase: String, timerDuration: Int,
                             timerElapsed: Double, updatedAt: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO principleProgress (tableId, principleId, phase, timerDuration, timerElapsed, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(tableId, principleId) DO UPDATE SET phase = excluded.phase,
              timerDuration = excluded.timerDuration, timerElapsed = excluded.timerElapsed,
              updatedAt = excluded.updatedAt
            """, arguments: [tableId.uuidString, principleId, phase, timerDuration, timerElapsed,
                             updatedAt.timeIntervalSince1970])
    }

    static func table(_ row: Row) throws -> RoundTable {
        RoundTable(id: uuid(row, "id"), number: row["number"], name: row["name"], host: row["host"],
              noteTaker: row["noteTaker"], principleIds: try decode([String].self, row["principleIds"]),
              progress: TableProgress(
                principleIndex: row["principleIndex"],
                phase: Phase(rawValue: row["phase"]) ?? .present,
                timer: TimerState(durationSeconds: row["timerDuration"], elapsedBeforeStart: row["timerElapsed"],
                                  runningSince: optionalDate(row, "timerRunningSince"))),
              updatedAt: date(row, "updatedAt"))
    }

    static func save(table t: RoundTable, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO roundTable (id, number, name, host, noteTaker, principleIds, principleIndex, phase,
                                    timerDuration, timerElapsed, timerRunningSince, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET number = excluded.number, name = excluded.name,
              host = excluded.host, noteTaker = excluded.noteTaker, principleIds = excluded.principleIds,
              principleIndex = excluded.principleIndex, phase = excluded.phase,
              timerDuration = excluded.timerDuration, timerElapsed = excluded.timerElapsed,
              timerRunningSince = excluded.timerRunningSince, updatedAt = excluded.updatedAt
            """, arguments: [t.id.uuidString, t.number, t.name, t.host, t.noteTaker, try encode(t.principleIds),
                             t.progress.principleIndex, t.progress.phase.rawValue, t.progress.timer.durationSeconds,
                             t.progress.timer.elapsedBeforeStart,
                             t.progress.timer.runningSince?.timeIntervalSince1970, t.updatedAt.timeIntervalSince1970])
    }

    /// The note columns in the order `note(_:)` reads them by position:
    /// reading by name costs a lookup per column, which dominated loading a
    /// page of notes and exporting a large event.
    static let noteColumns = "id, tableId, principleId, kind, text, speakerId, speakerOrganisation, createdAt, editedAt, deletedAt, funding, owner, horizon, dots, cost, decision"

    /// The same columns for a file written before schema v3 (opened read-only,
    /// so not migrated): the curation fields read as not set.
    static let noteColumnsBeforeV3 = noteColumns.replacingOccurrences(of: "cost, decision", with: "NULL AS cost, NULL AS decision")

    /// `noteColumns` qualified by a table alias (for joins).
    static func noteColumns(_ alias: String, version: Int = EventStore.schemaVersion) -> String {
        let qualified = noteColumns.split(separator: ",").map { "\(alias).\($0.trimmingCharacters(in: .whitespaces))" }
            .joined(separator: ", ")
        return version >= 3 ? qualified
            : qualified.replacingOccurrences(of: "\(alias).cost, \(alias).decision", with: "NULL AS cost, NULL AS decision")
    }

    static func noteColumns(version: Int) -> String { version >= 3 ? noteColumns : noteColumnsBeforeV3 }

    static func note(_ row: Row) -> Note {
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        return Note(id: UUID(uuidString: row[0]) ?? zero, tableId: UUID(uuidString: row[1]) ?? zero,
                    principleId: row[2], kind: NoteKind(rawValue: row[3]) ?? .point, text: row[4],
                    speakerId: (row[5] as String?).flatMap(UUID.init(uuidString:)),
                    speakerOrganisation: row[6], createdAt: Date(timeIntervalSince1970: row[7]),
                    editedAt: Date(timeIntervalSince1970: row[8]),
                    deletedAt: (row[9] as Double?).map(Date.init(timeIntervalSince1970:)),
                    funding: (row[10] as String?).flatMap(FundingClass.init(rawValue:)),
                    owner: row[11], horizon: row[12], dots: row[13], cost: row[14],
                    decision: (row[15] as String?).flatMap(InitiativeDecision.init(rawValue:)) ?? .undecided)
    }

    static func save(note n: Note, _ db: Database) throws {
        // Cached: a merge saves thousands of notes in one transaction.
        try db.cachedStatement(sql: """
            INSERT INTO note (id, tableId, principleId, kind, text, speakerId, speakerOrganisation,
                              createdAt, editedAt, deletedAt, funding, owner, horizon, dots, cost, decision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET tableId = excluded.tableId, principleId = excluded.principleId,
              kind = excluded.kind, text = excluded.text, speakerId = excluded.speakerId,
              speakerOrganisation = excluded.speakerOrganisation, createdAt = excluded.createdAt,
              editedAt = excluded.editedAt, deletedAt = excluded.deletedAt, funding = excluded.funding,
              owner = excluded.owner, horizon = excluded.horizon, dots = excluded.dots,
              cost = excluded.cost, decision = excluded.decision
            """).execute(arguments: [n.id.uuidString, n.tableId.uuidString, n.principleId, n.kind.rawValue, n.text,
                             n.speakerId?.uuidString, n.speakerOrganisation, n.createdAt.timeIntervalSince1970,
                             n.editedAt.timeIntervalSince1970, n.deletedAt?.timeIntervalSince1970,
                             n.funding?.rawValue, n.owner, n.horizon, n.dots, n.cost,
                             n.decision == .undecided ? nil : n.decision.rawValue])
    }

    static func save(agreement t: AgreementTally, tableId: UUID, principleId: String, updatedAt: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO agreement (tableId, principleId, agree, partly, disagree, dontKnow, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(tableId, principleId) DO UPDATE SET agree = excluded.agree,
              partly = excluded.partly, disagree = excluded.disagree,
              dontKnow = excluded.dontKnow, updatedAt = excluded.updatedAt
            """, arguments: [tableId.uuidString, principleId, t.agree, t.partly, t.disagree, t.dontKnow,
                             updatedAt.timeIntervalSince1970])
    }

    static func tally(_ row: Row) -> AgreementTally {
        AgreementTally(agree: row["agree"], partly: row["partly"], disagree: row["disagree"], dontKnow: row["dontKnow"])
    }

    static func participant(_ row: Row) -> Participant {
        Participant(id: uuid(row, "id"), name: row["name"], organisation: row["organisation"], email: row["email"],
                    tableNumber: row["tableNumber"], mayBeNamed: row["mayBeNamed"], updatedAt: date(row, "updatedAt"))
    }

    static func save(participant p: Participant, _ db: Database) throws {
        // Cached: a roster import saves thousands of participants in one transaction.
        try db.cachedStatement(sql: """
            INSERT INTO participant (id, name, organisation, email, tableNumber, mayBeNamed, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation,
              email = excluded.email, tableNumber = excluded.tableNumber, mayBeNamed = excluded.mayBeNamed,
              updatedAt = excluded.updatedAt
            """).execute(arguments: [p.id.uuidString, p.name, p.organisation, p.email, p.tableNumber, p.mayBeNamed,
                             p.updatedAt.timeIntervalSince1970])
    }
}
