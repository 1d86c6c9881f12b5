import Foundation
import RundbordCore
import RundbordStore

/// The parts of a harvest that hold its notes, made when they are written:
/// the principles' sections, the tables' appendix and the notes in harvest
/// order. A whole `HarvestDocument` has them; a `StreamedHarvest` reads
/// each from the store when it is asked for, so the JSON, Markdown and
/// print text of a large event are written without every note in memory.
public protocol HarvestSections {
    /// The document; in a streamed harvest, without its notes (`HarvestFrame.outline`).
    var outline: HarvestDocument { get }
    /// The `index`th of `outline.principles`, with its notes.
    func principle(_ index: Int) throws(RundbordError) -> HarvestDocument.PrincipleSection
    /// The `index`th of `outline.tables`, with its notes.
    func table(_ index: Int) throws(RundbordError) -> HarvestDocument.TableAppendix
    /// Every note of the harvest (`HarvestDocument.notes`), in its order.
    func forEachNote(_ body: (HarvestDocument.NoteEntry) throws(RundbordError) -> Void) throws(RundbordError)
}

extension HarvestDocument: HarvestSections {
    public var outline: HarvestDocument { self }
    public func principle(_ index: Int) -> PrincipleSection { principles[index] }
    public func table(_ index: Int) -> TableAppendix { tables[index] }
    public func forEachNote(_ body: (NoteEntry) throws(RundbordError) -> Void) throws(RundbordError) {
        for note in notes { try body(note) }
    }
}

/// A harvest read from the store a piece at a time: the same document as
/// `Harvest.build`, but its notes are read once to be counted (a cursor,
/// nothing kept but the initiatives), and again for each section as it is
/// written. Memory holds the outline and one section.
public final class StreamedHarvest: HarvestSections {
    let store: EventStore
    let frame: HarvestFrame
    let credit: (@Sendable (Note) -> Note)?
    public let outline: HarvestDocument

    public init(store: EventStore, options: HarvestOptions) throws(RundbordError) {
        self.store = store
        let frame = try HarvestFrame(event: try store.event(), tables: try store.tables(), participants: try store.participants(),
                                     agreements: try store.agreements(), curation: try store.curation(),
                                     keptNames: try store.keptNames(), options: options) { (harvested) throws(RundbordError) in
            try store.principlesWithNotes(tableIds: harvested)
        }
        var tally = NoteTally()
        try store.forEachNoteCredited { note in
            guard let harvested = frame.harvest(note, &tally.privacy) else { return }
            tally.add(harvested.note, harvested.entry, frame)
        }
        self.frame = frame
        credit = try store.legacyCredits()
        outline = frame.outline(tally)
    }

    /// The ranked initiatives alone (`HarvestDocument.initiatives`): only
    /// the initiatives are read, all the ranking needs (the initiatives CSV).
    public static func initiatives(store: EventStore, options: HarvestOptions) throws(RundbordError) -> [HarvestDocument.RankedInitiative] {
        let frame = try HarvestFrame(event: try store.event(), tables: try store.tables(), participants: try store.participants(),
                                     agreements: [:], curation: try store.curation(),
                                     keptNames: try store.keptNames(), options: options) { (harvested) throws(RundbordError) in
            try store.principlesWithNotes(tableIds: harvested)
        }
        var tally = NoteTally()
        try store.forEachNoteCredited(initiativesOnly: true) { note in
            guard let harvested = frame.harvest(note, &tally.privacy) else { return }
            tally.add(harvested.note, harvested.entry, frame)
        }
        return frame.ranked(tally)
    }

    /// The notes of one table under one principle, in harvest order.
    func notes(table: RoundTable, principleId: String) throws(RundbordError) -> [HarvestDocument.NoteEntry] {
        // Counted once already, when the outline was made.
        var uncounted = PrivacySummary()
        return try store.liveNotesCredited(tableId: table.id, principleId: principleId, credit: credit)
            .compactMap { frame.harvest($0, &uncounted)?.entry }
            .sorted(by: NoteEntryMaker.inHarvestOrder)
    }

    public func principle(_ index: Int) throws(RundbordError) -> HarvestDocument.PrincipleSection {
        let section = outline.principles[index]
        guard frame.options.parts == .all else { return section }
        var notes: [HarvestDocument.NoteEntry] = []
        for table in frame.tables { notes += try self.notes(table: table, principleId: section.id) }
        return frame.section(section, notes)
    }

    public func table(_ index: Int) throws(RundbordError) -> HarvestDocument.TableAppendix {
        let appendix = outline.tables[index]
        guard let table = frame.tables.first(where: { $0.number == appendix.number }) else { return appendix }
        var notes: [HarvestDocument.NoteEntry] = []
        for principle in appendix.principles { notes += try self.notes(table: table, principleId: principle.id) }
        return frame.appendix(appendix, notes)
    }

    public func forEachNote(_ body: (HarvestDocument.NoteEntry) throws(RundbordError) -> Void) throws(RundbordError) {
        for principle in frame.principles {
            for table in frame.tables {
                for note in try notes(table: table, principleId: principle.id) { try body(note) }
            }
        }
    }
}
