import Foundation
import RundbordCore
import RundbordHarvest

/// A file the harvest screen can write: an export format, or the notes CSV
/// as Danish Excel opens it (`rundbord export --format csv --excel`:
/// semicolons, a UTF-8 byte order mark).
public enum HarvestOutput: String, Sendable, CaseIterable, Codable {
    case md, pdf, txt, eml, csv
    case excelCSV = "excel-csv"
    case initiativesCSV = "initiatives-csv"
    case json

    /// The export format it renders.
    public var format: ExportFormat {
        switch self {
        case .md: .md
        case .pdf: .pdf
        case .txt: .txt
        case .eml: .eml
        case .csv, .excelCSV: .csv
        case .initiativesCSV: .initiativesCSV
        case .json: .json
        }
    }

    /// Semicolons and a byte order mark for Danish Excel.
    public var excel: Bool { self == .excelCSV }

    /// Where it is written: next to the event file, as `rundbord export`
    /// writes the format; the Excel CSV as NAME.excel.csv beside NAME.csv.
    public func path(eventFile: String, language: Language) -> String {
        excel ? ExportFormat.defaultOutput(eventFile: eventFile, fileExtension: "excel.csv", language: language)
            : format.defaultOutput(eventFile: eventFile, language: language)
    }
}

/// The harvest: a preview, the formats to write, and what the last export wrote.
public struct HarvestState: Sendable, Equatable {
    /// The files the screen offers, in the order shown.
    public static let formats: [HarvestOutput] = [.md, .pdf, .txt, .eml, .csv, .excelCSV, .initiativesCSV, .json]
    /// The harvest to edit further and the PDF to send and print, until the organiser chooses otherwise.
    public static let firstChoice: Set<HarvestOutput> = [.md, .pdf]

    /// Chosen to begin with: what the organiser chose last time for this event (`AppState.harvestChoice`).
    public var chosen: Set<HarvestOutput> = HarvestState.firstChoice
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
    /// What `/` searches the preview for (kept after Enter, for `n`).
    public var search = ""
    /// The search is being typed: keys go to `search` (`ScreenID.harvestSearch`).
    public var searching = false
    /// The preview line of the match shown (highlighted as the current one).
    public var match: Int?
    /// The preview is being built (off the input loop): keys work meanwhile.
    public var building = false
    /// The preview laid out for the screen, when it was laid out with it
    /// (off the loop): a frame or a search then does not wrap it again.
    public var lines: PreviewLines?
    /// The event's next steps are empty: the screen says so, and Enter asks once more before exporting.
    public var nextStepsMissing = false
    /// Enter was pressed once with the next steps empty: the next Enter exports anyway.
    public var exportWithoutNextSteps = false
    /// Who the mail is addressed to (To:): the organiser and the event's extra recipients.
    public var mailTo: [String] = []
    public init(chosen: Set<HarvestOutput> = HarvestState.firstChoice) { self.chosen = chosen }

    /// What the screen says of the event's details, as they were read (on
    /// opening, and again after the curation screen saved them).
    public mutating func eventRead(_ event: Event) {
        nextStepsMissing = event.nextSteps.isEmpty
        mailTo = ([event.organiserEmail] + event.extraRecipients).filter { !$0.isEmpty }
    }

    public static var rowCount: Int { formats.count + 1 }
    public var anonymousRow: Int { Self.formats.count }
}

