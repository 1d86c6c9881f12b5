import ArgumentParser
import Foundation
import NcursesBackend
import RundbordCore
import RundbordStore
import RundbordTUI

/// `rundbord run FILE [--table N]`: the table session in the terminal.
struct RunCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: CLIText.runAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.tableHelp.text())) var table: Int = 1
    @Flag(name: .customLong("no-bell"), help: ArgumentHelp(CLIText.noBellHelp.text())) var noBell = false

    func run() throws {
        let store = try EventStore.open(path: file)
        try TableScreen.run(store: store, table: table, templates: global.library, bell: TableScreen.bell(noBell))
    }
}

/// `rundbord keys [--markdown]`: the key table, as the help screen shows it or as Markdown.
struct KeysCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "keys", abstract: CLIText.keysAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: ArgumentHelp(CLIText.markdownHelp.text())) var markdown = false
    @Flag(name: .customLong("try"), help: ArgumentHelp(KeyTryText.help.text())) var tryKeys = false

    func run() throws {
        if tryKeys { return try KeyTry.run(lang: .current) }
        print(markdown ? KeyTable.markdown(.current) : KeyTable.plainText(.current), terminator: "")
    }
}

/// `rundbord keys --try`: each key as rundbord understood it, newest last,
/// to check a terminal (PuTTY, an old xterm, tmux) and for the tests that
/// feed every raw key sequence.
enum KeyTry {
    static func run(lang: Language) throws {
        let backend = try NcursesBackend.start()
        defer { backend.stop() }
        var seen: [String] = []
        let frames = FrameGate()
        while true {
            frames.show(frame(backend.size, seen, lang), on: backend)
            guard let event = backend.nextEvent(timeout: 1) else { continue }
            switch event {
            case .terminate, .key(.ctrl("c")): return
            case .key(let key): seen.append(key.label)
            case .paste(let text): seen.append(KeyTryText.pasted.text(lang, text.count))
            case .resize(let size): seen.append(KeyTryText.resized.text(lang, size.width, size.height))
            case .tick: break
            }
        }
    }

    static func frame(_ size: Size, _ seen: [String], _ lang: Language) -> Buffer {
        var buffer = Buffer(size: size)
        _ = buffer.put(KeyTryText.title.text(lang), x: 0, y: 0, style: .bold, limit: buffer.width)
        _ = buffer.put(KeyTryText.last.text(lang, seen.count, seen.last ?? KeyTryText.none.text(lang)), x: 0, y: 2, limit: buffer.width)
        // Every key so far, oldest first, as many lines as fit.
        var lines: [String] = [""]
        for label in seen {
            if DisplayWidth.of(lines[lines.count - 1]) + DisplayWidth.of(label) + 2 > buffer.width { lines.append("") }
            lines[lines.count - 1] += label + "  "
        }
        let room = max(0, buffer.height - 4)
        for (i, line) in lines.suffix(room).enumerated() { _ = buffer.put(line, x: 0, y: 4 + i, limit: buffer.width) }
        return buffer
    }
}

enum TableScreen {
    /// Opens the table's screen on the terminal and restores the terminal on
    /// every way out; an error is printed by the caller after the screen is gone.
    /// `table` nil opens the organiser's dashboard on its own.
    /// The bell rings when the time is up unless `--no-bell` or a non-empty
    /// `RUNDBORD_NO_BELL` (other than "0") says not to.
    static func bell(_ noBell: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let quiet = environment["RUNDBORD_NO_BELL"].map { !$0.isEmpty && $0 != "0" } ?? false
        return !noBell && !quiet
    }

    static func run(store: EventStore, table: Int?, templates: TemplateLibrary = TemplateLibrary(),
                    bell: Bool = true) throws {
        // A wrong table number is reported before the screen changes.
        if let table { _ = try store.table(number: table) }
        let backend = try NcursesBackend.start()
        var failure: Error?
        do {
            let app = try TableApp(store: store, tableNumber: table, backend: backend, lang: .current, templates: templates,
                                   bell: bell, choices: HarvestChoices.inStateFolder())
            app.run()
        } catch {
            failure = error
        }
        backend.stop()
        store.close()
        if let failure { throw failure }
        // Ended by SIGTERM, SIGHUP or SIGQUIT: the terminal is restored, and the
        // exit status says so (128 + the signal), as a shell expects. SIGINT
        // stays a quiet ending (0), as it was.
        if [SIGTERM, SIGHUP, SIGQUIT].contains(backend.quitSignal) { Foundation.exit(128 + backend.quitSignal) }
    }
}
