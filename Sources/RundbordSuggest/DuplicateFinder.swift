import Foundation
import RundbordCore

/// A word two texts share, as each wrote it ("delegation"/"delegationen").
public struct SharedTerm: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The same word or the same stem.
        case same
        /// One is part of the other ("indkøb" in "indkøbsportal").
        case compound
        /// Spelled almost alike (a typo or a variant).
        case similar
    }
    public var left: String
    public var right: String
    public var kind: Kind

    /// "preston" or "delegation/delegationen".
    public var text: String { left == right ? left : "\(left)/\(right)" }
}

/// Two initiatives that may say the same, with why.
public struct DuplicateSuggestion: Sendable, Equatable {
    /// Indexes into the texts the finder was given, `a < b`.
    public var a: Int
    public var b: Int
    /// 0…1; suggestions start at `DuplicateFinder.threshold`.
    public var score: Double
    /// The shared words, most telling first.
    public var shared: [SharedTerm]

    /// The reason in words: "fælles: preston, delegation/delegationen".
    public func reason(_ language: Language) -> String {
        CurationText.suggestReason.text(language, shared.map(\.text).joined(separator: ", "))
    }
}

/// Finds initiatives that say the same thing, offline and explainably.
///
/// Each text is lower-cased and normalised (NFKC), split into words, Danish
/// stop-words dropped and the rest stemmed with Snowball's Danish stemmer.
/// Two texts score by how much of each one's words the other covers
/// (weighted: a word few initiatives use counts more than a common one, and
/// generic verbs like "etablere" count little), where a word is covered by the
/// same stem, by a compound containing it, or by a word spelled almost alike
/// (character trigrams); blended with the character-trigram overlap of the
/// whole texts. Precision first: the threshold was set on a labelled set of
/// Danish pairs (Tests/RundbordSuggestTests/DuplicatePairs.tsv).
public struct DuplicateFinder: Sendable {
    /// Scores at or above this are suggested.
    public static let threshold = 0.55

    struct Word: Sendable {
        var surface: String
        var stem: String
        var trigrams: Set<String>
        var weight: Double
    }

    struct Text: Sendable {
        var words: [Word]
        var trigrams: Set<String>
    }

    let texts: [Text]

    /// `texts` are the initiatives to compare; they are also the corpus that
    /// says which words are common.
    public init(texts: [String], stemmer: DanishStemmer = .shared) {
        let split = texts.map { Self.words(of: $0, stemmer) }
        var documentFrequency: [String: Int] = [:]
        for words in split {
            for stem in Set(words.map(\.stem)) { documentFrequency[stem, default: 0] += 1 }
        }
        let n = Double(max(texts.count, 2))
        let weak = Self.weakStems(stemmer)
        self.texts = split.map { words in
            let weighted = words.map { w in
                var w = w
                let df = Double(documentFrequency[w.stem] ?? 1)
                w.weight = log(1 + n / df) * (weak.contains(w.stem) ? 0.3 : 1)
                return w
            }
            return Text(words: weighted, trigrams: Self.trigrams(weighted.map(\.surface).joined()))
        }
    }

