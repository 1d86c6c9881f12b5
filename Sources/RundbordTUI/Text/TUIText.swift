import RundbordCore

/// Every string the terminal screens show, in Danish and English.
public enum TUIText: String, CatalogueKey {
    // Screens
    case screenSession, screenVote, screenDetail, screenProjector, screenHelp, screenPicker, screenConfirm
    // Header, principle, notes, entry line
    case headerTable, headerPrinciple, headerViewedPrinciple, timerOverrun
    case principleCollapsed, principleMore
    case notesTitle, notesScrolled, notesEmpty, notesEmptyReadOnly, dotsCount, ownerShort, horizonShort
    case promptEditing, statusTyping, statusSelected, statusEditing
    // Messages
    case messageSaved, messageEdited, messageDeleted, messageUndone, messageRedone, messageCredited
    case messageTimerReset, messageSelectFirst, messageDraftInTheWay, messageNoInitiative, messageDetailSaved
    case messageVoteClosed, messageVoteOpen, messageDraftRestored, messageStoreError, messageMoved
    // A draft keeps the principle it was started under (another terminal may move the table)
    case messageDraftStays, messageSavedUnder, statusDraftElsewhere
    // Moving on from a running clock says that it was paused
    case messageMovedClockPaused
    // Vote
    case voteScopePrinciple, voteScopeTable, voteOpenState, voteClosedState, voteInitiatives, voteNoInitiatives
    case voteAgreement, voteHint
    // Detail
    case detailTitle, detailFunding, detailOwner, detailHorizon, detailSuggestions, detailFundingHint, detailHorizonHint
    // Projector
    case projectorPrinciple, projectorOverrun, projectorWarning, projectorHidden, projectorResults, projectorHint
    // Help, picker, confirm, small window
    case helpTitle, helpFooter
    case pickerTitle, pickerFilter, pickerNobody, pickerFreeText, pickerEmpty
    case confirmTitle, confirmQuit, confirmKeys
    case tooSmall, tooSmallScreen, tooSmallBack
    // Key bar labels
    case barHelp, barEdit, barKind, barSpeaker, barTimer, barVote, barDetail, barDelete, barProjector, barQuit, barDashboard
    case barPlus, barMinus, barScope, barReveal, barBack, barComplete, barSaveField
    // Key descriptions
    case keyHelp, keyHelpQuestionMark, keyTypeText, keySaveNote, keyNewline, keyEditNote, keyCycleKind
    case keyPickSpeaker, keyToggleTimer, keyResetTimer, keyVoteScreen, keyDetailScreen, keyDeleteNote
    case keyProjector, keyQuit, keyUndo, keyRedo, keySelectUp, keySelectDown, keyPageUp, keyPageDown
    case keyNextPrinciple, keyPreviousPrinciple, keyNextPhase, keyPreviousPhase, keyTogglePrinciple
    case keyEscapeSession, keyRedraw, keyDetailLeft, keyDetailRight
    case keyCursorLeft, keyCursorRight, keyHome, keyEnd, keyWordLeft, keyWordRight, keyBackspace
    case keyDeleteForward, keyDeleteWord, keyDeleteToStart, keyDeleteToEnd
    case keyVoteUp, keyVoteDown, keyDotPlus, keyDotMinus, keyDigit, keyConfirmNumber, keyToggleScope
    case keyToggleReveal, keyBack, keyComplete, keySaveField, keyPickerChoose, keyPickerFilter
    case keyScrollUp, keyScrollDown, keyCloseHelp, keyYes, keyNo
    case keyLabelText, keyLabelDigits
    // docs/KEYS.md
    case keysHeading, keysIntro, keysColumnKey, keysColumnAction
    // Terminal errors
    case errorNotTerminal, errorNoTerm, errorUnknownTerm, errorDumbTerm, errorInternal
    // The organiser's screens
    case screenDashboard, screenTableView, screenParticipants, screenParticipantForm, screenHarvest
    case keyDashboardScreen, keyParticipantsScreen, keyHarvestScreen, keyRowUp, keyRowDown, keyOpenTable
    case keyDashboardBack, keyTableViewBack, keyNewParticipant, keyEditParticipant, keyNextTable, keyPreviousTable
    case keyToggleConsent, keyDeleteParticipant, keyFormText, keyNextField, keyPreviousField, keySaveForm
    case keyCancelForm, keyFormLeft, keyFormRight, keyToggleOption, keyExport
    case barOpen, barParticipants, barHarvest, barNew, barEditParticipant, barMove, barConsent, barNextField
    case barSaveForm, barCancel, barToggle, barExport
    case screenTableForm, keyEditTable, barEditTable, keySaveTable, tableFormTitle, tableFormName, tableFormHost
    case tableFormNoteTaker, tableFormWhy, messageTableSaved, dashboardTableHeading, dashboardTableNamed
    case dashboardTableDetails, dashboardNotSet
    case dashboardTitle, dashboardSummary, dashboardColumns, dashboardPrinciples, dashboardTop, dashboardNoInitiatives, dashboardNoDots
    case dashboardLoading, dashboardPrincipleLine, dashboardTableLine, dashboardMore
    case activityNever, activityJustNow, activityMinutes, activityHours
    case tableViewBanner, messageReadOnly, messageNoHome
    case participantsTitle, participantsColumns, participantsNoTable, participantsEmpty, participantsHint
    case consentYes, consentNo
    case messageParticipantSaved, messageParticipantAdded, messageParticipantMoved, messageConsentOn, messageConsentOff
    case messageDeleteAgain, messageParticipantDeleted, errorNameMissing, errorBadEmail
    case formNewTitle, formEditTitle, formName, formOrganisation, formEmail, formTable, formConsent
    case formNoTable, formTableHint, formConsentHint, formTextHint
    case harvestAttachmentWithoutFile, harvestUnmailable
    case messageDeletedNote
    case undoNote, undoWhatNote, undoWhatEdit, undoWhatDeletion, undoTimer
    case harvestTitle, harvestFormats, harvestAnonymous, harvestPreview, harvestWritten, harvestWhere, harvestHint
    case formatMd, formatPdf, formatTxt, formatEml, formatCsv, formatInitiativesCsv, formatJson
    case messageExported, messageNothingChosen, messageExportFailed
    case barRefresh, keyRefreshPreview, harvestStale
    case formatExcelCsv, screenHarvestSearch, barSearch, barFind, keySearchPreview, keyFindNext, keyPreviewTop
    case keyPreviewEnd, keySearchText, keySearchFind, keySearchCancel, harvestSearchPrompt, messageNoMatch
    case harvestBuilding, harvestRebuilding
    case barMore, barPreviousPrinciple, barNextPrinciple, keyViewPreviousPrinciple, keyViewNextPrinciple
    // The curation screen and moving a note (its own texts are in CurationScreenText)
    case screenCuration, screenCurationForm, screenMoveNote
    case keyCurationScreen, keyNextTab, keyPreviousTab, keyMarkItem, keyMergeMarked, keySplitItem, keyEditItem
    case keyCurationUndo, keyCurationRedo, keySaveCuration, keyCurationFormLeft, keyCurationFormRight
    case keyMoveNote, keyMoveChoose, keyNewlineInField
    case barCurate, barTab, barMark, barMerge, barSplit, barEditItem

