import Foundation
import RundbordTestSupport
import Testing
import RundbordCore
import RundbordStore
@testable import RundbordHarvest

/// Builds a realistic event through the store and the session engine, as the
/// table screens would: four tables, named and unnamed participants, many
/// speakers, initiatives with funding, owners and dots (one proposed at two
/// tables in different case and spacing), shows of hands, next steps, a
/// link, an attachment file, and notes written to break every export.
struct Fixture {
    let directory: URL
    let path: String
    let store: EventStore
    /// Initiative texts with their expected summed dots, for the ranking checks.
    static let mergedInitiativeTable1 = "**Fælles** indkøbspulje for <b>socialøkonomiske</b> leverandører"
    static let mergedInitiativeTable3 = "**fælles**   INDKØBSPULJE for <b>socialøkonomiske</b>  leverandører"

    /// Notes whose text would break Markdown, a CSV, a terminal or a header if passed through raw.
    static let hostileNotes: [String] = [
        "# Ikke en overskrift\n\n1. ikke en liste\n- heller ikke en liste\n> ikke et citat",
        "*stjerne* _understregning_ **fed** `kode` ``` ~~~ ~~slettet~~",
        "<script>alert('x')</script> &amp; &copy; <b>fed</b> <!-- kommentar -->",
        "[klik her](javascript:alert(1)) ![billede](x.png) <http://evil.example> [ref]: http://x",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Mellemrum til sidst  \nnæste linje\\",
        "    indrykket kode?\n\n\n    mere indrykket",
        "Setext\n===\nog\n---",
        "=SUM(A1:A9)",
        "+45 12 34 56 78",
        "-minus i starten",
        "@kommando",
        "Linje med\r\nCRLF og \u{1B}[31mESC\u{1B}[0m og \u{7}klokke",
        "1) også ikke en liste",
        "Æblegrød, øl og Ålborg — «citat» 🎉 中文 straße",
        "\\*ikke\\* escapet _ \\ og en backslash til sidst\\",
    ]

    static let named = "Anne Ørsted"
    static let unnamed = "Bo Hemmeligsen"
    static let hostileName = "Mallory\r\nBcc: evil@attacker.example"
    static let organiser = "Økonomiforvaltningen\r\nBcc: evil@attacker.example"
    static let nextSteps = "ØKF udarbejder en samlet sag til ØU med opsamling og anbefalinger.\n\nSagen forventes forelagt for ØU primo 2025.\n# ikke en overskrift"

    /// The event is built once per test run (through the engine, which takes
    /// a while with every write synced) and copied for each test, so tests
    /// can change their copy freely.
    nonisolated(unsafe) static let built: Result<URL, any Error> = Result { try Fixture(building: ()).finish() }

    init() throws {
        let source = try Self.built.get()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundbord-harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("event.rundbord").path
        // The file and its write-ahead log, if closing left one, are the event.
        for suffix in ["", "-wal"] {
            let from = source.appendingPathComponent("event.rundbord" + suffix).path
            if FileManager.default.fileExists(atPath: from) {
                try FileManager.default.copyItem(atPath: from, toPath: path + suffix)
            }
        }
        store = try EventStore.open(path: path)
    }

    /// Closes the built event (merging its write-ahead log into the file) and returns its folder.
    private func finish() throws -> URL {
        store.close()
        builtFolder = directory.path
        atexit { if let folder = builtFolder { try? FileManager.default.removeItem(atPath: folder) } }
        return directory
    }

    private init(building: Void) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundbord-harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("event.rundbord").path
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let start = Date(timeIntervalSince1970: 1_730_880_000) // 2024-11-06 08:00 UTC
        let event = Event(id: UUID(), title: "Fælles Værdier, Fælles Vækst – rundbordssamtaler", date: "2024-11-06",
                          venue: "Festsalen, Københavns Rådhus", organiser: Self.organiser,
                          organiserEmail: "okf@kk.example", language: "da", vision: vision,
                          createdAt: start)
        store = try EventStore.create(path: path, event: event, tableCount: 4, now: start)

