import Foundation
import GRDB
import RundbordCore

/// Connects the pure session engine to the store: builds a table's session
/// from the file and persists the effects the engine asks for.
extension EventStore {
    /// The session of table `number` at its current principle, or at
    /// `principleIndex` when given (not saved as the table's progress).
    /// `event`, when the caller has read it already, saves decoding the vision again.
    public func session(tableNumber number: Int, principleIndex: Int? = nil,
                        event known: Event? = nil) throws(RundbordError) -> TableSession {
        let event: Event
        if let known { event = known } else { event = try self.event() }
        var table = try self.table(number: number)
        if let principleIndex {
            guard table.principleIds.indices.contains(principleIndex) else {
                throw RundbordError(CoreText.storeNoPrinciple, [principleIndex + 1, table.principleIds.count], exit: .usage)
            }
            if principleIndex != table.progress.principleIndex {
                let minutes = event.vision.principle(id: table.principleIds[principleIndex])?.minutes ?? 15
                table.progress = TableProgress(principleIndex: principleIndex, phase: .discuss,
                                               timer: TimerState(durationSeconds: minutes * 60))
            }
        }
        var session = TableSession(vision: event.vision, table: table)
        session.leftProgress = try leftProgress(of: table)
        if let principleId = table.currentPrincipleId {
            try session.reduceLoaded(notes: notes(tableId: table.id, principleId: principleId),
                                     agreement: agreement(tableId: table.id, principleId: principleId))
        }
        return session
    }

    /// Persists `effects` in order, each in its own short transaction, and
    /// returns the actions that feed loaded data back into the engine.
    @discardableResult
    public func perform(_ effects: [SessionEffect], now: Date = Date()) throws(RundbordError) -> [SessionAction] {
        var followUps: [SessionAction] = []
        for effect in effects {
            switch effect {
            case .saveNote(let note):
                try save(note: note)
            case .saveProgress(let table):
                try save(progress: table)
            case let .saveLeftProgress(tableId, principleId, progress):
                try save(leftProgress: progress, tableId: tableId, principleId: principleId, now: now)
            case let .saveAgreement(tableId, principleId, tally):
                try save(agreement: tally, tableId: tableId, principleId: principleId, now: now)
            case let .loadPrinciple(tableId, principleId):
                followUps.append(.loaded(notes: try notes(tableId: tableId, principleId: principleId),
                                         agreement: try agreement(tableId: tableId, principleId: principleId)))
            }
        }
        return followUps
    }
}

extension EventStore {
    /// The phase and clock each of `table`'s other principles was left with,
    /// by principle index (none in a file written before schema v7).
    public func leftProgress(of table: RoundTable) throws(RundbordError) -> [Int: TableProgress] {
        guard fileVersion >= 7 else { return [:] }
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM principleProgress WHERE tableId = ?", arguments: [table.id.uuidString])
        }
        var progress: [Int: TableProgress] = [:]
        for row in rows {
            guard let index = table.principleIds.firstIndex(of: row["principleId"] as String),
                  index != table.progress.principleIndex else { continue }
            progress[index] = TableProgress(principleIndex: index, phase: Phase(rawValue: row["phase"]) ?? .present,
                                            timer: TimerState(durationSeconds: row["timerDuration"],
                                                              elapsedBeforeStart: row["timerElapsed"]))
        }
        return progress
    }

    /// Keeps the phase and (paused) clock a principle was left with.
    public func save(leftProgress progress: TableProgress, tableId: UUID, principleId: String,
                     now: Date = Date()) throws(RundbordError) {
        try write { db in
            try Rows.saveProgress(tableId: tableId, principleId: principleId, phase: progress.phase.rawValue,
                                  timerDuration: progress.timer.durationSeconds, timerElapsed: progress.timer.elapsed(at: now),
                                  updatedAt: now, db)
        }
    }
}

extension TableSession {
    mutating func reduceLoaded(notes: [Note], agreement: AgreementTally) {
        _ = try? reduce(.loaded(notes: notes, agreement: agreement), .live)
    }
}
