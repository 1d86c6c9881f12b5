import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

/// `rundbord merge INTO FROM…`: brings tables' laptop files into the organiser's file.
struct MergeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "merge", abstract: MultiText.mergeAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var into: String
    @Argument(help: ArgumentHelp(MultiText.mergeFromHelp.text())) var from: [String]
    @Flag(name: .long, help: ArgumentHelp(MultiText.forceHelp.text())) var force = false

    func validate() throws {
        guard !from.isEmpty else { throw ValidationError(MultiText.mergeNoSources.text()) }
    }

    func run() throws {
        let store = try EventStore.open(path: into)
        defer { store.close() }
        let report = try store.merge(from: from, force: force)
        print(Self.describe(report, into: into, language: .current))
        for bad in report.invalidAddresses {
            FileHandle.standardError.write(Data(("rundbord: " + ReliabilityText.mergeBadAddress.text(
                .current, Sanitize.line(bad.source), bad.name, bad.email) + "\n").utf8))
        }
    }

    static func describe(_ report: MergeReport, into: String, language lang: Language) -> String {
        var lines = [MultiText.mergeReportHeader.text(lang, report.sources.map(Sanitize.line).joined(separator: ", "),
                                                      Sanitize.line(into))]
        for source in report.forced { lines.append(MultiText.mergeReportForced.text(lang, Sanitize.line(source))) }
        if !report.changed { lines.append(MultiText.mergeNothingNew.text(lang)) }
        for kind in MergeReport.Kind.allCases {
            let c = report[kind]
            guard c.added + c.updated + c.skipped > 0 else { continue }
            lines.append(MultiText.mergeReportLine.text(lang, label(kind, lang), c.added, c.updated, c.skipped))
        }
        return lines.joined(separator: "\n")
    }

    static func label(_ kind: MergeReport.Kind, _ lang: Language) -> String {
        switch kind {
        case .tables: MultiText.mergeKindTables.text(lang)
        case .progress: MultiText.mergeKindProgress.text(lang)
        case .participants: MultiText.mergeKindParticipants.text(lang)
        case .notes: MultiText.mergeKindNotes.text(lang)
        case .revisions: MultiText.mergeKindRevisions.text(lang)
        case .agreements: MultiText.mergeKindAgreements.text(lang)
        case .drafts: MultiText.mergeKindDrafts.text(lang)
        case .curation: MultiText.mergeKindCuration.text(lang)
        case .privacy: PrivacyText.mergeKindPrivacy.text(lang)
        }
    }
}
