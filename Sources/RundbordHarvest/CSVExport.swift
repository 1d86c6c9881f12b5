import Foundation
import RundbordCore

/// RFC 4180 CSV: every field quoted when it holds the delimiter, a quote or
/// a line break; quotes doubled; CRLF between records. For Danish Excel
/// (`excel`), a UTF-8 byte order mark and ";" as the delimiter.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var byteOrderMark: Bool

    public init(excel: Bool) {
        delimiter = excel ? ";" : ","
        byteOrderMark = excel
    }

    /// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR
    /// before one) as a formula; such a text gets a leading apostrophe so it
    /// stays text. Only text cells are neutralised, never numbers.
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    public enum Cell: Sendable {
        case text(String)
        case number(Int)
    }

    func field(_ cell: Cell) -> String {
        let raw: String
        switch cell {
        case .number(let n): raw = String(n)
        case .text(let t): raw = Self.neutralise(Sanitize.multiline(t).replacingOccurrences(of: "\n", with: "\r\n"))
        }
        let needsQuotes = raw.contains(delimiter) || raw.contains("\"") || raw.contains("\n") || raw.contains("\r")
        return needsQuotes ? "\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : raw
    }

    public func render(header: [String], rows: [[Cell]]) -> Data {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header.map(Cell.text)] + rows {
            text += row.map(field).joined(separator: String(delimiter)) + "\r\n"
        }
        return Data(text.utf8)
    }
}

extension HarvestDocument {
    /// One row per note (initiatives included, with funding, owner, horizon and dots).
    public func notesCSV(excel: Bool) -> Data {
        let titles = Dictionary(uniqueKeysWithValues: principles.map { ($0.id, $0.title) })
        let header = HarvestText.csvNotesHeader.text(language).components(separatedBy: "|")
        let iso = ISO8601DateFormatter()
        let rows: [[CSVWriter.Cell]] = notes.map { n in
            [.text(n.id.uuidString), .number(n.table), .number(n.principleNumber), .text(titles[n.principleId] ?? n.principleId),
             .text(n.kindLabel), .text(n.text), .text(n.speaker ?? ""), .text(iso.string(from: n.createdAt)),
             .text(iso.string(from: n.editedAt)), .text(n.funding.map(fundingLabel) ?? ""), .text(n.owner ?? ""),
             .text(n.horizon ?? ""), n.kind == .initiative ? .number(n.dots) : .text("")]
        }
        return CSVWriter(excel: excel).render(header: header, rows: rows)
    }

    /// One row per initiative, merged across tables and ranked by dots.
    public func initiativesCSV(excel: Bool) -> Data {
        let header = HarvestText.csvInitiativesHeader.text(language).components(separatedBy: "|")
        let rows: [[CSVWriter.Cell]] = initiatives.map { i in
            [.number(i.rank), .text(i.text), .number(i.dots), .text(i.tables.map(String.init).joined(separator: ", ")),
             .text(i.principleNumbers.map(String.init).joined(separator: ", ")), .text(i.fundingLabel),
             .text(i.owners.joined(separator: "; ")), .text(i.horizons.joined(separator: "; "))]
        }
        return CSVWriter(excel: excel).render(header: header, rows: rows)
    }

    /// The document as JSON (schema "rundbord-export/1", docs/EXPORT-JSON.md):
    /// sorted keys, ISO 8601 dates, so equal events give equal files.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Every field is a plain value; encoding cannot fail.
        return (try? encoder.encode(self)).map { $0 + Data("\n".utf8) } ?? Data()
    }
}
