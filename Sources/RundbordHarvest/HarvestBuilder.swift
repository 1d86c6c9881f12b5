import Foundation
import RundbordCore
import RundbordStore

/// Builds the harvest document.
public enum Harvest {
    public static func build(store: EventStore, options: HarvestOptions) throws(RundbordError) -> HarvestDocument {
        let input = try HarvestInput.read(from: store)
        return try build(input: input, options: options)
    }

    /// The pure computation: the same input and options always give the same document.
    public static func build(input: HarvestInput, options: HarvestOptions) throws(RundbordError) -> HarvestDocument {
        let frame = try HarvestFrame(event: input.event, tables: input.tables, participants: input.participants,
                                     agreements: input.agreements, curation: input.curation,
                                     keptNames: input.keptNames, options: options) { harvested in
            input.notes.filter { harvested.contains($0.tableId) && !$0.isDeleted }.map(\.principleId)
        }
        var tally = NoteTally()
        var entries: [HarvestDocument.NoteEntry] = []
        for note in input.notes {
            guard let harvested = frame.harvest(note, &tally.privacy) else { continue }
            tally.add(harvested.note, harvested.entry, frame)
            entries.append(harvested.entry)
        }
        entries.sort(by: NoteEntryMaker.inHarvestOrder)
        var doc = frame.outline(tally)
        // The sections' notes, from the one sorted list (filters keep its order).
        for i in doc.principles.indices where options.parts == .all {
            let id = doc.principles[i].id
            doc.principles[i] = frame.section(doc.principles[i], entries.filter { $0.principleId == id })
        }
        for i in doc.tables.indices {
            let number = doc.tables[i].number
            doc.tables[i] = frame.appendix(doc.tables[i], entries.filter { $0.table == number })
        }
        doc.notes = entries
        return doc
    }

    /// The principles of the harvest in order: the vision's, then those of
    /// notes under a principle the vision no longer has (an edited file),
    /// kept under their id at the end rather than dropped, in the order
    /// `ids` first names them.
    static func principles(_ vision: Vision, withNotesUnder ids: some Sequence<String>, language: Language) -> [Principle] {
        var principles = vision.principles
        for id in ids where !principles.contains(where: { $0.id == id }) {
            principles.append(Principle(id: id, title: HarvestText.unknownPrinciple.text(language, id),
                                        summary: "", questions: [], minutes: 0))
        }
        return principles
    }

    /// Two texts name the same initiative or owner when they are equal ignoring
    /// case and runs of white space.
    public static func mergeKey(_ text: String) -> String { Curation.textKey(text) }

    /// A key message as the organiser wrote it, one message a line ("- " or
    /// "• " in front of a line is the organiser's list mark, not a word).
    static func keyMessages(_ text: String?) -> [String] {
        guard let text else { return [] }
        return Sanitize.multiline(text).lineParts.map { line -> String in
            var l = Substring(line).drop { $0 == " " || $0 == "\t" }
            if let first = l.first, ["-", "•", "*"].contains(first), l.dropFirst().first == " " { l = l.dropFirst(2) }
            return l.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// The initiatives of the harvested tables as the organiser curated them
    /// (equal texts and confirmed merges joined, owner aliases applied), in
    /// the one ranking every format shows (`Ranking`). `speaker` gives the
    /// credit of a source note as it may be shown (for `proposedBy`).
    static func rank(notes: [Note], curation: CurationState, vision: Vision, tables: [RoundTable], principles: [Principle],
                     principleNumber: [String: Int], language: Language,
                     speaker: (UUID) -> String?) -> [HarvestDocument.RankedInitiative] {
        return Curation.ranked(notes: notes, tables: tables, state: curation,
                               principleOrder: principles.map(\.id)).map { ranked in
            let i = ranked.initiative
            var proposers: [String] = []
            var seen = Set<String>()
            for source in i.sources {
                if let who = speaker(source.noteId), seen.insert(mergeKey(who)).inserted { proposers.append(who) }
            }
            return HarvestDocument.RankedInitiative(.init(
                rank: ranked.rank.number, id: i.id, place: ranked.rank.placeText(language),
                support: ranked.rank.supportText(language), cost: i.cost,
                costText: i.cost.map { Curation.costText($0, language) }, decision: i.decision,
                decisionLabel: Curation.decisionText(i.decision, language), merged: i.mergeId != nil,
                text: i.text, dots: i.dots, tables: i.tables,
                principleNumbers: Array(Set(i.principleIds.compactMap { principleNumber[$0] })).sorted(),
                funding: i.funding, fundingLabel: vision.label(i.funding), fundingDisputed: i.fundingDisputed,
                owners: i.owners, horizons: i.horizons, proposedBy: proposers,
                proposals: i.sources.map { .init(noteId: $0.noteId, table: $0.table, principleId: $0.principleId, dots: $0.dots) }))
        }
    }
}

/// A stored note as the harvest shows it (`HarvestDocument.NoteEntry`):
/// shared by the whole harvest and the notes CSV written as it is read.
struct NoteEntryMaker {
    let vision: Vision
    let principleNumber: [String: Int]
    let tableNumber: [UUID: Int]
    let participantsById: [UUID: Participant]
    let anonymous: Bool

    /// A person is credited only with consent, never when anonymous; an organisation always.
    func speaker(_ note: Note, _ privacy: inout PrivacySummary) -> String? {
        if let id = note.speakerId {
            guard !anonymous, let p = participantsById[id], p.mayBeNamed, !p.name.isEmpty else {
                privacy.creditsLeftOut += 1
                return nil
            }
            return p.organisation.isEmpty ? p.name : "\(p.name), \(p.organisation)"
        }
        return note.speakerOrganisation.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The note of a harvested table (its table is in `tableNumber`).
    func entry(_ note: Note, _ privacy: inout PrivacySummary) -> HarvestDocument.NoteEntry {
        HarvestDocument.NoteEntry(
            id: note.id, table: tableNumber[note.tableId]!, principleId: note.principleId,
            principleNumber: principleNumber[note.principleId] ?? 0, kind: note.kind,
            kindLabel: vision.label(note.kind), text: note.text, speaker: speaker(note, &privacy),
            createdAt: note.createdAt, editedAt: note.editedAt,
            funding: note.isInitiative ? (note.funding ?? .unclear) : nil,
            owner: note.isInitiative ? note.owner : nil,
            horizon: note.isInitiative ? note.horizon : nil,
            dots: note.isInitiative ? note.dots : 0)
    }

    /// Principle, table, time, then id: the order of the harvest's notes.
    static func inHarvestOrder(_ a: HarvestDocument.NoteEntry, _ b: HarvestDocument.NoteEntry) -> Bool {
        // Tuples compare eagerly; the id (a tie-breaker) is only built when needed.
        if (a.principleNumber, a.table, a.createdAt) != (b.principleNumber, b.table, b.createdAt) {
            return (a.principleNumber, a.table, a.createdAt) < (b.principleNumber, b.table, b.createdAt)
        }
        return a.id.uuidString < b.id.uuidString
    }
}
