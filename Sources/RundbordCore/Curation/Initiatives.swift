import Foundation

/// One note an initiative came from: kept whole through merges (provenance).
public struct InitiativeSource: Sendable, Equatable, Codable {
    public var noteId: UUID
    public var tableId: UUID
    public var table: Int
    public var principleId: String
    public var text: String
    public var dots: Int
    public var funding: FundingClass?
    public var owner: String?
    public var horizon: String?
    public var cost: Int?
    public var decision: InitiativeDecision
    public var createdAt: Date
}

/// An initiative as the harvest shows it: the notes with the same text (any
/// table, any principle) and the merges the organiser confirmed, joined.
public struct CuratedInitiative: Sendable, Equatable {
    /// The merge's id when the organiser merged it, else its first note's id.
    public var id: UUID
    /// Set when the organiser merged it (what `split` undoes).
    public var mergeId: UUID?
    public var text: String
    /// Dots summed over every source note.
    public var dots: Int
    /// Table numbers that proposed it, ascending.
    public var tables: [Int]
    /// Principle ids it was proposed under, in the vision's order.
    public var principleIds: [String]
    public var funding: FundingClass
    /// True when the sources class the funding differently (shown as unclear).
    public var fundingDisputed: Bool
    /// Owners in their canonical spelling (aliases applied), distinct.
    public var owners: [String]
    public var horizons: [String]
    /// Estimated cost in whole kroner, when known.
    public var cost: Int?
    public var decision: InitiativeDecision
    /// Every source note, oldest first.
    public var sources: [InitiativeSource]
    /// When it was first proposed.
    public var firstProposed: Date

    public var noteIds: [UUID] { sources.map(\.noteId) }
}

/// An initiative with its place in the ranking.
public struct RankedCuratedInitiative: Sendable, Equatable {
    public var initiative: CuratedInitiative
    public var rank: InitiativeRank
}

public enum Curation {
    /// Two texts name the same initiative when they are equal ignoring case and runs of white space.
    public static func textKey(_ text: String) -> String {
        CaseFold.caseInsensitive(CaseFold.collapsingWhitespace(text))
    }

    /// Owners compare like texts, and also ignoring accents' composition (NFC).
    public static func ownerKey(_ owner: String) -> String {
        textKey(owner.precomposedStringWithCanonicalMapping)
    }

    /// The event's initiatives: live initiative notes of `tables`, joined by
    /// equal text and by the organiser's active merges, in order of first proposal.
    /// Two active merges that share a note (made on two laptops) join too; the
    /// later-edited merge gives the text.
    public static func initiatives(notes: [Note], tables: [RoundTable], state: CurationState,
                                   principleOrder: [String]) -> [CuratedInitiative] {
        let tableNumber = Dictionary(tables.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        let live = notes.filter { $0.isInitiative && !$0.isDeleted && tableNumber[$0.tableId] != nil }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id.uuidString < $1.id.uuidString }
        let index = Dictionary(live.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var parent = Array(live.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) } // the earlier note stays the root
        }
        var byText: [String: Int] = [:]
        for (i, note) in live.enumerated() {
            let key = textKey(note.text)
            if let first = byText[key] { union(first, i) } else { byText[key] = i }
        }
        let tops = topLevelMerges(state)
        var mergesOfRoot: [Int: [InitiativeMerge]] = [:]
        var mergeNotes: [UUID: [Int]] = [:]
        for merge in tops {
            let members = expandedNotes(merge, state).compactMap { index[$0] }
            mergeNotes[merge.id] = members
            for i in members.dropFirst() { union(members[0], i) }
        }
        for merge in tops {
            guard let first = mergeNotes[merge.id]?.first else { continue }
            mergesOfRoot[find(first), default: []].append(merge)
        }
        var groups: [Int: [Note]] = [:]
        var roots: [Int] = []
        for (i, note) in live.enumerated() {
            let r = find(i)
            if groups[r] == nil { roots.append(r) }
            groups[r, default: []].append(note)
        }
        let principleRank = Dictionary(principleOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return roots.map { root in
            let these = groups[root]!
            let merge = mergesOfRoot[root]?.max {
                !LatestWins.wins($0.updatedAt, $0.fingerprint, over: $1.updatedAt, $1.fingerprint)
            }
            return build(these, merge: merge, tableNumber: tableNumber, state: state, principleRank: principleRank)
        }
    }

    /// Active merges that no other active merge contains.
    static func topLevelMerges(_ state: CurationState) -> [InitiativeMerge] {
        let active = state.merges.filter(\.isActive)
        let contained = Set(active.flatMap(\.members))
        return active.filter { !contained.contains($0.id) }
            .sorted { $0.id.uuidString < $1.id.uuidString }
    }

    /// The note ids a merge joins, through the merges it contains.
    static func expandedNotes(_ merge: InitiativeMerge, _ state: CurationState) -> [UUID] {
        var out: [UUID] = []
        var seen: Set<UUID> = [merge.id]
        var queue = merge.members
        while let id = queue.popLast() {
            guard seen.insert(id).inserted else { continue }
            if let inner = state.merge(id: id) { queue.append(contentsOf: inner.members) } else { out.append(id) }
        }
        return out.sorted { $0.uuidString < $1.uuidString }
    }

