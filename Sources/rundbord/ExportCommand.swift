import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

extension ExportFormat: ExpressibleByArgument {}

/// What `--format` takes: the harvest's formats (pdf among them, typeset by
/// the separate rundbord-pdf program, see `PDFProgram`), and the formats for
/// other readers (the brief, the owners' mails).
enum ExportChoice: ExpressibleByArgument, Equatable {
    case harvest(ExportFormat)
    case reader(ReaderFormat)

    init?(argument: String) {
        if let reader = ReaderFormat(rawValue: argument) { self = .reader(reader); return }
        guard let format = ExportFormat(rawValue: argument) else { return nil }
        self = .harvest(format)
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) + ReaderFormat.allCases.map(\.rawValue) }

    var defaultValueDescription: String {
        switch self {
        case .harvest(let format): format.rawValue
        case .reader(let reader): reader.rawValue
        }
    }
}

/// `rundbord export FILE --format md|txt|pdf|eml|mailtext|csv|initiatives-csv|json`
struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "export", abstract: HarvestText.exportAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpFormat.text())) var format: ExportChoice = .harvest(.md)
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpOut.text())) var out: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpTables.text())) var tables: String?
    @Flag(name: .long, help: ArgumentHelp(HarvestText.helpAnonymous.text())) var anonymous = false
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpWidth.text())) var width: Int = ExportSettings.defaultWidth
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpLinesPerPage.text()))
    var linesPerPage: Int = ExportSettings.defaultLinesPerPage
    @Flag(name: .long, help: ArgumentHelp(HarvestText.helpExcel.text())) var excel = false
    @Option(name: .long, help: ArgumentHelp(MailText.helpTo.text())) var to: [String] = []

    func run() throws {
        guard (40...200).contains(width) else { throw RundbordError(HarvestText.badWidth, [width], exit: .usage) }
        guard (20...200).contains(linesPerPage) else {
            throw RundbordError(HarvestText.badLinesPerPage, [linesPerPage], exit: .usage)
        }
        if excel && format != .harvest(.csv) && format != .harvest(.initiativesCSV) {
            throw RundbordError(HarvestText.optionOnlyFor, ["--excel", "csv, initiatives-csv"], exit: .usage)
        }
        let language = Language.current
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        var options = HarvestOptions(tables: try HarvestOptions.parseTables(tables), anonymous: anonymous,
                                     language: language, generatedAt: Date())
        let format: ExportFormat
        switch self.format {
        case .reader(let reader):
            try export(reader, store: store, options: options, language: language)
            return
        case .harvest(let harvestFormat):
            format = harvestFormat
        }
        options.parts = format.harvestParts
        let target = out ?? format.defaultOutput(eventFile: file, language: language)
        // Before the work of rendering: an export never replaces an event.
        try EventStore.checkExportTarget(target, eventFile: file)
        if format == .pdf {
            // rundbord-pdf builds the document itself and writes the file (atomically, owner-only).
            try PDFProgram.run(file: file, out: target, options: options)
            wrote(target, language)
            return
        }
        if !to.isEmpty && format != .eml {
            throw RundbordError(HarvestText.optionOnlyFor, ["--to", "eml"], exit: .usage)
        }
        // Past a file size limit the kernel sends SIGXFSZ, which would kill us
        // mid-write; ignored, the write fails with EFBIG and is reported.
        signal(SIGXFSZ, SIG_IGN)
        if format == .csv {
            // Written while the notes are read: memory does not grow with the event.
            try NotesStream.writeCSV(store: store, options: options, excel: excel, to: target)
            wrote(target, language)
            return
        }
        if [.json, .md, .txt].contains(format) {
            // Each section read from the store, rendered and written before the
            // next: memory holds the outline and one section.
            let harvest = try StreamedHarvest(store: store, options: options)
            let settings = ExportSettings(width: width, linesPerPage: linesPerPage,
                                          templates: HarvestTemplates(library: global.library, language: language))
            try AtomicFile.stream(to: target) { sink throws(RundbordError) in
                switch format {
                case .md: try Exporter.writeMarkdown(harvest, settings, sink.write)
                case .txt: try Exporter.writePrintText(harvest, settings, sink.write)
                default: try harvest.writeJSON(sink.write)
                }
            }
            wrote(target, language)
            return
        }
        if format == .initiativesCSV {
            // The ranking reads the initiatives alone.
            let initiatives = try StreamedHarvest.initiatives(store: store, options: options)
            try AtomicFile.stream(to: target) { sink throws(RundbordError) in
                try HarvestDocument.writeInitiativesCSV(initiatives, language: language, excel: excel, sink.write)
            }
            wrote(target, language)
            return
        }
        let document = try Harvest.build(store: store, options: options)
        var settings = ExportSettings(width: width, linesPerPage: linesPerPage, excel: excel,
                                      templates: HarvestTemplates(library: global.library, language: language))
        settings.extraRecipients = to
        if format == .eml {
            // The mail attaches the typeset PDF of the same harvest, made by rundbord-pdf.
            settings = settings.withPDF(of: file, options: options)
            // Said before the mail is written: what it will not carry.
            for warning in Exporter.mailWarnings(document, language: language) {
                FileHandle.standardError.write(Data((warning + "\n").utf8))
            }
        }
        let data = try Exporter.render(document, format, settings: settings)
        try Exporter.write(data, to: target)
        wrote(target, language)
    }

    /// Says on standard error what was written (not when it went to standard output).
    func wrote(_ target: String, _ language: Language) {
        if target != "-" {
            FileHandle.standardError.write(Data((HarvestText.exportWrote.text(language, target) + "\n").utf8))
        }
    }

    /// The brief (Markdown, print text or PDF) or the owners' mails (a folder of drafts).
    func export(_ reader: ReaderFormat, store: EventStore, options: HarvestOptions, language: Language) throws {
        if !to.isEmpty { throw RundbordError(HarvestText.optionOnlyFor, ["--to", "eml"], exit: .usage) }
        let target = out ?? reader.defaultOutput(eventFile: file, language: language)
        try EventStore.checkExportTarget(target, eventFile: file)
        if reader == .briefPDF {
            // rundbord-pdf builds the document itself.
            try PDFProgram.run(file: file, out: target, options: options, document: .brief)
            wrote(target, language)
            return
        }
        let document = try Harvest.build(store: store, options: options)
        var settings = ExportSettings(width: width, linesPerPage: linesPerPage,
                                      templates: HarvestTemplates(library: global.library, language: language))
        signal(SIGXFSZ, SIG_IGN)
        switch reader {
        case .briefPDF:
            return
        case .brief:
            try Exporter.write(Data(try Exporter.brief(document, settings).utf8), to: target)
        case .briefText:
            try Exporter.write(Data(try Exporter.briefText(document, settings).utf8), to: target)
        case .ownerMails:
            guard target != "-" else { throw RundbordError(MailText.ownerMailsNeedFolder, exit: .usage) }
            settings = settings.withPDF(of: file, options: options)
            let files = try Exporter.ownerMails(document, settings)
            guard !files.isEmpty else { throw RundbordError(MailText.ownerMailsNone, exit: .dataError) }
            try Exporter.writeFolder(files, to: target)
            FileHandle.standardError.write(Data((MailText.ownerMailsWrote.text(language, files.count, target) + "\n").utf8))
            return
        }
        wrote(target, language)
    }
}
