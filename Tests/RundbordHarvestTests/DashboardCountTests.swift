import Foundation
import Testing
import RundbordCore
import RundbordStore
@testable import RundbordHarvest

/// The dashboard and the harvest count the same initiatives: proposals with
/// the same words at several tables, and the organiser's merges, are one.
@Suite struct DashboardCountTests {
    @Test func theDashboardCountsInitiativesAsTheHarvestDoes() throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let snapshot = try fixture.store.dashboard()
        let doc = try fixture.document()
        #expect(snapshot.initiatives == doc.counts.initiatives)
        #expect(snapshot.initiatives == 18)
        // The proposals are more: the same initiative was proposed at several tables.
        #expect(snapshot.total(kind: .initiative) > snapshot.initiatives)
        // The JSON's agreementTotal.tablesReporting counts tables, not tables × principles.
        #expect(doc.agreementTotal.tablesReporting == 4)
        #expect(doc.agreementTotal.total > 0)
    }
}
