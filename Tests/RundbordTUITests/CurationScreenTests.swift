import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordStore
import Testing
@testable import RundbordTUI

extension TempEvent {
    /// Four tables' initiatives as an organiser finds them after the evening:
    /// one initiative said in other words at two tables, two owner spellings,
    /// a pair of near-duplicates, and one filed under the wrong principle.
    static func curationScene() throws -> TempEvent {
        let event = try TempEvent(tables: 4)
        try event.initiative(table: 1, principle: 0, "Inviter Preston-delegationen", owner: "ØKF", dots: 3)
        try event.initiative(table: 2, principle: 0, "Invitér en delegation fra Preston", owner: "Økonomiforvaltningen", dots: 2)
        try event.initiative(table: 2, principle: 2, "Kurser i kooperativ ledelse", dots: 1)
        try event.initiative(table: 4, principle: 2, "Kursusforløb i ledelse af kooperativer")
        try event.initiative(table: 3, principle: 0, "Praktikpladser i socialøkonomiske virksomheder")
        return event
    }

    /// An initiative written at `table` under principle `principle` (from 0), as another terminal writes it.
    func initiative(table: Int, principle: Int, _ text: String, owner: String? = nil, dots: Int = 0) throws {
        let other = try EventStore.open(path: path)
        defer { other.close() }
        var session = try other.session(tableNumber: table)
        if principle > 0 { _ = try other.perform(try session.reduce(.goToPrinciple(principle), world.env), now: world.now) }
        session = try other.session(tableNumber: table)
        _ = try other.perform(try session.reduce(.addNote(text: text, kind: .initiative, speakerId: nil, speakerOrganisation: nil),
                                                 world.env), now: world.now)
        let id = try #require(session.visibleNotes.last?.id)
        if let owner { _ = try other.perform(try session.reduce(.setOwner(id, owner), world.env), now: world.now) }
        if dots > 0 { _ = try other.perform(try session.reduce(.setDots(id, dots), world.env), now: world.now) }
        if principle > 0 { _ = try other.perform(try session.reduce(.goToPrinciple(0), world.env), now: world.now) }
    }
}

extension TableApp {
    /// Selects the row of the curation screen's current tab for which `matches` holds.
    func selectCurationRow(where matches: (Int) -> Bool) {
        guard let screen = state.curation else { return }
        let count = AppUpdate.curationRowCount(screen)
        guard let target = (0..<count).first(where: matches) else { return }
        while (state.curation?.row ?? 0) < target { press(.selectDown) }
        while (state.curation?.row ?? 0) > target { press(.selectUp) }
    }

    func selectInitiative(_ text: String) {
        selectCurationRow { self.state.curation?.curator?.ranked[$0].initiative.text == text }
    }
}

@Suite struct CurationScreenTests {
    func texts(_ event: TempEvent) throws -> [String] {
        try event.store.curator().initiatives.map(\.text).sorted()
    }

