import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore
import RundbordTUI

/// `rundbord dashboard FILE`: the organiser's live dashboard on a terminal;
/// the numbers as text when the output is not a terminal (a script, a pipe)
/// or with `--text`.
struct DashboardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "dashboard", abstract: MultiText.dashboardAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(MultiText.dashboardTopHelp.text())) var top: Int = 5
    @Flag(name: .long, help: ArgumentHelp(CLIText.dashboardTextHelp.text())) var text = false

    func run() throws {
        if !text && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            // Writable: participants are edited from the dashboard.
            try TableScreen.run(store: try EventStore.open(path: file), table: nil, templates: global.library)
            return
        }
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let lang = Language.current
        let event = try store.event()
        let snapshot = try store.dashboard(top: top)
        let now = Date()
        print(MultiText.dashboardHeader.text(lang, Sanitize.line(event.title), snapshot.tables.count,
                                             snapshot.totalNotes, snapshot.participants))
        var rows = [MultiText.dashboardColumns.text(lang).components(separatedBy: "\t")]
        for t in snapshot.tables {
            let title = t.principleId.flatMap(event.vision.principle(id:)).map(\.title) ?? "-"
            rows.append([
                CLIText.statusTableLine.text(lang, t.number),
                DisplayWidth.truncate("\(t.principleIndex + 1)/\(t.principleCount) " + Sanitize.line(title), width: 28),
                t.phase.textKey.text(lang),
                Self.clock(t.timer.remaining(at: now)),
                String(t.total), String(t.counts[.initiative] ?? 0), String(t.dots),
                t.lastActivity.map { Self.clockTime($0) } ?? MultiText.dashboardNever.text(lang),
            ])
        }
        print(TextTable.render(rows))
        print(MultiText.dashboardTotals.text(lang))
        for (i, p) in snapshot.principles.enumerated() {
            let title = event.vision.principle(id: p.id)?.title ?? p.id
            print("  \(i + 1). \(Sanitize.line(title)): " + CLIText.dashboardPrincipleCounts.text(lang, p.total, p.dots))
        }
        if !snapshot.topInitiatives.isEmpty {
            print(MultiText.dashboardTopHeader.text(lang))
            for item in snapshot.topInitiatives {
                print("  \(item.dots)  " + CLIText.statusTableLine.text(lang, item.tableNumber) + ": "
                      + Sanitize.line(item.text))
            }
        }
    }

    /// "12:34" left, or "-1:05" when the time box is overrun.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.towardZero))
        let sign = seconds < 0 ? "-" : ""
        return sign + String(format: "%d:%02d", abs(whole) / 60, abs(whole) % 60)
    }

    static func clockTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: date)
    }
}
