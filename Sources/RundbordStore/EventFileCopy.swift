import Foundation
import GRDB
import RundbordCore

extension EventStore {
    /// Writes a complete, consistent copy of the event to `newPath` (the same
    /// event id and table ids, so the copy merges back), while other
    /// processes may be writing: SQLite's `VACUUM INTO` reads one snapshot,
    /// including what still sits in the WAL file, which a plain `cp` of the
    /// main file would miss. The copy is created owner-only (0600) under a
    /// temporary name and linked into place whole; an existing file is never
    /// replaced.
    public func copy(to newPath: String) throws(RundbordError) {
        // A damaged file is not copied (the copy would carry the damage to a
        // table's laptop): exit 65 like every other command on it, not 73.
        // A read-only store was checked when it was opened.
        if !readOnly {
            let problems: [String]
            do { problems = try writer.read { db in try Self.quickCheck(db) } } catch { throw Self.storeError(error, path: path) }
            guard problems.isEmpty else {
                throw RundbordError(CoreText.storeCorrupt, [path, Self.describe(problems)], exit: .dataError)
            }
        }
        try Self.buildNewFile(at: newPath) { temporary in
            // VACUUM INTO accepts the existing empty file buildNewFile made with
            // the mode we want. Outside any transaction, as VACUUM requires; it
            // reads one consistent snapshot.
            do {
                try writer.writeWithoutTransaction { db in
                    try db.execute(sql: "VACUUM INTO ?", arguments: [temporary])
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
                // Damage in the source found while reading it.
                throw Self.storeError(error, path: path)
            }
            // The copy is opened by tables on their own: put it in WAL mode like every event file.
            let queue = try DatabaseQueue(path: temporary, configuration: Self.configuration(readOnly: false))
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
        }
    }
}