    public static let table: [TUIText: Translation] = [
        .screenSession: .init("Bordets samtale", "Table session"),
        .screenVote: .init("Afstemning", "Vote"),
        .screenDetail: .init("Indsatsens detaljer", "Initiative detail"),
        .screenProjector: .init("Projektorvisning", "Projector view"),
        .screenHelp: .init("Hjælp", "Help"),
        .screenPicker: .init("Vælg taler", "Speaker picker"),
        .screenConfirm: .init("Spørgsmål før afslutning", "Question before quitting"),

        .headerTable: .init("Bord {0}", "Table {0}"),
        .headerPrinciple: .init("Princip {0}/{1}", "Principle {0}/{1}"),
        .headerViewedPrinciple: .init("Princip {0}/{1} (bordet: {2})", "Principle {0}/{1} (table: {2})"),
        .timerOverrun: .init("+{0} over", "+{0} over"),
        .principleCollapsed: .init("▸ Resumé og {0} spørgsmål skjult — Ctrl-G viser dem",
                                   "▸ Summary and {0} {0|question|questions} hidden — Ctrl-G shows them"),
        .principleMore: .init("… (Ctrl-G skjuler; projektorvisningen F9 viser alle spørgsmål)",
                              "… (Ctrl-G hides; the projector view F9 shows every question)"),
        .notesTitle: .init("Notater ({0})", "Notes ({0})"),
        .notesScrolled: .init("PgDn: nyeste", "PgDn: newest"),
        .notesEmpty: .init("Ingen notater endnu. Skriv og tryk Enter. Start med ! for en indsats, ? for et spørgsmål, + for en idé, - for en bekymring.",
                           "No notes yet. Type and press Enter. Start with ! for an initiative, ? for a question, + for an idea, - for a concern."),
        .notesEmptyReadOnly: .init("Ingen notater under dette princip endnu.", "No notes under this principle yet."),
        .dotsCount: .init("{0} {0|prik|prikker}", "{0} {0|dot|dots}"),
        .ownerShort: .init("ansvarlig: {0}", "owner: {0}"),
        .horizonShort: .init("horisont: {0}", "horizon: {0}"),
        .promptEditing: .init("Ret notat", "Edit note"),
        .statusTyping: .init("Enter gemmer · Alt-Enter ny linje · F3 type · F4 taler · ↑ vælg notat",
                             "Enter saves · Alt-Enter new line · F3 kind · F4 speaker · ↑ select a note"),
        .statusSelected: .init("Valgt: F2 ret · F3 type · F4 taler · F7 detaljer · F8 slet · Alt-m flyt · Esc",
                               "Selected: F2 edit · F3 kind · F4 speaker · F7 detail · F8 delete · Alt-m move"),
        .statusEditing: .init("Retter et notat: Enter gemmer rettelsen, Esc dropper den",
                              "Editing a note: Enter saves the change, Esc cancels"),

        .messageSaved: .init("Gemt", "Saved"),
        .messageEdited: .init("Rettelsen er gemt", "Change saved"),
        .messageDeleted: .init("Slettet — Ctrl-Z fortryder", "Deleted — Ctrl-Z undoes"),
        .messageDeletedNote: .init("Slettet: »{0}« — Ctrl-Z fortryder", "Deleted: “{0}” — Ctrl-Z undoes"),
        .messageUndone: .init("Fortrudt", "Undone"),
        .undoNote: .init("{0}: {1} »{2}« under princip {3}", "{0}: {1} “{2}” under principle {3}"),
        .undoWhatNote: .init("notatet", "the note"),
        .undoWhatEdit: .init("rettelsen af", "the edit of"),
        .undoWhatDeletion: .init("sletningen af", "the deletion of"),
        .undoTimer: .init("{0}: nulstillingen af uret under princip {1}", "{0}: the clock's reset under principle {1}"),
        .messageRedone: .init("Gentaget", "Redone"),
        .messageCredited: .init("Taleren er gemt", "Speaker saved"),
        .messageTimerReset: .init("Tiden er nulstillet", "Timer reset"),
        .messageSelectFirst: .init("Vælg først et notat med ↑", "Select a note with ↑ first"),
        .messageDraftInTheWay: .init("Gem eller ryd først teksten i indtastningslinjen", "Save or clear the entry line first"),
        .messageNoInitiative: .init("Vælg en indsats (et notat af typen Indsats) først", "Select an initiative first"),
        .messageDetailSaved: .init("Gemt", "Saved"),
        .messageVoteClosed: .init("Afstemningen er lukket: prikkerne vises på projektoren", "Vote closed: the projector shows the dots"),
        .messageVoteOpen: .init("Afstemningen er åben igen: prikkerne er skjult på projektoren", "Vote open again: the dots are hidden on the projector"),
        .messageDraftRestored: .init("Kladde fra sidst er sat ind — Enter gemmer, Ctrl-U rydder",
                                     "The draft from last time is back — Enter saves, Ctrl-U clears"),
        .messageMoved: .init("Nu: princip {0}/{1}, {2} (Tab/Shift-Tab skifter fase, Ctrl-N/Ctrl-P princip)",
                              "Now: principle {0}/{1}, {2} (Tab/Shift-Tab change the phase, Ctrl-N/Ctrl-P the principle)"),
        .messageStoreError: .init("IKKE GEMT: {0}", "NOT SAVED: {0}"),
        .messageMovedClockPaused: .init("Nu: princip {0}/{1}, {2}. Uret for princip {3} står på pause, {4} brugt",
                                        "Now: principle {0}/{1}, {2}. Principle {3}'s clock is paused, {4} used"),
        .messageDraftStays: .init("Anden skærm: nu princip {0}. Din kladde gemmes under princip {1}",
                                  "Another screen: now principle {0}. Your draft goes under principle {1}"),
        .messageSavedUnder: .init("Gemt under princip {0}, hvor kladden blev begyndt", "Saved under principle {0}, where the draft was begun"),
        .statusDraftElsewhere: .init("Enter gemmer kladden under princip {0}, hvor den blev begyndt",
                                     "Enter files the draft under principle {0}, where it was begun"),

        .voteScopePrinciple: .init("Afstemning: {0}", "Vote: {0}"),
        .voteScopeTable: .init("Afstemning: alle indsatser fra bord {0}", "Vote: all initiatives of table {0}"),
        .voteOpenState: .init("Afstemningen er åben (projektoren skjuler prikkerne) — r lukker den",
                              "The vote is open (the projector hides the dots) — r closes it"),
        .voteClosedState: .init("Afstemningen er lukket (projektoren viser prikkerne) — r åbner den igen",
                                "The vote is closed (the projector shows the dots) — r opens it again"),
        .voteInitiatives: .init("Indsatser og prikker", "Initiatives and dots"),
        .voteNoInitiatives: .init("Ingen indsatser endnu (skriv en note, der starter med !)",
                                  "No initiatives yet (type a note starting with !)"),
        .voteAgreement: .init("Håndsoprækning ({0} i alt)", "Show of hands ({0} in all)"),
        .voteHint: .init("↑↓ vælg · + / - ændrer · tal og Enter sætter antallet", "↑↓ select · + / - change · a number and Enter sets it"),

        .detailTitle: .init("Indsats", "Initiative"),
        .detailFunding: .init("Finansiering", "Funding"),
        .detailOwner: .init("Ansvarlig", "Owner"),
        .detailHorizon: .init("Horisont", "Horizon"),
        .detailSuggestions: .init("Forslag (Tab vælger næste):", "Suggestions (Tab picks the next):"),
        .detailFundingHint: .init("← / → skifter; gemmes med det samme", "← / → change it; saved at once"),
        .detailHorizonHint: .init("Fx »inden sommer {0}« eller »1-2 år«; Enter gemmer", "E.g. “before summer {0}” or “1-2 years”; Enter saves"),

        .projectorPrinciple: .init("Princip {0} af {1} · {2}", "Principle {0} of {1} · {2}"),
        .projectorOverrun: .init("Tiden er gået", "Time is up"),
        .projectorWarning: .init("Under to minutter tilbage", "Less than two minutes left"),
        .projectorHidden: .init("Indsatser (prikkerne vises, når afstemningen er lukket):", "Initiatives (dots are shown when the vote is closed):"),
        .projectorResults: .init("Indsatser efter prikker:", "Initiatives by dots:"),
        .projectorHint: .init("F9/Esc tilbage · F5 tid · r luk/åbn afstemning", "F9/Esc back · F5 timer · r close/open the vote"),

        .helpTitle: .init("Hjælp: alle taster", "Help: every key"),
        .helpFooter: .init("↑↓ PgUp PgDn ruller · Esc lukker", "↑↓ PgUp PgDn scroll · Esc closes"),
        .pickerTitle: .init("Hvem sagde det?", "Who said it?"),
        .pickerFilter: .init("Søg: ", "Search: "),
        .pickerNobody: .init("(ingen taler)", "(no speaker)"),
        .pickerFreeText: .init("Brug \"{0}\"", "Use \"{0}\""),
        .pickerEmpty: .init("Ingen passer", "No match"),
        .confirmTitle: .init("Afslut?", "Quit?"),
        .confirmQuit: .init("Teksten i indtastningslinjen er ikke gemt som notat. Den bliver tilbudt igen, når bordet åbnes næste gang.",
                            "The text in the entry line is not saved as a note. It will be offered again when the table is opened next time."),
        .confirmKeys: .init("j afslut · n bliv", "y quit · n stay"),
        .tooSmall: .init("Vinduet er {0}×{1}. Gør det mindst {2}×{3} for at skrive videre. Det, du har skrevet, er bevaret, og taster gør intet, før vinduet er større.",
                         "The window is {0}×{1}. Make it at least {2}×{3} to go on writing. What you typed is kept, and keys do nothing until the window is larger."),
        .tooSmallScreen: .init("Vinduet er {0}×{1}, men »{4}« kræver mindst {2}×{3}. Gør vinduet større; taster gør intet imens.",
                               "The window is {0}×{1}, but “{4}” needs at least {2}×{3}. Make the window larger; keys do nothing meanwhile."),
        .tooSmallBack: .init("Esc går tilbage.", "Esc goes back."),

        .barHelp: .init("Hjælp", "Help"),
        .barEdit: .init("Ret", "Edit"),
        .barKind: .init("Type", "Kind"),
        .barSpeaker: .init("Taler", "Speaker"),
        .barTimer: .init("Tid", "Timer"),
        .barVote: .init("Stem", "Vote"),
        .barDetail: .init("Indsats", "Detail"),
        .barDelete: .init("Slet", "Delete"),
        .barProjector: .init("Vis", "Show"),
        .barQuit: .init("Afslut", "Quit"),
        .barDashboard: .init("Overblik", "Dashboard"),
        .barPlus: .init("Prik", "Dot"),
        .barMinus: .init("Fjern", "Remove"),
        .barScope: .init("Bord", "Table"),
        .barReveal: .init("Luk/åbn", "Close/open"),
        .barBack: .init("Tilbage", "Back"),
        .barComplete: .init("Forslag", "Suggest"),
        .barSaveField: .init("Gem", "Save"),

        .keyHelp: .init("Vis alle taster", "Show every key"),
        .keyHelpQuestionMark: .init("Vis alle taster (hvor der ikke skrives tekst)", "Show every key (where no text is typed)"),
        .keyTypeText: .init("Skriv: starter et notat; ! først giver en indsats, ? et spørgsmål, + en idé, - en bekymring, \" et citat",
                            "Type: starts a note; a leading ! makes an initiative, ? a question, + an idea, - a concern, \" a quote"),
        .keySaveNote: .init("Gem notatet (vises som gemt, når det ligger på disken)", "Save the note (shown as saved once it is on disk)"),
        .keyNewline: .init("Ny linje i notatet", "New line in the note"),
        .keyEditNote: .init("Ret det valgte notat i indtastningslinjen", "Edit the selected note in the entry line"),
        .keyCycleKind: .init("Skift type: kladdens eller det valgte notats", "Cycle the kind of the draft or the selected note"),
        .keyPickSpeaker: .init("Vælg taler (deltager eller organisation)", "Pick the speaker (participant or organisation)"),
        .keyToggleTimer: .init("Start / pause nedtællingen", "Start / pause the countdown"),
        .keyResetTimer: .init("Nulstil nedtællingen", "Reset the countdown"),
        .keyVoteScreen: .init("Afstemning: prikker og håndsoprækning", "Vote: dots and show of hands"),
        .keyDetailScreen: .init("Indsatsens finansiering, ansvarlige og horisont", "The initiative's funding, owner and horizon"),
        .keyDeleteNote: .init("Slet det valgte notat (Ctrl-Z fortryder)", "Delete the selected note (Ctrl-Z undoes)"),
        .keyProjector: .init("Projektorvisning til rummet (og tilbage)", "Projector view for the room (and back)"),
        .keyQuit: .init("Afslut (spørger, hvis der er tekst, der ikke er gemt)", "Quit (asks when text is not saved)"),
        .keyUndo: .init("Fortryd", "Undo"),
        .keyRedo: .init("Gentag", "Redo"),
        .keySelectUp: .init("Vælg forrige notat", "Select the previous note"),
        .keySelectDown: .init("Vælg næste notat; efter det nyeste tilbage til indtastningen", "Select the next note; past the newest back to the entry line"),
        .keyPageUp: .init("Rul op", "Scroll up"),
        .keyPageDown: .init("Rul ned", "Scroll down"),
        .keyNextPrinciple: .init("Næste hovedprincip", "Next principle"),
        .keyPreviousPrinciple: .init("Forrige hovedprincip", "Previous principle"),
        .keyNextPhase: .init("Næste fase (præsentation → drøftelse → forslag → afstemning → opsamling)",
                             "Next phase (present → discuss → propose → vote → wrap up)"),
        .keyPreviousPhase: .init("Forrige fase", "Previous phase"),
        .keyTogglePrinciple: .init("Vis / skjul principets resumé og spørgsmål", "Show / hide the principle's summary and questions"),
        .keyEscapeSession: .init("Drop rettelsen, eller fravælg notatet", "Cancel the edit, or deselect the note"),
        .keyRedraw: .init("Tegn skærmen igen", "Redraw the screen"),
        .keyDetailLeft: .init("Finansiering: forrige værdi; i tekstfelter markøren til venstre", "Funding: previous value; in text fields cursor left"),
        .keyDetailRight: .init("Finansiering: næste værdi; i tekstfelter markøren til højre", "Funding: next value; in text fields cursor right"),
        .keyCursorLeft: .init("Markøren et tegn til venstre", "Cursor one character left"),
        .keyCursorRight: .init("Markøren et tegn til højre", "Cursor one character right"),
        .keyHome: .init("Til linjens start", "To the start of the line"),
        .keyEnd: .init("Til linjens slutning", "To the end of the line"),
        .keyWordLeft: .init("Et ord til venstre", "One word left"),
        .keyWordRight: .init("Et ord til højre", "One word right"),
        .keyBackspace: .init("Slet tegnet før markøren (et helt tegn, også æ, å og emoji)", "Delete the character before the cursor (a whole character, also æ, å and emoji)"),
        .keyDeleteForward: .init("Slet tegnet under markøren", "Delete the character under the cursor"),
        .keyDeleteWord: .init("Slet ordet før markøren", "Delete the word before the cursor"),
        .keyDeleteToStart: .init("Slet alt før markøren", "Delete everything before the cursor"),
        .keyDeleteToEnd: .init("Slet alt efter markøren", "Delete everything after the cursor"),
        .keyVoteUp: .init("Op", "Up"),
        .keyVoteDown: .init("Ned", "Down"),
        .keyDotPlus: .init("En prik / stemme mere", "One more dot / vote"),
        .keyDotMinus: .init("En prik / stemme mindre", "One dot / vote less"),
        .keyDigit: .init("Skriv et antal", "Type a number"),
        .keyConfirmNumber: .init("Sæt det skrevne antal", "Set the typed number"),
        .keyToggleScope: .init("Skift mellem principets og hele bordets indsatser", "Switch between the principle's and the whole table's initiatives"),
        .keyToggleReveal: .init("Luk afstemningen og vis prikkerne på projektoren (eller åbn igen)", "Close the vote and show the dots on the projector (or open again)"),
        .keyBack: .init("Tilbage", "Back"),
        .keyComplete: .init("Foreslå / vælg", "Suggest / choose"),
        .keySaveField: .init("Gem feltet og gå til det næste", "Save the field and go to the next"),
        .keyPickerChoose: .init("Vælg", "Choose"),
        .keyPickerFilter: .init("Skriv for at søge blandt bordets deltagere og organisationerne", "Type to search the table's participants and the organisations"),
        .keyScrollUp: .init("Rul op", "Scroll up"),
        .keyScrollDown: .init("Rul ned", "Scroll down"),
        .keyCloseHelp: .init("Luk hjælpen", "Close help"),
        .keyYes: .init("Ja, afslut", "Yes, quit"),
        .keyNo: .init("Nej, bliv", "No, stay"),
        .keyLabelText: .init("(tekst)", "(text)"),
        .keyLabelDigits: .init("0–9", "0–9"),

        .keysHeading: .init("Taster", "Keys"),
        .keysIntro: .init("Genereret fra tastetabellen i `Sources/RundbordTUI/KeyTable.swift` (den samme tabel styrer tasterne, tastelinjen og hjælpen).",
                          "Generated from the key table in `Sources/RundbordTUI/KeyTable.swift` (the same table drives the keys, the key bar and the help screen)."),
        .keysColumnKey: .init("Tast", "Key"),
        .keysColumnAction: .init("Handling", "Action"),

        .errorNotTerminal: .init("bordvisningen kræver en terminal (stdin og stdout skal være en tty)",
                                 "the table screen needs a terminal (stdin and stdout must be a tty)"),
        .errorNoTerm: .init("TERM er ikke sat; sæt fx TERM=xterm-256color", "TERM is not set; set e.g. TERM=xterm-256color"),
        .errorUnknownTerm: .init("terminaltypen '{0}' kendes ikke (TERM); prøv fx TERM=xterm-256color",
                                 "the terminal type '{0}' is unknown (TERM); try e.g. TERM=xterm-256color"),
        .errorDumbTerm: .init("terminaltypen '{0}' kan ikke flytte markøren; bordvisningen kræver en rigtig terminal (fx TERM=xterm-256color)",
                              "the terminal type '{0}' cannot move the cursor; the table screen needs a real terminal (e.g. TERM=xterm-256color)"),
        .errorInternal: .init("intern fejl: {0}", "internal error: {0}"),

        .screenDashboard: .init("Overblik", "Dashboard"),
        .screenTableView: .init("Et bord, skrivebeskyttet", "A table, read-only"),
        .screenParticipants: .init("Deltagere", "Participants"),
        .screenParticipantForm: .init("Ny / ret deltager", "New / edit participant"),
        .screenHarvest: .init("Opsamling og eksport", "Harvest and export"),
        .keyDashboardScreen: .init("Overblik over alle borde", "Dashboard of every table"),
        .keyParticipantsScreen: .init("Deltagerne: tilføj, ret, flyt bord, samtykke", "Participants: add, edit, move table, consent"),
        .keyHarvestScreen: .init("Opsamling: forhåndsvisning og eksport", "Harvest: preview and export"),
        .keyRowUp: .init("Op", "Up"),
        .keyRowDown: .init("Ned", "Down"),
        .keyOpenTable: .init("Åbn det valgte bord skrivebeskyttet", "Open the selected table read-only"),
        .keyDashboardBack: .init("Tilbage til eget bord (når overblikket er åbnet fra et bord)", "Back to your own table (when the dashboard was opened from one)"),
        .keyTableViewBack: .init("Tilbage til overblikket", "Back to the dashboard"),
        .keyNewParticipant: .init("Ny deltager", "New participant"),
        .keyEditParticipant: .init("Ret den valgte deltager", "Edit the selected participant"),
        .keyNextTable: .init("Flyt deltageren til næste bord", "Move the participant to the next table"),
        .keyPreviousTable: .init("Flyt deltageren til forrige bord", "Move the participant to the previous table"),
        .keyToggleConsent: .init("Må / må ikke nævnes ved navn i opsamlingen", "May / may not be named in the harvest"),
        .keyDeleteParticipant: .init("Slet deltageren (tryk to gange)", "Delete the participant (press twice)"),
        .keyFormText: .init("Skriv i feltet", "Type into the field"),
        .keyNextField: .init("Næste felt", "Next field"),
        .keyPreviousField: .init("Forrige felt", "Previous field"),
        .keySaveForm: .init("Gem deltageren", "Save the participant"),
        .keyCancelForm: .init("Annullér, intet gemmes", "Cancel, nothing is saved"),
        .keyFormLeft: .init("Bord og samtykke: forrige værdi; i tekstfelter markøren til venstre", "Table and consent: previous value; in text fields cursor left"),
        .keyFormRight: .init("Bord og samtykke: næste værdi; i tekstfelter markøren til højre", "Table and consent: next value; in text fields cursor right"),
        .keyToggleOption: .init("Vælg / fravælg formatet eller anonymitet", "Choose / unchoose the format or anonymity"),
        .keyExport: .init("Eksportér de valgte formater ved siden af arrangementsfilen", "Export the chosen formats next to the event file"),
        .barOpen: .init("Åbn", "Open"),
        .screenTableForm: .init("Bordets navn, vært og referent", "The table's name, host and note-taker"),
        .keyEditTable: .init("Ret det valgte bords navn, vært og referent", "Edit the selected table's name, host and note-taker"),
        .barEditTable: .init("Ret", "Edit"),
        .keySaveTable: .init("Gem bordets navn, vært og referent", "Save the table's name, host and note-taker"),
        .tableFormTitle: .init("Bord {0}: navn, vært og referent", "Table {0}: name, host and note-taker"),
        .tableFormName: .init("Navn", "Name"),
        .tableFormHost: .init("Bordvært", "Host"),
        .tableFormNoteTaker: .init("Referent", "Note-taker"),
        .tableFormWhy: .init("Opsamlingens bilag nævner dem under bordet. Et tomt felt rydder det.",
                             "The harvest's appendix names them under the table. An empty field clears it."),
        .messageTableSaved: .init("Gemt: {0}", "Saved: {0}"),
        .dashboardTableHeading: .init("Bord {0}", "Table {0}"),
        .dashboardTableNamed: .init("Bord {0} · {1}", "Table {0} · {1}"),
        .dashboardTableDetails: .init("{0} · bordvært: {1} · referent: {2}", "{0} · host: {1} · note-taker: {2}"),
        .dashboardNotSet: .init("ikke angivet", "not given"),
        .barParticipants: .init("Deltagere", "People"),
        .barHarvest: .init("Opsamling", "Harvest"),
        .barNew: .init("Ny", "New"),
        .barEditParticipant: .init("Ret", "Edit"),
        .barMove: .init("Flyt", "Move"),
        .barConsent: .init("Navn", "Named"),
        .barNextField: .init("Felt", "Field"),
        .barSaveForm: .init("Gem", "Save"),
        .barCancel: .init("Annullér", "Cancel"),
        .barToggle: .init("Vælg", "Choose"),
        .barExport: .init("Eksportér", "Export"),
        .dashboardTitle: .init("Overblik · {0}", "Dashboard · {0}"),
        .dashboardSummary: .init("{0} {0|bord|borde} · {1} {1|notat|notater} · {2} {2|indsats|indsatser} · {3} {3|deltager|deltagere}",
                                  "{0} {0|table|tables} · {1} {1|note|notes} · {2} {2|initiative|initiatives} · {3} {3|participant|participants}"),
        .dashboardColumns: .init("Bord\tPrincip\tFase\tTid\tNot.\tInd.\tPrik\tSidst", "Table\tPrinciple\tPhase\tTime\tNotes\tInit.\tDots\tLast"),
        .dashboardPrinciples: .init("Pr. princip", "Per principle"),
        .dashboardTop: .init("Flest prikker", "Most dots"),
        .dashboardNoInitiatives: .init("Ingen indsatser endnu", "No initiatives yet"),
        .dashboardNoDots: .init("Ingen prikker endnu", "No dots yet"),
        .dashboardLoading: .init("Læser …", "Reading …"),
        .dashboardPrincipleLine: .init("{0} not. · {1} ind. · {2} prik", "{0} notes · {1} init. · {2} dots"),
        .dashboardTableLine: .init("B{0}", "T{0}"),
        .dashboardMore: .init("{0}–{1} af {2} {2|bord|borde} (PgUp/PgDn)", "{0}–{1} of {2} {2|table|tables} (PgUp/PgDn)"),
        .activityNever: .init("–", "–"),
        .activityJustNow: .init("lige nu", "just now"),
        .activityMinutes: .init("{0} min siden", "{0} min ago"),
        .activityHours: .init("{0} t siden", "{0} h ago"),
        .tableViewBanner: .init("SKRIVEBESKYTTET · bord {0} vises kun, intet ændres her · Esc: overblikket",
                                "READ-ONLY · table {0} is only shown, nothing changes here · Esc: dashboard"),
        .messageReadOnly: .init("Skrivebeskyttet: bordet ændres ved bordets egen terminal (Esc tilbage)",
                                "Read-only: the table is changed at its own terminal (Esc back)"),
        .messageNoHome: .init("Overblikket er åbnet alene: F10 afslutter", "The dashboard was opened on its own: F10 quits"),
        .participantsTitle: .init("Deltagere ({0})", "Participants ({0})"),
        .participantsColumns: .init("Navn\tOrganisation\tE-mail\tBord\tMå nævnes", "Name\tOrganisation\tE-mail\tTable\tNamed"),
        .participantsNoTable: .init("Uden bord", "No table"),
        .participantsEmpty: .init("Ingen deltagere endnu — n tilføjer en (eller: rundbord participants import FIL)",
                                  "No participants yet — n adds one (or: rundbord participants import FILE)"),
        .participantsHint: .init("n ny · Enter ret · < > flyt bord · mellemrum: må nævnes · F8 slet",
                                 "n new · Enter edit · < > move table · Space: may be named · F8 delete"),
        .consentYes: .init("ja", "yes"),
        .consentNo: .init("nej", "no"),
        .messageParticipantSaved: .init("{0} er gemt", "{0} saved"),
        .messageParticipantAdded: .init("{0} er tilføjet", "{0} added"),
        .messageParticipantMoved: .init("{0}: {1}", "{0}: {1}"),
        .messageConsentOn: .init("{0} må nævnes ved navn", "{0} may be named"),
        .messageConsentOff: .init("{0} nævnes ikke ved navn", "{0} will not be named"),
        .messageDeleteAgain: .init("Tryk F8 igen for at slette {0}", "Press F8 again to delete {0}"),
        .messageParticipantDeleted: .init("{0} er slettet", "{0} deleted"),
        .errorNameMissing: .init("Navnet mangler", "The name is missing"),
        .errorBadEmail: .init("'{0}' er ikke en gyldig e-mailadresse (fx navn@eksempel.dk)", "'{0}' is not a valid e-mail address (e.g. name@example.org)"),
        .formNewTitle: .init("Ny deltager", "New participant"),
        .formEditTitle: .init("Ret deltager", "Edit participant"),
        .formName: .init("Navn", "Name"),
        .formOrganisation: .init("Organisation", "Organisation"),
        .formEmail: .init("E-mail", "E-mail"),
        .formTable: .init("Bord", "Table"),
        .formConsent: .init("Må nævnes", "May be named"),
        .formNoTable: .init("intet bord", "no table"),
        .formTableHint: .init("← / → skifter bord", "← / → change the table"),
        .formConsentHint: .init("← / → eller mellemrum skifter", "← / → or Space change it"),
        .formTextHint: .init("Tab / ↓ næste felt · Enter gemmer · Esc annullerer", "Tab / ↓ next field · Enter saves · Esc cancels"),
        .harvestTitle: .init("Opsamling · {0}", "Harvest · {0}"),
        .harvestFormats: .init("Formater", "Formats"),
        .harvestAnonymous: .init("Anonym (ingen navne)", "Anonymous (no names)"),
        .harvestAttachmentWithoutFile: .init("Bilaget »{0}« har ingen fil og kommer ikke med i mailen (rundbord event --add-attachment)",
                                             "The attachment “{0}” has no file; the mail will not carry it (rundbord event --add-attachment)"),
        .harvestUnmailable: .init("{0} kan ikke modtage en mail og er udeladt", "{0} cannot receive mail and is left out"),
        .harvestPreview: .init("Forhåndsvisning (Markdown)", "Preview (Markdown)"),
        .harvestWritten: .init("Skrevet:", "Written:"),
        .harvestWhere: .init("Filerne lægges ved siden af {0}", "The files go next to {0}"),
        .harvestHint: .init("↑↓ vælg · mellemrum til/fra · Enter eksporterer · PgUp/PgDn ruller", "↑↓ select · Space on/off · Enter exports · PgUp/PgDn scroll"),
        .formatMd: .init("opsamling", "harvest"),
        .formatPdf: .init("til mail og print", "for mail and print"),
        .formatTxt: .init("som ren tekst", "as plain text"),
        .formatEml: .init("opfølgningsmail", "follow-up mail"),
        .formatCsv: .init("notater, regneark", "notes, spreadsheet"),
        .formatInitiativesCsv: .init("indsatser, regneark", "initiatives, spreadsheet"),
        .formatJson: .init("data", "data"),
        .messageExported: .init("{0} {0|fil|filer} skrevet i {1}", "{0} {0|file|files} written in {1}"),
        .messageNothingChosen: .init("Vælg mindst ét format med mellemrum", "Choose at least one format with Space"),
        .messageExportFailed: .init("IKKE EKSPORTERET: {0}", "NOT EXPORTED: {0}"),
        .barRefresh: .init("Opdatér", "Update"),
        .barMore: .init("Flere", "More"),
        .barPreviousPrinciple: .init("Forrige princip", "Previous principle"),
        .barNextPrinciple: .init("Næste princip", "Next principle"),
        .keyViewPreviousPrinciple: .init("Vis forrige princips notater (kun her; bordet bliver ved sit princip)",
                                         "Show the previous principle's notes (here only; the table stays at its principle)"),
        .keyViewNextPrinciple: .init("Vis næste princips notater (kun her; bordet bliver ved sit princip)",
                                     "Show the next principle's notes (here only; the table stays at its principle)"),
        .keyRefreshPreview: .init("Byg forhåndsvisningen igen med det nyeste fra bordene", "Rebuild the preview with the tables' latest"),
        .formatExcelCsv: .init("dansk Excel", "Danish Excel"),
        .screenHarvestSearch: .init("Søgning i forhåndsvisningen", "Searching the preview"),
        .barSearch: .init("Søg", "Search"),
        .barFind: .init("Find", "Find"),
        .keySearchPreview: .init("Søg i forhåndsvisningen", "Search the preview"),
        .keyFindNext: .init("Næste fund af søgningen", "Next match of the search"),
        .keyPreviewTop: .init("Forhåndsvisningens begyndelse", "The preview's beginning"),
        .keyPreviewEnd: .init("Forhåndsvisningens slutning", "The preview's end"),
        .keySearchText: .init("Det der søges efter", "What to search for"),
        .keySearchFind: .init("Gå til første fund (n finder det næste)", "Go to the first match (n finds the next)"),
        .keySearchCancel: .init("Stop søgningen", "Stop searching"),
        .harvestSearchPrompt: .init("Søg:", "Search:"),
        .messageNoMatch: .init("Ingen fund af »{0}« i forhåndsvisningen", "No match for “{0}” in the preview"),
        .harvestBuilding: .init("Bygger forhåndsvisning … (Esc går tilbage uden at vente)",
                                "Building the preview … (Esc goes back without waiting)"),
        .harvestRebuilding: .init("— bygger …", "— building …"),
        .harvestStale: .init("Forhåndsvisningen er ældre end bordenes seneste notater — u opdaterer (eksporten er altid frisk)",
                              "The preview is older than the tables' latest notes — u updates (an export is always fresh)"),

        .screenCuration: .init("Kuratér opsamlingen", "Curate the harvest"),
        .screenCurationForm: .init("Kuratér: ret", "Curate: edit"),
        .screenMoveNote: .init("Flyt notat", "Move a note"),
        .keyCurationScreen: .init("Kuratér: ret, læg sammen og del indsatser, ejere, kort fortalt og arrangementets oplysninger",
                                  "Curate: edit, merge and split initiatives, owners, key messages and the event's details"),
        .keyNextTab: .init("Næste fane (Indsatser, Forslag, Ejere, Kort fortalt, Arrangement)",
                           "Next tab (Initiatives, Suggestions, Owners, Key messages, Event)"),
        .keyPreviousTab: .init("Forrige fane", "Previous tab"),
        .keyMarkItem: .init("Markér eller afmarkér: indsatser til sammenlægning, stavemåder af samme ejer",
                            "Mark or unmark: initiatives to merge, spellings of one owner"),
        .keyMergeMarked: .init("Læg de markerede indsatser sammen med den valgte (prikker lægges sammen, kilderne bevares)",
                               "Merge the marked initiatives with the selected one (dots are summed, sources kept)"),
        .keySplitItem: .init("Del en sammenlagt indsats igen, præcis som før", "Split a merged initiative back exactly as it was"),
        .keyEditItem: .init("Ret det valgte; på Forslag: læg parret sammen; på Ejere: de markerede stavemåder bliver den valgte",
                            "Edit the selected; on Suggestions: merge the pair; on Owners: the marked spellings become the selected one"),
        .keyCurationUndo: .init("Fortryd den seneste kuratering", "Undo the last curation"),
        .keyCurationRedo: .init("Gentag det fortrudte", "Redo what was undone"),
        .keySaveCuration: .init("Gem", "Save"),
        .keyCurationFormLeft: .init("Valgfelter: forrige værdi; i tekstfelter markøren til venstre",
                                    "Choice fields: previous value; in text fields cursor left"),
        .keyCurationFormRight: .init("Valgfelter: næste værdi; i tekstfelter markøren til højre",
                                     "Choice fields: next value; in text fields cursor right"),
        .keyMoveNote: .init("Flyt det valgte notat til et andet princip eller bord", "Move the selected note to another principle or table"),
        .keyMoveChoose: .init("Flyt notatet hertil", "Move the note here"),
        .keyNewlineInField: .init("Ny linje i felter med flere linjer", "New line in fields of several lines"),
        .barCurate: .init("Kuratér", "Curate"),
        .barTab: .init("Fane", "Tab"),
        .barMark: .init("Markér", "Mark"),
        .barMerge: .init("Saml", "Merge"),
        .barSplit: .init("Del", "Split"),
        .barEditItem: .init("Ret", "Edit"),
    ]
}
