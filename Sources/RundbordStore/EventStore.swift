import Foundation
import GRDB
import RundbordCore

// Longer than the project's 400 lines on purpose: opening a file (checks,
// migration, the connection's pragmas) and the reads and writes every
// screen and command share belong to the one class, and its other concerns
// already live in their own files (SessionStore, NoteRevisions, Merge,
// Erasure, Privacy, CurationStore, TableDetails, Dashboard).

/// One event, kept in one SQLite file (`NAME.rundbord`), written in WAL mode
/// with `synchronous=FULL`: when a save returns, the row survives `kill -9`
/// and power loss. Several processes may open the same file at once.
/// Opening an existing file writes nothing unless its schema must be migrated.
public final class EventStore: @unchecked Sendable {
    /// The schema version this program writes; a file with a higher one is refused.
    public static let schemaVersion = 8
    /// `PRAGMA application_id` of a rundbord file ("RBD1"), telling it from other SQLite files.
    public static let applicationId: Int32 = 0x5242_4431

    public let path: String
    public let readOnly: Bool
    let writer: any DatabaseWriter
    /// The file's schema version: older than `schemaVersion` only when opened
    /// read-only (a writable open migrates), and then reads leave out what it lacks.
    let fileVersion: Int
    /// Set once the file passed `quick_check` inside a write transaction of
    /// this process (only touched inside `writer.write`, which is serialized).
    private var checkedBeforeWriting = false

    private init(path: String, writer: any DatabaseWriter, readOnly: Bool, fileVersion: Int = EventStore.schemaVersion) {
        self.path = path; self.writer = writer; self.readOnly = readOnly; self.fileVersion = fileVersion
    }

    /// The note columns this file has (see `Rows.noteColumns`).
    var noteColumns: String { Rows.noteColumns(version: fileVersion) }

