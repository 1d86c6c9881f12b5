import Foundation
import GRDB
import RundbordCore

/// What a merge did, per kind of row.
public struct MergeReport: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case tables, progress, participants, notes, revisions, agreements, drafts, curation, privacy
    }
    public struct Counts: Sendable, Equatable {
        public var added = 0, updated = 0, skipped = 0
        public init(added: Int = 0, updated: Int = 0, skipped: Int = 0) {
            self.added = added; self.updated = updated; self.skipped = skipped
        }
    }

    public var sources: [String] = []
    public var counts: [Kind: Counts] = [:]
    /// Sources from another event, merged because `force` was given.
    public var forced: [String] = []
    /// A participant merged in with an address that is not valid: kept, and
    /// reported, since the follow-up mail cannot reach them.
    public struct InvalidAddress: Sendable, Equatable {
        public var source: String, name: String, email: String
    }
    public var invalidAddresses: [InvalidAddress] = []
    public init() {}

    public subscript(kind: Kind) -> Counts { counts[kind] ?? Counts() }
    /// Whether the merge changed the target at all.
    public var changed: Bool { counts.values.contains { $0.added + $0.updated > 0 } }

    mutating func add(_ kind: Kind, _ field: WritableKeyPath<Counts, Int>) {
        counts[kind, default: Counts()][keyPath: field] += 1
    }
}

extension EventStore {
    /// Merges the event files at `paths` into this one, in one transaction:
    /// all of them or nothing. Rows are matched by their stable ids, so
    /// merging the same file twice changes nothing the second time:
    /// - tables by id, else by number; the later `updatedAt` keeps its progress;
    /// - participants by id, else as the same person (`ParticipantIdentity`:
    ///   e-mail, else name and organisation); the later `updatedAt` wins;
    /// - notes by id; the later `editedAt` wins and the other version is kept
    ///   in `noteRevision` (equal times: the larger version id wins, so the
    ///   order of merging does not matter);
    /// - shows of hands, drafts, and the phase and clock a table left each
    ///   principle with, per table and principle; the later `updatedAt` wins;
    /// - the curation (merged initiatives by their stable id, owner aliases by
    ///   spelling, key messages by principle): the later `updatedAt` wins.
    /// The event's own details (title, date, next steps) stay as they are here.
    /// A file of another event is refused unless `force`. The other files are
    /// only read.
    public func merge(from paths: [String], force: Bool = false, now: Date = Date()) throws(RundbordError) -> MergeReport {
        let target = try event()
        var sources: [MergeSource] = []
        for path in paths {
            if Self.isSameFile(path, self.path) {
                throw RundbordError(MultiText.mergeIntoItself, [path], exit: .usage)
            }
            let source = try MergeSource.load(path: path)
            if source.event.id != target.id && !force {
                throw RundbordError(MultiText.mergeOtherEvent,
                                    [path, Sanitize.line(source.event.title), Sanitize.line(target.title)],
                                    exit: .dataError)
            }
            sources.append(source)
        }
        let targetName = URL(fileURLWithPath: path).lastPathComponent
        let erasing = sources.contains { !$0.tombstones.isEmpty || $0.contactsForgottenAt != nil }
        if erasing { try secureDelete() }
        var compactAfter = false
        let report = try write { db in
            var report = MergeReport()
            // Erasures travel: a person erased in a source is erased here, and
            // nothing of an erased person comes in (see `Merger`).
            var tombstones = try Privacy.tombstones(db)
            var contactsForgotten = try Retention.contactsForgottenAt(db) != nil
            for source in sources {
                let fresh = source.tombstones.filter { t in !tombstones.contains { $0.participantId == t.participantId } }
                if !fresh.isEmpty {
                    _ = try Privacy.erase(fresh, now: now, db)
                    tombstones += fresh
                    for _ in fresh { report.add(.privacy, \.added) }
                    compactAfter = true
                }
                if source.contactsForgottenAt != nil && !contactsForgotten {
                    _ = try Retention.forgetContacts(now: now, db)
                    contactsForgotten = true
                    report.add(.privacy, \.added)
                    compactAfter = true
                }
            }
            // The target's notes, read once and kept up to date as sources are merged in:
            // one query instead of one per note keeps the write transaction short.
            var notes: [UUID: Note] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(Rows.noteColumns) FROM note") {
                let note = Rows.note(row)
                notes[note.id] = note
            }
            for source in sources {
                report.sources.append(source.path)
                report.invalidAddresses += source.invalidAddresses
                if source.event.id != target.id { report.forced.append(source.path) }
                var merger = Merger(db: db, source: source, targetName: targetName, now: now)
                if !tombstones.isEmpty {
                    merger.tombstones = tombstones
                    merger.scrub = Privacy.scrubber(tombstones, language: try Privacy.language(db))
                }
                if contactsForgotten {
                    merger.forgottenEmails = Set(source.participants.map { $0.email.lowercased() }.filter { !$0.isEmpty })
                    merger.emailRemoved = PrivacyText.emailRemoved.text(try Privacy.language(db))
                }
                try merger.run(&report, notes: &notes)
            }
            return report
        }
        if compactAfter { try compact() }
        return report
    }

    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}

