import ArgumentParser
import Foundation
import RundbordHarness

/// How long a note saved by another process takes to show on the organiser's
/// dashboard: `rundbord note` writes it and exits, then the dashboard's pane
/// is polled through a control client until its note count has moved.
/// The promise is a second; the dashboard polls the file four times a second.
struct DashboardBench {
    let folder: String
    let runs: Int
    let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    func measure(into report: inout BenchReport) throws {
        let binary = Rundbord.binary
        let file = folder + "/dashboard-\(UUID().uuidString).rundbord"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(file + suffix) } }
        let created = try Subprocess.run(binary, ["new", file, "--tables", "3"], environment: environment)
        guard created.status == 0 else { throw ValidationError("rundbord new: \(created.stderr)") }

        let tmux = try Tmux(command: "exec '\(binary)' dashboard '\(file)'", width: 120, height: 40, environment: environment)
        defer { tmux.close() }
        try tmux.waitFor(timeout: 20) { $0.contains("0 notater") }
        let control = try ControlClient(tmux)
        let clock = ContinuousClock()
        var latencies: [Double] = []
        // Twice the runs of the other figures: each is a fraction of a poll interval.
        for n in 1...max(2 * runs, 10) {
            // A pause of a random part of a poll interval, so that saves do
            // not fall in step with the dashboard's polls.
            usleep(useconds_t.random(in: 0..<250_000))
            let saved = try Subprocess.run(binary, ["note", file, "--table", "\(n % 3 + 1)", "--principle", "1",
                                                    "Måling nr. \(n) fra et andet bord"], environment: environment)
            guard saved.status == 0 else { throw ValidationError("rundbord note: \(saved.stderr)") }
            let start = clock.now
            let shown = "· \(n) notat" // "1 notat", "2 notater"
            while true {
                let screen = try control.command("capture-pane -p -t main").joined(separator: "\n")
                if screen.contains(shown) { break }
                guard clock.now - start < .seconds(10) else {
                    throw ValidationError("the dashboard did not show note \(n) in 10 s")
                }
            }
            latencies.append(Bench.seconds(clock.now - start))
        }
        let sorted = latencies.sorted()
        report.add("note saved at a table → on the dashboard (median; worst of \(sorted.count))",
                   Bench.format(seconds: Bench.median(sorted)) + "; " + Bench.format(seconds: sorted.last ?? .nan),
                   "-", nil, "≤ 1 s")
    }
}
