import Foundation
import GRDB
import RundbordCore

/// Everything an event file holds about one participant (right of access,
/// GDPR article 15), as `rundbord participants data` prints it: schema
/// "rundbord-person/1", documented in docs/PRIVACY.md.
public struct PersonData: Sendable, Encodable {
    public struct EventRef: Sendable, Encodable { var id: UUID; var title: String; var date: String }
    public struct Person: Sendable, Encodable {
        var id: UUID; var name: String; var organisation: String; var email: String; var table: Int?
        var mayBeNamed: Bool; var updatedAt: Date
    }
    public struct Consent: Sendable, Encodable { var mayBeNamed: Bool; var changedAt: Date }
    public struct NoteData: Sendable, Encodable {
        var id: UUID; var table: Int?; var principleId: String; var kind: String; var text: String
        var owner: String?; var horizon: String?; var creditedOrganisation: String?
        var createdAt: Date; var editedAt: Date; var deletedAt: Date?
        /// Credited to this person.
        var credited: Bool
        /// Where their name or e-mail is written: text, owner, horizon, credit.
        var namedIn: [String]
        /// The organiser kept their name in this note for the harvest.
        var nameKept: Bool
    }
    public struct RevisionData: Sendable, Encodable {
        var noteId: UUID; var supersededAt: Date; var source: String; var version: NoteData
    }
    public struct Draft: Sendable, Encodable { var table: Int?; var text: String; var updatedAt: Date }
    public struct TableRole: Sendable, Encodable { var table: Int; var role: String }

    public var schema = "rundbord-person/1"
    public var event: EventRef
    public var participant: Person
    public var consentHistory: [Consent]
    public var notes: [NoteData]
    public var revisions: [RevisionData]
    public var drafts: [Draft]
    public var tables: [TableRole]

    /// Pretty-printed JSON, keys sorted, dates ISO 8601.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}

extension EventStore {
    public func personData(participantId: UUID) throws(RundbordError) -> PersonData {
        try read { db in
            guard let p = try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE id = ?",
                                           arguments: [participantId.uuidString]).map(Rows.participant) else {
                throw RundbordError(MultiText.participantNotFound, [participantId.uuidString], exit: .dataError)
            }
            let event = try Rows.event(db)
            let tables = try Row.fetchAll(db, sql: "SELECT * FROM roundTable").map(Rows.table)
            let number = Dictionary(uniqueKeysWithValues: tables.map { ($0.id, $0.number) })
            let finder = NameFinder(people: [p])
            let email = p.email.lowercased()
            func names(_ text: String?) -> Bool {
                guard let text else { return false }
                if !finder.mentions(in: text).isEmpty { return true }
                return !email.isEmpty && Erasure.emailRanges(text).contains { text[$0].lowercased() == email }
            }
            let kept = try Privacy.keptRows(db).filter { $0.0.participantId == p.id && $0.1 > 0 }.map(\.0.noteId)
            func data(_ n: Note) -> PersonData.NoteData? {
                let fields: [(String, String?)] = [("text", n.text), ("owner", n.owner), ("horizon", n.horizon),
                                                   ("credit", n.speakerOrganisation)]
                let namedIn = fields.filter { names($0.1) }.map(\.0)
                let credited = n.speakerId == p.id
                guard credited || !namedIn.isEmpty else { return nil }
                return PersonData.NoteData(id: n.id, table: number[n.tableId], principleId: n.principleId, kind: n.kind.rawValue,
                                           text: n.text, owner: n.owner, horizon: n.horizon,
                                           creditedOrganisation: n.speakerOrganisation, createdAt: n.createdAt,
                                           editedAt: n.editedAt, deletedAt: n.deletedAt, credited: credited,
                                           namedIn: namedIn, nameKept: kept.contains(n.id))
            }
            let notes = try Row.fetchAll(db, sql: "SELECT \(Rows.noteColumns) FROM note ORDER BY createdAt, id")
                .map(Rows.note).compactMap(data)
            let revisions = try Row.fetchAll(db, sql: "SELECT * FROM noteRevision ORDER BY noteId, editedAt, id").compactMap { row in
                data(NoteRevisions.note(row)).map {
                    PersonData.RevisionData(noteId: Rows.uuid(row, "noteId"), supersededAt: Rows.date(row, "supersededAt"),
                                            source: row["source"], version: $0)
                }
            }
            let drafts = try Row.fetchAll(db, sql: "SELECT * FROM draft").compactMap { row -> PersonData.Draft? in
                let text: String = row["text"]
                guard names(text) else { return nil }
                return PersonData.Draft(table: number[Rows.uuid(row, "tableId")], text: text, updatedAt: Rows.date(row, "updatedAt"))
            }
            var roles: [PersonData.TableRole] = []
            for t in tables {
                if names(t.host) { roles.append(.init(table: t.number, role: "host")) }
                if names(t.noteTaker) { roles.append(.init(table: t.number, role: "noteTaker")) }
            }
            return PersonData(
                event: .init(id: event.id, title: event.title, date: event.date),
                participant: .init(id: p.id, name: p.name, organisation: p.organisation, email: p.email, table: p.tableNumber,
                                   mayBeNamed: p.mayBeNamed, updatedAt: p.updatedAt),
                consentHistory: try Retention.consentChanges(db).filter { $0.participantId == p.id }
                    .map { .init(mayBeNamed: $0.mayBeNamed, changedAt: $0.changedAt) },
                notes: notes, revisions: revisions, drafts: drafts, tables: roles)
        }
    }
}
