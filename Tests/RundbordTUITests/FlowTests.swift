import Foundation
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
        app.send(keys: [.enter])
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
        #expect(backend.lines[22].hasPrefix("Indsats ›"))
        app.send(keys: [.enter])
        app.type("?Hvem betaler")
        app.send(keys: [.enter])
        // F3 cycles from the kind the prefix gave; the prefix leaves the text.
        app.type("!Kaffe")
        app.send(keys: [.function(3)])
        #expect(app.state.editor.text == "Kaffe")
        #expect(app.state.draftKind == .point)
        app.send(keys: [.function(3)])
        #expect(backend.lines[22].hasPrefix("Idé › Kaffe"))
        app.send(keys: [.enter])
        app.type("\"Vi er små, men vi er mange\"")
        app.send(keys: [.enter])
        let notes = try event.notes()
        #expect(notes.map(\.kind) == [.initiative, .question, .idea, .quote])
        #expect(notes.map(\.text) == ["Fælles indkøbsportal", "Hvem betaler", "Kaffe", "Vi er små, men vi er mange"])
        #expect(notes[0].funding == .unclear)
    }

    @Test func aPasteWithNewlinesBecomesOneNote() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        let long = String(repeating: "Lang tekst om rummelighed på arbejdspladsen. ", count: 12)
        app.send([.paste("Første linje\r\nAnden linje\u{1B}[31m\t" + long)])
        app.send(keys: [.altEnter])
        app.type("sidste")
        app.send(keys: [.enter])
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
        app.type("Første pointe"); app.send(keys: [.enter])
        app.type("Anden pointe"); app.send(keys: [.enter])
        // ↑ selects the newest note; ↑ again the one before.
        app.send(keys: [.up, .up])
        #expect(app.state.selectedNoteId == (try event.notes())[0].id)
        #expect(backend.text.contains("▶14:13 Pointe    Første pointe"))
        app.send(keys: [.function(2)])
        #expect(app.state.editor.text == "Første pointe")
        app.send(keys: [.ctrl("w")])
        app.type("bekymring")
        app.send(keys: [.enter])
        #expect(try event.notes().map(\.text) == ["Første bekymring", "Anden pointe"])
        // Retag the selected note, then delete it, then undo and redo.
        app.send(keys: [.up, .up, .function(3), .function(3)])
        #expect(try event.notes()[0].kind == .concern)
        app.send(keys: [.function(8)])
        #expect(try event.notes().map(\.text) == ["Anden pointe"])
        #expect(backend.text.contains("Slettet — Ctrl-Z fortryder"))
        app.send(keys: [.ctrl("z")])
        #expect(try event.notes().map(\.text) == ["Første bekymring", "Anden pointe"])
        app.send(keys: [.ctrl("y")])
        #expect(try event.notes().map(\.text) == ["Anden pointe"])
        // Esc with an edit in progress leaves the note as it was.
        app.send(keys: [.up, .function(2), .ctrl("u")])
        app.type("forkert")
        app.send(keys: [.escape])
        #expect(try event.notes().map(\.text) == ["Anden pointe"])
        #expect(app.state.editor.isEmpty)
    }

    @Test func theSpeakerPickerCreditsAParticipantOrAnOrganisation() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Vi mangler lokaler")
        app.send(keys: [.function(4)])
        #expect(backend.text.contains("Hvem sagde det?"))
        #expect(backend.text.contains("Søren Ørsted (Kaffe Karma)"))
        #expect(!backend.text.contains("Bo Berg")) // another table's participant
        app.type("søren")
        app.send(keys: [.enter])
        #expect(backend.lines[22].hasPrefix("Pointe (Søren Ørsted) › Vi mangler lokaler"))
        app.send(keys: [.enter])
        let soren = try event.store.participants().first { $0.name == "Søren Ørsted" }!
        #expect(try event.notes()[0].speakerId == soren.id)
        // Select the note and credit an organisation of the vision instead.
        app.send(keys: [.up, .function(4)])
        app.type("merkur")
        app.send(keys: [.down])
        let candidates = AppUpdate.candidates(app.state).map(\.label)
        #expect(candidates.first == "Åse Æbelø (Merkur Andelskasse)")
        #expect(candidates.contains("Merkur Andelskasse"))
        app.send(keys: [.enter])
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
        again.send(keys: [.enter])
        #expect(try event.store.draft(tableId: tableId) == nil)
        #expect(try event.notes().count == 1)
    }

    @Test func quittingWithTextAsksFirst() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.send(keys: [.function(10)])
        #expect(app.state.quitRequested)
        let (app2, backend2) = try event.app()
        app2.type("ikke gemt")
        app2.send(keys: [.function(10)])
        #expect(!app2.state.quitRequested)
        #expect(backend2.text.contains("Afslut?"))
        app2.send(keys: [.char("n")])
        #expect(!app2.state.confirmingQuit && !app2.state.quitRequested)
        app2.send(keys: [.ctrl("q"), .char("j")])
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
        app.send(keys: [.enter])
        #expect(backend.text.contains("✗ IKKE GEMT"))
        #expect(!backend.text.contains("Pointe    Vigtig pointe"))
        #expect(app.state.editor.text == "Vigtig pointe")
        #expect(app.state.session.visibleNotes.isEmpty)
        readOnly.close()
    }

    @Test func timerCountsDownWarnsAndOverrunsWithoutStopping() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        #expect(backend.lines[0].hasSuffix("⏸ 15:00"))
        app.send(keys: [.function(5)])
        event.world.advance(13 * 60 + 1)
        app.send([.tick])
        #expect(backend.lines[0].hasSuffix("⏵ 01:59"))
        #expect(Chrome.timerText(app.state).level == .warning)
        event.world.advance(150)
        app.send([.tick])
        #expect(backend.lines[0].hasSuffix("⏵ +00:31 over"))
        app.type("Vi taler videre"); app.send(keys: [.enter])
        #expect(try event.notes().count == 1)
        app.send(keys: [.function(5)])
        event.world.advance(600)
        app.send([.tick])
        #expect(backend.lines[0].hasSuffix("⏸ +00:31 over"))
        app.send(keys: [.ctrl("r")])
        #expect(backend.lines[0].hasSuffix("⏸ 15:00"))
    }

    @Test func principlesAndPhasesMoveAndAreStored() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("Om princip 1"); app.send(keys: [.enter])
        app.send(keys: [.tab])
        #expect(backend.lines[0].contains("Drøftelse"))
        app.send(keys: [.ctrl("n")])
        #expect(backend.lines[0].contains("Princip 2/5"))
        #expect(backend.text.contains("2. Vi vil købe ind med hjerne og hjerte"))
        #expect(backend.text.contains("Notater (0)"))
        #expect(try event.store.table(number: 1).progress.principleIndex == 1)
        app.send(keys: [.ctrl("p")])
        #expect(backend.text.contains("Om princip 1"))
        app.send(keys: [.ctrl("p")])
        #expect(backend.text.contains("✗ der er ikke flere hovedprincipper i den retning"))
    }

    @Test func voteDotsAgreementAndReveal() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Fælles indkøbsportal"); app.send(keys: [.enter])
        app.type("!Mentorordning for nye andelshavere"); app.send(keys: [.enter])
        app.send(keys: [.function(6)])
        app.send(keys: [.char("+"), .char("+"), .char("+"), .char("-")])
        app.send(keys: [.down, .char("1"), .char("2"), .enter])
        app.send(keys: [.down, .char("7"), .enter, .down, .char("+")])
        let notes = try event.notes()
        #expect(notes.map(\.dots) == [2, 12])
        let table = try event.store.table(number: 1)
        let tally = try event.store.agreement(tableId: table.id, principleId: table.currentPrincipleId!)
        #expect(tally == AgreementTally(agree: 7, partly: 1))
        #expect(backend.text.contains("Håndsoprækning (8 i alt)"))
        // The projector hides the dots until the vote is closed.
        app.send(keys: [.function(9)])
        #expect(backend.text.contains("prikkerne vises, når afstemningen er lukket"))
        #expect(!backend.text.contains("12  ●"))
        app.send(keys: [.char("r")])
        #expect(backend.text.contains("Indsatser efter prikker"))
        #expect(backend.text.contains("12  ● Mentorordning for nye andelshavere"))
        app.send(keys: [.escape])
        #expect(app.state.screen == .session)
    }

    @Test func theWholeTablesInitiativesCanBeVotedOn() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Indsats under princip 1"); app.send(keys: [.enter])
        app.send(keys: [.ctrl("n")])
        app.type("!Indsats under princip 2"); app.send(keys: [.enter])
        app.send(keys: [.function(6), .char("t")])
        #expect(backend.text.contains("1. Indsats under princip 1"))
        #expect(backend.text.contains("2. Indsats under princip 2"))
        app.send(keys: [.char("5"), .enter, .down, .char("+")])
        let all = try event.store.allNotes().sorted { $0.text < $1.text }
        #expect(all.map(\.dots) == [5, 1])
    }

    @Test func initiativeDetailSetsFundingOwnerAndHorizon() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Fælles indkøbsportal"); app.send(keys: [.enter])
        app.send(keys: [.function(7)])
        #expect(backend.text.contains("[Uafklaret]"))
        app.send(keys: [.right])
        #expect(try event.notes()[0].funding == .needsFunding)
        app.send(keys: [.right])
        #expect(try event.notes()[0].funding == .canStartNow)
        app.send(keys: [.down])
        app.type("kø")
        app.send(keys: [.tab])
        #expect(app.state.detail?.owner.text == "Københavns Kommune")
        app.send(keys: [.tab])
        #expect(app.state.detail?.owner.text == "Kooperativt København")
        app.send(keys: [.tab, .enter])
        app.type("inden sommer 2027")
        app.send(keys: [.escape])
        let note = try event.notes()[0]
        #expect(note.owner == "Københavns Kommune")
        #expect(note.horizon == "inden sommer 2027")
        #expect(backend.text.contains("↳ 0 prikker · Kan sættes i gang nu · ansvarlig: Københavns\n"))
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
        #expect(backend.lines[0].contains("Drøftelse"))
    }

    @Test func resizeRedrawsAndASmallWindowGetsANotice() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        backend.size = Size(width: 60, height: 20)
        app.send([.resize(backend.size)])
        #expect(backend.text.contains("Vinduet er 60×20. Gør det mindst 80×24"))
        for (w, h) in [(10, 3), (1, 1), (0, 0), (200, 2)] {
            backend.size = Size(width: w, height: h)
            app.send([.resize(backend.size)])
            #expect(backend.lines.count == h)
        }
        // Typing still works while the window is small.
        app.type("skrevet i et lille vindue")
        backend.size = Size(width: 120, height: 40)
        app.send([.resize(backend.size)])
        #expect(backend.lines.count == 40)
        #expect(backend.lines[0].count <= 120 && backend.lines[0].hasSuffix("⏸ 15:00"))
        #expect(backend.lines[38].hasSuffix("skrevet i et lille vindue"))
    }

    @Test func englishByLang() throws {
        let event = try TempEvent()
        let (_, backend) = try event.app(lang: .en)
        #expect(backend.lines[0].contains("Table 1 │ Principle 1/5 │ Present"))
        #expect(backend.lines[23].hasPrefix("F1Help F2Edit"))
    }

    @Test func idleTicksDoNotRedrawAnUnchangedScreen() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        let before = backend.drawCount
        app.send([.tick, .tick, .tick])
        #expect(backend.drawCount == before)
        app.send(keys: [.function(5)])
        #expect(backend.drawCount == before + 1, "starting the timer is drawn")
        // A running countdown shows whole minutes until the last two:
        // a second passing draws nothing, a minute passing draws once.
        event.world.advance(1)
        app.send([.tick])
        #expect(backend.drawCount == before + 1)
        event.world.advance(60)
        app.send([.tick])
        #expect(backend.drawCount == before + 2)
        #expect(backend.lines[0].hasSuffix("⏵ 14 min"))
        // In the last two minutes every second shows.
        event.world.advance(Double(15 * 60 - 61 - 100))
        app.send([.tick])
        let warned = backend.drawCount
        #expect(backend.lines[0].hasSuffix("⏵ 01:40"))
        event.world.advance(1)
        app.send([.tick])
        #expect(backend.drawCount == warned + 1)
        #expect(backend.lines[0].hasSuffix("⏵ 01:39"))
    }
}

