import Foundation
import GRDB
import RundbordCore

/// Everything the dashboard draws, read in one snapshot and computed in SQL
/// (counts and a top list), so it stays cheap on an event with many notes.
public struct DashboardSnapshot: Sendable, Equatable {
    public struct TableStatus: Sendable, Equatable, Identifiable {
        public var id: UUID
        public var number: Int
        public var name: String
        /// Who hosts the table and who takes its notes ("" when not set).
        public var host: String = ""
        public var noteTaker: String = ""
        /// The current principle (nil when the table's index is out of range).
        public var principleId: String?
        public var principleIndex: Int
        public var principleCount: Int
        public var phase: Phase
        public var timer: TimerState
        /// Live (not deleted) notes per kind.
        public var counts: [NoteKind: Int]
        public var dots: Int
        public var participants: Int
        /// The latest note edit, progress change or show of hands; nil if the table never did anything.
        public var lastActivity: Date?

        public var total: Int { counts.values.reduce(0, +) }
    }

    public struct PrincipleTotals: Sendable, Equatable, Identifiable {
        public var id: String
        public var counts: [NoteKind: Int]
        public var dots: Int
        /// Shows of hands summed over the tables.
        public var agreement: AgreementTally
        public var total: Int { counts.values.reduce(0, +) }
    }

    public struct TopInitiative: Sendable, Equatable, Identifiable {
        public var id: UUID
        public var tableNumber: Int
        public var principleId: String
        public var text: String
        public var dots: Int
        public var funding: FundingClass?
        public var owner: String?
    }

    public var tables: [TableStatus]
    /// Per principle, in the event's principle order.
    public var principles: [PrincipleTotals]
    /// The live initiatives with the most dots, most first (ties: oldest first);
    /// one with no dots yet is not among them.
    public var topInitiatives: [TopInitiative]
    public var participants: Int
    /// Initiatives as the harvest counts them: identical proposals and the
    /// organiser's merges joined (the kind counts above count proposals).
    public var initiatives: Int = 0

    public var totalNotes: Int { tables.reduce(0) { $0 + $1.total } }
    public func total(kind: NoteKind) -> Int { tables.reduce(0) { $0 + ($1.counts[kind] ?? 0) } }
}

extension EventStore {
    /// The dashboard's data, read in one transaction. Poll `changeToken()`
    /// on the timer tick and call this again only when it changed.
    public func dashboard(top: Int = 10) throws(RundbordError) -> DashboardSnapshot {
        let vision = try event().vision
        return try read { db in
            var tables = try Row.fetchAll(db, sql: "SELECT * FROM roundTable ORDER BY number").map { row in
                let t = try Rows.table(row)
                return DashboardSnapshot.TableStatus(
                    id: t.id, number: t.number, name: t.name, host: t.host, noteTaker: t.noteTaker,
                    principleId: t.currentPrincipleId,
                    principleIndex: t.progress.principleIndex, principleCount: t.principleIds.count,
                    phase: t.progress.phase, timer: t.progress.timer, counts: [:], dots: 0, participants: 0,
                    lastActivity: nil)
            }
            let index = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.id.uuidString, $0) })
            let numberIndex = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.number, $0) })
            func later(_ a: Date?, _ b: Double?) -> Date? {
                guard let b else { return a }
                let d = Date(timeIntervalSince1970: b)
                return a.map { max($0, d) } ?? d
            }

            for row in try Row.fetchAll(db, sql: """
                SELECT tableId, kind, COUNT(*) AS count, TOTAL(dots) AS dots
                FROM note WHERE deletedAt IS NULL GROUP BY tableId, kind
                """) {
                guard let i = index[row["tableId"]], let kind = NoteKind(rawValue: row["kind"]) else { continue }
                tables[i].counts[kind] = row["count"]
                tables[i].dots += Int(row["dots"] as Double)
            }
            // Activity counts deleted notes too: deleting is something a table did.
            // A table's own `updatedAt` counts once it has moved (principle, phase,
            // timer); until then it is only its creation time.
            var tableUpdated: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, updatedAt FROM roundTable") {
                tableUpdated[row["id"]] = row["updatedAt"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT tableId, MAX(at) AS last FROM (
                  SELECT tableId, editedAt AS at FROM note
                  UNION ALL SELECT tableId, updatedAt AS at FROM agreement)
                GROUP BY tableId
                """) {
                guard let i = index[row["tableId"]] else { continue }
                tables[i].lastActivity = later(nil, row["last"])
            }
            for i in tables.indices {
                let t = tables[i]
                let moved = t.principleIndex != 0 || t.phase != .present || t.timer.isStarted
                if moved { tables[i].lastActivity = later(t.lastActivity, tableUpdated[t.id.uuidString]) }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT tableNumber, COUNT(*) AS count FROM participant WHERE tableNumber IS NOT NULL GROUP BY tableNumber
                """) {
                guard let i = numberIndex[row["tableNumber"]] else { continue }
                tables[i].participants = row["count"]
            }

            var principles = vision.principles.map {
                DashboardSnapshot.PrincipleTotals(id: $0.id, counts: [:], dots: 0, agreement: AgreementTally())
            }
            let principleIndex = Dictionary(principles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            for row in try Row.fetchAll(db, sql: """
                SELECT principleId, kind, COUNT(*) AS count, TOTAL(dots) AS dots
                FROM note WHERE deletedAt IS NULL GROUP BY principleId, kind
                """) {
                guard let i = principleIndex[row["principleId"]], let kind = NoteKind(rawValue: row["kind"]) else { continue }
                principles[i].counts[kind] = row["count"]
                principles[i].dots += Int(row["dots"] as Double)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT principleId, SUM(agree) AS agree, SUM(partly) AS partly, SUM(disagree) AS disagree,
                       SUM(dontKnow) AS dontKnow
                FROM agreement GROUP BY principleId
                """) {
                guard let i = principleIndex[row["principleId"]] else { continue }
                principles[i].agreement = Rows.tally(row)
            }

            let top = try Row.fetchAll(db, sql: """
                SELECT n.id, t.number, n.principleId, n.text, n.dots, n.funding, n.owner
                FROM note n JOIN roundTable t ON t.id = n.tableId
                WHERE n.kind = 'initiative' AND n.deletedAt IS NULL AND n.dots > 0
                ORDER BY n.dots DESC, n.createdAt, n.id LIMIT ?
                """, arguments: [max(0, top)]).map { row in
                DashboardSnapshot.TopInitiative(
                    id: Rows.uuid(row, "id"), tableNumber: row["number"], principleId: row["principleId"],
                    text: row["text"], dots: row["dots"],
                    funding: (row["funding"] as String?).flatMap(FundingClass.init(rawValue:)), owner: row["owner"])
            }
            let participants = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant") ?? 0
            // Only initiative notes are read: few, however many notes the event has.
            let proposals = try Row.fetchAll(db, sql: """
                SELECT \(noteColumns) FROM note WHERE kind = 'initiative' AND deletedAt IS NULL
                """).map(Rows.note)
            let roundTables = try Row.fetchAll(db, sql: "SELECT * FROM roundTable").map { try Rows.table($0) }
            let joined = Curation.initiatives(notes: proposals, tables: roundTables, state: try CurationRows.state(db),
                                              principleOrder: vision.principles.map(\.id)).count
            return DashboardSnapshot(tables: tables, principles: principles, topInitiatives: top, participants: participants,
                                     initiatives: joined)
        }
    }
}
