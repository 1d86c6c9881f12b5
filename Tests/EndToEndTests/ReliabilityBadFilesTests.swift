import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordStore
import Testing
import RundbordHarness
#if canImport(Glibc)
import Glibc
#endif

/// Bad input files at the command line: a clear message with the file and
/// where, exit 65 (EX_DATAERR), and nothing written. The loaders' own unit
/// tests (TemplateTests, RosterTests, DamagedFileTests) cover the messages;
/// these check what a person at the terminal gets from the real binary.
@Suite struct ReliabilityBadFilesTests {
    /// Every file in `dir` with its bytes, to see that nothing was written.
    func snapshot(_ dir: TempFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.url.path) {
            files[name] = try Data(contentsOf: dir.url.appendingPathComponent(name))
        }
        return files
    }

    @Test func latin1TemplateGivesFileLineColumnExit65AndWritesNothing() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let template = dir.path("latin1.yaml")
        // "Fælles" with æ as the single Latin-1 byte 0xE6, on line 4, column 10.
        var bytes = Data("""
            format: 1
            id: latin
            language: da
            title: "F
            """.utf8)
        bytes.append(0xE6)
        bytes.append(contentsOf: Data("""
            lles"
            principles:
              - id: a
                title: "A"
            """.utf8))
        try bytes.write(to: URL(fileURLWithPath: template))
        let before = try snapshot(dir)
        let validate = try rundbord(["--lang", "en", "templates", "validate", template])
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("latin1.yaml:4:10: the file is not valid UTF-8"), "\(validate.stderr)")
        let made = try rundbord(["--lang", "en", "new", dir.path("e.rundbord"), "--template", template])
        #expect(made.status == 65)
        #expect(made.stderr.contains("latin1.yaml:4:10: the file is not valid UTF-8"), "\(made.stderr)")
        #expect(try snapshot(dir) == before, "nothing is written")
    }

    @Test func latin1RosterGivesItsLineExit65AndImportsNothing() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        #expect(try rundbord(["new", file, "--tables", "2"]).status == 0)
        let roster = dir.path("deltagere.csv")
        // Line 3 was saved by a spreadsheet as Latin-1: "Søren" with ø as 0xF8.
        var bytes = Data("Navn;Organisation;E-mail;Bord;Må nævnes\nÅse Ørsted;FRAK;ase@frak.dk;1;ja\nS".utf8)
        bytes.append(0xF8)
        bytes.append(contentsOf: Data("ren;KK;soren@kk.dk;2;ja\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: roster))
        let eventBefore = try Data(contentsOf: URL(fileURLWithPath: file))
        let imported = try rundbord(["--lang", "en", "participants", "import", file, roster])
        #expect(imported.status == 65)
        #expect(imported.stderr.contains("deltagere.csv:3: the line is not valid UTF-8"), "\(imported.stderr)")
        #expect(imported.stderr.contains("nothing was imported"), "\(imported.stderr)")
        #expect(try EventStore.open(path: file, readOnly: true).participants().isEmpty, "nothing is imported")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == eventBefore)
    }

    /// A truncated event file (a copy cut short on a USB stick): `status`,
    /// `run` and `export` refuse it with a clear message and exit 65, and
    /// the file stays byte for byte as it was.
    @Test func truncatedEventFileIsRefusedByStatusRunAndExportAndNotTouched() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        #expect(try rundbord(["new", file, "--tables", "4"]).status == 0)
        for i in 1...20 {
            #expect(try rundbord(["note", file, "--table", "\(i % 4 + 1)", "--principle", "\(i % 5 + 1)", "notat \(i) æøå"]).status == 0)
        }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber).intValue
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        let before = try snapshot(dir)
        for arguments in [["status", file], ["run", file, "--table", "1"], ["export", file, "--format", "md", "--out", dir.path("x.md")]] {
            let r = try rundbord(["--lang", "en"] + arguments)
            #expect(r.status == 65, "\(arguments[0]): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("e.rundbord: the file is damaged (truncated:"), "\(arguments[0]): \(r.stderr)")
            #expect(r.stderr.contains("the file was not changed"), "\(arguments[0]): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments[0]) drew or printed: \(r.stdout.prefix(200))")
            #expect(try snapshot(dir) == before, "\(arguments[0]) wrote something")
        }
    }

    /// `--out` naming a pipe (or a device such as /dev/stdout): the export is
    /// written into it. It used to be written to a temporary file renamed
    /// over it, which replaced the pipe (as root, even /dev/full) with a file.
    @Test func exportIntoAPipeWritesThroughItAndKeepsThePipe() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let file = dir.path("e.rundbord")
        #expect(try rundbord(["new", file]).status == 0)
        #expect(try rundbord(["note", file, "--table", "1", "--principle", "1", "Rød grød"]).status == 0)
        let regular = dir.path("opsamling.md")
        #expect(try rundbord(["export", file, "--format", "md", "--out", regular]).status == 0)
        let fifo = dir.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try Subprocess.start("/bin/cat", [fifo])
        defer { reader.cleanUp() }
        let written = try rundbord(["export", file, "--format", "md", "--out", fifo])
        #expect(written.status == 0, "\(written.stderr)")
        // Bounded: had the pipe been replaced, cat would wait for a writer for ever.
        let deadline = Date().addingTimeInterval(5)
        var status: Int32 = 0
        while waitpid(reader.pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(reader.pid, SIGKILL); _ = reader.wait(); Issue.record("nothing was written into the pipe"); break }
            usleep(10_000)
        }
        #expect(reader.stdout == (try String(contentsOfFile: regular, encoding: .utf8)))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "\(left)")
    }
}
