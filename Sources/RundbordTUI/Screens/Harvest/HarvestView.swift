import Foundation
import RundbordCore
import RundbordHarvest

/// The harvest: formats and anonymity to the left, the Markdown preview to the right.
enum HarvestScreen {
    static func panelWidth(_ size: Size) -> Int { min(40, max(30, size.width / 3)) }
    static func previewRows(_ state: AppState) -> Int { max(1, state.size.height - 4) }

    /// The preview's lines at the screen's width: as laid out with the
    /// preview when the width is the same (a large event's preview has
    /// hundreds of thousands of lines: wrapping them each frame made every
    /// key wait), else laid out now.
    static func previewLines(_ state: AppState) -> [String] {
        guard let markdown = state.harvest?.preview else { return [] }
        let width = previewWidth(state.size)
        if let laid = state.harvest?.lines, laid.width == width { return laid.lines }
        return lay(markdown, width: width)
    }

    static func previewWidth(_ size: Size) -> Int { max(10, size.width - panelWidth(size) - 2) }

    static func lay(_ markdown: String, width: Int) -> [String] {
        TextLayout.lines(TextLayout.visibleLines(MarkdownEscape.forReading(markdown)), width: width)
    }

    static func label(_ output: HarvestOutput) -> TUIText {
        switch output {
        case .md: .formatMd
        case .txt: .formatTxt
        case .pdf: .formatPdf
        case .eml: .formatEml
        case .csv: .formatCsv
        case .excelCSV: .formatExcelCsv
        case .initiativesCSV: .formatInitiativesCsv
        case .json: .formatJson
        }
    }

    /// Where the search (ignoring case) occurs in `line`.
    static func matches(_ line: String, _ search: String) -> [Range<String.Index>] {
        guard !search.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var from = line.startIndex
        while from < line.endIndex, let r = line.range(of: search, options: .caseInsensitive, range: from..<line.endIndex) {
            found.append(r)
            from = r.upperBound
        }
        return found
    }

