import ArgumentParser
import Foundation
import NcursesBackend
import RundbordCore
import RundbordStore
import RundbordTUI

/// `rundbord run FILE [--table N]`: the table session in the terminal.
struct RunCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: TUIText.runAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.tableHelp.text())) var table: Int = 1

    func run() throws {
        let store = try EventStore.open(path: file)
        try TableScreen.run(store: store, table: table, templates: global.library)
    }
}

/// `rundbord keys [--markdown]`: the key table, as the help screen shows it or as Markdown.
struct KeysCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "keys", abstract: TUIText.keysAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: ArgumentHelp(TUIText.markdownHelp.text())) var markdown = false

    func run() {
        print(markdown ? KeyTable.markdown(.current) : KeyTable.plainText(.current), terminator: "")
    }
}

enum TableScreen {
    /// Opens the table's screen on the terminal and restores the terminal on
    /// every way out; an error is printed by the caller after the screen is gone.
    /// `table` nil opens the organiser's dashboard on its own.
    static func run(store: EventStore, table: Int?, templates: TemplateLibrary = TemplateLibrary()) throws {
        // A wrong table number is reported before the screen changes.
        if let table { _ = try store.table(number: table) }
        let backend = try NcursesBackend.start()
        var failure: Error?
        do {
            let app = try TableApp(store: store, tableNumber: table, backend: backend, lang: .current, templates: templates)
            app.run()
        } catch {
            failure = error
        }
        backend.stop()
        store.close()
        if let failure { throw failure }
    }
}
