import Foundation
import Testing
import RundbordCore
@testable import RundbordHarvest

/// `rundbord export` and `rundbord event` as a user runs them.
@Suite struct CommandTests {
    struct Run {
        let rundbord: String
        let fixture: Fixture
        func callAsFunction(_ arguments: String...) throws -> Tool.Result {
            var env = ProcessInfo.processInfo.environment
            env["LANG"] = "C.UTF-8"
            env["LC_ALL"] = nil
            return try Tool.run(rundbord, arguments, environment: env)
        }
    }

    static func setUp() throws -> Run? {
        guard let rundbord = Tool.rundbord() else { return nil }
        let fixture = try Fixture()
        fixture.store.close()
        return Run(rundbord: rundbord, fixture: fixture)
    }

    @Test func exportWritesNextToTheEventFileOwnerOnlyOrToStandardOutput() throws {
        guard let run = try Self.setUp() else { return }
        defer { run.fixture.cleanUp() }
        let file = run.fixture.path
        for (format, ext) in [("md", "md"), ("txt", "txt"), ("eml", "eml"), ("mailtext", "mail.txt"), ("csv", "csv"),
                              ("initiatives-csv", "initiatives.csv"), ("json", "json")] {
            let result = try run("export", file, "--format", format)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            let out = run.fixture.directory.appendingPathComponent("event.\(ext)").path
            let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(format) is \(String(mode ?? 0, radix: 8))")
        }
        // An English export is named by its language and leaves the Danish one alone.
        let danish = try Data(contentsOf: run.fixture.directory.appendingPathComponent("event.md"))
        let english = try run("export", file, "--format", "md", "--lang", "en")
        #expect(english.status == 0, "\(english.stderr)")
        let englishFile = run.fixture.directory.appendingPathComponent("event.en.md")
        #expect(try String(contentsOf: englishFile, encoding: .utf8).hasPrefix("# Harvest: "))
        #expect(try Data(contentsOf: run.fixture.directory.appendingPathComponent("event.md")) == danish)
        #expect(english.stderr.contains(englishFile.path))
        let stdout = try run("export", file, "--format", "md", "--out", "-", "--lang", "en")
        #expect(stdout.status == 0)
        #expect(stdout.text.hasPrefix("# Harvest: Fælles Værdier"))
        let excel = try run("export", file, "--format", "csv", "--excel", "--out", "-")
        #expect(excel.stdout.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func badArgumentsAreRefusedWithUsageErrorsAndWriteNothing() throws {
        guard let run = try Self.setUp() else { return }
        defer { run.fixture.cleanUp() }
        let file = run.fixture.path
        let out = run.fixture.directory.appendingPathComponent("x.md").path
        for arguments in [["--tables", "1,x"], ["--tables", "9"], ["--width", "10"], ["--excel"], ["--lines-per-page", "5"]] {
            let result = try Tool.run(run.rundbord, ["export", file, "--out", out] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        let missing = try run("export", run.fixture.directory.appendingPathComponent("nope.rundbord").path)
        #expect(missing.status == 66)
    }

    @Test func aBrokenTemplateStopsTheExportWithItsFileAndLine() throws {
        guard let run = try Self.setUp() else { return }
        defer { run.fixture.cleanUp() }
        let folder = run.fixture.directory.appendingPathComponent("tpl/harvest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let template = folder.appendingPathComponent("harvest.en.md.mustache")
        try Data("# {{title}}\n{{#principles}}\n".utf8).write(to: template)
        let out = run.fixture.directory.appendingPathComponent("x.md").path
        let result = try run("export", run.fixture.path, "--lang", "en", "--templates",
                             run.fixture.directory.appendingPathComponent("tpl").path, "--out", out)
        #expect(result.status == 65)
        #expect(result.stderr.contains(template.path + ":"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func eventEditsNextStepsLinksSenderAndAttachments() throws {
        guard let run = try Self.setUp() else { return }
        defer { run.fixture.cleanUp() }
        let file = run.fixture.path
        let steps = run.fixture.directory.appendingPathComponent("steps.txt")
        try Data("Sagen forelægges ØU primo 2025.\n\u{1B}[2JRådet mødes igen i maj.\n".utf8).write(to: steps)
        let paper = run.fixture.directory.appendingPathComponent("vision.pdf")
        try Data("%PDF".utf8).write(to: paper)

        var result = try run("event", file, "--next-steps-file", steps.path, "--add-link", "https://kk.example/nyhed",
                             "--link-title", "Nyhed", "--sender-name", "ØKF", "--sender-email", "okf@kk.example",
                             "--remove-link", "2", "--add-attachment", "Bilag 1: Visionspapir", "--path", paper.path)
        #expect(result.status == 0, "\(result.stderr)")
        // Shown back with no control character reaching the terminal.
        #expect(!result.text.contains("\u{1B}"))
        #expect(result.text.contains("3. Nyhed: https://kk.example/nyhed") == false)
        #expect(result.text.contains("2. Nyhed: https://kk.example/nyhed"))
        #expect(result.text.contains("Afsender: ØKF <okf@kk.example>"))

        let store = try RundbordStoreAccess.event(file)
        #expect(store.nextSteps == "Sagen forelægges ØU primo 2025.\n[2JRådet mødes igen i maj.")
        #expect(store.links.map(\.url) == ["https://www.kk.example/nyheder/raadet", "https://kk.example/nyhed"])
        #expect(store.organiser == "ØKF" && store.organiserEmail == "okf@kk.example")
        #expect(store.attachments.first { $0.name == "Bilag 1: Visionspapir" }?.path == paper.path)

        // Refusals change nothing.
        for bad in ["javascript:alert(1)", "https://", "https://kk.example/med mellemrum", "mailto:ikke-en-adresse", "www.kk.dk"] {
            result = try run("event", file, "--add-link", bad)
            #expect(result.status == 64, "\(bad) accepted")
        }
        result = try run("event", file, "--sender-email", "ikke en adresse\r\nBcc: x@y")
        #expect(result.status == 65)
        result = try run("event", file, "--add-attachment", "Bilag 3", "--path", "/nonexistent.pdf")
        #expect(result.status == 66)
        result = try run("event", file, "--remove-link", "7")
        #expect(result.status == 64)
        result = try run("event", file, "--path", paper.path)
        #expect(result.status == 64)
        #expect(try RundbordStoreAccess.event(file) == store)
    }
}

import RundbordStore

/// Reads an event file the way the commands do.
enum RundbordStoreAccess {
    static func event(_ path: String) throws -> Event {
        let store = try EventStore.open(path: path, readOnly: true)
        defer { store.close() }
        return try store.event()
    }
}