    static func render(_ state: AppState, into buffer: inout Buffer) -> Viewport {
        let lang = state.lang
        guard let harvest = state.harvest else { return Viewport(screen: .harvest) }
        TitleBar.render(TUIText.harvestTitle.text(lang, state.eventTitle), into: &buffer)
        let panel = panelWidth(buffer.size)
        var y = 1
        buffer.put(TUIText.harvestFormats.text(lang), x: 1, y: y, style: Theme.title)
        y += 1
        func option(_ row: Int, _ on: Bool, _ name: String, _ detail: String) {
            let selected = harvest.row == row
            let style: Style = selected ? Theme.selected : .plain
            if selected { buffer.fill(Rect(x: 0, y: y, width: panel - 1, height: 1), style: style) }
            var cx = 1
            cx += buffer.put((on ? "[x] " : "[ ] ") + name, x: cx, y: y, style: Style(bold: on, reverse: selected))
            if !detail.isEmpty {
                buffer.put(" " + TextLayout.truncate(detail, width: max(0, panel - cx - 3)), x: cx, y: y,
                           style: Style(reverse: selected, dim: !selected))
            }
            y += 1
        }
        for (i, format) in HarvestState.formats.enumerated() {
            option(i, harvest.chosen.contains(format), format.rawValue, label(format).text(lang))
        }
        y += 1
        option(harvest.anonymousRow, harvest.anonymous, TUIText.harvestAnonymous.text(lang), "")
        y += 1
        // The event file's name; the folder is said once something is written.
        let file = URL(fileURLWithPath: state.eventPath).lastPathComponent
        for line in TextLayout.lines(TUIText.harvestWhere.text(lang, file), width: panel - 3) where y < buffer.height - 3 {
            buffer.put(line, x: 1, y: y, style: Theme.dim); y += 1
        }
        // The next steps are what a reader acts on: said before anything is written without them.
        if harvest.nextStepsMissing {
            y += 1
            for line in TextLayout.lines("⚠ " + CurationScreenText.harvestNoNextSteps.text(lang), width: panel - 3)
            where y < buffer.height - 3 {
                buffer.put(line, x: 1, y: y, style: Theme.warning); y += 1
            }
        }
        // With the mail chosen: what it will not carry, before it is written.
        if harvest.chosen.contains(.eml) && !harvest.mailProblems.isEmpty {
            for problem in harvest.mailProblems {
                let warning = switch problem {
                case .attachmentWithoutFile(let name): TUIText.harvestAttachmentWithoutFile.text(lang, name)
                case .unmailable(let address): TUIText.harvestUnmailable.text(lang, address)
                }
                y += 1
                for line in TextLayout.lines("⚠ " + warning, width: panel - 3) where y < buffer.height - 3 {
                    buffer.put(line, x: 1, y: y, style: Theme.warning); y += 1
                }
            }
        }
        // With the mail chosen: who it is addressed to (the participants get it as Bcc);
        // after the warnings, which matter more when the panel is short.
        if harvest.chosen.contains(.eml) && !harvest.mailTo.isEmpty {
            y += 1
            let to = TUIText.harvestMailTo.text(lang, harvest.mailTo.map(Sanitize.line).joined(separator: ", "))
            for line in TextLayout.lines(to, width: panel - 3) where y < buffer.height - 3 {
                buffer.put(line, x: 1, y: y, style: Theme.dim); y += 1
            }
        }
        // An export error in full (the status line may cut it): what to do about it is in its text.
        if let message = state.message, message.isError {
            y += 1
            for line in TextLayout.lines("✗ " + message.text, width: panel - 3) where y < buffer.height - 2 {
                buffer.put(line, x: 1, y: y, style: Theme.error); y += 1
            }
        }
        if !harvest.written.isEmpty && y < buffer.height - 3 {
            y += 1
            buffer.put(TUIText.harvestWritten.text(lang), x: 1, y: y, style: Theme.ok)
            y += 1
            for path in harvest.written where y < buffer.height - 2 {
                buffer.put("✓ " + TextLayout.truncate(URL(fileURLWithPath: path).lastPathComponent, width: panel - 5),
                           x: 1, y: y)
                y += 1
            }
        }

        // The preview, scrolled.
        for row in 1..<(buffer.height - 2) { buffer.put("│", x: panel - 1, y: row, style: Theme.dim) }
        let lines = previewLines(state)
        let rows = previewRows(state)
        let scroll = min(harvest.scroll, max(0, lines.count - rows))
        let heading = TUIText.harvestPreview.text(lang) + (harvest.stale ? " *" : "")
        let end = buffer.put(heading, x: panel + 1, y: 1, style: Theme.title)
        // Rebuilding (u, anonymity): the old preview stays readable meanwhile.
        if harvest.building && harvest.preview != nil {
            buffer.put(" " + TUIText.harvestRebuilding.text(lang), x: panel + 1 + end, y: 1, style: Theme.dim)
        }
        if lines.count > rows {
            let position = "\(scroll + 1)–\(min(scroll + rows, lines.count))/\(lines.count)"
            buffer.put(position, x: buffer.width - DisplayWidth.of(position) - 1, y: 1, style: Theme.dim)
        }
        if harvest.preview == nil {
            for (i, line) in TextLayout.lines(TUIText.harvestBuilding.text(lang), width: buffer.width - panel - 2).enumerated() {
                buffer.put(line, x: panel + 1, y: 2 + i, style: Theme.dim)
            }
        }
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            let heading = line.hasPrefix("#")
            let x = panel + 1
            buffer.put(line, x: x, y: 2 + i, style: heading ? Theme.title : .plain)
            // What the search found, highlighted; the current match's line in reverse.
            let current = harvest.match == scroll + i
            for r in matches(line, harvest.searching ? "" : harvest.search) {
                let before = DisplayWidth.of(String(line[..<r.lowerBound]))
                buffer.put(String(line[r]), x: x + before, y: 2 + i, style: current ? Theme.selected : Style(bold: true, underline: true))
            }
        }

        let statusY = buffer.height - 2
        if harvest.searching {
            // The search being typed, with the cursor after it.
            buffer.fill(Rect(x: 0, y: statusY, width: buffer.width, height: 1))
            let prompt = TUIText.harvestSearchPrompt.text(lang)
            let shown = TextLayout.truncate(harvest.search, width: max(1, buffer.width - DisplayWidth.of(prompt) - 4))
            let end = buffer.put(prompt + " " + shown, x: 1, y: statusY, style: Theme.title)
            buffer.put("▏", x: 1 + end, y: statusY)
        } else if state.message != nil {
            Chrome.status(state, y: statusY, into: &buffer)
        } else if harvest.stale {
            buffer.put("* " + TUIText.harvestStale.text(lang), x: 1, y: statusY, style: Theme.warning)
        } else {
            buffer.put(TUIText.harvestHint.text(lang), x: 1, y: statusY, style: Theme.dim)
        }
        Chrome.keyBar(harvest.searching ? .harvestSearch : .harvest, lang, into: &buffer)
        return Viewport(screen: .harvest, page: max(1, rows - 1), maxScroll: max(0, lines.count - rows))
    }
}
