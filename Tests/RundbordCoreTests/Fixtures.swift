import Foundation
import RundbordTestSupport
@testable import RundbordCore

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
