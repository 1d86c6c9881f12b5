import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarness
import RundbordStore
import RundbordTUI

/// Instructions per keystroke in the entry line: the real update and the
/// real render of the table screen into a buffer (the in-memory backend, so
/// terminal output, which depends only on the cells that changed, is left
/// out), counted by callgrind with collection switched on only inside
/// `KeystrokeLoop.type`. Events of 100 and of 100,000 notes are compared.
struct KeystrokeBench {
    let events: [Int: String]

    func measure(into report: inout BenchReport) throws {
        let valgrind = try Bench.tool("valgrind")
        let objcopy = try Bench.tool("objcopy")
        // valgrind 3.19 cannot read the DWARF 5 that Swift emits: count on a
        // copy without debug information (the symbol table stays).
        let binary = Rundbord.bench
        let stripped = NSTemporaryDirectory() + "rundbord-bench-nodebug-\(getpid())"
        defer { unlink(stripped) }
        let strip = try Subprocess.run(objcopy, ["--strip-debug", binary, stripped])
        guard strip.status == 0 else { throw ValidationError("objcopy failed: \(strip.stderr)") }
        let keys = 200
        var perKey: [Int: Double] = [:]
        for (count, path) in events.sorted(by: { $0.key < $1.key }) {
            let out = NSTemporaryDirectory() + "rundbord-callgrind-\(count)-\(getpid())"
            defer { unlink(out) }
            let r = try Subprocess.run(valgrind, ["--tool=callgrind", "--toggle-collect=*KeystrokeLoop*type*",
                                                  "--callgrind-out-file=\(out)", stripped, "keystrokes", path,
                                                  "--keys", "\(keys)"])
            guard r.status == 0 else { throw ValidationError("callgrind failed: \(r.stderr.suffix(500))") }
            let text = try String(contentsOfFile: out, encoding: .utf8)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("summary:") || $0.hasPrefix("totals:") }),
                  let total = Double(line.split(separator: " ").last ?? "") else {
                throw ValidationError("no totals in callgrind output")
            }
            perKey[count] = total / Double(keys)
            report.add("instructions per keystroke, \(count)-note event", String(format: "%.2f M", total / Double(keys) / 1e6),
                       "-", nil, "-")
        }
        if let small = perKey[100], let large = perKey[100_000] {
            report.add("keystroke instructions, 100k notes / 100 notes", String(format: "%.2f", large / small), "-",
                       large / small, "≤ 1.2")
        }
    }
}

/// `rundbord-bench keystrokes FILE --keys N` (hidden): types N characters
/// into table 1's entry line through the app, for callgrind to count.
struct BenchKeystrokesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keystrokes", shouldDisplay: false)
    @Argument var file: String
    @Option(name: .long) var keys: Int = 200

    func run() throws {
        let store = try EventStore.open(path: file, readOnly: true)
        let app = try TableApp(store: store, tableNumber: 1, backend: TestBackend(width: 120, height: 40), lang: .da)
        app.draw()
        KeystrokeLoop.type(app, keys)
    }
}

enum KeystrokeLoop {
    /// Each key is handled and drawn before the next, as when a person types.
    @inline(never)
    static func type(_ app: TableApp, _ count: Int) {
        let text = Array("Fælles indkøb på tværs af sektorer, også for små kooperativer. ")
        for i in 0..<count {
            app.send(keys: [.char(text[i % text.count])])
        }
    }
}
