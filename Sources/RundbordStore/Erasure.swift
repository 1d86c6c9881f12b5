import Foundation
import GRDB
import RundbordCore

/// Schema v5: consent history and retention.
/// - `consentChange`: every change of a participant's consent to be named,
///   recorded by triggers whatever wrote it (a command, the TUI, a roster
///   import, a merge), so `participants data` can show its history.
/// - `privacyEvent`: what was done to the file as a whole ("contactsForgotten"),
///   carried by merges so an older copy cannot bring e-mail addresses back.
enum Retention {
    static let schemaVersion = 5

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE consentChange (
              id TEXT PRIMARY KEY NOT NULL,     -- participant/time/consent: the same change has the same id everywhere
              participantId TEXT NOT NULL,
              mayBeNamed INTEGER NOT NULL,
              changedAt REAL NOT NULL
            );
            CREATE INDEX consentChange_by_participant ON consentChange(participantId, changedAt);
            CREATE TRIGGER consentOnInsert AFTER INSERT ON participant BEGIN
              INSERT OR IGNORE INTO consentChange (id, participantId, mayBeNamed, changedAt)
              VALUES (NEW.id || '/' || NEW.updatedAt || '/' || NEW.mayBeNamed, NEW.id, NEW.mayBeNamed, NEW.updatedAt);
            END;
            CREATE TRIGGER consentOnUpdate AFTER UPDATE OF mayBeNamed ON participant
            WHEN NEW.mayBeNamed IS NOT OLD.mayBeNamed BEGIN
              INSERT OR IGNORE INTO consentChange (id, participantId, mayBeNamed, changedAt)
              VALUES (NEW.id || '/' || NEW.updatedAt || '/' || NEW.mayBeNamed, NEW.id, NEW.mayBeNamed, NEW.updatedAt);
            END;
            INSERT OR IGNORE INTO consentChange (id, participantId, mayBeNamed, changedAt)
              SELECT id || '/' || updatedAt || '/' || mayBeNamed, id, mayBeNamed, updatedAt FROM participant;
            CREATE TABLE privacyEvent (
              kind TEXT PRIMARY KEY NOT NULL,   -- 'contactsForgotten'
              at REAL NOT NULL
            );
            """)
        try db.execute(sql: "PRAGMA user_version = 5")
    }

    static let contactsForgotten = "contactsForgotten"

    static func contactsForgottenAt(_ db: Database) throws -> Date? {
        guard try db.tableExists("privacyEvent") else { return nil }
        return try Double.fetchOne(db, sql: "SELECT at FROM privacyEvent WHERE kind = ?", arguments: [contactsForgotten])
            .map(Date.init(timeIntervalSince1970:))
    }

    struct ConsentChange: Sendable, Equatable { var participantId: UUID; var mayBeNamed: Bool; var changedAt: Date }

    static func consentChanges(_ db: Database) throws -> [ConsentChange] {
        guard try db.tableExists("consentChange") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT * FROM consentChange ORDER BY participantId, changedAt").map {
            ConsentChange(participantId: Rows.uuid($0, "participantId"), mayBeNamed: $0["mayBeNamed"], changedAt: Rows.date($0, "changedAt"))
        }
    }

    static func save(_ c: ConsentChange, _ db: Database) throws -> Bool {
        let t = c.changedAt.timeIntervalSince1970
        // The same text SQLite makes of the REAL in the triggers.
        let time = try String.fetchOne(db, sql: "SELECT CAST(? AS TEXT)", arguments: [t]) ?? "\(t)"
        try db.execute(sql: """
            INSERT OR IGNORE INTO consentChange (id, participantId, mayBeNamed, changedAt) VALUES (?, ?, ?, ?)
            """, arguments: ["\(c.participantId.uuidString)/\(time)/\(c.mayBeNamed ? 1 : 0)", c.participantId.uuidString,
                             c.mayBeNamed, t])
        return db.changesCount > 0
    }
}

/// What erasing did.
public struct ErasureReport: Sendable, Equatable {
    public var participants = 0
    public var credits = 0
    public var notes = 0
    public var revisions = 0
    public var drafts = 0
    public var other = 0
    public init() {}
}

extension Privacy {
    static func tombstones(_ db: Database) throws -> [Tombstone] {
        guard try db.tableExists("erasure") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT * FROM erasure ORDER BY id").map { row in
            Tombstone(participantId: Rows.uuid(row, "id"), identityDigest: row["identityDigest"],
                      emailDigest: row["emailDigest"], nameDigest: row["nameDigest"], nameLength: row["nameLength"],
                      erasedAt: Rows.date(row, "erasedAt"))
        }
    }

    @discardableResult
    static func save(_ t: Tombstone, _ db: Database) throws -> Bool {
        try db.execute(sql: """
            INSERT OR IGNORE INTO erasure (id, identityDigest, emailDigest, nameDigest, nameLength, erasedAt)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [t.participantId.uuidString, t.identityDigest, t.emailDigest, t.nameDigest, t.nameLength,
                             t.erasedAt.timeIntervalSince1970])
        return db.changesCount > 0
    }

    /// A text scrubber for `tombstones`, writing the neutral words in `language`.
    /// A tombstone holds digests of the whole name only; while the erased
    /// people's roster rows are still at hand (`roster`, the whole roster, and
    /// `erased`, whose ids are being erased), their first name or surname
    /// written alone is found as the harvest finds it and replaced too. The
    /// whole roster is asked so that "Henrik Madsen", someone else, keeps his
    /// name when "Henrik Lund" is erased; "Henrik" alone goes.
    static func scrubber(_ tombstones: [Tombstone], roster: [Participant] = [], erased: Set<UUID> = [],
                         language: Language) -> (String) -> String {
        let words = [PrivacyText.aParticipant, .aParticipantCapital, .aParticipantGenitive, .aParticipantGenitiveCapital]
            .map { $0.text(language) }
        let word = { (genitive: Bool, capital: Bool) in words[(genitive ? 2 : 0) + (capital ? 1 : 0)] }
        let removed = PrivacyText.emailRemoved.text(language)
        let finder = NameFinder(people: erased.isEmpty ? [] : roster)
        return { text in
            let scrubbed = Erasure.scrub(text, tombstones, removedEmail: removed, word: word)
            guard !erased.isEmpty else { return scrubbed }
            return finder.redact(scrubbed, hide: { $0.contains(where: erased.contains) }, word: word).text
        }
    }

    static func language(_ db: Database) throws -> Language {
        Language(rawValue: try String.fetchOne(db, sql: "SELECT language FROM event LIMIT 1") ?? "da") ?? .da
    }

    /// Erases, in the open transaction, every participant `tombstones`
    /// match and every trace of them: their roster row, consent history and
    /// kept names; their credits; their name and e-mail address written in
    /// notes, note revisions, drafts, table hosts, the next steps and the
    /// curation. Changed notes and curation records are stamped `now`, so
    /// an older copy merged in later loses to them. The tombstones are kept.
    static func erase(_ tombstones: [Tombstone], now: Date, _ db: Database) throws -> ErasureReport {
        var report = ErasureReport()
        guard !tombstones.isEmpty else { return report }
        for t in tombstones { try save(t, db) }
        let roster = try Row.fetchAll(db, sql: "SELECT * FROM participant").map(Rows.participant)
        let people = roster.filter { p in tombstones.contains { $0.matches(p) } }
        let scrub = scrubber(tombstones, roster: roster, erased: Set(people.map(\.id)), language: try language(db))
        let ids = Set(people.map(\.id.uuidString)) .union(tombstones.map(\.participantId.uuidString))
        for id in ids {
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [id])
            report.participants += db.changesCount
            try db.execute(sql: "DELETE FROM keptName WHERE participantId = ?", arguments: [id])
            if try db.tableExists("consentChange") {
                try db.execute(sql: "DELETE FROM consentChange WHERE participantId = ?", arguments: [id])
            }
        }
        func clean(_ text: String?) -> String? { text.map(scrub) }

        for row in try Row.fetchAll(db, sql: "SELECT \(Rows.noteColumns) FROM note") {
            let note = Rows.note(row)
            var n = note
            if let speaker = n.speakerId, ids.contains(speaker.uuidString) { n.speakerId = nil; report.credits += 1 }
            n.text = scrub(n.text); n.owner = clean(n.owner); n.horizon = clean(n.horizon)
            n.speakerOrganisation = clean(n.speakerOrganisation)
            guard n != note else { continue }
            n.editedAt = max(now, note.editedAt)
            try Rows.save(note: n, db)
            report.notes += 1
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM noteRevision") {
            let speaker: String? = row["speakerId"]
            let fields: [String?] = [row["text"], row["owner"], row["horizon"], row["speakerOrganisation"]]
            let cleaned = fields.map(clean)
            let dropSpeaker = speaker.map(ids.contains) ?? false
            guard cleaned != fields || dropSpeaker else { continue }
            try db.execute(sql: """
                UPDATE noteRevision SET text = ?, owner = ?, horizon = ?, speakerOrganisation = ?, speakerId = ? WHERE id = ?
                """, arguments: [cleaned[0] ?? "", cleaned[1], cleaned[2], cleaned[3], dropSpeaker ? nil : speaker,
                                 row["id"] as String])
            report.revisions += 1
        }
        for row in try Row.fetchAll(db, sql: "SELECT tableId, text FROM draft") {
            let text: String = row["text"]
            guard scrub(text) != text else { continue }
            try db.execute(sql: "UPDATE draft SET text = ?, updatedAt = ? WHERE tableId = ?",
                           arguments: [scrub(text), now.timeIntervalSince1970, row["tableId"] as String])
            report.drafts += 1
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, host, noteTaker FROM roundTable") {
            let host: String = row["host"], taker: String = row["noteTaker"]
            guard scrub(host) != host || scrub(taker) != taker else { continue }
            try db.execute(sql: "UPDATE roundTable SET host = ?, noteTaker = ?, updatedAt = ? WHERE id = ?",
                           arguments: [scrub(host), scrub(taker), now.timeIntervalSince1970, row["id"] as String])
            report.other += 1
        }
        var event = try Rows.event(db)
        let before = event
        event.nextSteps = scrub(event.nextSteps); event.organiser = scrub(event.organiser); event.venue = scrub(event.venue)
        if event != before { try Rows.update(event: event, db); report.other += 1 }
        report.other += try scrubCuration(scrub, now: now, db)
        return report
    }

    /// Scrubs the curation's texts, stamping changed records `now`; returns how many changed.
    static func scrubCuration(_ scrub: (String) -> String, now: Date, _ db: Database) throws -> Int {
        let state = try CurationRows.state(db)
        let clean = state.mappingTexts { text, _ in scrub(text) }
        var changed = 0
        for (old, new) in zip(state.merges, clean.merges) where old != new {
            var m = new
            m.updatedAt = max(now, old.updatedAt)
            try CurationRows.save(merge: m, db)
            changed += 1
        }
        for (old, new) in zip(state.aliases, clean.aliases) where old != new {
            var a = new
            a.updatedAt = max(now, old.updatedAt)
            try db.execute(sql: "DELETE FROM ownerAlias WHERE key = ?", arguments: [old.key])
            try CurationRows.save(alias: a, db)
            changed += 1
        }
        for (old, new) in zip(state.keyMessages, clean.keyMessages) where old != new {
            var k = new
            k.updatedAt = max(now, old.updatedAt)
            try CurationRows.save(keyMessage: k, db)
            changed += 1
        }
        return changed
    }
}

