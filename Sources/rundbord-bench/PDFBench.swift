import Foundation
import RundbordHarness

/// The typeset PDF of a 2,000-note event, as the organiser makes it:
/// `rundbord export FILE --format pdf` run to its end (starting rundbord-pdf,
/// reading the event, laying out and writing the file). Target: under 2 s.
struct PDFBench {
    let folder: String
    let runs: Int
    static let notes = 2_000

    func measure(into report: inout BenchReport) throws {
        let path = folder + "/bench-\(Self.notes).rundbord"
        if !FileManager.default.fileExists(atPath: path) {
            try BenchEvent.generate(path: path, notes: Self.notes)
        }
        let binary = Rundbord.binary
        let out = folder + "/bench-\(Self.notes).pdf"
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(try ExportBench.command(binary, ["export", path, "--format", "pdf", "--out", out]))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        let pages = Self.pages(out)
        unlink(out)
        let t = Bench.median(times)
        report.add("PDF export, \(Self.notes) notes (whole command; \(pages) pages, \(size / 1024) KiB)",
                   Bench.format(seconds: t), "-", nil, "< 2 s")
    }

    /// The page count, from the page objects cairo writes ("<< /Type /Page % 1").
    static func pages(_ path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        return String(decoding: data, as: UTF8.self).components(separatedBy: "/Type /Page %").count - 1
    }
}
