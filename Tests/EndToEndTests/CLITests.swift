import Foundation
import Testing
import RundbordCore
import RundbordStore
import RundbordHarness

final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rundbord-e2e-\(UUID().uuidString)")
    init() { try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite("Command line")
struct CLITests {
    @Test func newMakesFivePrinciplesTimesNTablesOwnerOnly() throws {
        let dir = Scratch()
        let file = dir.path("rådhus.rundbord")
        let made = try rundbord(["new", file, "--tables", "4", "--title", "Rundbord på Rådhuset", "--date", "2024-11-06"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("4 borde × 5 hovedprincipper"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let store = try EventStore.open(path: file, readOnly: true)
        #expect(try store.tables().count == 4)
        #expect(try store.event().title == "Rundbord på Rådhuset")
    }

    @Test func noteVoteAgreeAndStatus() throws {
        let dir = Scratch()
        let file = dir.path("e.rundbord")
        _ = try rundbord(["new", file, "--tables", "2"])
        #expect(try rundbord(["participants", "add", file, "--name", "Åse Ørsted", "--org", "FRAK",
                              "--email", "ase@frak.dk", "--table", "2", "--named"]).status == 0)
        let initiative = try rundbord(["note", file, "--table", "2", "--principle", "3", "--speaker", "åse ørsted",
                                       "--funding", "needs_funding", "--owner", "Københavns Kommune",
                                       "!Rådgivere lærer den kooperative model"])
        #expect(initiative.status == 0, "\(initiative.stderr)")
        let id = initiative.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil)
        #expect(try rundbord(["vote", file, "--table", "2", "--initiative", id, "--dots", "6"]).status == 0)
        #expect(try rundbord(["agree", file, "--table", "2", "--principle", "3", "--enig", "5", "--delvis", "2",
                              "--uenig", "1", "--ved-ikke", "0"]).status == 0)
        let store = try EventStore.open(path: file, readOnly: true)
        let note = try #require(try store.note(id: UUID(uuidString: id)!))
        #expect(note.kind == .initiative && note.dots == 6 && note.funding == .needsFunding)
        #expect(note.owner == "Københavns Kommune")
        #expect(note.speakerId == (try store.participants().first?.id))
        let table = try store.table(number: 2)
        #expect(try store.agreement(tableId: table.id, principleId: table.principleIds[2]) ==
                AgreementTally(agree: 5, partly: 2, disagree: 1, dontKnow: 0))
        let status = try rundbord(["status", file, "--lang", "en"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("Participants: 1"))
        let totalLine = status.stdout.split(separator: "\n").last { $0.hasPrefix("Total") }
        #expect(totalLine?.split(separator: " ").suffix(2) == ["1", "6"], "total notes and dots: \(status.stdout)")
    }

    /// `--help` of every command speaks the user's language: every command and
    /// every option it shows has a text, and the Danish one is not the English one.
    @Test func everyCommandAndOptionHasHelpInBothLanguages() throws {
        func commands(_ lang: String) throws -> [String: [String: String]] {
            let r = try rundbord(["--experimental-dump-help"], environment: ["LANG": lang])
            #expect(r.status == 0, "\(r.stderr)")
            let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            var found: [String: [String: String]] = [:]
            func walk(_ command: [String: Any], _ path: String) {
                // argument-parser's own `help` command is its text, not ours.
                guard command["shouldDisplay"] as? Bool != false, path != "rundbord help" else { return }
                var texts = ["(command)": command["abstract"] as? String ?? ""]
                for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                    let name = ((argument["preferredName"] as? [String: Any])?["name"] as? String)
                        ?? argument["valueName"] as? String ?? "?"
                    guard !["help", "version", "experimental-dump-help"].contains(name) else { continue }
                    texts[name] = argument["abstract"] as? String ?? ""
                }
                found[path] = texts
                for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                    walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
                }
            }
            walk(try #require(root["command"] as? [String: Any]), "rundbord")
            return found
        }
        let da = try commands("da_DK.UTF-8"), en = try commands("en_GB.UTF-8")
        #expect(da.count > 20 && Set(da.keys) == Set(en.keys))
        for (command, texts) in da.sorted(by: { $0.key < $1.key }) {
            for (name, danish) in texts.sorted(by: { $0.key < $1.key }) {
                let english = en[command]?[name] ?? ""
                #expect(!danish.isEmpty && !english.isEmpty, "\(command) \(name) has no help")
                #expect(danish != english, "\(command) \(name) is the same in both languages: \(danish)")
            }
        }
    }

    @Test func errorsAreClearAndUseSysexits() throws {
        let dir = Scratch()
        let file = dir.path("e.rundbord")
        _ = try rundbord(["new", file])
        let noTable = try rundbord(["note", file, "--table", "7", "--principle", "1", "x"])
        #expect(noTable.status == 64)
        #expect(noTable.stderr == "rundbord: bord 7 findes ikke i arrangementet (der er 1 bord)\n")
        let english = try rundbord(["note", file, "--table", "7", "--principle", "1", "x"], environment: ["LANG": "en_GB.UTF-8"])
        #expect(english.stderr.contains("table 7 does not exist"))
        let empty = try rundbord(["note", file, "--table", "1", "--principle", "1", "  "])
        #expect(empty.status == 65)
        let exists = try rundbord(["new", file])
        #expect(exists.status == 73)
        let badOption = try rundbord(["note", file, "--table", "1", "--principle", "1", "--kind", "gossip", "x"])
        #expect(badOption.status == 64)
        #expect(try rundbord(["--version"]).stdout.hasPrefix("0."))
    }

    @Test func malformedTemplateGivesPositionExit65AndWritesNothing() throws {
        let dir = Scratch()
        let template = dir.path("bad.yaml")
        try Data("""
            format: 1
            id: bad
            language: da
            title: "Skæv"
            principles:
              - id: a
                title: "A"
                minuttes: 5
            """.utf8).write(to: URL(fileURLWithPath: template))
        let validate = try rundbord(["templates", "validate", template, "--lang", "en"])
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("bad.yaml:8:5: unknown key 'minuttes'"), "\(validate.stderr)")
        let file = dir.path("e.rundbord")
        let made = try rundbord(["new", file, "--template", template])
        #expect(made.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["bad.yaml"])
        #expect(try rundbord(["templates", "validate", Binary.repoRoot.appendingPathComponent("Templates/visions/faelles-vaerdier.yaml").path]).status == 0)
    }

    @Test func templatesListAndShow() throws {
        let list = try rundbord(["templates", "list"])
        #expect(list.stdout.contains("faelles-vaerdier\tFælles Værdier, Fælles Vækst"))
        let show = try rundbord(["templates", "show", "faelles-vaerdier"])
        #expect(show.stdout.contains("5. Vi vil erfaringsudveksle med internationale storbyer og initiativer"))
    }

    /// 1,000 scripted notes; one `rundbord note` is killed with SIGKILL in the
    /// middle. Every id that was printed must be in the file, and the file sound.
    @Test func thousandNotesWithAKillLoseNothingPrinted() throws {
        let dir = Scratch()
        let file = dir.path("kill.rundbord")
        _ = try rundbord(["new", file, "--tables", "2"])
        var printed: [String: String] = [:]
        for i in 0..<1000 {
            let text = "notat \(i) æøå"
            let child = try Subprocess.start(Binary.rundbord, ["note", file, "--table", "\(i % 2 + 1)", "--principle", "\(i % 5 + 1)", text])
            if i == 500 {
                usleep(useconds_t(Int.random(in: 5_000...40_000)))
                kill(child.pid, SIGKILL)
            }
            let status = child.wait()
            let id = child.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            if i != 500 { #expect(status == 0, "\(child.stderr)") }
            if !id.isEmpty { printed[id] = text }
            child.cleanUp()
        }
        #expect(printed.count >= 999)
        let store = try EventStore.open(path: file)
        let saved = Dictionary(uniqueKeysWithValues: try store.allNotes().map { ($0.id.uuidString, $0.text) })
        for (id, text) in printed { #expect(saved[id] == text, "note \(id) was printed but is missing") }
        #expect(try store.integrityCheck() == "ok")
    }
}

/// `rundbord run …` is parsed by the `run` command's own parser before the
/// whole command tree is built (start-up speed); help, errors and an event
/// that cannot be opened must read exactly as through the full parser.
@Suite("Start-up fast path")
struct StartupFastPathTests {
    @Test func runHelpAndErrorsNameTheWholeCommand() throws {
        let help = try rundbord(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains(": rundbord run ["), "\(help.stdout)")
        let missing = try rundbord(["run"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains(": rundbord run ["), "\(missing.stderr)")
        let badTable = try rundbord(["run", "x.rundbord", "--table", "abc"])
        #expect(badTable.status == 64)
        #expect(badTable.stderr.contains("'abc'") && badTable.stderr.contains("rundbord run"), "\(badTable.stderr)")
        // Parsed on the fast path, then refused by the store: the store's message and exit code.
        let dir = Scratch()
        let absent = try rundbord(["run", dir.path("ingen.rundbord"), "--lang", "en"])
        #expect(absent.status == 66, "\(absent.stderr)")
        #expect(absent.stderr.hasPrefix("rundbord: "), "\(absent.stderr)")
        let event = dir.path("e.rundbord")
        _ = try rundbord(["new", event, "--tables", "2"])
        let noTable = try rundbord(["run", event, "--table", "9"])
        #expect(noTable.status != 0 && noTable.stderr.contains("9"), "\(noTable.stderr)")
        let version = try rundbord(["--version"]).stdout
        #expect(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil, "\(version)")
    }
}
