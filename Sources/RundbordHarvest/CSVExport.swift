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
        case .number(let n): return String(n)
        case .text(let t): raw = Self.neutralise(Sanitize.multiline(t))
        }
        // By byte, not by Character: a quote followed by a combining mark is
        // one Character that is not a quote, yet its quote byte would end the field.
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        guard raw.utf8.contains(where: { $0 == delimiterByte || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
            return raw
        }
        // Quoted: quotes doubled, line breaks as CRLF (RFC 4180).
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(raw.utf8.count + 8)
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
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
