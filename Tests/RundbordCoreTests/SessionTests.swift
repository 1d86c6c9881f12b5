import Foundation
import RundbordTestSupport
import Testing
@testable import RundbordCore

@Suite("Session engine")
struct SessionTests {
    let world = TestWorld()

    func add(_ s: inout TableSession, _ text: String, kind: NoteKind? = nil) throws -> Note {
        let effects = try s.reduce(.addNote(text: text, kind: kind, speakerId: nil, speakerOrganisation: nil), world.env)
        guard case .saveNote(let note)? = effects.first, effects.count == 1 else {
            Issue.record("expected one saveNote, got \(effects)")
            throw SessionRejection(.ruleNoSuchNote)
        }
        return note
    }

    @Test func addingANoteSavesItAtTheCurrentPrinciple() throws {
        var s = try Fixtures.session(world)
        let note = try add(&s, "  Flere faste job til sårbare grupper  ")
        #expect(note.text == "Flere faste job til sårbare grupper")
        #expect(note.kind == .point)
        #expect(note.principleId == s.principleIds[0])
        #expect(note.tableId == s.table.id)
        #expect(note.createdAt == world.now)
        #expect(s.visibleNotes == [note])
    }

    @Test func prefixesPickTheKind() throws {
        var s = try Fixtures.session(world)
        let initiative = try add(&s, "! Fælles indkøbsportal")
        #expect(initiative.kind == .initiative)
        #expect(initiative.text == "Fælles indkøbsportal")
        #expect(initiative.funding == .unclear)
        let question = try add(&s, "?Hvem betaler?")
        #expect(question.kind == .question)
        #expect(question.text == "Hvem betaler?")
        // An explicit kind wins and keeps the text as typed.
        let explicit = try add(&s, "! ikke en indsats", kind: .quote)
        #expect(explicit.kind == .quote)
        #expect(explicit.text == "! ikke en indsats")
    }