/// The harvest's keys, the preview arriving, and what the export wrote.
extension AppUpdate {
    static func openHarvest(_ state: inout AppState) -> [Step] {
        var harvest = HarvestState(chosen: state.harvestChoice ?? HarvestState.firstChoice)
        harvest.building = true
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
        // The end is clamped to what the frame can show (`drawn`).
        case .home: harvest.scroll = 0
        case .end: harvest.scroll = state.viewport.screen == .harvest ? state.viewport.maxScroll ?? 0 : Int.max / 2
        case .searchPreview:
            harvest.searching = true
            harvest.search = ""
            harvest.match = nil
        case .findNext:
            state.harvest = harvest
            findNext(&state, after: true)
            return []
        case .toggleOption:
            if harvest.row == harvest.anonymousRow {
                harvest.anonymous.toggle()
                harvest.written = []
                harvest.building = true
                effects = [.command(.previewHarvest(anonymous: harvest.anonymous, keepScroll: false))]
            } else {
                let format = HarvestState.formats[harvest.row]
                if harvest.chosen.contains(format) { harvest.chosen.remove(format) } else { harvest.chosen.insert(format) }
                // Remembered for this event, so the next evening starts from the same choice.
                state.harvestChoice = harvest.chosen
                effects = [.command(.rememberHarvestChoice(harvest.chosen))]
            }
        case .refreshPreview:
            harvest.building = true
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

    /// Typing the search (`/`): letters go into it, Enter jumps to the first
    /// match from the line shown at the top, Esc stops searching.
    static func harvestSearch(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var harvest = state.harvest else { return [] }
        switch command {
        case .backspace:
            if !harvest.search.isEmpty { harvest.search.removeLast() }
        case .findNext:
            harvest.searching = false
            state.harvest = harvest
            findNext(&state, after: false)
            return []
        case .back:
            harvest.searching = false
            harvest.search = ""
            harvest.match = nil
        default:
            break
        }
        state.harvest = harvest
        return []
    }

    static func typedInSearch(_ state: inout AppState, _ text: String) {
        state.harvest?.search += Sanitize.line(text)
    }

    /// Moves the preview to the next line holding the search (ignoring case),
    /// after the current match (`after`) or from the top line shown, and
    /// round to the beginning; says so when nothing matches.
    static func findNext(_ state: inout AppState, after: Bool) {
        guard let harvest = state.harvest else { return }
        let needle = harvest.search.lowercased()
        guard !needle.isEmpty else { return }
        let lines = HarvestScreen.previewLines(state)
        let start = after ? (harvest.match.map { $0 + 1 } ?? harvest.scroll) : harvest.scroll
        let order = Array(start..<lines.count) + Array(0..<min(start, lines.count))
        guard let found = order.first(where: { lines[$0].lowercased().contains(needle) }) else {
            state.harvest?.match = nil
            state.message = .init(text: TUIText.messageNoMatch.text(state.lang, harvest.search), isError: true)
            return
        }
        state.harvest?.match = found
        // The match a few lines below the top, so what leads to it shows too.
        state.harvest?.scroll = max(0, found - 2)
    }

    /// The preview was (re)built; a rebuild because another terminal wrote keeps the reader's place.
    static func harvestPreviewed(_ state: inout AppState, _ markdown: String, mailProblems: [MailProblem] = [], keepScroll: Bool = false,
                                 lines: PreviewLines? = nil) {
        // Built after the screen was left (Esc does not wait): nothing to show it on.
        // (Writing through `state.harvest?` would write the absent screen back.)
        guard state.harvest != nil else { return }
        state.harvest?.preview = markdown
        state.harvest?.lines = lines
        state.harvest?.mailProblems = mailProblems
        state.harvest?.stale = false
        state.harvest?.building = false
        if !keepScroll { state.harvest?.scroll = 0; state.harvest?.match = nil }
    }

    static func harvestExported(_ state: inout AppState, _ paths: [String]) {
        state.harvest?.written = paths
        let folder = paths.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? ""
        state.message = .init(text: TUIText.messageExported.text(state.lang, paths.count, folder), isError: false)
    }
}

/// The preview's lines as the screen shows them at one width (`HarvestScreen.lay`).
public struct PreviewLines: Sendable, Equatable {
    public let width: Int
    public let lines: [String]

    public init(width: Int, lines: [String]) { self.width = width; self.lines = lines }
}
