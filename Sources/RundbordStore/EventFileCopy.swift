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
        if FileManager.default.fileExists(atPath: newPath) {
            throw RundbordError(CoreText.storeExists, [newPath], exit: .cantCreate)
        }
        let url = URL(fileURLWithPath: newPath)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        // VACUUM INTO accepts an existing empty file: create it first with the mode we want.
        let fd = Foundation.open(temporary, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw RundbordError(CoreText.storeCannotCreate, [newPath, String(cString: strerror(errno))], exit: .cantCreate)
        }
        Foundation.close(fd)
        func discard() { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        do {
            // Outside any transaction, as VACUUM requires; it reads one consistent snapshot.
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [temporary])
            }
            // The copy is opened by tables on their own: put it in WAL mode like every event file.
            let queue = try DatabaseQueue(path: temporary, configuration: Self.configuration(readOnly: false))
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
            guard link(temporary, newPath) == 0 else {
                let reason = errno == EEXIST ? nil : String(cString: strerror(errno))
                discard()
                if let reason { throw RundbordError(CoreText.storeCannotCreate, [newPath, reason], exit: .cantCreate) }
                throw RundbordError(CoreText.storeExists, [newPath], exit: .cantCreate)
            }
            discard()
        } catch let error as RundbordError {
            throw error
        } catch {
            discard()
            throw RundbordError(CoreText.storeCannotCreate, [newPath, "\(error)"], exit: .cantCreate)
        }
    }
}