    @Test func emptyNotesAreRefusedAndChangeNothing() throws {
        var s = try Fixtures.session(world)
        let before = s
        #expect(throws: SessionRejection(.ruleEmptyText)) {
            try s.reduce(.addNote(text: " \n ", kind: nil, speakerId: nil, speakerOrganisation: nil), world.env)
        }
        #expect(throws: SessionRejection(.ruleEmptyText)) {
            try s.reduce(.addNote(text: "!  ", kind: nil, speakerId: nil, speakerOrganisation: nil), world.env)
        }
        #expect(s == before)
    }

    @Test func editRetagDeleteRestore() throws {
        var s = try Fixtures.session(world)
        let note = try add(&s, "Første udgave")
        world.advance(5)
        try s.reduce(.editNote(note.id, text: "Anden udgave"), world.env)
        #expect(s.note(note.id)?.text == "Anden udgave")
        #expect(s.note(note.id)?.editedAt == world.now)
        try s.reduce(.retag(note.id, .concern), world.env)
        #expect(s.note(note.id)?.kind == .concern)
        try s.reduce(.cycleKind(note.id), world.env)
        #expect(s.note(note.id)?.kind == .question)
        try s.reduce(.deleteNote(note.id), world.env)
        #expect(s.visibleNotes.isEmpty)
        #expect(s.note(note.id)?.isDeleted == true)
        #expect(throws: SessionRejection(.ruleNoSuchNote)) { try s.reduce(.editNote(note.id, text: "x"), world.env) }
        try s.reduce(.restoreNote(note.id), world.env)
        #expect(s.visibleNotes.map(\.id) == [note.id])
    }

    @Test func undoAndRedoWalkTheHistory() throws {
        var s = try Fixtures.session(world)
        let note = try add(&s, "Tekst")
        try s.reduce(.editNote(note.id, text: "Rettet tekst"), world.env)
        let undone = try s.reduce(.undo, world.env)
        #expect(s.note(note.id)?.text == "Tekst")
        #expect(undone.count == 1)
        try s.reduce(.undo, world.env)
        // Undoing a creation is a soft delete: the row stays in the file.
        #expect(s.note(note.id)?.isDeleted == true)
        #expect(throws: SessionRejection(.ruleNothingToUndo)) { try s.reduce(.undo, world.env) }
        try s.reduce(.redo, world.env)
        #expect(s.note(note.id)?.isDeleted == false)
        try s.reduce(.redo, world.env)
        #expect(s.note(note.id)?.text == "Rettet tekst")
        #expect(throws: SessionRejection(.ruleNothingToRedo)) { try s.reduce(.redo, world.env) }
        // A new change clears the redo stack.
        try s.reduce(.undo, world.env)
        try s.reduce(.editNote(note.id, text: "Tredje"), world.env)
        #expect(s.redoStack.isEmpty)
    }

    /// Running in Drøftelse at principle 1, Ctrl-N then Ctrl-P: principle 1
    /// is back in Drøftelse with the time it had used, paused while away.
    @Test func eachPrincipleKeepsItsOwnClockAndPhase() throws {
        var s = try Fixtures.session(world)
        try s.reduce(.setPhase(.discuss), world.env)
        try s.reduce(.startTimer, world.env)
        world.advance(120)
        try s.reduce(.nextPrinciple, world.env)
        #expect(s.phase == .present && !s.timer.isRunning && s.timer.elapsedBeforeStart == 0)
        world.advance(600)
        try s.reduce(.previousPrinciple, world.env)
        #expect(s.principleIndex == 0 && s.phase == .discuss)
        #expect(!s.timer.isRunning, "a clock left running is paused, not counting while away")
        #expect(s.timer.elapsedBeforeStart == 120)
        try s.reduce(.goToPrinciple(1), world.env)
        #expect(s.phase == .present)
    }

    /// Ctrl-R then Ctrl-Z gives the clock back; it does not undo a note.
    @Test func undoAfterAClockResetUndoesTheReset() throws {
        var s = try Fixtures.session(world)
        let note = try add(&s, "Bliver stående")
        try s.reduce(.startTimer, world.env)
        world.advance(300)
        try s.reduce(.pauseTimer, world.env)
        let used = s.timer
        try s.reduce(.resetTimer, world.env)
        #expect(s.timer != used)
        let effects = try s.reduce(.undo, world.env)
        #expect(s.timer == used)
        #expect(effects == [.saveProgress(s.table)])
        #expect(s.note(note.id)?.isDeleted == false)
        try s.reduce(.redo, world.env)
        #expect(s.timer.elapsedBeforeStart == 0)
        // The next undo is the note's, as the history says.
        try s.reduce(.undo, world.env)
        try s.reduce(.undo, world.env)
        #expect(s.note(note.id)?.isDeleted == true)
    }

    /// A note saved under principle 4, then Ctrl-Z at principle 2: the table
    /// goes back to principle 4, where the undone note is seen going.
    @Test func undoNeverActsOutOfSight() throws {
        var s = try Fixtures.session(world)
        try s.reduce(.goToPrinciple(3), world.env)
        let note = try add(&s, "Fælles indkøb")
        try s.reduce(.previousPrinciple, world.env)
        try s.reduce(.previousPrinciple, world.env)
        #expect(s.principleIndex == 1)
        let effects = try s.reduce(.undo, world.env)
        #expect(s.principleIndex == 3)
        guard case .saveNote(let saved) = effects.first else { Issue.record("\(effects)"); return }
        #expect(saved.id == note.id && saved.isDeleted)
        #expect(effects.last == .loadPrinciple(tableId: s.table.id, principleId: s.principleIds[3]))
        #expect(effects.contains(.saveProgress(s.table)))
    }

    @Test func initiativesCarryFundingOwnerHorizonAndDots() throws {
        var s = try Fixtures.session(world)
        let initiative = try add(&s, "!Lokal værdikæde for kaffe")
        try s.reduce(.setFunding(initiative.id, .needsFunding), world.env)
        try s.reduce(.setOwner(initiative.id, " Kaffe Karma "), world.env)
        try s.reduce(.setHorizon(initiative.id, "2025"), world.env)
        try s.reduce(.setDots(initiative.id, 4), world.env)
        try s.reduce(.adjustDots(initiative.id, -10), world.env)
        let saved = try #require(s.note(initiative.id))
        #expect(saved.funding == .needsFunding)
        #expect(saved.owner == "Kaffe Karma")
        #expect(saved.horizon == "2025")
        #expect(saved.dots == 0, "dots never go below zero")
        #expect(throws: SessionRejection(.ruleNegative)) { try s.reduce(.setDots(initiative.id, -1), world.env) }
        let point = try add(&s, "Bare en pointe")
        #expect(throws: SessionRejection(.ruleNotInitiative)) { try s.reduce(.setDots(point.id, 2), world.env) }
        #expect(throws: SessionRejection(.ruleNotInitiative)) { try s.reduce(.setFunding(point.id, .unclear), world.env) }
    }

    @Test func attributionCreditsAParticipantOrAnOrganisation() throws {
        var s = try Fixtures.session(world)
        let note = try add(&s, "Citat fra salen")
        let person = UUID()
        try s.reduce(.attribute(note.id, speakerId: person, organisation: nil), world.env)
        #expect(s.note(note.id)?.speakerId == person)
        try s.reduce(.attribute(note.id, speakerId: nil, organisation: "FRAK"), world.env)
        #expect(s.note(note.id)?.speakerId == nil)
        #expect(s.note(note.id)?.speakerOrganisation == "FRAK")
    }

    @Test func timerCountsDownPausesAndWarns() throws {
        var s = try Fixtures.session(world)
        let box = Double(s.vision.principles[0].minutes * 60)
        #expect(s.timer.remaining(at: world.now) == box)
        try s.reduce(.startTimer, world.env)
        world.advance(60)
        #expect(s.timer.remaining(at: world.now) == box - 60)
        try s.reduce(.pauseTimer, world.env)
        world.advance(600)
        #expect(s.timer.remaining(at: world.now) == box - 60, "a paused timer does not run")
        try s.reduce(.toggleTimer, world.env)
        #expect(s.timer.isRunning)
        world.advance(box - 60 - 100)
        #expect(s.timer.level(at: world.now) == .warning)
        world.advance(200)
        #expect(s.timer.level(at: world.now) == .overrun)
        #expect(s.timer.remaining(at: world.now) == -100)
        // Overrun never stops the talk: notes are still taken.
        _ = try add(&s, "Stadig i gang")
        try s.reduce(.resetTimer, world.env)
        #expect(!s.timer.isRunning)
        #expect(s.timer.remaining(at: world.now) == box)
    }

    @Test func movingBetweenPrinciplesAndPhases() throws {
        var s = try Fixtures.session(world)
        #expect(s.phase == .present)
        try s.reduce(.nextPhase, world.env)
        #expect(s.phase == .discuss)
        // Tab after the last phase does not move to another principle unseen: it says how.
        try s.reduce(.setPhase(.wrapUp), world.env)
        #expect(throws: SessionRejection(.ruleLastPhase)) { try s.reduce(.nextPhase, world.env) }
        #expect(s.principleIndex == 0 && s.phase == .wrapUp)
        #expect(SessionRejection(.ruleLastPhase).reason.text(.da).contains("Ctrl-N"))
        let effects = try s.reduce(.nextPrinciple, world.env)
        #expect(s.principleIndex == 1)
        #expect(s.phase == .present)
        #expect(effects.count == 3)
        // The principle left is kept with its phase, for a restart or another terminal.
        #expect(effects.first == .saveLeftProgress(tableId: s.table.id, principleId: s.principleIds[0],
                                                   TableProgress(principleIndex: 0, phase: .wrapUp,
                                                                 timer: TimerState(durationSeconds: s.vision.principles[0].minutes * 60))))
        #expect(effects.last == .loadPrinciple(tableId: s.table.id, principleId: s.principleIds[1]))
        #expect(s.timer.durationSeconds == s.vision.principles[1].minutes * 60)
        #expect(throws: SessionRejection(.ruleFirstPhase)) { try s.reduce(.previousPhase, world.env) }
        #expect(s.principleIndex == 1 && s.phase == .present)
        try s.reduce(.goToPrinciple(4), world.env)
        #expect(throws: SessionRejection(.ruleNoPrinciple)) { try s.reduce(.nextPrinciple, world.env) }
        #expect(s.principleIndex == 4)
        try s.reduce(.previousPrinciple, world.env)
        #expect(s.principleIndex == 3)
    }

    @Test func loadedNotesReplaceThePage() throws {
        var s = try Fixtures.session(world)
        _ = try add(&s, "gammel")
        try s.reduce(.nextPrinciple, world.env)
        #expect(s.notes.isEmpty)
        let other = Note(id: UUID(), tableId: s.table.id, principleId: s.principleIds[1], kind: .idea,
                         text: "fra disken", createdAt: world.now)
        try s.reduce(.loaded(notes: [other], agreement: AgreementTally(agree: 3)), world.env)
        #expect(s.visibleNotes == [other])
        #expect(s.agreement.agree == 3)
    }

    @Test func agreementTalliesAreSavedAndNeverNegative() throws {
        var s = try Fixtures.session(world)
        let tally = AgreementTally(agree: 5, partly: 2, disagree: 1, dontKnow: 0)
        let effects = try s.reduce(.setAgreement(tally), world.env)
        #expect(effects == [.saveAgreement(tableId: s.table.id, principleId: s.principleIds[0], tally)])
        #expect(s.agreement.total == 8)
        #expect(throws: SessionRejection(.ruleNegative)) {
            try s.reduce(.setAgreement(AgreementTally(agree: -1)), world.env)
        }
    }
}