    static func build(_ notes: [Note], merge: InitiativeMerge?, tableNumber: [UUID: Int], state: CurationState,
                      principleRank: [String: Int]) -> CuratedInitiative {
        let sources = notes.map { n in
            InitiativeSource(noteId: n.id, tableId: n.tableId, table: tableNumber[n.tableId] ?? 0,
                             principleId: n.principleId, text: n.text, dots: n.dots, funding: n.funding,
                             owner: n.owner, horizon: n.horizon, cost: n.cost, decision: n.decision,
                             createdAt: n.createdAt)
        }
        let overrides = merge?.overrides ?? [:]
        // Funding: one definite class wins over "unclear"; two different ones are a dispute, shown as unclear.
        let definite = Set(sources.compactMap(\.funding).filter { $0 != .unclear })
        var funding: FundingClass = definite.count == 1 ? definite.first! : .unclear
        var disputed = definite.count > 1
        if let set = overrides[.funding] {
            funding = FundingClass(rawValue: set) ?? .unclear
            disputed = false
        }
        func distinct(_ texts: [String]) -> [String] {
            var seen = Set<String>()
            return texts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && seen.insert(ownerKey($0)).inserted }
        }
        let owners = overrides[.owner].map { $0.isEmpty ? [] : [$0] } ?? sources.compactMap(\.owner)
        let horizons = overrides[.horizon].map { $0.isEmpty ? [] : [$0] } ?? sources.compactMap(\.horizon)
        let costs = Set(sources.compactMap(\.cost))
        let cost = overrides[.cost].map { Int($0) } ?? (costs.count == 1 ? costs.first : nil)
        // The strongest need wins: a political decision over an administrative one.
        let derivedDecision: InitiativeDecision = sources.contains { $0.decision == .political } ? .political
            : sources.contains { $0.decision == .administrative } ? .administrative : .undecided
        let decision = overrides[.decision].flatMap(InitiativeDecision.init(rawValue:)) ?? derivedDecision
        let principles = Array(Set(sources.map(\.principleId))).sorted {
            (principleRank[$0] ?? Int.max, $0) < (principleRank[$1] ?? Int.max, $1)
        }
        return CuratedInitiative(
            id: merge?.id ?? notes[0].id, mergeId: merge?.id, text: merge?.text ?? notes[0].text,
            dots: sources.reduce(0) { $0 + $1.dots }, tables: Array(Set(sources.map(\.table))).sorted(),
            principleIds: principles, funding: funding, fundingDisputed: disputed,
            owners: distinct(owners.map(state.canonicalOwner)), horizons: distinct(horizons),
            cost: cost, decision: decision, sources: sources, firstProposed: notes[0].createdAt)
    }

    /// The initiatives ranked (see `Ranking`).
    public static func ranked(notes: [Note], tables: [RoundTable], state: CurationState,
                              principleOrder: [String]) -> [RankedCuratedInitiative] {
        let all = initiatives(notes: notes, tables: tables, state: state, principleOrder: principleOrder)
        return Ranking.rank(all.map { Ranking.Key(dots: $0.dots, tables: $0.tables.count, first: $0.firstProposed,
                                                  id: $0.id.uuidString) }, totalTables: tables.count)
            .map { RankedCuratedInitiative(initiative: all[$0.index], rank: $0.rank) }
    }
}

/// An initiative's number and place. `number` ("Nr.") is unique and the same
/// in every section and format; `place` is shared by initiatives tied on
/// dots and tables ("4.–10."); an initiative with no dots has no place.
public struct InitiativeRank: Sendable, Equatable, Codable {
    public var number: Int
    /// The first and last place of its tie group; nil with 0 dots.
    public var place: ClosedRange<Int>?
    /// How many tables proposed it, of how many.
    public var tables: Int
    public var totalTables: Int

    public init(number: Int, place: ClosedRange<Int>?, tables: Int, totalTables: Int) {
        self.number = number; self.place = place; self.tables = tables; self.totalTables = totalTables
    }

    /// "4." or "4.–10." (Danish); "4" or "4–10" (English); nil when not ranked.
    public func placeText(_ language: Language) -> String? {
        guard let place else { return nil }
        let dot = language == .da ? "." : ""
        return place.count == 1 ? "\(place.lowerBound)\(dot)" : "\(place.lowerBound)\(dot)–\(place.upperBound)\(dot)"
    }

    /// "støttet af 3 af 4 borde".
    public func supportText(_ language: Language) -> String {
        CurationText.supportedBy.text(language, tables, totalTables)
    }
}

/// The one ranking every screen and export uses.
public enum Ranking {
    public struct Key: Sendable, Equatable {
        public var dots: Int
        public var tables: Int
        public var first: Date
        public var id: String
        public init(dots: Int, tables: Int, first: Date, id: String) {
            self.dots = dots; self.tables = tables; self.first = first; self.id = id
        }
    }

    /// Orders by dots, then by how many tables proposed it, then by first
    /// proposal (then id). Numbers run 1…n in that order; initiatives equal on
    /// dots and tables share a place; 0 dots has no place. Returns the input
    /// indexes in ranking order with their rank.
    public static func rank(_ keys: [Key], totalTables: Int) -> [(index: Int, rank: InitiativeRank)] {
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.dots != y.dots { return x.dots > y.dots }
            if x.tables != y.tables { return x.tables > y.tables }
            if x.first != y.first { return x.first < y.first }
            return x.id < y.id
        }
        var out: [(index: Int, rank: InitiativeRank)] = []
        var start = 0
        while start < order.count {
            let head = keys[order[start]]
            var end = start
            while end + 1 < order.count, keys[order[end + 1]].dots == head.dots, keys[order[end + 1]].tables == head.tables {
                end += 1
            }
            for position in start...end {
                let key = keys[order[position]]
                out.append((order[position], InitiativeRank(
                    number: position + 1, place: head.dots > 0 ? (start + 1)...(end + 1) : nil,
                    tables: key.tables, totalTables: totalTables)))
            }
            start = end + 1
        }
        return out
    }
}