    // MARK: Opening and creating

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        // Other processes (tables, the dashboard, scripted notes) write the
        // same file: wait for them instead of failing with "database is locked".
        config.busyMode = .timeout(15)
        config.prepareDatabase { db in
            if !readOnly {
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        return config
    }

    /// Opens an existing event file. A file that is not a rundbord event, or
    /// that a newer program wrote, is refused before anything is written.
    public static func open(path: String, readOnly: Bool = false) throws(RundbordError) -> EventStore {
        let version = try checkIsEventFile(path: path)
        do {
            if readOnly {
                let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
                // What is read from a damaged file is said to be damaged, not
                // exported or printed as if whole: `quick_check` in one read
                // transaction (a consistent view under concurrent writers), about
                // 30 ms for 10,000 notes and 200 ms for 100,000 (rundbord-bench).
                let problems = try queue.read { db in try quickCheck(db) }
                guard problems.isEmpty else {
                    try? queue.close()
                    throw RundbordError(CoreText.storeCorrupt, [path, describe(problems)], exit: .dataError)
                }
                return EventStore(path: path, writer: queue, readOnly: true, fileVersion: version)
            }
            if version < schemaVersion {
                // Migrating writes: make sure the file is sound first, so a
                // damaged file is reported and never made worse.
                let check = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
                defer { try? check.close() }
                let result = try check.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
                guard result == ["ok"] else {
                    throw RundbordError(CoreText.storeCorrupt, [path, result.prefix(3).joined(separator: "; ")], exit: .dataError)
                }
            }
            // One serialized connection (DatabaseQueue), not a DatabasePool:
            // a pool switches `synchronous` to NORMAL and writes a dummy table
            // on open, which would touch a file before it is known to be sound.
            // The file is already in WAL mode, so other processes still read
            // while this one writes.
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
            if version < schemaVersion {
                try Schema.migrator.migrate(queue)
            }
            return EventStore(path: path, writer: queue, readOnly: false)
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// Reads the header and the identifying pragmas through a read-only
    /// connection, so a foreign or newer file is never touched.
    /// Returns the file's schema version (its `user_version`).
    @discardableResult
    static func checkIsEventFile(path: String) throws(RundbordError) -> Int {
        // Anything but a regular file (a FIFO would block every read for
        // ever, a folder or a device is no event) is refused before it is opened.
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw RundbordError(CoreText.storeNotFound, [path], exit: .noInput) }
            throw RundbordError(CoreText.storeIO, [path, Localized.reason(errno: code)], exit: .noInput)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw RundbordError(ReliabilityText.notRegularFile, [path, Localized(fileKind(info.st_mode))], exit: .dataError)
        }
        let header = try readHeader(path)
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw RundbordError(CoreText.storeNotRundbord, [path], exit: .dataError)
        }
        // The header says what the file is, without opening a connection that
        // could create -wal/-shm files beside a stranger: application_id at
        // offset 68, user_version at 60, page size at 16, page count at 28.
        func int32(_ offset: Int) -> Int { Int(header[offset..<offset + 4].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }) }
        guard Int32(truncatingIfNeeded: int32(68)) == applicationId else {
            throw RundbordError(CoreText.storeNotRundbord, [path], exit: .dataError)
        }
        let version = int32(60)
        if version > schemaVersion {
            throw RundbordError(CoreText.storeNewer, [path, version, schemaVersion], exit: .dataError)
        }
        try checkNotTruncated(path: path)
        return version
    }

    /// The catalogue word for what a non-regular file is.
    static func fileKind(_ mode: mode_t) -> ReliabilityText {
        switch mode & S_IFMT {
        case S_IFIFO: .kindFifo
        case S_IFDIR: .kindDirectory
        case S_IFCHR, S_IFBLK: .kindDevice
        case S_IFSOCK: .kindSocket
        default: .kindOther
        }
    }

    /// The first 100 bytes (the database header), read without blocking.
    static func readHeader(_ path: String) throws(RundbordError) -> [UInt8] {
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw RundbordError(CoreText.storeIO, [path, Localized.reason(errno: errno)], exit: .noInput)
        }
        defer { Foundation.close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        var got = 0
        while got < 100 {
            let n = header.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + got, 100 - got) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            got += n
        }
        return Array(header.prefix(got))
    }

    /// The page count in the header against the file's size: a copy cut
    /// short (on a USB stick) is refused before SQLite reads zeros for the
    /// missing pages. The two are read without a lock, so they disagree for
    /// a moment while another process's checkpoint grows the file (it writes
    /// the header first): a short file is read again for a while, and what
    /// stays short beside a WAL file is left to SQLite's own check inside a
    /// read transaction, which sees one consistent state of the file.
    static func checkNotTruncated(path: String) throws(RundbordError) {
        func sizes() throws(RundbordError) -> (actual: Int, expected: Int) {
            let header = try readHeader(path)
            guard header.count == 100 else { return (0, 100) }
            let rawPageSize = Int(header[16]) << 8 | Int(header[17])
            let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
            let pages = Int(header[28..<32].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) })
            var info = stat()
            let actual = stat(path, &info) == 0 ? Int(info.st_size) : 0
            return (actual, pageSize * pages)
        }
        var (actual, expected) = try sizes()
        guard actual < expected else { return }
        for _ in 0..<truncationRereads {
            usleep(25_000)
            (actual, expected) = try sizes()
            if actual >= expected { return }
        }
        var wal = stat()
        if stat(path + "-wal", &wal) == 0, wal.st_size > 0 {
            // A writer may still be checkpointing: ask SQLite, in one snapshot.
            if let problems = try? quickCheck(path: path), problems.isEmpty { return }
        }
        throw RundbordError(CoreText.storeCorrupt, [path, "truncated: \(actual) of \(expected) bytes"], exit: .dataError)
    }

    /// How often a file that looks short is read again (25 ms apart) before it is taken as truncated.
    static let truncationRereads = 40

    /// `PRAGMA quick_check` through a read-only connection, in one read
    /// transaction: the problems found, none for a sound file.
    static func quickCheck(path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        defer { try? queue.close() }
        return try queue.read { db in try quickCheck(db) }
    }

    static func quickCheck(_ db: Database) throws -> [String] {
        let result = try String.fetchAll(db, sql: "PRAGMA quick_check")
        return result == ["ok"] ? [] : result
    }

    /// Creates a new event file with `tableCount` tables walking every principle.
    public static func create(path: String, event: Event, tableCount: Int, now: Date,
                              newId: () -> UUID = { UUID() }) throws(RundbordError) -> EventStore {
        try buildNewFile(at: path) { temporary in
            let queue = try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false))
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try Schema.migrator.migrate(queue)
            try queue.write { db in
                try Rows.insert(event: event, db)
                for number in 1...max(1, tableCount) {
                    try Rows.save(table: .new(id: newId(), number: number, vision: event.vision, now: now), db)
                }
            }
            try queue.close()
        }
        return try open(path: path)
    }

    /// Makes a new event file at `path` whole or not at all: `build` fills a
    /// temporary file beside it, created readable by its owner only (it holds
    /// names and e-mails), which is then linked into place. link() refuses to
    /// replace an existing file, unlike rename(), so nothing is ever overwritten.
    static func buildNewFile(at path: String, _ build: (String) throws -> Void) throws(RundbordError) {
        if FileManager.default.fileExists(atPath: path) {
            throw RundbordError(CoreText.storeExists, [path], exit: .cantCreate)
        }
        // What a killed `copy` or `new` of the same name left behind.
        StaleTemporaries.clean(for: path)
        let temporary = StaleTemporaries.name(for: path)
        // Kept open, and locked, until the file is in place: the lock tells
        // a later run that this temporary is not stale.
        let fd = StaleTemporaries.create(temporary)
        guard fd >= 0 else {
            throw RundbordError(CoreText.storeCannotCreate, [path, Localized.reason(errno: errno)], exit: .cantCreate)
        }
        // Closed only after SQLite has closed its own connections to the file
        // (closing any descriptor of a file drops the process's POSIX locks on it).
        defer { Foundation.close(fd) }
        func discard() { for suffix in ["-wal", "-shm", "-journal", ""] { unlink(temporary + suffix) } }
        do {
            try build(temporary)
        } catch {
            discard()
            if let error = error as? RundbordError { throw error }
            throw RundbordError(CoreText.storeCannotCreate, [path, "\(error)"], exit: .cantCreate)
        }
        guard link(temporary, path) == 0 else {
            let reason = errno == EEXIST ? nil : Localized.reason(errno: errno)
            discard()
            if let reason { throw RundbordError(CoreText.storeCannotCreate, [path, reason], exit: .cantCreate) }
            throw RundbordError(CoreText.storeExists, [path], exit: .cantCreate)
        }
        discard()
    }

    static func storeError(_ error: Error, path: String) -> RundbordError {
        if let error = error as? RundbordError { return error }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB:
                return RundbordError(CoreText.storeNotRundbord, [path], exit: .dataError)
            case .SQLITE_CORRUPT:
                return RundbordError(CoreText.storeCorrupt, [path, db.message ?? "corrupt"], exit: .dataError)
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
                return RundbordError(CoreText.storeIO, [path, db.message ?? "\(db.resultCode)"], exit: .noInput)
            case .SQLITE_ERROR where (db.message ?? "").hasPrefix("no such table") || (db.message ?? "").hasPrefix("no such column"):
                // The file says it is a rundbord event (its application id) but lacks what every event has.
                return RundbordError(CoreText.storeCorrupt, [path, db.message ?? "\(db.resultCode)"], exit: .dataError)
            case .SQLITE_FULL, .SQLITE_IOERR:
                return RundbordError(CoreText.storeIO, [path, db.message ?? "\(db.resultCode)"], exit: .ioError)
            default:
                return RundbordError(CoreText.storeIO, [path, db.message ?? "\(db)"], exit: .software)
            }
        }
        // A stored JSON value (the vision, links) that cannot be decoded is damaged data, not an I/O failure.
        if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
            return RundbordError(CoreText.storeCorrupt, [path, context.debugDescription], exit: .dataError)
        }
        if error is DecodingError {
            return RundbordError(CoreText.storeCorrupt, [path, "\(error)"], exit: .dataError)
        }
        return RundbordError(CoreText.storeIO, [path, "\(error)"], exit: .ioError)
    }

    func read<T>(_ body: (Database) throws -> T) throws(RundbordError) -> T {
        do { return try writer.read(body) } catch { throw Self.storeError(error, path: path) }
    }

    /// One short transaction per user action. The first write of this
    /// process checks the file first (`PRAGMA quick_check`, in the same
    /// transaction, so no other writer comes between): a damaged file is
    /// refused and never made worse.
    func write<T>(_ body: (Database) throws -> T) throws(RundbordError) -> T {
        do {
            return try writer.write { db in
                if !checkedBeforeWriting {
                    let problems = try Self.quickCheck(db)
                    guard problems.isEmpty else {
                        throw RundbordError(CoreText.storeCorrupt, [path, Self.describe(problems)], exit: .dataError)
                    }
                    checkedBeforeWriting = true
                }
                return try body(db)
            }
        } catch { throw Self.storeError(error, path: path) }
    }

    /// The first problems `quick_check` found, on one line.
    static func describe(_ problems: [String]) -> String {
        Sanitize.line(problems.prefix(3).joined(separator: "; "))
    }

    /// Closes the file. Being the last connection, SQLite copies the WAL
    /// into the main file, so the closed file is complete on its own (safe to
    /// `cp`) when no other process has it open.
    public func close() {
        try? writer.close()
    }

    // MARK: Event

    public func event() throws(RundbordError) -> Event {
        try read { db in try Rows.event(db) }
    }

    public func save(event: Event) throws(RundbordError) {
        try write { db in try Rows.update(event: event, db) }
    }

    // MARK: Tables

    public func tables() throws(RundbordError) -> [RoundTable] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM roundTable ORDER BY number").map(Rows.table) }
    }

    public func table(number: Int) throws(RundbordError) -> RoundTable {
        let found = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM roundTable WHERE number = ?", arguments: [number]).map(Rows.table)
        }
        guard let found else {
            let count = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roundTable") ?? 0 }
            throw RundbordError(CoreText.storeNoTable, [number, count], exit: .usage)
        }
        return found
    }

    public func save(table: RoundTable) throws(RundbordError) {
        try write { db in try Rows.save(table: table, db) }
    }

    // MARK: Notes

    /// The notes of one table and principle, oldest first; the newest
    /// `limit` when one is given. A screen reads one table's principle at a
    /// time, so a 100,000-note event never loads whole; every note of that
    /// principle is read, so the oldest can be reached however many there
    /// are (it once stopped at 2,000, and the rest could not be seen).
    public func notes(tableId: UUID, principleId: String, includeDeleted: Bool = true,
                      limit: Int = -1) throws(RundbordError) -> [Note] {
        try read { db in
            let deleted = includeDeleted ? "" : "AND deletedAt IS NULL"
            return try Row.fetchAll(db, sql: """
                SELECT \(noteColumns) FROM (
                  SELECT * FROM note WHERE tableId = ? AND principleId = ? \(deleted)
                  ORDER BY createdAt DESC, id DESC LIMIT ?)
                ORDER BY createdAt, id
                """, arguments: [tableId.uuidString, principleId, limit]).map(Rows.note)
        }
    }

    /// Every live note of the event (for exports), in table, principle and time order.
    public func allNotes(includeDeleted: Bool = false) throws(RundbordError) -> [Note] {
        try read { db in
            let filter = includeDeleted ? "" : "WHERE n.deletedAt IS NULL"
            return try Row.fetchAll(db, sql: """
                SELECT \(Rows.noteColumns("n", version: fileVersion)) FROM note n JOIN roundTable t ON t.id = n.tableId \(filter)
                ORDER BY t.number, n.principleId, n.createdAt, n.id
                """).map(Rows.note)
        }
    }

    public func note(id: UUID) throws(RundbordError) -> Note? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(noteColumns) FROM note WHERE id = ?", arguments: [id.uuidString]).map(Rows.note)
        }
    }

    /// Inserts or replaces the note; when this returns, the note is on disk.
    public func save(note: Note) throws(RundbordError) {
        try write { db in try Rows.save(note: note, db) }
    }

    // MARK: Agreement

    public func agreement(tableId: UUID, principleId: String) throws(RundbordError) -> AgreementTally {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM agreement WHERE tableId = ? AND principleId = ?",
                             arguments: [tableId.uuidString, principleId]).map(Rows.tally) ?? AgreementTally()
        }
    }

    /// Every tally: table id → principle id → tally.
    public func agreements() throws(RundbordError) -> [UUID: [String: AgreementTally]] {
        try read { db in
            var out: [UUID: [String: AgreementTally]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM agreement") {
                let table = UUID(uuidString: row["tableId"])!
                out[table, default: [:]][row["principleId"]] = Rows.tally(row)
            }
            return out
        }
    }

    public func save(agreement: AgreementTally, tableId: UUID, principleId: String, now: Date = Date()) throws(RundbordError) {
        try write { db in
            try Rows.save(agreement: agreement, tableId: tableId, principleId: principleId, updatedAt: now, db)
        }
    }

    // MARK: Participants

    public func participants() throws(RundbordError) -> [Participant] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM participant ORDER BY tableNumber IS NULL, tableNumber, name")
                .map(Rows.participant)
        }
    }

    public func save(participant: Participant) throws(RundbordError) {
        try write { db in try Rows.save(participant: participant, db) }
    }

    /// Saves many participants in one transaction: all or none.
    public func save(participants: [Participant]) throws(RundbordError) {
        try write { db in for p in participants { try Rows.save(participant: p, db) } }
    }

    // MARK: Drafts

    /// The text being typed at a table, saved as it is typed so a crash loses nothing.
    public func draft(tableId: UUID) throws(RundbordError) -> String? {
        try savedDraft(tableId: tableId)?.text
    }

    /// The draft with the kind chosen for it (F3) and the principle it was
    /// begun under; both nil in a file written before schema v6.
    public func savedDraft(tableId: UUID) throws(RundbordError) -> SavedDraft? {
        let columns = fileVersion >= 6 ? "text, kind, principleId" : "text, NULL AS kind, NULL AS principleId"
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT \(columns) FROM draft WHERE tableId = ?", arguments: [tableId.uuidString]).map { row in
                SavedDraft(text: row["text"], kind: (row["kind"] as String?).flatMap(NoteKind.init(rawValue:)),
                           principleId: row["principleId"])
            }
        }
    }

    public func save(draft: String?, kind: NoteKind? = nil, principleId: String? = nil, tableId: UUID,
                     now: Date = Date()) throws(RundbordError) {
        try write { db in
            if let draft, !draft.isEmpty {
                try db.execute(sql: """
                    INSERT INTO draft (tableId, text, updatedAt, kind, principleId) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(tableId) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt,
                      kind = excluded.kind, principleId = excluded.principleId
                    """, arguments: [tableId.uuidString, draft, now.timeIntervalSince1970, kind?.rawValue, principleId])
            } else {
                try db.execute(sql: "DELETE FROM draft WHERE tableId = ?", arguments: [tableId.uuidString])
            }
        }
    }

    // MARK: Change detection

    /// A number that changes when another process commits to the file
    /// (`PRAGMA data_version` on the one writer connection; GRDB's observation
    /// sees only this process). Poll it on the timer tick and reload on change.
    public func changeToken() throws(RundbordError) -> Int {
        do {
            return try writer.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            }
        } catch { throw Self.storeError(error, path: path) }
    }

    // MARK: Counts

    /// Counts for `rundbord status` and the dashboard, computed in SQL.
    public func summary() throws(RundbordError) -> EventSummary {
        try read { db in
            var summary = EventSummary()
            for row in try Row.fetchAll(db, sql: """
                SELECT t.number AS number, n.kind AS kind, COUNT(*) AS count, COALESCE(SUM(n.dots), 0) AS dots,
                       MAX(n.editedAt) AS last
                FROM note n JOIN roundTable t ON t.id = n.tableId
                WHERE n.deletedAt IS NULL GROUP BY t.number, n.kind
                """) {
                let number: Int = row["number"]
                guard let kind = NoteKind(rawValue: row["kind"]) else { continue }
                summary.notes[number, default: [:]][kind] = row["count"]
                summary.dots[number, default: 0] += row["dots"] as Int
                let last = Date(timeIntervalSince1970: row["last"])
                summary.lastActivity[number] = max(summary.lastActivity[number] ?? last, last)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT n.principleId AS principle, n.kind AS kind, COUNT(*) AS count
                FROM note n WHERE n.deletedAt IS NULL GROUP BY n.principleId, n.kind
                """) {
                guard let kind = NoteKind(rawValue: row["kind"]) else { continue }
                summary.notesByPrinciple[row["principle"], default: [:]][kind] = row["count"]
            }
            summary.participants = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant") ?? 0
            return summary
        }
    }
}

/// Counts over an event, per table number and per principle.
public struct EventSummary: Sendable, Equatable {
    public var notes: [Int: [NoteKind: Int]] = [:]
    public var notesByPrinciple: [String: [NoteKind: Int]] = [:]
    public var dots: [Int: Int] = [:]
    public var lastActivity: [Int: Date] = [:]
    public var participants = 0
    public init() {}

    public func total(table: Int) -> Int { notes[table]?.values.reduce(0, +) ?? 0 }
    public var total: Int { notes.values.flatMap(\.values).reduce(0, +) }
    public func total(kind: NoteKind) -> Int { notes.values.compactMap { $0[kind] }.reduce(0, +) }
}

extension EventStore {
    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws(RundbordError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}

extension EventStore {
    /// Saves many notes in one transaction: all or none (imports, generated events).
    public func save(notes: [Note]) throws(RundbordError) {
        try write { db in for note in notes { try Rows.save(note: note, db) } }
    }
}

/// A table's draft as saved: its text, the kind chosen with F3 (nil: the
/// text's prefix decides) and the principle it was begun under.
public struct SavedDraft: Sendable, Equatable {
    public var text: String
    public var kind: NoteKind?
    public var principleId: String?
    public init(text: String, kind: NoteKind? = nil, principleId: String? = nil) {
        self.text = text; self.kind = kind; self.principleId = principleId
    }
}
