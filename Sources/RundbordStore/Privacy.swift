import Foundation
import GRDB
import RundbordCore

/// Schema v4: privacy by design.
/// - Older files credited speakers by free text, so a person whose name did
///   not match the roster exactly was printed as an "organisation". Each such
///   credit becomes the participant it names, a known organisation, or an
///   unmatched person who is not named (see `LegacyCredits`).
/// - `keptName`: names in free text the organiser deliberately keeps.
/// - `erasure`: tombstones of erased participants, which travel in merges.
enum Privacy {
    static let schemaVersion = 4

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE keptName (
              noteId TEXT NOT NULL,
              participantId TEXT NOT NULL,
              keptAt REAL NOT NULL,
              PRIMARY KEY (noteId, participantId)
            );
            CREATE TABLE erasure (
              id TEXT PRIMARY KEY NOT NULL,         -- the erased participant's id
              identityDigest TEXT NOT NULL,          -- SHA-256 of name and organisation, folded
              emailDigest TEXT NOT NULL DEFAULT '',  -- SHA-256 of the e-mail address, folded; '' when none
              nameDigest TEXT NOT NULL,              -- SHA-256 of PersonName.key(name)
              nameLength INTEGER NOT NULL,           -- characters of that key: a cheap test before hashing
              erasedAt REAL NOT NULL
            );
            """)
        // A file being created has no event row yet, and nothing to migrate.
        if try Row.fetchOne(db, sql: "SELECT 1 FROM event") != nil {
            var credits = try LegacyCredits(db)
            try credits.normaliseAll()
        }
        try db.execute(sql: "PRAGMA user_version = 4")
    }
}

extension Privacy {
    static func saveKept(_ name: KeptName, keptAt: Double, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO keptName (noteId, participantId, keptAt) VALUES (?, ?, ?)
            ON CONFLICT(noteId, participantId) DO UPDATE SET keptAt = excluded.keptAt
            """, arguments: [name.noteId.uuidString, name.participantId.uuidString, keptAt])
    }

    /// Rows of `keptName` as stored (negative `keptAt`: undone).
    static func keptRows(_ db: Database) throws -> [(KeptName, Double)] {
        guard try db.tableExists("keptName") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT * FROM keptName ORDER BY noteId, participantId").map {
            (KeptName(noteId: Rows.uuid($0, "noteId"), participantId: Rows.uuid($0, "participantId")), $0["keptAt"])
        }
    }
}

/// Turns the free-text speakers of files written before schema v4 into
/// credits to known people or organisations. A text names a participant
/// when it matches the roster (`Credits.match`: case, accents and spacing
/// ignored, "Name, Organisation" understood); it stays an organisation when
/// it matches a participant's organisation, the vision's or the organiser;
/// anything else is taken to be a person who is not on the roster, added as
/// a participant who is not named (consent can be recorded later). That
/// person's id is derived from the event and the text, so two copies of a
/// file migrated apart agree on it.
struct LegacyCredits {
    let db: Database
    let eventId: UUID
    var people: [Participant]
    let organisations: [String]
    private(set) var added: [Participant] = []

    init(_ db: Database) throws {
        self.db = db
        let event = try Rows.event(db)
        eventId = event.id
        people = try Row.fetchAll(db, sql: "SELECT * FROM participant ORDER BY id").map(Rows.participant)
        organisations = Credits.knownOrganisations(people: people, event: event)
    }

    /// The participant a free-text speaker names, or nil when it is an organisation.
    mutating func participant(for text: String) throws -> UUID? {
        let clean = Sanitize.line(text).trimmingCharacters(in: .whitespaces)
        switch Self.classify(clean, people: people, organisations: organisations) {
        case .person(let id): return id
        case .organisation: return nil
        case .unmatched: return try unmatched(clean).id
        }
    }

    enum Credit: Equatable { case person(UUID), organisation, unmatched }

    static func classify(_ text: String, people: [Participant], organisations: [String]) -> Credit {
        guard !PersonName.key(text).isEmpty else { return .organisation }
        switch Credits.match(text, people: people, organisations: organisations) {
        case .person(let p): return .person(p.id)
        case .organisation: return .organisation
        case .ambiguous, .unknown: return .unmatched
        }
    }

    /// The id of the not-named participant standing for `text` in event `eventId`.
    static func unmatchedId(_ text: String, eventId: UUID) -> UUID {
        var hash = FNV128()
        hash.add(Array("unmatched speaker\u{1F}\(eventId.uuidString)\u{1F}\(PersonName.key(text))".utf8))
        return hash.uuid
    }

