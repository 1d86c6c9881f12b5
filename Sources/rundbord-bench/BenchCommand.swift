import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarness
import RundbordStore

/// `rundbord-bench`: a program of its own, built beside `rundbord`, so the
/// shipped binary links none of the benchmark or tmux code.
@main
struct RundbordBench: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "rundbord-bench", abstract: BenchText.abstract.text(),
                             subcommands: [BenchCommand.self, BenchKeystrokesCommand.self],
                             defaultSubcommand: BenchCommand.self)
    }
}

/// The `rundbord` binary measured: the one built beside this program.
enum Rundbord {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            .deletingLastPathComponent().appendingPathComponent("rundbord").path
    }
    /// This program, for callgrind to run again with `keystrokes`.
    static var bench: String { URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path }
}

/// `rundbord-bench [run]`: generates events of 1k, 10k and 100k notes and prints
/// measured figures beside the peer tool measured in the same run. Figures,
/// not assertions: the README keeps the table.
struct BenchCommand: ParsableCommand {
    /// The shipped programs' sizes on disk beside nano's: `rundbord` (what a
    /// table screen starts) and `rundbord-pdf` (loaded only for a PDF).
    static func binarySizes(into report: inout BenchReport) {
        func megabytes(_ path: String) -> Double? {
            (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).map { $0.doubleValue / 1_048_576 }
        }
        let nano = ["/usr/bin/nano", "/bin/nano"].compactMap(megabytes).first
        let folder = URL(fileURLWithPath: Rundbord.binary).deletingLastPathComponent().path
        for name in ["rundbord", "rundbord-pdf"] {
            guard let size = megabytes(folder + "/" + name) else { continue }
            report.add("size of the release binary `\(name)` (debug information stripped)", String(format: "%.1f MiB", size),
                       nano.map { String(format: "nano: %.2f MiB", $0) } ?? "-", nano.map { size / $0 }, "-")
        }
    }

    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: BenchText.abstract.text())
    }
    @Option(name: .long, help: ArgumentHelp(BenchText.sizesHelp.text())) var sizes: String = "1000,10000,100000"
    @Option(name: .long, help: ArgumentHelp(BenchText.runsHelp.text())) var runs: Int = 5
    @Option(name: .long, help: ArgumentHelp(BenchText.dirHelp.text())) var dir: String?
    @Option(name: .long, help: ArgumentHelp(BenchText.savesHelp.text())) var saves: Int = 300
    @Option(name: .long, help: ArgumentHelp(BenchText.onlyHelp.text())) var only: String?

    func wants(_ group: String) -> Bool {
        only.map { $0.split(separator: ",").map(String.init).contains(group) } ?? true
    }

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: Rundbord.binary) else {
            throw ValidationError("\(Rundbord.binary) is missing: build both programs (swift build -c release)")
        }
        let folder = dir ?? (NSTemporaryDirectory() + "rundbord-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        var report = BenchReport()
        report.line("rundbord-bench — \(Date()) — \(BenchMachine.describe())")
        var events: [Int: String] = [:]
        for count in counts {
            let path = folder + "/bench-\(count).rundbord"
            if !FileManager.default.fileExists(atPath: path) {
                let took = try Bench.time { try BenchEvent.generate(path: path, notes: count) }
                report.line("generated \(count) notes in \(Bench.format(took)) → \(path)")
            }
            events[count] = path
        }
        if wants("saves") { try SaveBench(folder: folder, saves: saves, runs: runs).measure(into: &report) }
        if wants("keys") {
            var keyEvents: [Int: String] = [:]
            // One table, so both events fill the screen with notes and differ
            // only in how many there are (the page holds 2,000 of the 20,000).
            for count in [100, 100_000] {
                let path = folder + "/bench-keys-\(count).rundbord"
                if !FileManager.default.fileExists(atPath: path) {
                    try BenchEvent.generate(path: path, notes: count, tables: 1)
                }
                keyEvents[count] = path
            }
            try KeystrokeBench(events: keyEvents).measure(into: &report)
        }
        if wants("export") {
            Self.binarySizes(into: &report)
            try ExportBench(events: events, runs: runs).measure(into: &report)
        }
        if wants("pdf") { try PDFBench(folder: folder, runs: runs).measure(into: &report) }
        if wants("terminal") {
            try TerminalFigures(folder: folder, events: events, runs: runs).measure(into: &report)
        }
        if wants("dashboard") { try DashboardBench(folder: folder, runs: runs).measure(into: &report) }
        if wants("reliability") { try ReliabilityBench(folder: folder, events: events, runs: runs).measure(into: &report) }
        if wants("memory") && !wants("reliability") {
            try ReliabilityBench(folder: folder, events: events, runs: runs).exportMemory(into: &report)
        }
        report.printTable()
    }
}

/// Figures collected in a run, printed as one table.
struct BenchReport {
    struct Row { let figure: String; let rundbord: String; let peer: String; let ratio: String; let target: String }
    var rows: [Row] = []
    mutating func line(_ s: String) { print(s) }
    mutating func add(_ figure: String, _ rundbord: String, _ peer: String, _ ratio: Double?, _ target: String) {
        rows.append(Row(figure: figure, rundbord: rundbord, peer: peer,
                        ratio: ratio.map { String(format: "%.2f", $0) } ?? "-", target: target))
    }
    func printTable() {
        print("")
        print("| figure | rundbord | peer | ratio | target |")
        print("|---|---|---|---|---|")
        for r in rows { print("| \(r.figure) | \(r.rundbord) | \(r.peer) | \(r.ratio) | \(r.target) |") }
    }
}

