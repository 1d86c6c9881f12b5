import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordStore
import Testing
@testable import RundbordTUI

/// Keys fed through the whole app (update, effects, store, render) with a TestBackend.
@Suite struct FlowTests {
    @Test func danishNoteTypedAndEnteredIsInTheStoreAndOnScreen() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Flere fleksjob i kommunen – æøå ÆØÅ")
        #expect(try event.notes().isEmpty)
        app.press(.saveNote)
        let notes = try event.notes()
        #expect(notes.map(\.text) == ["Flere fleksjob i kommunen – æøå ÆØÅ"])
        #expect(notes.first?.kind == .point)
        #expect(backend.text.contains("Pointe    Flere fleksjob i kommunen – æøå ÆØÅ"))
        #expect(backend.text.contains("✓ Gemt"))
        #expect(app.state.editor.isEmpty)
    }

    @Test func prefixesAndTheKindKeyChooseTheKind() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Fælles indkøbsportal")
        #expect(backend.cursorLine.hasPrefix("Indsats ›"))
        app.press(.saveNote)
        app.type("?Hvem betaler")
        app.press(.saveNote)
        // F3 cycles from the kind the prefix gave; the prefix leaves the text.
        app.type("!Kaffe")
        app.press(.cycleKind)
        #expect(app.state.editor.text == "Kaffe")
        #expect(app.state.draftKind == .point)
        app.press(.cycleKind)
        #expect(backend.cursorLine.hasPrefix("Idé › Kaffe"))
        app.press(.saveNote)
        app.type("\"Vi er små, men vi er mange\"")
        app.press(.saveNote)
        let notes = try event.notes()
        #expect(notes.map(\.kind) == [.initiative, .question, .idea, .quote])
        #expect(notes.map(\.text) == ["Fælles indkøbsportal", "Hvem betaler", "Kaffe", "Vi er små, men vi er mange"])
        #expect(notes[0].funding == .unclear)
    }

    /// A kind chosen with F3 goes with the draft: cleared (Ctrl-U), the next note is a plain point.
    @Test func aClearedDraftForgetsTheChosenKind() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Kaffe")
        app.press(.cycleKind)
        #expect(app.state.draftKind != nil)
        app.press(.deleteToStart)
        #expect(app.state.draftKind == nil)
        app.type("Fælles værdier")
        #expect(backend.cursorLine.hasPrefix("Pointe › Fælles"))
        app.press(.saveNote)
        #expect(try event.notes().map(\.kind) == [.point])
    }

    @Test func aPasteWithNewlinesBecomesOneNote() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        let long = String(repeating: "Lang tekst om rummelighed på arbejdspladsen. ", count: 12)
        app.send([.paste("Første linje\r\nAnden linje\u{1B}[31m\t" + long)])
        app.press(.newline)
        app.type("sidste")
        app.press(.saveNote)
        let notes = try event.notes()
        #expect(notes.count == 1)
        #expect(notes[0].text.hasPrefix("Første linje\nAnden linje[31m "))
        #expect(notes[0].text.hasSuffix("arbejdspladsen. \nsidste"))
        #expect(!notes[0].text.contains("\u{1B}"))
        #expect(backend.text.contains("Første linje"))
    }

    @Test func controlCharactersInStoredNotesAreDrawnAsSymbols() throws {
        // The engine cleans what is typed; a file written by another tool (or an
        // older version) may still hold control characters, and they must not reach the terminal.
        let event = try TempEvent()
        let table = try event.store.table(number: 1)
        try event.store.save(note: Note(id: event.world.newId(), tableId: table.id, principleId: table.currentPrincipleId!,
                                        kind: .point, text: "rød\u{1B}[2J\u{7}tekst\u{9B}31m", createdAt: event.world.now))
        let (_, backend) = try event.app()
        #expect(backend.text.contains("rød␛[2J␇tekst�31m"))
        #expect(!backend.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }

    @Test func editRetagDeleteUndoRedo() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Første pointe"); app.press(.saveNote)
        app.type("Anden pointe"); app.press(.saveNote)
        // ↑ selects the newest note; ↑ again the one before.
        app.press(.selectUp, .selectUp)
        #expect(app.state.selectedNoteId == (try event.notes())[0].id)
        #expect(backend.text.contains("▶14:13 Pointe    Første pointe"))
        app.press(.editNote)
        #expect(app.state.editor.text == "Første pointe")
        app.press(.deleteWord)
        app.type("bekymring")
        app.press(.saveNote)
        #expect(try event.notes().map(\.text) == ["Første bekymring", "Anden pointe"])
        // Retag the selected note, then delete it, then undo and redo.
        app.press(.selectUp, .selectUp, .cycleKind, .cycleKind)
        #expect(try event.notes()[0].kind == .concern)
        app.press(.deleteNote)
        #expect(try event.notes().map(\.text) == ["Anden pointe"])
        #expect(backend.text.contains("Slettet: »Første bekymring« — Ctrl-Z fortryder"))
        app.press(.undo)
        #expect(try event.notes().map(\.text) == ["Første bekymring", "Anden pointe"])
        #expect(backend.text.contains("Fortrudt: sletningen af »Første bekymring« under princip 1"))
        app.press(.redo)
        #expect(try event.notes().map(\.text) == ["Anden pointe"])
        #expect(backend.text.contains("Gentaget: sletningen af »Første bekymring« under princip 1"))
        // Esc with an edit in progress leaves the note as it was.
        app.press(.selectUp, .editNote, .deleteToStart)
        app.type("forkert")
        app.press(.back)
        #expect(try event.notes().map(\.text) == ["Anden pointe"])
        #expect(app.state.editor.isEmpty)
    }

    @Test func theSpeakerPickerCreditsAParticipantOrAnOrganisation() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Vi mangler lokaler")
        app.press(.pickSpeaker)
        #expect(backend.text.contains("Hvem sagde det?"))
        #expect(backend.text.contains("Søren Ørsted (Kaffe Karma)"))
        #expect(!backend.text.contains("Bo Berg")) // another table's participant
        app.type("søren")
        app.press(.confirmNumber)
        #expect(backend.cursorLine.hasPrefix("Pointe (Søren Ørsted) › Vi mangler lokaler"))
        app.press(.saveNote)
        let soren = try event.store.participants().first { $0.name == "Søren Ørsted" }!
        #expect(try event.notes()[0].speakerId == soren.id)
        // Select the note and credit an organisation of the vision instead.
        app.press(.selectUp, .pickSpeaker)
        app.type("merkur")
        app.press(.selectDown)
        let candidates = AppUpdate.candidates(app.state).map(\.label)
        #expect(candidates.first == "Åse Æbelø (Merkur Andelskasse)")
        #expect(candidates.contains("Merkur Andelskasse"))
        app.press(.confirmNumber)
        let note = try event.notes()[0]
        #expect(note.speakerId == nil)
        #expect(note.speakerOrganisation == "Merkur Andelskasse")
        #expect(backend.text.contains("Vi mangler lokaler — Merkur Andelskasse"))
    }

    @Test func theDraftIsAutosavedAndOfferedBackAfterARestart() throws {
        let event = try TempEvent()
        let tableId = try event.store.table(number: 1).id
        do {
            let (app, _) = try event.app()
            app.type("Halvt skrevet notat om æbler")
            #expect(try event.store.draft(tableId: tableId) == nil)
            event.world.advance(1)
            app.send([.tick])
            #expect(try event.store.draft(tableId: tableId) == "Halvt skrevet notat om æbler")
            // Typing on without a pause is still saved every few seconds.
            for _ in 0..<12 {
                app.type("x")
                event.world.advance(0.5)
                app.send([.tick])
            }
            #expect(try event.store.draft(tableId: tableId)?.hasSuffix("xxxxxxxx") == true)
        }
        // The process dies without quitting; the next start offers the draft.
        let (again, backend) = try event.app()
        #expect(again.state.editor.text.hasPrefix("Halvt skrevet notat om æbler"))
        #expect(backend.text.contains("Kladde fra sidst"))
        again.press(.saveNote)
        #expect(try event.store.draft(tableId: tableId) == nil)
        #expect(try event.notes().count == 1)
    }

    /// A kind chosen with F3 (not typed as a prefix) and the principle the
    /// draft was begun under come back with the draft after a crash.
    @Test func aDraftOfferedBackAfterACrashKeepsItsKindAndPrinciple() throws {
        let event = try TempEvent()
        let tableId = try event.store.table(number: 1).id
        let chosen: NoteKind
        do {
            let (app, _) = try event.app()
            app.press(.nextPrinciple)
            app.type("Fælles indkøbsportal for små leverandører")
            app.press(.cycleKind)
            app.press(.cycleKind)
            chosen = try #require(app.state.draftKind)
            #expect(chosen != .point)
            event.world.advance(1)
            app.send([.tick])
            // The facilitator's terminal moves the table back before the crash.
            let (facilitator, _) = try event.app()
            facilitator.press(.previousPrinciple)
        }
        let (again, backend) = try event.app()
        #expect(again.state.session.principleIndex == 0)
        #expect(again.state.editor.text == "Fælles indkøbsportal for små leverandører")
        #expect(again.state.draftKind == chosen)
        #expect(backend.cursorLine.hasPrefix(try #require(again.state.vision.noteKinds.first { $0.kind == chosen }).label))
        again.send(keys: [.char(" ")])
        #expect(backend.text.contains("Enter gemmer kladden under princip 2"))
        again.press(.saveNote)
        let table = try event.store.table(number: 1)
        let saved = try event.store.notes(tableId: tableId, principleId: table.principleIds[1])
        #expect(saved.map(\.kind) == [chosen])
        #expect(saved.map(\.text) == ["Fælles indkøbsportal for små leverandører"])
    }

    @Test func quittingWithTextAsksFirst() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.press(.quit)
        #expect(app.state.quitRequested)
        let (app2, backend2) = try event.app()
        app2.type("ikke gemt")
        app2.press(.quit)
        #expect(!app2.state.quitRequested)
        #expect(backend2.text.contains("Afslut?"))
        app2.press(.no)
        #expect(!app2.state.confirmingQuit && !app2.state.quitRequested)
        app2.press(.quit, .yes)
        #expect(app2.state.quitRequested)
        #expect(try event.store.draft(tableId: app2.state.session.table.id) == "ikke gemt")
        _ = backend
    }

    @Test func aNoteThatCannotBeStoredIsNotShownAsSaved() throws {
        let event = try TempEvent()
        let readOnly = try EventStore.open(path: event.path, readOnly: true)
        let backend = TestBackend()
        let app = try TableApp(store: readOnly, tableNumber: 1, backend: backend, lang: .da, env: event.world.env)
        app.type("Vigtig pointe")
        app.press(.saveNote)
        #expect(backend.text.contains("✗ IKKE GEMT"))
        #expect(!backend.text.contains("Pointe    Vigtig pointe"))
        #expect(app.state.editor.text == "Vigtig pointe")
        #expect(app.state.session.visibleNotes.isEmpty)
        readOnly.close()
    }

    @Test func timerCountsDownWarnsAndOverrunsWithoutStopping() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        #expect(backend.header.hasSuffix("⏸ 15:00"))
        app.press(.toggleTimer)
        event.world.advance(13 * 60 + 1)
        app.send([.tick])
        #expect(backend.header.hasSuffix("⏵ 01:59"))
        #expect(Chrome.timerText(app.state).level == .warning)
        event.world.advance(150)
        app.send([.tick])
        #expect(backend.header.hasSuffix("⏵ +00:31 over"))
        app.type("Vi taler videre"); app.press(.saveNote)
        #expect(try event.notes().count == 1)
        app.press(.toggleTimer)
        event.world.advance(600)
        app.send([.tick])
        #expect(backend.header.hasSuffix("⏸ +00:31 over"))
        app.press(.resetTimer)
        #expect(backend.header.hasSuffix("⏸ 15:00"))
    }

    /// Time is up: the header flashes for a moment and the bell rings once
    /// through the backend; the projector's clock flashes too; `bell: false`
    /// keeps the terminal quiet but still flashes.
    @Test func timeUpFlashesTheHeaderAndTheProjectorAndRingsOnce() throws {
        for bell in [true, false] {
            let event = try TempEvent()
            let (app, backend) = try event.app(bell: bell)
            app.press(.toggleTimer)
            event.world.advance(15 * 60 - 1)
            app.send([.tick])
            #expect(backend.header.hasSuffix("⏵ 00:01"))
            #expect(backend.frame?[0, 0].style == Theme.header)
            event.world.advance(1.2)
            app.send([.tick])
            #expect(backend.beeps == (bell ? 1 : 0))
            #expect(backend.frame?[0, 0].style == Theme.flash, "the header flashes when the time is up")
            let timerX = try #require(backend.header.firstIndex(of: "⏵").map { backend.header.distance(from: backend.header.startIndex, to: $0) })
            #expect(backend.frame?[timerX, 0].style == Theme.flash)
            event.world.advance(1)
            app.send([.tick])
            #expect(backend.frame?[0, 0].style == Theme.header, "then the header is as before")
            #expect(backend.header.hasSuffix("⏵ +00:02 over"))
            for _ in 0..<8 { event.world.advance(0.25); app.send([.tick]) }
            app.type("Vi runder af")
            #expect(backend.beeps == (bell ? 1 : 0), "the bell rings once, not on every tick after")

            // On the projector the clock's band flashes in the same moment.
            app.press(.resetTimer, .toggleTimer, .projector)
            event.world.advance(15 * 60 - 0.5)
            app.send([.tick])
            let clockRow = try #require(backend.lines.firstIndex { $0.contains("█") })
            #expect(backend.frame?[0, clockRow].style != Theme.flashBand)
            event.world.advance(1)
            app.send([.tick])
            #expect(backend.frame?[0, clockRow].style == Theme.flashBand, "the projector's clock flashes")
            #expect(backend.beeps == (bell ? 2 : 0))
            event.world.advance(1)
            app.send([.tick])
            #expect(backend.frame?[0, clockRow].style != Theme.flashBand)
        }
    }

    @Test func principlesAndPhasesMoveAndAreStored() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Om princip 1"); app.press(.saveNote)
        app.press(.nextPhase)
        #expect(backend.header.contains("Drøftelse"))
        app.press(.nextPrinciple)
        #expect(backend.header.contains("Princip 2/5"))
        #expect(backend.text.contains("2. Vi vil købe ind med hjerne og hjerte"))
        #expect(backend.text.contains("Notater (0)"))
        #expect(try event.store.table(number: 1).progress.principleIndex == 1)
        app.press(.previousPrinciple)
        #expect(backend.text.contains("Om princip 1"))
        app.press(.previousPrinciple)
        #expect(backend.text.contains("✗ der er ikke flere hovedprincipper i den retning"))
    }

    @Test func voteDotsAgreementAndReveal() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Fælles indkøbsportal"); app.press(.saveNote)
        app.type("!Mentorordning for nye andelshavere"); app.press(.saveNote)
        app.press(.voteScreen)
        app.press(.dotPlus, .dotPlus, .dotPlus, .dotMinus)
        app.press(.selectDown); app.type("12"); app.press(.confirmNumber)
        app.press(.selectDown); app.type("7"); app.press(.confirmNumber, .selectDown, .dotPlus)
        let notes = try event.notes()
        #expect(notes.map(\.dots) == [2, 12])
        let table = try event.store.table(number: 1)
        let tally = try event.store.agreement(tableId: table.id, principleId: table.currentPrincipleId!)
        #expect(tally == AgreementTally(agree: 7, partly: 1))
        #expect(backend.text.contains("Håndsoprækning (8 i alt)"))
        // The projector hides the dots until the vote is closed.
        app.press(.projector)
        #expect(backend.text.contains("prikkerne vises, når afstemningen er lukket"))
        #expect(!backend.text.contains("12  ●"))
        app.press(.toggleReveal)
        #expect(backend.text.contains("Indsatser efter prikker"))
        #expect(backend.text.contains("12  ● Mentorordning for nye andelshavere"))
        app.press(.back)
        #expect(app.state.screen == .session)
    }

    @Test func theWholeTablesInitiativesCanBeVotedOn() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Indsats under princip 1"); app.press(.saveNote)
        app.press(.nextPrinciple)
        app.type("!Indsats under princip 2"); app.press(.saveNote)
        app.press(.voteScreen, .toggleScope)
        #expect(backend.text.contains("Afstemning: alle indsatser fra bord 1"), "\(backend.text)")
        #expect(backend.text.contains("1. Indsats under princip 1"))
        #expect(backend.text.contains("2. Indsats under princip 2"))
        app.type("5"); app.press(.confirmNumber, .selectDown, .dotPlus)
        let all = try event.store.allNotes().sorted { $0.text < $1.text }
        #expect(all.map(\.dots) == [5, 1])
    }

    /// The table-wide vote reaches the projector: closed, it shows every initiative of the table with its dots.
    @Test func theProjectorShowsTheTableWideVote() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Indsats under princip 1"); app.press(.saveNote)
        app.press(.nextPrinciple)
        app.type("!Indsats under princip 2"); app.press(.saveNote)
        app.press(.voteScreen, .toggleScope)
        app.type("3"); app.press(.confirmNumber)
        app.press(.toggleReveal, .projector)
        #expect(backend.text.contains("Indsats under princip 1"), "\(backend.text)")
        #expect(backend.text.contains("Indsats under princip 2"), "\(backend.text)")
        #expect(backend.text.contains("● Indsats under princip 1"), "\(backend.text)")
    }

    @Test func initiativeDetailSetsFundingOwnerAndHorizon() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Fælles indkøbsportal"); app.press(.saveNote)
        app.press(.detailScreen)
        #expect(backend.text.contains("[Uafklaret]"))
        app.press(.nextValue)
        #expect(try event.notes()[0].funding == .needsFunding)
        app.press(.nextValue)
        #expect(try event.notes()[0].funding == .canStartNow)
        app.press(.selectDown)
        app.type("kø")
        app.press(.complete)
        #expect(app.state.detail?.owner.text == "Københavns Kommune")
        app.press(.complete)
        #expect(app.state.detail?.owner.text == "Kooperativt København")
        app.press(.complete, .confirmNumber)
        // The example horizon lies after the event (held in 2026 here), in Danish quotation marks.
        #expect(backend.text.contains("Fx »inden sommer 2027« eller »1-2 år«"), "\(backend.text)")
        app.type("inden sommer 2027")
        app.press(.back)
        let note = try event.notes()[0]
        #expect(note.owner == "Københavns Kommune")
        #expect(note.horizon == "inden sommer 2027")
        // The funding label inside the details line is lower-case, as "ansvarlig" and "horisont" are.
        #expect(backend.text.contains("↳ 0 prikker · kan sættes i gang nu · ansvarlig: Københavns\n"))
        #expect(backend.text.contains("   Kommune · horisont: inden sommer 2027"))
    }

    @Test func anotherProcessesNotesAppearOnTheNextTick() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        let other = try EventStore.open(path: event.path)
        var session = try other.session(tableNumber: 1)
        try other.perform(try session.reduce(.addNote(text: "Fra den anden terminal", kind: nil, speakerId: nil,
                                                      speakerOrganisation: nil), .live))
        try other.perform(try session.reduce(.nextPhase, .live))
        other.close()
        app.send([.tick])
        #expect(backend.text.contains("Fra den anden terminal"))
        #expect(backend.header.contains("Drøftelse"))
    }

    @Test func resizeRedrawsAndASmallWindowGetsANotice() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        // A laptop's split screen (60×20) is a compact session, not a notice: the note is typed in sight.
        backend.size = Size(width: 60, height: 20)
        app.send([.resize(backend.size)])
        #expect(!backend.text.contains("Vinduet er"))
        #expect(backend.header.contains("Bord 1 │ Princip 1/5 │ Præsentation │ ⏸ 15:00"), "\(backend.header)")
        app.type("skrevet i et lille vindue")
        #expect(backend.cursorLine.hasSuffix("skrevet i et lille vindue"))
        for (w, h) in [(10, 3), (1, 1), (0, 0), (200, 2)] {
            backend.size = Size(width: w, height: h)
            app.send([.resize(backend.size)])
            #expect(backend.lines.count == h)
        }
        // Below the true minimum only the notice shows, and typing does not go into the draft unseen.
        backend.size = Size(width: 39, height: 12)
        app.send([.resize(backend.size)])
        let notice = backend.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(notice.contains("Vinduet er 39×12. Gør det mindst 40×12 for at skrive videre."), "\(notice)")
        #expect(notice.contains("Det, du har skrevet, er bevaret"))
        app.type(" og mere")
        app.press(.backspace, .saveNote, .deleteToStart)
        app.send([.paste("indsat")])
        backend.size = Size(width: 120, height: 40)
        app.send([.resize(backend.size)])
        #expect(backend.lines.count == 40)
        #expect(backend.header.count <= 120 && backend.header.hasSuffix("⏸ 15:00"))
        #expect(backend.cursorLine.hasSuffix("› skrevet i et lille vindue"), "\(backend.cursorLine)")
        #expect(app.state.session.visibleNotes.isEmpty)
    }

    @Test func screensThatNeedTheFullLayoutSaySoAndEscGoesBack() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app(width: 60, height: 20)
        app.type("kladde")
        app.send(keys: [.alt("d")])
        #expect(app.state.screen == .participants)
        #expect(backend.text.contains("»Deltagere« kræver mindst 80×24"), "\(backend.text)")
        #expect(backend.text.contains("Esc går tilbage"))
        // The participants' keys do nothing out of sight: no new participant form.
        app.send(keys: [.char("n")])
        #expect(app.state.roster?.form == nil)
        app.send(keys: [.escape])
        #expect(app.state.screen == .session)
        #expect(backend.cursorLine.hasSuffix("› kladde"))
    }

    @Test func englishByLang() throws {
        let event = try TempEvent()
        let (_, backend) = try event.app(lang: .en)
        #expect(backend.header.contains("Table 1 │ Principle 1/5 │ Present"))
        // The organiser's keys are left out at 80 columns: F1 says there are more.
        #expect(backend.keyBar.hasPrefix("F1More F2Edit"))
    }

    @Test func idleTicksDoNotRedrawAnUnchangedScreen() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        let before = backend.drawCount
        app.send([.tick, .tick, .tick])
        #expect(backend.drawCount == before)
        app.press(.toggleTimer)
        #expect(backend.drawCount == before + 1, "starting the timer is drawn")
        // A running countdown shows minutes and seconds, as the dashboard and
        // the projector do: a tick within the same second draws nothing, the
        // next second draws once.
        event.world.advance(0.1)
        app.send([.tick])
        #expect(backend.drawCount == before + 1)
        event.world.advance(1)
        app.send([.tick])
        #expect(backend.drawCount == before + 2)
        #expect(backend.header.hasSuffix("⏵ 14:59"))
        event.world.advance(60)
        app.send([.tick])
        #expect(backend.header.hasSuffix("⏵ 13:59"))
        // In the last two minutes every second shows.
        event.world.advance(Double(15 * 60 - 61 - 100))
        app.send([.tick])
        let warned = backend.drawCount
        #expect(backend.header.hasSuffix("⏵ 01:40"))
        event.world.advance(1)
        app.send([.tick])
        #expect(backend.drawCount == warned + 1)
        #expect(backend.header.hasSuffix("⏵ 01:39"))
    }
}

