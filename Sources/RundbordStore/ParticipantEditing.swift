import Foundation
import GRDB
import RundbordCore

/// What a roster import did.
public struct RosterImportReport: Sendable, Equatable {
    public var added = 0, updated = 0, unchanged = 0
    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added; self.updated = updated; self.unchanged = unchanged
    }
}

extension EventStore {
    /// Imports roster entries in one transaction. A person already in the
    /// event (`ParticipantIdentity`: same e-mail, else same name and
    /// organisation) is updated from the roster instead of added again, so
    /// importing the same roster twice changes nothing the second time.
    public func importParticipants(_ entries: [RosterEntry], now: Date = Date(),
                                   newId: () -> UUID = { UUID() }) throws(RundbordError) -> RosterImportReport {
        let numbers = Set(try tables().map(\.number))
        for entry in entries {
            if let table = entry.tableNumber, !numbers.contains(table) {
                throw RundbordError(CoreText.storeNoTable, [table, numbers.count], exit: .dataError)
            }
        }
        return try write { db in
            let people = try Row.fetchAll(db, sql: "SELECT * FROM participant ORDER BY id").map(Rows.participant)
            // Looked up by key, not by scanning everyone for every line: a
            // 100,000-line roster imports in seconds (it took minutes for 4,000).
            var index = PeopleIndex(people)
            var report = RosterImportReport()
            for entry in entries {
                if let position = index.match(entry.identity) ?? index.placeholder(for: entry) {
                    let existing = index.people[position]
                    var changed = existing
                    changed.name = entry.name
                    changed.organisation = entry.organisation
                    if !entry.email.isEmpty { changed.email = entry.email }
                    changed.tableNumber = entry.tableNumber
                    changed.mayBeNamed = entry.mayBeNamed
                    guard changed != existing else { report.unchanged += 1; continue }
                    changed.updatedAt = now
                    try Rows.save(participant: changed, db)
                    index.replace(at: position, with: changed)
                    report.updated += 1
                } else {
                    let person = Participant(id: newId(), name: entry.name, organisation: entry.organisation,
                                             email: entry.email, tableNumber: entry.tableNumber,
                                             mayBeNamed: entry.mayBeNamed, updatedAt: now)
                    try Rows.save(participant: person, db)
                    index.append(person)
                    report.added += 1
                }
            }
            return report
        }
    }

    /// A person known only by name (credited before the roster was imported,
    /// typed in by hand, or an older file's free-text speaker) whom a roster
    /// line names: same name (case, accents and spacing ignored), no e-mail,
    /// and no organisation or the same one. The roster then completes that
    /// person instead of adding a second one, so their credits follow consent.
    static func placeholder(for entry: RosterEntry, in people: [Participant]) -> Participant? {
        let name = PersonName.key(entry.name), organisation = PersonName.key(entry.organisation)
        let found = people.filter { p in
            p.email.isEmpty && PersonName.key(p.name) == name
                && (p.organisation.isEmpty || PersonName.key(p.organisation) == organisation)
        }
        return found.count == 1 ? found[0] : nil
    }

