import Foundation
import RundbordCore
import RundbordHarness
import RundbordHarvest


/// `rundbord-pdf`, the program that typesets the harvest with Pango and
/// Cairo. It is a program of its own so that `rundbord` never loads those
/// libraries (the TUI starts as fast as before); it is found beside this
/// executable, as `swift build` and scripts/setup put them.
enum PDFProgram {
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

    /// Typesets the harvest of `file` into `out` ("-" for standard output)
    /// with the same options the other exports take; the helper reports its
    /// own errors on standard error, and its exit status is passed on.
    static func run(file: String, out: String, options: HarvestOptions) throws(RundbordError) {
        let executable = try path()
        var arguments = [file, "--out", out, "--lang", options.language.rawValue,
                         "--generated-at", String(options.generatedAt.timeIntervalSince1970)]
        if let tables = options.tables { arguments += ["--tables", tables.sorted().map(String.init).joined(separator: ",")] }
        if options.anonymous { arguments.append("--anonymous") }
        let child: Subprocess
        do {
            child = try Subprocess.start(executable, arguments, inheritOutput: true)
        } catch {
            throw RundbordError(PDFText.helperMissing, [executable], exit: .unavailable)
        }
        let status = child.wait()
        child.cleanUp()
        guard status == 0 else {
            throw RundbordError(PDFText.helperFailed, [status], exit: ExitCode(rawValue: status) ?? .software)
        }
    }

    /// The PDF's bytes, made through a temporary file (owner-only) that is removed again.
    static func data(file: String, options: HarvestOptions) throws(RundbordError) -> Data {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundbord-\(UUID().uuidString).pdf").path
        defer { unlink(temporary) }
        try run(file: file, out: temporary, options: options)
        do { return try Data(contentsOf: URL(fileURLWithPath: temporary)) } catch {
            throw RundbordError(HarvestText.writeFailed, [temporary, error.localizedDescription], exit: .ioError)
        }
    }
}