@Suite struct ScrollTests {
    @Test func pageUpStopsAtTheOldestNoteAndPageDownReturnsToTheNewest() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        for i in 1...40 {
            app.type("Note \(i)")
            app.press(.saveNote)
        }
        #expect(backend.text.contains("Note 40"))
        #expect(!backend.text.contains("Note 1\n"))
        for _ in 0..<20 { app.press(.pageUp) }
        #expect(backend.text.contains("Pointe    Note 1\n"))
        #expect(backend.text.contains("PgDn: nyeste"))
        var presses = 0
        while app.state.notesScroll > 0 && presses < 10 { app.press(.pageDown); presses += 1 }
        #expect(presses <= 4)
        #expect(backend.text.contains("Note 40"))
        // ↑ from the entry line selects the newest note, and the list follows the selection.
        for _ in 0..<40 { app.press(.selectUp) }
        #expect(backend.text.contains("▶14:13 Pointe    Note 1\n"))
        app.type("x")
        #expect(app.state.focus == .entry && app.state.editor.text == "x")
    }
}

@Suite struct TableScopeTests {
    @Test func detailsOfAnotherPrinciplesInitiativeAreSaved() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Indsats under princip 1"); app.press(.saveNote)
        app.press(.nextPrinciple)
        app.press(.voteScreen, .toggleScope, .detailScreen)
        #expect(backend.text.contains("Indsats under princip 1"))
        app.press(.nextValue, .selectDown)
        app.type("FRAK")
        app.press(.back)
        let note = try event.store.allNotes().first!
        #expect(note.funding == .needsFunding)
        #expect(note.owner == "FRAK")
        #expect(app.state.screen == .vote)
    }
}

@Suite struct HelpTests {
    @Test func helpListsTheCurrentScreenFirstAndScrollsWithinItsLines() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.press(.voteScreen, .help)
        // The first line under the title bar names the screen help came from.
        #expect(backend.lines.dropFirst().first == " Afstemning")
        for _ in 0..<50 { app.press(.pageDown) }
        let bottom = backend.text
        // The last screen of the key table (the curation form) ends the list.
        #expect(bottom.contains("Ny linje i felter med flere linjer"))
        app.press(.selectUp)
        #expect(backend.text != bottom)
        app.press(.back)
        #expect(app.state.screen == .vote)
    }
}
