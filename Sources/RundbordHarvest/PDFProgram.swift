import Foundation
import RundbordCore
import RundbordProcess

/// Which document `rundbord-pdf` typesets: the harvest, or the decision
/// makers' brief made from the same harvest.
public enum PDFDocumentKind: String, Sendable, CaseIterable {
    case harvest
    case brief
}

/// `rundbord-pdf`, the program that typesets the harvest with Pango and
/// Cairo. It is a program of its own so that `rundbord` and its TUI never
/// load those libraries (the screen starts as fast as before); it is found
/// beside the running executable, as `swift build` and scripts/setup put them.
public enum PDFProgram {
    static let name = "rundbord-pdf"

    /// The helper beside the running executable (symbolic links resolved).
    static func path() throws(RundbordError) -> String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw RundbordError(PDFText.helperMissing, [own], exit: .unavailable)
        }
        return candidate
    }

    /// Typesets `document` of the event `file` into `out` ("-" for standard
    /// output) with the same options the other exports take; the helper
    /// reports its own errors on standard error (`quiet` sends them nowhere,
    /// for the TUI, whose screen they would break), and its exit status is passed on.
    public static func run(file: String, out: String, options: HarvestOptions,
                           document: PDFDocumentKind = .harvest, quiet: Bool = false) throws(RundbordError) {
        let executable = try path()
        var arguments = [file, "--out", out, "--lang", options.language.rawValue,
                         "--generated-at", String(options.generatedAt.timeIntervalSince1970),
                         "--document", document.rawValue]
        if let tables = options.tables { arguments += ["--tables", tables.sorted().map(String.init).joined(separator: ",")] }
        if options.anonymous { arguments.append("--anonymous") }
        let child: Subprocess
        do {
            child = try Subprocess.start(executable, arguments, inheritOutput: !quiet)
        } catch {
            throw RundbordError(PDFText.helperMissing, [executable], exit: .unavailable)
        }
        let status = child.wait()
        // Quiet, the helper's message is in its captured standard error: passed on in the error.
        let said = quiet ? child.stderr.split(separator: "\n").first.map { Sanitize.line(String($0)) } : nil
        child.cleanUp()
        guard status == 0 else {
            let exit = ExitCode(rawValue: status) ?? .software
            if let said, !said.isEmpty { throw RundbordError(PDFText.helperFailedSaying, [status, said], exit: exit) }
            throw RundbordError(PDFText.helperFailed, [status], exit: exit)
        }
    }

    /// The PDF's bytes, made through a temporary file (owner-only) that is removed again.
    public static func data(file: String, options: HarvestOptions, document: PDFDocumentKind = .harvest,
                            quiet: Bool = false) throws(RundbordError) -> Data {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundbord-\(UUID().uuidString).pdf").path
        defer { unlink(temporary) }
        try run(file: file, out: temporary, options: options, document: document, quiet: quiet)
        do { return try Data(contentsOf: URL(fileURLWithPath: temporary)) } catch {
            throw RundbordError(HarvestText.writeFailed, [temporary, error.localizedDescription], exit: .ioError)
        }
    }
}

extension ExportSettings {
    /// These settings with the typeset PDF of the event `file`'s harvest:
    /// the mail attaches it, and `--format pdf` writes it.
    public func withPDF(of file: String, options: HarvestOptions, quiet: Bool = false) -> ExportSettings {
        var settings = self
        settings.pdf = { () throws(RundbordError) -> Data in try PDFProgram.data(file: file, options: options, quiet: quiet) }
        return settings
    }
}
