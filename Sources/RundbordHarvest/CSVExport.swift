import Foundation
import RundbordCore

/// RFC 4180 CSV: every field quoted when it holds the delimiter, a quote or
/// a line break; quotes doubled; CRLF between records. For Danish Excel
/// (`excel`), a UTF-8 byte order mark and ";" as the delimiter.
///
/// Written as UTF-8 bytes into one growing buffer (`Output`): the rules are
/// byte rules (every character they look at is ASCII), so no field becomes a
/// `String` or passes through Foundation on its way out.
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
        guard let first = text.utf8.first, startsFormula(first) else { return text }
        return "'" + text
    }

    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    public enum Cell: Sendable {
        case text(String)
        case number(Int)
    }

    /// A CSV file being written: fields are appended to `bytes` in order.
    public struct Output: Sendable {
        public var bytes: [UInt8] = []
        let delimiter: UInt8
        var fieldsInRecord = 0

        static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        init(delimiter: UInt8, byteOrderMark: Bool, capacity: Int) {
            self.delimiter = delimiter
            bytes.reserveCapacity(capacity)
            if byteOrderMark { bytes += [0xEF, 0xBB, 0xBF] }
        }

        mutating func separate() {
            if fieldsInRecord > 0 { bytes.append(delimiter) }
            fieldsInRecord += 1
        }

        /// A text cell: made safe (`Sanitize.multiline`), neutralised if it
        /// would run as a formula, quoted when it must be.
        public mutating func text(_ text: String) {
            separate()
            var clean = Sanitize.multiline(text)
            clean.withUTF8 { utf8 in
                let formula = utf8.first.map(CSVWriter.startsFormula) ?? false
                // By byte, not by Character: a quote followed by a combining mark is
                // one Character that is not a quote, yet its quote byte would end the field.
                let delimiter = self.delimiter
                guard utf8.contains(where: { $0 == delimiter || $0 == Self.quote || $0 == Self.lf }) else {
                    if formula { bytes.append(UInt8(ascii: "'")) }
                    bytes.append(contentsOf: utf8)
                    return
                }
                // Quoted: quotes doubled, line breaks as CRLF (RFC 4180).
                bytes.append(Self.quote)
                if formula { bytes.append(UInt8(ascii: "'")) }
                var mark = 0
                for i in 0..<utf8.count where utf8[i] == Self.quote || utf8[i] == Self.lf {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i]))
                    bytes += utf8[i] == Self.quote ? [Self.quote, Self.quote] : [Self.cr, Self.lf]
                    mark = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
                bytes.append(Self.quote)
            }
        }

        public mutating func number(_ n: Int) {
            separate()
            CSVWriter.appendDecimal(n, to: &bytes)
        }

        /// A date as ISO 8601 in UTC, as text ("2024-11-07T09:00:00Z").
        public mutating func date(_ date: Date) {
            separate()
            ISODate.append(date, to: &bytes)
        }

        /// A UUID as text, upper case with dashes (as `uuidString`).
        public mutating func uuid(_ id: UUID) {
            separate()
            let hex: StaticString = "0123456789ABCDEF"
            withUnsafeBytes(of: id.uuid) { raw in
                hex.withUTF8Buffer { digits in
                    for (i, byte) in raw.enumerated() {
                        if i == 4 || i == 6 || i == 8 || i == 10 { bytes.append(UInt8(ascii: "-")) }
                        bytes.append(digits[Int(byte >> 4)])
                        bytes.append(digits[Int(byte & 0xF)])
                    }
                }
            }
        }

        public mutating func cell(_ cell: Cell) {
            switch cell {
            case .text(let t): text(t)
            case .number(let n): number(n)
            }
        }

        /// A note's row of the notes CSV (its header: `HarvestText.csvNotesHeader`).
        mutating func note(_ n: HarvestDocument.NoteEntry, principleTitle: String,
                           fundingLabel: (FundingClass) -> String) {
            uuid(n.id)
            number(n.table)
            number(n.principleNumber)
            text(principleTitle)
            text(n.kindLabel)
            text(n.text)
            text(n.speaker ?? "")
            date(n.createdAt)
            date(n.editedAt)
            text(n.funding.map(fundingLabel) ?? "")
            text(n.owner ?? "")
            text(n.horizon ?? "")
            if n.kind == .initiative { number(n.dots) } else { text("") }
            endRecord()
        }

        public mutating func endRecord() {
            bytes += [Self.cr, Self.lf]
            fieldsInRecord = 0
        }
    }

    /// An empty file (the byte order mark for Excel), `capacity` bytes reserved.
    public func start(capacity: Int = 1 << 16) -> Output {
        Output(delimiter: delimiter.asciiValue ?? UInt8(ascii: ","), byteOrderMark: byteOrderMark, capacity: capacity)
    }

    public func render(header: [String], rows: [[Cell]]) -> Data {
        var out = start()
        for name in header { out.text(name) }
        out.endRecord()
        for row in rows {
            for cell in row { out.cell(cell) }
            out.endRecord()
        }
        return Data(out.bytes)
    }

    /// `n` in decimal digits.
    static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        if n >= 0 && n < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        bytes.append(contentsOf: String(n).utf8)
    }
}

