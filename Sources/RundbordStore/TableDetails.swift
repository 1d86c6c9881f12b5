import Foundation
import GRDB
import RundbordCore

/// A table's name, host and note-taker, set by the organiser, and a table's
/// progress, saved by its session: each writes only its own columns, so a
/// running table screen never puts back a name the organiser just changed.
extension EventStore {
    /// Sets whichever of `name`, `host` and `noteTaker` is given (cleaned to
    /// one line; "" clears it) on table `number`, and returns the table.
    public func setDetails(tableNumber number: Int, name: String? = nil, host: String? = nil,
                           noteTaker: String? = nil, now: Date = Date()) throws(RundbordError) -> RoundTable {
        var table = try self.table(number: number)
        if let name { table.name = Sanitize.line(name) }
        if let host { table.host = Sanitize.line(host) }
        if let noteTaker { table.noteTaker = Sanitize.line(noteTaker) }
        table.updatedAt = now
        let saved = table
        try write { db in
            try db.execute(sql: "UPDATE roundTable SET name = ?, host = ?, noteTaker = ?, updatedAt = ? WHERE id = ?",
                           arguments: [saved.name, saved.host, saved.noteTaker, saved.updatedAt.timeIntervalSince1970,
                                       saved.id.uuidString])
        }
        return saved
    }

    /// Saves the principle, phase and clock of `table`, and nothing else of it.
    public func save(progress table: RoundTable) throws(RundbordError) {
        let p = table.progress
        try write { db in
            try db.execute(sql: """
                UPDATE roundTable SET principleIndex = ?, phase = ?, timerDuration = ?, timerElapsed = ?,
                  timerRunningSince = ?, updatedAt = ? WHERE id = ?
                """, arguments: [p.principleIndex, p.phase.rawValue, p.timer.durationSeconds, p.timer.elapsedBeforeStart,
                                 p.timer.runningSince?.timeIntervalSince1970, table.updatedAt.timeIntervalSince1970,
                                 table.id.uuidString])
        }
    }
}
