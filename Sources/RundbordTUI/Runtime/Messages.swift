import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// Everything `AppUpdate.update` reacts to: what the person did (input), and
/// the results of the commands it asked the runner for. Nothing else changes
/// the state; a test builds a state, sends messages and checks the state and
/// the commands that come back, with no store or terminal.
public enum AppMessage: Sendable, Equatable {
    case input(InputEvent)
    /// A command's write reached the disk.
    case stored(Stored)
    /// A command's read came back.
    case loaded(Loaded)
    /// A command failed; nothing it would have changed is shown as changed.
    case failed(Failure)
    /// A frame was drawn: how the top screen's scrolled part fits.
    case drawn(Viewport)
}

/// Results of commands that wrote.
public enum Stored: Sendable, Equatable {
    /// The engine's effects are on disk: `session` becomes the shown one (nil:
    /// a note of another principle was changed, the shown session stays),
    /// after the store's follow-up reads (`loaded`) are applied to it.
    case session(TableSession?, loaded: [SessionAction], after: AfterSave)
    /// The participants after a change, the changed one to select, and what to say.
    case participants([Participant], selecting: UUID?, message: String)
    /// The harvest files written, in order.
    case exported([String])
    /// The curation (or the event's details) was saved: the event as it is now,
    /// what to say, and the initiative to select.
    case curated(CurationData, message: String, select: UUID?)
    /// A table's name, host and note-taker were saved; what to say.
    case tableDetails(message: String)
}

/// Results of commands that read.
public enum Loaded: Sendable, Equatable {
    /// The draft a crash (or a quit with text in the entry line) left; offered back at start.
    /// The kind chosen for it with F3, and the principle it was begun under, come back with it.
    case draft(String, kind: NoteKind? = nil, principleId: String? = nil)
    /// The initiatives of one table, across its principles (any order).
    case tableInitiatives([Note])
    case dashboard(DashboardSnapshot)
    /// Another table's session, to show read-only.
    case table(TableSession)
    /// The notes of principle `index` of table `table`, for the read-only view.
    case principleNotes(table: Int, index: Int, notes: [Note])
    /// The harvest's Markdown for the preview.
    /// The harvest as Markdown, and what the mail would not carry (an attachment without a file, an address no mail can take).
    case preview(String, mailProblems: [MailProblem], keepScroll: Bool, lines: PreviewLines? = nil)
    /// The file as another writer left it (read on a tick when it changed, or on `.refresh`).
    case changes(ExternalChanges)
    /// The event as the curation screen shows it.
    case curation(CurationData)
    /// The event's details (the harvest screen checks its next steps).
    case event(Event)
}

/// What another writer may have changed: the shown table, its current principle's notes, the people.
public struct ExternalChanges: Sendable, Equatable {
    public var table: RoundTable
    /// The notes and tally of the table's current principle (nil when it has none).
    public var principle: (notes: [Note], agreement: AgreementTally)?
    public var participants: [Participant]
    /// The phase and clock each other principle of the table was left with (nil: not read).
    public var leftProgress: [Int: TableProgress]?

    public init(table: RoundTable, principle: (notes: [Note], agreement: AgreementTally)?, participants: [Participant],
                leftProgress: [Int: TableProgress]? = nil) {
        self.table = table; self.principle = principle; self.participants = participants; self.leftProgress = leftProgress
    }

    public static func == (a: ExternalChanges, b: ExternalChanges) -> Bool {
        a.table == b.table && a.participants == b.participants && a.leftProgress == b.leftProgress
            && a.principle?.notes == b.principle?.notes && a.principle?.agreement == b.principle?.agreement
    }
}

/// Why a command failed, as text in the event's language (the runner words the store's error).
public enum Failure: Sendable, Equatable {
    /// A write or read of the store: shown as a store error.
    case store(String)
    /// A read whose error says it all (a table that is gone, a broken template).
    case read(String)
    /// The harvest could not be written: nothing was.
    case export(String)
}

/// What update asks the runner to do. Commands only touch the store, the
/// clock or the terminal; each result comes back as a message.
public enum AppEffect: Sendable, Equatable {
    /// Writes the engine's effects; `.stored(.session(...))` carries `session` and `after` back.
    case persist([SessionEffect], session: TableSession?, after: AfterSave)
    /// Reads the initiatives of table `tableId` (the vote screen's table scope).
    case loadTableInitiatives(tableId: UUID)
    case loadDashboard
    /// Reads the store again now (the table, the participants), as if another process had written.
    case refresh(table: Int)
    /// Reads table `n`'s session, to show it read-only.
    case viewTable(Int)
    /// Reads the notes of principle `index` of table `table`, for the read-only view (nothing is written).
    case viewPrinciple(table: Int, index: Int)
    /// Changes the participants, then reads them back; `message` is said once it is stored.
    case changeParticipants(ParticipantChange, message: String)
    /// Sets table `number`'s name, host and note-taker ("" clears one), as
    /// `rundbord table` does; `message` is said once it is stored.
    case setTableDetails(number: Int, name: String, host: String, noteTaker: String, message: String)
    /// Builds the harvest and renders its Markdown for the preview.
    case previewHarvest(anonymous: Bool, keepScroll: Bool)
    /// Renders every format first, then writes them next to the event file.
    case exportHarvest([HarvestOutput], anonymous: Bool)
    /// Remembers the formats chosen on the harvest screen for this event (`HarvestChoices`).
    case rememberHarvestChoice(Set<HarvestOutput>)
    /// Autosaves the entry line (nil deletes the saved draft); a failure is
    /// reported only when `report` (not on quitting, nor after a saved note).
    /// The draft's kind (F3) and principle are saved with it, to come back with it.
    case saveDraft(String?, kind: NoteKind? = nil, principleId: String? = nil, tableId: UUID, report: Bool)
    /// Repaints the whole terminal (Ctrl-L).
    case repaint
    /// Reads the curation, its suggestions and the event's details.
    case loadCuration
    /// Reads the event's details.
    case loadEvent
    /// Saves curation changes (one undo step) and reads the curation back;
    /// `message` is said once it is stored, `select` is selected.
    case curate([CurationChange], message: String, select: UUID?)
    /// Saves the event's details (next steps, sender, links, attachments), then reads the curation back.
    case saveEvent(Event, message: String)
    /// Rings the terminal's bell once (the clock's time ran out).
    case bell
}

/// A change to the participants, as the store makes it.
public enum ParticipantChange: Sendable, Equatable {
    /// Adds a participant (`isNew`: the runner gives it a fresh id) or saves changed details.
    case save(Participant, isNew: Bool)
    case move(UUID, toTable: Int?)
    case consent(UUID, mayBeNamed: Bool)
    case delete(UUID)
}

/// What becomes visible once an engine action is safely stored.
public enum AfterSave: Sendable, Equatable {
    case nothing
    case noteAdded
    /// A note stored under principle n (1-based), not the one shown: where its draft was started.
    case noteAddedUnder(Int)
    case noteEdited
    case principleChanged
    case dotsChanged
    case message(TUIText)
    /// A message already worded (what Ctrl-Z took back).
    case said(String)

    /// A new note was stored: the entry line empties.
    var addsNote: Bool {
        switch self {
        case .noteAdded, .noteAddedUnder: true
        default: false
        }
    }
}
