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
    @Argument(help: "The new file; it must not exist.") var new: [String]

    func validate() throws {
        guard !new.isEmpty else { throw ValidationError("Give the name of the new file.") }
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
