import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #16: what an adversarial round broke, each checked through the real
/// binary. `RUNDBORD_BINARY=/path/to/old/rundbord swift test --skip-build
/// --filter ReliabilityGuardsTests` runs them against an earlier build
/// (each of them failed on the code before its fix).
@Suite struct ReliabilityGuardsTests {
    /// Every file in `dir` with its bytes, to see that nothing was written.
    func snapshot(_ dir: TempFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.url.path) {
            files[name] = try Data(contentsOf: dir.url.appendingPathComponent(name))
        }
        return files
    }

    func sqlite3() throws -> String {
        try #require(["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) },
                     "sqlite3 is not installed (scripts/setup)")
    }

    /// `sqlite3 FILE SQL`, its output trimmed.
    func sql(_ file: String, _ statement: String, damaged: Bool = false) throws -> String {
        let r = try Subprocess.run(try sqlite3(), [file, statement])
        #expect(damaged || r.status == 0, "sqlite3 \(statement): \(r.stderr)")
        return (r.stdout + r.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An event with `notes` notes at table 1, principle 1 (`note-lines`).
    func event(in dir: TempFolder, _ name: String = "e.rundbord", notes: Int = 3) throws -> String {
        let file = dir.path(name)
        #expect(try rundbord(["new", file, "--tables", "2", "--title", "Rådhuset"]).status == 0)
        let lines = (1...max(1, notes)).map { "Notat \($0): kooperativer og fællesskab æøå" }.joined(separator: "\n") + "\n"
        let added = try rundbord(["note-lines", file, "--table", "1", "--principle", "1"], stdin: lines)
        #expect(added.status == 0, "\(added.stderr)")
        return file
    }

    /// Runs `rundbord ARGS`, killing it after `seconds` (a command that hangs fails the test instead of the suite).
    func rundbordBounded(_ arguments: [String], seconds: Double = 20) throws -> RunResult? {
        let child = try Subprocess.start(Binary.rundbord, arguments, environment: ["LANG": "C.UTF-8"])
        defer { child.cleanUp() }
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while waitpid(child.pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(child.pid, SIGKILL)
                _ = child.wait()
                return nil
            }
            usleep(20_000)
        }
        let signal = status & 0x7F
        return RunResult(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, stdout: child.stdout, stderr: child.stderr)
    }

    // MARK: 1. An export never replaces an event

    @Test func exportOntoTheEventItsWalAndShmOrAnotherEventIsRefused() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try event(in: dir, notes: 5)
        let other = try event(in: dir, "andet.rundbord", notes: 2)
        #expect(link(file, dir.path("samme-fil.md")) == 0)
        // Another process has the event open, so its -wal and -shm exist.
        let holder = try Subprocess.start(try sqlite3(), [file, "SELECT COUNT(*) FROM note; .shell sleep 20"])
        defer { kill(holder.pid, SIGKILL); _ = holder.wait(); holder.cleanUp() }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: file + "-shm"), Date() < deadline { usleep(20_000) }
        let eventBefore = try Data(contentsOf: URL(fileURLWithPath: file))
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        let targets = [file, dir.path("./e.rundbord"), dir.path("samme-fil.md"), file + "-wal", file + "-shm", other]
        for target in targets {
            for format in ["md", "csv"] {
                let r = try rundbord(["--lang", "en", "export", file, "--format", format, "--out", target])
                #expect(r.status == 73, "\(target) \(format): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains(target == other ? "is a rundbord event file" : "is the event file"), "\(r.stderr)")
                #expect(r.stderr.contains("Choose another name with --out"), "\(r.stderr)")
            }
        }
        let dansk = try rundbord(["export", file, "--out", file])
        #expect(dansk.stderr.contains("er arrangementsfilen"), "\(dansk.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == eventBefore, "the event was replaced")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore, "the other event was replaced")
        #expect(try sql(file, "SELECT COUNT(*) FROM note") == "5")
        // A new name and standard output still work.
        #expect(try rundbord(["export", file, "--out", dir.path("opsamling.md")]).status == 0)
        #expect(try rundbord(["export", file, "--format", "csv", "--out", "-"]).stdout.contains("kooperativer"))
    }

    // MARK: 2. No false "damaged" under concurrent writers

    /// The moment the size check used to trip over, made to stand still:
    /// another process (sqlite3, checkpointing switched off) has written
    /// notes into the WAL, and the header page of the main file already says
    /// how many pages the file will have, as a checkpoint writes it first,
    /// while the file has not grown yet. The file is sound: commands must
    /// work on it, and the note must be saved.
    @Test func aCheckpointHalfwayIsNotTakenForADamagedFile() throws {
        let dir = TempFolder(prefix: "rundbord-e2e", memory: true)
        let file = try event(in: dir, notes: 1)
        let ready = dir.path("ready")
        let script = """
            PRAGMA wal_autocheckpoint = 0;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
            INSERT INTO note (id, tableId, principleId, kind, text, createdAt, editedAt)
            SELECT lower(hex(randomblob(16))), (SELECT id FROM roundTable WHERE number = 2), 'p1', 'point',
                   'Et notat fra en anden proces nummer ' || i || ' om fællesskab og kooperativer', 1.0 * i, 1.0 * i FROM n;
            .shell touch \(ready) && sleep 60
            """
        let holder = try Subprocess.start(try sqlite3(), [file], stdin: script)
        defer { kill(holder.pid, SIGKILL); _ = holder.wait(); holder.cleanUp() }
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: ready), Date() < deadline { usleep(20_000) }
        try #require(FileManager.default.fileExists(atPath: ready), "sqlite3 did not get ready: \(holder.stderr)")
        // Page 1 as the newest WAL frame has it, written into the main file.
        let wal = try Data(contentsOf: URL(fileURLWithPath: file + "-wal"))
        func u32(_ d: Data, _ at: Int) -> Int { d[d.startIndex + at..<d.startIndex + at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = u32(wal, 8)
        var offset = 32, page1: Data?
        while offset + 24 + pageSize <= wal.count {
            if u32(wal, offset) == 1 { page1 = wal.subdata(in: offset + 24..<offset + 24 + pageSize) }
            offset += 24 + pageSize
        }
        let header = try #require(page1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: header)
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber).intValue
        #expect(size < u32(header, 28) * pageSize, "the header must say more pages than the file has")
        let status = try rundbord(["--lang", "en", "status", file])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(!status.stderr.contains("damaged"), "\(status.stderr)")
        let note = try rundbord(["--lang", "en", "note", file, "--table", "1", "--principle", "1", "Gemt trods checkpoint"])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(try sql(file, "SELECT COUNT(*) FROM note WHERE text = 'Gemt trods checkpoint'") == "1")
        #expect(try sql(file, "PRAGMA integrity_check") == "ok")
    }

    /// The adversarial round's own run: 8 `note` loops and 4 `note-lines`
    /// of 3,000 lines on one file, at once. Every writer exits 0, every
    /// note is in the file, and the file is sound.
    @Test(.timeLimit(.minutes(10))) func twelveConcurrentWritersLoseNothingAndAreNeverRefused() throws {
        let dir = TempFolder(prefix: "rundbord-e2e", memory: true)
        let file = try event(in: dir, notes: 1)
        let loops = 8, notesPerLoop = 25, bulk = 4, linesPerBulk = 3000
        var children: [(Subprocess, String)] = []
        for b in 0..<bulk {
            let lines = (1...linesPerBulk).map { "Masse \(b)-\($0) om andelsboliger og fællesskab" }.joined(separator: "\n") + "\n"
            children.append((try Subprocess.start(Binary.rundbord, ["note-lines", file, "--table", "\(b % 2 + 1)", "--principle", "\(b + 1)"],
                                                  environment: ["LANG": "C.UTF-8"], stdin: lines), "note-lines \(b)"))
        }
        // Each loop is a shell running `note` one after another, stopping at the first failure.
        let q = TableScreenProcess.quote
        for l in 0..<loops {
            let command = (1...notesPerLoop).map {
                "\(q(Binary.rundbord)) note \(q(file)) --table \(l % 2 + 1) --principle \(l % 5 + 1) 'Løkke \(l)-\($0) æøå' >/dev/null || exit $?"
            }.joined(separator: "\n")
            children.append((try Subprocess.start("/bin/sh", ["-c", command], environment: ["LANG": "C.UTF-8"]), "note loop \(l)"))
        }
        for (child, name) in children {
            let status = child.wait()
            #expect(status == 0, "\(name) exited \(status): \(child.stderr.suffix(500))")
            child.cleanUp()
        }
        #expect(try sql(file, "SELECT COUNT(*) FROM note WHERE text LIKE 'Masse %'") == "\(bulk * linesPerBulk)")
        #expect(try sql(file, "SELECT COUNT(*) FROM note WHERE text LIKE 'Løkke %'") == "\(loops * notesPerLoop)")
        #expect(try sql(file, "PRAGMA integrity_check") == "ok")
    }

    // MARK: 3. A damaged file is never written to

    /// The page number and page size of the note table's root page.
    func noteRootPage(_ file: String) throws -> (page: Int, size: Int) {
        let page = try #require(Int(try sql(file, "SELECT rootpage FROM sqlite_master WHERE name = 'note'")))
        let size = try #require(Int(try sql(file, "PRAGMA page_size")))
        return (page, size)
    }

    /// Writes `bytes` into `file` at `offset`.
    func poke(_ file: String, at offset: Int, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    @Test(arguments: ["cell pointer", "page type", "cell count"])
    func aDamagedFileIsRefusedByWritesAndReadsAndNeverChanged(damage: String) throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = try event(in: dir, notes: 400)
        let (root, pageSize) = try noteRootPage(file)
        let page = (root - 1) * pageSize
        switch damage {
        case "cell pointer": try poke(file, at: page + 12, [0xFF, 0xF0]) // the first child's cell, past the page's end
        case "page type": try poke(file, at: page, [0x07]) // not a b-tree page type
        default: try poke(file, at: page + 3, [0x7F, 0xFF]) // more cells than the page can hold
        }
        #expect(try sql(file, "PRAGMA quick_check", damaged: true) != "ok", "the damage must be real")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let writes = [["note", file, "--table", "1", "--principle", "1", "Må ikke gemmes"],
                      ["note-lines", file, "--table", "1", "--principle", "2"],
                      ["participants", "add", file, "--name", "Åse Ørsted", "--email", "aase@example.dk"],
                      ["event", file, "--next-steps", "Vi mødes igen"]]
        let reads = [["status", file], ["export", file, "--out", dir.path("ud.md")], ["export", file, "--format", "csv", "--out", "-"],
                     ["copy", file, dir.path("kopi.rundbord")]]
        for arguments in writes + reads {
            let r = try rundbord(["--lang", "en"] + arguments, stdin: "Heller ikke denne\n")
            #expect(r.status == 65, "\(damage): \(arguments[0]): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("the file is damaged"), "\(damage): \(arguments[0]): \(r.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(damage): \(arguments[0]) changed the file")
            let wal = (try? FileManager.default.attributesOfItem(atPath: file + "-wal")[.size] as? NSNumber)?.intValue ?? 0
            #expect(wal == 0, "\(damage): \(arguments[0]) wrote \(wal) bytes into the WAL")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("ud.md")))
        #expect(!FileManager.default.fileExists(atPath: dir.path("kopi.rundbord")))
    }

    // MARK: 8. Not a regular file

    @Test func aFifoOrAFolderGivenAsTheEventIsRefusedAtOnce() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let fifo = dir.path("e.rundbord")
        #expect(mkfifo(fifo, 0o600) == 0)
        let folder = dir.path("mappe.rundbord")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for (path, kind) in [(fifo, "a named pipe"), (folder, "a folder")] {
            for arguments in [["status", path], ["note", path, "--table", "1", "--principle", "1", "Hej"], ["export", path, "--out", "-"]] {
                let bounded = try rundbordBounded(["--lang", "en"] + arguments)
                let r = try #require(bounded, "\(arguments[0]) on \(kind) hung")
                #expect(r.status == 65, "\(arguments[0]) on \(kind): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains("is not a regular file but \(kind)"), "\(r.stderr)")
            }
        }
        let dansk = try #require(try rundbordBounded(["status", fifo]))
        #expect(dansk.stderr.contains("er ikke en almindelig fil, men en navngivet pipe"), "\(dansk.stderr)")
    }
}
