import Foundation
import RundbordCore
import RundbordStore
import RundbordTestSupport
import RundbordTUI
import Testing

/// Issue #16, item 7: a table-principle with more than 2,000 notes showed
/// "Notater (2000)" and the older notes could not be reached. Every note is
/// counted, and PgUp goes back to the very first.
@Suite struct ManyNotesTests {
    @Test func everyNoteOfAPrincipleWithMoreThan2000IsCountedAndReachable() throws {
        let event = try TempEvent()
        let table = try event.store.table(number: 1)
        let principle = try #require(table.currentPrincipleId)
        let count = 2_150
        let notes = (1...count).map { i in
            Note(id: event.world.newId(), tableId: table.id, principleId: principle, kind: .point,
                 text: "Notat nummer \(i) om fællesskab", createdAt: event.world.now.addingTimeInterval(Double(i - count * 2)))
        }
        try event.store.save(notes: notes)
        let (app, backend) = try event.app()
        #expect(backend.text.contains("Notater (\(count))"), "\(backend.text)")
        #expect(backend.text.contains("Notat nummer \(count) om"))
        var presses = 0
        while !backend.text.contains("Notat nummer 1 om") && presses < count / 5 {
            app.press(.pageUp)
            presses += 1
        }
        #expect(backend.text.contains("Notat nummer 1 om"), "the oldest note was not reached after \(presses) × PgUp")
        #expect(app.state.session.visibleCount == count)
    }
}
