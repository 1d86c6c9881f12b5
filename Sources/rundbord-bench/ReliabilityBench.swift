import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarness
import RundbordStore

/// Figures behind the reliability guards (issue #16): what checking a file
/// before reading or writing it costs (`quick_check`, beside sqlite3 doing
/// the same), how long a 100,000-line roster takes to import, and the peak
/// memory (maximum resident set, from `/usr/bin/time`) of each export format
/// on the largest event.
struct ReliabilityBench {
    let folder: String
    let events: [Int: String]
    let runs: Int

    func measure(into report: inout BenchReport) throws {
        let sqlite3 = try Bench.tool("sqlite3")
        for (count, path) in events.sorted(by: { $0.key < $1.key }) {
            var ours: [Double] = [], theirs: [Double] = []
            for _ in 0..<runs {
                // Opening read-only runs quick_check in a read transaction.
                ours.append(Bench.seconds(try Bench.time {
                    let store = try EventStore.open(path: path, readOnly: true)
                    store.close()
                }))
                theirs.append(Bench.seconds(try Bench.time {
                    let r = try Subprocess.run(sqlite3, [path, "PRAGMA quick_check"])
                    guard r.status == 0 else { throw ValidationError("sqlite3 failed: \(r.stderr)") }
                }))
            }
            let a = Bench.median(ours), b = Bench.median(theirs)
            report.add("open with quick_check, \(count) notes", Bench.format(seconds: a),
                       "sqlite3 quick_check: " + Bench.format(seconds: b), a / b, "affordable before a write")
        }
        try roster(into: &report)
        try exportMemory(into: &report)
    }

    /// `rundbord participants import` of a 100,000-line roster into a new event, the whole command.
    func roster(into report: inout BenchReport) throws {
        let count = 100_000
        let csv = folder + "/roster-\(count).csv"
        var text = "Navn;Organisation;E-mail;Bord;Må nævnes\n"
        for i in 1...count {
            let email = i % 3 == 0 ? "" : "deltager\(i)@example.dk"
            text += "Deltager \(i) Ørsted;Andelskasse \(i % 50);\(email);\(i % 20 + 1);\(i % 2 == 0 ? "ja" : "nej")\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        var times: [Double] = []
        for run in 0..<max(1, runs / 2) {
            let event = folder + "/roster-\(run)-\(getpid()).rundbord"
            defer { for suffix in ["", "-wal", "-shm"] { unlink(event + suffix) } }
            let made = try Subprocess.run(Rundbord.binary, ["new", event, "--tables", "20"])
            guard made.status == 0 else { throw ValidationError("rundbord new failed: \(made.stderr)") }
            times.append(Bench.seconds(try Bench.time {
                let r = try Subprocess.run(Rundbord.binary, ["participants", "import", event, csv])
                guard r.status == 0 else { throw ValidationError("import failed: \(r.stderr)") }
            }))
        }
        let t = Bench.median(times)
        report.add("roster import, \(count) lines (whole command)", Bench.format(seconds: t) + String(format: " (%.0f lines/s)", Double(count) / t),
                   "-", nil, "seconds, not minutes")
    }

    /// Peak memory (maximum resident set) of `rundbord export --format F`
    /// on each event of 10,000 notes or more (`--only memory` measures only
    /// this), beside the same command's `status` (opening and reading the
    /// event, no export) as the floor.
    func exportMemory(into report: inout BenchReport) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            report.line("export memory: /usr/bin/time is missing (apt install time)")
            return
        }
        func peak(_ arguments: [String]) throws -> Double {
            let r = try Subprocess.run("/usr/bin/time", ["-f", "maxrss=%M", Rundbord.binary] + arguments)
            guard r.status == 0, let match = r.stderr.firstMatch(of: /maxrss=(\d+)/), let kib = Double(match.1) else {
                throw ValidationError("\(arguments.joined(separator: " ")) failed: \(r.stderr)")
            }
            return kib / 1024
        }
        for (count, path) in events.sorted(by: { $0.key < $1.key }) where count >= 10_000 {
            let floor = try peak(["status", path])
            for format in ["csv", "initiatives-csv", "json", "md", "txt"] {
                let out = folder + "/memory.\(format)"
                defer { unlink(out) }
                let mib = try peak(["export", path, "--format", format, "--out", out])
                report.add("peak memory, \(format) export, \(count) notes", String(format: "%.0f MiB", mib),
                           String(format: "`rundbord status`: %.0f MiB", floor), mib / floor, "≤ 128 MiB at 200k")
            }
        }
    }
}
