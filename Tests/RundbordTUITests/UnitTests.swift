import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarvest
import Testing
@testable import RundbordTUI

@Suite struct CatalogueTests {
    @Test func everyTUITextHasBothLanguages() {
        #expect(Catalogue.problems(TUIText.self) == [])
        #expect(Catalogue.problems(CurationScreenText.self) == [])
    }
}

@Suite struct LineEditorTests {
    @Test func backspaceRemovesWholeGraphemeClusters() {
        // Precomposed æ, decomposed Å (A + combining ring), an emoji with a skin tone, a flag.
        var e = LineEditor("æ" + "A\u{30A}" + "👍🏽" + "🇩🇰")
        #expect(e.characters.count == 4)
        e.backspace()
        #expect(e.text == "æ" + "A\u{30A}" + "👍🏽")
        e.backspace()
        #expect(e.text == "æA\u{30A}")
        e.backspace()
        #expect(e.text == "æ")
        e.backspace()
        #expect(e.text == "")
        e.backspace()
        #expect(e.text == "")
    }

    @Test func aCombiningMarkTypedAfterItsBaseJoinsIt() {
        var e = LineEditor()
        e.insert("A")
        e.insert("\u{30A}")
        #expect(e.characters.count == 1)
        #expect(e.cursor == 1)
        e.insert("b")
        e.left()
        e.left()
        e.deleteForward()
        #expect(e.text == "b")
    }

    @Test func cursorMovesAndInsertsInTheMiddle() {
        var e = LineEditor("Kbenhavn")
        e.home()
        e.right()
        e.insert("ø")
        #expect(e.text == "København")
        e.end()
        e.insert("s")
        #expect(e.text == "Københavns")
        #expect(e.cursor == 10)
    }

    @Test func wordJumpsAndDeletions() {
        var e = LineEditor("Vi skal købe ind, med hjerte")
        e.wordLeft()
        #expect(e.cursor == 22)
        e.wordLeft()
        #expect(e.cursor == 18)
        e.wordRight()
        #expect(e.cursor == 21)
        e.end()
        e.deleteWordBackward()
        #expect(e.text == "Vi skal købe ind, med ")
        e.deleteWordBackward()
        e.deleteWordBackward()
        #expect(e.text == "Vi skal købe ")
        e.home()
        e.wordRight()
        e.deleteToEnd()
        #expect(e.text == "Vi")
        e.end()
        e.insert(" igen")
        e.left(); e.left()
        e.deleteToStart()
        #expect(e.text == "en")
    }

    @Test func homeAndEndWorkPerLineOfAMultiLineNote() {
        var e = LineEditor("første\nanden")
        e.home()
        #expect(e.cursor == 7)
        e.home()
        #expect(e.cursor == 0)
        e.end()
        #expect(e.cursor == 6)
        e.end()
        #expect(e.cursor == 12)
    }

    @Test func layoutWrapsAtSpacesLikeTheNotesList() {
        var e = LineEditor("Vi har brug for flere lærepladser")
        var layout = e.layout(width: 20)
        #expect(layout.rows == ["Vi har brug for ", "flere lærepladser"])
        #expect(layout.cursorRow == 1 && layout.cursorColumn == 17)
        e.home(); e.home()
        layout = e.layout(width: 20)
        #expect(layout.cursorRow == 0 && layout.cursorColumn == 0)
    }

    @Test func layoutWrapsByColumnsAndPlacesTheCursor() {
        let e = LineEditor("ab\n" + String(repeating: "😀", count: 5))
        let layout = e.layout(width: 7)
        // 😀 is two columns: three fit in the 6 usable columns of a 7-wide field.
        #expect(layout.rows == ["ab", "😀😀😀", "😀😀"])
        #expect(layout.cursorRow == 2)
        #expect(layout.cursorColumn == 4)
    }
}

@Suite struct BufferTests {
    @Test func controlCharactersNeverReachTheBufferRaw() {
        var b = Buffer(size: Size(width: 20, height: 1))
        b.put("a\u{1B}[31mb\u{7}\n", x: 0, y: 0)
        #expect(b.lines[0] == "a␛[31mb␇␤")
        #expect(b.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } })
    }

    @Test func wideCharactersTakeTwoCellsAndAreNotSplitAtTheEdge() {
        var b = Buffer(size: Size(width: 5, height: 1))
        let used = b.put("æ😀😀", x: 0, y: 0)
        #expect(used == 5)
        #expect(b[1, 0].text == "😀")
        #expect(b[2, 0].isContinuation)
        var c = Buffer(size: Size(width: 4, height: 1))
        #expect(c.put("ab😀😀", x: 0, y: 0) == 4)
        #expect(c.lines[0] == "ab😀")
        // Overwriting half of a wide character blanks the other half.
        c.put("x", x: 3, y: 0)
        #expect(c.lines[0] == "ab x")
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(TextLayout.lines("Vi vil købe ind med hjerne og hjerte", width: 12)
                == ["Vi vil købe", "ind med", "hjerne og", "hjerte"])
        #expect(TextLayout.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.lines("a\n\nb", width: 4) == ["a", "", "b"])
        #expect(TextLayout.truncate("Københavns Kommune", width: 8) == "Københa…")
    }
}

