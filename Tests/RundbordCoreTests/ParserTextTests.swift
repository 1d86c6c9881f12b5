import Foundation
import Testing
@testable import RundbordCore

/// argument-parser's own words, as it writes them, read in Danish.
@Suite("Argument parser's words")
struct ParserTextTests {
    /// `rundbord note --help` as swift-argument-parser 1.8 writes it, cut short.
    static let help = """
        OVERVIEW: Gem et notat.

        USAGE: rundbord note [--lang <lang>] <file> --table <table> --principle <principle>
               [--kind <kind>] <text>

        ARGUMENTS:
          <file>                  Arrangementsfilen (.rundbord).

        OPTIONS:
          --lang <lang>           Sprog: da eller en. (values: da, en)
          --kind <kind>           Notatets type. (values: point, idea, concern,
                                  question; default: point)
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          new                     Opret.

          See 'rundbord help <subcommand>' for detailed help.
        """

    @Test func helpIsWhollyDanish() {
        let danish = ParserText.translate(Self.help, to: .da)
        for english in ["OVERVIEW", "USAGE", "ARGUMENTS", "OPTIONS", "SUBCOMMANDS", "Show", "See ", "values:", "default:"] {
            #expect(!danish.contains(english), "\(english) in:\n\(danish)")
        }
        let lines = danish.components(separatedBy: "\n")
        #expect(lines[2] == "BRUG: rundbord note [--lang <lang>] <file> --table <table> --principle <principle>")
        // The usage's second line still hangs under the first one's text.
        #expect(lines[3] == "      [--kind <kind>] <text>")
        #expect(lines.contains("TILVALG:") && lines.contains("ARGUMENTER:") && lines.contains("UNDERKOMMANDOER:"))
        #expect(lines.contains("  --lang <lang>           Sprog: da eller en. (værdier: da, en)"))
        #expect(lines.contains("                          question; standard: point)"))
        #expect(lines.contains("  -h, --help              Vis denne hjælp."))
        #expect(lines.contains("  Se 'rundbord help <underkommando>' for hjælp til hver underkommando."))
        #expect(ParserText.translate(Self.help, to: .en) == Self.help)
    }

    @Test func parseErrorsAreDanish() {
        let error = """
            Error: Unknown option '--speker'. Did you mean '--speaker'?
            Usage: rundbord note <file> --table <table>
                   <text>
              See 'rundbord note --help' for more information.
            """
        #expect(ParserText.translate(error, to: .da) == """
            Fejl: Ukendt tilvalg '--speker'. Mente du '--speaker'?
            Brug: rundbord note <file> --table <table>
                  <text>
              Se 'rundbord note --help' for mere hjælp.
            """)
        let value = "Error: The value 'xx' is invalid for '--lang <lang>'. Please provide one of 'da' and 'en'.\nHelp:  --lang <lang>  Sprog."
        #expect(ParserText.translate(value, to: .da)
                == "Fejl: Værdien 'xx' kan ikke bruges til '--lang <lang>'. Skriv 'da' eller 'en'.\nHjælp: --lang <lang>  Sprog.")
        #expect(ParserText.translate("Error: Missing expected argument '<text>'", to: .da) == "Fejl: Argumentet '<text>' mangler")
        #expect(ParserText.translate("Error: 2 unexpected arguments: 'a', 'b'", to: .da) == "Fejl: 2 uventede argumenter: 'a', 'b'")
    }
}

@Suite("System errors")
struct SystemErrorTests {
    @Test func theSystemsReasonIsInTheChosenLanguage() throws {
        #expect(SystemError.describe(errno: EACCES, .da) == "du har ikke adgang")
        #expect(SystemError.describe(errno: EACCES, .en) == "permission denied")
        #expect(SystemError.describe(errno: 9999, .da) == "systemet afviste handlingen (errno 9999)")
        // A Foundation error from a real failed call: a folder under a file.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rb-sys-\(UUID().uuidString)")
        try Data().write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("x"), withIntermediateDirectories: true)
            Issue.record("a folder inside a file was made")
        } catch {
            let danish = SystemError.describe(error, .da)
            #expect(SystemText.allCases.filter { $0 != .other }.map { $0.text(.da) }.contains(danish), "\(danish)")
            #expect(Localized.reason(error).text(.en) == SystemError.describe(error, .en))
        }
    }
}

@Suite("Text tables")
struct TextTableTests {
    /// Each heading stands over its column: text columns left-aligned,
    /// numbers right-aligned under a right-aligned heading.
    @Test func columnsLineUpUnderTheirHeadings() {
        let rows = [["Table", "Principle", "Phase", "Time", "Notes", "Dots"],
                    ["Table 1", "1/5 Rummelig", "Present", "15:00", "7", "12"],
                    ["Table 12", "2/5 Købe ind med hjerte", "Wrap up", "-1:05", "114", "3"]]
        let lines = TextTable.render(rows).components(separatedBy: "\n")
        #expect(lines == [
            "Table     Principle                Phase     Time  Notes  Dots",
            "Table 1   1/5 Rummelig             Present  15:00      7    12",
            "Table 12  2/5 Købe ind med hjerte  Wrap up  -1:05    114     3",
        ])
        for heading in ["Principle", "Phase"] {
            let column = lines[0].range(of: heading)!.lowerBound.utf16Offset(in: lines[0])
            #expect(lines[1].dropFirst(column).first != " " && lines[1].dropFirst(column - 1).first == " ")
        }
        // Danish letters count one column each; no line ends in spaces.
        let people = TextTable.render([["Navn", "Organisation", "Bord", "Må nævnes"],
                                       ["Åse Ørsted", "FRAK", "1", "ja"], ["Bo", "", "-", "nej"]])
        #expect(people == "Navn        Organisation  Bord  Må nævnes\nÅse Ørsted  FRAK             1  ja\nBo                           -  nej")
    }
}

