import Foundation

/// One record of a CSV file: its fields and the physical line it starts on
/// (a quoted field may span lines, so later records keep their true line).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
    /// False when some field held bytes that are not UTF-8; those bytes read as U+FFFD.
    public var isValidUTF8: Bool

    public init(line: Int, fields: [String], isValidUTF8: Bool = true) {
        self.line = line; self.fields = fields; self.isValidUTF8 = isValidUTF8
    }
}

/// A file that cannot be split into records at all (the rest of it would be guessed).
public struct CSVSyntaxError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A quoted field opened on `line` never closes.
        case unterminatedQuote
        /// After a closing quote came something other than a delimiter or a line end.
        case textAfterQuote
    }
    public var line: Int
    public var reason: Reason
}

/// An RFC 4180 reader: quoted fields with `""` escapes and line breaks,
/// CRLF, LF or CR line ends, an optional UTF-8 byte order mark, and a `,` or
/// `;` delimiter detected from the first line (spreadsheets in Danish locales
/// write `;`). Written here rather than taken from a package because the
/// roster needs exact line numbers and per-record UTF-8 errors.
public enum CSV {
    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")

    /// The records of `data`. Lines that are entirely empty are skipped.
    public static func parse(_ data: Data, delimiter: UInt8? = nil) throws(CSVSyntaxError) -> [CSVRecord] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let separator = delimiter ?? detectDelimiter(bytes)

        var records: [CSVRecord] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var i = 0
        var fieldWasQuoted = false
        // Whether the current record has a delimiter, a quote or any byte: a
        // line with nothing on it is not a record (blank lines, a trailing newline).
        var recordHasContent = false

        func endField() {
            fields.append(field)
            field = []
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if recordHasContent {
                var valid = true
                let strings = fields.map { raw -> String in
                    if let s = String(validating: raw, as: UTF8.self) { return s }
                    valid = false
                    return String(decoding: raw, as: UTF8.self)
                }
                records.append(CSVRecord(line: recordLine, fields: strings, isValidUTF8: valid))
            }
            fields = []
            recordHasContent = false
        }

        while i < bytes.count {
            let b = bytes[i]
            if b != cr && b != lf { recordHasContent = true }
            if field.isEmpty && !fieldWasQuoted && b == quote {
                // A quoted field: read to the closing quote, keeping delimiters and line breaks.
                let startLine = line
                i += 1
                var closed = false
                while i < bytes.count {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            field.append(quote); i += 2; continue
                        }
                        closed = true; i += 1; break
                    }
                    if c == lf || (c == cr && !(i + 1 < bytes.count && bytes[i + 1] == lf)) { line += 1 }
                    field.append(c)
                    i += 1
                }
                guard closed else { throw CSVSyntaxError(line: startLine, reason: .unterminatedQuote) }
                fieldWasQuoted = true
                if i < bytes.count, bytes[i] != separator, bytes[i] != cr, bytes[i] != lf {
                    throw CSVSyntaxError(line: line, reason: .textAfterQuote)
                }
                continue
            }
            if b == separator {
                endField()
                i += 1
                continue
            }
            if b == cr || b == lf {
                endRecord()
                i += (b == cr && i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                line += 1
                recordLine = line
                continue
            }
            field.append(b)
            i += 1
        }
        if recordHasContent { endRecord() }
        return records
    }

    /// `;` when the first line (outside quotes) has more semicolons than commas, else `,`.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        for b in bytes {
            if b == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == cr || b == lf { break }
            if b == comma { commas += 1 }
            if b == semicolon { semicolons += 1 }
        }
        return semicolons > commas ? semicolon : comma
    }
}
