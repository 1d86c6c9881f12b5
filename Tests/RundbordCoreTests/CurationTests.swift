import Foundation
import PropertyBased
import Testing
@testable import RundbordCore

/// An evening at four tables, as the organiser finds it before curating.
struct CurationWorld {
    let vision: Vision
    let tables: [RoundTable]
    var notes: [Note] = []
    var clock = Date(timeIntervalSince1970: 1_730_880_000)

    init() throws {
        vision = try Fixtures.vision()
        tables = (1...4).map { n in
            RoundTable.new(id: UUID(uuid: (0xAA, UInt8(n), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), number: n,
                           vision: try! Fixtures.vision(), now: Date(timeIntervalSince1970: 1_730_880_000))
        }
    }

    var p: [String] { vision.principles.map(\.id) }

    @discardableResult
    mutating func add(_ table: Int, _ principle: Int, _ text: String, dots: Int = 0, owner: String? = nil,
                      kind: NoteKind = .initiative) -> Note {
        clock = clock.addingTimeInterval(60)
        let note = Note(id: UUID(uuid: (0xBB, UInt8(notes.count + 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                        tableId: tables[table - 1].id, principleId: p[principle], kind: kind, text: text,
                        createdAt: clock, funding: kind == .initiative ? .unclear : nil, owner: owner, dots: dots)
        notes.append(note)
        return note
    }

    static func evening() throws -> CurationWorld {
        var w = try CurationWorld()
        w.add(1, 0, "Inviter Preston-delegationen", dots: 5, owner: "ØKF")
        w.add(2, 0, "Inviter Preston-modellens folk", dots: 3, owner: "Økonomiforvaltningen")
        w.add(3, 1, "inviter  preston-delegationen", dots: 1)          // the same text: joined without asking
        w.add(1, 1, "Fælles indkøbsportal for små kooperativer", dots: 4)
        w.add(4, 2, "Lokaler til socialøkonomiske virksomheder", dots: 4)
        w.add(2, 2, "Kurser i kooperativ ledelse", dots: 2)
        w.add(3, 3, "Testnotat", dots: 0)
        w.add(4, 0, "Hvem ejer data?", kind: .question)
        return w
    }

    func curator(_ state: CurationState = CurationState()) -> Curator {
        Curator(vision: vision, tables: tables, notes: notes, state: state)
    }

    func id(_ text: String, _ c: Curator) -> UUID {
        c.initiatives.first { $0.text == text }!.id
    }
}

@Suite("Curation engine")
struct CurationTests {
    let now = Date(timeIntervalSince1970: 1_730_900_000)

    @Test func equalTextsAreOneInitiativeWithEveryTableKept() throws {
        let w = try CurationWorld.evening()
        let preston = w.curator().initiatives.first { $0.text == "Inviter Preston-delegationen" }!
        #expect(preston.tables == [1, 3])
        #expect(preston.dots == 6)
        #expect(preston.principleIds == [w.p[0], w.p[1]])
        #expect(w.curator().initiatives.count == 6, "the question is no initiative")
    }

    @Test func mergeSumsDotsKeepsEverySourceAndSplitIsIdentity() throws {
        var c = try CurationWorld.evening().curator()
        let w = try CurationWorld.evening()
        let before = c.initiatives
        let a = w.id("Inviter Preston-delegationen", c), b = w.id("Inviter Preston-modellens folk", c)
        let (merged, changes) = try c.merge([a, b], text: "Inviter folk fra Preston", now: now)
        c.apply(changes)
        let after = c.initiatives
        #expect(after.count == before.count - 1)
        let m = try c.initiative(merged)
        #expect(m.text == "Inviter folk fra Preston")
        #expect(m.mergeId == merged)
        #expect(m.dots == 9, "dots are summed: 5 + 1 + 3")
        #expect(Set(m.noteIds) == Set(before.filter { $0.id == a || $0.id == b }.flatMap(\.noteIds)))
        #expect(m.tables == [1, 2, 3])
        #expect(m.sources.map(\.text).contains("Inviter Preston-modellens folk"), "the original wording is kept")
        #expect(after.reduce(0) { $0 + $1.dots } == before.reduce(0) { $0 + $1.dots })

        // Merging the same again changes nothing (the old ids name the merged initiative).
        let again = try c.merge([a, b], text: nil, now: now)
        #expect(again.0 == merged && again.1 == [])

        c.apply(try c.split(merged, now: now.addingTimeInterval(5)))
        #expect(c.initiatives == before)
        let parts = c.initiatives
        #expect(c.wereSplitApart(parts.first { $0.id == a }!, parts.first { $0.id == b }!))
        #expect(!c.wereSplitApart(parts.first { $0.id == a }!, parts.last!))
    }

    @Test func aMergeOfAMergeSplitsBackToTheFirstMerge() throws {
        let w = try CurationWorld.evening()
        var c = w.curator()
        let a = w.id("Inviter Preston-delegationen", c), b = w.id("Inviter Preston-modellens folk", c)
        let d = w.id("Fælles indkøbsportal for små kooperativer", c)
        let (first, changes) = try c.merge([a, b], text: nil, now: now)
        c.apply(changes)
        let afterFirst = c.initiatives
        let (second, more) = try c.merge([first, d], text: "Preston og indkøb", now: now.addingTimeInterval(1))
        c.apply(more)
        #expect(try c.initiative(second).dots == 13)
        c.apply(try c.split(second, now: now.addingTimeInterval(2)))
        #expect(c.initiatives == afterFirst)
    }

    @Test func editsOfAMergedInitiativeStayOnTheMergeAndSplitGivesTheNotesBack() throws {
        let w = try CurationWorld.evening()
        var c = w.curator()
        let before = c.initiatives
        let a = w.id("Inviter Preston-delegationen", c), b = w.id("Inviter Preston-modellens folk", c)
        let (m, changes) = try c.merge([a, b], text: nil, now: now)
        c.apply(changes)
        c.apply(try c.set(m, InitiativeEdit(owner: .some("Kultur- og Fritidsforvaltningen"), cost: .some(250_000),
                                           decision: .political), now: now.addingTimeInterval(1)))
        let merged = try c.initiative(m)
        #expect(merged.owners == ["Kultur- og Fritidsforvaltningen"])
        #expect(merged.cost == 250_000 && merged.decision == .political)
        c.apply(try c.split(m, now: now.addingTimeInterval(2)))
        #expect(c.initiatives == before)
    }

    @Test func editingAnInitiativeEditsEveryNoteWithItsTextAndUndoRestoresThem() throws {
        let w = try CurationWorld.evening()
        var c = w.curator()
        let before = c.notes
        let a = w.id("Inviter Preston-delegationen", c)
        let changes = try c.set(a, InitiativeEdit(text: "Inviter Preston-delegationen til København",
                                                  cost: .some(40_000), decision: .administrative), now: now)
        #expect(changes.count == 2, "both tables' notes with the text")
        c.apply(changes)
        let edited = try c.initiative(a)
        #expect(edited.text == "Inviter Preston-delegationen til København" && edited.cost == 40_000)
        #expect(edited.decision == .administrative)
        c.apply(changes.reversed().map { $0.inverse(now: now.addingTimeInterval(1)) })
        #expect(c.notes.map(\.text) == before.map(\.text))
        #expect(c.notes.map(\.cost) == before.map(\.cost))
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let w = try CurationWorld.evening()
        let c = w.curator()
        let a = w.id("Inviter Preston-delegationen", c)
        func code(_ body: () throws -> Any) -> Int32? {
            do { _ = try body(); return nil } catch { return (error as? RundbordError)?.exitCode.rawValue ?? -1 }
        }
        #expect(code { try c.merge([a, UUID()], text: nil, now: now) } == 65, "unknown id")
        #expect(code { try c.merge([a, a], text: nil, now: now) } == 64, "with itself")
        #expect(code { try c.merge([a], text: nil, now: now) } == 64, "one alone")
        #expect(code { try c.split(a, now: now) } == 65, "never merged")
        #expect(code { try c.set(a, InitiativeEdit(cost: .some(-5)), now: now) } == 65)
        #expect(code { try c.set(a, InitiativeEdit(text: "  \n "), now: now) } == 64)
        #expect(code { try c.move(UUID(), principleId: nil, tableId: nil, now: now) } == 65)
        #expect(code { try c.move(w.notes[0].id, principleId: "nope", tableId: nil, now: now) } == 64)
        #expect(code { try c.alias(canonical: "ØKF", ["økf"], now: now) } == 64)
        #expect(code { try c.keyMessage("nope", text: "x", now: now) } == 64)
    }

    @Test func ownerAliasesGiveOneCanonicalOwner() throws {
        let w = try CurationWorld.evening()
        var c = w.curator()
        c.apply(try c.alias(canonical: "Økonomiforvaltningen", ["ØKF", "Økonomi-forvaltningen"], now: now))
        let a = w.id("Inviter Preston-delegationen", c), b = w.id("Inviter Preston-modellens folk", c)
        #expect(try c.initiative(a).owners == ["Økonomiforvaltningen"])
        let (m, changes) = try c.merge([a, b], text: nil, now: now)
        c.apply(changes)
        #expect(try c.initiative(m).owners == ["Økonomiforvaltningen"], "two spellings, one owner")
        // Turning it round ("ØKF" canonical) never loops.
        c.apply(try c.alias(canonical: "ØKF", ["Økonomiforvaltningen"], now: now.addingTimeInterval(1)))
        #expect(try c.initiative(m).owners == ["ØKF"])
        #expect(c.state.canonicalOwner("Økonomi-forvaltningen") == "ØKF")
        // Undoing an alias's creation leaves it pointing at itself.
        let undo = CurationChange.alias(before: nil, after: OwnerAlias(alias: "X", canonical: "Y", updatedAt: now)).inverse(now: now)
        guard case .alias(_, let restored) = undo else { Issue.record("not an alias"); return }
        #expect(!restored.isActive)
    }

    @Test func moveIsARevisionThatUndoes() throws {
        let w = try CurationWorld.evening()
        var c = w.curator()
        let test = w.notes[6]
        let changes = try c.move(test.id, principleId: w.p[0], tableId: w.tables[1].id, now: now)
        c.apply(changes)
        let moved = c.notes.first { $0.id == test.id }!
        #expect(moved.principleId == w.p[0] && moved.tableId == w.tables[1].id && moved.editedAt == now)
        #expect(try c.move(test.id, principleId: w.p[0], tableId: nil, now: now) == [], "already there")
        c.apply(changes.map { $0.inverse(now: now.addingTimeInterval(1)) })
        let back = c.notes.first { $0.id == test.id }!
        #expect(back.principleId == test.principleId && back.tableId == test.tableId)
    }

    @Test func keyMessagesPerPrincipleAndForTheEvent() throws {
        let w = try CurationWorld.evening()
        var c = w.curator()
        c.apply(try c.keyMessage(nil, text: "Kommunen skal købe lokalt.", now: now))
        c.apply(try c.keyMessage(w.p[1], text: "  Fælles indkøb  \r\n  først ", now: now))
        #expect(c.state.keyMessage(nil) == "Kommunen skal købe lokalt.")
        #expect(c.state.keyMessage(w.p[1]) == "Fælles indkøb  \n  først")
        #expect(c.state.keyMessage(w.p[0]) == nil)
        c.apply(try c.keyMessage(nil, text: "", now: now))
        #expect(c.state.keyMessage(nil) == nil)
    }

    @Test func rankingSharesPlacesOnTiesAndLeavesZeroDotsUnranked() {
        let t0 = Date(timeIntervalSince1970: 0)
        var keys = [Ranking.Key(dots: 9, tables: 3, first: t0, id: "a"),
                    Ranking.Key(dots: 9, tables: 1, first: t0, id: "b"),
                    Ranking.Key(dots: 5, tables: 2, first: t0, id: "c")]
        for i in 0..<7 { keys.append(Ranking.Key(dots: 2, tables: 1, first: t0.addingTimeInterval(Double(i)), id: "t\(i)")) }
        keys.append(Ranking.Key(dots: 0, tables: 1, first: t0, id: "z"))
        let ranked = Ranking.rank(keys.reversed(), totalTables: 4)
        #expect(ranked.map(\.rank.number) == Array(1...11))
        let texts = ranked.map { $0.rank.placeText(.da) }
        #expect(texts == ["1.", "2.", "3.", "4.–10.", "4.–10.", "4.–10.", "4.–10.", "4.–10.", "4.–10.", "4.–10.", nil])
        #expect(ranked[3].rank.placeText(.en) == "4–10")
        #expect(ranked[0].rank.supportText(.da) == "støttet af 3 af 4 borde")
        #expect(ranked[1].rank.supportText(.en) == "supported by 1 of 4 tables")
    }

    @Test func costsAreWholeKroner() {
        #expect(Curation.parseCost("250000") == 250_000)
        #expect(Curation.parseCost("250.000") == 250_000)
        #expect(Curation.parseCost("1 250 000 kr.") == 1_250_000)
        #expect(Curation.parseCost("0") == 0)
        for bad in ["", "kr", "mange", "25,5", "2.50", "-100", "250.00.000", "1e6", "٣٠٠"] {
            #expect(Curation.parseCost(bad) == nil, "\(bad)")
        }
        #expect(Curation.costText(250_000, .da) == "ca. 250.000 kr.")
        #expect(Curation.costText(1_250_000, .en) == "approx. DKK 1,250,000")
        #expect(Curation.costText(900, .da) == "ca. 900 kr.")
    }

    @Test func idsAreTypedAsShortPrefixes() throws {
        let ids = [UUID(uuidString: "ABCDEF01-0000-0000-0000-000000000000")!,
                   UUID(uuidString: "ABCD9999-0000-0000-0000-000000000000")!]
        #expect(try Curation.resolve("abcdef", among: ids) == ids[0])
        #expect(Curation.shortId(ids[1]) == "abcd9999")
        #expect(throws: RundbordError.self) { try Curation.resolve("abcd", among: ids) }
        #expect(throws: RundbordError.self) { try Curation.resolve("ab", among: ids) }
        #expect(throws: RundbordError.self) { try Curation.resolve("ffff", among: ids) }
    }

    @Test func catalogueIsComplete() {
        #expect(Catalogue.problems(CurationText.self) == [])
    }
}

/// Invariants over random sequences of merges, splits, edits and moves.
@Suite("Curation engine properties")
struct CurationPropertyTests {
    /// Applies the action `n` picks; refused actions are skipped (the engine throws, nothing changes).
    static func step(_ n: Int, _ c: inout Curator, _ now: Date) -> [CurationChange] {
        let ids = c.initiatives.map(\.id)
        guard !ids.isEmpty else { return [] }
        let a = ids[(n / 8) % ids.count], b = ids[(n / 64) % ids.count]
        let changes: [CurationChange]?
        switch n % 8 {
        case 0, 1, 2: changes = try? c.merge([a, b], text: n % 3 == 0 ? "Samlet \(n % 5)" : nil, now: now).1
        case 3: changes = try? c.split(a, now: now)
        case 4: changes = try? c.set(a, InitiativeEdit(owner: .some("Ejer \(n % 3)"), cost: .some(n % 1000)), now: now)
        case 5: changes = try? c.alias(canonical: "Ejer \(n % 3)", ["Ejer \((n / 3) % 3)"], now: now)
        case 6:
            let note = c.notes[(n / 8) % c.notes.count]
            changes = try? c.move(note.id, principleId: c.vision.principles[(n / 16) % c.vision.principles.count].id,
                                  tableId: nil, now: now)
        default: changes = try? c.set(a, InitiativeEdit(decision: InitiativeDecision.allCases[n % 3]), now: now)
        }
        c.apply(changes ?? [])
        return changes ?? []
    }

    @Test func dotsAreConservedAndEveryNoteIsInExactlyOneInitiative() async throws {
        let w = try CurationWorld.evening()
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...30)) { numbers in
            var c = w.curator()
            var now = Date(timeIntervalSince1970: 1_730_900_000)
            for n in numbers {
                now = now.addingTimeInterval(1)
                _ = Self.step(n, &c, now)
                let live = c.notes.filter { $0.isInitiative && !$0.isDeleted }
                let initiatives = c.initiatives
                #expect(initiatives.reduce(0) { $0 + $1.dots } == live.reduce(0) { $0 + $1.dots })
                let sourced = initiatives.flatMap(\.noteIds)
                #expect(sourced.count == live.count && Set(sourced) == Set(live.map(\.id)), "provenance is complete")
            }
        }
    }

    @Test func undoingEveryChangeGivesTheEveningBack() async throws {
        let w = try CurationWorld.evening()
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...25)) { numbers in
            var c = w.curator()
            let before = c.initiatives
            var now = Date(timeIntervalSince1970: 1_730_900_000)
            var done: [[CurationChange]] = []
            for n in numbers {
                now = now.addingTimeInterval(1)
                done.append(Self.step(n, &c, now))
            }
            for changes in done.reversed() {
                now = now.addingTimeInterval(1)
                c.apply(changes.reversed().map { $0.inverse(now: now) })
            }
            #expect(c.initiatives == before)
        }
    }

    @Test func undoThenRedoIsIdentityInACurationSession() async throws {
        let w = try CurationWorld.evening()
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...20)) { numbers in
            var session = CurationSession(curator: w.curator())
            let start = session.curator.initiatives
            var now = Date(timeIntervalSince1970: 1_730_900_000)
            for n in numbers {
                now = now.addingTimeInterval(1)
                var probe = session.curator
                session.record(Self.step(n, &probe, now))
            }
            let done = session.curator.initiatives
            let steps = session.undoStack.count
            for _ in 0..<steps { now = now.addingTimeInterval(1); _ = try? session.undo(now: now) }
            #expect(session.curator.initiatives == start)
            for _ in 0..<steps { now = now.addingTimeInterval(1); _ = try? session.redo(now: now) }
            #expect(session.curator.initiatives == done)
            #expect(throws: RundbordError.self) { try session.redo(now: now) }
        }
    }
}