    /// The organiser's whole curation from the dashboard, each step read back from the file.
    @Test func theOrganiserCuratesTheHarvestInTheScreenAlone() throws {
        let event = try TempEvent.curationScene()
        let (app, backend) = try event.dashboardApp()
        app.press(.curationScreen)
        #expect(backend.text.contains("Indsatser (5)"), "\(backend.text)")
        #expect(backend.text.contains("Forslag (2)"))

        // A suggestion merged with Enter: one initiative, both notes kept, dots summed.
        app.press(.nextTab)
        #expect(backend.text.contains("fælles: inviter, preston, delegationen/delegation"), "\(backend.text)")
        app.press(.editItem)
        var merged = try #require(try event.store.curator().initiatives.first { $0.mergeId != nil })
        #expect(merged.sources.count == 2 && merged.dots == 5 && merged.tables == [1, 2])
        #expect(app.state.message?.text.hasPrefix("Lagt sammen: 2 indsatser") == true)
        // Undo and redo act on the file, and say what they took back.
        app.press(.undo)
        #expect(try event.store.curator().initiatives.count == 5)
        #expect(app.state.message?.text.hasPrefix("Fortrudt: Lagt sammen") == true, "\(app.state.message?.text ?? "")")
        app.press(.redo)
        #expect(try event.store.curator().initiatives.count == 4)

        // The merged initiative edited: its text, an estimated cost, the decision it needs.
        app.press(.previousTab)
        app.selectInitiative(merged.text)
        app.press(.editItem)
        app.press(.deleteToStart)
        app.type("Inviter en delegation fra Preston")
        app.press(.nextField, .nextField, .nextField, .nextField)
        app.type("mange penge")
        app.press(.saveForm)
        #expect(app.state.message?.isError == true && app.state.curation?.form != nil, "a cost that is not kroner is refused")
        #expect(try event.store.curator().initiative(merged.id).cost == nil, "and nothing is saved")
        app.press(.deleteToStart)
        app.type("250.000")
        app.press(.nextField, .nextValue, .saveForm)
        merged = try event.store.curator().initiative(merged.id)
        #expect(merged.text == "Inviter en delegation fra Preston" && merged.cost == 250_000 && merged.decision == .political)
        #expect(backend.text.replacingOccurrences(of: "\u{00A0}", with: " ").contains("ca. 250.000 kr."), "\(backend.text)")

        // Two marked initiatives merged with m, then split back exactly.
        let before = try texts(event)
        app.selectInitiative("Kursusforløb i ledelse af kooperativer")
        app.press(.markItem)
        app.selectInitiative("Kurser i kooperativ ledelse")
        app.press(.mergeMarked)
        #expect(try texts(event).count == 3)
        app.selectInitiative("Kurser i kooperativ ledelse")
        app.press(.splitItem)
        #expect(try texts(event) == before)

        // Two owner spellings become one.
        app.press(.nextTab, .nextTab)
        app.selectCurationRow { app.state.curation?.curator?.ownerCounts[$0].owner == "ØKF" }
        app.press(.markItem)
        app.selectCurationRow { app.state.curation?.curator?.ownerCounts[$0].owner == "Økonomiforvaltningen" }
        app.press(.editItem)
        #expect(try event.store.curator().ownerCounts.map(\.owner) == ["Økonomiforvaltningen"])

        // Key messages: the event's and a principle's.
        app.press(.nextTab, .editItem)
        app.type("Kommunen skal købe lokalt og lære af Preston.")
        app.press(.saveForm, .selectDown, .editItem)
        app.type("Rummelighed kræver")
        app.press(.newline)
        app.type("flere praktikpladser.")
        app.press(.saveForm)
        let vision = try event.store.event().vision
        #expect(try event.store.curation().keyMessage(nil) == "Kommunen skal købe lokalt og lære af Preston.")
        #expect(try event.store.curation().keyMessage(vision.principles[0].id) == "Rummelighed kræver\nflere praktikpladser.")

        // The event's details: next steps, sender, a link; a bad link is refused with its line.
        app.press(.nextTab, .editItem)
        app.type("ØKF lægger en sag for udvalget i marts.")
        app.press(.nextField)
        app.type("Eva Ærø")
        app.press(.nextField)
        app.type("eva@kk.example")
        app.press(.nextField)
        app.type("politiker@kk.example, ikke en adresse")
        app.press(.nextField)
        app.type("Nyheden | www.kk.dk")
        app.press(.saveForm)
        #expect(app.state.message?.text.contains("»ikke en adresse«") == true, "\(app.state.message?.text ?? "")")
        #expect(app.state.curation?.form?.focused.role == .recipients)
        app.press(.deleteToStart)
        app.type("politiker@kk.example; sekre@rådet.dk")
        app.press(.saveForm)
        #expect(app.state.message?.text.contains("linje 1") == true, "\(app.state.message?.text ?? "")")
        #expect(try event.store.event().nextSteps.isEmpty)
        app.press(.deleteToStart)
        app.type("Nyheden | https://www.kk.dk/nyhed")
        app.press(.saveForm)
        let details = try event.store.event()
        #expect(details.nextSteps == "ØKF lægger en sag for udvalget i marts." && details.organiser == "Eva Ærø")
        #expect(details.organiserEmail == "eva@kk.example" && details.links == [EventLink(title: "Nyheden", url: "https://www.kk.dk/nyhed")])
        #expect(details.extraRecipients == ["politiker@kk.example", "sekre@rådet.dk"])
        #expect(backend.text.contains("politiker@kk.example"), "the event tab shows who else the mail goes to")
        app.press(.back)
        #expect(app.state.screen == .dashboard)
    }