@Suite struct KeyTableTests {
    @Test func noKeyMeansTwoThingsOnOneScreen() {
        for screen in ScreenID.allCases {
            var seen: [Key: Command] = [:]
            for binding in KeyTable.bindings where binding.screens.contains(screen) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key.label) is bound twice on \(screen)")
                    seen[key] = binding.command
                }
            }
        }
    }

    /// Every screen and modal layer: F1 shows help or Esc leads back (both on
    /// the organiser's screens). At 80 columns the bar holds every essential
    /// key; at 120 the organiser's Alt keys come in too; at 80 they stay out
    /// rather than cut an essential one.
    @Test(arguments: ScreenID.allCases)
    func everyScreenHasHelpOrBackAndTheBarFitsAt80Columns(screen: ScreenID) {
        func shown(_ lang: Language, width: Int) -> (bindings: [KeyBinding], line: String) {
            var buffer = Buffer(size: Size(width: width, height: 1))
            Chrome.keyBar(screen, lang, into: &buffer)
            let line = buffer.lines[0]
            // F1 reads "More" when keys are left out.
            return (KeyTable.bar(for: screen).filter {
                line.contains($0.keys[0].label + $0.bar!.text(lang))
                    || ($0.command == .help && line.contains($0.keys[0].label + TUIText.barMore.text(lang)))
            }, line)
        }
        let help = KeyTable.command(for: .function(1), on: screen) == .help
        let back = [Command.back, .no].contains(KeyTable.command(for: .escape, on: screen))
        #expect(help || back, "\(screen) has neither F1 for help nor Esc to go back")
        if KeyTable.organiser.contains(screen) || screen == .participantForm || screen == .tableForm { #expect(help && back, "\(screen)") }
        for lang in Language.allCases {
            let narrow = shown(lang, width: 80)
            let essential = KeyTable.bar(for: screen).filter { !$0.barWhenRoom }
            #expect(narrow.bindings.map(\.command) == essential.map(\.command),
                    "key bar of \(screen) in \(lang) is cut: \(narrow.line)")
            let wide = shown(lang, width: 120)
            #expect(wide.bindings.count == KeyTable.bar(for: screen).count, "\(screen) in \(lang) at 120: \(wide.line)")
        }
    }

    @Test func theSessionBarOffersTheOrganiserWhenThereIsRoom() {
        #expect(KeyTable.bar(for: .session).contains { $0.barWhenRoom && $0.keys == [.alt("o")] })
        #expect(KeyTable.command(for: .escape, on: .help) == .back)
    }

    /// At 80 columns the organiser's Alt keys are left out of the bar, so F1
    /// says there are more keys; with room for them, it is plain help again.
    @Test func theSessionBarSaysWhereMoreKeysAreWhenSomeAreLeftOut() {
        for (lang, more, help) in [(Language.da, "Flere", "Hjælp"), (.en, "More", "Help")] {
            let narrow = Chrome.barItems(.session, lang, width: 80)
            #expect(narrow.leftOut)
            #expect(narrow.items.first.map { $0.key + $0.label } == "F1" + more)
            #expect(!narrow.items.contains { $0.key == "Alt-o" })
            let wide = Chrome.barItems(.session, lang, width: 200)
            #expect(!wide.leftOut)
            #expect(wide.items.first.map { $0.key + $0.label } == "F1" + help)
            #expect(wide.items.contains { $0.key == "Alt-o" })
        }
    }

    /// The README's keys section, between `<!-- keys:begin -->` and `<!-- keys:end -->` lines; a README
    /// without the markers fails here rather than skipping the check.
    @Test func readmeKeysSectionMatchesTheKeyTable() throws {
        let text = try String(contentsOf: Binary.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- keys:begin -->\n"), "README.md lost its <!-- keys:begin --> marker")
        let end = try #require(text.range(of: "<!-- keys:end -->", range: begin.upperBound..<text.endIndex),
                               "README.md lost its <!-- keys:end --> marker")
        #expect(String(text[begin.upperBound..<end.lowerBound]) == KeyTable.markdown(.en),
                "paste the output of `rundbord keys --markdown --lang en` (= docs/KEYS.md) between the markers")
    }

    /// docs/KEYS.md is generated from the key table; `RECORD_SNAPSHOTS=1` rewrites it.
    @Test func keysDocumentMatchesTheKeyTable() throws {
        let url = Binary.repoRoot.appendingPathComponent("docs/KEYS.md")
        let generated = KeyTable.markdown(.en)
        if Snapshot.recording { try generated.write(to: url, atomically: true, encoding: .utf8) }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(stored == generated, "docs/KEYS.md is out of date: run RECORD_SNAPSHOTS=1 swift test --filter keysDocument")
        #expect(generated.contains("| `F1` | Show every key |"))
    }
}

@Suite struct StatusLineTests {
    /// A status message too long for the width ends in "…" after a whole word.
    @Test func aLongStatusEndsInAnEllipsisAfterAWholeWord() {
        let text = "✓ Slettet: »Fælles indkøbsportal for alle kommunens virksomheder« — Ctrl-Z fortryder sletningen igen"
        let line = Chrome.fitted(text, width: 78)
        #expect(DisplayWidth.of(line) <= 78)
        #expect(line.hasSuffix("…"), "\(line)")
        let words = line.dropLast().split(separator: " ")
        #expect(text.split(separator: " ").starts(with: words), "\(line)")
        #expect(Chrome.fitted("✓ Gemt", width: 78) == "✓ Gemt")
    }
}
