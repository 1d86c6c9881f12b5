import Foundation

/// One valid line of a roster file.
public struct RosterEntry: Sendable, Equatable {
    public var line: Int
    public var name: String
    public var organisation: String
    public var email: String
    public var tableNumber: Int?
    public var mayBeNamed: Bool

    public init(line: Int, name: String, organisation: String = "", email: String = "",
                tableNumber: Int? = nil, mayBeNamed: Bool = false) {
        self.line = line; self.name = name; self.organisation = organisation; self.email = email
        self.tableNumber = tableNumber; self.mayBeNamed = mayBeNamed
    }

    /// Who this person is, for matching against people already in the event.
    public var identity: ParticipantIdentity {
        ParticipantIdentity(name: name, organisation: organisation, email: email)
    }
}

/// How two entries of the same person are recognised: by e-mail when there
/// is one, else by name and organisation, both ignoring case and spacing.
/// Used by the roster import and by merging event files, so a person typed
/// in on two laptops, or imported twice, is one participant.
public struct ParticipantIdentity: Sendable, Hashable {
    public let key: String
    public let nameKey: String

    public init(name: String, organisation: String, email: String) {
        func fold(_ s: String) -> String {
            Sanitize.line(s).folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
        }
        nameKey = "name:" + fold(name) + "\u{1F}" + fold(organisation)
        let mail = fold(email)
        key = mail.isEmpty ? nameKey : "email:" + mail
    }

    public init(_ p: Participant) { self.init(name: p.name, organisation: p.organisation, email: p.email) }
    public var hasEmail: Bool { key.hasPrefix("email:") }
}

/// One bad line of a roster, with what is wrong in the catalogue's words.
public struct RosterProblem: Error, Sendable, Equatable {
    public var line: Int
    public var key: MultiText
    public var args: [String]
    /// Items of one more argument, listed in the message's language ("1–3 og 7").
    public var list: [String]

    public init(line: Int, _ key: MultiText, _ args: [String] = [], list: [String] = []) {
        self.line = line; self.key = key; self.args = args; self.list = list
    }

    /// "roster.csv:7: the e-mail address 'x' is not valid".
    public func message(file: String, _ language: Language = .current) -> String {
        let all = list.isEmpty ? args : args + [language.list(list)]
        return MultiText.rosterLine.text(language, file, line, key.format(language, all))
    }
}

/// Every problem of one roster line.
public struct RosterProblems: Error, Sendable {
    public var all: [RosterProblem]
    init(_ all: [RosterProblem]) { self.all = all }
}

/// Reads a participants roster (CSV): columns name, organisation, e-mail,
/// table, may be named, in that order or in any order under a header row in
/// Danish or English. Every bad line is reported; the caller decides whether
/// to import nothing (the default) or only the good lines.
public enum Roster {
    public enum Column: String, Sendable, CaseIterable {
        case name, organisation, email, table, named
    }

