import Foundation
import Testing
import RundbordCore
import RundbordStore

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `rundbord` binary as a real process with posix_spawn
/// (Foundation.Process's waitUntilExit can hang in this environment).
enum SpawnedRundbord {
    /// The binary next to the test bundle (`swift build` puts both in .build/debug),
    /// or the one named by RUNDBORD_BIN.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["RUNDBORD_BIN"], !path.isEmpty { return path }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("rundbord").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/rundbord").path
    }

    struct Running {
        let pid: pid_t
        let stdout: String
        let stderr: String

        /// Waits for the process; its exit status and what it printed.
        func wait() throws -> (status: Int32, out: String, err: String) {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                guard errno == EINTR else { throw POSIXError(.ECHILD) }
            }
            let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            defer { unlink(stdout); unlink(stderr) }
            return (code, try String(contentsOfFile: stdout, encoding: .utf8), try String(contentsOfFile: stderr, encoding: .utf8))
        }
    }

    /// Starts `rundbord args…` with stdin from `input` (a file) or /dev/null,
    /// stdout and stderr into temporary files.
    static func start(_ args: [String], stdin input: String? = nil, environment: [String: String] = [:]) throws -> Running {
        let dir = FileManager.default.temporaryDirectory.path
        let tag = UUID().uuidString
        let out = "\(dir)/rundbord-out-\(tag)", err = "\(dir)/rundbord-err-\(tag)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([binary] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        for (k, v) in environment { env[k] = v }
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        return Running(pid: pid, stdout: out, stderr: err)
    }

    static func run(_ args: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try start(args, stdin: stdin).wait()
    }
}

func manyTablesDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rundbord-e2e-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite(.serialized) struct ManyTablesProcessTests {
    /// Four processes (two of them on the same table) each save 2,500 notes
    /// into one file at once, every note in its own durable transaction.
    @Test func fourWritersTenThousandNotes() throws {
        let dir = manyTablesDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("arrangement.rundbord").path
        let created = try SpawnedRundbord.run(["new", file, "--tables", "3"])
        #expect(created.status == 0, "\(created.err)")

        let writers = 4, perWriter = 2_500
        var running: [SpawnedRundbord.Running] = []
        for w in 0..<writers {
            let input = dir.appendingPathComponent("lines-\(w).txt").path
            let lines = (0..<perWriter).map { "skriver \(w) notat \($0): æøå ÆØÅ" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
            running.append(try SpawnedRundbord.start(["note-lines", file, "--table", "\(w % 2 + 1)", "--principle", "\(w + 1)"],
                                              stdin: input))
        }
        var printed: [String] = []
        for process in running {
            let result = try process.wait()
            #expect(result.status == 0, "\(result.err)")
            #expect(!result.err.contains("locked"), "\(result.err)")
            let ids = result.out.split(separator: "\n").map(String.init)
            #expect(ids.count == perWriter)
            printed += ids
        }

        let store = try EventStore.open(path: file, readOnly: true)
        let notes = try store.allNotes(includeDeleted: true)
        #expect(notes.count == writers * perWriter)
        #expect(Set(notes.map(\.id)).count == writers * perWriter)
        #expect(Set(notes.map(\.text)).count == writers * perWriter)
        // Every id a writer printed (it printed only after the commit) is in the file.
        #expect(Set(printed) == Set(notes.map(\.id.uuidString)))
        for w in 0..<writers {
            #expect(notes.filter { $0.text.hasPrefix("skriver \(w) ") }.count == perWriter)
        }
        let integrity = try SpawnedRundbord.run(["status", file])
        #expect(integrity.status == 0)
        let check = try ManyTablesSQLiteCheck.integrity(file)
        #expect(check == "ok")
    }

    /// A writer killed with SIGKILL mid-way: every id it had printed is in the file.
    @Test func everyPrintedIdSurvivesKill9() throws {
        let dir = manyTablesDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.rundbord").path
        #expect(try SpawnedRundbord.run(["new", file, "--tables", "1"]).status == 0)
        let input = dir.appendingPathComponent("lines.txt").path
        try ((0..<200_000).map { "linje \($0) fra Ærøskøbing" }.joined(separator: "\n") + "\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let writer = try SpawnedRundbord.start(["note-lines", file, "--table", "1", "--principle", "1"], stdin: input)
        // Let it write for a while, then kill it without warning.
        var printed = 0
        for _ in 0..<600 where printed < 300 {
            usleep(50_000)
            printed = (try? String(contentsOfFile: writer.stdout, encoding: .utf8))?.split(separator: "\n").count ?? 0
        }
        // Only whole lines: the writer may be in the middle of printing the next id.
        let ids = Set(try String(contentsOfFile: writer.stdout, encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { $0.count == 36 })
        kill(writer.pid, SIGKILL)
        let result = try writer.wait()
        #expect(result.status == 128 + SIGKILL)
        let saved = Set(try EventStore.open(path: file, readOnly: true).allNotes().map(\.id.uuidString))
        #expect(ids.count >= 300)
        #expect(ids.isSubset(of: saved))
        #expect(saved.count < 200_000)
    }

    /// What the dashboard polls: a commit by another process changes the
    /// token, reading does not.
    @Test func changeTokenSeesAnotherProcessWrite() throws {
        let dir = manyTablesDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.rundbord").path
        #expect(try SpawnedRundbord.run(["new", file, "--tables", "2"]).status == 0)
        let dashboard = try EventStore.open(path: file)
        let start = try dashboard.changeToken()
        #expect(try SpawnedRundbord.run(["status", file]).status == 0)
        _ = try dashboard.dashboard()
        #expect(try dashboard.changeToken() == start)

        let note = try SpawnedRundbord.run(["note", file, "--table", "2", "--principle", "1", "Fra bord 2: Østerbro"])
        #expect(note.status == 0, "\(note.err)")
        let changed = try dashboard.changeToken()
        #expect(changed != start)
        #expect(try dashboard.dashboard().tables[1].total == 1)
        #expect(try dashboard.changeToken() == changed)
    }

    @Test func rosterImportFromTheCommandLine() throws {
        let dir = manyTablesDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.rundbord").path
        #expect(try SpawnedRundbord.run(["new", file, "--tables", "3"]).status == 0)
        let bad = dir.appendingPathComponent("deltagere.csv").path
        let csv = "\u{FEFF}Navn;Organisation;E-mail;Bord;Må nævnes\r\n"
            + "Søren Ærø;Københavns Kommune;soren@kk.dk;1;ja\r\n"
            + "\"Åse\r\nØberg\";\"Andels; boligforening\";;2;nej\r\n"
            + "Bo;KK;bo@;1;ja\r\n"
            + "Carl;KK;;9;ja\r\n"
        try csv.write(toFile: bad, atomically: true, encoding: .utf8)

        let refused = try SpawnedRundbord.run(["--lang", "en", "participants", "import", file, bad])
        #expect(refused.status == 65)
        #expect(refused.err.contains("deltagere.csv:5: the e-mail address 'bo@' is not valid"), "\(refused.err)")
        #expect(refused.err.contains("deltagere.csv:6: table 9 does not exist (the event has tables 1–3)"), "\(refused.err)")
        #expect(refused.err.contains("errors on 2 lines; nothing was imported"))
        #expect(try EventStore.open(path: file, readOnly: true).participants().isEmpty)

        let skipped = try SpawnedRundbord.run(["participants", "import", file, bad, "--skip-bad"])
        #expect(skipped.status == 0, "\(skipped.err)")
        #expect(skipped.out.contains("2 nye, 0 opdateret, 0 uændret"), "\(skipped.out)")
        let again = try SpawnedRundbord.run(["participants", "import", file, bad, "--skip-bad"])
        #expect(again.out.contains("0 nye, 0 opdateret, 2 uændret"), "\(again.out)")
        let people = try EventStore.open(path: file, readOnly: true).participants()
        #expect(people.map(\.name) == ["Søren Ærø", "Åse Øberg"])
        #expect(people[1].organisation == "Andels; boligforening")

        let moved = try SpawnedRundbord.run(["participants", "set", file, "åse øberg", "--table", "3", "--named"])
        #expect(moved.status == 0, "\(moved.err)")
        let nowAt3 = try EventStore.open(path: file, readOnly: true).participants().first { $0.name == "Åse Øberg" }
        #expect(nowAt3?.tableNumber == 3 && nowAt3?.mayBeNamed == true)
        let removed = try SpawnedRundbord.run(["participants", "remove", file, "soren@kk.dk"])
        #expect(removed.status == 0, "\(removed.err)")
        #expect(try EventStore.open(path: file, readOnly: true).participants().map(\.name) == ["Åse Øberg"])
        let missing = try SpawnedRundbord.run(["participants", "remove", file, "Ingen Sådan"])
        #expect(missing.status == 65)
    }

    @Test func laptopsCopyCaptureAndMergeFromTheCommandLine() throws {
        let dir = manyTablesDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("arrangement.rundbord").path
        let laptop = dir.appendingPathComponent("bord1.rundbord").path
        #expect(try SpawnedRundbord.run(["new", file, "--tables", "2"]).status == 0)
        #expect(try SpawnedRundbord.run(["copy", file, laptop]).status == 0)
        #expect(try SpawnedRundbord.run(["note", laptop, "--table", "1", "--principle", "1", "!Fælles værksted i Ørestad"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: laptop))

        let merged = try SpawnedRundbord.run(["--lang", "en", "merge", file, laptop])
        #expect(merged.status == 0, "\(merged.err)")
        #expect(merged.out.contains("Notes: 1 added, 0 updated, 0 skipped"), "\(merged.out)")
        let again = try SpawnedRundbord.run(["--lang", "en", "merge", file, laptop])
        #expect(again.out.contains("Nothing new"), "\(again.out)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: laptop)) == before)

        let other = dir.appendingPathComponent("andet.rundbord").path
        #expect(try SpawnedRundbord.run(["new", other, "--tables", "2", "--title", "Et andet møde"]).status == 0)
        let refused = try SpawnedRundbord.run(["merge", file, other])
        #expect(refused.status == 65)
        #expect(refused.err.contains("hører til et andet arrangement"), "\(refused.err)")
        let forced = try SpawnedRundbord.run(["merge", file, other, "--force"])
        #expect(forced.status == 0, "\(forced.err)")
    }
}

/// `PRAGMA integrity_check` through a separate read-only connection.
enum ManyTablesSQLiteCheck {
    static func integrity(_ path: String) throws -> String {
        let store = try EventStore.open(path: path, readOnly: true)
        defer { store.close() }
        return try store.integrityCheck()
    }
}