    public func participant(id: UUID) throws(RundbordError) -> Participant? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE id = ?", arguments: [id.uuidString])
                .map(Rows.participant)
        }
    }

    /// Saves changed details of a participant (name, organisation, e-mail,
    /// table, consent), stamping `updatedAt` so a merge keeps the newest.
    /// Text is made single-line; the e-mail must be valid or empty; the
    /// table must exist.
    @discardableResult
    public func update(participant: Participant, now: Date = Date()) throws(RundbordError) -> Participant {
        var p = participant
        p.name = Sanitize.line(p.name)
        p.organisation = Sanitize.line(p.organisation)
        p.email = Sanitize.line(p.email)
        guard !p.name.isEmpty else { throw RundbordError(MultiText.rosterMissingName, exit: .dataError) }
        guard p.email.isEmpty || EmailAddress.isValid(p.email) else {
            throw RundbordError(MultiText.rosterBadEmail, [p.email], exit: .dataError)
        }
        if let number = p.tableNumber { _ = try table(number: number) }
        guard try self.participant(id: p.id) != nil else {
            throw RundbordError(MultiText.participantNotFound, [p.id.uuidString], exit: .dataError)
        }
        p.updatedAt = now
        try write { db in try Rows.save(participant: p, db) }
        return p
    }

    /// Seats a participant at table `number`, or at none.
    @discardableResult
    public func moveParticipant(id: UUID, toTable number: Int?, now: Date = Date()) throws(RundbordError) -> Participant {
        guard var p = try participant(id: id) else {
            throw RundbordError(MultiText.participantNotFound, [id.uuidString], exit: .dataError)
        }
        p.tableNumber = number
        return try update(participant: p, now: now)
    }

    /// Records whether a participant agreed to be named in the harvest.
    @discardableResult
    public func setConsent(id: UUID, mayBeNamed: Bool, now: Date = Date()) throws(RundbordError) -> Participant {
        guard var p = try participant(id: id) else {
            throw RundbordError(MultiText.participantNotFound, [id.uuidString], exit: .dataError)
        }
        p.mayBeNamed = mayBeNamed
        return try update(participant: p, now: now)
    }

    /// Removes a participant. Notes that credited them keep the credit to
    /// their organisation (if any) and are stamped as edited, in the same
    /// transaction; returns how many notes were changed. A merge of a file
    /// that still has the person adds them again (merges add and update,
    /// they do not carry deletions).
    @discardableResult
    public func deleteParticipant(id: UUID, now: Date = Date()) throws(RundbordError) -> Int {
        try write { db in
            guard let p = try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE id = ?",
                                           arguments: [id.uuidString]).map(Rows.participant) else {
                throw RundbordError(MultiText.participantNotFound, [id.uuidString], exit: .dataError)
            }
            try db.execute(sql: """
                UPDATE note SET speakerId = NULL,
                  speakerOrganisation = COALESCE(speakerOrganisation, NULLIF(?, '')),
                  editedAt = ?
                WHERE speakerId = ?
                """, arguments: [p.organisation, now.timeIntervalSince1970, id.uuidString])
            let credited = db.changesCount
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [id.uuidString])
            return credited
        }
    }

    /// The participants `who` names: an id, an e-mail (any case), a name or
    /// "Name, Organisation" (case, accents and spacing ignored, as credits).
    public func participants(matching who: String) throws(RundbordError) -> [Participant] {
        let needle = Sanitize.line(who).trimmingCharacters(in: .whitespaces)
        let all = try participants()
        if let id = UUID(uuidString: needle), let p = all.first(where: { $0.id == id }) { return [p] }
        let byEmail = all.filter { !$0.email.isEmpty && $0.email.caseInsensitiveCompare(needle) == .orderedSame }
        if !byEmail.isEmpty { return byEmail }
        let key = PersonName.key(needle)
        let byName = all.filter { !key.isEmpty && PersonName.key($0.name) == key }
        if !byName.isEmpty { return byName }
        switch Credits.match(needle, people: all, organisations: []) {
        case .person(let p): return [p]
        case .ambiguous(let list): return list
        case .organisation, .unknown: return []
        }
    }
}

/// The event's participants by the keys a roster line is matched on, giving
/// the same answers as `ParticipantIdentity.match(in:)` and
/// `EventStore.placeholder(for:in:)` over the whole list (the first in list
/// order wins) without scanning it.
struct PeopleIndex {
    private(set) var people: [Participant] = []
    /// Identity key (the e-mail, else name and organisation) → positions.
    private var byKey: [String: [Int]] = [:]
    /// Name-and-organisation key → positions, of everyone and of those without an e-mail.
    private var byNameKey: [String: [Int]] = [:]
    private var byNameKeyWithoutEmail: [String: [Int]] = [:]
    /// `PersonName.key(name)` → positions of people with no e-mail (placeholders).
    private var placeholders: [String: [Int]] = [:]

    init(_ people: [Participant]) {
        for p in people { append(p) }
    }

    mutating func append(_ p: Participant) {
        people.append(p)
        add(people.count - 1)
    }

    mutating func replace(at position: Int, with p: Participant) {
        remove(position)
        people[position] = p
        add(position)
    }

    private static func insert(_ position: Int, into list: inout [Int]) {
        // Positions stay in list order, so `first` is the first in the list.
        let at = list.firstIndex { $0 > position } ?? list.count
        list.insert(position, at: at)
    }

    private mutating func add(_ position: Int) {
        let p = people[position], identity = ParticipantIdentity(p)
        Self.insert(position, into: &byKey[identity.key, default: []])
        Self.insert(position, into: &byNameKey[identity.nameKey, default: []])
        if !identity.hasEmail { Self.insert(position, into: &byNameKeyWithoutEmail[identity.nameKey, default: []]) }
        if p.email.isEmpty { Self.insert(position, into: &placeholders[PersonName.key(p.name), default: []]) }
    }

    private mutating func remove(_ position: Int) {
        let p = people[position], identity = ParticipantIdentity(p)
        byKey[identity.key]?.removeAll { $0 == position }
        byNameKey[identity.nameKey]?.removeAll { $0 == position }
        byNameKeyWithoutEmail[identity.nameKey]?.removeAll { $0 == position }
        placeholders[PersonName.key(p.name)]?.removeAll { $0 == position }
    }

    /// As `ParticipantIdentity.match(in:)`.
    func match(_ identity: ParticipantIdentity) -> Int? {
        if identity.hasEmail {
            return byKey[identity.key]?.first ?? byNameKeyWithoutEmail[identity.nameKey]?.first
        }
        return byNameKey[identity.nameKey]?.first
    }

    /// As `EventStore.placeholder(for:in:)`: the one person without an
    /// e-mail of that name, with no organisation or the same one.
    func placeholder(for entry: RosterEntry) -> Int? {
        let organisation = PersonName.key(entry.organisation)
        let found = (placeholders[PersonName.key(entry.name)] ?? []).filter { i in
            people[i].organisation.isEmpty || PersonName.key(people[i].organisation) == organisation
        }
        return found.count == 1 ? found[0] : nil
    }
}
