import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

extension ParticipantsCommand {
    /// `rundbord participants import FILE roster.csv`: all lines or none, unless `--skip-bad`.
    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: MultiText.participantsImportAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Argument(help: ArgumentHelp(MultiText.rosterHelp.text()))
        var roster: String
        @Flag(name: .long, help: ArgumentHelp(MultiText.skipBadHelp.text())) var skipBad = false

        func run() throws {
            let lang = Language.current
            let store = try EventStore.open(path: file)
            defer { store.close() }
            guard FileManager.default.fileExists(atPath: roster) else {
                throw RundbordError(CoreText.storeNotFound, [roster], exit: .noInput)
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: roster))
            } catch {
                throw RundbordError(MultiText.rosterUnreadable, [roster, Localized.reason(error)], exit: .noInput)
            }
            let numbers = Set(try store.tables().map(\.number))
            let result: Roster.Result
            do {
                result = try Roster.read(data, tableNumbers: numbers)
            } catch {
                throw RundbordError(MultiText.rosterLine, [roster, error.line, error.key.format(lang, error.args)], exit: .dataError)
            }
            for problem in result.problems {
                FileHandle.standardError.write(Data(("rundbord: " + problem.message(file: roster, lang) + "\n").utf8))
            }
            if !result.problems.isEmpty && !skipBad {
                throw RundbordError(MultiText.rosterRejected, [roster, result.badLines], exit: .dataError)
            }
            let report = try store.importParticipants(result.entries)
            print(MultiText.rosterImported.text(lang, roster, report.added, report.updated, report.unchanged))
            if !result.problems.isEmpty { print(MultiText.rosterSkipped.text(lang, result.badLines)) }
        }
    }

    /// `rundbord participants set FILE WHO --table 3 --named`: change one participant.
    struct Change: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "set", abstract: MultiText.participantsSetAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Argument(help: ArgumentHelp(MultiText.whoHelp.text())) var who: String
        @Option(name: .long, help: ArgumentHelp(MultiText.setTableHelp.text())) var table: Int?
        @Flag(name: .long, help: ArgumentHelp(MultiText.setNoTableHelp.text())) var noTable = false
        @Flag(name: .long, help: ArgumentHelp(MultiText.setNamedHelp.text())) var named = false
        @Flag(name: .long, help: ArgumentHelp(MultiText.setNotNamedHelp.text())) var notNamed = false
        @Option(name: .long, help: ArgumentHelp(CLIText.newNameHelp.text())) var name: String?
        @Option(name: .long, help: ArgumentHelp(CLIText.newOrgHelp.text())) var org: String?
        @Option(name: .long, help: ArgumentHelp(CLIText.newEmailHelp.text())) var email: String?

        func run() throws {
            if table != nil && noTable { throw RundbordError(MultiText.participantTableConflict, exit: .usage) }
            if named && notNamed { throw RundbordError(MultiText.participantConsentConflict, exit: .usage) }
            guard table != nil || noTable || named || notNamed || name != nil || org != nil || email != nil else {
                throw RundbordError(MultiText.participantNothingToChange, exit: .usage)
            }
            let store = try EventStore.open(path: file)
            defer { store.close() }
            var person = try ParticipantsCommand.resolve(who, in: store)
            if let table { person.tableNumber = table }
            if noTable { person.tableNumber = nil }
            if named { person.mayBeNamed = true }
            if notNamed { person.mayBeNamed = false }
            if let name { person.name = name }
            if let org { person.organisation = org }
            if let email { person.email = email }
            let saved = try store.update(participant: person)
            print(MultiText.participantUpdated.text(.current, saved.name))
        }
    }

    /// `rundbord participants remove FILE WHO`.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "remove", abstract: MultiText.participantsRemoveAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Argument(help: ArgumentHelp(MultiText.whoHelp.text())) var who: String

        func run() throws {
            let store = try EventStore.open(path: file)
            defer { store.close() }
            let person = try ParticipantsCommand.resolve(who, in: store)
            let notes = try store.deleteParticipant(id: person.id)
            print(MultiText.participantRemoved.text(.current, person.name, notes))
        }
    }

    /// The one participant `who` names (id, e-mail or name); an error names the candidates.
    static func resolve(_ who: String, in store: EventStore) throws(RundbordError) -> Participant {
        let found = try store.participants(matching: who)
        guard let first = found.first else {
            throw RundbordError(MultiText.participantNotFound, [Sanitize.line(who)], exit: .dataError)
        }
        guard found.count == 1 else {
            let list = found.map { p in
                Sanitize.line(p.name) + (p.email.isEmpty ? "" : " <\(Sanitize.line(p.email))>") + " \(p.id.uuidString)"
            }.joined(separator: "; ")
            throw RundbordError(MultiText.participantAmbiguous, [Sanitize.line(who), list], exit: .dataError)
        }
        return first
    }
}
