import RundbordCore
import RundbordHarvest

/// Where a key acts: a screen, or a modal layer over one (the picker, the
/// quit question, the participant form). Only the key table, the help and
/// the docs are keyed by these; the state keeps screens (`Screen`, on a
/// stack, each with its own state) and modals (`Modal`) apart.
public enum ScreenID: String, Sendable, CaseIterable {
    case session, vote, detail, projector, help, picker, confirm, moveNote
    case dashboard, tableForm, tableView, participants, participantForm, harvest, curation, curationForm
    /// Typing a search of the harvest's preview (after `/`).
    case harvestSearch

    var title: TUIText {
        switch self {
        case .dashboard: .screenDashboard
        case .tableForm: .screenTableForm
        case .tableView: .screenTableView
        case .participants: .screenParticipants
        case .participantForm: .screenParticipantForm
        case .harvest: .screenHarvest
        case .harvestSearch: .screenHarvestSearch
        case .curation: .screenCuration
        case .curationForm: .screenCurationForm
        case .moveNote: .screenMoveNote
        case .session: .screenSession
        case .vote: .screenVote
        case .detail: .screenDetail
        case .projector: .screenProjector
        case .help: .screenHelp
        case .picker: .screenPicker
        case .confirm: .screenConfirm
        }
    }
}

/// What a key does. The update function switches over these; the key table
/// says which key means which command on which screen.
public enum Command: Sendable, Equatable {
    case help, quit, redraw, back
    // The entry line.
    case typeText, saveNote, newline, editNote, cycleKind, pickSpeaker
    case cursorLeft, cursorRight, home, end, wordLeft, wordRight
    case backspace, deleteForward, deleteWord, deleteToStart, deleteToEnd
    // Notes and the session.
    case selectUp, selectDown, pageUp, pageDown, deleteNote, undo, redo
    case nextPrinciple, previousPrinciple, nextPhase, previousPhase, togglePrinciple
    case toggleTimer, resetTimer
    // Screens.
    case voteScreen, detailScreen, projector
    // The vote screen.
    case dotPlus, dotMinus, digit, toggleScope, toggleReveal, confirmNumber
    // The initiative detail.
    case nextValue, previousValue, complete
    // The confirmation question.
    case yes, no
    // The organiser's screens.
    case dashboardScreen, participantsScreen, harvestScreen, openTable, editTable
    case newParticipant, editParticipant, nextTable, previousTable, toggleConsent, deleteParticipant
    case nextField, previousField, saveForm
    case toggleOption, export, refreshPreview, searchPreview, findNext
    // The curation screen, and moving a note from the table.
    case curationScreen, nextTab, previousTab, markItem, mergeMarked, splitItem, editItem, moveNote
}

/// One row of the key table: the single source for dispatch, the key bar,
/// the help screen and docs/KEYS.md.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    /// The short label in the key bar; nil keeps the binding out of the bar.
    public let bar: TUIText?
    /// In the bar only when there is room for it after every other item
    /// (the organiser's Alt keys fit at 120 columns, not at 80).
    public let barWhenRoom: Bool
    public let description: TUIText
    public let screens: [ScreenID]
    /// Shown instead of the keys when the binding is not a single key (typing text).
    public let keyLabel: TUIText?

    init(_ keys: [Key], _ command: Command, bar: TUIText? = nil, whenRoom: Bool = false, _ description: TUIText,
         _ screens: [ScreenID], keyLabel: TUIText? = nil) {
        self.keys = keys; self.command = command; self.bar = bar; self.barWhenRoom = whenRoom
        self.description = description; self.screens = screens; self.keyLabel = keyLabel
    }

    public func keysLabel(_ lang: Language) -> String {
        keyLabel?.text(lang) ?? keys.map(\.label).joined(separator: " / ")
    }
}

public enum KeyTable {
    static let editing: [ScreenID] = [.session, .picker, .detail, .participantForm, .curationForm, .tableForm]
    /// ← and → mean "change the value" in the initiative detail (where they also move the text cursor).
    static let editingArrows: [ScreenID] = [.session, .picker, .tableForm]
    static let digits: [Key] = (0...9).map { .char(Character(String($0))) }
    /// The organiser's screens, where no note is typed.
    static let organiser: [ScreenID] = [.dashboard, .tableView, .participants, .harvest, .curation]

