import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

extension ParticipantsCommand {
    /// `rundbord participants keep-name FILE WHO [--note ID] [--undo]`: the
    /// organiser's deliberate choice to keep a name the harvest would replace.
    struct KeepName: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "keep-name", abstract: PrivacyText.keepNameAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Argument(help: ArgumentHelp(MultiText.whoHelp.text())) var who: String
        @Option(name: .long, help: ArgumentHelp(PrivacyText.keepNameNoteHelp.text())) var note: String?
        @Flag(name: .long, help: ArgumentHelp(PrivacyText.keepNameUndoHelp.text())) var undo = false

        func run() throws {
            let lang = Language.current
            let store = try EventStore.open(path: file)
            defer { store.close() }
            let person = try ParticipantsCommand.resolve(who, in: store)
            let name = Sanitize.line(person.name)
            guard !person.mayBeNamed else { print(PrivacyText.keepNameConsented.text(lang, name)); return }
            var notes = try store.allNotes()
            if let note {
                let prefix = note.trimmingCharacters(in: .whitespaces).uppercased()
                let chosen = prefix.count >= 8 ? notes.filter { $0.id.uuidString.hasPrefix(prefix) } : []
                guard chosen.count == 1 else {
                    throw RundbordError(PrivacyText.keepNameNoSuchNote, [Sanitize.line(note)], exit: .dataError)
                }
                notes = chosen
            }
            // The notes that name this person (as the harvest would find them).
            let found = NameScan.scan(notes, people: try store.participants(), kept: [])
                .filter { $0.participantIds.contains(person.id) }
            let names = Set(found.map { RundbordCore.KeptName(noteId: $0.noteId, participantId: person.id) })
            guard !names.isEmpty else { print(PrivacyText.keepNameNowhere.text(lang, name)); return }
            let changed = try store.setKept(Array(names).sorted { $0.noteId.uuidString < $1.noteId.uuidString }, kept: !undo)
            print((undo ? PrivacyText.keepNameUndone : PrivacyText.keepNameDone).text(lang, name, changed))
        }
    }
}

/// The organiser's view of names in free text, for `rundbord status`.
enum NamesInText {
    static func lines(_ store: EventStore, lang: Language) throws -> [String] {
        let notes = try store.allNotesCredited()
        let found = NameScan.scan(notes, people: try store.participants(), kept: try store.keptNames())
        guard !found.isEmpty else { return [PrivacyText.statusNamesNone.text(lang)] }
        let tables = Dictionary(uniqueKeysWithValues: try store.tables().map { ($0.id, $0) })
        let principles = try store.event().vision.principles.map(\.id)
        let byId = Dictionary(notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out = [PrivacyText.statusNamesHeader.text(lang)]
        for f in found {
            guard let note = byId[f.noteId] else { continue }
            let field: PrivacyText = switch f.field {
            case .text: .fieldText
            case .owner: .fieldOwner
            case .horizon: .fieldHorizon
            case .credit: .fieldCredit
            }
            let principle = principles.firstIndex(of: note.principleId).map { String($0 + 1) } ?? note.principleId
            out.append(PrivacyText.statusNameLine.text(
                lang, tables[note.tableId]?.number ?? 0, Sanitize.line(principle), field.text(lang), Sanitize.line(f.written),
                (f.kept ? PrivacyText.statusNameKept : PrivacyText.statusNameReplaced).text(lang),
                String(note.id.uuidString.prefix(8))))
        }
        return out
    }
}

extension ParticipantsCommand {
    /// `rundbord participants data FILE WHO`: the right of access.
    struct DataCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "data", abstract: PrivacyText.dataAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Argument(help: ArgumentHelp(MultiText.whoHelp.text())) var who: String

        func run() throws {
            let store = try EventStore.open(path: file, readOnly: true)
            defer { store.close() }
            let person = try ParticipantsCommand.resolve(who, in: store)
            let data = try store.personData(participantId: person.id)
            FileHandle.standardOutput.write(try data.json())
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }

    /// `rundbord participants forget FILE WHO [--yes]`: the right to erasure.
    struct Forget: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "forget", abstract: PrivacyText.forgetAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Argument(help: ArgumentHelp(MultiText.whoHelp.text())) var who: String
        @Flag(name: .long, help: ArgumentHelp(PrivacyText.forgetYesHelp.text())) var yes = false

        func run() throws {
            let lang = Language.current
            let store = try EventStore.open(path: file)
            defer { store.close() }
            let person = try ParticipantsCommand.resolve(who, in: store)
            let name = Sanitize.line(person.name)
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else { throw RundbordError(PrivacyText.forgetNeedsYes, exit: .usage) }
                FileHandle.standardError.write(Data(PrivacyText.forgetConfirm.text(lang, name, file).utf8))
                let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                guard ["ja", "j", "yes", "y"].contains(answer) else {
                    print(PrivacyText.forgetNotConfirmed.text(lang))
                    return
                }
            }
            let (report, compacted) = try store.forget(participantId: person.id)
            print(PrivacyText.forgetDone.text(lang, name, report.credits, report.notes, report.revisions, report.drafts))
            if !compacted { throw RundbordError(PrivacyText.forgetNotCompacted, [file], exit: .tempFail) }
        }
    }
}
