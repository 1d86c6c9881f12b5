import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

@main
struct Rundbord: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rundbord",
            abstract: CLIText.abstract.text(),
            discussion: CLIText.discussion.text(),
            version: RundbordVersion.string,
            subcommands: [NewCommand.self, StatusCommand.self, NoteCommand.self, VoteCommand.self,
                          AgreeCommand.self, ParticipantsCommand.self, TemplatesCommand.self,
                          ExportCommand.self, EventSettingsCommand.self, MergeCommand.self,
                          CopyCommand.self, NoteLinesCommand.self, DashboardCommand.self,
                          BenchCommand.self, BenchKeystrokesCommand.self, RunCommand.self, KeysCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions

    /// The main job: the table session on the default event.
    mutating func run() throws {
        try Self.defaultSession(global)
    }

    static func defaultSession(_ global: GlobalOptions) throws {
        let store = try DefaultEvent.openOrCreate(global: global)
        try TableScreen.run(store: store, table: 1, templates: global.library)
    }

    static func main() {
        // Event files and exports hold names and e-mails: owner-only by default.
        umask(0o077)
        do {
            if let start = fastPath(Array(CommandLine.arguments.dropFirst())) {
                try start()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let error as RundbordError {
            FileHandle.standardError.write(Data(("rundbord: " + error.message(.current) + "\n").utf8))
            Foundation.exit(error.exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

extension Rundbord {
    /// The paths to a table screen, `rundbord` alone and `rundbord run FILE
    /// [--table N]`, parsed by their own command's parser: the root's parser
    /// first builds the tree of every command and the argument sets along
    /// the way (8.6 M of the 31 M instructions `rundbord run FILE` took
    /// before it opened the file, callgrind). Only a parse that succeeds is
    /// taken; help, `--version` and every error go through `parseAsRoot`,
    /// so messages and usage lines are unchanged.
    static func fastPath(_ arguments: [String]) -> (() throws -> Void)? {
        if arguments.isEmpty, let global = try? GlobalOptions.parse([]) {
            return { try defaultSession(global) }
        }
        if arguments.first == "run", let command = try? RunCommand.parse(Array(arguments.dropFirst())) {
            return command.run
        }
        return nil
    }
}

enum RundbordVersion {
    static let string = "0.1.0"
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CLIText.langHelp.text()))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp(CLIText.templatesHelp.text()))
    var templates: String?

    var library: TemplateLibrary {
        TemplateLibrary(directory: templates.map { URL(fileURLWithPath: $0) })
    }
}

extension Language: ExpressibleByArgument {}

/// The event file used when `rundbord` runs without arguments: one in the
/// XDG data directory, created from the bundled vision template on first run.
enum DefaultEvent {
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return base + "/rundbord/rundbord.rundbord"
    }

    static func openOrCreate(global: GlobalOptions) throws(RundbordError) -> EventStore {
        let path = self.path
        if FileManager.default.fileExists(atPath: path) {
            return try EventStore.open(path: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw RundbordError(CoreText.storeCannotCreate, [folder, error.localizedDescription], exit: .cantCreate)
        }
        let vision = try global.library.vision(TemplateLibrary.defaultName)
        let store = try NewCommand.makeEvent(path: path, vision: vision, title: vision.title,
                                             date: NewCommand.today(), tables: 1)
        FileHandle.standardError.write(Data((CLIText.defaultEventCreated.text(.current, path) + "\n").utf8))
        return store
    }
}
