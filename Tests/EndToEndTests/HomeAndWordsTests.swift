import Foundation
import RundbordTestSupport
import Testing
import RundbordCore
import RundbordStore

/// Where the default event lives, and the command line's words in one language.
@Suite("Home folder and words")
struct HomeAndWordsTests {
    /// `rundbord` with no arguments makes its event under `$HOME`, not in the
    /// account's home from the password database. Without a terminal the
    /// screen then refuses to open, but the event is already made.
    @Test func homeIsHonouredAndXDGWins() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let plain = try rundbord([], environment: ["HOME": dir.path("home"), "XDG_DATA_HOME": ""], stdin: "")
        let expected = dir.path("home") + "/.local/share/rundbord/rundbord.rundbord"
        #expect(FileManager.default.fileExists(atPath: expected), "\(plain.stderr)")
        #expect(plain.stderr.contains(expected))
        let xdg = try rundbord([], environment: ["HOME": dir.path("home"), "XDG_DATA_HOME": dir.path("data")], stdin: "")
        #expect(FileManager.default.fileExists(atPath: dir.path("data") + "/rundbord/rundbord.rundbord"), "\(xdg.stderr)")
        // A relative XDG_DATA_HOME is ignored, as the XDG specification says.
        _ = try rundbord([], environment: ["HOME": dir.path("home2"), "XDG_DATA_HOME": "relative"], stdin: "")
        #expect(FileManager.default.fileExists(atPath: dir.path("home2") + "/.local/share/rundbord/rundbord.rundbord"))
    }

    /// A data folder that cannot be made is reported wholly in the chosen
    /// language (a file stands where the folder should be; root may write
    /// anywhere, so permissions alone would not stop it).
    @Test func aFolderThatCannotBeMadeIsReportedInOneLanguage() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        try FileManager.default.createDirectory(atPath: dir.path("home"), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: dir.path("home/.local")))
        let folder = dir.path("home") + "/.local/share/rundbord"
        let da = try rundbord([], environment: ["HOME": dir.path("home"), "XDG_DATA_HOME": ""], stdin: "")
        #expect(da.status == 73)
        #expect(da.stderr == "rundbord: \(folder): kan ikke oprettes: en del af stien er en fil, ikke en mappe\n")
        let en = try rundbord(["--lang", "en"], environment: ["HOME": dir.path("home"), "XDG_DATA_HOME": ""], stdin: "")
        #expect(en.stderr == "rundbord: \(folder): cannot be created: part of the path is a file, not a folder\n")
    }

    /// Help and parse errors speak Danish to the end: argument-parser's own
    /// headings, flags and errors too.
    @Test func helpAndParseErrorsAreWhollyDanish() throws {
        let english = ["USAGE", "OVERVIEW", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show the version", "Show help",
                       "See '", "values:", "default:", "Error:", "Usage:", "Missing", "Unknown"]
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        _ = try rundbord(["new", file])
        let runs = [["--help"], ["note", "--help"], ["help", "participants"], ["export", "--help"],
                    ["note", file, "--table", "1", "--principle", "1"], ["note", file, "--tabel", "1", "x"],
                    ["status", file, "--lang", "xx"]]
        for arguments in runs {
            let r = try rundbord(arguments, environment: ["LANG": "da_DK.UTF-8"])
            let out = r.stdout + r.stderr
            for word in english { #expect(!out.contains(word), "\(arguments): \(word) in\n\(out)") }
        }
        let help = try rundbord(["--help"])
        #expect(help.status == 0 && help.stdout.contains("BRUG: rundbord") && help.stdout.contains("  --version               Vis versionen."))
        let missing = try rundbord(["note", file, "--table", "1", "--principle", "1"])
        #expect(missing.status == 64 && missing.stderr.hasPrefix("Fejl: Argumentet '<text>' mangler\n"), "\(missing.stderr)")
        // English stays argument-parser's English.
        let en = try rundbord(["--help", "--lang", "en"])
        #expect(en.stdout.contains("USAGE: rundbord") && en.stdout.contains("Show help information."))
    }

    /// A concern typed from a script: "-Bekymring" is the note's text, not an option.
    @Test func aNoteTextStartingWithADashNeedsNoDoubleDash() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        _ = try rundbord(["new", file])
        let saved = try rundbord(["note", file, "--table", "1", "--principle", "3", "-Bekymring for økonomien"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let id = try #require(UUID(uuidString: saved.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let store = try EventStore.open(path: file, readOnly: true)
        let note = try #require(try store.note(id: id))
        #expect(note.kind == .concern && note.text == "Bekymring for økonomien")
        // The text may come before the options too.
        let first = try rundbord(["note", file, "-dyrt", "--table", "1", "--principle", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        // A misspelt option is still an error, and the error says how to write a dash text.
        let wrong = try rundbord(["note", file, "--table", "1", "--principle", "3", "--speker", "Åse", "-Bekymring"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("Ukendt tilvalg '--speker'"))
        #expect(wrong.stderr.contains("En tekst, der begynder med '-', skrives efter '--': -- -Bekymring"), "\(wrong.stderr)")
        #expect(try store.allNotes().count == 2)
    }

    /// A table's name, host and note-taker are set from the command line and
    /// reach the harvest's appendix; a running table's progress does not undo them.
    @Test func tableNameHostAndNoteTakerFromTheCommandLine() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        _ = try rundbord(["new", file, "--tables", "2"])
        let set = try rundbord(["table", file, "2", "--name", "Grøn omstilling", "--host", "Åse Ørsted", "--note-taker", "Bo"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "Bord 2: Grøn omstilling\n  Bordvært: Åse Ørsted\n  Referent: Bo\n")
        // The table's session saving its clock keeps the name.
        let store = try EventStore.open(path: file)
        var stale = try store.table(number: 2)
        stale.name = ""
        stale.progress.phase = .discuss
        try store.save(progress: stale)
        #expect(try store.table(number: 2).name == "Grøn omstilling")
        #expect(try store.table(number: 2).progress.phase == .discuss)
        store.close()
        let all = try rundbord(["table", file, "--lang", "en"])
        #expect(all.stdout.hasPrefix("Table 1\n  Host: not given\n  Note-taker: not given\nTable 2: Grøn omstilling\n"), "\(all.stdout)")
        let md = try rundbord(["export", file, "--format", "md", "--out", dir.path("h.md")])
        #expect(md.status == 0, "\(md.stderr)")
        let harvest = try String(contentsOfFile: dir.path("h.md"), encoding: .utf8)
        #expect(harvest.contains("Bord 2: Grøn omstilling") && harvest.contains("Referent: Bo"), "\(harvest)")
        let noNumber = try rundbord(["table", file, "--name", "X"])
        #expect(noNumber.status == 64 && noNumber.stderr.contains("kræver et bordnummer"))
    }

    /// Every problem of a roster line is reported, not only the first.
    @Test func rosterImportReportsEveryProblemOfALine() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        _ = try rundbord(["new", file, "--tables", "2"])
        try Data("navn;organisation;e-mail;bord;må nævnes\n;KK;ikke-en-adresse;9;måske\nAnne;KK;;1;ja\n".utf8)
            .write(to: URL(fileURLWithPath: dir.path("r.csv")))
        let r = try rundbord(["participants", "import", file, dir.path("r.csv")])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("r.csv:2:") }
        #expect(lines.count == 4, "\(r.stderr)")
        #expect(r.stderr.contains("fejl på 1 linje;"), "\(r.stderr)")
    }
}
