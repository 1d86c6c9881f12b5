import Foundation
import RundbordTestSupport
import PropertyBased
import Testing
@testable import RundbordCore
@testable import RundbordStore

@Suite("Store properties")
struct SummaryPropertyTests {
    /// Whatever notes the tables take, the event's totals are the sum of the tables'.
    @Test func totalsEqualTheSumOfTheTables() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...1_000_000).array(of: 0...40)) { numbers in
            let folder = TempFolder()
            guard let store = try? makeEvent(folder, tables: 3) else { Issue.record("fixture"); return }
            for n in numbers {
                guard var s = try? store.session(tableNumber: n % 3 + 1, principleIndex: (n / 3) % 5) else { continue }
                let text = ["a", "!b", "?c", "+d"][(n / 15) % 4]
                _ = try? store.perform(try s.reduce(.addNote(text: text, kind: nil, speakerId: nil, speakerOrganisation: nil), .live))
                if let i = s.initiatives.last, n % 2 == 0 {
                    _ = try? store.perform(try s.reduce(.setDots(i.id, (n / 60) % 9), .live))
                }
                if n % 7 == 0, let last = s.visibleNotes.last {
                    _ = try? store.perform(try s.reduce(.deleteNote(last.id), .live))
                }
            }
            guard let summary = try? store.summary(), let live = try? store.allNotes() else { Issue.record("read"); return }
            #expect(summary.total == live.count)
            #expect((1...3).map { summary.total(table: $0) }.reduce(0, +) == summary.total)
            #expect(NoteKind.allCases.map { summary.total(kind: $0) }.reduce(0, +) == summary.total)
            #expect(summary.dots.values.reduce(0, +) == live.map(\.dots).reduce(0, +))
            let byPrinciple = summary.notesByPrinciple.values.flatMap(\.values).reduce(0, +)
            #expect(byPrinciple == summary.total)
        }
    }
}
