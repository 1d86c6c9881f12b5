import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

extension ExportFormat: ExpressibleByArgument {}

/// What `--format` takes: the harvest's formats, and pdf (typeset by the
/// separate rundbord-pdf program, see `PDFProgram`).
enum ExportChoice: ExpressibleByArgument, Equatable {
    case harvest(ExportFormat)
    case pdf
    /// The brief and the owners' mails.
    case reader(ReaderFormat)

    init?(argument: String) {
        if argument == "pdf" { self = .pdf; return }
        if let reader = ReaderFormat(rawValue: argument) { self = .reader(reader); return }
        guard let format = ExportFormat(rawValue: argument) else { return nil }
        self = .harvest(format)
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) + ["pdf"] + ReaderFormat.allCases.map(\.rawValue) }

    var defaultValueDescription: String {
        switch self {
        case .harvest(let format): format.rawValue
        case .pdf: "pdf"
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
        if case .reader(let reader) = format {
            try export(reader, store: store, options: options, language: language)
            return
        }
        guard case .harvest(let format) = format else {
            let target = out ?? ExportFormat.defaultOutput(eventFile: file, fileExtension: "pdf", language: language)
            try EventStore.checkExportTarget(target, eventFile: file)
            try PDFProgram.run(file: file, out: target, options: options)
            if target != "-" {
                FileHandle.standardError.write(Data((HarvestText.exportWrote.text(language, target) + "\n").utf8))
            }
            return
        }
        options.parts = format.harvestParts
        let target = out ?? format.defaultOutput(eventFile: file, language: language)
        // Before the work of rendering: an export never replaces an event.
        try EventStore.checkExportTarget(target, eventFile: file)
        let document = try Harvest.build(store: store, options: options)
        var settings = ExportSettings(width: width, linesPerPage: linesPerPage, excel: excel,
                                      templates: HarvestTemplates(library: global.library, language: language))
        if !to.isEmpty && format != .eml {
            throw RundbordError(HarvestText.optionOnlyFor, ["--to", "eml"], exit: .usage)
        }
        settings.extraRecipients = to
        if format == .eml {
            // The mail attaches the typeset PDF of the same harvest, made by rundbord-pdf.
            let file = file, pdfOptions = options
            settings.pdf = { () throws(RundbordError) -> Data in try PDFProgram.data(file: file, options: pdfOptions) }
            // Said before the mail is written: what it will not carry.
            for warning in Exporter.mailWarnings(document, language: language) {
                FileHandle.standardError.write(Data((warning + "\n").utf8))
            }
        }
        let data = try Exporter.render(document, format, settings: settings)
        // Past a file size limit the kernel sends SIGXFSZ, which would kill us
        // mid-write; ignored, the write fails with EFBIG and is reported.
        signal(SIGXFSZ, SIG_IGN)
        try Exporter.write(data, to: target)
        if target != "-" {
            FileHandle.standardError.write(Data((HarvestText.exportWrote.text(language, target) + "\n").utf8))
        }
    }

    /// The brief (Markdown or print text) or the owners' mails (a folder of drafts).
    func export(_ reader: ReaderFormat, store: EventStore, options: HarvestOptions, language: Language) throws {
        if !to.isEmpty { throw RundbordError(HarvestText.optionOnlyFor, ["--to", "eml"], exit: .usage) }
        let document = try Harvest.build(store: store, options: options)
        var settings = ExportSettings(width: width, linesPerPage: linesPerPage,
                                      templates: HarvestTemplates(library: global.library, language: language))
        let target = out ?? reader.defaultOutput(eventFile: file, language: language)
        signal(SIGXFSZ, SIG_IGN)
        switch reader {
        case .brief:
            try Exporter.write(Data(try Exporter.brief(document, settings).utf8), to: target)
        case .briefText:
            try Exporter.write(Data(try Exporter.briefText(document, settings).utf8), to: target)
        case .ownerMails:
            guard target != "-" else { throw RundbordError(MailText.ownerMailsNeedFolder, exit: .usage) }
            let file = file, pdfOptions = options
            settings.pdf = { () throws(RundbordError) -> Data in try PDFProgram.data(file: file, options: pdfOptions) }
            let files = try Exporter.ownerMails(document, settings)
            guard !files.isEmpty else { throw RundbordError(MailText.ownerMailsNone, exit: .dataError) }
            try Exporter.writeFolder(files, to: target)
            FileHandle.standardError.write(Data((MailText.ownerMailsWrote.text(language, files.count, target) + "\n").utf8))
            return
        }
        if target != "-" {
            FileHandle.standardError.write(Data((HarvestText.exportWrote.text(language, target) + "\n").utf8))
        }
    }

}
