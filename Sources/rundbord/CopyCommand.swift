import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

/// `rundbord copy FILE NEW`: a consistent copy of an event file for a table's
/// laptop, safe while other terminals are writing the file (unlike `cp`).
struct CopyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "copy", abstract: MultiText.copyAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(MultiText.copyNewHelp.text())) var new: [String]

    func validate() throws {
        guard !new.isEmpty else { throw ValidationError(MultiText.copyNoTarget.text()) }
    }

    func run() throws {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        for target in new {
            try store.copy(to: target)
            print(MultiText.copyDone.text(.current, Sanitize.line(file), Sanitize.line(target)))
        }
    }
}
