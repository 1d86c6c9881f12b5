import Foundation
import RundbordCore
import RundbordHarvest

/// The curation screen: a tab row, the tab's list, the selected item's
/// detail where there is one, the status line and the key bar; the form
/// is drawn over it.
enum CurationScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) -> Viewport {
        let lang = state.lang
        guard let screen = state.curation else { return Viewport(screen: .curation) }
        TitleBar.render(CurationScreenText.title.text(lang), right: Sanitize.line(state.eventTitle), into: &buffer)
        let content = Rect(x: 0, y: 2, width: buffer.width, height: max(1, buffer.height - 4))
        var page = 1
        if let curator = screen.curator {
            tabs(screen, curator, lang, into: &buffer)
            switch screen.tab {
            case .initiatives: page = initiatives(screen, curator, lang, content, into: &buffer)
            case .suggestions: page = suggestions(screen, curator, lang, content, into: &buffer)
            case .owners: page = owners(screen, curator, lang, content, into: &buffer)
            case .keyMessages: page = keyMessages(screen, curator, lang, content, into: &buffer)
            case .event: eventDetails(screen, lang, content, into: &buffer)
            }
        } else {
            buffer.put(CurationScreenText.loading.text(lang), x: 2, y: 3, style: Theme.dim)
        }
        let statusY = buffer.height - 2
        if state.message != nil && screen.form == nil {
            Chrome.status(state, y: statusY, into: &buffer)
        } else if screen.tab == .initiatives && !screen.marked.isEmpty {
            buffer.put(CurationScreenText.marked.text(lang, screen.marked.count), x: 1, y: statusY, style: Theme.warning)
        }
        if screen.form != nil {
            CurationFormView.render(state, into: &buffer)
            Chrome.keyBar(.curationForm, lang, into: &buffer)
        } else {
            Chrome.keyBar(.curation, lang, into: &buffer)
        }
        return Viewport(screen: .curation, page: max(1, page))
    }

    static func tabs(_ screen: CurationScreenState, _ curator: Curator, _ lang: Language, into buffer: inout Buffer) {
        let names: [(CurationScreenState.Tab, String)] = [
            (.initiatives, CurationScreenText.tabInitiatives.text(lang, curator.initiatives.count)),
            (.suggestions, CurationScreenText.tabSuggestions.text(lang, screen.suggestions.count)),
            (.owners, CurationScreenText.tabOwners.text(lang, curator.ownerCounts.count)),
            (.keyMessages, CurationScreenText.tabKeyMessages.text(lang)),
            (.event, CurationScreenText.tabEvent.text(lang)),
        ]
        var x = 1
        for (tab, name) in names where x < buffer.width {
            let on = tab == screen.tab
            x += buffer.put(" " + name + " ", x: x, y: 1, style: on ? Style(bold: true, reverse: true) : Theme.dim) + 1
        }
    }

    /// The first row to show so that `row` is in view in `height` rows of `count`.
    static func firstRow(_ row: Int, height: Int, count: Int) -> Int {
        max(0, min(row - height / 2, count - height))
    }

    static func empty(_ text: CurationScreenText, _ lang: Language, _ area: Rect, into buffer: inout Buffer) {
        for (i, line) in TextLayout.lines(text.text(lang), width: area.width - 4).enumerated() {
            buffer.put(line, x: 2, y: area.y + 1 + i, style: Theme.dim)
        }
    }

    /// Each initiative on a line: its place, text, dots and how many tables;
    /// the selected one's details and sources below.
    static func initiatives(_ screen: CurationScreenState, _ curator: Curator, _ lang: Language, _ area: Rect,
                            into buffer: inout Buffer) -> Int {
        let ranked = curator.ranked
        guard !ranked.isEmpty else { empty(.noInitiatives, lang, area, into: &buffer); return 1 }
        let detailHeight = min(8, area.height / 2)
        let height = max(1, area.height - detailHeight)
        let first = firstRow(screen.row, height: height, count: ranked.count)
        for (offset, item) in ranked.dropFirst(first).prefix(height).enumerated() {
            let y = area.y + offset
            let i = item.initiative
            let selected = first + offset == screen.row
            let base: Style = selected ? Theme.selected : .plain
            if selected { buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: base) }
            buffer.put(selected ? "▶" : " ", x: 0, y: y, style: base)
            if screen.marked.contains(i.id) { buffer.put("■", x: 1, y: y, style: Style(bold: true, reverse: selected)) }
            // The number ("Nr."), the same in every export; the place is in the detail below.
            buffer.put(String(item.rank.number), x: 3, y: y, style: base)
            let right = "\(i.dots) ● \(i.tables.count)/\(item.rank.totalTables)" + (i.mergeId != nil ? " ⧉" : "")
            let rightWidth = DisplayWidth.of(right)
            buffer.put(TextLayout.truncate(Sanitize.line(i.text), width: max(1, buffer.width - 8 - rightWidth - 2)),
                       x: 7, y: y, style: base)
            buffer.put(right, x: buffer.width - rightWidth - 1, y: y, style: selected ? base : Theme.dim)
        }
        if let selected = AppUpdate.selectedInitiative(screen) {
            detail(selected, curator, lang, Rect(x: 0, y: area.y + height, width: area.width, height: detailHeight), into: &buffer)
        }
        return height - 1
    }

    static func detail(_ item: RankedCuratedInitiative, _ curator: Curator, _ lang: Language, _ area: Rect,
                       into buffer: inout Buffer) {
        let i = item.initiative
        var heading = CurationText.listHeading.text(lang, item.rank.number)
        if let place = item.rank.placeText(lang) { heading += " · " + CurationText.listPlace.text(lang, place) }
        Chrome.rule(heading, y: area.y, into: &buffer, right: item.rank.supportText(lang))
        let details = Curation.details(i, vision: curator.vision, lang)
        var lines = TextLayout.lines(Sanitize.line(i.text), width: buffer.width - 4).prefix(2).map { ($0, Theme.title) }
        // Each detail kept whole on a line ("ca. 250.000 kr." is not broken after "ca.").
        let glued = details.map { $0.replacingOccurrences(of: " ", with: "\u{00A0}") }
        lines += TextLayout.lines(glued.joined(separator: " · "), width: buffer.width - 4).prefix(2)
            .map { ($0, Style.plain) }
        lines.append((CurationScreenText.sourcesLead.text(lang), Theme.dim))
        for source in i.sources {
            let number = curator.vision.principles.firstIndex { $0.id == source.principleId }.map { String($0 + 1) } ?? "?"
            let line = CurationScreenText.sourceLine.text(lang, source.table, number, source.dots, Sanitize.line(source.text))
            lines.append(("  " + TextLayout.truncate(line, width: buffer.width - 6), Theme.dim))
        }
        for (offset, (line, style)) in lines.prefix(area.height - 1).enumerated() {
            buffer.put(line, x: 2, y: area.y + 1 + offset, style: style)
        }
    }

    /// Each suggested pair on three lines: the score, both texts with their tables, the reason.
    static func suggestions(_ screen: CurationScreenState, _ curator: Curator, _ lang: Language, _ area: Rect,
                            into buffer: inout Buffer) -> Int {
        guard !screen.suggestions.isEmpty else { empty(.noSuggestions, lang, area, into: &buffer); return 1 }
        let initiatives = curator.initiatives
        let perRow = 4
        let height = max(1, (area.height - 1) / perRow)
        let first = firstRow(screen.row, height: height, count: screen.suggestions.count)
        func tables(_ i: CuratedInitiative) -> String {
            " (" + HarvestTypography.tables(i.tables, lang) + ")"
        }
        for (offset, s) in screen.suggestions.dropFirst(first).prefix(height).enumerated() {
            let y = area.y + offset * perRow
            let selected = first + offset == screen.row
            let style: Style = selected ? Theme.selected : .plain
            let score = CurationScreenText.suggestionScore.text(lang, String(format: "%.0f %%", s.score * 100))
            buffer.put((selected ? "▶ " : "  ") + score, x: 0, y: y, style: selected ? Theme.title : Theme.dim)
            for (k, i) in [initiatives[s.a], initiatives[s.b]].enumerated() {
                let line = TextLayout.truncate(Sanitize.line(i.text) + tables(i), width: buffer.width - 6)
                if selected { buffer.fill(Rect(x: 4, y: y + 1 + k, width: buffer.width - 5, height: 1), style: style) }
                buffer.put(line, x: 4, y: y + 1 + k, style: style)
            }
            buffer.put(TextLayout.truncate(s.reason(lang), width: buffer.width - 6), x: 4, y: y + 3, style: Theme.dim)
        }
        buffer.put(TextLayout.truncate(CurationScreenText.suggestionMergeHint.text(lang), width: buffer.width - 2),
                   x: 1, y: area.y + area.height - 1, style: Theme.dim)
        return height - 1
    }

    static func owners(_ screen: CurationScreenState, _ curator: Curator, _ lang: Language, _ area: Rect,
                       into buffer: inout Buffer) -> Int {
        let owners = curator.ownerCounts
        guard !owners.isEmpty else { empty(.noOwners, lang, area, into: &buffer); return 1 }
        let hint = TextLayout.lines(CurationScreenText.ownersHint.text(lang), width: buffer.width - 2)
        let height = max(1, area.height - hint.count - 1)
        let aliases = Dictionary(curator.state.aliasGroups.map { (Curation.ownerKey($0.canonical), $0.aliases) },
                                 uniquingKeysWith: { a, _ in a })
        let first = firstRow(screen.row, height: height, count: owners.count)
        for (offset, (owner, count)) in owners.dropFirst(first).prefix(height).enumerated() {
            let y = area.y + offset
            let selected = first + offset == screen.row
            let base: Style = selected ? Theme.selected : .plain
            if selected { buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: base) }
            buffer.put(selected ? "▶" : " ", x: 0, y: y, style: base)
            if screen.markedOwners.contains(owner) { buffer.put("■", x: 1, y: y, style: Style(bold: true, reverse: selected)) }
            var line = CurationScreenText.ownerLine.text(lang, Sanitize.line(owner), count)
            if let also = aliases[Curation.ownerKey(owner)] {
                line += "   " + CurationScreenText.ownerAliases.text(lang, also.map(Sanitize.line).joined(separator: ", "))
            }
            buffer.put(TextLayout.truncate(line, width: buffer.width - 4), x: 3, y: y, style: base)
        }
        for (i, line) in hint.enumerated() {
            buffer.put(line, x: 1, y: area.y + area.height - hint.count + i, style: Theme.dim)
        }
        return height - 1
    }

    /// The event's key message, then each principle's: the title, and the text's first line.
    static func keyMessages(_ screen: CurationScreenState, _ curator: Curator, _ lang: Language, _ area: Rect,
                            into buffer: inout Buffer) -> Int {
        let scopes: [String?] = [nil] + curator.vision.principles.map(\.id)
        let hint = TextLayout.lines(CurationScreenText.keyMessagesHint.text(lang), width: buffer.width - 2)
        let height = max(1, (area.height - hint.count - 1) / 2)
        let first = firstRow(screen.row, height: height, count: scopes.count)
        for (offset, scope) in scopes.dropFirst(first).prefix(height).enumerated() {
            let y = area.y + offset * 2
            let selected = first + offset == screen.row
            let base: Style = selected ? Theme.selected : Theme.title
            if selected { buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: base) }
            buffer.put((selected ? "▶ " : "  ") + TextLayout.truncate(AppUpdate.keyMessageTitle(scope, curator.vision, lang),
                                                                     width: buffer.width - 4), x: 0, y: y, style: base)
            let text = curator.state.keyMessage(scope).flatMap { $0.isEmpty ? nil : $0 }
            let shown = text.map { TextLayout.visibleLines($0).replacingOccurrences(of: "\n", with: " ") }
                ?? CurationScreenText.keyMessageNone.text(lang)
            buffer.put(TextLayout.truncate(Sanitize.line(shown), width: buffer.width - 6), x: 4, y: y + 1,
                       style: text == nil ? Theme.dim : .plain)
        }
        for (i, line) in hint.enumerated() {
            buffer.put(line, x: 1, y: area.y + area.height - hint.count + i, style: Theme.dim)
        }
        return height - 1
    }

    /// The event's details as the harvest will use them.
    static func eventDetails(_ screen: CurationScreenState, _ lang: Language, _ area: Rect, into buffer: inout Buffer) {
        guard let event = screen.event else { return }
        let none = CurationScreenText.none.text(lang)
        var lines: [(String, Style)] = []
        func section(_ label: CurationScreenText, _ values: [String]) {
            lines.append((label.text(lang), Theme.title))
            lines += (values.isEmpty ? [none] : values).map { ("  " + Sanitize.line($0), values.isEmpty ? Theme.dim : Style.plain) }
        }
        section(.fieldNextSteps, event.nextSteps.isEmpty ? [] : event.nextSteps.components(separatedBy: "\n").prefix(5).map { $0 })
        let sender = [event.organiser, event.organiserEmail.isEmpty ? "" : "<" + event.organiserEmail + ">"]
            .filter { !$0.isEmpty }.joined(separator: " ")
        section(.fieldSender, sender.isEmpty ? [] : [sender])
        section(.fieldRecipients, event.extraRecipients)
        section(.fieldLinks, event.links.map { $0.title.isEmpty ? $0.url : $0.title + " — " + $0.url })
        section(.fieldAttachments, event.attachments.map { a in a.path.map { a.name + " — " + $0 } ?? a.name })
        for (offset, (line, style)) in lines.prefix(area.height - 2).enumerated() {
            buffer.put(TextLayout.truncate(line, width: buffer.width - 3), x: 2, y: area.y + offset, style: style)
        }
        buffer.put(TextLayout.truncate(CurationScreenText.eventHint.text(lang), width: buffer.width - 2),
                   x: 1, y: area.y + area.height - 1, style: Theme.dim)
    }
}

