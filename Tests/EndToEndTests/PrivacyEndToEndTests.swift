import Foundation
import RundbordTestSupport
import Testing
import RundbordCore
import RundbordStore
import RundbordHarness

/// Issue 12's reproductions through the real binary, every export read back
/// by the reader a recipient would use (python3's csv, json and email).
@Suite("Privacy, end to end")
struct PrivacyEndToEndTests {
    static let roster = """
        navn;organisation;e-mail;bord;må nævnes
        Henrik Vestergaard-Lund;Kontra Advokater;hvl@kontra.example;2;nej
        Sofie Krag;Ældre Sagen;sofie@aeldresagen.example;1;nej
        Anne Ørsted;Kooperationen;anne@koop.example;1;ja

        """

    /// Every text a reader of the export sees, one string: Markdown and text
    /// as UTF-8, CSV cells through csv.reader, JSON strings through json,
    /// the mail's headers and every decoded part through email.
    static let reader = #"""
        import csv, email, json, sys
        from email import policy
        path, kind = sys.argv[1], sys.argv[2]
        out = []
        if kind in ("md", "txt"):
            out.append(open(path, encoding="utf-8").read())
        elif kind in ("csv", "initiatives-csv"):
            with open(path, encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f):
                    out.extend(row)
        elif kind == "json":
            def walk(v):
                if isinstance(v, dict):
                    for k, x in v.items(): out.append(str(k)); walk(x)
                elif isinstance(v, list):
                    for x in v: walk(x)
                else:
                    out.append(str(v))
            walk(json.load(open(path, encoding="utf-8")))
        elif kind == "eml":
            msg = email.message_from_binary_file(open(path, "rb"), policy=policy.default)
            for part in msg.walk():
                for k, v in part.items():
                    if k.lower() != "bcc": out.append(f"{k}: {v}")
                if not part.is_multipart():
                    content = part.get_content()
                    out.append(content if isinstance(content, str) else content.decode("utf-8", "replace"))
        print("\n".join(out))
        """#

    static func read(_ path: String, _ kind: String) throws -> String {
        if kind == "pdf" {
            // The PDF as a reader sees it: its text, and its metadata (title, author).
            let text = try Subprocess.run("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"])
            let info = try Subprocess.run("/usr/bin/pdfinfo", [path])
            #expect(text.status == 0 && info.status == 0, "\(text.stderr)\(info.stderr)")
            // Lines a paragraph was broken into read as one.
            return (text.stdout + "\n" + info.stdout).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let r = try Subprocess.run("/usr/bin/python3", ["-c", reader, path, kind])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static let formats: [(format: String, ext: String)] = [
        ("md", "md"), ("txt", "txt"), ("eml", "eml"), ("csv", "csv"), ("initiatives-csv", "initiatives.csv"), ("json", "json"),
        ("pdf", "pdf"),
    ]

    /// Exports every format (into `dir`, suffix `tag`) and returns what a reader sees in each.
    static func exports(_ file: String, _ dir: TempFolder, tag: String, _ extra: [String] = []) throws -> [String: String] {
        var out: [String: String] = [:]
        for (format, ext) in formats {
            let target = dir.path("\(tag).\(ext)")
            let r = try rundbord(["export", file, "--format", format, "--out", target] + extra)
            #expect(r.status == 0, "\(format): \(r.stderr)")
            out[format] = try read(target, format)
        }
        return out
    }

    static func event(_ dir: TempFolder, _ name: String, roster: Bool) throws -> String {
        let file = dir.path(name)
        let made = try rundbord(["new", file, "--tables", "2", "--organiser", "ØKF", "--organiser-email", "okf@kk.example"])
        #expect(made.status == 0, "\(made.stderr)")
        if roster {
            let csv = dir.path("deltagere.csv")
            try Self.roster.write(toFile: csv, atomically: true, encoding: .utf8)
            let imported = try rundbord(["participants", "import", file, csv])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        return file
    }

    @Test func aSpeakerWrittenAsNameAndOrganisationIsThePersonAndIsNotNamed() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: true)
        let note = try rundbord(["note", file, "--table", "2", "--principle", "5", "--speaker",
                                 "Henrik Vestergaard-Lund, Kontra Advokater", "Vi skal have flere lærepladser"])
        #expect(note.status == 0, "\(note.stderr)")
        let store = try EventStore.open(path: file, readOnly: true)
        let henrik = try #require(try store.participants().first { $0.name == "Henrik Vestergaard-Lund" })
        let saved = try #require(try store.note(id: UUID(uuidString: note.stdout.trimmingCharacters(in: .whitespacesAndNewlines))!))
        #expect(saved.speakerId == henrik.id && saved.speakerOrganisation == nil)
        store.close()

        for (format, text) in try Self.exports(file, dir, tag: "named") {
            #expect(format == "initiatives-csv" || text.contains("Vi skal have flere lærepladser"), "\(format)")
            for name in ["Henrik", "Vestergaard", "Sofie", "Krag"] {
                #expect(!text.contains(name), "\(format) names \(name)")
            }
            // Anne agreed; she is listed where participants are listed.
            if format == "md" || format == "json" { #expect(text.contains("Anne Ørsted"), "\(format)") }
        }
    }

    @Test func aSpeakerCreditedBeforeTheRosterIsImportedIsNotNamed() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: false)
        // Unknown: refused, nothing written.
        let refused = try rundbord(["note", file, "--table", "2", "--principle", "1", "--speaker", "Henrik Vestergaard-Lund", "Tekst"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("«Henrik Vestergaard-Lund» er ikke på deltagerlisten"), "\(refused.stderr)")
        // Typed in as a person (not named until consent), credited, then the roster arrives.
        #expect(try rundbord(["participants", "add", file, "--name", "henrik vestergaard lund"]).status == 0)
        let note = try rundbord(["note", file, "--table", "2", "--principle", "1", "--speaker", "Henrik Vestergaard-Lund",
                                 "Lærepladser i kommunen"])
        #expect(note.status == 0, "\(note.stderr)")
        let csv = dir.path("deltagere.csv")
        try Self.roster.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try rundbord(["participants", "import", file, csv]).status == 0)
        let store = try EventStore.open(path: file, readOnly: true)
        let people = try store.participants()
        #expect(people.count == 3, "the roster completed the person typed in: \(people.map(\.name))")
        let henrik = try #require(people.first { $0.email == "hvl@kontra.example" })
        #expect(try store.allNotes().first?.speakerId == henrik.id)
        store.close()

        for (format, text) in try Self.exports(file, dir, tag: "later") {
            #expect(format == "initiatives-csv" || text.contains("Lærepladser i kommunen"), "\(format)")
            for name in ["Henrik", "Vestergaard", "henrik"] {
                #expect(!text.contains(name), "\(format) names \(name)")
            }
        }
    }

    @Test func anOwnerWhoIsAPersonFollowsConsentAndAnonymousSaysWhatItLeftOut() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: true)
        let initiative = try rundbord(["note", file, "--table", "1", "--principle", "2", "--owner", "Sofie Krag",
                                       "--speaker", "anne ørsted", "!Sofie Krags forslag om fælles indkøb"])
        #expect(initiative.status == 0, "\(initiative.stderr)")
        let org = try rundbord(["note", file, "--table", "1", "--principle", "2", "--speaker-org", "Kontra Advokater",
                                "Retshjælp til små foreninger"])
        #expect(org.status == 0, "\(org.stderr)")

        let named = try Self.exports(file, dir, tag: "named")
        let anonymous = try Self.exports(file, dir, tag: "anonymous", ["--anonymous"])
        for (format, text) in named {
            #expect(!text.contains("Sofie") && !text.contains("Krag"), "\(format): \(text)")
            #expect(text.contains("en deltagers forslag om fælles indkøb") || text.contains("En deltagers forslag om fælles indkøb"),
                    "\(format)")
        }
        for (format, text) in anonymous {
            for name in ["Sofie", "Krag", "Anne", "Ørsted", "Henrik"] {
                #expect(!text.contains(name), "\(format) names \(name)")
            }
        }
        // Organisations are not persons: still credited and listed.
        let markdown = try #require(anonymous["md"])
        #expect(markdown.contains("- Retshjælp til små foreninger (Kontra Advokater)"), "\(markdown)")
        #expect(markdown.contains("bag samtalerne:") && markdown.contains("Kontra Advokater"))
        // It says truthfully what it left out: Anne's credit, the three names of the list, Sofie twice.
        #expect(markdown.contains("Udeladt er 1 kreditering af deltagere, 3 navne på deltagerlisten og 2 navne i teksterne"),
                "\(markdown)")
        let json = try #require(anonymous["json"])
        #expect(json.contains("namesReplaced"))
    }

    /// The people in the room know "Henrik" and "Vestergaard-Lund" as well as
    /// his full name, and his e-mail address names him too.
    @Test func aFirstNameASurnameOrAnEmailAddressAloneIsNotNamedEither() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: true)
        let notes = [["Henrik foreslog mentorordninger; skriv til hvl@kontra.example"],
                     ["--owner", "Vestergaard-Lund", "!Mentorordning for nye iværksættere"]]
        for args in notes {
            let r = try rundbord(["note", file, "--table", "2", "--principle", "3"] + args)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let status = try rundbord(["status", file])
        for written in ["tekst: Henrik —", "tekst: hvl@kontra.example —", "ansvarlig: Vestergaard-Lund —"] {
            #expect(status.stdout.contains(written), "\(status.stdout)")
        }
        for (format, text) in try Self.exports(file, dir, tag: "parts") {
            for needle in ["Henrik", "Vestergaard", "hvl@kontra"] {
                #expect(!text.contains(needle), "\(format) names \(needle)")
            }
            #expect(format == "initiatives-csv" || text.contains("En deltager foreslog mentorordninger"), "\(format)")
        }
    }

    @Test func unknownNamesAreRefusedWithTheClosestRosterNames() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: true)
        let typo = try rundbord(["note", file, "--table", "1", "--principle", "1", "--speaker", "Henrik Vestergård", "Tekst",
                                 "--lang", "en"])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("'Henrik Vestergård' is not on the roster. Closest: Henrik Vestergaard-Lund, Kontra Advokater."),
                "\(typo.stderr)")
        let person = try rundbord(["note", file, "--table", "1", "--principle", "1", "--speaker-org", "sofie  krag", "Tekst"])
        #expect(person.status == 65)
        #expect(person.stderr.contains("er en deltager på listen"), "\(person.stderr)")
        let both = try rundbord(["note", file, "--table", "1", "--principle", "1", "--speaker", "Anne Ørsted",
                                 "--speaker-org", "Kooperationen", "Tekst"])
        #expect(both.status == 64)
        let store = try EventStore.open(path: file, readOnly: true)
        #expect(try store.allNotes().isEmpty, "nothing refused was written")
        store.close()
    }

    @Test func statusShowsNamesInTextAndTheOrganiserCanKeepOne() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: true)
        let note = try rundbord(["note", file, "--table", "1", "--principle", "1", "Sofie Krag takkede Anne Ørsted"])
        #expect(note.status == 0, "\(note.stderr)")
        let id = note.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try rundbord(["status", file])
        #expect(status.stdout.contains("  Bord 1, hovedprincip 1, tekst: Sofie Krag — erstattes [\(id.prefix(8))]"), "\(status.stdout)")
        #expect(!status.stdout.contains("tekst: Anne Ørsted"), "Anne agreed to be named")
        #expect(try Self.read(try exportMarkdown(file, dir, "before"), "md").contains("En deltager takkede Anne Ørsted"))

        let keep = try rundbord(["participants", "keep-name", file, "sofie krag", "--note", String(id.prefix(8)), "--lang", "en"])
        #expect(keep.status == 0 && keep.stdout.contains("Sofie Krag is now kept by name in 1 note."), "\(keep.stdout)\(keep.stderr)")
        #expect(try rundbord(["status", file]).stdout.contains("tekst: Sofie Krag — beholdes efter arrangørens valg"))
        #expect(try Self.read(try exportMarkdown(file, dir, "kept"), "md").contains("Sofie Krag takkede Anne Ørsted"))
        #expect(!(try Self.read(try exportMarkdown(file, dir, "anonymous", ["--anonymous"]), "md")).contains("Sofie"))
    }

    func exportMarkdown(_ file: String, _ dir: TempFolder, _ tag: String, _ extra: [String] = []) throws -> String {
        let target = dir.path("\(tag).md")
        let r = try rundbord(["export", file, "--format", "md", "--out", target] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return target
    }

    @Test func accessAndErasureThroughTheBinary() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try Self.event(dir, "e.rundbord", roster: true)
        let credited = try rundbord(["note", file, "--table", "2", "--principle", "1", "--speaker", "Henrik Vestergaard-Lund",
                                     "Flere lærepladser"])
        #expect(credited.status == 0, "\(credited.stderr)")
        #expect(try rundbord(["note", file, "--table", "1", "--principle", "2", "--owner", "henrik vestergaard lund",
                              "!Henrik Vestergaard-Lunds idé: skriv til hvl@kontra.example"]).status == 0)
        #expect(try rundbord(["participants", "set", file, "Henrik Vestergaard-Lund", "--named"]).status == 0)

        // Access: JSON a parser reads, holding every note that credits or names him, and his consent history.
        let data = try rundbord(["participants", "data", file, "hvl@kontra.example"])
        #expect(data.status == 0, "\(data.stderr)")
        let dataFile = dir.path("data.json")
        try data.stdout.write(toFile: dataFile, atomically: true, encoding: .utf8)
        let summary = try Subprocess.run("/usr/bin/python3", ["-c", """
            import json, sys
            d = json.load(open(sys.argv[1], encoding="utf-8"))
            print(d["schema"], d["participant"]["name"], d["participant"]["email"])
            print(sorted((n["credited"], ",".join(n["namedIn"])) for n in d["notes"]))
            print([c["mayBeNamed"] for c in d["consentHistory"]])
            """, dataFile])
        #expect(summary.stdout == "rundbord-person/1 Henrik Vestergaard-Lund hvl@kontra.example\n"
                + "[(False, 'text,owner'), (True, '')]\n[False, True]\n", "\(summary.stdout)\(summary.stderr)")

        // Erasure: refused without a terminal or --yes; then nothing of him is left in the bytes.
        let refused = try rundbord(["participants", "forget", file, "Henrik Vestergaard-Lund"])
        #expect(refused.status == 64, "\(refused.stderr)")
        let forget = try rundbord(["participants", "forget", file, "Henrik Vestergaard-Lund", "--yes", "--lang", "en"])
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout.contains("Erased Henrik Vestergaard-Lund: 1 credit removed, 2 notes"), "\(forget.stdout)")
        let strings = try Subprocess.run("/usr/bin/strings", ["-a", file])
        #expect(strings.status == 0)
        for needle in ["Henrik", "Vestergaard", "hvl@kontra", "kontra.example"] {
            #expect(!strings.stdout.contains(needle), "strings finds \(needle)")
        }
        let wal = FileManager.default.contents(atPath: file + "-wal") ?? Data()
        #expect(wal.isEmpty, "the write-ahead log is emptied")
        let gone = try rundbord(["participants", "data", file, "Henrik Vestergaard-Lund"])
        #expect(gone.status == 65)

        // Retention: every e-mail address goes; the harvest still works.
        let contacts = try rundbord(["event", file, "--forget-contacts"])
        #expect(contacts.status == 0, "\(contacts.stderr)")
        #expect(contacts.stdout.contains("Fjernede 2 e-mailadresser"), "\(contacts.stdout)")
        let after = try Subprocess.run("/usr/bin/strings", ["-a", file])
        for needle in ["sofie@aeldresagen.example", "anne@koop.example"] { #expect(!after.stdout.contains(needle), "\(needle)") }
        #expect(try rundbord(["export", file, "--format", "md", "--out", dir.path("h.md")]).status == 0)
    }
}
