import Foundation
import RundbordCore

/// Who a note is credited to: a participant, or an organisation (named in
/// the vision, a participant's, or typed freely).
public enum Speaker: Sendable, Equatable {
    case participant(UUID)
    case organisation(String)
}

public enum Focus: Sendable, Equatable {
    /// Typing goes into the entry line.
    case entry
    /// A note is selected in the list (↑/↓); typing returns to the entry line.
    case notes
}

public enum VoteScope: Sendable, Equatable {
    case principle, table
}

public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
}

/// Everything the screens draw and the update function changes. Plain data:
/// a test builds one, sends keys, and compares.
public struct AppState: Sendable, Equatable {
    public var lang: Language
    public var eventTitle: String
    public var session: TableSession
    /// Every participant of the event (speakers are looked up by id).
    public var participants: [Participant]
    public var now: Date
    public var size: Size
    /// The clock times beside notes are local; tests fix the zone.
    public var timeZone: TimeZone = .current

    /// The screens, the one shown on top; never empty (the bottom one is the
    /// table's session, or the dashboard for `rundbord dashboard`).
    public var stack: [Screen] = [.session]
    /// A layer over the top screen that takes the keys (the speaker picker, the quit question).
    public var modal: Modal?

    public var editor = LineEditor()
    /// The kind chosen with F3; nil lets the prefix (or the default) decide.
    public var draftKind: NoteKind?
    public var draftSpeaker: Speaker?
    /// The principle the draft was started under: Enter files it there, even
    /// when another terminal has moved the table on since (a move made here,
    /// with the draft in sight, takes the draft along).
    public var draftPrincipleId: String?
    /// The note whose text is in the entry line for editing in place.
    public var editingNoteId: UUID?
    public var focus: Focus = .entry
    public var selectedNoteId: UUID?
    /// How many rows the notes list is scrolled up from the newest.
    public var notesScroll = 0
    /// nil: shown when the window is tall enough; true/false: the user's choice (Ctrl-G).
    public var principleExpanded: Bool?

    public var message: StatusMessage?

    public var voteScope: VoteScope = .principle
    public var voteRow = 0
    /// Digits typed on the vote screen, set with Enter.
    public var voteNumber = ""
    /// The table's initiatives across all principles (vote scope "table"), loaded on demand.
    public var tableInitiatives: [Note] = []
    /// Principles whose vote the facilitator closed: the projector shows their dots.
    public var revealed: Set<String> = []

    /// The event file, beside which exports are written.
    public var eventPath = ""
    /// The event's table numbers, for moving participants.
    public var tableNumbers: [Int] = []
    /// The event's tables' ids by number, for moving a note to another table.
    public var tableIds: [Int: UUID] = [:]
    /// The table this terminal writes to; nil when it shows the dashboard only
    /// (`rundbord dashboard`), and then `session` is never written.
    public var homeTable: Int?
    /// The home table's session, kept aside while another table is shown read-only.
    public var homeSession: TableSession?
    /// In the read-only table view, the principle chosen with ← and → when it
    /// is not the table's own, with its notes as read from the store. Only
    /// this terminal's view moves; nil shows the table's current principle.
    public var viewedPrinciple: ViewedPrinciple?

    /// What the last frame said about the top screen's scrolling.
    public var viewport = Viewport(screen: .session)

    /// When the draft last changed and was not yet autosaved.
    public var draftChangedAt: Date?
    public var draftSavedAt: Date?
    public var quitRequested = false
    /// The formats last chosen on this event's harvest screen (`HarvestChoices`); nil: never chosen.
    public var harvestChoice: Set<HarvestOutput>?

    /// The bell rings when a clock's time runs out; `--no-bell` or
    /// `RUNDBORD_NO_BELL` switch it off (the header still flashes).
    public var bellEnabled = true
    /// The header and the projector are drawn highlighted until then: the
    /// moment the shown clock's time ran out.
    public var flashUntil: Date?
    /// The shown clock as last seen, so that the moment it crosses zero is noticed once.
    public var clockSeen: ClockReading?

    public init(lang: Language, eventTitle: String, session: TableSession, participants: [Participant],
                now: Date, size: Size) {
        self.lang = lang; self.eventTitle = eventTitle; self.session = session
        self.participants = participants; self.now = now; self.size = size
        homeTable = session.table.number
    }

    /// The session shown belongs to another table (or to no home table): nothing may be written to it.
    public var isReadOnlyView: Bool { homeTable != session.table.number }

