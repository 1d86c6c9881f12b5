import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

/// `rundbord note-lines FILE --table N --principle P < lines`: bulk capture
/// for scripts (and paper notes typed in afterwards). Each line goes through
/// the same engine as the table screen and is saved in its own durable
/// transaction; its id is printed only after the commit, so every printed
/// id is on disk even if the process is killed on the next line.
struct NoteLinesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "note-lines", abstract: MultiText.noteLinesAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.tableHelp.text())) var table: Int
    @Option(name: .long, help: ArgumentHelp(MultiText.principleHelp.text())) var principle: Int
    @Option(name: .long, help: ArgumentHelp(MultiText.noteLinesKindHelp.text()))
    var kind: NoteKind?

    func run() throws {
        var scripted = try ScriptedSession(file: file, table: table, principle: principle)
        defer { scripted.store.close() }
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            let text = Sanitize.multiline(line)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                FileHandle.standardError.write(Data(("rundbord: " + MultiText.noteLinesEmptyLine.text(.current, number) + "\n").utf8))
                continue
            }
            let effects = try scripted.apply(.addNote(text: text, kind: kind, speakerId: nil, speakerOrganisation: nil))
            try scripted.store.perform(effects)
            // The session only needs to add notes; drop the undo history it keeps for screens.
            scripted.session.undoStack.removeAll()
            scripted.session.notes.removeAll()
            if case .saveNote(let note)? = effects.last {
                print(note.id.uuidString)
                fflush(nil) // all output streams: the id must leave the process now
            }
        }
    }
}