/// The form over the curation screen: a label column and the fields, a
/// text field of several lines on several rows, a choice as ‹ value ›.
enum CurationFormView {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        guard let form = state.curation?.form else { return }
        let lang = state.lang
        let rows = form.fields.reduce(0) { $0 + $1.rows + 1 }
        let inner = Chrome.box(form.title, width: 78, height: rows + 3, into: &buffer)
        let labelWidth = 20
        var y = inner.y
        for (index, field) in form.fields.enumerated() {
            guard y < inner.y + inner.height - 1 else { break }
            let focused = index == form.focus
            buffer.put((focused ? "▸ " : "  ") + field.label.text(lang), x: inner.x, y: y, style: focused ? Theme.title : .plain)
            let x = inner.x + labelWidth
            let width = max(1, inner.width - labelWidth)
            if field.isChoice {
                buffer.put("‹ " + field.choices[field.choice] + " ›", x: x, y: y, style: Style(bold: true, reverse: focused))
            } else {
                let height = min(field.rows, inner.y + inner.height - 1 - y)
                buffer.fill(Rect(x: x, y: y, width: width, height: height), style: Style(underline: true))
                let layout = field.editor.layout(width: width)
                // The rows around the cursor; a long text scrolls within the field.
                let top = max(0, min(layout.cursorRow - height + 1, layout.rows.count - height))
                for (i, row) in layout.rows.dropFirst(top).prefix(height).enumerated() {
                    buffer.put(row, x: x, y: y + i, style: Style(underline: true))
                }
                if focused { buffer.cursor = (x + min(layout.cursorColumn, width - 1), y + layout.cursorRow - top) }
            }
            y += field.rows + 1
        }
        if form.focused.isChoice { buffer.cursor = nil }
        let bottom = inner.y + inner.height - 1
        if let message = state.message {
            buffer.put((message.isError ? "✗ " : "✓ ") + TextLayout.truncate(message.text, width: inner.width - 2),
                       x: inner.x, y: bottom, style: message.isError ? Theme.error : Theme.ok)
        } else {
            buffer.put(TextLayout.truncate(form.focused.hint.text(lang), width: inner.width), x: inner.x, y: bottom, style: Theme.dim)
        }
    }
}
