import Foundation
import GRDB
import RundbordCore

/// Everything mergeable in one event file, read through a read-only
/// connection that is closed before the merge writes anything.
struct MergeSource {
    struct Revision { var id: UUID; var note: Note; var supersededAt: Date; var source: String }
    struct Agreement { var tableId: UUID; var principleId: String; var tally: AgreementTally; var updatedAt: Date }
    struct Draft { var tableId: UUID; var text: String; var updatedAt: Date; var kind: String?; var principleId: String? }
    /// The phase and clock a table's principle was left with (schema v7).
    struct Progress: Equatable {
        var tableId: UUID; var principleId: String; var phase: String
        var timerDuration: Int; var timerElapsed: Double; var updatedAt: Date
    }

    var path: String
    var event: Event
    /// The schema version the file was written with (its `user_version`).
    var version = EventStore.schemaVersion
    var tables: [RoundTable] = []
    var participants: [Participant] = []
    var notes: [Note] = []
    var revisions: [Revision] = []
    var agreements: [Agreement] = []
    var drafts: [Draft] = []
    var progress: [Progress] = []
    var curation = CurationState()
    /// Names kept in notes, with when (negative: undone then).
    var keptNames: [(KeptName, Double)] = []
    /// Erased participants, changes of consent, and when contacts were forgotten.
    var tombstones: [Tombstone] = []
    var consent: [Retention.ConsentChange] = []
    var contactsForgottenAt: Date?

    var name: String { URL(fileURLWithPath: path).lastPathComponent }

    static func load(path: String) throws(RundbordError) -> MergeSource {
        try EventStore.checkIsEventFile(path: path)
        do {
            let queue = try DatabaseQueue(path: path, configuration: EventStore.configuration(readOnly: true))
            defer { try? queue.close() }
            return try queue.read { db in
                // A damaged source is not merged: its rows could be anything.
                let problems = try EventStore.quickCheck(db)
                guard problems.isEmpty else {
                    throw RundbordError(CoreText.storeCorrupt, [path, EventStore.describe(problems)], exit: .dataError)
                }
                var source = MergeSource(path: path, event: try Rows.event(db))
                source.version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                source.tables = try Row.fetchAll(db, sql: "SELECT * FROM roundTable ORDER BY number").map(Rows.table)
                source.participants = try Row.fetchAll(db, sql: "SELECT * FROM participant ORDER BY id").map(Rows.participant)
                // A file written before schema v3 has no curation yet.
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                source.notes = try Row.fetchAll(db, sql: "SELECT \(Rows.noteColumns(version: version)) FROM note ORDER BY createdAt, id").map(Rows.note)
                source.curation = try CurationRows.state(db)
                source.keptNames = try Privacy.keptRows(db)
                source.tombstones = try Privacy.tombstones(db)
                source.consent = try Retention.consentChanges(db)
                source.contactsForgottenAt = try Retention.contactsForgottenAt(db)
                // A file written before schema v2 has no revisions yet.
                if try db.tableExists("noteRevision") {
                    source.revisions = try Row.fetchAll(db, sql: "SELECT * FROM noteRevision ORDER BY id").map { row in
                        Revision(id: Rows.uuid(row, "id"), note: NoteRevisions.note(row),
                                 supersededAt: Rows.date(row, "supersededAt"), source: row["source"])
                    }
                }
                source.agreements = try Row.fetchAll(db, sql: "SELECT * FROM agreement").map { row in
                    Agreement(tableId: Rows.uuid(row, "tableId"), principleId: row["principleId"],
                              tally: Rows.tally(row), updatedAt: Rows.date(row, "updatedAt"))
                }
                source.drafts = try Row.fetchAll(db, sql: "SELECT * FROM draft").map { row in
                    // A file written before schema v6 has no kind or principle with its drafts.
                    Draft(tableId: Rows.uuid(row, "tableId"), text: row["text"], updatedAt: Rows.date(row, "updatedAt"),
                          kind: version >= 6 ? row["kind"] : nil, principleId: version >= 6 ? row["principleId"] : nil)
                }
                // A file written before schema v7 keeps no clock for the principles a table left.
                if version >= 7 {
                    source.progress = try Row.fetchAll(db, sql: "SELECT * FROM principleProgress").map(Progress.init)
                }
                source.cleanLikeTyped()
                return source
            }
        } catch {
            throw EventStore.storeError(error, path: path)
        }
    }

    /// Text that comes in by a merge is held to what the command line and
    /// the screen let a person type: names, organisations, addresses and
    /// other one-line fields lose control characters and line breaks
    /// (`Sanitize.line`), note texts keep their lines but no other controls
    /// (`Sanitize.multiline`). A file written by hand or by another program
    /// cannot bring an escape sequence or a mail header line this way.
    mutating func cleanLikeTyped() {
        for i in participants.indices {
            participants[i].name = Sanitize.line(participants[i].name)
            participants[i].organisation = Sanitize.line(participants[i].organisation)
            participants[i].email = Sanitize.line(participants[i].email)
        }
        for i in tables.indices {
            tables[i].name = Sanitize.line(tables[i].name)
            tables[i].host = Sanitize.line(tables[i].host)
            tables[i].noteTaker = Sanitize.line(tables[i].noteTaker)
        }
        func clean(_ note: inout Note) {
            note.text = Sanitize.multiline(note.text)
            note.speakerOrganisation = note.speakerOrganisation.map(Sanitize.line)
            note.owner = note.owner.map(Sanitize.line)
            note.horizon = note.horizon.map(Sanitize.line)
        }
        for i in notes.indices { clean(&notes[i]) }
        for i in revisions.indices { clean(&revisions[i].note) }
        for i in drafts.indices { drafts[i].text = Sanitize.multiline(drafts[i].text) }
    }

    /// The participants whose address the mail could not use.
    var invalidAddresses: [MergeReport.InvalidAddress] {
        participants.filter { !$0.email.isEmpty && !EmailAddress.isValid($0.email) }
            .map { MergeReport.InvalidAddress(source: path, name: $0.name, email: $0.email) }
    }
}

extension MergeSource.Progress {
    init(_ row: Row) {
        self.init(tableId: Rows.uuid(row, "tableId"), principleId: row["principleId"], phase: row["phase"],
                  timerDuration: row["timerDuration"], timerElapsed: row["timerElapsed"],
                  updatedAt: Rows.date(row, "updatedAt"))
    }
}
