import Foundation

// The names the organiser keeps, the names a scan finds, and what is left
// of an erased person (a tombstone) and how it scrubs text. Beside
// PersonNames.swift, whose matching they use.

/// A name in a note the organiser chose to keep in the harvest although the
/// person is not named (never kept with `--anonymous`).
public struct KeptName: Sendable, Hashable {
    public var noteId: UUID
    public var participantId: UUID
    public init(noteId: UUID, participantId: UUID) { self.noteId = noteId; self.participantId = participantId }
}

/// A name of a participant who may not be named, found in a note: what the
/// organiser is shown (`rundbord status`, the harvest preview) before the
/// harvest replaces it.
public struct FoundName: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable { case text, owner, horizon, credit }
    public var noteId: UUID
    public var field: Field
    /// The name as written in the note.
    public var written: String
    public var participantIds: [UUID]
    /// Kept by the organiser: the harvest shows it.
    public var kept: Bool
}

public enum NameScan {
    /// Every name of a participant who may not be named in the live notes'
    /// free text (text, owner, horizon, a credit given as text), in note order.
    public static func scan(_ notes: [Note], people: [Participant], kept: Set<KeptName>) -> [FoundName] {
        let finder = NameFinder.hiding(people, anonymous: false)
        guard !finder.isEmpty else { return [] }
        var out: [FoundName] = []
        for note in notes where !note.isDeleted {
            let fields: [(FoundName.Field, String?)] = [(.text, note.text), (.owner, note.owner), (.horizon, note.horizon),
                                                        (.credit, note.speakerId == nil ? note.speakerOrganisation : nil)]
            for case let (field, text?) in fields {
                for m in finder.mentions(in: text) {
                    let isKept = m.participantIds.allSatisfy { kept.contains(KeptName(noteId: note.id, participantId: $0)) }
                    out.append(FoundName(noteId: note.id, field: field, written: String(text[m.range]),
                                         participantIds: m.participantIds, kept: isKept))
                }
            }
        }
        return out
    }
}

/// What an erasure leaves behind, so that an older copy of the file cannot
/// bring the person back: their id and one-way digests (SHA-256) of their
/// name, name and organisation, and e-mail. The digests recognise the
/// person in a copy, and their name in its texts; they do not hold the name
/// (though someone who guesses it can check the guess).
public struct Tombstone: Sendable, Equatable {
    public var participantId: UUID
    public var identityDigest: String
    public var emailDigest: String
    public var nameDigest: String
    public var nameLength: Int
    public var erasedAt: Date

    public init(participantId: UUID, identityDigest: String, emailDigest: String, nameDigest: String,
                nameLength: Int, erasedAt: Date) {
        self.participantId = participantId; self.identityDigest = identityDigest; self.emailDigest = emailDigest
        self.nameDigest = nameDigest; self.nameLength = nameLength; self.erasedAt = erasedAt
    }

    public init(of p: Participant, erasedAt: Date) {
        let name = PersonName.key(p.name)
        self.init(participantId: p.id, identityDigest: Self.identity(p), emailDigest: Self.email(p.email),
                  nameDigest: Self.digest(name), nameLength: name.count, erasedAt: erasedAt)
    }

    static func digest(_ key: String) -> String { SHA256.hex("rundbord erasure\u{1F}" + key) }
    static func identity(_ p: Participant) -> String {
        digest(PersonName.key(p.name) + "\u{1F}" + PersonName.key(p.organisation))
    }
    static func email(_ address: String) -> String {
        let clean = Sanitize.line(address).trimmingCharacters(in: .whitespaces).lowercased()
        return clean.isEmpty ? "" : digest("mail:" + clean)
    }

    /// Whether `p` is the erased person: the same id, the same name and
    /// organisation, or the same e-mail address.
    public func matches(_ p: Participant) -> Bool {
        p.id == participantId || Self.identity(p) == identityDigest
            || (!emailDigest.isEmpty && Self.email(p.email) == emailDigest)
    }
}

