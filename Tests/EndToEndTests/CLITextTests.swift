import Foundation
import RundbordCore
import Testing
@testable import rundbord

/// The command line's own strings live in the `rundbord` program, not in
/// RundbordCore; every key has both languages.
@Suite struct CLITextTests {
    @Test func everyCommandLineKeyHasBothLanguages() {
        #expect(Catalogue.problems(CLIText.self) == [])
        #expect(Catalogue.problems(TableText.self) == [])
        #expect(Catalogue.problems(KeyTryText.self) == [])
    }
}

/// Issue #13 items 13 and 14: the organiser's text tables line up under their
/// headings with Danish letters in the names, in both languages, and the
/// dashboard's lines read as sentences ("1 notat, 0 prikker").
@Suite struct CLIColumnsTests {
    /// The character column where `word` starts in `line` (æøå are one column each).
    static func column(_ word: String, in line: String) -> Int? {
        line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }

    @Test func participantsAndDashboardColumnsLineUpInBothLanguages() throws {
        let dir = manyTablesDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("e.rundbord").path
        #expect(try SpawnedRundbord.run(["new", file, "--tables", "2"]).status == 0)
        for (name, org, table) in [("Åse Ørsted", "Kaffe Karma", "1"), ("Søren Æbelø-Ødegård", "Københavns Kommune", "2")] {
            #expect(try SpawnedRundbord.run(["participants", "add", file, "--name", name, "--org", org, "--table", table]).status == 0)
        }
        #expect(try SpawnedRundbord.run(["note", file, "--table", "1", "--principle", "1", "!Fælles indkøb"]).status == 0)
        for (lang, organisation, named) in [("da", "Organisation", "Må nævnes"), ("en", "Organisation", "May be named")] {
            let list = try SpawnedRundbord.run(["participants", "list", file, "--lang", lang]).out
                .split(separator: "\n").map(String.init)
            #expect(list.count == 3, "\(list)")
            let orgColumn = try #require(Self.column(organisation, in: list[0]))
            let namedColumn = try #require(Self.column(named, in: list[0]))
            for (row, org) in zip(list.dropFirst(), ["Kaffe Karma", "Københavns Kommune"]) {
                #expect(Self.column(org, in: row) == orgColumn, "\(list)")
                #expect(Self.column(lang == "da" ? "nej" : "no", in: row) == namedColumn, "\(list)")
            }
            let board = try SpawnedRundbord.run(["dashboard", file, "--text", "--lang", lang]).out
                .split(separator: "\n").map(String.init)
            let heading = try #require(board.first { $0.hasPrefix(lang == "da" ? "Bord " : "Table ") })
            let rows = board.filter { $0.hasPrefix(lang == "da" ? "Bord 1 " : "Table 1 ") || $0.hasPrefix(lang == "da" ? "Bord 2 " : "Table 2 ") }
            #expect(rows.count == 2, "\(board)")
            // Text columns start under their heading; counts end under theirs.
            let phase = lang == "da" ? "Fase" : "Phase", notes = lang == "da" ? "Notater" : "Notes"
            let phaseColumn = try #require(Self.column(phase, in: heading))
            let notesEnd = try #require(Self.column(notes, in: heading)) + notes.count
            #expect(heading.contains(" " + notes), "\(heading)")
            for (row, count) in zip(rows, ["1", "0"]) {
                #expect(Self.column(lang == "da" ? "Præsentation" : "Present", in: row) == phaseColumn, "\(board)")
                let cells = Array(row)
                #expect(String(cells[notesEnd - 1]) == count && cells[notesEnd - 2] == " ", "\(board)")
            }
            #expect(board.contains { $0.hasSuffix(lang == "da" ? ": 1 notat, 0 prikker" : ": 1 note, 0 dots") }, "\(board)")
            #expect(!board.contains { $0.contains("(Prikker:") || $0.contains("(Dots:") })
        }
    }
}