extension HarvestDocument {
    /// One row per note (initiatives included, with funding, owner, horizon and dots).
    /// Needs only `notes` and the principles' titles (`HarvestParts.notes`).
    public func notesCSV(excel: Bool) -> Data {
        let titles = Dictionary(principles.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var out = CSVWriter(excel: excel).start(capacity: 1024 + notes.count * 320)
        for name in HarvestText.csvNotesHeader.text(language).split(separator: "|", omittingEmptySubsequences: false) {
            out.text(String(name))
        }
        out.endRecord()
        for n in notes {
            out.note(n, principleTitle: titles[n.principleId] ?? n.principleId, fundingLabel: fundingLabel)
        }
        return Data(out.bytes)
    }

    /// One row per initiative, merged across tables and ranked by dots.
    public func initiativesCSV(excel: Bool) -> Data {
        Self.initiativesCSV(initiatives, language: language, excel: excel)
    }

    /// The initiatives CSV of `initiatives` (as ranked in a document, or by
    /// `StreamedHarvest.initiatives`, which reads no other note).
    public static func initiativesCSV(_ initiatives: [RankedInitiative], language: Language, excel: Bool) -> Data {
        var bytes: [UInt8] = []
        // Rows are plain values and the sink cannot fail.
        try? writeInitiativesCSV(initiatives, language: language, excel: excel) { (piece: [UInt8]) throws(RundbordError) in
            bytes.append(contentsOf: piece)
        }
        return Data(bytes)
    }

    /// The initiatives CSV given to `emit` in pieces of about 64 KiB, each row written as it is made.
    public static func writeInitiativesCSV(_ initiatives: [RankedInitiative], language: Language, excel: Bool,
                                           _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        var out = CSVWriter(excel: excel).start()
        for name in HarvestText.csvInitiativesHeader.text(language).components(separatedBy: "|") { out.text(name) }
        out.endRecord()
        for i in initiatives {
            let row: [CSVWriter.Cell] = [
                .number(i.rank), .text(i.text), .number(i.dots), .text(i.tables.map(String.init).joined(separator: ", ")),
                .text(i.principleNumbers.map(String.init).joined(separator: ", ")), .text(i.fundingLabel),
                .text(i.owners.joined(separator: "; ")), .text(i.horizons.joined(separator: "; ")),
            ]
            for cell in row { out.cell(cell) }
            out.endRecord()
            if out.bytes.count >= 1 << 16 {
                try emit(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        try emit(out.bytes)
    }

    /// The document as JSON (schema "rundbord-export/1", docs/EXPORT-JSON.md):
    /// sorted keys, ISO 8601 dates, so equal events give equal files.
    public func json() -> Data {
        var bytes: [UInt8] = []
        // Every field is a plain value and the sink cannot fail: encoding cannot fail.
        try? writeJSON { (piece: [UInt8]) throws(RundbordError) in bytes.append(contentsOf: piece) }
        return Data(bytes)
    }

}

extension HarvestSections {
    /// The JSON of `json()`, given to `emit` in pieces of about 64 KiB as it
    /// is written: the members in key order (as `JSONBytes` sorts them),
    /// the long arrays (notes, sections, initiatives) an element at a time,
    /// each section and note made just before it is written (from the store,
    /// in a `StreamedHarvest`), so a file is written without the whole
    /// document or text in memory (issue #16).
    public func writeJSON(_ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        try outline.writeJSON(sections: self, emit)
    }
}

extension HarvestDocument {
    /// The members of the document in key order; those that hold notes
    /// (principles, tables, notes) taken from `sections`.
    func writeJSON(sections: some HarvestSections, _ emit: ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        // The elements of a section are handed to a closure that writes them, and it writes through `emit`.
        try withoutActuallyEscaping(emit) { (emit) throws(RundbordError) in try writeJSON(sections: sections, emitting: emit) }
    }

    private func writeJSON(sections: some HarvestSections,
                           emitting emit: @escaping ([UInt8]) throws(RundbordError) -> Void) throws(RundbordError) {
        let out = JSONStream(emit)
        typealias Element = (() throws(RundbordError) -> Void) throws(RundbordError) -> Void
        try out.object(CodingKeys.self, depth: 0) { (key) throws(RundbordError) in
            // Exhaustive: a field added to the document must be written here too.
            switch key {
            case .schema: try out.value(schema, depth: 1)
            case .language: try out.value(language, depth: 1)
            case .generatedAt: try out.value(generatedAt, depth: 1)
            case .anonymous: try out.value(anonymous, depth: 1)
            case .event: try out.value(event, depth: 1)
            case .tableNumbers: try out.value(tableNumbers, depth: 1)
            case .totalTables: try out.value(totalTables, depth: 1)
            case .fundingLabels: try out.value(fundingLabels, depth: 1)
            case .agreementLabels: try out.value(agreementLabels, depth: 1)
            case .counts: try out.value(counts, depth: 1)
            case .keyMessages: try out.value(keyMessages, depth: 1)
            case .principles:
                try out.array(depth: 1) { (element: Element) throws(RundbordError) in
                    for i in principles.indices {
                        let section = try sections.principle(i)
                        try element { () throws(RundbordError) in try out.principle(section, depth: 2) }
                    }
                }
            case .initiatives: try out.array(initiatives, depth: 1)
            case .funding:
                try out.array(depth: 1) { (element: Element) throws(RundbordError) in
                    for section in funding { try element { () throws(RundbordError) in try out.funding(section, depth: 2) } }
                }
            case .owners:
                try out.array(depth: 1) { (element: Element) throws(RundbordError) in
                    for section in owners { try element { () throws(RundbordError) in try out.owner(section, depth: 2) } }
                }
            case .unowned: try out.array(unowned, depth: 1)
            case .agreementTotal: try out.value(agreementTotal, depth: 1)
            case .tables:
                try out.array(depth: 1) { (element: Element) throws(RundbordError) in
                    for i in tables.indices {
                        let appendix = try sections.table(i)
                        try element { () throws(RundbordError) in try out.table(appendix, depth: 2) }
                    }
                }
            case .participants: try out.array(participants, depth: 1)
            case .organisations: try out.value(organisations, depth: 1)
            case .organisationsTakingPart: try out.value(organisationsTakingPart, depth: 1)
            case .recipientCount: try out.value(recipientCount, depth: 1)
            case .notes:
                try out.array(depth: 1) { (element: Element) throws(RundbordError) in
                    try sections.forEachNote { (note) throws(RundbordError) in
                        try element { () throws(RundbordError) in try out.value(note, depth: 2) }
                    }
                }
            case .privacy: try out.value(privacy, depth: 1)
            }
            try out.flush()
        }
        out.sink.ascii("\n")
        try out.flush(atLeast: 1)
    }
}
