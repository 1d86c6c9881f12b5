import Foundation
import RundbordTestSupport
import Testing
import RundbordCore
import RundbordStore
import RundbordHarness

/// The organiser's curation with the command line alone, as the README walks it.
@Suite("Curation on the command line")
struct CurationCLITests {
    /// Four tables, duplicates and near-duplicates, a misfiled note, two spellings of one owner.
    static func evening(_ dir: TempFolder) throws -> String {
        let file = dir.path("rådhus.rundbord")
        #expect(try rundbord(["new", file, "--tables", "4", "--title", "Rundbord på Rådhuset"]).status == 0)
        let notes: [[String]] = [
            ["--table", "1", "--principle", "1", "--owner", "ØKF", "Inviter Preston-delegationen"],
            ["--table", "2", "--principle", "1", "--owner", "Økonomiforvaltningen", "Invitér en delegation fra Preston"],
            ["--table", "1", "--principle", "2", "Fælles indkøbsportal for små kooperativer"],
            ["--table", "3", "--principle", "2", "Fælles indkøbsportal for små kooperativer"],
            ["--table", "2", "--principle", "3", "Kurser i kooperativ ledelse"],
            ["--table", "4", "--principle", "3", "Kursusforløb i ledelse af kooperativer"],
            ["--table", "3", "--principle", "1", "Praktikpladser i socialøkonomiske virksomheder"],
        ]
        for note in notes {
            let r = try rundbord(["note", file, "--kind", "initiative"] + note)
            #expect(r.status == 0, "\(r.stderr)")
        }
        return file
    }

