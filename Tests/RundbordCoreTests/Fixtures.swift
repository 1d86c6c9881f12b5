import Foundation
@testable import RundbordCore

/// A fixed clock and counting ids, so every rule is tested deterministically.
final class TestWorld: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_730_880_000) // 2024-11-06
    var counter: UInt8 = 0
    let lock = NSLock()

    var env: SessionEnvironment {
        SessionEnvironment(now: { [self] in lock.withLock { now } },
                           newId: { [self] in
                               lock.withLock {
                                   counter += 1
                                   return UUID(uuid: (counter, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                               }
                           })
    }

    func advance(_ seconds: Double) { lock.withLock { now = now.addingTimeInterval(seconds) } }
}

enum Fixtures {
    static func vision() throws -> Vision {
        try TemplateLibrary().vision(TemplateLibrary.defaultName)
    }

    static func session(_ world: TestWorld) throws -> TableSession {
        let vision = try vision()
        let table = RoundTable.new(id: UUID(uuid: (0xAA, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                                   number: 1, vision: vision, now: world.now)
        return TableSession(vision: vision, table: table)
    }
}