public enum Erasure {
    /// `text` with every written form of an erased person's name (matched as
    /// names are, genitive included) replaced by `word`, and their e-mail
    /// address by `removedEmail`. Works from the digests alone.
    public static func scrub(_ text: String, _ tombstones: [Tombstone], removedEmail: String,
                             word: (_ genitive: Bool, _ capital: Bool) -> String) -> String {
        guard !tombstones.isEmpty, !text.isEmpty else { return text }
        let names = Set(tombstones.map(\.nameDigest))
        let lengths = Set(tombstones.map(\.nameLength))
        let emails = Set(tombstones.map(\.emailDigest).filter { !$0.isEmpty })
        let maxLength = lengths.max() ?? 0
        var cuts: [(Range<String.Index>, String)] = []
        // E-mail addresses first: theirs goes whole, and so does any address
        // their name is part of ("sofie.krag@…").
        let addresses = text.contains("@") ? emailRanges(text) : []
        for range in addresses where !emails.isEmpty && emails.contains(Tombstone.email(String(text[range]))) {
            cuts.append((range, removedEmail))
        }
        func cut(_ range: Range<String.Index>, _ replacement: String) {
            if let address = addresses.first(where: { $0.overlaps(range) }) {
                if !cuts.contains(where: { $0.0 == address }) { cuts.append((address, removedEmail)) }
            } else {
                cuts.append((range, replacement))
            }
        }
        let tokens = PersonName.tokens(text)
        var i = 0
        while i < tokens.count {
            var key = ""
            var found: (end: Int, genitive: Bool)?
            var j = i
            while j < tokens.count && j < i + 8 {
                key += tokens[j].folded
                if key.count > maxLength + 1 { break }
                if lengths.contains(key.count), names.contains(Tombstone.digest(key)) {
                    found = (j, false)
                } else if key.hasSuffix("s"), lengths.contains(key.count - 1), names.contains(Tombstone.digest(String(key.dropLast()))) {
                    found = (j, true)
                }
                j += 1
            }
            if let found {
                let range = tokens[i].range.lowerBound..<tokens[found.end].range.upperBound
                cut(range, word(found.genitive, NameFinder.beginsSentence(text, at: range.lowerBound)))
                i = found.end + 1
            } else {
                i += 1
            }
        }
        guard !cuts.isEmpty else { return text }
        var out = ""
        var position = text.startIndex
        for (range, replacement) in cuts.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) where range.lowerBound >= position {
            out += text[position..<range.lowerBound]
            out += replacement
            position = range.upperBound
        }
        out += text[position...]
        return out
    }

    /// Where something shaped like an e-mail address (x@y.z) stands in `text`.
    public static func emailRanges(_ text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        func isPart(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "+" || c == "%" || c == "'"
        }
        var index = text.startIndex
        while let at = text[index...].firstIndex(of: "@") {
            var start = at
            while start > text.startIndex, isPart(text[text.index(before: start)]) { start = text.index(before: start) }
            var end = text.index(after: at)
            while end < text.endIndex, isPart(text[end]) { end = text.index(after: end) }
            // A sentence's full stop is not part of the address.
            while end > text.index(after: at), text[text.index(before: end)] == "." { end = text.index(before: end) }
            if start < at, end > text.index(after: at), text[text.index(after: at)..<end].contains(".") {
                out.append(start..<end)
            }
            index = end > at ? end : text.index(after: at)
        }
        return out
    }
}

extension CurationState {
    /// The same curation with `f` applied to every free text the organiser
    /// wrote: a merged initiative's text, owner and horizon, owner aliases
    /// (`isKey`: both sides are lookup keys, not shown as written), key messages.
    public func mappingTexts(_ f: (_ text: String, _ isKey: Bool) -> String) -> CurationState {
        var out = self
        for i in out.merges.indices {
            out.merges[i].text = f(out.merges[i].text, false)
            for field in [InitiativeField.owner, .horizon] {
                out.merges[i].overrides[field] = out.merges[i].overrides[field].map { f($0, false) }
            }
        }
        for i in out.aliases.indices {
            out.aliases[i].alias = f(out.aliases[i].alias, true)
            out.aliases[i].canonical = f(out.aliases[i].canonical, true)
        }
        for i in out.keyMessages.indices {
            out.keyMessages[i].text = f(out.keyMessages[i].text, false)
        }
        return out
    }
}