extension EventStore {
    /// Erases a participant (right to erasure, GDPR article 17): everything
    /// `Privacy.erase` removes, then the file is compacted so the bytes are
    /// gone from it and its write-ahead log. Returns what was erased and
    /// whether compaction completed (it cannot while another program has
    /// the file open).
    public func forget(participantId: UUID, now: Date = Date()) throws(RundbordError) -> (ErasureReport, compacted: Bool) {
        try secureDelete()
        let report = try write { db in
            guard let p = try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE id = ?",
                                           arguments: [participantId.uuidString]).map(Rows.participant) else {
                throw RundbordError(MultiText.participantNotFound, [participantId.uuidString], exit: .dataError)
            }
            return try Privacy.erase([Tombstone(of: p, erasedAt: now)], now: now, db)
        }
        return (report, try compact())
    }

    /// Removes every participant's e-mail address, in the roster and wherever
    /// it is written in notes, revisions and drafts, once the follow-up mail
    /// is sent; a merge of an older copy will not bring them back. Returns
    /// how many participants had one, and whether compaction completed.
    public func forgetContacts(now: Date = Date()) throws(RundbordError) -> (Int, compacted: Bool) {
        try secureDelete()
        let count = try write { db in try Retention.forgetContacts(now: now, db) }
        return (count, try compact())
    }

    func secureDelete() throws(RundbordError) {
        do { try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA secure_delete = ON") } }
        catch { throw Self.storeError(error, path: path) }
    }

    /// Copies the write-ahead log into the file and empties it, then rebuilds
    /// the file (VACUUM) so no freed page keeps old bytes, and empties the log
    /// again. False when another connection kept a checkpoint from completing.
    @discardableResult
    public func compact() throws(RundbordError) -> Bool {
        do {
            return try writer.writeWithoutTransaction { db in
                func checkpoint() throws -> Bool {
                    guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
                    let busy: Int = row[0], log: Int = row[1], done: Int = row[2]
                    return busy == 0 && log == done
                }
                let first = try checkpoint()
                try db.execute(sql: "VACUUM")
                return try checkpoint() && first
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}

extension Retention {
    static func forgetContacts(now: Date, _ db: Database) throws -> Int {
        let emails = try String.fetchAll(db, sql: "SELECT email FROM participant WHERE email <> ''")
        try db.execute(sql: "UPDATE participant SET email = '', updatedAt = ? WHERE email <> ''",
                       arguments: [now.timeIntervalSince1970])
        try removeEmails(Set(emails.map { $0.lowercased() }), now: now, db)
        try db.execute(sql: """
            INSERT INTO privacyEvent (kind, at) VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET at = excluded.at
            """, arguments: [contactsForgotten, now.timeIntervalSince1970])
        return emails.count
    }

    /// `text` with each of `emails` (lower case) replaced by `removed`.
    static func removing(_ emails: Set<String>, from text: String, removed: String) -> String {
        guard !emails.isEmpty, text.contains("@") else { return text }
        var out = "", position = text.startIndex
        for range in Erasure.emailRanges(text) where emails.contains(text[range].lowercased()) {
            out += text[position..<range.lowerBound] + removed
            position = range.upperBound
        }
        return out + text[position...]
    }

    static func removeEmails(_ emails: Set<String>, now: Date, _ db: Database) throws {
        guard !emails.isEmpty else { return }
        let removed = PrivacyText.emailRemoved.text(try Privacy.language(db))
        func clean(_ s: String?) -> String? { s.map { removing(emails, from: $0, removed: removed) } }
        for row in try Row.fetchAll(db, sql: "SELECT \(Rows.noteColumns) FROM note") {
            let note = Rows.note(row)
            var n = note
            n.text = clean(n.text) ?? ""; n.owner = clean(n.owner); n.horizon = clean(n.horizon)
            guard n != note else { continue }
            n.editedAt = max(now, note.editedAt)
            try Rows.save(note: n, db)
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, text, owner, horizon FROM noteRevision") {
            let fields: [String?] = [row["text"], row["owner"], row["horizon"]]
            let cleaned = fields.map(clean)
            guard cleaned != fields else { continue }
            try db.execute(sql: "UPDATE noteRevision SET text = ?, owner = ?, horizon = ? WHERE id = ?",
                           arguments: [cleaned[0] ?? "", cleaned[1], cleaned[2], row["id"] as String])
        }
        for row in try Row.fetchAll(db, sql: "SELECT tableId, text FROM draft") {
            let text: String = row["text"]
            if let c = clean(text), c != text {
                try db.execute(sql: "UPDATE draft SET text = ? WHERE tableId = ?", arguments: [c, row["tableId"] as String])
            }
        }
    }
}