/// Merges one source into the open write transaction.
private struct Merger {
    let db: Database
    let source: MergeSource
    let targetName: String
    let now: Date
    /// Source ids → target ids, where a table or person had another id here.
    var tableIds: [UUID: UUID] = [:]
    var participantIds: [UUID: UUID] = [:]
    /// For a file written before schema v4: turns its free-text speakers into credits.
    var legacy: LegacyCredits?
    /// Erased people: the source's participants who are one of them, and a
    /// scrubber for their names and addresses in the source's texts.
    var tombstones: [Tombstone] = []
    var scrub: ((String) -> String)?
    var erased: Set<UUID> = []
    /// After `event --forget-contacts`: the source's e-mail addresses, which do not come in.
    var forgottenEmails: Set<String>?
    var emailRemoved = ""

    init(db: Database, source: MergeSource, targetName: String, now: Date) {
        self.db = db; self.source = source; self.targetName = targetName; self.now = now
    }

    mutating func run(_ report: inout MergeReport, notes: inout [UUID: Note]) throws {
        try mergeTables(&report)
        try mergeProgress(&report)
        try mergeParticipants(&report)
        if source.version < Privacy.schemaVersion {
            legacy = try LegacyCredits(db)
        }
        try mergeNotes(&report, notes: &notes)
        try mergeRevisions(&report)
        try mergeAgreements(&report)
        try mergeDrafts(&report)
        try mergeKeptNames(&report)
        try mergeConsent(&report)
        let curation = scrub.map { f in source.curation.mappingTexts { text, _ in f(text) } } ?? source.curation
        try CurationRows.merge(curation, into: db) { inserted, updated in
            report.add(.curation, inserted ? \.added : updated ? \.updated : \.skipped)
        }
    }

    mutating func mergeTables(_ report: inout MergeReport) throws {
        var tables = try Row.fetchAll(db, sql: "SELECT * FROM roundTable").map(Rows.table)
        for var theirs in source.tables {
            theirs.host = cleaned(theirs.host)
            theirs.noteTaker = cleaned(theirs.noteTaker)
            guard let mine = tables.first(where: { $0.id == theirs.id }) ?? tables.first(where: { $0.number == theirs.number }) else {
                try Rows.save(table: theirs, db)
                tables.append(theirs)
                tableIds[theirs.id] = theirs.id
                report.add(.tables, \.added)
                continue
            }
            tableIds[theirs.id] = mine.id
            var incoming = theirs
            incoming.id = mine.id
            incoming.number = mine.number
            if incoming != mine && incoming.updatedAt > mine.updatedAt {
                try Rows.save(table: incoming, db)
                tables[tables.firstIndex(of: mine)!] = incoming
                report.add(.tables, \.updated)
            } else {
                report.add(.tables, \.skipped)
            }
        }
    }

