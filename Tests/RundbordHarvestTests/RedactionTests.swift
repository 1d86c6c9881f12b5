import Foundation
import Testing
import RundbordCore
import RundbordStore
@testable import RundbordHarvest

/// Names of participants who may not be named, written in free text, leave
/// every format; the organiser may keep one deliberately, never when anonymous.
@Suite struct RedactionTests {
    static let options = HarvestOptions(language: .da, generatedAt: Date(timeIntervalSince1970: 1_730_970_000))

    static func texts(_ doc: HarvestDocument) throws -> [ExportFormat: String] {
        var settings = Fixture.settings()
        settings.excel = false
        var out: [ExportFormat: String] = [:]
        for format in [ExportFormat.md, .txt, .csv, .initiativesCSV, .json, .mailtext] {
            out[format] = String(decoding: try Exporter.render(doc, format, settings: settings), as: UTF8.self)
        }
        return out
    }

    @Test func namesInNotesOwnersHorizonsHostsAndCurationAreReplacedUnlessKept() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        var input = try HarvestInput.read(from: fixture.store)
        let bo = try #require(input.participants.first { $0.name == Fixture.unnamed })
        let table = input.tables[0]
        let at = Date(timeIntervalSince1970: 1_730_900_000)
        let initiative = Note(id: UUID(), tableId: table.id, principleId: table.principleIds[0], kind: .initiative,
                              text: "Bo Hemmeligsens idé om kantiner, støttet af \(Fixture.named)", createdAt: at,
                              funding: .unclear, owner: "BH", horizon: "Når bo hemmeligsen har tid", dots: 1)
        let quote = Note(id: UUID(), tableId: table.id, principleId: table.principleIds[0], kind: .quote,
                         text: "bo  HEMMELIGSEN siger nej", createdAt: at.addingTimeInterval(1))
        input.notes += [initiative, quote]
        input.curation.aliases = [OwnerAlias(alias: "BH", canonical: "Bo Hemmeligsen", updatedAt: at)]
        input.curation.keyMessages = [KeyMessage(principleId: nil, text: "Tak til Bo Hemmeligsen", updatedAt: at)]
        input.tables[0].host = "Bo Hemmeligsen"

        let doc = try Harvest.build(input: input, options: Self.options)
        for (format, text) in try Self.texts(doc) {
            #expect(!text.contains("Hemmeligsen") && !text.contains("HEMMELIGSEN") && !text.contains("hemmeligsen"),
                    "\(format) names Bo")
        }
        let markdown = try Exporter.markdown(doc, Fixture.settings())
        #expect(markdown.contains("En deltagers idé om kantiner, støttet af \(Fixture.named)"), "\(markdown)")
        #expect(markdown.contains("Når en deltager har tid"))
        #expect(markdown.contains("Bordvært: En deltager."))
        // The initiative's text, horizon, the quote, the host, the key message (the alias is a lookup, not text).
        #expect(doc.privacy.namesReplaced == 5, "\(doc.privacy)")
        #expect(doc.privacy.namesKept == 0)

        // Kept deliberately in the quote: only there.
        input.keptNames = [KeptName(noteId: quote.id, participantId: bo.id)]
        let kept = try Harvest.build(input: input, options: Self.options)
        #expect(kept.notes.first { $0.id == quote.id }?.text == "bo  HEMMELIGSEN siger nej")
        #expect(kept.notes.first { $0.id == initiative.id }?.text.hasPrefix("En deltagers idé") == true)
        #expect(kept.privacy.namesKept == 1 && kept.privacy.namesReplaced == 4)

        // Anonymous: nobody, kept or consenting.
        var anonymous = Self.options
        anonymous.anonymous = true
        let none = try Harvest.build(input: input, options: anonymous)
        for (format, text) in try Self.texts(none) {
            #expect(!text.contains("HEMMELIGSEN") && !text.contains(Fixture.named), "\(format)")
        }
        #expect(none.privacy.namesKept == 0)
    }

    @Test func theOrganiserSeesWhatTheHarvestWillReplace() {
        let t = Date(timeIntervalSince1970: 0)
        let sofie = Participant(id: UUID(), name: "Sofie Krag", updatedAt: t)
        let anne = Participant(id: UUID(), name: "Anne Ørsted", mayBeNamed: true, updatedAt: t)
        let table = UUID()
        let a = Note(id: UUID(), tableId: table, principleId: "p1", kind: .initiative, text: "Anne Ørsted og sofie krag",
                     createdAt: t, owner: "Sofie Krag")
        let b = Note(id: UUID(), tableId: table, principleId: "p1", kind: .point, text: "Sofie Krags pointe", createdAt: t)
        var deleted = b
        deleted.id = UUID(); deleted.deletedAt = t
        let found = NameScan.scan([a, b, deleted], people: [sofie, anne], kept: [KeptName(noteId: b.id, participantId: sofie.id)])
        #expect(found.map(\.written) == ["sofie krag", "Sofie Krag", "Sofie Krags"])
        #expect(found.map(\.field) == [.text, .owner, .text])
        #expect(found.map(\.kept) == [false, false, true])
    }
}
