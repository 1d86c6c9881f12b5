import Foundation
import RundbordCore

/// The funding table of the print text and the text brief: every initiative
/// once, by funding class, then rank, in fixed-width columns (Nr., the
/// initiative, dots, tables, owner). What does not fit a column of its own
/// (horizon, cost, decision, who proposed it) is a line under the initiative.
///
/// Every space inside a table line is a no-break space, so the word wrapper
/// (which would close up the padding) keeps the line as it is; the print
/// text turns them back into spaces after wrapping.
public enum FundingTable {
    public struct Labels: Sendable {
        var number, initiative, dots, tables, owner: String
        var horizon, cost, proposedBy, none: String

        static func of(_ lang: Language) -> Labels {
            switch lang {
            case .da: Labels(number: "Nr.", initiative: "Indsats", dots: "Prikker", tables: "Borde", owner: "Ansvarlig",
                             horizon: "Horisont", cost: "Pris", proposedBy: "Foreslået af", none: "ingen")
            case .en: Labels(number: "No.", initiative: "Initiative", dots: "Dots", tables: "Tables", owner: "Owner",
                             horizon: "Horizon", cost: "Cost", proposedBy: "Proposed by", none: "none")
            }
        }
    }

    /// The row's next lines stay on its page (see `TextLayout.glue`).
    static func glued(_ line: String, _ glue: Bool) -> String {
        glue ? String(TextLayout.glue) + line.dropFirst() : line
    }

    /// Parts joined as sentences: "Horisont: 2025. Pris: ca. 250.000 kr. Politisk beslutning."
    static func sentences(_ parts: [String]) -> String {
        parts.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
    }

    /// The table's lines (no trailing newline), at most `width` columns wide.
    public static func text(_ doc: HarvestDocument, width: Int) -> [String] {
        var out: [String] = []
        forEachLine(doc, width: width) { out.append($0) }
        return out
    }

    /// The lines of `text`, each given to `body` as it is made (a large
    /// harvest's table is never held whole: `TemplateLines`).
    static func forEachLine<E: Error>(_ doc: HarvestDocument, width: Int, _ body: (String) throws(E) -> Void) throws(E) {
        let lang = doc.language
        let l = Labels.of(lang)
        let rows = doc.funding.lazy.flatMap(\.initiatives)
        let numberWidth = max(DisplayWidth.of(l.number), String(rows.map(\.rank).max() ?? 0).count)
        let dotsWidth = max(DisplayWidth.of(l.dots), String(rows.map(\.dots).max() ?? 0).count)
        func supportText(_ i: HarvestDocument.RankedInitiative) -> String {
            HarvestTypography.support(i.tables.count, of: doc.totalTables, lang)
        }
        let tablesWidth = max(DisplayWidth.of(l.tables), rows.map { DisplayWidth.of(supportText($0)) }.max() ?? 0)
        // The owner gets a column when the line is wide enough to leave the initiative 30 columns.
        let fixed = numberWidth + 1 + 1 + dotsWidth + 1 + tablesWidth
        let ownerWidth = width - fixed - 1 >= 30 + 13 ? min(22, max(12, (width - fixed - 1) / 3)) : 0
        let textWidth = width - fixed - (ownerWidth > 0 ? ownerWidth + 1 : 0)

        func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, w - DisplayWidth.of(s)))
            return right ? fill + s : s + fill
        }
        func wrap(_ s: String, _ w: Int) -> [String] {
            TextWrap.line(Sanitize.line(s.replacingOccurrences(of: String(HarvestTypography.noBreakSpace), with: " ")), width: w)
        }
        func line(_ cells: [String]) -> String {
            let joined = cells.joined(separator: " ")
            return TextWrap.trimTrailing(joined).replacingOccurrences(of: " ", with: String(HarvestTypography.noBreakSpace))
        }

        // Blank lines wait for the next line: none ends the table.
        var blanks = 0
        func put(_ line: String) throws(E) {
            if line.isEmpty { blanks += 1; return }
            for _ in 0..<blanks { try body("") }
            blanks = 0
            try body(line)
        }
        var header = [pad(l.number, numberWidth, right: true), pad(l.initiative, textWidth),
                      pad(l.dots, dotsWidth, right: true), pad(l.tables, tablesWidth)]
        if ownerWidth > 0 { header.append(pad(l.owner, ownerWidth)) }
        try put(line(header))
        var rule = [String(repeating: "-", count: numberWidth), String(repeating: "-", count: textWidth),
                    String(repeating: "-", count: dotsWidth), String(repeating: "-", count: tablesWidth)]
        if ownerWidth > 0 { rule.append(String(repeating: "-", count: ownerWidth)) }
        try put(line(rule))

        for section in doc.funding {
            try put(line([String(repeating: " ", count: numberWidth),
                             "\(section.label.uppercased()) (\(section.initiatives.count)):"]))
            if section.initiatives.isEmpty {
                try put(line([String(repeating: " ", count: numberWidth), "(\(l.none))"]))
            }
            for initiative in section.initiatives {
                let support = supportText(initiative)
                let textLines = wrap(initiative.text, textWidth)
                var details: [String] = []
                if ownerWidth == 0 && !initiative.owners.isEmpty {
                    details.append(l.owner + ": " + initiative.owners.joined(separator: "; "))
                }
                if !initiative.horizons.isEmpty { details.append(l.horizon + ": " + initiative.horizons.joined(separator: "; ")) }
                if let cost = initiative.costText { details.append(l.cost + ": " + cost) }
                if initiative.decision != .undecided {
                    details.append(initiative.decisionLabel.prefix(1).uppercased() + initiative.decisionLabel.dropFirst())
                }
                if !initiative.proposedBy.isEmpty {
                    details.append(l.proposedBy + ": " + initiative.proposedBy.joined(separator: "; "))
                }
                let ownerLines = ownerWidth > 0 ? wrap(initiative.owners.joined(separator: "; "), ownerWidth) : []
                for i in 0..<max(textLines.count, ownerLines.count) {
                    var cells = [pad(i == 0 ? String(initiative.rank) : "", numberWidth, right: true),
                                 pad(i < textLines.count ? textLines[i] : "", textWidth),
                                 pad(i == 0 ? String(initiative.dots) : "", dotsWidth, right: true),
                                 pad(i == 0 ? support : "", tablesWidth)]
                    if ownerWidth > 0 { cells.append(pad(i < ownerLines.count ? ownerLines[i] : "", ownerWidth)) }
                    try put(glued(line(cells), i > 0))
                }
                // Horizon, cost, decision and proposer under the row, across the columns.
                for detail in details.isEmpty ? [] : wrap(sentences(details), width - numberWidth - 1) {
                    try put(glued(line([String(repeating: " ", count: numberWidth), detail]), true))
                }
            }
            try put("")
        }
    }
}
