import Foundation
import RundbordCore
import RundbordStore

/// The notes CSV written while the notes are read: byte for byte what
/// `HarvestDocument.notesCSV` gives for the whole harvest, but the event is
/// read one table's principle at a time and each piece of the file is
/// written before the next is read, so memory does not grow with the event
/// (issue #16: at 200,000 notes the whole-harvest CSV took 418 MiB).
public enum NotesStream {
    /// How many bytes of rows are gathered before they are written.
    static let chunk = 1 << 16

    /// Writes the notes CSV of `store` to `path` (atomically, or to standard
    /// output when it is "-"), as `Harvest.build` and `notesCSV` would.
    public static func writeCSV(store: EventStore, options: HarvestOptions, excel: Bool,
                                to path: String) throws(RundbordError) {
        let event = try store.event()
        let allTables = try store.tables()
        if let wanted = options.tables {
            let known = Set(allTables.map(\.number))
            if let missing = wanted.subtracting(known).sorted().first {
                throw RundbordError(CoreText.storeNoTable, [missing, known.count], exit: .usage)
            }
        }
        let tables = allTables.filter { options.tables?.contains($0.number) ?? true }.sorted { $0.number < $1.number }
        let participants = try store.participants()
        let credit = try store.legacyCredits()
        let redactor = NoteRedactor(participants: participants, keptNames: try store.keptNames(), options: options)
        let vision = LabelText.labelled(event.vision, options.language)
        let principles = Harvest.principles(vision, withNotesUnder: try store.principlesWithNotes(tableIds: Set(tables.map(\.id))),
                                            language: options.language)
        let maker = NoteEntryMaker(
            vision: vision,
            principleNumber: Dictionary(uniqueKeysWithValues: principles.enumerated().map { ($1.id, $0 + 1) }),
            tableNumber: Dictionary(uniqueKeysWithValues: tables.map { ($0.id, $0.number) }),
            participantsById: Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            anonymous: options.anonymous)
        let fundingLabel = { (f: FundingClass) in vision.label(f) }
        // What the harvest counts for its privacy note; the CSV does not show it.
        var privacy = PrivacySummary()
        try AtomicFile.stream(to: path) { sink throws(RundbordError) in
            var out = CSVWriter(excel: excel).start(capacity: chunk + 4096)
            for name in HarvestText.csvNotesHeader.text(options.language).split(separator: "|", omittingEmptySubsequences: false) {
                out.text(String(name))
            }
            out.endRecord()
            // Principle by principle, table by table: the harvest's order
            // (`NoteEntryMaker.inHarvestOrder`); within a piece, sorted as it sorts.
            for principle in principles {
                for table in tables {
                    let notes = try store.liveNotesCredited(tableId: table.id, principleId: principle.id, credit: credit)
                    let entries = notes.map { stored -> HarvestDocument.NoteEntry in
                        var note = stored
                        redactor?.redact(&note, &privacy)
                        return maker.entry(note, &privacy)
                    }.sorted(by: NoteEntryMaker.inHarvestOrder)
                    for entry in entries {
                        out.note(entry, principleTitle: principle.title, fundingLabel: fundingLabel)
                        if out.bytes.count >= chunk {
                            try sink.write(out.bytes)
                            out.bytes.removeAll(keepingCapacity: true)
                        }
                    }
                }
            }
            try sink.write(out.bytes)
        }
    }
}
