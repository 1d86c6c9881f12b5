import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore
import RundbordHarvest

struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "new", abstract: CLIText.newAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.templateHelp.text())) var template: String = TemplateLibrary.defaultName
    @Option(name: .long, help: ArgumentHelp(CLIText.titleHelp.text())) var title: String?
    @Option(name: .long, help: ArgumentHelp(CLIText.dateHelp.text())) var date: String?
    @Option(name: .long, help: ArgumentHelp(CLIText.venueHelp.text())) var venue: String = ""
    @Option(name: .long, help: ArgumentHelp(CLIText.organiserHelp.text())) var organiser: String = ""
    @Option(name: .long, help: ArgumentHelp(CLIText.organiserEmailHelp.text())) var organiserEmail: String = ""
    @Option(name: .long, help: ArgumentHelp(CLIText.tablesHelp.text())) var tables: Int = 1
    @Option(name: .long, help: ArgumentHelp(MailText.helpNewAttachment.text())) var attachment: String?

    func run() throws {
        guard (1...200).contains(tables) else {
            throw RundbordError(CLIText.badTables, [tables], exit: .usage)
        }
        let day = date ?? Self.today()
        guard Self.isISODate(day) else { throw RundbordError(CLIText.badDate, [day], exit: .usage) }
        // Checked as `event --sender-email` checks it: the follow-up mail is sent from it.
        let email = Sanitize.line(organiserEmail)
        guard email.isEmpty || EmailAddress.isValid(email) else {
            throw RundbordError(HarvestText.badSenderEmail, [email], exit: .dataError)
        }
        let vision = try global.library.vision(template)
        let store = try Self.makeEvent(path: file, vision: vision, title: title ?? vision.title, date: day,
                                       tables: tables, venue: venue, organiser: organiser,
                                       organiserEmail: organiserEmail, attachmentPath: attachment)
        print(CLIText.created.text(.current, file, tables, vision.principles.count))
        store.close()
    }

    static func makeEvent(path: String, vision: Vision, title: String, date: String, tables: Int,
                          venue: String = "", organiser: String = "", organiserEmail: String = "",
                          attachmentPath: String? = nil) throws(RundbordError) -> EventStore {
        var attachments: [EventAttachment] = []
        // The vision paper itself (`--attachment FILE`), stored absolute so the
        // export finds it from any working directory; the vision names it.
        let file = attachmentPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let name = vision.attachment.isEmpty ? file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "" : vision.attachment
        if let file, !FileManager.default.fileExists(atPath: file) {
            throw RundbordError(HarvestText.attachmentMissing, [name, file], exit: .noInput)
        }
        if !name.isEmpty { attachments.append(EventAttachment(name: name, path: file)) }
        let event = Event(id: UUID(), title: Sanitize.line(title), date: date, venue: Sanitize.line(venue),
                          organiser: Sanitize.line(organiser), organiserEmail: Sanitize.line(organiserEmail),
                          language: vision.language, vision: vision, attachments: attachments, createdAt: Date())
        return try EventStore.create(path: path, event: event, tableCount: tables, now: Date())
    }

    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    static func isISODate(_ s: String) -> Bool {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        f.isLenient = false
        return s.count == 10 && f.date(from: s) != nil
    }
}

struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "status", abstract: CLIText.statusAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String

    func run() throws {
        let store = try EventStore.open(path: file, readOnly: true)
        try Self.printStatus(store)
    }

    static func printStatus(_ store: EventStore) throws {
        let lang = Language.current
        let event = try store.event()
        let tables = try store.tables()
        let summary = try store.summary()
        print(CLIText.statusHeader.text(lang, event.title, event.date))
        print(CLIText.statusTables.text(lang, tables.count) + "   " + CLIText.statusParticipants.text(lang, summary.participants))
        print(CLIText.statusPrinciples.text(lang))
        for (i, p) in event.vision.principles.enumerated() {
            let count = summary.notesByPrinciple[p.id]?.values.reduce(0, +) ?? 0
            print("  \(i + 1). \(Sanitize.line(p.title)) (\(count))")
        }
        let kinds = event.vision.noteKinds.map(\.kind)
        print(CLIText.statusKindsHeader.text(lang))
        var rows: [[String]] = [[""] + kinds.map { event.vision.label($0) } + [CLIText.statusTotal.text(lang), CLIText.statusDots.text(lang)]]
        for table in tables {
            let counts = summary.notes[table.number] ?? [:]
            let position = "\(table.progress.principleIndex + 1)/\(table.principleIds.count)"
            rows.append([CLIText.statusTableLine.text(lang, table.number) + " (\(position))"]
                        + kinds.map { String(counts[$0] ?? 0) }
                        + [String(summary.total(table: table.number)), String(summary.dots[table.number] ?? 0)])
        }
        rows.append([CLIText.statusTotal.text(lang)] + kinds.map { String(summary.total(kind: $0)) }
                    + [String(summary.total), String(summary.dots.values.reduce(0, +))])
        print(TextTable.render(rows))
        print("")
        for line in try NamesInText.lines(store, lang: lang) { print(line) }
    }
}
