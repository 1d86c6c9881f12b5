import Foundation

/// One reversible curation change. Nothing is deleted: undoing the creation
/// of a merge splits it, of an alias points the alias at itself, of a key
/// message empties it, so laptop merges never bring an undone thing back.
public enum CurationChange: Sendable, Equatable {
    case note(NoteChange)
    case merge(before: InitiativeMerge?, after: InitiativeMerge)
    case alias(before: OwnerAlias?, after: OwnerAlias)
    case keyMessage(before: KeyMessage?, after: KeyMessage)

    /// The change that undoes this one, stamped `now` (so it wins a later laptop merge).
    public func inverse(now: Date) -> CurationChange {
        switch self {
        case let .note(change):
            var restored = change.before ?? { var n = change.after; n.deletedAt = now; return n }()
            restored.editedAt = now
            return .note(NoteChange(before: change.after, after: restored))
        case let .merge(before, after):
            var restored = before ?? { var m = after; m.splitAt = now; return m }()
            restored.updatedAt = now
            return .merge(before: after, after: restored)
        case let .alias(before, after):
            var restored = before ?? OwnerAlias(alias: after.alias, canonical: after.alias, updatedAt: now)
            restored.updatedAt = now
            return .alias(before: after, after: restored)
        case let .keyMessage(before, after):
            var restored = before ?? KeyMessage(principleId: after.principleId, text: "", updatedAt: now)
            restored.updatedAt = now
            return .keyMessage(before: after, after: restored)
        }
    }
}

/// What `set` changes on an initiative; nil leaves a field as it is.
/// For owner, horizon and cost, `.some(nil)` clears the field.
public struct InitiativeEdit: Sendable, Equatable {
    public var text: String?
    public var funding: FundingClass?
    public var owner: String??
    public var horizon: String??
    public var cost: Int??
    public var decision: InitiativeDecision?

    public init(text: String? = nil, funding: FundingClass? = nil, owner: String?? = nil, horizon: String?? = nil,
                cost: Int?? = nil, decision: InitiativeDecision? = nil) {
        self.text = text; self.funding = funding; self.owner = owner; self.horizon = horizon
        self.cost = cost; self.decision = decision
    }

    public var isEmpty: Bool { self == InitiativeEdit() }
}

/// The curation engine: computes the changes for an organiser's action from
/// the event as it is. Pure: the store applies the changes, a screen keeps
/// them for undo. A refused action throws and changes nothing.
public struct Curator: Sendable, Equatable {
    public var vision: Vision
    public var tables: [RoundTable]
    /// Every note of the event (deleted ones included).
    public var notes: [Note]
    public var state: CurationState

    public init(vision: Vision, tables: [RoundTable], notes: [Note], state: CurationState) {
        self.vision = vision; self.tables = tables; self.notes = notes; self.state = state
    }

    public var initiatives: [CuratedInitiative] {
        Curation.initiatives(notes: notes, tables: tables, state: state, principleOrder: vision.principles.map(\.id))
    }

    public var ranked: [RankedCuratedInitiative] {
        Curation.ranked(notes: notes, tables: tables, state: state, principleOrder: vision.principles.map(\.id))
    }

    /// The initiative with id `id`, or the one that now holds it: a note's id
    /// or an earlier merge's id names the initiative it was merged into, so a
    /// script that merges by the ids it saw gives the same result when run twice.
    public func initiative(_ id: UUID) throws(RundbordError) -> CuratedInitiative {
        let all = initiatives
        if let exact = all.first(where: { $0.id == id }) { return exact }
        if let holding = all.first(where: { $0.noteIds.contains(id) }) { return holding }
        if let merge = state.merge(id: id) {
            let notes = Set(Curation.expandedNotes(merge, state))
            if let holding = all.first(where: { !notes.isDisjoint(with: $0.noteIds) }) { return holding }
        }
        throw RundbordError(CurationText.unknownInitiative, [Curation.shortId(id)], exit: .dataError)
    }

    /// Every id `initiative(_:)` knows: initiatives, their notes and merges (for typed prefixes).
    public var knownIds: [UUID] {
        initiatives.flatMap { [$0.id] + $0.noteIds } + state.merges.map(\.id)
    }

    // MARK: Merge and split