enum Bench {
    static func time(_ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return clock.now - start
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func format(_ d: Duration) -> String { format(seconds: seconds(d)) }
    static func format(seconds s: Double) -> String {
        s >= 1 ? String(format: "%.2f s", s) : String(format: "%.1f ms", s * 1000)
    }

    /// The full path of a program on PATH, or an error saying it is missing.
    static func tool(_ name: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw ValidationError("\(name) is needed for this benchmark (scripts/setup installs it)")
    }
}

enum BenchMachine {
    static func describe() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.processorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
    }
}

/// A realistic event: 10 tables × 5 principles, a fifth of the notes
/// initiatives with dots, funding and owners, Danish text of varied length.
enum BenchEvent {
    static let words = ["kooperativ", "fællesskab", "indkøb", "bæredygtig", "medbestemmelse", "Københavns",
                        "Kommune", "lokale", "værdikæder", "iværksættere", "rådgivning", "synlighed",
                        "arbejdsmarked", "rummelig", "økosystem", "netværk", "erfaring", "storbyer", "åbne", "ØKF"]

    static func generate(path: String, notes count: Int, tables tableCount: Int = 10) throws {
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let event = Event(id: UUID(), title: "Benchmark \(count)", date: "2024-11-06", organiser: "ØKF",
                          organiserEmail: "okf@example.dk", language: "da", vision: vision, createdAt: Date())
        let store = try EventStore.create(path: path, event: event, tableCount: tableCount, now: Date())
        defer { store.close() }
        let tables = try store.tables()
        try store.save(participants: (0..<60).map { i in
            Participant(id: UUID(), name: "Deltager \(i) Ærø", organisation: vision.organisations[i % vision.organisations.count],
                        email: "deltager\(i)@example.dk", tableNumber: i % tables.count + 1, mayBeNamed: i % 2 == 0,
                        updatedAt: Date())
        })
        var generator = SystemRandomNumberGenerator()
        let start = Date(timeIntervalSince1970: 1_730_880_000)
        var batch: [Note] = []
        for i in 0..<count {
            let table = tables[i % tables.count]
            let principle = table.principleIds[(i / tables.count) % table.principleIds.count]
            let length = Int.random(in: 4...30, using: &generator)
            let text = (0..<length).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let initiative = i % 5 == 0
            batch.append(Note(id: UUID(), tableId: table.id, principleId: principle,
                              kind: initiative ? .initiative : NoteKind.allCases[i % 5],
                              text: text, speakerOrganisation: i % 3 == 0 ? vision.organisations[i % vision.organisations.count] : nil,
                              createdAt: start.addingTimeInterval(Double(i)),
                              funding: initiative ? FundingClass.allCases[i % 3] : nil,
                              owner: initiative ? vision.organisations[(i / 5) % vision.organisations.count] : nil,
                              dots: initiative ? Int.random(in: 0...12, using: &generator) : 0))
            if batch.count == 5000 { try store.save(notes: batch); batch.removeAll(keepingCapacity: true) }
        }
        try store.save(notes: batch)
    }
}

/// Durable note saves per second: rundbord's save path (one transaction per
/// note, WAL, synchronous=FULL) against the sqlite3 shell doing one
/// transaction per row with the same settings, on the same disk.
struct SaveBench {
    let folder: String
    let saves: Int
    let runs: Int

    func measure(into report: inout BenchReport) throws {
        let sqlite = try Bench.tool("sqlite3")
        var ours: [Double] = [], theirs: [Double] = []
        for run in 0..<runs {
            let path = folder + "/saves-\(run).rundbord"
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            try BenchEvent.generate(path: path, notes: 0)
            let store = try EventStore.open(path: path)
            var session = try store.session(tableNumber: 1)
            let took = try Bench.time {
                for i in 0..<saves {
                    try store.perform(try session.reduce(.addNote(text: "Notat nummer \(i) om fælles indkøb", kind: nil,
                                                                  speakerId: nil, speakerOrganisation: nil), .live))
                }
            }
            store.close()
            ours.append(Double(saves) / Bench.seconds(took))

            let peerPath = folder + "/saves-\(run).sqlite"
            for suffix in ["", "-wal", "-shm"] { unlink(peerPath + suffix) }
            var script = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n"
            script += "CREATE TABLE note (id TEXT PRIMARY KEY, tableId TEXT, principleId TEXT, kind TEXT, text TEXT, createdAt REAL, editedAt REAL);\n"
            for i in 0..<saves {
                script += "INSERT INTO note VALUES ('\(UUID().uuidString)', 't', 'p', 'point', 'Notat nummer \(i) om fælles indkøb', \(i), \(i));\n"
            }
            let peerTook = try Bench.time {
                let r = try Subprocess.run(sqlite, [peerPath], stdin: script)
                guard r.status == 0 else { throw ValidationError("sqlite3 failed: \(r.stderr)") }
            }
            theirs.append(Double(saves) / Bench.seconds(peerTook))
        }
        let a = Bench.median(ours), b = Bench.median(theirs)
        report.add("durable note saves per second (\(saves) saves)", String(format: "%.0f /s", a),
                   String(format: "sqlite3 CLI: %.0f /s", b), a / b, "≥ 0.80")
    }
}
