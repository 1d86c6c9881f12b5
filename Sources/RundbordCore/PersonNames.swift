import Foundation

/// How a person's name is recognised wherever it is written: in a
/// `--speaker`, in a free-text speaker of an older file, in a note, an owner
/// or a horizon. Case, accents and spacing are ignored ("ÅSE  ØRSTED" =
/// "Åse Ørsted" = "Ase Orsted"), and a hyphen counts as a space
/// ("Vestergaard-Lund" = "Vestergaard Lund" = "VestergaardLund").
public enum PersonName {
    /// One word of a text, folded, with where it stands in the original.
    public struct Token: Sendable, Equatable {
        public var folded: String
        public var range: Range<String.Index>
    }

    /// Words with letters beyond ASCII, folded once per process (Foundation's
    /// folding is slow on Linux, and a harvest folds every word of every note).
    static let foldedWords = WordMemo()

    /// A word folded for comparison: lower case, no accents, æ → ae, ø → o, ß → ss.
    static func fold(_ s: Substring, ascii: Bool) -> String {
        if ascii { return s.lowercased() }
        return foldedWords.value(s, foldBeyondASCII)
    }

    private static func foldBeyondASCII(_ s: Substring) -> String {
        let base = String(s).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for c in base {
            switch c {
            case "æ": out += "ae"
            case "ø": out += "o"
            case "ß": out += "ss"
            case "đ", "ð": out += "d"
            case "ł": out += "l"
            default: out.append(c)
            }
        }
        return out
    }

    /// The words of `text`: runs of letters, digits and combining marks.
    /// Anything else (spaces, hyphens, commas, apostrophes) separates words.
    /// Walks Unicode scalars (not characters) and folds ASCII words without
    /// Foundation: every note of a harvest goes through here.
    public static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var ascii = true
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let isWord: Bool
            let v = s.value
            if s.isASCII {
                isWord = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
            } else if v >= 0xC0 && v <= 0xFF && v != 0xD7 && v != 0xF7 {
                // Latin-1's letters (æ, ø, å, é …) without a property lookup.
                isWord = true
            } else {
                let p = s.properties
                isWord = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                    || p.generalCategory == .spacingMark
            }
            if isWord {
                if start == nil { start = i; ascii = true }
                if !s.isASCII { ascii = false }
            } else if let from = start {
                out.append(Token(folded: fold(text[from..<i], ascii: ascii), range: from..<i))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let from = start {
            out.append(Token(folded: fold(text[from...], ascii: ascii), range: from..<text.endIndex))
        }
        return out
    }

    /// The comparison key of a whole name: its folded words joined without
    /// spaces, so spacing and hyphens never matter.
    public static func key(_ name: String) -> String {
        tokens(name).map(\.folded).joined()
    }

    /// How many words a name has (after folding).
    public static func wordCount(_ name: String) -> Int { tokens(name).count }

    /// Edit distance between two keys (Levenshtein), for "did you mean".
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Who a credit ("--speaker", or a free-text speaker in an older file) names.
public enum CreditMatch: Sendable, Equatable {
    /// A participant on the roster.
    case person(Participant)
    /// A known organisation (a participant's, the vision's, the organiser, or one credited before).
    case organisation(String)
    /// Several participants have this name and nothing tells them apart.
    case ambiguous([Participant])
    /// Nobody known: the closest roster names, best first (maybe none).
    case unknown(closest: [Participant])
}

public enum Credits {
    /// Matches `text` against the roster, then against known organisations.
    /// A participant is recognised by name (case, accents and spacing ignored),
    /// by e-mail, or as "Name, Organisation" (the organisation telling apart
    /// two people of the same name).
    public static func match(_ text: String, people: [Participant], organisations: [String]) -> CreditMatch {
        let clean = Sanitize.line(text).trimmingCharacters(in: .whitespaces)
        let key = PersonName.key(clean)
        guard !key.isEmpty else { return .unknown(closest: []) }
        if let id = UUID(uuidString: clean), let p = people.first(where: { $0.id == id }) { return .person(p) }
        if clean.contains("@") {
            let byMail = people.filter { !$0.email.isEmpty && $0.email.caseInsensitiveCompare(clean) == .orderedSame }
            if byMail.count == 1 { return .person(byMail[0]) }
        }
        let same = people.filter { PersonName.key($0.name) == key }
        if same.count == 1 { return .person(same[0]) }
        if same.count > 1 { return .ambiguous(same) }
        // "Name, Organisation": the part before the last comma is the name.
        if let comma = clean.lastIndex(of: ",") {
            let namePart = String(clean[..<comma]), orgPart = String(clean[clean.index(after: comma)...])
            let nameKey = PersonName.key(namePart), orgKey = PersonName.key(orgPart)
            let byName = people.filter { !nameKey.isEmpty && PersonName.key($0.name) == nameKey }
            if byName.count == 1 { return .person(byName[0]) }
            if byName.count > 1 {
                let byOrg = byName.filter { PersonName.key($0.organisation) == orgKey }
                return byOrg.count == 1 ? .person(byOrg[0]) : .ambiguous(byOrg.isEmpty ? byName : byOrg)
            }
        }
        if let org = organisations.first(where: { !$0.isEmpty && PersonName.key($0) == key }) {
            return .organisation(org)
        }
        return .unknown(closest: closest(clean, people: people))
    }