    /// Merges the initiatives `ids` (at least two distinct) into one with `text`
    /// (default: the first one's text). Returns the merged initiative's id and
    /// the changes; merging what is already merged changes nothing.
    public func merge(_ ids: [UUID], text: String?, now: Date) throws(RundbordError) -> (UUID, [CurationChange]) {
        var chosen: [CuratedInitiative] = []
        for (i, id) in ids.enumerated() {
            if ids[..<i].contains(id) {
                throw RundbordError(CurationText.mergeWithItself, [Curation.shortId(id)], exit: .usage)
            }
            let found = try initiative(id)
            if !chosen.contains(where: { $0.id == found.id }) { chosen.append(found) }
        }
        guard ids.count >= 2 else { throw RundbordError(CurationText.mergeNeedsTwo, exit: .usage) }
        // Different ids of what is already one initiative (merged before): nothing to do.
        if chosen.count == 1 { return (chosen[0].id, []) }
        let body = try text.map { t throws(RundbordError) in try Self.cleanText(t) } ?? chosen[0].text
        let tops = Curation.topLevelMerges(state)
        var members: [UUID] = []
        for initiative in chosen {
            // Each initiative joins as the merges it is made of plus its notes no merge covers,
            // so splitting the new merge gives back exactly these initiatives.
            let noteIds = Set(initiative.noteIds)
            let inside = tops.filter { !Set(Curation.expandedNotes($0, state)).isDisjoint(with: noteIds) }
            let covered = Set(inside.flatMap { Curation.expandedNotes($0, state) })
            members += inside.map(\.id) + initiative.noteIds.filter { !covered.contains($0) }
        }
        var merged = InitiativeMerge(members: members, text: body, createdAt: now)
        if let existing = state.merge(id: merged.id) {
            if existing.isActive && text.map({ _ in existing.text == body }) ?? true { return (existing.id, []) }
            merged = existing
            merged.splitAt = nil
            merged.text = body
            merged.updatedAt = now
            return (merged.id, [.merge(before: existing, after: merged)])
        }
        return (merged.id, [.merge(before: nil, after: merged)])
    }

    /// Splits a merged initiative back into what was merged.
    public func split(_ id: UUID, now: Date) throws(RundbordError) -> [CurationChange] {
        let found = try initiative(id)
        guard found.mergeId != nil else {
            throw RundbordError(CurationText.notMerged, [Curation.shortId(id)], exit: .dataError)
        }
        // Every active merge that makes up this initiative (two laptops may each have made one).
        let noteIds = Set(found.noteIds)
        return Curation.topLevelMerges(state)
            .filter { !Set(Curation.expandedNotes($0, state)).isDisjoint(with: noteIds) }
            .map { merge in
                var after = merge
                after.splitAt = now
                after.updatedAt = now
                return .merge(before: merge, after: after)
            }
    }

    /// Whether the organiser merged initiatives `a` and `b` once and split
    /// them again: a "no, not the same" that suggestions respect.
    public func wereSplitApart(_ a: CuratedInitiative, _ b: CuratedInitiative) -> Bool {
        let left = Set(a.noteIds), right = Set(b.noteIds)
        return state.merges.contains { merge in
            guard !merge.isActive else { return false }
            let notes = Set(Curation.expandedNotes(merge, state))
            return !notes.isDisjoint(with: left) && !notes.isDisjoint(with: right)
        }
    }

    // MARK: Editing

    /// Edits an initiative: a merged one keeps the edit on its merge (so a
    /// split gives back the notes as they were); otherwise every note of it
    /// (the notes with its text) is edited, each a note revision.
    public func set(_ id: UUID, _ edit: InitiativeEdit, now: Date) throws(RundbordError) -> [CurationChange] {
        let found = try initiative(id)
        let text = try edit.text.map { t throws(RundbordError) in try Self.cleanText(t) }
        if let cost = edit.cost, let value = cost, value < 0 {
            throw RundbordError(CurationText.badCost, [value], exit: .dataError)
        }
        func line(_ value: String??) -> String?? { value.map { $0.flatMap(Self.oneLine) } }
        let owner = line(edit.owner), horizon = line(edit.horizon)
        if let mergeId = found.mergeId, let before = state.merge(id: mergeId) {
            var after = before
            if let text { after.text = text }
            if let funding = edit.funding { after.overrides[.funding] = funding.rawValue }
            if let owner { after.overrides[.owner] = owner ?? "" }
            if let horizon { after.overrides[.horizon] = horizon ?? "" }
            if let cost = edit.cost { after.overrides[.cost] = cost.map(String.init) ?? "" }
            if let decision = edit.decision { after.overrides[.decision] = decision.rawValue }
            guard after != before else { return [] }
            after.updatedAt = now
            return [.merge(before: before, after: after)]
        }
        let ids = Set(found.noteIds)
        return notes.filter { ids.contains($0.id) }.compactMap { before in
            var after = before
            if let text { after.text = text }
            if let funding = edit.funding { after.funding = funding }
            if let owner { after.owner = owner }
            if let horizon { after.horizon = horizon }
            if let cost = edit.cost { after.cost = cost }
            if let decision = edit.decision { after.decision = decision }
            guard after != before else { return nil }
            after.editedAt = now
            return .note(NoteChange(before: before, after: after))
        }
    }

    // MARK: Owners

