import Foundation

// The organiser's curation of a harvest: merged initiatives, owner aliases
// and key messages. Every record carries `updatedAt`, and laptop files are
// merged record by record, the later edit winning (on equal times the larger
// fingerprint), so merging files in any order gives the same result.
// Nothing is ever deleted: a split merge, a removed alias and an emptied key
// message are records too, so a merge of an older file cannot bring them back.

/// A field of an initiative that the organiser can set on a merged initiative.
public enum InitiativeField: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    case funding, owner, horizon, cost, decision
}

/// Initiatives the organiser confirmed to be one. `members` are the ids of
/// the notes and earlier merges it joins; its id is derived from them
/// (`InitiativeMerge.id(members:)`), so merging the same initiatives on two
/// laptops, or twice, makes the same record.
public struct InitiativeMerge: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// Note ids and merge ids, sorted by their text form.
    public var members: [UUID]
    /// The merged initiative's text, chosen or written by the organiser.
    public var text: String
    /// Fields set on the merged initiative; a field not here is derived from
    /// the merged notes. An empty value means "none" (no owner, no cost…).
    public var overrides: [InitiativeField: String]
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was split; a split merge is kept so that no file brings it back.
    public var splitAt: Date?

    public init(members: [UUID], text: String, overrides: [InitiativeField: String] = [:],
                createdAt: Date, updatedAt: Date? = nil, splitAt: Date? = nil) {
        let sorted = Self.sorted(members)
        self.id = Self.id(members: sorted); self.members = sorted; self.text = text
        self.overrides = overrides; self.createdAt = createdAt; self.updatedAt = updatedAt ?? createdAt
        self.splitAt = splitAt
    }

    /// Rebuilds a stored record as it was (its id as stored).
    public init(id: UUID, members: [UUID], text: String, overrides: [InitiativeField: String],
                createdAt: Date, updatedAt: Date, splitAt: Date?) {
        self.id = id; self.members = Self.sorted(members); self.text = text; self.overrides = overrides
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.splitAt = splitAt
    }

    public var isActive: Bool { splitAt == nil }

    static func sorted(_ ids: [UUID]) -> [UUID] {
        Array(Set(ids)).sorted { $0.uuidString < $1.uuidString }
    }

    /// The id of the merge of `members`, whatever their order.
    public static func id(members: [UUID]) -> UUID {
        StableId.of(["initiative-merge"] + sorted(members).map(\.uuidString))
    }

    /// Every field, for telling two versions of the record apart.
    public var fingerprint: String {
        var fields = [id.uuidString, text, "\(createdAt.timeIntervalSince1970)", "\(updatedAt.timeIntervalSince1970)",
                      splitAt.map { "\($0.timeIntervalSince1970)" } ?? ""]
        for field in InitiativeField.allCases { fields.append(overrides[field].map { "=" + $0 } ?? "-") }
        return StableId.of(fields).uuidString
    }
}

/// "ØKF" is "Økonomiforvaltningen": every export shows the canonical spelling.
/// An alias whose canonical is itself (same `Curation.ownerKey`) is a removed alias.
public struct OwnerAlias: Sendable, Equatable {
    public var alias: String
    public var canonical: String
    public var updatedAt: Date

    public init(alias: String, canonical: String, updatedAt: Date) {
        self.alias = alias; self.canonical = canonical; self.updatedAt = updatedAt
    }

    public var key: String { Curation.ownerKey(alias) }
    public var isActive: Bool { Curation.ownerKey(canonical) != key }
    public var fingerprint: String { StableId.of([alias, canonical, "\(updatedAt.timeIntervalSince1970)"]).uuidString }
}

/// What a principle (or, with `principleId` nil, the whole event) came to, in
/// the organiser's words ("Kort fortalt"). An empty text is no message.
public struct KeyMessage: Sendable, Equatable {
    public var principleId: String?
    public var text: String
    public var updatedAt: Date

    public init(principleId: String?, text: String, updatedAt: Date) {
        self.principleId = principleId; self.text = text; self.updatedAt = updatedAt
    }

    /// The stored key: "" for the event, else the principle's id.
    public var scope: String { principleId ?? "" }
    public var fingerprint: String { StableId.of([scope, text, "\(updatedAt.timeIntervalSince1970)"]).uuidString }
}

/// Which of two versions of a record a merge keeps: the later edit; on equal
/// times the larger fingerprint, so every order of merging agrees.
public enum LatestWins {
    public static func wins(_ aTime: Date, _ aPrint: String, over bTime: Date, _ bPrint: String) -> Bool {
        aTime != bTime ? aTime > bTime : aPrint > bPrint
    }
}

/// Everything the organiser curated in one event.
public struct CurationState: Sendable, Equatable {
    public var merges: [InitiativeMerge]
    public var aliases: [OwnerAlias]
    public var keyMessages: [KeyMessage]

    public init(merges: [InitiativeMerge] = [], aliases: [OwnerAlias] = [], keyMessages: [KeyMessage] = []) {
        self.merges = merges; self.aliases = aliases; self.keyMessages = keyMessages
    }

    public func merge(id: UUID) -> InitiativeMerge? { merges.first { $0.id == id } }

    /// The event's key message (`principleId` nil) or a principle's; nil when none was written.
    public func keyMessage(_ principleId: String?) -> String? {
        keyMessages.first { $0.principleId == principleId }.flatMap { $0.text.isEmpty ? nil : $0.text }
    }

    public func alias(key: String) -> OwnerAlias? { aliases.first { $0.key == key } }

    /// The owner as every export shows it: aliases followed to their canonical
    /// spelling (a chain "A → B → C" ends at C; a loop stops where it closes).
    public func canonicalOwner(_ owner: String) -> String {
        var current = owner
        var seen: Set<String> = [Curation.ownerKey(owner)]
        while let alias = alias(key: Curation.ownerKey(current)), alias.isActive {
            let next = Curation.ownerKey(alias.canonical)
            guard seen.insert(next).inserted else { break }
            current = alias.canonical
        }
        return current
    }

    /// Active aliases grouped by canonical owner, canonical names in order.
    public var aliasGroups: [(canonical: String, aliases: [String])] {
        var order: [String] = []
        var groups: [String: (String, [String])] = [:]
        for alias in aliases where alias.isActive {
            let canonical = canonicalOwner(alias.alias)
            let key = Curation.ownerKey(canonical)
            if groups[key] == nil { order.append(key); groups[key] = (canonical, []) }
            groups[key]!.1.append(alias.alias)
        }
        return order.sorted().map { (groups[$0]!.0, groups[$0]!.1.sorted()) }
    }
}