    /// The session the screens draw and select notes in: the read-only table
    /// at the principle chosen in its view, else `session` itself. Never
    /// written: the table's own progress stays in `session`.
    /// Another principle shows the phase and (paused) clock the table left it
    /// with, or a fresh one where the table has not been yet.
    public var shownSession: TableSession {
        guard let viewed = viewedPrinciple, isReadOnlyView else { return session }
        var table = session.table
        let minutes = table.principleIds.indices.contains(viewed.index)
            ? session.vision.principle(id: table.principleIds[viewed.index])?.minutes ?? 15 : 15
        table.progress = session.leftProgress[viewed.index]
            ?? TableProgress(principleIndex: viewed.index, phase: .present, timer: TimerState(durationSeconds: minutes * 60))
        table.progress.principleIndex = viewed.index
        return TableSession(vision: session.vision, table: table, notes: viewed.notes)
    }

    public var vision: Vision { session.vision }
    public var tableNumber: Int { session.table.number }

    /// The kind the entry line's text will be saved as.
    public var effectiveDraftKind: NoteKind {
        draftKind ?? vision.kindFromPrefix(editor.text)?.0 ?? .point
    }

    /// The participants sitting at this table.
    public var tableParticipants: [Participant] {
        participants.filter { $0.tableNumber == tableNumber }
    }

    public func speakerName(_ speaker: Speaker?) -> String? {
        switch speaker {
        case .participant(let id)?: return participants.first { $0.id == id }?.name
        case .organisation(let name)?: return name
        case nil: return nil
        }
    }

    public func speakerName(of note: Note) -> String? {
        if let id = note.speakerId { return speakerName(.participant(id)) }
        return note.speakerOrganisation
    }

    /// The initiatives the vote screen lists.
    public var voteInitiatives: [Note] {
        voteScope == .principle ? session.initiatives : tableInitiatives
    }

    /// Rows of the vote screen: one per initiative, then one per agreement level
    /// (only for a single principle: the tally belongs to a principle).
    public var voteRowCount: Int {
        voteInitiatives.count + (voteScope == .principle ? AgreementLevel.allCases.count : 0)
    }

    public var isRevealed: Bool {
        session.table.currentPrincipleId.map { revealed.contains($0) } ?? false
    }

    public var hasUnsavedText: Bool { !editor.isBlank }

    /// The index of the principle the draft goes to, when that is not the one shown.
    public var draftElsewhereIndex: Int? {
        guard !editor.isBlank, editingNoteId == nil, let id = draftPrincipleId,
              id != session.table.currentPrincipleId else { return nil }
        return session.principleIds.firstIndex(of: id)
    }

    /// The header and the projector are in their time-is-up flash.
    public var isFlashing: Bool { flashUntil.map { now < $0 } ?? false }

    /// Rows PgUp and PgDn move on the top screen, as its last frame said.
    var page: Int { viewport.screen == screen ? viewport.page ?? 1 : 1 }

    /// The window is too small for the screen on top: it shows only a notice,
    /// and keys that would change what cannot be seen do nothing.
    public var tooSmall: Bool {
        let minimum = Layout.minimum(for: screen)
        return size.width < minimum.width || size.height < minimum.height
    }
}

/// Which table's clock, under which principle, had how many seconds left.
public struct ClockReading: Sendable, Equatable {
    public var tableNumber: Int
    public var principleIndex: Int
    public var remaining: Double
}

/// A principle of another table looked at in the read-only view.
public struct ViewedPrinciple: Sendable, Equatable {
    public var index: Int
    /// Its notes, oldest first, deleted ones included (the screen hides them).
    public var notes: [Note]
    public init(index: Int, notes: [Note]) { self.index = index; self.notes = notes }
}

public enum Layout {
    /// The full layout: the principle with its questions and the whole key bar.
    /// The organiser's screens (dashboard, participants, harvest) and the vote,
    /// detail and projector screens need it: their columns and boxes do not fit
    /// in less.
    public static let fullWidth = 80
    public static let fullHeight = 24
    /// The compact session (a laptop's split screen, 60×20) goes down to this.
    /// 40 columns hold the header's table, principle n/N, the longest phase
    /// ("Præsentation") and the paused clock (39 columns) and leave the entry
    /// line two thirds of a row; 12 rows hold the header, the principle's title
    /// and hint, the rule, five rows of notes, the status line, the entry line
    /// and the key bar. Below that a note could not be read back while typed.
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    /// The smallest window `screen` is drawn in: the session (and its help)
    /// have a compact layout; the other screens need the full one.
    public static func minimum(for screen: ScreenID) -> Size {
        switch screen {
        case .session, .help, .picker, .confirm: Size(width: minimumWidth, height: minimumHeight)
        default: Size(width: fullWidth, height: fullHeight)
        }
    }

    /// Smaller than the full layout: the session shows the principle's title
    /// alone and the key bar what fits of it.
    public static func isCompact(_ size: Size) -> Bool { size.width < fullWidth || size.height < fullHeight }
}

extension Layout {
    /// The principle's summary and questions are shown at first only when
    /// they leave the notes enough room.
    public static func expandsPrinciple(_ size: Size) -> Bool { size.height >= 34 }
}
