import Foundation
import RundbordCore
import RundbordHarvest

/// The harvest: a preview, the formats to write, and what the last export wrote.
public struct HarvestState: Sendable, Equatable {
    /// The formats the screen offers, in the order shown.
    public static let formats: [ExportFormat] = [.md, .pdf, .txt, .eml, .csv, .initiativesCSV, .json]

    /// The harvest to edit further and the PDF to send and print, until the organiser chooses otherwise.
    public var chosen: Set<ExportFormat> = [.md, .pdf]
    public var anonymous = false
    /// The option under the cursor: a format, then the anonymous toggle.
    public var row = 0
    public var scroll = 0
    /// The Markdown harvest, as `Exporter.markdown` renders it.
    public var preview: String?
    /// Another terminal wrote since the preview was built (`u` rebuilds it;
    /// an export always reads the file afresh). Not rebuilt on its own: on a
    /// large event that takes seconds, and the tables write all the time.
    public var stale = false
    /// What the mail would not carry, said before it is written.
    public var mailProblems: [MailProblem] = []
    /// The files the last export wrote.
    public var written: [String] = []
    /// The event's next steps are empty: the screen says so, and Enter asks once more before exporting.
    public var nextStepsMissing = false
    /// Enter was pressed once with the next steps empty: the next Enter exports anyway.
    public var exportWithoutNextSteps = false
    public init() {}

    public static var rowCount: Int { formats.count + 1 }
    public var anonymousRow: Int { Self.formats.count }
}

/// The harvest's keys, the preview arriving, and what the export wrote.
extension AppUpdate {
    static func openHarvest(_ state: inout AppState) -> [Step] {
        let harvest = HarvestState()
        state.push(.harvest(harvest))
        return [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: false)), .command(.loadEvent)]
    }

    static func harvest(_ state: inout AppState, _ command: Command) -> [Step] {
        if let effects = common(&state, command) { return effects }
        guard var harvest = state.harvest else { return [] }
        let page = state.page
        var effects: [Step] = []
        switch command {
        case .selectUp: harvest.row = max(0, harvest.row - 1)
        case .selectDown: harvest.row = min(HarvestState.rowCount - 1, harvest.row + 1)
        case .pageUp: harvest.scroll = max(0, harvest.scroll - page)
        case .pageDown: harvest.scroll += page
        case .toggleOption:
            if harvest.row == harvest.anonymousRow {
                harvest.anonymous.toggle()
                harvest.written = []
                effects = [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: false))]
            } else {
                let format = HarvestState.formats[harvest.row]
                if harvest.chosen.contains(format) { harvest.chosen.remove(format) } else { harvest.chosen.insert(format) }
            }
        case .refreshPreview:
            effects = [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: true))]
        case .export:
            let formats = HarvestState.formats.filter { harvest.chosen.contains($0) }
            guard !formats.isEmpty else {
                state.message = .init(text: TUIText.messageNothingChosen.text(state.lang), isError: true)
                return []
            }
            if harvest.nextStepsMissing && !harvest.exportWithoutNextSteps {
                harvest.exportWithoutNextSteps = true
                state.harvest = harvest
                state.message = .init(text: CurationScreenText.harvestExportWithoutNextSteps.text(state.lang), isError: true)
                return []
            }
            harvest.exportWithoutNextSteps = false
            effects = [.command(.exportHarvest(formats, anonymous: harvest.anonymous))]
        case .curationScreen:
            state.harvest = harvest
            return openCuration(&state)
        case .back:
            return close(&state)
        default:
            break
        }
        state.harvest = harvest
        return effects
    }

    /// The preview was (re)built; a rebuild because another terminal wrote keeps the reader's place.
    static func harvestPreviewed(_ state: inout AppState, _ markdown: String, mailProblems: [MailProblem] = [], keepScroll: Bool = false) {
        state.harvest?.preview = markdown
        state.harvest?.mailProblems = mailProblems
        state.harvest?.stale = false
        if !keepScroll { state.harvest?.scroll = 0 }
    }

    static func harvestExported(_ state: inout AppState, _ paths: [String]) {
        state.harvest?.written = paths
        let folder = paths.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? ""
        state.message = .init(text: TUIText.messageExported.text(state.lang, paths.count, folder), isError: false)
    }
}
