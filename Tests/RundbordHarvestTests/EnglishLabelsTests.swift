import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// `--lang en` of a Danish event: English labels for kinds, funding and
/// agreement; the vision's own words (title, principles) as written.
@Suite struct EnglishLabelsTests {
    @Test func anEnglishHarvestOfADanishEventHasEnglishLabelsAndTheVisionAsWritten() throws {
        let fixture = try RealisticFixture()
        defer { fixture.cleanUp() }
        let en = try fixture.document(language: .en)
        #expect(en.funding.map(\.label) == ["Needs funding", "Can start now", "Unclear"])
        #expect(en.agreementLabels[.dontKnow] == "Don't know")
        #expect(Set(en.notes.map(\.kindLabel)).isSubset(of: ["Point", "Idea", "Concern", "Question", "Quote", "Initiative"]))
        #expect(en.principles.first?.title == "Vi vil skabe et rummeligt og inkluderende erhvervsliv og arbejdsmarked")
        let settings = ExportSettings(templates: HarvestTemplates(library: .init(), language: .en))
        let text = try Exporter.markdown(en, settings) + Exporter.printText(en, settings) + Exporter.mailBody(en, settings)
            + Exporter.briefText(en, settings)
        for danish in ["Kræver finansiering", "Kan sættes i gang nu", "Uafklaret", "Bekymring", "Spørgsmål", "Delvist enig", "Ved ikke"] {
            #expect(!text.contains(danish), "\(danish) in the English harvest")
        }
        // The Danish harvest keeps the vision's own labels.
        let da = try fixture.document(language: .da)
        #expect(da.funding.map(\.label) == ["Kræver finansiering", "Kan sættes i gang nu", "Uafklaret"])
        #expect(Catalogue.problems(LabelText.self) == [])
    }
}