    /// Every owner the initiatives name, in its canonical spelling (aliases
    /// applied), with how many initiatives name it; ordered by the folded spelling.
    public var ownerCounts: [(owner: String, count: Int)] {
        var counts: [String: (String, Int)] = [:]
        for initiative in initiatives {
            for owner in initiative.owners { counts[Curation.ownerKey(owner), default: (owner, 0)].1 += 1 }
        }
        return counts.keys.sorted().map { (counts[$0]!.0, counts[$0]!.1) }
    }

    /// Makes each of `aliases` another spelling of `canonical`.
    public func alias(canonical: String, _ aliases: [String], now: Date) throws(RundbordError) -> [CurationChange] {
        guard let target = Self.oneLine(canonical) else { throw RundbordError(CurationText.emptyOwner, exit: .usage) }
        let cleaned = aliases.map { Self.oneLine($0) }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0 != nil }) else {
            throw RundbordError(CurationText.emptyOwner, exit: .usage)
        }
        var changes: [CurationChange] = []
        // The canonical spelling is nobody's alias any more (else "A = B" then "B = A" would loop).
        if let existing = state.alias(key: Curation.ownerKey(target)), existing.isActive {
            changes.append(.alias(before: existing, after: OwnerAlias(alias: existing.alias, canonical: existing.alias, updatedAt: now)))
        }
        var seen: Set<String> = []
        for alias in cleaned.compactMap({ $0 }) {
            let key = Curation.ownerKey(alias)
            if key == Curation.ownerKey(target) {
                throw RundbordError(CurationText.aliasOfItself, [alias], exit: .usage)
            }
            guard seen.insert(key).inserted else { continue }
            let before = state.alias(key: key)
            let after = OwnerAlias(alias: alias, canonical: target, updatedAt: now)
            if let before, before.alias == after.alias, before.canonical == after.canonical { continue }
            changes.append(.alias(before: before, after: after))
        }
        return changes
    }

    // MARK: Moving a note

    /// Moves a note to another principle and/or table.
    public func move(_ noteId: UUID, principleId: String?, tableId: UUID?, now: Date) throws(RundbordError) -> [CurationChange] {
        guard let before = notes.first(where: { $0.id == noteId && !$0.isDeleted }) else {
            throw RundbordError(CurationText.unknownNote, [Curation.shortId(noteId)], exit: .dataError)
        }
        if let principleId, vision.principle(id: principleId) == nil {
            throw RundbordError(CurationText.unknownPrinciple, [principleId], exit: .usage)
        }
        if let tableId, !tables.contains(where: { $0.id == tableId }) {
            throw RundbordError(CurationText.unknownTable, [Curation.shortId(tableId)], exit: .usage)
        }
        var after = before
        if let principleId { after.principleId = principleId }
        if let tableId { after.tableId = tableId }
        guard after != before else { return [] }
        after.editedAt = now
        return [.note(NoteChange(before: before, after: after))]
    }

    // MARK: Key messages

    /// Writes the key message of a principle, or of the event (`principleId` nil); empty text removes it.
    public func keyMessage(_ principleId: String?, text: String, now: Date) throws(RundbordError) -> [CurationChange] {
        if let principleId, vision.principle(id: principleId) == nil {
            throw RundbordError(CurationText.unknownPrinciple, [principleId], exit: .usage)
        }
        let body = Sanitize.multiline(text).trimmingCharacters(in: .whitespacesAndNewlines)
        let before = state.keyMessages.first { $0.principleId == principleId }
        guard (before?.text ?? "") != body else { return [] }
        return [.keyMessage(before: before, after: KeyMessage(principleId: principleId, text: body, updatedAt: now))]
    }

    // MARK: Applying

    /// The event after `changes` (what the store will hold once it saves them).
    public mutating func apply(_ changes: [CurationChange]) {
        for change in changes {
            switch change {
            case .note(let c):
                if let i = notes.firstIndex(where: { $0.id == c.after.id }) { notes[i] = c.after } else { notes.append(c.after) }
            case .merge(_, let m):
                if let i = state.merges.firstIndex(where: { $0.id == m.id }) { state.merges[i] = m } else { state.merges.append(m) }
            case .alias(_, let a):
                if let i = state.aliases.firstIndex(where: { $0.key == a.key }) { state.aliases[i] = a } else { state.aliases.append(a) }
            case .keyMessage(_, let k):
                if let i = state.keyMessages.firstIndex(where: { $0.principleId == k.principleId }) {
                    state.keyMessages[i] = k
                } else {
                    state.keyMessages.append(k)
                }
            }
        }
    }

    static func cleanText(_ text: String) throws(RundbordError) -> String {
        let body = Sanitize.multiline(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw RundbordError(CurationText.emptyText, exit: .usage) }
        return body
    }

    static func oneLine(_ s: String) -> String? {
        let line = Sanitize.line(s).trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? nil : line
    }
}