    /// The phase and clock each principle was left with: the later one per table and principle.
    func mergeProgress(_ report: inout MergeReport) throws {
        for theirs in source.progress {
            // A phase this program does not know is not brought in (the table would read it as a fresh one).
            // Nor a clock of a table the file does not have.
            guard Phase(rawValue: theirs.phase) != nil, let tableId = tableIds[theirs.tableId] else {
                report.add(.progress, \.skipped); continue
            }
            let row = try Row.fetchOne(db, sql: "SELECT * FROM principleProgress WHERE tableId = ? AND principleId = ?",
                                       arguments: [tableId.uuidString, theirs.principleId])
            if let row {
                var mine = MergeSource.Progress(row)
                mine.tableId = theirs.tableId
                guard mine != theirs, theirs.updatedAt > mine.updatedAt else {
                    report.add(.progress, \.skipped)
                    continue
                }
            }
            try Rows.saveProgress(tableId: tableId, principleId: theirs.principleId, phase: theirs.phase,
                                  timerDuration: theirs.timerDuration, timerElapsed: theirs.timerElapsed,
                                  updatedAt: theirs.updatedAt, db)
            report.add(.progress, row == nil ? \.added : \.updated)
        }
    }

    mutating func mergeParticipants(_ report: inout MergeReport) throws {
        var people = try Row.fetchAll(db, sql: "SELECT * FROM participant ORDER BY id").map(Rows.participant)
        for var theirs in source.participants {
            if tombstones.contains(where: { $0.matches(theirs) }) {
                erased.insert(theirs.id)
                report.add(.participants, \.skipped)
                continue
            }
            let original = theirs
            if forgottenEmails != nil { theirs.email = "" }
            guard let mine = people.first(where: { $0.id == theirs.id }) ?? ParticipantIdentity(original).match(in: people) else {
                try Rows.save(participant: theirs, db)
                people.append(theirs)
                report.add(.participants, \.added)
                continue
            }
            participantIds[theirs.id] = mine.id
            var incoming = theirs
            incoming.id = mine.id
            if incoming != mine && incoming.updatedAt > mine.updatedAt {
                try Rows.save(participant: incoming, db)
                people[people.firstIndex(of: mine)!] = incoming
                report.add(.participants, \.updated)
            } else {
                report.add(.participants, \.skipped)
            }
        }
    }

    /// The note as it reads in the target: its table and speaker under the
    /// target's ids, and a free-text speaker of an older file made a credit.
    mutating func translated(_ note: Note) throws -> Note {
        var n = note
        n.tableId = tableIds[note.tableId] ?? note.tableId
        n.speakerId = note.speakerId.map { participantIds[$0] ?? $0 }
        if legacy != nil { n = try legacy!.normalise(n) }
        return cleaned(n)
    }

    /// Nothing of an erased person, nor a forgotten e-mail address, comes in.
    func cleaned(_ note: Note) -> Note {
        var n = note
        if let id = note.speakerId, erased.contains(id) || tombstones.contains(where: { $0.participantId == id }) {
            n.speakerId = nil
        }
        for f in [scrub, forgottenEmails.map { emails in { Retention.removing(emails, from: $0, removed: emailRemoved) } }] {
            guard let f else { continue }
            n.text = f(n.text); n.owner = n.owner.map(f); n.horizon = n.horizon.map(f)
            n.speakerOrganisation = n.speakerOrganisation.map(f)
        }
        return n
    }

    /// A text of the source as it may come in.
    func cleaned(_ text: String) -> String {
        var t = text
        if let scrub { t = scrub(t) }
        if let emails = forgottenEmails { t = Retention.removing(emails, from: t, removed: emailRemoved) }
        return t
    }

    /// Whether `a` is the version to keep over `b`: the later edit, and on a tie
    /// the larger version id, so both files agree whichever is merged into which.
    static func wins(_ a: Note, over b: Note) -> Bool {
        if a.editedAt != b.editedAt { return a.editedAt > b.editedAt }
        return NoteRevisions.stableId(of: a).uuidString > NoteRevisions.stableId(of: b).uuidString
    }