        // The vision paper the mail attaches.
        let paper = directory.appendingPathComponent("Visionspapir – Fælles Værdier.pdf")
        try Data("%PDF-1.4\n% not a real PDF, bytes for the attachment\n".utf8).write(to: paper)
        var saved = try store.event()
        saved.attachments = [EventAttachment(name: "Bilag 1: Visionspapir", path: paper.path),
                             EventAttachment(name: "Bilag 2: Program")]
        saved.links = [EventLink(title: "Nyhed om arrangementet", url: "https://www.kk.example/nyheder/raadet"),
                       EventLink(title: "Farligt link", url: "javascript:alert(1)")]
        saved.nextSteps = Self.nextSteps
        try store.save(event: saved)

        let people = [
            Participant(id: UUID(), name: Self.named, organisation: "Kooperationen", email: "anne@example.dk",
                        tableNumber: 1, mayBeNamed: true, updatedAt: start),
            Participant(id: UUID(), name: Self.unnamed, organisation: "Hemmelig Forening", email: "bo@example.dk",
                        tableNumber: 2, mayBeNamed: false, updatedAt: start),
            Participant(id: UUID(), name: Self.hostileName, organisation: "Kaffe Karma", email: "mallory@example.com",
                        tableNumber: 3, mayBeNamed: true, updatedAt: start),
            Participant(id: UUID(), name: "Carla Ünal", organisation: "Merkur Andelskasse", email: "",
                        tableNumber: 4, mayBeNamed: true, updatedAt: start),
            Participant(id: UUID(), name: "Dorte Dobbelt", organisation: "", email: "ANNE@example.dk",
                        tableNumber: 4, mayBeNamed: false, updatedAt: start),
            Participant(id: UUID(), name: "Erik Ugyldig", organisation: "", email: "ikke en adresse",
                        tableNumber: 4, mayBeNamed: true, updatedAt: start),
        ]
        try store.save(participants: people)
        let anne = people[0].id, bo = people[1].id, mallory = people[2].id, carla = people[3].id

        let clock = TestWorld(now: start)
        let env = SessionEnvironment(now: { clock.now }, newId: { UUID() })
        func tick() { clock.advance(30) }

        /// Runs `actions` at table `t`, principle `p` (0-based) through the engine and the store.
        func at(_ t: Int, _ p: Int, _ body: ((SessionAction) throws -> Note?) throws -> Void) throws {
            var session = try store.session(tableNumber: t, principleIndex: p)
            try body { action in
                tick()
                let effects = try session.reduce(action, env)
                for follow in try store.perform(effects) { try store.perform(try session.reduce(follow, env)) }
                if case .saveNote(let n)? = effects.last { return n }
                return nil
            }
        }
        func initiative(_ t: Int, _ p: Int, _ text: String, funding: FundingClass?, owner: String?, dots: Int,
                        horizon: String? = nil) throws {
            try at(t, p) { run in
                guard let n = try run(.addNote(text: text, kind: .initiative, speakerId: nil, speakerOrganisation: nil)) else { return }
                if let funding { _ = try run(.setFunding(n.id, funding)) }
                if let owner { _ = try run(.setOwner(n.id, owner)) }
                if let horizon { _ = try run(.setHorizon(n.id, horizon)) }
                _ = try run(.setDots(n.id, dots))
            }
        }

