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
                          RunCommand.self, KeysCommand.self,
                          InitiativesCommand.self, OwnersCommand.self, MoveCommand.self, SummaryCommand.self, TableCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("no-bell"), help: ArgumentHelp(CLIText.noBellHelp.text())) var noBell = false

    /// The main job: the table session on the default event.
    mutating func run() throws {
        try Self.defaultSession(global, noBell: noBell)
    }

    static func defaultSession(_ global: GlobalOptions, noBell: Bool = false) throws {
        let store = try DefaultEvent.openOrCreate(global: global)
        try TableScreen.run(store: store, table: 1, templates: global.library, bell: TableScreen.bell(noBell))
    }

    static func main() {
        // Event files and exports hold names and e-mails: owner-only by default.
        umask(0o077)
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let start = fastPath(arguments) {
                try start()
            } else {
                var command = try parseAllowingDashText(arguments)
                try command.run()
            }
        } catch let error as RundbordError {
            FileHandle.standardError.write(Data(("rundbord: " + error.message(.current) + "\n").utf8))
            Foundation.exit(error.exitCode.rawValue)
        } catch {
            exitInLanguage(error, arguments: arguments)
        }
    }

    /// A note's text may begin with "-" (a concern: "-Bekymring"). When the
    /// arguments do not parse as given but do with one such argument moved
    /// after "--", that is what was meant; otherwise the first error stands.
    static func parseAllowingDashText(_ arguments: [String]) throws -> ParsableCommand {
        do {
            return try parseAsRoot(arguments)
        } catch {
            guard !arguments.contains("--") else { throw error }
            for (i, argument) in arguments.enumerated() where looksLikeDashText(argument) {
                var moved = arguments
                moved.remove(at: i)
                if let command = try? parseAsRoot(moved + ["--", argument]) { return command }
            }
            throw error
        }
    }

    /// "-Bekymring", "- for dyrt": one dash and more than one letter, so
    /// never "-h" and never a long option.
    static func looksLikeDashText(_ argument: String) -> Bool {
        argument.count > 2 && argument.hasPrefix("-") && !argument.hasPrefix("--")
    }

    /// What `exit(withError:)` does, with argument-parser's own words in the
    /// user's language, and a hint when a text starting with "-" was taken
    /// for an option.
    static func exitInLanguage(_ error: Error, arguments: [String]) -> Never {
        let language = Language.current
        var text = fullMessage(for: error)
        let status = exitCode(for: error).rawValue
        if !arguments.contains("--experimental-dump-help") {
            text = ParserText.translate(text, to: language)
        }
        if status != 0, !arguments.contains("--"), let dashed = arguments.first(where: looksLikeDashText) {
            text += "\n" + ParserText.dashHint.text(language, "-- " + CLIQuote.shell(dashed))
        }
        if status == 0 {
            if !text.isEmpty { print(text) }
        } else if !text.isEmpty {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        Foundation.exit(status)
    }
}

/// Quoting for a shell command line shown to the user.
enum CLIQuote {
    static func shell(_ s: String) -> String {
        let safe = s.allSatisfy { $0.isLetter || $0.isNumber || "-_./,:".contains($0) }
        return safe ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
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
    static var path: String { path(environment: ProcessInfo.processInfo.environment) }

    /// `$XDG_DATA_HOME/rundbord/rundbord.rundbord`, else under
    /// `$HOME/.local/share`; the account's home from the password database
    /// only when `HOME` is unset. XDG says a relative `XDG_DATA_HOME` is ignored.
    static func path(environment env: [String: String]) -> String {
        let xdg = env["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (xdg ?? home + "/.local/share") + "/rundbord/rundbord.rundbord"
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
            throw RundbordError(CoreText.storeCannotCreate, [folder, Localized.reason(error)], exit: .cantCreate)
        }
        let vision = try global.library.vision(TemplateLibrary.defaultName)
        let store = try NewCommand.makeEvent(path: path, vision: vision, title: vision.title,
                                             date: NewCommand.today(), tables: 1)
        FileHandle.standardError.write(Data((CLIText.defaultEventCreated.text(.current, path) + "\n").utf8))
        return store
    }
}