    /// Every pair scoring at least `threshold`, best first.
    public func suggestions(threshold: Double = DuplicateFinder.threshold) -> [DuplicateSuggestion] {
        var out: [DuplicateSuggestion] = []
        for a in texts.indices {
            for b in texts.indices where b > a {
                let (score, shared) = compare(a, b)
                if score >= threshold { out.append(DuplicateSuggestion(a: a, b: b, score: score, shared: shared)) }
            }
        }
        return out.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// The score of texts `a` and `b` and the words they share.
    public func compare(_ a: Int, _ b: Int) -> (Double, [SharedTerm]) {
        let x = texts[a], y = texts[b]
        guard !x.words.isEmpty, !y.words.isEmpty else { return (0, []) }
        // How much of each text the other covers; the less covered side decides,
        // so a shared common word cannot make up for a different specific one.
        var coverage: [Double] = []
        var shared: [(SharedTerm, Double)] = []
        // Whether each side has a word the other lacks that weighs at least as
        // much as any word they share: "Lokaler til X" and "Lån til X" differ in what matters.
        var differsInWhatMatters: [Bool] = []
        for (mine, theirs, isLeft) in [(x, y, true), (y, x, false)] {
            var covered = 0.0, total = 0.0
            var heaviestShared = 0.0, heaviestMissing = 0.0
            defer { differsInWhatMatters.append(heaviestMissing >= heaviestShared) }
            for word in mine.words {
                total += word.weight
                guard let (match, value, kind) = Self.bestMatch(word, in: theirs.words) else {
                    heaviestMissing = max(heaviestMissing, word.weight)
                    continue
                }
                heaviestShared = max(heaviestShared, word.weight)
                covered += word.weight * value
                if isLeft {
                    shared.append((SharedTerm(left: word.surface, right: match.surface, kind: kind), word.weight * value))
                }
            }
            coverage.append(total > 0 ? covered / total : 0)
        }
        let characters = Self.dice(x.trigrams, y.trigrams)
        var seen = Set<String>()
        let reasons = shared.sorted { $0.1 > $1.1 }.map(\.0).filter { seen.insert($0.text).inserted }
        var score = Self.wordShare * coverage.min()! + (1 - Self.wordShare) * characters
        if differsInWhatMatters.allSatisfy({ $0 }) { score *= Self.differencePenalty }
        return (score, reasons)
    }

    /// The part of the score from words; the rest is from the characters of the whole texts.
    static let wordShare = 0.8
    /// What a score keeps when both texts have a specific word the other lacks.
    static let differencePenalty = 0.85

    /// How well `word` is covered by one of `others`: 1 for the same stem,
    /// 0.85 inside a compound, up to 0.8 for a word spelled almost alike.
    static func bestMatch(_ word: Word, in others: [Word]) -> (Word, Double, SharedTerm.Kind)? {
        var best: (Word, Double, SharedTerm.Kind)?
        for other in others {
            let candidate: (Double, SharedTerm.Kind)
            if other.stem == word.stem {
                candidate = (1, .same)
            } else if isInflection(word.stem, other.stem) {
                candidate = (0.95, .same)
            } else if isCompoundPart(word.stem, other.stem) || isCompoundPart(other.stem, word.stem) {
                candidate = (0.85, .compound)
            } else {
                let d = dice(word.trigrams, other.trigrams)
                guard d >= 0.6 else { continue }
                candidate = (0.8 * d, .similar)
            }
            if candidate.0 > (best?.1 ?? 0) { best = (other, candidate.0, candidate.1) }
        }
        return best
    }

    /// Whether two stems differ only by an ending the stemmer left ("madfællesskab"/"madfællesskabern").
    static func isInflection(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 5 && long.count - short.count <= 3 && long.hasPrefix(short)
    }

    /// Whether `part` (at least 4 letters) begins or ends the longer `whole`:
    /// "indkøb" in "indkøbsportal", "portal" in "indkøbsportal".
    static func isCompoundPart(_ part: String, _ whole: String) -> Bool {
        part.count >= 4 && whole.count >= part.count + 3 && (whole.hasPrefix(part) || whole.hasSuffix(part))
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    static func trigrams(_ text: String) -> Set<String> {
        let chars = Array("#" + text + "#")
        guard chars.count >= 3 else { return [String(chars)] }
        return Set((0...(chars.count - 3)).map { String(chars[$0..<$0 + 3]) })
    }

    /// The content words of a text: normalised, lower-cased, stop-words dropped, stemmed.
    static func words(of text: String, _ stemmer: DanishStemmer) -> [Word] {
        let normal = folded(text)
        let tokens = normal.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return tokens.filter { $0.count >= 2 && !stopWords.contains($0) }.map { token in
            let stem = stemmer.stem(token)
            return Word(surface: token, stem: stem, trigrams: trigrams(stem), weight: 1)
        }
    }

    /// Lower case, compatibility forms unified (NFKC: "ﬁ" is "fi", full-width
    /// letters are letters) and accents dropped ("invitér" is "inviter")
    /// except the ring of å, which is a letter of its own in Danish.
    static func folded(_ text: String) -> String {
        let lower = text.precomposedStringWithCompatibilityMapping.lowercased(with: Locale(identifier: "da_DK"))
        var scalars = String.UnicodeScalarView()
        for scalar in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark && scalar.value != 0x030A { continue }
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Snowball's Danish stop-word list.
    static let stopWords: Set<String> = [
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for",
        "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu",
        "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal",
        "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo",
        "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden",
        "hende", "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle", "hos",
        "blive", "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan",
    ]

    /// Words that open many initiatives without saying what they are about.
    static let weakWords = [
        "etabler", "etablere", "opret", "oprette", "lav", "lave", "skab", "skabe", "styrk", "styrke", "udvikl",
        "udvikle", "sikr", "sikre", "fremme", "øg", "øge", "gør", "gøre", "giv", "give", "få", "mere", "flere",
        "bedre", "ny", "nye", "nyt", "større", "kommune", "kommunen", "kommunens", "københavn", "københavns",
        "byen", "indsats", "initiativ", "projekt", "fælles", "små", "store", "god", "gode",
    ]

    static func weakStems(_ stemmer: DanishStemmer) -> Set<String> {
        Set(weakWords.map(stemmer.stem))
    }
}

extension DuplicateFinder {
    /// The duplicate suggestions among `initiatives` (the curator's, in its
    /// order; the suggestions index them). A pair the organiser merged and
    /// split again was judged not the same, and is not suggested again.
    /// What `initiatives suggest` prints and the curation screen lists.
    public static func suggestions(for curator: Curator, _ initiatives: [CuratedInitiative]) -> [DuplicateSuggestion] {
        DuplicateFinder(texts: initiatives.map(\.text)).suggestions()
            .filter { !curator.wereSplitApart(initiatives[$0.a], initiatives[$0.b]) }
    }
}
