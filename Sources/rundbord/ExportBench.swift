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
            report.add("Markdown export, \(count) notes (\(output.count / 1024) KiB)", Bench.format(seconds: a),
                       "cmark reading it: " + Bench.format(seconds: b), a / b, "≤ 1.0 at 100k")
        }
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
            report.add("\(format.rawValue) export, \(count) notes", Bench.format(seconds: t) + String(format: " (%.0f notes/s)", Double(count) / t),
                       "-", nil, "-")
        }
    }
}