extension Curation {
    /// The id as shown and typed: its first 8 hex digits, lower case.
    public static func shortId(_ id: UUID) -> String {
        String(id.uuidString.lowercased().prefix(8))
    }

    /// The one id among `candidates` that `typed` names: the whole id or a
    /// prefix of at least 4 hex digits (dashes ignored, any case).
    public static func resolve(_ typed: String, among candidates: [UUID]) throws(RundbordError) -> UUID {
        let wanted = typed.lowercased().filter { $0 != "-" }
        guard wanted.count >= 4, wanted.allSatisfy(\.isHexDigit) else {
            throw RundbordError(CurationText.badId, [Sanitize.line(typed)], exit: .usage)
        }
        let matches = Set(candidates).filter { $0.uuidString.lowercased().filter { $0 != "-" }.hasPrefix(wanted) }
        guard let only = matches.first else {
            throw RundbordError(CurationText.unknownId, [Sanitize.line(typed)], exit: .dataError)
        }
        guard matches.count == 1 else {
            throw RundbordError(CurationText.ambiguousId, [Sanitize.line(typed), matches.count], exit: .usage)
        }
        return only
    }

    /// A cost as typed: whole kroner, digits with optional thousands
    /// separators ("250000", "250.000", "250 000"), optionally "kr."; nil if not a number.
    public static func parseCost(_ text: String) -> Int? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        for suffix in ["kr.", "kr", "dkk"] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == " " || $0 == "_") }) else { return nil }
        let groups = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == " " || $0 == "_" })
        guard groups.count == 1 || (groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count)) else {
            return nil
        }
        let digits = groups.joined()
        guard digits.count <= 15 else { return nil }
        return Int(digits)
    }

    /// An initiative's details in words, as `initiatives` prints them and
    /// the curation screen shows them: funding, owners, horizons, decision, cost, merge.
    public static func details(_ i: CuratedInitiative, vision: Vision, _ lang: Language) -> [String] {
        var details = [vision.label(i.funding)]
        if !i.owners.isEmpty { details.append(CurationText.listOwner.text(lang, i.owners.joined(separator: "; "))) }
        if !i.horizons.isEmpty { details.append(CurationText.listHorizon.text(lang, i.horizons.joined(separator: "; "))) }
        if i.decision != .undecided { details.append(decisionText(i.decision, lang)) }
        if let cost = i.cost { details.append(costText(cost, lang)) }
        if i.mergeId != nil { details.append(CurationText.listMerged.text(lang, i.sources.count)) }
        return details.map(Sanitize.line)
    }

    /// "ca. 250.000 kr." / "approx. DKK 250,000".
    public static func costText(_ kroner: Int, _ language: Language) -> String {
        let digits = String(kroner)
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(language == .da ? "." : ",") }
            grouped.append(c)
        }
        return CurationText.costAbout.text(language, grouped)
    }

    /// "politisk beslutning" / "a political decision"…
    public static func decisionText(_ decision: InitiativeDecision, _ language: Language) -> String {
        switch decision {
        case .political: CurationText.decisionPolitical.text(language)
        case .administrative: CurationText.decisionAdministrative.text(language)
        case .undecided: CurationText.decisionNone.text(language)
        }
    }
}

/// The organiser's curation with undo and redo, for a screen: each action's
/// changes are one step. Undoing saves the inverse changes (stamped now, so
/// they also win a later laptop merge); nothing is ever deleted from the file.
public struct CurationSession: Sendable, Equatable {
    public var curator: Curator
    public private(set) var undoStack: [[CurationChange]] = []
    public private(set) var redoStack: [[CurationChange]] = []

    public init(curator: Curator) { self.curator = curator }

    /// Applies one action's changes; returns them, for the store to save.
    @discardableResult
    public mutating func record(_ changes: [CurationChange]) -> [CurationChange] {
        guard !changes.isEmpty else { return [] }
        curator.apply(changes)
        undoStack.append(changes)
        redoStack.removeAll()
        return changes
    }

    /// Undoes the last step; returns the changes to save.
    public mutating func undo(now: Date) throws(RundbordError) -> [CurationChange] {
        guard let last = undoStack.popLast() else { throw RundbordError(CoreText.ruleNothingToUndo, exit: .usage) }
        let inverse = last.reversed().map { $0.inverse(now: now) }
        curator.apply(inverse)
        redoStack.append(inverse)
        return inverse
    }

    /// Redoes the last undone step; returns the changes to save.
    public mutating func redo(now: Date) throws(RundbordError) -> [CurationChange] {
        guard let undone = redoStack.popLast() else { throw RundbordError(CoreText.ruleNothingToRedo, exit: .usage) }
        let again = undone.reversed().map { $0.inverse(now: now) }
        curator.apply(again)
        undoStack.append(again)
        return again
    }
}