    /// Up to `limit` participants whose names are nearest to `text`: a small
    /// edit distance, or sharing a word (a first name, a surname).
    public static func closest(_ text: String, people: [Participant], limit: Int = 3) -> [Participant] {
        let namePart = text.lastIndex(of: ",").map { String(text[..<$0]) } ?? text
        let key = PersonName.key(namePart)
        let words = Set(PersonName.tokens(namePart).map(\.folded).filter { $0.count > 1 })
        let scored = people.compactMap { p -> (Participant, Int)? in
            let other = PersonName.key(p.name)
            let d = PersonName.distance(key, other)
            let sharesWord = !words.isDisjoint(with: PersonName.tokens(p.name).map(\.folded))
            guard d <= max(2, key.count / 3) || sharesWord else { return nil }
            return (p, sharesWord ? min(d, max(0, d - 2)) : d)
        }
        return scored.sorted { a, b in
            a.1 != b.1 ? a.1 < b.1 : a.0.name.localizedStandardCompare(b.0.name) == .orderedAscending
        }.prefix(limit).map(\.0)
    }

    /// The organisations a credit may name without being given with
    /// `--speaker-org`: participants' organisations, the vision's, the organiser.
    public static func knownOrganisations(people: [Participant], event: Event, credited: [String] = []) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for name in people.map(\.organisation) + event.vision.organisations + [event.organiser] + credited {
            let clean = Sanitize.line(name)
            let key = PersonName.key(clean)
            if !key.isEmpty, seen.insert(key).inserted { out.append(clean) }
        }
        return out
    }

    /// "Name, Organisation <e-mail>" for a list of candidates in a message.
    public static func describe(_ people: [Participant]) -> String {
        people.map { p in
            Sanitize.line(p.name) + (p.organisation.isEmpty ? "" : ", " + Sanitize.line(p.organisation))
        }.joined(separator: "; ")
    }
}

/// A roster name found in a free text (a note, an owner, a horizon).
public struct NameMention: Sendable, Equatable {
    /// The participants of that name (more than one when two share it).
    public var participantIds: [UUID]
    /// Where the name stands in the text, from its first word to its last.
    public var range: Range<String.Index>
    /// Written in the genitive ("Sofie Krags forslag", "Sofie Krag's").
    public var genitive: Bool
}

/// Finds roster names in free text, with the same matching as credits
/// (case, accents and spacing ignored), whole words only. A person is also
/// found by a part of their name written alone, capitalised: the first name
/// ("Henrik sagde") or everything after it ("Vestergaard-Lund mente"), since
/// either names them to the people in the room; and by their e-mail address.
/// A one-word name or a part is only found capitalised, so a roster name like
/// "Bo" does not match the verb "bo". The last word of a longer surname alone
/// ("Lund" of "Vestergaard-Lund") is a place as often as a person: not a part.
public struct NameFinder: Sendable {
    let byKey: [String: [UUID]]
    /// Keys found only when capitalised: one-word names and parts of names.
    let capitalisedOnly: Set<String>
    /// Lower-cased e-mail addresses.
    let byEmail: [String: [UUID]]
    let maxWords: Int