    /// Header names, compared folded (case, spaces, hyphens and diacritics ignored).
    static let aliases: [String: Column] = {
        var out: [String: Column] = [:]
        let names: [Column: [String]] = [
            .name: ["navn", "name", "fulde navn", "full name", "deltager", "participant"],
            .organisation: ["organisation", "organization", "org", "virksomhed", "forening"],
            .email: ["e-mail", "email", "mail", "e-mailadresse", "email address", "e-mail address"],
            .table: ["bord", "table", "bordnummer", "table number", "bord nr", "bord nr."],
            .named: ["må nævnes", "named", "may be named", "ma naevnes", "maa naevnes", "nævnes", "samtykke", "consent"],
        ]
        for (column, list) in names { for n in list { out[fold(n)] = column } }
        return out
    }()

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "." }
    }

    public static let yesWords: Set<String> = ["ja", "yes", "1", "x", "j", "y", "true", "sand"]
    public static let noWords: Set<String> = ["nej", "no", "0", "n", "false", "falsk", ""]

    public struct Result: Sendable, Equatable {
        public var entries: [RosterEntry]
        public var problems: [RosterProblem]
        /// The number of data lines read (good and bad).
        public var lines: Int
        /// How many lines have at least one problem (a line may have several).
        public var badLines: Int { Set(problems.map(\.line)).count }
    }

    /// Checks every line of `data` against the event's table numbers.
    /// A file that cannot be split into records at all throws; line-level
    /// problems are returned with the good entries.
    public static func read(_ data: Data, tableNumbers: Set<Int>) throws(RosterProblem) -> Result {
        // Spreadsheets' "Unicode text" is UTF-16: say so instead of reporting every line.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw RosterProblem(line: 1, .rosterUTF16)
        }
        let records: [CSVRecord]
        do {
            records = try CSV.parse(data)
        } catch {
            switch error.reason {
            case .unterminatedQuote: throw RosterProblem(line: error.line, .rosterUnterminatedQuote)
            case .textAfterQuote: throw RosterProblem(line: error.line, .rosterTextAfterQuote)
            }
        }
        guard let first = records.first else { throw RosterProblem(line: 1, .rosterEmpty) }

        var columns: [Column] = Column.allCases
        var body = records[...]
        let headerNames = first.fields.map { fold($0) }
        if headerNames.contains(where: { aliases[$0] == .name }) {
            columns = []
            for (i, raw) in first.fields.enumerated() {
                guard let column = aliases[headerNames[i]] else {
                    throw RosterProblem(line: first.line, .rosterUnknownColumn,
                                        [Sanitize.line(raw), expectedColumns])
                }
                guard !columns.contains(column) else {
                    throw RosterProblem(line: first.line, .rosterDuplicateColumn, [Sanitize.line(raw)])
                }
                columns.append(column)
            }
            body = records.dropFirst()
        }

        var result = Result(entries: [], problems: [], lines: body.count)
        var seen: [ParticipantIdentity: Int] = [:]
        let knownTables = tableNumbers.sorted()
        for record in body {
            switch entry(record, columns: columns, tableNumbers: tableNumbers, knownTables: knownTables) {
            case .failure(let found):
                result.problems += found.all
            case .success(let entry):
                if let earlier = seen[entry.identity] {
                    result.problems.append(RosterProblem(line: record.line, .rosterDuplicatePerson, [String(earlier)]))
                } else {
                    seen[entry.identity] = record.line
                    result.entries.append(entry)
                }
            }
        }
        return result
    }

    static var expectedColumns: String {
        "navn/name, organisation, e-mail/email, bord/table, må nævnes/named"
    }

    /// The entry on `record`'s line, or every problem the line has (a wrong
    /// number of columns or bytes that are not UTF-8 hide the rest).
    static func entry(_ record: CSVRecord, columns: [Column], tableNumbers: Set<Int>,
                      knownTables: [Int]) -> Swift.Result<RosterEntry, RosterProblems> {
        let line = record.line
        guard record.isValidUTF8 else { return .failure(RosterProblems([RosterProblem(line: line, .rosterInvalidUTF8)])) }
        guard record.fields.count == columns.count else {
            return .failure(RosterProblems([RosterProblem(line: line, .rosterColumnCount,
                                                          [String(columns.count), String(record.fields.count)])]))
        }
        var values: [Column: String] = [:]
        for (column, raw) in zip(columns, record.fields) { values[column] = Sanitize.line(raw) }
        var problems: [RosterProblem] = []

        let name = values[.name] ?? ""
        if name.isEmpty { problems.append(RosterProblem(line: line, .rosterMissingName)) }
        let email = values[.email] ?? ""
        if !email.isEmpty && !EmailAddress.isValid(email) {
            problems.append(RosterProblem(line: line, .rosterBadEmail, [email]))
        }
        var table: Int?
        if let text = values[.table], !text.isEmpty {
            if let number = Int(text) {
                if tableNumbers.contains(number) {
                    table = number
                } else {
                    problems.append(RosterProblem(line: line, .rosterNoSuchTable, [String(number)], list: ranges(knownTables)))
                }
            } else {
                problems.append(RosterProblem(line: line, .rosterTableNotNumber, [text]))
            }
        }
        let consentText = (values[.named] ?? "").lowercased()
        var named = false
        if yesWords.contains(consentText) { named = true }
        else if !noWords.contains(consentText) { problems.append(RosterProblem(line: line, .rosterBadYesNo, [values[.named] ?? ""])) }

        guard problems.isEmpty else { return .failure(RosterProblems(problems)) }
        return .success(RosterEntry(line: line, name: name, organisation: values[.organisation] ?? "",
                                    email: email, tableNumber: table, mayBeNamed: named))
    }

    /// ["1–5"] or ["1–3", "7"] for the tables an event has (listed as "1–3 og 7").
    static func ranges(_ numbers: [Int]) -> [String] {
        guard !numbers.isEmpty else { return ["-"] }
        var parts: [String] = []
        var start = numbers[0], end = numbers[0]
        for n in numbers.dropFirst() {
            if n == end + 1 { end = n; continue }
            parts.append(start == end ? "\(start)" : "\(start)–\(end)")
            start = n; end = n
        }
        parts.append(start == end ? "\(start)" : "\(start)–\(end)")
        return parts
    }
}

extension ParticipantIdentity {
    /// The participant in `people` who is the same person: with an e-mail,
    /// the one with that e-mail, else one of the same name and organisation
    /// who has no e-mail yet; without an e-mail, one of the same name and
    /// organisation.
    public func match(in people: [Participant]) -> Participant? {
        if hasEmail {
            if let same = people.first(where: { ParticipantIdentity($0).key == key }) { return same }
            return people.first { p in
                let other = ParticipantIdentity(p)
                return !other.hasEmail && other.nameKey == nameKey
            }
        }
        return people.first { ParticipantIdentity($0).nameKey == nameKey }
    }
}