    static func json(_ file: String) throws -> [[String: Any]] {
        let r = try rundbord(["initiatives", file, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
    }

    static func id(_ text: String, _ list: [[String: Any]]) -> String {
        list.first { ($0["text"] as? String) == text }?["shortId"] as? String ?? "?"
    }

    /// The file's content as the curation reads it, for "nothing changed".
    static func content(_ file: String) throws -> String {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        return "\(try store.allNotes(includeDeleted: true))\n\(try store.curation())"
    }

    @Test func fromRawEveningToCuratedHarvest() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.evening(dir)
        var list = try Self.json(file)
        #expect(list.count == 6, "the same text at two tables is one initiative")

        let suggest = try rundbord(["initiatives", "suggest", file])
        #expect(suggest.status == 0)
        #expect(suggest.stdout.contains("fælles: inviter, preston, delegationen/delegation"), "\(suggest.stdout)")
        #expect(suggest.stdout.contains("Kursusforløb i ledelse af kooperativer"))
        let suggestJSON = try rundbord(["initiatives", "suggest", file, "--json"])
        let pairs = try JSONSerialization.jsonObject(with: Data(suggestJSON.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(pairs.count == 2, "\(suggestJSON.stdout)")

        let a = Self.id("Inviter Preston-delegationen", list), b = Self.id("Invitér en delegation fra Preston", list)
        let merge = try rundbord(["initiatives", "merge", file, a, b, "--text", "Inviter en delegation fra Preston"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let merged = merge.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try Self.content(file)
        let again = try rundbord(["initiatives", "merge", file, a, b])
        #expect(again.status == 0 && again.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == merged)
        #expect(try Self.content(file) == before, "merging twice changes nothing")

        #expect(try rundbord(["owners", "alias", file, "Økonomiforvaltningen", "ØKF"]).status == 0)
        let set = try rundbord(["initiatives", "set", file, merged, "--cost", "250.000", "--decision", "political",
                                "--funding", "needs_funding"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("ca. 250.000 kr.") && set.stdout.contains("politisk beslutning"))

        let misfiled = try #require((list.first { ($0["text"] as? String)?.hasPrefix("Praktik") == true }?["sources"]
            as? [[String: Any]])?.first?["noteId"] as? String)
        let move = try rundbord(["move", file, String(misfiled.prefix(8)), "--principle", "4"])
        #expect(move.status == 0, "\(move.stderr)")
        #expect(try rundbord(["summary", file, "Kommunen skal købe lokalt og lære af Preston."]).status == 0)
        #expect(try rundbord(["summary", file, "--principle", "2", "Fælles indkøb først."]).status == 0)

        list = try Self.json(file)
        #expect(list.count == 5)
        let top = try #require(list.first { ($0["shortId"] as? String) == merged })
        #expect(top["owners"] as? [String] == ["Økonomiforvaltningen"], "two spellings, one owner")
        #expect(top["cost"] as? Int == 250_000 && top["decision"] as? String == "political")
        #expect((top["sources"] as? [[String: Any]])?.count == 2, "both notes kept")
        #expect(list.first { ($0["text"] as? String)?.hasPrefix("Praktik") == true }?["principles"] as? [String]
                == [try EventStore.open(path: file, readOnly: true).event().vision.principles[3].id])
        let store = try EventStore.open(path: file, readOnly: true)
        #expect(try store.curation().keyMessages.count == 2)

        // The harvest shows the curated initiatives.
        let out = dir.path("h.md")
        #expect(try rundbord(["export", file, "--format", "md", "--out", out]).status == 0)
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        #expect(markdown.contains("Inviter en delegation fra Preston"))
        // The funding table's rows ("| Nr. | Indsats | …"): the merged wording, once, as Nr. 1.
        let ranking = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }
        #expect(ranking.contains { $0.hasPrefix("| 1 | Inviter en delegation fra Preston") })
        #expect(!ranking.contains { $0.contains("Invitér") }, "the merged wording replaces the sources' in the ranking")

        // Split gives the two initiatives back, and they are not suggested again.
        let split = try rundbord(["initiatives", "split", file, merged])
        #expect(split.status == 0, "\(split.stderr)")
        #expect(try Self.json(file).count == 6)
        let afterSplit = try rundbord(["initiatives", "suggest", file])
        #expect(!afterSplit.stdout.contains("Preston"), "\(afterSplit.stdout)")
        #expect(afterSplit.stdout.contains("Kursusforløb"))
    }

    /// A suggestion names the tables as a sentence lists them: "(bord 1 og 3)", not "(1, 3)".
    @Test func suggestionsListTheirTablesAsASentenceDoes() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.evening(dir)
        let r = try rundbord(["note", file, "--kind", "initiative", "--table", "4", "--principle", "2",
                              "Fælles indkøbsportal for de små kooperativer"])
        #expect(r.status == 0, "\(r.stderr)")
        let da = try rundbord(["initiatives", "suggest", file])
        #expect(da.status == 0, "\(da.stderr)")
        #expect(da.stdout.contains("Fælles indkøbsportal for små kooperativer (bord 1 og 3)"), "\(da.stdout)")
        #expect(da.stdout.contains("Fælles indkøbsportal for de små kooperativer (bord 4)"), "\(da.stdout)")
        #expect(!da.stdout.contains("(1, 3)"))
        let en = try rundbord(["initiatives", "suggest", file, "--lang", "en"])
        #expect(en.stdout.contains("Fælles indkøbsportal for små kooperativer (tables 1 and 3)"), "\(en.stdout)")
        #expect(en.stdout.contains("(table 4)"), "\(en.stdout)")
    }

    @Test func badInputIsRefusedClearlyAndChangesNothing() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.evening(dir)
        let list = try Self.json(file)
        let a = Self.id("Kurser i kooperativ ledelse", list)
        let before = try Self.content(file)
        let cases: [([String], Int32, String)] = [
            (["initiatives", "merge", file, a, "ffff0000"], 65, "intet id begynder med »ffff0000«"),
            (["initiatives", "merge", file, a, a], 64, "kan ikke lægges sammen med sig selv"),
            (["initiatives", "merge", file, a], 64, "mindst to"),
            (["initiatives", "merge", file, "xy", a], 64, "er ikke et id"),
            (["initiatives", "split", file, a], 65, "er ikke lagt sammen"),
            (["initiatives", "set", file, a, "--cost", "mange penge"], 65, "helt antal kroner"),
            (["initiatives", "set", file, a, "--cost", "12,5"], 65, "helt antal kroner"),
            (["initiatives", "set", file, a, "--decision", "måske"], 64, "political"),
            (["initiatives", "set", file, a, "--text", "   "], 64, "teksten er tom"),
            (["owners", "alias", file, "ØKF", "økf"], 64, "allerede den kanoniske"),
            (["move", file, a], 64, "sig hvorhen"),
            (["move", file, a, "--principle", "9"], 64, "intet princip »9«"),
            (["move", file, a, "--table", "9"], 64, "bord 9 findes ikke"),
            (["summary", file, "--principle", "0", "x"], 64, "intet princip »0«"),
            (["initiatives", "list", dir.path("findes-ikke.rundbord")], 66, "findes-ikke.rundbord"),
        ]
        for (arguments, status, message) in cases {
            let r = try rundbord(arguments)
            #expect(r.status == status, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments) printed \(r.stdout)")
        }
        #expect(try Self.content(file) == before)
        let english = try rundbord(["initiatives", "split", file, a], environment: ["LANG": "en_GB.UTF-8"])
        #expect(english.stderr.contains("was never merged"))
    }

