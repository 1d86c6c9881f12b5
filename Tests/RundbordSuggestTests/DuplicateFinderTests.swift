import Foundation
import Testing
import RundbordCore
@testable import RundbordSuggest

/// The labelled pairs in DuplicatePairs.tsv.
struct LabelledPair {
    var same: Bool
    var a: String
    var b: String

    static func load() throws -> [LabelledPair] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DuplicatePairs.tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[0] == "0" || fields[0] == "1" else {
                Issue.record("DuplicatePairs.tsv: a line that is not label<TAB>text<TAB>text: \(line)")
                return nil
            }
            return LabelledPair(same: fields[0] == "1", a: fields[1], b: fields[2])
        }
    }
}

@Suite struct DuplicateFinderTests {
    @Test func theStemmerIsSnowballsDanish() {
        let s = DanishStemmer()
        #expect(s.stem("delegationen") == s.stem("delegation"))
        #expect(s.stem("kooperativerne") == s.stem("kooperativer"))
        #expect(s.stem("andelsboligforeningerne") == s.stem("andelsboligforening"))
        #expect(s.stem("ø") == "ø")
        #expect(s.stem("") == "")
    }

    /// Precision and recall on the labelled set, every text of the set the
    /// corpus (as an event's initiatives are). Precision first.
    @Test func labelledPairsPrecisionAndRecall() throws {
        let pairs = try LabelledPair.load()
        #expect(pairs.count >= 60)
        #expect(pairs.filter(\.same).count >= 25 && pairs.filter { !$0.same }.count >= 25)
        let finder = DuplicateFinder(texts: pairs.flatMap { [$0.a, $0.b] })
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var lines: [String] = []
        for (i, pair) in pairs.enumerated() {
            let (score, shared) = finder.compare(2 * i, 2 * i + 1)
            let suggested = score >= DuplicateFinder.threshold
            switch (pair.same, suggested) {
            case (true, true): truePositives += 1
            case (false, true): falsePositives += 1; lines.append("false match \(score): \(pair.a) ~ \(pair.b) [\(shared.map(\.text))]")
            case (true, false): falseNegatives += 1; lines.append("missed \(score): \(pair.a) ~ \(pair.b) [\(shared.map(\.text))]")
            case (false, false): break
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        print("Duplicate suggestions on \(pairs.count) labelled pairs: precision \(String(format: "%.2f", precision)) "
              + "(\(truePositives) of \(truePositives + falsePositives) suggestions right), recall \(String(format: "%.2f", recall)) "
              + "(\(truePositives) of \(truePositives + falseNegatives) duplicates found)")
        for line in lines { print("  " + line) }
        if ProcessInfo.processInfo.environment["RUNDBORD_PAIR_SCORES"] != nil {
            for (i, pair) in pairs.enumerated() {
                print(String(format: "%.3f", finder.compare(2 * i, 2 * i + 1).0), pair.same ? "SAME" : "diff", pair.a, "~", pair.b)
            }
        }
        #expect(precision >= 0.9)
        #expect(recall >= 0.7)
    }

    @Test func theReasonSaysWhatTheyShare() throws {
        let finder = DuplicateFinder(texts: ["Inviter Preston-delegationen", "Inviter Preston-modellens folk til København",
                                             "Delegation fra Preston inviteres", "Fælles indkøbsportal"])
        let suggestions = finder.suggestions()
        let first = try #require(suggestions.first { $0.a == 0 && $0.b == 2 })
        #expect(first.reason(.da).hasPrefix("fælles: "))
        #expect(first.shared.map(\.text).contains("preston"))
        #expect(first.shared.map(\.text).contains("delegationen/delegation"))
        #expect(first.reason(.en).hasPrefix("shared: "))
        #expect(!suggestions.contains { $0.a == 3 || $0.b == 3 })
        #expect(suggestions.allSatisfy { $0.score >= DuplicateFinder.threshold && $0.score <= 1 })
    }

    @Test func lettersAreFoldedButÅStaysÅ() {
        #expect(DuplicateFinder.folded("INVITÉR") == "inviter")
        #expect(DuplicateFinder.folded("Ålborg ØKF Æble") == "ålborg økf æble")
        #expect(DuplicateFinder.folded("ﬁnansiering") == "finansiering")
        #expect(DuplicateFinder.folded("A\u{030A}rhus") == "århus")
    }

    @Test func emptyAndOddTextsScoreNothing() {
        let finder = DuplicateFinder(texts: ["", "og i at", "🙂", "\u{1B}[2J", "Fælles lager"])
        #expect(finder.suggestions().isEmpty)
        #expect(finder.compare(0, 1).0 == 0)
    }
}
