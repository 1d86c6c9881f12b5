import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarness
import RundbordHarvest
import RundbordStore

/// Markdown export time (open the file, build the harvest, render) against
/// `cmark` reading the same output; the other formats' throughput beside it.
struct ExportBench {
    let events: [Int: String]
    let runs: Int

    func measure(into report: inout BenchReport) throws {
        let cmark = try Bench.tool("cmark")
        let templates = HarvestTemplates(library: TemplateLibrary(), language: .da)
        let settings = ExportSettings(templates: templates, messageId: "bench@rundbord", boundary: "bench")
        var markdownSeconds: [Int: Double] = [:]
        for (count, path) in events.sorted(by: { $0.key < $1.key }) {
            var ours: [Double] = [], theirs: [Double] = []
            var output = Data()
            for _ in 0..<runs {
                ours.append(Bench.seconds(try Bench.time {
                    let store = try EventStore.open(path: path, readOnly: true)
                    let doc = try Harvest.build(store: store, options: HarvestOptions())
                    output = try Exporter.render(doc, .md, settings: settings)
                }))
                let md = NSTemporaryDirectory() + "rundbord-bench-\(count).md"
                try output.write(to: URL(fileURLWithPath: md))
                theirs.append(Bench.seconds(try Bench.time {
                    let r = try Subprocess.run(cmark, [md])
                    guard r.status == 0 else { throw ValidationError("cmark failed") }
                }))
                unlink(md)
            }
            let a = Bench.median(ours), b = Bench.median(theirs)
            markdownSeconds[count] = a
            report.add("Markdown export, \(count) notes (\(output.count / 1024) KiB)", Bench.format(seconds: a),
                       "cmark reading it: " + Bench.format(seconds: b), a / b, "≤ 1.0 at 100k")
        }
        try dataExports(into: &report)
        // The other formats on the largest event: notes per second, build included.
        guard let (count, path) = events.max(by: { $0.key < $1.key }) else { return }
        for format in [ExportFormat.txt, .csv, .initiativesCSV, .json, .eml] {
            var times: [Double] = []
            for _ in 0..<max(1, runs / 2) {
                times.append(Bench.seconds(try Bench.time {
                    let store = try EventStore.open(path: path, readOnly: true)
                    let doc = try Harvest.build(store: store, options: HarvestOptions(parts: format.harvestParts))
                    _ = try Exporter.render(doc, format, settings: settings)
                }))
            }
            let t = Bench.median(times)
            let figure = Bench.format(seconds: t) + String(format: " (%.0f notes/s)", Double(count) / t)
            // Print text and the mail are measured against the Markdown export of the same event.
            if [.txt, .eml].contains(format), let md = markdownSeconds[count] {
                report.add("\(format.rawValue) export, \(count) notes", figure,
                           "rundbord's Markdown export: " + Bench.format(seconds: md), t / md, "≤ 1.5")
            } else {
                report.add("\(format.rawValue) export, \(count) notes", figure, "-", nil, "-")
            }
        }
    }

    /// CSV and JSON exports as whole commands (`rundbord export … --out -`)
    /// beside `sqlite3 -csv` / `-json` printing the same note rows, each
    /// pair in the same run, output to a file.
    func dataExports(into report: inout BenchReport) throws {
        let sqlite = try Bench.tool("sqlite3")
        let binary = Rundbord.binary
        for (count, path) in events.sorted(by: { $0.key < $1.key }) where count >= 10_000 {
            for (format, flag, goal) in [("csv", "-csv", "≤ 1.5"), ("json", "-json", "≤ 3.0")] {
                var ours: [Double] = [], theirs: [Double] = []
                for _ in 0..<runs {
                    ours.append(try Self.command(binary, ["export", path, "--format", format, "--out", "-"]))
                    theirs.append(try Self.command(sqlite, [flag, "-readonly", path, "SELECT * FROM note"]))
                }
                let a = Bench.median(ours), b = Bench.median(theirs)
                report.add("\(format.uppercased()) export, \(count) notes (whole command)", Bench.format(seconds: a),
                           "sqlite3 \(flag) of the notes: " + Bench.format(seconds: b), a / b, goal)
            }
        }
    }

    /// Wall-clock time of a command run to its end, its output to a file.
    static func command(_ executable: String, _ arguments: [String]) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let child = try Subprocess.start(executable, arguments)
        let status = child.wait()
        let took = clock.now - start
        defer { child.cleanUp() }
        guard status == 0 else { throw ValidationError("\(executable) \(arguments.joined(separator: " ")): \(child.stderr)") }
        return Bench.seconds(took)
    }
}
