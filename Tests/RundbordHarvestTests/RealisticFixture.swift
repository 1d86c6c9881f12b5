import Foundation
import RundbordCore
import RundbordStore
@testable import RundbordHarvest

/// The realistic evening of Tests/Fixtures/realistic-event.json: four tables,
/// sixteen organisations, about 150 notes in ordinary Danish, participants of
/// whom some did not agree to be named, initiatives proposed at several tables.
/// It is the event the harvest is read against as a council member would read it.
struct RealisticFixture {
    let directory: URL
    let path: String
    let store: EventStore

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/realistic-event.json").standardizedFileURL

    struct Data: Decodable {
        struct EventData: Decodable {
            var title, date, venue, organiser, organiserEmail, nextSteps: String
            var links: [EventLink]
        }
        struct Person: Decodable {
            var name, organisation, email: String
            var table: Int
            var named: Bool
        }
        struct Initiative: Decodable {
            var i: String
            var funding: FundingClass?
            var owner: String?
            var dots: Int
            var horizon: String?
            var by: String?
            var cost: Int?
            var decision: InitiativeDecision?
        }
        enum Item: Decodable {
            case note(String), initiative(Initiative)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .note(s) } else { self = .initiative(try c.decode(Initiative.self)) }
            }
        }
        struct PrincipleData: Decodable {
            var principle: Int
            var agreement: [Int]
            var notes: [Item]
        }
        struct TableData: Decodable {
            var number: Int
            var name, host, noteTaker: String
            var principles: [PrincipleData]
        }
        struct Alias: Decodable {
            var canonical: String
            var aliases: [String]
        }
        struct CurationData: Decodable {
            /// "" is the event's key message, "1"… a principle's.
            var keyMessages: [String: String]
            var aliases: [Alias]
        }
        var event: EventData
        var participants: [Person]
        var tables: [TableData]
        var curation: CurationData
    }

    static let start = Date(timeIntervalSince1970: 1_730_912_400) // 2024-11-06 17:00 UTC

    init() throws {
        let data = try JSONDecoder().decode(Data.self, from: Foundation.Data(contentsOf: Self.file))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rundbord-realistic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("raadhus.rundbord").path
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let e = data.event
        let event = Event(id: UUID(uuidString: "6D1F0C2A-3B4E-4F50-9A61-7C8D9E0F1A2B")!, title: e.title, date: e.date,
                          venue: e.venue, organiser: e.organiser, organiserEmail: e.organiserEmail, language: "da",
                          vision: vision, links: e.links, attachments: [EventAttachment(name: vision.attachment)],
                          nextSteps: e.nextSteps, createdAt: Self.start)
        store = try EventStore.create(path: path, event: event, tableCount: data.tables.count, now: Self.start)

        let people = data.participants.enumerated().map { i, p in
            Participant(id: Self.uuid(1, i), name: p.name, organisation: p.organisation, email: p.email,
                        tableNumber: p.table, mayBeNamed: p.named, updatedAt: Self.start)
        }
        try store.save(participants: people)
        let byName = Dictionary(uniqueKeysWithValues: people.map { ($0.name, $0.id) })

        let tables = try store.tables()
        var notes: [Note] = []
        var clock = Self.start
        for t in data.tables {
            guard var table = tables.first(where: { $0.number == t.number }) else { continue }
            table.name = t.name; table.host = t.host; table.noteTaker = t.noteTaker
            try store.save(table: table)
            for p in t.principles {
                let principleId = vision.principles[p.principle - 1].id
                for item in p.notes {
                    clock = clock.addingTimeInterval(37)
                    let id = Self.uuid(2, notes.count)
                    switch item {
                    case .note(let line):
                        var text = line
                        var speakerId: UUID?, organisation: String?
                        if let range = text.range(of: " ~ ", options: .backwards) {
                            let who = String(text[range.upperBound...])
                            text = String(text[..<range.lowerBound])
                            if who.hasPrefix("@") { organisation = String(who.dropFirst()) } else { speakerId = byName[who] }
                        }
                        let (kind, body) = vision.kindFromPrefix(text) ?? (.point, text)
                        notes.append(Note(id: id, tableId: table.id, principleId: principleId, kind: kind,
                                          text: kind == .quote ? "\"" + body : body, speakerId: speakerId,
                                          speakerOrganisation: organisation, createdAt: clock))
                    case .initiative(let i):
                        let by = i.by
                        notes.append(Note(id: id, tableId: table.id, principleId: principleId, kind: .initiative,
                                          text: i.i, speakerId: by.flatMap { byName[$0] },
                                          speakerOrganisation: by.flatMap { $0.hasPrefix("@") ? String($0.dropFirst()) : nil },
                                          createdAt: clock, funding: i.funding, owner: i.owner, horizon: i.horizon, dots: i.dots,
                                          cost: i.cost, decision: i.decision ?? .undecided))
                    }
                }
                let a = p.agreement
                try store.save(agreement: AgreementTally(agree: a[0], partly: a[1], disagree: a[2], dontKnow: a[3]),
                               tableId: table.id, principleId: principleId, now: clock)
            }
        }
        try store.save(notes: notes)

        // The organiser's curation, through the curation engine as the screens do it.
        for (scope, text) in data.curation.keyMessages.sorted(by: { $0.key < $1.key }) {
            let principleId = Int(scope).map { vision.principles[$0 - 1].id }
            try store.apply(try store.curator().keyMessage(principleId, text: text, now: clock), now: clock)
        }
        for alias in data.curation.aliases {
            try store.apply(try store.curator().alias(canonical: alias.canonical, alias.aliases, now: clock), now: clock)
        }
    }

    /// Stable ids, so the exports are the same from run to run.
    static func uuid(_ kind: Int, _ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8%03X-%012X", kind, n))!
    }

    func cleanUp() {
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func document(language: Language = .da, anonymous: Bool = false) throws -> HarvestDocument {
        try Harvest.build(store: store, options: HarvestOptions(anonymous: anonymous, language: language,
                                                                generatedAt: Date(timeIntervalSince1970: 1_730_970_000)))
    }
}
