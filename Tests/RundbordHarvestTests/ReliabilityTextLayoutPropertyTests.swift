import Foundation
import PropertyBased
import Testing
import RundbordCore
@testable import RundbordHarvest

/// Properties of the print-text wrapper and the pagination over random texts.
/// A text is a list of random numbers decoded into tokens, so failures shrink.
@Suite("Text layout properties")
struct ReliabilityTextLayoutPropertyTests {
    /// Danish words, long words, emoji, combining marks, wide CJK, spaces, newlines.
    static let tokens: [String] = [
        "æblegrød", "fællesskab", "Københavns", "rådhus", "på", "og", "i", "ØKOLOGI", "Åse",
        "Rundbordssamtalekoordinationsudvalgsformandsskabet",
        String(repeating: "socialøkonomisk", count: 9),
        "👍", "👨‍👩‍👧‍👦", "🇩🇰", "👋🏽", "❤️",
        "e\u{301}", "Z\u{334}\u{321}\u{31B}a\u{337}l\u{338}g\u{336}o\u{335}", "a\u{30A}",
        "日本語のテキスト", "한국어", "中文字",
        "日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト",
        " ", " ", " ", "   ", "\n", "\n\n", "\u{2028}",
    ]

    static func text(_ numbers: [Int]) -> String {
        numbers.map { tokens[$0 % tokens.count] }.enumerated().map { i, token in
            // Words are separated by a space unless the token is itself white space.
            token.first!.isWhitespace || i == 0 ? token : " " + token
        }.joined()
    }

    static func isSeparator(_ c: Character) -> Bool { c == " " || c.isNewline || c == TextLayout.softBreak }
    static func words(_ s: String) -> [String] { s.split(whereSeparator: isSeparator).map(String.init) }

    /// Checks one wrap; returns the problems found (empty when the properties hold).
    static func problems(text: String, width: Int) -> [String] {
        let lines = TextLayout.wrap(text, width: width)
        var found: [String] = []
        for line in lines where DisplayWidth.of(line) > width {
            found.append("line wider than \(width): \(line.debugDescription) (\(DisplayWidth.of(line)))")
        }
        // The words come back in order; a word is split only when it cannot
        // fit on a line of its own, and then its pieces join back into it.
        let input = words(text), output = lines.flatMap { words($0) }
        var j = 0
        for word in input {
            guard j < output.count else { found.append("word \(word.debugDescription) lost"); break }
            if output[j] == word { j += 1; continue }
            var joined = ""
            let start = j
            while j < output.count && joined.count < word.count && word.hasPrefix(joined + output[j]) {
                joined += output[j]; j += 1
            }
            if joined != word {
                found.append("word \(word.debugDescription) came back as \(output[start..<min(j + 1, output.count)])")
                break
            }
            // It was split: only allowed when it is wider than a whole line (at most half the width is indent).
            if DisplayWidth.of(word) <= width - min(leadingSpaces(text), width / 2) {
                found.append("word \(word.debugDescription) (width \(DisplayWidth.of(word))) was broken at width \(width)")
            }
        }
        if j < output.count { found.append("extra words \(output[j...])") }
        return found
    }

    static func leadingSpaces(_ text: String) -> Int {
        var most = 0, current = 0, atStart = true
        for c in text {
            if c.isNewline { atStart = true; current = 0; continue }
            if atStart && c == " " { current += 1; most = max(most, current) } else { atStart = false }
        }
        return most
    }

    @Test func wrappedLinesFitAndKeepEveryWordInOrder() async {
        await propertyCheck(input: Gen.int(in: 0...10_000).array(of: 0...80), Gen.int(in: 10...120)) { numbers, width in
            let text = Self.text(numbers)
            let problems = Self.problems(text: text, width: width)
            #expect(problems.isEmpty, "text \(text.debugDescription) width \(width): \(problems)")
        }
    }

    /// Known hard cases, checked every run.
    @Test(arguments: [10, 11, 17, 40, 72, 120])
    func edgeCases(width: Int) {
        for text in ["", " ", "a", String(repeating: "x", count: width), String(repeating: "x", count: width + 1),
                     String(repeating: "日", count: width), "Z\u{334}\u{321}\u{31B}a\u{337}l\u{338}g\u{336}o\u{335} " + String(repeating: "👨‍👩‍👧‍👦", count: width),
                     "ord " + String(repeating: "ø", count: width - 1) + " ord", "første\u{2028}anden\nny linje",
                     String(repeating: " ", count: width + 2) + "ord", String(repeating: " ", count: width - 2) + "ordet er langt nok"] {
            #expect(Self.problems(text: text, width: width).isEmpty, "\(text.debugDescription) at \(width): \(Self.problems(text: text, width: width))")
        }
    }

    @Test func pagesHoldAtMostTheirLinesAndAreNumberedInOrder() async {
        await propertyCheck(input: Gen.int(in: 0...10_000).array(of: 0...200), Gen.int(in: 40...120), Gen.int(in: 20...80)) { numbers, width, linesPerPage in
            // A body as the exporter makes it: wrapped lines, blank lines and headings over rules.
            var body: [String] = []
            for (i, n) in numbers.enumerated() {
                switch n % 9 {
                case 0: body.append("")
                case 1: body += ["Overskrift \(i)", String(repeating: "-", count: width), ""]
                default: body += TextLayout.wrap("linje \(i) " + Self.text([n, n / 7, n / 49]), width: width)
                }
            }
            let output = TextLayout.paginate(body, title: "Fælles Værdier, Fælles Vækst", width: width,
                                             linesPerPage: linesPerPage, footer: { "Side \($0) af \($1)" })
            #expect(output.hasSuffix("\n"))
            let pages = String(output.dropLast()).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            var content: [String] = []
            for (index, page) in pages.enumerated() {
                let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                #expect(lines.count <= linesPerPage, "page \(index + 1) has \(lines.count) lines of \(linesPerPage)")
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
                #expect(lines.last?.trimmingCharacters(in: .whitespaces) == "Side \(index + 1) af \(pages.count)",
                        "page \(index + 1): \(lines.last ?? "")")
                #expect(lines.first == "Fælles Værdier, Fælles Vækst")
                content += lines.dropFirst(3).dropLast(2)
            }
            // Every line of the body is on a page, in order (blank lines may go at page tops and ends).
            #expect(content.filter { !$0.isEmpty } == body.filter { !$0.isEmpty })
        }
    }
}
