import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

/// `rundbord table FILE [N] [--name X] [--host Y] [--note-taker Z]`: the
/// tables' names, hosts and note-takers, which the harvest's appendix shows.
struct TableCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "table", abstract: TableText.abstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(TableText.numberHelp.text())) var number: Int?
    @Option(name: .long, help: ArgumentHelp(TableText.nameHelp.text())) var name: String?
    @Option(name: .long, help: ArgumentHelp(TableText.hostHelp.text())) var host: String?
    @Option(name: .customLong("note-taker"), help: ArgumentHelp(TableText.noteTakerHelp.text())) var noteTaker: String?

    func run() throws {
        let changes = name != nil || host != nil || noteTaker != nil
        if changes && number == nil { throw RundbordError(TableText.needsNumber, exit: .usage) }
        let store = try EventStore.open(path: file, readOnly: !changes)
        defer { store.close() }
        let lang = Language.current
        let tables: [RoundTable]
        if let number {
            tables = [changes ? try store.setDetails(tableNumber: number, name: name, host: host, noteTaker: noteTaker)
                              : try store.table(number: number)]
        } else {
            tables = try store.tables()
        }
        print(tables.map { Self.describe($0, lang) }.joined(separator: "\n"))
    }

    static func describe(_ table: RoundTable, _ lang: Language) -> String {
        let name = Sanitize.line(table.name)
        func person(_ s: String) -> String { s.isEmpty ? TableText.notSet.text(lang) : Sanitize.line(s) }
        return [name.isEmpty ? TableText.heading.text(lang, table.number) : TableText.headingNamed.text(lang, table.number, name),
                TableText.host.text(lang, person(table.host)),
                TableText.noteTaker.text(lang, person(table.noteTaker))].joined(separator: "\n")
    }
}