    /// Order matters twice: the first binding for a key on a screen wins, and
    /// the bar and the help list bindings in this order.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.function(1)], .help, bar: .barHelp, .keyHelp,
                   [.session, .vote, .detail, .projector] + organiser + [.participantForm, .curationForm, .tableForm]),
        KeyBinding([.char("?")], .help, .keyHelpQuestionMark, [.vote, .projector]),
        KeyBinding([], .typeText, .keyTypeText, [.session], keyLabel: .keyLabelText),
        KeyBinding([.enter], .saveNote, .keySaveNote, [.session]),
        KeyBinding([.altEnter], .newline, .keyNewline, [.session]),
        KeyBinding([.function(2)], .editNote, bar: .barEdit, .keyEditNote, [.session]),
        KeyBinding([.function(3), .ctrl("t")], .cycleKind, bar: .barKind, .keyCycleKind, [.session]),
        KeyBinding([.function(4), .ctrl("o")], .pickSpeaker, bar: .barSpeaker, .keyPickSpeaker, [.session]),
        KeyBinding([.function(5)], .toggleTimer, bar: .barTimer, .keyToggleTimer, [.session, .vote, .projector]),
        KeyBinding([.ctrl("r")], .resetTimer, .keyResetTimer, [.session, .vote, .projector]),
        KeyBinding([.function(6)], .voteScreen, bar: .barVote, .keyVoteScreen, [.session, .vote, .detail]),
        KeyBinding([.function(7)], .detailScreen, bar: .barDetail, .keyDetailScreen, [.session]),
        // Kept out of the vote screen's bar, so that the vote keys fit at 80 columns.
        KeyBinding([.function(7)], .detailScreen, .keyDetailScreen, [.vote]),
        KeyBinding([.function(8)], .deleteNote, bar: .barDelete, .keyDeleteNote, [.session]),
        KeyBinding([.function(9)], .projector, bar: .barProjector, .keyProjector, [.session, .vote, .projector]),
        KeyBinding([.function(10), .ctrl("q"), .ctrl("c")], .quit, bar: .barQuit, .keyQuit,
                   [.session, .vote, .detail, .projector]),
        KeyBinding([.ctrl("z")], .undo, .keyUndo, [.session, .vote, .detail]),
        KeyBinding([.ctrl("y")], .redo, .keyRedo, [.session, .vote, .detail]),
        KeyBinding([.up], .selectUp, .keySelectUp, [.session, .tableView]),
        KeyBinding([.down], .selectDown, .keySelectDown, [.session, .tableView]),
        KeyBinding([.pageUp], .pageUp, .keyPageUp, [.session, .help] + organiser),
        KeyBinding([.pageDown], .pageDown, .keyPageDown, [.session, .help] + organiser),
        KeyBinding([.ctrl("n")], .nextPrinciple, .keyNextPrinciple, [.session, .vote]),
        KeyBinding([.ctrl("p")], .previousPrinciple, .keyPreviousPrinciple, [.session, .vote]),
        KeyBinding([.tab], .nextPhase, .keyNextPhase, [.session]),
        KeyBinding([.backTab], .previousPhase, .keyPreviousPhase, [.session]),
        KeyBinding([.ctrl("g")], .togglePrinciple, .keyTogglePrinciple, [.session, .tableView]),
        KeyBinding([.escape], .back, .keyEscapeSession, [.session]),
        KeyBinding([.ctrl("l")], .redraw, .keyRedraw, [.session, .vote, .detail, .projector, .help] + organiser
                   + [.participantForm, .curationForm, .tableForm]),
        KeyBinding([.alt("o")], .dashboardScreen, bar: .barDashboard, whenRoom: true, .keyDashboardScreen, [.session]),
        KeyBinding([.alt("d")], .participantsScreen, bar: .barParticipants, whenRoom: true, .keyParticipantsScreen, [.session]),
        KeyBinding([.alt("e")], .harvestScreen, bar: .barHarvest, whenRoom: true, .keyHarvestScreen, [.session]),
        // Not in the bar (the organiser's Alt keys fill it at 120 columns): the status line of a selected note names Alt-m.
        KeyBinding([.alt("k")], .curationScreen, .keyCurationScreen, [.session]),
        KeyBinding([.alt("m")], .moveNote, .keyMoveNote, [.session]),
        // The dashboard's bar shows its own d and e.
        KeyBinding([.alt("d")], .participantsScreen, .keyParticipantsScreen, [.dashboard]),
        KeyBinding([.alt("e")], .harvestScreen, .keyHarvestScreen, [.dashboard]),

        // In the curation form ← and → change a choice; in its text fields they move the cursor.
        KeyBinding([.left], .previousValue, .keyCurationFormLeft, [.curationForm]),
        KeyBinding([.right], .nextValue, .keyCurationFormRight, [.curationForm]),

        // In the initiative detail ← and → change the funding class; in its text fields they move the cursor.
        KeyBinding([.left], .previousValue, .keyDetailLeft, [.detail]),
        KeyBinding([.right], .nextValue, .keyDetailRight, [.detail]),

        // Line editing, wherever text is typed.
        KeyBinding([.left], .cursorLeft, .keyCursorLeft, editingArrows),
        KeyBinding([.right], .cursorRight, .keyCursorRight, editingArrows),
        KeyBinding([.left], .previousValue, .keyFormLeft, [.participantForm]),
        KeyBinding([.right], .nextValue, .keyFormRight, [.participantForm]),
        KeyBinding([.home, .ctrl("a")], .home, .keyHome, editing),
        KeyBinding([.end, .ctrl("e")], .end, .keyEnd, editing),
        KeyBinding([.ctrlLeft, .alt("b")], .wordLeft, .keyWordLeft, editing),
        KeyBinding([.ctrlRight, .alt("f")], .wordRight, .keyWordRight, editing),
        KeyBinding([.backspace], .backspace, .keyBackspace, editing),
        KeyBinding([.delete, .ctrl("d")], .deleteForward, .keyDeleteForward, editing),
        KeyBinding([.ctrl("w")], .deleteWord, .keyDeleteWord, editing),
        KeyBinding([.ctrl("u")], .deleteToStart, .keyDeleteToStart, editing),
        KeyBinding([.ctrl("k")], .deleteToEnd, .keyDeleteToEnd, editing),

        // The vote screen.
        KeyBinding([.up], .selectUp, .keyVoteUp, [.vote, .detail, .picker, .moveNote]),
        KeyBinding([.down], .selectDown, .keyVoteDown, [.vote, .detail, .picker, .moveNote]),
        KeyBinding([.char("+"), .right], .dotPlus, bar: .barPlus, .keyDotPlus, [.vote]),
        KeyBinding([.char("-"), .left], .dotMinus, bar: .barMinus, .keyDotMinus, [.vote]),
        KeyBinding(digits, .digit, .keyDigit, [.vote], keyLabel: .keyLabelDigits),
        KeyBinding([.enter], .confirmNumber, .keyConfirmNumber, [.vote]),
        KeyBinding([.char("t")], .toggleScope, bar: .barScope, .keyToggleScope, [.vote]),
        KeyBinding([.char("r")], .toggleReveal, bar: .barReveal, .keyToggleReveal, [.vote, .projector]),
        KeyBinding([.escape], .back, bar: .barBack, .keyBack, [.vote, .detail, .projector, .help, .picker, .moveNote]),
        KeyBinding([.enter], .confirmNumber, .keyMoveChoose, [.moveNote]),

        // The initiative detail.
        KeyBinding([.tab], .complete, bar: .barComplete, .keyComplete, [.detail, .picker]),
        KeyBinding([.enter], .confirmNumber, bar: .barSaveField, .keySaveField, [.detail]),
        KeyBinding([.enter], .confirmNumber, .keyPickerChoose, [.picker]),
        KeyBinding([], .typeText, .keyPickerFilter, [.picker], keyLabel: .keyLabelText),

        // The dashboard.
        KeyBinding([.up], .selectUp, .keyRowUp, [.dashboard, .participants, .harvest, .curation]),
        KeyBinding([.down], .selectDown, .keyRowDown, [.dashboard, .participants, .harvest, .curation]),
        KeyBinding([.enter], .openTable, bar: .barOpen, .keyOpenTable, [.dashboard]),
        KeyBinding([.function(2), .char("r")], .editTable, bar: .barEditTable, .keyEditTable, [.dashboard]),
        KeyBinding([.char("d")], .participantsScreen, bar: .barParticipants, .keyParticipantsScreen, [.dashboard]),
        KeyBinding([.char("e")], .harvestScreen, bar: .barHarvest, .keyHarvestScreen, [.dashboard]),
        KeyBinding([.char("k")], .curationScreen, bar: .barCurate, .keyCurationScreen, [.dashboard]),
        KeyBinding([.escape], .back, bar: .barBack, .keyDashboardBack, [.dashboard]),
        // Only this view moves: the table stays at its principle.
        KeyBinding([.left, .ctrl("p")], .previousPrinciple, bar: .barPreviousPrinciple, .keyViewPreviousPrinciple, [.tableView]),
        KeyBinding([.right, .ctrl("n")], .nextPrinciple, bar: .barNextPrinciple, .keyViewNextPrinciple, [.tableView]),
        KeyBinding([.escape], .back, bar: .barBack, .keyTableViewBack, [.tableView]),
        // The table's name, host and note-taker (F2 on the dashboard).
        KeyBinding([], .typeText, .keyFormText, [.tableForm], keyLabel: .keyLabelText),
        KeyBinding([.tab, .down], .nextField, bar: .barNextField, .keyNextField, [.tableForm]),
        KeyBinding([.backTab, .up], .previousField, .keyPreviousField, [.tableForm]),
        KeyBinding([.enter], .saveForm, bar: .barSaveForm, .keySaveTable, [.tableForm]),
        KeyBinding([.escape], .back, bar: .barCancel, .keyCancelForm, [.tableForm]),

        // The participants.
        KeyBinding([.char("n")], .newParticipant, bar: .barNew, .keyNewParticipant, [.participants]),
        KeyBinding([.enter, .function(2)], .editParticipant, bar: .barEditParticipant, .keyEditParticipant, [.participants]),
        KeyBinding([.char(">"), .right], .nextTable, bar: .barMove, .keyNextTable, [.participants]),
        KeyBinding([.char("<"), .left], .previousTable, .keyPreviousTable, [.participants]),
        KeyBinding([.char(" ")], .toggleConsent, bar: .barConsent, .keyToggleConsent, [.participants]),
        KeyBinding([.function(8)], .deleteParticipant, bar: .barDelete, .keyDeleteParticipant, [.participants]),
        KeyBinding([.escape], .back, bar: .barBack, .keyBack, [.participants]),
        KeyBinding([], .typeText, .keyFormText, [.participantForm], keyLabel: .keyLabelText),
        KeyBinding([.tab, .down], .nextField, bar: .barNextField, .keyNextField, [.participantForm]),
        KeyBinding([.backTab, .up], .previousField, .keyPreviousField, [.participantForm]),
        KeyBinding([.enter], .saveForm, bar: .barSaveForm, .keySaveForm, [.participantForm]),
        KeyBinding([.escape], .back, bar: .barCancel, .keyCancelForm, [.participantForm]),

        // The harvest.
        KeyBinding([.char(" ")], .toggleOption, bar: .barToggle, .keyToggleOption, [.harvest]),
        KeyBinding([.enter], .export, bar: .barExport, .keyExport, [.harvest]),
        KeyBinding([.char("u")], .refreshPreview, bar: .barRefresh, .keyRefreshPreview, [.harvest]),
        KeyBinding([.char("/")], .searchPreview, bar: .barSearch, .keySearchPreview, [.harvest]),
        KeyBinding([.char("n")], .findNext, .keyFindNext, [.harvest]),
        KeyBinding([.home], .home, .keyPreviewTop, [.harvest]),
        KeyBinding([.end], .end, .keyPreviewEnd, [.harvest]),
        KeyBinding([], .typeText, .keySearchText, [.harvestSearch], keyLabel: .keyLabelText),
        KeyBinding([.enter], .findNext, bar: .barFind, .keySearchFind, [.harvestSearch]),
        KeyBinding([.backspace], .backspace, .keyBackspace, [.harvestSearch]),
        KeyBinding([.escape], .back, bar: .barCancel, .keySearchCancel, [.harvestSearch]),
        KeyBinding([.char("k")], .curationScreen, bar: .barCurate, .keyCurationScreen, [.harvest]),
        KeyBinding([.escape], .back, bar: .barBack, .keyBack, [.harvest]),

        // The curation screen.
        KeyBinding([.tab], .nextTab, bar: .barTab, .keyNextTab, [.curation]),
        KeyBinding([.backTab], .previousTab, .keyPreviousTab, [.curation]),
        KeyBinding([.enter, .function(2)], .editItem, bar: .barEditItem, .keyEditItem, [.curation]),
        KeyBinding([.char(" ")], .markItem, bar: .barMark, .keyMarkItem, [.curation]),
        KeyBinding([.char("m")], .mergeMarked, bar: .barMerge, .keyMergeMarked, [.curation]),
        KeyBinding([.char("s")], .splitItem, bar: .barSplit, .keySplitItem, [.curation]),
        KeyBinding([.ctrl("z")], .undo, .keyCurationUndo, [.curation]),
        KeyBinding([.ctrl("y")], .redo, .keyCurationRedo, [.curation]),
        KeyBinding([.escape], .back, bar: .barBack, .keyBack, [.curation]),
        KeyBinding([], .typeText, .keyFormText, [.curationForm], keyLabel: .keyLabelText),
        KeyBinding([.tab, .down], .nextField, bar: .barNextField, .keyNextField, [.curationForm]),
        KeyBinding([.backTab, .up], .previousField, .keyPreviousField, [.curationForm]),
        KeyBinding([.enter], .saveForm, bar: .barSaveForm, .keySaveCuration, [.curationForm]),
        KeyBinding([.altEnter], .newline, .keyNewlineInField, [.curationForm]),
        KeyBinding([.escape], .back, bar: .barCancel, .keyCancelForm, [.curationForm]),
        KeyBinding([.function(10), .ctrl("q"), .ctrl("c")], .quit, bar: .barQuit, .keyQuit, organiser),

        // Help.
        KeyBinding([.up], .selectUp, .keyScrollUp, [.help]),
        KeyBinding([.down], .selectDown, .keyScrollDown, [.help]),
        KeyBinding([.function(1), .char("q")], .back, .keyCloseHelp, [.help]),

        // The quit question.
        KeyBinding([.char("j"), .char("y")], .yes, .keyYes, [.confirm]),
        KeyBinding([.char("n"), .escape], .no, .keyNo, [.confirm]),
    ]

    /// The command `key` triggers on `screen`, if any.
    public static func command(for key: Key, on screen: ScreenID) -> Command? {
        bindings.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.command
    }

    /// The first key that triggers `command` on `screen` (a key taken by an
    /// earlier binding on that screen does not count), if any.
    public static func key(for command: Command, on screen: ScreenID) -> Key? {
        bindings.lazy.filter { $0.command == command && $0.screens.contains(screen) }
            .flatMap(\.keys).first { self.command(for: $0, on: screen) == command }
    }

    /// Bindings shown in the key bar of `screen`, in table order.
    public static func bar(for screen: ScreenID) -> [KeyBinding] {
        bindings.filter { $0.bar != nil && $0.screens.contains(screen) }
    }

    /// The key reference as Markdown, one table per screen: what docs/KEYS.md
    /// holds and `rundbord keys --markdown` prints.
    public static func markdown(_ lang: Language) -> String {
        var out = "## " + TUIText.keysHeading.text(lang) + "\n\n"
        out += TUIText.keysIntro.text(lang) + "\n"
        for screen in ScreenID.allCases {
            let rows = bindings.filter { $0.screens.contains(screen) }
            guard !rows.isEmpty else { continue }
            out += "\n### " + screen.title.text(lang) + "\n\n"
            out += "| " + TUIText.keysColumnKey.text(lang) + " | " + TUIText.keysColumnAction.text(lang) + " |\n"
            out += "|---|---|\n"
            for row in rows {
                let keys = row.keyLabel.map { $0.text(lang) } ?? row.keys.map { "`" + markdownCode($0.label) + "`" }.joined(separator: ", ")
                out += "| " + keys + " | " + row.description.text(lang).replacingOccurrences(of: "|", with: "\\|") + " |\n"
            }
        }
        return out
    }

    /// The key reference as plain text, as the help screen lists it.
    public static func plainText(_ lang: Language) -> String {
        var out = ""
        for screen in ScreenID.allCases {
            let rows = bindings.filter { $0.screens.contains(screen) }
            guard !rows.isEmpty else { continue }
            out += screen.title.text(lang) + "\n"
            for row in rows {
                out += "  " + TextLayout.pad(row.keysLabel(lang), width: 26) + " " + row.description.text(lang) + "\n"
            }
            out += "\n"
        }
        return out
    }

    static func markdownCode(_ s: String) -> String {
        s == "`" ? "` ` `" : s.replacingOccurrences(of: "|", with: "\\|")
    }
}