    /// The politician who asked and the council's secretariat get the mail
    /// too: set once with the event, kept in the file, on the mail's To: line
    /// as Python's email package reads it; a bad address changes nothing.
    @Test func theMailsOtherRecipientsAreKeptWithTheEvent() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.evening(dir)
        let set = try rundbord(["event", file, "--sender-name", "Økonomiforvaltningen", "--sender-email", "okf@kk.example",
                                "--add-recipient", "politiker@kk.example", "--add-recipient", "sekretariat@rådet.dk",
                                "--add-recipient", "Politiker@KK.example"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Mailen sendes også til (Til:):\n  1. politiker@kk.example\n  2. sekretariat@rådet.dk\n"),
                "\(set.stdout)")

        let before = try rundbord(["event", file]).stdout
        for (arguments, status, message) in [
            (["--add-recipient", "ikke en adresse"], Int32(65), "'ikke en adresse' er ikke en e-mailadresse"),
            (["--remove-recipient", "3"], 64, "modtageren '3' findes ikke (der er 2)"),
            (["--remove-recipient", "ukendt@kk.example"], 64, "findes ikke"),
        ] {
            let r = try rundbord(["event", file] + arguments)
            #expect(r.status == status, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        #expect(try rundbord(["event", file]).stdout == before, "a refused change writes nothing")

        let mail = dir.path("mail.eml")
        let export = try rundbord(["export", file, "--format", "eml", "--out", mail, "--to", "borgmester@kk.example"])
        #expect(export.status == 0, "\(export.stderr)")
        let read = try Subprocess.run("/usr/bin/python3", ["-c", """
            import email, sys
            from email import policy
            m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
            print(", ".join(a.addr_spec for a in m["To"].addresses))
            """, mail])
        #expect(read.stdout == "okf@kk.example, politiker@kk.example, sekretariat@xn--rdet-qoa.dk, borgmester@kk.example\n",
                "\(read.stdout)\(read.stderr)")

        let removed = try rundbord(["event", file, "--remove-recipient", "POLITIKER@kk.example", "--lang", "en"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("The mail also goes to (To:):\n  1. sekretariat@rådet.dk\n"), "\(removed.stdout)")
        // The JSON is the harvest, not the mail: the addresses are not in it.
        let json = try rundbord(["export", file, "--format", "json", "--out", "-"])
        #expect(json.status == 0 && !json.stdout.contains("sekretariat@"), "\(json.stderr)")
    }
}