    /// With the mail chosen, the harvest screen says who it is addressed to:
    /// the organiser and the event's extra recipients; the participants as Bcc.
    @Test func theHarvestScreenSaysWhoTheMailGoesTo() throws {
        let event = try TempEvent.curationScene()
        var details = try event.store.event()
        details.organiserEmail = "okf@kk.example"
        details.extraRecipients = ["politiker@kk.example", "sekretariat@rådet.dk"]
        try event.store.save(event: details)
        let (app, backend) = try event.dashboardApp(width: 120, height: 40)
        app.press(.harvestScreen)
        #expect(app.state.harvest?.mailTo == ["okf@kk.example", "politiker@kk.example", "sekretariat@rådet.dk"])
        let panel = HarvestScreen.panelWidth(app.state.size) - 1
        func flat() -> String { backend.lines.map { $0.prefix(panel).trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
        if app.state.harvest?.chosen.contains(.eml) == true {
            #expect(flat().contains("Mailen til:"))
        } else {
            #expect(!flat().contains("Mailen til:"), "said only with the mail chosen")
            let row = try #require(HarvestState.formats.firstIndex(of: .eml))
            for _ in 0..<row { app.press(.selectDown) }
            app.press(.toggleOption)
        }
        #expect(flat().contains("Mailen til: okf@kk.example, politiker@kk.example, sekretariat@rådet.dk (deltagerne: Bcc)"),
                "\(backend.text)")
    }

    @Test func theHarvestAsksBeforeExportingWithoutNextSteps() throws {
        let event = try TempEvent.curationScene()
        let (app, backend) = try event.dashboardApp()
        app.press(.harvestScreen)
        let flat = backend.lines.map { $0.prefix(28).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("⚠ Næste skridt er ikke skrevet — k: Kuratér › Arrangement"), "\(backend.text)")
        app.press(.export)
        let md = event.directory.appendingPathComponent("test.md").path
        #expect(!FileManager.default.fileExists(atPath: md), "the first Enter only warns")
        #expect(app.state.message?.text.contains("Enter igen") == true)
        // k writes them first: the curation screen opens on its event tab's form.
        app.press(.curationScreen)
        #expect(app.state.screen == .curation)
        app.press(.previousTab, .editItem)
        app.type("Udvalget behandler forslagene i marts.")
        app.press(.saveForm, .back)
        #expect(app.state.screen == .harvest && app.state.harvest?.nextStepsMissing == false)
        #expect(!backend.text.contains("Næste skridt er ikke"))
        app.press(.export)
        #expect(FileManager.default.fileExists(atPath: md))
        #expect(try String(contentsOfFile: md, encoding: .utf8).contains("Udvalget behandler forslagene i marts."))
    }

    /// A note filed under the wrong principle is moved from the table's own screen, and Ctrl-Z puts it back.
    @Test func aMisfiledNoteIsMovedFromTheTableScreen() throws {
        let event = try TempEvent(tables: 3)
        let (app, backend) = try event.app(table: 1)
        app.type("Praktikpladser i socialøkonomiske virksomheder")
        app.press(.saveNote, .selectUp, .moveNote)
        #expect(backend.text.contains("Flyt »Praktikpladser"), "\(backend.text)")
        app.press(.selectDown, .selectDown, .confirmNumber)   // principle 4
        let vision = try event.store.event().vision
        let moved = try #require(try event.store.allNotes().first)
        #expect(moved.principleId == vision.principles[3].id)
        #expect(app.state.session.visibleNotes.isEmpty)
        #expect(app.state.message?.text.hasPrefix("Flyttet: »Praktikpladser") == true)
        #expect(app.state.message?.text.contains("princip 4") == true)
        app.press(.undo)
        #expect(try event.store.allNotes().first?.principleId == vision.principles[0].id)
        #expect(app.state.session.visibleNotes.map(\.text) == ["Praktikpladser i socialøkonomiske virksomheder"])
        // To another table, at the same principle.
        app.press(.selectUp, .moveNote)
        for _ in 0..<4 { app.press(.selectDown) }   // past principles 2–5: table 2
        app.press(.confirmNumber)
        let table2 = try event.store.table(number: 2)
        #expect(try event.store.allNotes().first?.tableId == table2.id)
        // Without a selected note Alt-m says how.
        app.press(.moveNote)
        #expect(app.state.moving == nil && app.state.message?.isError == true)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func curationScreen(width: Int, height: Int) throws {
        let event = try TempEvent.curationScene()
        let (app, backend) = try event.dashboardApp(width: width, height: height)
        app.press(.curationScreen)
        expectSnapshot(backend, "curation-\(width)x\(height)")
        app.press(.nextTab)
        expectSnapshot(backend, "curation-suggestions-\(width)x\(height)")
        app.press(.previousTab, .editItem)
        expectSnapshot(backend, "curation-form-\(width)x\(height)")
    }
}
