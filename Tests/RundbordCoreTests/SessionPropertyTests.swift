import Foundation
import RundbordTestSupport
import PropertyBased
import Testing
@testable import RundbordCore

/// Invariants of the engine over random sequences of actions. A sequence is
/// a list of random numbers decoded into actions, so failures shrink.
@Suite("Session engine properties")
struct SessionPropertyTests {
    static let texts = ["Pointe æøå", "!Indsats ÆØÅ", "?Spørgsmål", "+Idé", "-Bekymring", "\"Citat", "  "]

    /// Decodes `n` into an action on the session's current notes.
    static func action(_ n: Int, _ s: TableSession) -> SessionAction {
        let ids = s.notes.map(\.id)
        let target = ids.isEmpty ? UUID() : ids[(n / 16) % ids.count]
        let amount = (n / 256) % 13 - 6
        switch n % 16 {
        case 0, 1, 2: return .addNote(text: texts[(n / 16) % texts.count], kind: nil, speakerId: nil, speakerOrganisation: nil)
        case 3: return .editNote(target, text: "rettet \(amount)")
        case 4: return .retag(target, NoteKind.allCases[abs(amount) % NoteKind.allCases.count])
        case 5: return .cycleKind(target)
        case 6: return .deleteNote(target)
        case 7: return .restoreNote(target)
        case 8: return .attribute(target, speakerId: nil, organisation: amount > 0 ? "FRAK" : nil)
        case 9: return .setFunding(target, FundingClass.allCases[abs(amount) % 3])
        case 10: return .setOwner(target, amount > 0 ? "Københavns Kommune" : nil)
        case 11: return .setDots(target, amount)
        case 12: return .adjustDots(target, amount)
        case 13: return .undo
        case 14: return .redo
        default: return .setHorizon(target, amount > 0 ? "2025" : "")
        }
    }

    static func run(_ numbers: [Int], _ world: TestWorld) throws -> TableSession {
        var s = try Fixtures.session(world)
        for n in numbers {
            world.advance(1)
            _ = try? s.reduce(action(n, s), world.env)
        }
        return s
    }

    /// What a person sees of a note: everything but the edit time.
    static func content(_ s: TableSession) -> [String] {
        s.notes.map { n in
            "\(n.id) \(n.kind) \(n.text) \(n.isDeleted) \(String(describing: n.speakerOrganisation)) \(String(describing: n.funding)) \(String(describing: n.owner)) \(String(describing: n.horizon)) \(n.dots)"
        }
    }

    @Test func undoThenRedoIsIdentity() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...40)) { numbers in
            let world = TestWorld()
            guard var s = try? Self.run(numbers, world) else { Issue.record("fixture"); return }
            let before = Self.content(s)
            let depth = s.undoStack.count
            for _ in 0..<depth { try? s.reduce(.undo, world.env) }
            #expect(s.visibleNotes.isEmpty, "undoing everything leaves no visible note")
            for _ in 0..<depth { try? s.reduce(.redo, world.env) }
            #expect(Self.content(s) == before)
        }
    }

    @Test func dotsAreNeverNegative() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...60)) { numbers in
            guard let s = try? Self.run(numbers, TestWorld()) else { Issue.record("fixture"); return }
            #expect(s.notes.allSatisfy { $0.dots >= 0 })
        }
    }

    @Test func refusedActionsLeaveTheStateUnchanged() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...30)) { numbers in
            let world = TestWorld()
            guard var s = try? Self.run(numbers, world) else { Issue.record("fixture"); return }
            for n in numbers.prefix(10) {
                let before = s
                do { _ = try s.reduce(Self.action(n, s), world.env) } catch {
                    #expect(s == before)
                }
            }
        }
    }
}