    public init(people: [Participant]) {
        var byKey: [String: [UUID]] = [:]
        var parts: [String: [UUID]] = [:]
        var byEmail: [String: [UUID]] = [:]
        var capitalised = Set<String>()
        var words = 0
        for p in people {
            let email = p.email.trimmingCharacters(in: .whitespaces).lowercased()
            if email.contains("@") { byEmail[email, default: []].append(p.id) }
            let tokens = PersonName.tokens(p.name)
            let key = tokens.map(\.folded).joined()
            guard key.count >= 2 else { continue }
            byKey[key, default: []].append(p.id)
            if tokens.count == 1 { capitalised.insert(key) }
            words = max(words, tokens.count)
            guard tokens.count > 1 else { continue }
            for part in [tokens[0].folded, tokens.dropFirst().map(\.folded).joined()] where part.count >= 2 {
                if !parts[part, default: []].contains(p.id) { parts[part, default: []].append(p.id) }
            }
        }
        // A whole name wins over a part that is spelled the same ("Bo" and "Bo Holm").
        for (part, ids) in parts where byKey[part] == nil {
            byKey[part] = ids
            capitalised.insert(part)
        }
        self.byKey = byKey; self.capitalisedOnly = capitalised; self.byEmail = byEmail
        // A name written with its parts run together or split once more than on the roster.
        self.maxWords = words + 1
    }

    public var isEmpty: Bool { byKey.isEmpty && byEmail.isEmpty }

    /// The names a harvest replaces: with `anonymous` every participant's,
    /// else those of participants who have not agreed to be named.
    public static func hiding(_ people: [Participant], anonymous: Bool) -> NameFinder {
        NameFinder(people: people.filter { anonymous || !$0.mayBeNamed || $0.name.isEmpty })
    }

    /// Every roster name and e-mail address in `text`, in order, longest
    /// match first where two overlap. An address that holds a name
    /// ("sofie.krag@…") is one mention, the whole address.
    public func mentions(in text: String) -> [NameMention] {
        guard !isEmpty, !text.isEmpty else { return [] }
        let addresses = text.contains("@") ? Erasure.emailRanges(text) : []
        guard !addresses.isEmpty else { return names(in: text) }
        var out = names(in: text).filter { name in !addresses.contains { $0.overlaps(name.range) } }
        for range in addresses {
            if let ids = byEmail[text[range].lowercased()] {
                out.append(NameMention(participantIds: ids, range: range, genitive: false))
            } else if case let inside = names(in: String(text[range])), !inside.isEmpty {
                out.append(NameMention(participantIds: Array(Set(inside.flatMap(\.participantIds))).sorted { $0.uuidString < $1.uuidString },
                                       range: range, genitive: false))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The names (whole or in part) in `text`.
    private func names(in text: String) -> [NameMention] {
        guard !byKey.isEmpty else { return [] }
        let tokens = PersonName.tokens(text)
        var out: [NameMention] = []
        var i = 0
        while i < tokens.count {
            var key = ""
            var found: (end: Int, ids: [UUID], genitive: Bool)?
            for j in i..<min(tokens.count, i + maxWords) {
                key += tokens[j].folded
                if let ids = byKey[key], accepts(key, tokens[i], text) {
                    found = (j, ids, false)
                } else if key.hasSuffix("s"), case let stem = String(key.dropLast()), let ids = byKey[stem],
                          accepts(stem, tokens[i], text) {
                    found = (j, ids, true)
                }
            }
            if let found {
                out.append(NameMention(participantIds: found.ids, range: tokens[i].range.lowerBound..<tokens[found.end].range.upperBound,
                                       genitive: found.genitive))
                i = found.end + 1
            } else {
                i += 1
            }
        }
        return out
    }

    private func accepts(_ key: String, _ first: PersonName.Token, _ text: String) -> Bool {
        guard capitalisedOnly.contains(key) else { return true }
        return text[first.range].first?.isUppercase ?? false
    }

    /// `text` with the mentions `hide` chooses replaced by `word` (given
    /// whether the name was in the genitive and begins a sentence), and how
    /// many were replaced.
    public func redact(_ text: String, hide: ([UUID]) -> Bool,
                       word: (_ genitive: Bool, _ capital: Bool) -> String) -> (text: String, replaced: Int) {
        let found = mentions(in: text).filter { hide($0.participantIds) }
        guard !found.isEmpty else { return (text, 0) }
        var out = ""
        var position = text.startIndex
        for m in found {
            out += text[position..<m.range.lowerBound]
            out += word(m.genitive, Self.beginsSentence(text, at: m.range.lowerBound))
            position = m.range.upperBound
        }
        out += text[position...]
        return (out, found.count)
    }

    /// Whether the text before `index` ends a sentence (or there is none).
    static func beginsSentence(_ text: String, at index: String.Index) -> Bool {
        for c in text[..<index].reversed() {
            if c.isWhitespace || c == "\"" || c == "«" || c == "»" || c == "(" || c == "“" || c == "„" || c == "-" || c == "*" {
                continue
            }
            return c == "." || c == "!" || c == "?" || c == ":"
        }
        return true
    }
}
