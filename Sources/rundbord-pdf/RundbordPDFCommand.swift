import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarvest
import RundbordPDF
import RundbordStore

extension PDFDocumentKind: ExpressibleByArgument {}

/// `rundbord-pdf FILE --out PDF [--document brief]`: the harvest of an event
/// (or the decision makers' brief made from it) typeset as a PDF.
/// A program of its own so that `rundbord` (and the TUI) never loads Pango
/// and Cairo: `rundbord export --format pdf` runs it from beside itself with
/// the same options, and it builds the same harvest document from the file.
@main
struct RundbordPDFCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "rundbord-pdf", abstract: PDFText.pdfAbstract.text())
    }
    @Argument(help: ArgumentHelp(PDFText.helpFile.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(PDFText.helpOut.text())) var out: String
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpTables.text())) var tables: String?
    @Flag(name: .long, help: ArgumentHelp(HarvestText.helpAnonymous.text())) var anonymous = false
    @Option(name: .long, help: ArgumentHelp(PDFText.helpLang.text())) var lang: String?
    @Option(name: .long, help: ArgumentHelp(PDFText.helpGeneratedAt.text())) var generatedAt: Double?
    @Option(name: .long, help: ArgumentHelp(PDFText.helpDocument.text())) var document: PDFDocumentKind = .harvest

    func run() throws {
        let language = Language.current
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let options = HarvestOptions(tables: try HarvestOptions.parseTables(tables), anonymous: anonymous,
                                     language: language,
                                     generatedAt: generatedAt.map { Date(timeIntervalSince1970: $0) } ?? Date())
        let harvest = try Harvest.build(store: store, options: options)
        let data = try HarvestPDF.render(harvest, document)
        signal(SIGXFSZ, SIG_IGN)
        try Exporter.write(data, to: out)
    }

    static func main() {
        // The PDF holds names: owner-only, like every export.
        umask(0o077)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as RundbordError {
            FileHandle.standardError.write(Data(("rundbord: " + error.message(.current) + "\n").utf8))
            Foundation.exit(error.exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