    /// The not-named participant standing for `text` ("Name" or "Name, Organisation").
    mutating func unmatched(_ text: String) throws -> Participant {
        let id = Self.unmatchedId(text, eventId: eventId)
        if let known = people.first(where: { $0.id == id }) { return known }
        var name = text, organisation = ""
        if let comma = text.lastIndex(of: ",") {
            let before = text[..<comma].trimmingCharacters(in: .whitespaces)
            if !before.isEmpty {
                name = before
                organisation = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let person = Participant(id: id, name: name, organisation: organisation, mayBeNamed: false,
                                 updatedAt: Date(timeIntervalSince1970: 0))
        try Rows.save(participant: person, db)
        people.append(person)
        added.append(person)
        return person
    }

    /// The note with its free-text speaker turned into a credit.
    mutating func normalise(_ note: Note) throws -> Note {
        guard note.speakerId == nil, let text = note.speakerOrganisation, !text.isEmpty,
              let id = try participant(for: text) else { return note }
        var n = note
        n.speakerId = id
        n.speakerOrganisation = nil
        return n
    }

    /// Every note and note revision of the file. Times are left as they
    /// are: this is how the note always should have read, not an edit.
    mutating func normaliseAll() throws {
        for table in ["note", "noteRevision"] {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, speakerOrganisation FROM \(table)
                WHERE speakerId IS NULL AND speakerOrganisation IS NOT NULL AND speakerOrganisation <> ''
                """)
            for row in rows {
                guard let id = try participant(for: row["speakerOrganisation"]) else { continue }
                try db.execute(sql: "UPDATE \(table) SET speakerId = ?, speakerOrganisation = NULL WHERE id = ?",
                               arguments: [id.uuidString, row["id"] as String])
            }
        }
    }
}

extension EventStore {
    /// Every live note, as `allNotes`, with the credits of a file written
    /// before schema v4 (opened read-only, so not migrated) read as the
    /// migration would make them: a free-text speaker that is not a known
    /// participant or organisation credits an unknown person, who is not named.
    public func allNotesCredited() throws(RundbordError) -> [Note] {
        let notes = try allNotes()
        guard let credit = try legacyCredits() else { return notes }
        return notes.map(credit)
    }

    /// The notes of `allNotesCredited`, in its order, each handed to `body`
    /// as it is read (a database cursor), so an export can count a large
    /// event without holding its notes (issue #16). `initiativesOnly`: only
    /// the initiatives, all the ranking reads.
    public func forEachNoteCredited(initiativesOnly: Bool = false, _ body: (Note) -> Void) throws(RundbordError) {
        let credit = try legacyCredits()
        let version = fileVersion
        try read { db in
            let kind = initiativesOnly ? "AND n.kind = '\(NoteKind.initiative.rawValue)'" : ""
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(Rows.noteColumns("n", version: version)) FROM note n JOIN roundTable t ON t.id = n.tableId
                WHERE n.deletedAt IS NULL \(kind)
                ORDER BY t.number, n.principleId, n.createdAt, n.id
                """)
            while let row = try rows.next() {
                let note = Rows.note(row)
                body(credit.map { $0(note) } ?? note)
            }
        }
    }

    /// The live notes of one table and principle, oldest first, credited as
    /// `allNotesCredited` credits them (`legacyCredits`): an export reads
    /// an event in such pieces, so it never holds every note at once.
    public func liveNotesCredited(tableId: UUID, principleId: String,
                                  credit: ((Note) -> Note)?) throws(RundbordError) -> [Note] {
        let notes = try self.notes(tableId: tableId, principleId: principleId, includeDeleted: false)
        return credit.map { notes.map($0) } ?? notes
    }

    /// How a note of a file written before schema v4 is credited, as the
    /// migration would credit it; nil for a newer file (nothing to do).
    public func legacyCredits() throws(RundbordError) -> (@Sendable (Note) -> Note)? {
        guard fileVersion < Privacy.schemaVersion else { return nil }
        let people = try participants()
        let event = try event()
        let organisations = Credits.knownOrganisations(people: people, event: event)
        return { note in
            guard note.speakerId == nil, let text = note.speakerOrganisation.map({ Sanitize.line($0) }), !text.isEmpty else {
                return note
            }
            var n = note
            switch LegacyCredits.classify(text, people: people, organisations: organisations) {
            case .person(let id): n.speakerId = id; n.speakerOrganisation = nil
            case .unmatched: n.speakerId = LegacyCredits.unmatchedId(text, eventId: event.id); n.speakerOrganisation = nil
            case .organisation: break
            }
            return n
        }
    }

    /// The principles of the live notes of the given tables, each with the
    /// lowest table number it has a note at, in the order `allNotes` first
    /// meets them (table number, then principle id).
    public func principlesWithNotes(tableIds: Set<UUID>) throws(RundbordError) -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.principleId AS principleId, MIN(t.number) AS first, t.id AS tableId
                FROM note n JOIN roundTable t ON t.id = n.tableId WHERE n.deletedAt IS NULL
                GROUP BY n.principleId, t.id ORDER BY first, n.principleId
                """).filter { tableIds.contains(UUID(uuidString: $0["tableId"]) ?? UUID()) }
                .map { $0["principleId"] as String }
        }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The names in notes the organiser chose to keep in the harvest.
    /// A row with a negative `keptAt` records that the choice was undone
    /// then (|keptAt|): the later choice wins when files are merged.
    public func keptNames() throws(RundbordError) -> Set<KeptName> {
        try read { db in
            guard try db.tableExists("keptName") else { return [] }
            return Set(try Row.fetchAll(db, sql: "SELECT noteId, participantId FROM keptName WHERE keptAt > 0").map {
                KeptName(noteId: Rows.uuid($0, "noteId"), participantId: Rows.uuid($0, "participantId"))
            })
        }
    }

    /// Keeps (or stops keeping) a participant's name in notes; returns how many changed.
    @discardableResult
    public func setKept(_ names: [KeptName], kept: Bool, now: Date = Date()) throws(RundbordError) -> Int {
        try write { db in
            var changed = 0
            for name in names {
                let current = try Double.fetchOne(db, sql: "SELECT keptAt FROM keptName WHERE noteId = ? AND participantId = ?",
                                                  arguments: [name.noteId.uuidString, name.participantId.uuidString])
                guard (current.map { $0 > 0 } ?? false) != kept else { continue }
                try Privacy.saveKept(name, keptAt: kept ? now.timeIntervalSince1970 : -now.timeIntervalSince1970, db)
                changed += 1
            }
            return changed
        }
    }

    /// The organisations notes are credited to (given as organisations).
    public func creditedOrganisations() throws(RundbordError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT speakerOrganisation FROM note
                WHERE speakerId IS NULL AND speakerOrganisation IS NOT NULL AND speakerOrganisation <> ''
                ORDER BY speakerOrganisation
                """)
        }
    }
}