    mutating func mergeNotes(_ report: inout MergeReport, notes: inout [UUID: Note]) throws {
        for original in source.notes {
            let theirs = try translated(original)
            // An older version that only differs by what was erased here is not news.
            let erasedHere = original.speakerId.map { erased.contains($0) } ?? false || theirs.text != original.text
                || theirs.owner != original.owner || theirs.horizon != original.horizon
            guard let mine = notes[theirs.id] else {
                try Rows.save(note: theirs, db)
                notes[theirs.id] = theirs
                report.add(.notes, \.added)
                continue
            }
            if mine == theirs || (erasedHere && !Self.wins(theirs, over: mine)) {
                report.add(.notes, \.skipped)
            } else if Self.wins(theirs, over: mine) {
                let recorded = try NoteRevisions.save(mine, supersededAt: now, source: targetName, db)
                report.add(.revisions, recorded ? \.added : \.skipped)
                try Rows.save(note: theirs, db)
                notes[theirs.id] = theirs
                report.add(.notes, \.updated)
            } else {
                let recorded = try NoteRevisions.save(theirs, supersededAt: now, source: source.name, db)
                report.add(.revisions, recorded ? \.added : \.skipped)
                report.add(.notes, \.skipped)
            }
        }
    }

    mutating func mergeRevisions(_ report: inout MergeReport) throws {
        for revision in source.revisions {
            let inserted = try NoteRevisions.insert(id: revision.id, note: try translated(revision.note),
                                                    supersededAt: revision.supersededAt, source: revision.source, db)
            report.add(.revisions, inserted ? \.added : \.skipped)
        }
    }

    func mergeAgreements(_ report: inout MergeReport) throws {
        for theirs in source.agreements {
            let tableId = tableIds[theirs.tableId] ?? theirs.tableId
            let row = try Row.fetchOne(db, sql: "SELECT * FROM agreement WHERE tableId = ? AND principleId = ?",
                                       arguments: [tableId.uuidString, theirs.principleId])
            if let row {
                let mine = Rows.tally(row)
                guard mine != theirs.tally, theirs.updatedAt > Rows.date(row, "updatedAt") else {
                    report.add(.agreements, \.skipped)
                    continue
                }
            }
            try Rows.save(agreement: theirs.tally, tableId: tableId, principleId: theirs.principleId,
                          updatedAt: theirs.updatedAt, db)
            report.add(.agreements, row == nil ? \.added : \.updated)
        }
    }

    /// A name kept (or no longer kept) in a note: the later choice wins.
    func mergeKeptNames(_ report: inout MergeReport) throws {
        for (name, keptAt) in source.keptNames {
            if erased.contains(name.participantId) || tombstones.contains(where: { $0.participantId == name.participantId }) {
                continue
            }
            let here = KeptName(noteId: name.noteId, participantId: participantIds[name.participantId] ?? name.participantId)
            let mine = try Double.fetchOne(db, sql: "SELECT keptAt FROM keptName WHERE noteId = ? AND participantId = ?",
                                           arguments: [here.noteId.uuidString, here.participantId.uuidString])
            guard mine.map({ abs(keptAt) > abs($0) }) ?? true else {
                report.add(.privacy, \.skipped)
                continue
            }
            try Privacy.saveKept(here, keptAt: keptAt, db)
            report.add(.privacy, mine == nil ? \.added : \.updated)
        }
    }

    /// Changes of consent: the history of every person, whoever recorded it.
    func mergeConsent(_ report: inout MergeReport) throws {
        for var change in source.consent {
            if erased.contains(change.participantId) || tombstones.contains(where: { $0.participantId == change.participantId }) {
                continue
            }
            change.participantId = participantIds[change.participantId] ?? change.participantId
            report.add(.privacy, try Retention.save(change, db) ? \.added : \.skipped)
        }
    }

    func mergeDrafts(_ report: inout MergeReport) throws {
        for var theirs in source.drafts {
            theirs.text = cleaned(theirs.text)
            let tableId = tableIds[theirs.tableId] ?? theirs.tableId
            let row = try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE tableId = ?", arguments: [tableId.uuidString])
            if let row {
                guard (row["text"] as String) != theirs.text, theirs.updatedAt > Rows.date(row, "updatedAt") else {
                    report.add(.drafts, \.skipped)
                    continue
                }
            }
            try db.execute(sql: """
                INSERT INTO draft (tableId, text, updatedAt, kind, principleId) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(tableId) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt,
                  kind = excluded.kind, principleId = excluded.principleId
                """, arguments: [tableId.uuidString, theirs.text, theirs.updatedAt.timeIntervalSince1970, theirs.kind,
                                 theirs.principleId])
            report.add(.drafts, row == nil ? \.added : \.updated)
        }
    }
}
