import Foundation
import RundbordCore
import RundbordHarness
import RundbordStore
import RundbordTestSupport
import Testing

/// Issue #16 item 6: an export's memory does not grow with the event where
/// the format can be written as it is read. Measured on the real binary
/// (maximum resident set from `/usr/bin/time`), against `rundbord status`
/// on the same file as the floor (the program, the libraries, the store).
@Suite struct ExportMemoryTests {
    /// An event of `count` notes over 10 tables and every principle, a fifth
    /// of them initiatives, written straight through the store (fast).
    static func event(_ path: String, notes count: Int) throws {
        let vision = try TemplateLibrary().vision(TemplateLibrary.defaultName)
        let event = Event(id: UUID(), title: "Stort arrangement", date: "2024-11-06", organiser: "ØKF",
                          organiserEmail: "okf@example.dk", language: "da", vision: vision, createdAt: Date())
        let store = try EventStore.create(path: path, event: event, tableCount: 10, now: Date())
        defer { store.close() }
        let tables = try store.tables()
        let words = ["kooperativ", "fællesskab", "indkøb", "bæredygtig", "medbestemmelse", "Københavns", "økosystem"]
        var batch: [Note] = []
        for i in 0..<count {
            let table = tables[i % tables.count]
            let text = (0..<(8 + i % 20)).map { words[($0 * 7 + i) % words.count] }.joined(separator: " ")
            batch.append(Note(id: UUID(), tableId: table.id,
                              principleId: table.principleIds[(i / tables.count) % table.principleIds.count],
                              kind: i % 5 == 0 ? .initiative : .point, text: text,
                              createdAt: Date(timeIntervalSince1970: 1_730_880_000 + Double(i)),
                              funding: i % 5 == 0 ? .unclear : nil, dots: i % 5 == 0 ? i % 7 : 0))
            if batch.count == 5000 { try store.save(notes: batch); batch.removeAll(keepingCapacity: true) }
        }
        try store.save(notes: batch)
    }

    /// Peak resident memory of `rundbord ARGS`, in MiB.
    func peak(_ arguments: [String]) throws -> Double {
        let r = try Subprocess.run("/usr/bin/time", ["-f", "maxrss=%M", Binary.rundbord] + arguments,
                                   environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        let kib = try #require(r.stderr.firstMatch(of: /maxrss=(\d+)/).flatMap { Double($0.1) }, "\(r.stderr)")
        return kib / 1024
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func notesCSVExportMemoryDoesNotGrowWithTheEvent() throws {
        let dir = TempFolder(prefix: "rundbord-memory")
        let file = dir.path("stort.rundbord")
        try Self.event(file, notes: 40_000)
        let floor = try peak(["status", file])
        for excel in [false, true] {
            let csv = try peak(["export", file, "--format", "csv", "--out", dir.path("noter.csv")] + (excel ? ["--excel"] : []))
            // Before it was streamed: 40 MiB over the floor here (418 MiB in all at 200,000 notes).
            #expect(csv - floor < 16, "csv export \(csv) MiB, status \(floor) MiB")
        }
        let rows = try String(contentsOfFile: dir.path("noter.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rows.count == 40_000 + 2)
    }
}