@Suite struct ScrollTests {
    @Test func pageUpStopsAtTheOldestNoteAndPageDownReturnsToTheNewest() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        for i in 1...40 {
            app.type("Note \(i)")
            app.send(keys: [.enter])
        }
        #expect(backend.text.contains("Note 40"))
        #expect(!backend.text.contains("Note 1\n"))
        for _ in 0..<20 { app.send(keys: [.pageUp]) }
        #expect(backend.text.contains("Pointe    Note 1\n"))
        #expect(backend.text.contains("PgDn: nyeste"))
        var presses = 0
        while app.state.notesScroll > 0 && presses < 10 { app.send(keys: [.pageDown]); presses += 1 }
        #expect(presses <= 4)
        #expect(backend.text.contains("Note 40"))
        // ↑ from the entry line selects the newest note, and the list follows the selection.
        for _ in 0..<40 { app.send(keys: [.up]) }
        #expect(backend.text.contains("▶14:13 Pointe    Note 1\n"))
        app.send(keys: [.char("x")])
        #expect(app.state.focus == .entry && app.state.editor.text == "x")
    }
}

@Suite struct TableScopeTests {
    @Test func detailsOfAnotherPrinciplesInitiativeAreSaved() throws {
        let event = try TempEvent()
        let (app, backend) = try event.app()
        app.type("!Indsats under princip 1"); app.send(keys: [.enter])
        app.send(keys: [.ctrl("n")])
        app.send(keys: [.function(6), .char("t"), .function(7)])
        #expect(backend.text.contains("Indsats under princip 1"))
        app.send(keys: [.right, .down])
        app.type("FRAK")
        app.send(keys: [.escape])
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
        app.send(keys: [.function(6), .function(1)])
        #expect(backend.lines[1] == " Afstemning")
        for _ in 0..<50 { app.send(keys: [.pageDown]) }
        let bottom = backend.text
        // The last screen of the key table (the harvest) ends the list.
        #expect(bottom.contains("Eksportér de valgte formater"))
        app.send(keys: [.up])
        #expect(backend.text != bottom)
        app.send(keys: [.escape])
        #expect(app.state.screen == .vote)
    }
}