        // Principle 1 at every table: points, concerns, questions, quotes.
        try at(1, 0) { run in
            _ = try run(.addNote(text: "Faste job frem for midlertidige ansættelser", kind: nil, speakerId: anne, speakerOrganisation: nil))
            _ = try run(.addNote(text: "? Hvem betaler for jobkonsulenterne", kind: nil, speakerId: bo, speakerOrganisation: nil))
            _ = try run(.addNote(text: "Fleksible arbejdstider hjælper sårbare grupper", kind: .point, speakerId: nil, speakerOrganisation: "Fiktiv Forening ApS"))
            _ = try run(.setAgreement(AgreementTally(agree: 5, partly: 2, disagree: 0, dontKnow: 1)))
        }
        try at(2, 0) { run in
            _ = try run(.addNote(text: "Medbestemmelse skal gælde alle ansatte", kind: .point, speakerId: bo, speakerOrganisation: nil))
            _ = try run(.addNote(text: "Risiko for at sårbare presses ud", kind: .concern, speakerId: nil, speakerOrganisation: nil))
            _ = try run(.setAgreement(AgreementTally(agree: 3, partly: 3, disagree: 1, dontKnow: 0)))
        }
        try at(3, 0) { run in
            _ = try run(.addNote(text: "Vi ansætter allerede fleksjobbere", kind: .quote, speakerId: mallory, speakerOrganisation: nil))
            _ = try run(.setAgreement(AgreementTally(agree: 6, partly: 0, disagree: 0, dontKnow: 0)))
        }
        // Hostile notes spread over tables and principles, credited to many speakers.
        let speakers: [UUID?] = [anne, bo, mallory, carla, nil]
        for (i, text) in Self.hostileNotes.enumerated() {
            let table = i % 4 + 1
            let principle = i % 5
            let kind = NoteKind.allCases.filter { $0 != .initiative }[i % 5]
            try at(table, principle) { run in
                _ = try run(.addNote(text: text, kind: kind, speakerId: speakers[i % speakers.count], speakerOrganisation: nil))
            }
        }
        // A note deleted at the table never reaches the harvest.
        try at(4, 1) { run in
            if let n = try run(.addNote(text: "SLETTET NOTAT", kind: .point, speakerId: nil, speakerOrganisation: nil)) {
                _ = try run(.deleteNote(n.id))
            }
            _ = try run(.setAgreement(AgreementTally(agree: 2, partly: 4, disagree: 1, dontKnow: 1)))
        }

        // Initiatives: one proposed at tables 1 and 3 (merged, 9 + 4 dots), others single.
        try initiative(1, 1, Self.mergedInitiativeTable1, funding: .needsFunding, owner: "Københavns Kommune", dots: 9, horizon: "2025")
        try initiative(3, 1, Self.mergedInitiativeTable3, funding: .unclear, owner: "københavns  kommune", dots: 4)
        try initiative(2, 0, "Mentorordning mellem kooperativer og nye iværksættere", funding: .canStartNow, owner: "Kooperationen", dots: 11)
        try initiative(2, 2, "Kursus for revisorer i kooperative selskabsformer", funding: .needsFunding, owner: "Merkur Andelskasse", dots: 6)
        try initiative(4, 3, "Årlig messe for socialøkonomiske virksomheder på Rådhuspladsen", funding: .needsFunding, owner: nil, dots: 6)
        try initiative(4, 4, "Studietur til Mondragon og Bologna", funding: nil, owner: nil, dots: 2)
        try initiative(1, 4, "=HYPERLINK(\"http://evil\")\n1. *Delegation* | fra Barcelona", funding: .canStartNow, owner: "Selveje Danmark <admin@x>", dots: 3)
        try initiative(3, 3, "Synlighedskampagne med fælles mærke", funding: .canStartNow, owner: "Kooperativt København", dots: 0)
        // A disputed class: two tables say different definite things.
        try initiative(1, 2, "Netværk for socialøkonomiske iværksættere", funding: .needsFunding, owner: nil, dots: 2)
        try initiative(2, 2, "netværk for socialøkonomiske iværksættere", funding: .canStartNow, owner: nil, dots: 1)
    }

    func cleanUp() {
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func document(tables: Set<Int>? = nil, anonymous: Bool = false, language: Language = .da) throws -> HarvestDocument {
        try Harvest.build(store: store, options: HarvestOptions(tables: tables, anonymous: anonymous, language: language,
                                                                generatedAt: Date(timeIntervalSince1970: 1_730_970_000)))
    }

    static func settings(_ language: Language = .da, width: Int = 80, library: TemplateLibrary = TemplateLibrary()) -> ExportSettings {
        ExportSettings(width: width, templates: HarvestTemplates(library: library, language: language),
                       messageId: "fixed-id@kk.example", boundary: "=_rundbord_test_boundary")
    }
}

/// The folder of the event built once, removed when the test process exits.
nonisolated(unsafe) private var builtFolder: String?

