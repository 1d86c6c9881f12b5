import Foundation
import Testing
@testable import RundbordCore

@Suite struct CSVTests {
    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let text = "name,organisation\r\n\"Jensen, Anne\",\"Foreningen \"\"Ø\"\"\"\r\n\"Line\none\",x\n"
        let records = try CSV.parse(Data(text.utf8))
        #expect(records == [
            CSVRecord(line: 1, fields: ["name", "organisation"]),
            CSVRecord(line: 2, fields: ["Jensen, Anne", "Foreningen \"Ø\""]),
            CSVRecord(line: 3, fields: ["Line\none", "x"]),
        ])
    }

    @Test func lineNumbersCountLinesInsideQuotesAndSkipBlankLines() throws {
        let text = "a;b\n\"1\n2\n3\";c\n\nd;e\n"
        let records = try CSV.parse(Data(text.utf8))
        #expect(records.map(\.line) == [1, 2, 6])
        #expect(records[2].fields == ["d", "e"])
    }

    @Test func detectsSemicolonFromTheFirstLineOnly() throws {
        let records = try CSV.parse(Data("navn;organisation\nAnne, Bo;KK\n".utf8))
        #expect(records[1].fields == ["Anne, Bo", "KK"])
        let commas = try CSV.parse(Data("name,org\nA;B,C\n".utf8))
        #expect(commas[1].fields == ["A;B", "C"])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let records = try CSV.parse(Data([0xEF, 0xBB, 0xBF] + Array("navn\nÅse\n".utf8)))
        #expect(records.map(\.fields) == [["navn"], ["Åse"]])
    }

    @Test func emptyFieldsAndTrailingDelimiter() throws {
        let records = try CSV.parse(Data("a,,\n\"\",b,\n".utf8))
        #expect(records.map(\.fields) == [["a", "", ""], ["", "b", ""]])
    }

    @Test func invalidUTF8IsMarkedOnItsRecord() throws {
        let records = try CSV.parse(Data(Array("a\n".utf8) + [0x4A, 0xF8, 0x72, 0x0A] + Array("c\n".utf8)))
        #expect(records.map(\.isValidUTF8) == [true, false, true])
        #expect(records[1].line == 2)
    }

    @Test func unterminatedQuoteNamesTheLineItStarts() {
        #expect(throws: CSVSyntaxError(line: 2, reason: .unterminatedQuote)) {
            try CSV.parse(Data("a,b\n\"open,x\ny,z\n".utf8))
        }
        #expect(throws: CSVSyntaxError(line: 1, reason: .textAfterQuote)) {
            try CSV.parse(Data("\"a\"b,c\n".utf8))
        }
    }
}

@Suite struct RosterTests {
    let tables: Set<Int> = [1, 2, 3]

    @Test func danishHeaderSemicolonsBOMAndQuotedNewlines() throws {
        let text = "\u{FEFF}Navn;Organisation;E-mail;Bord;Må nævnes\r\n"
            + "Søren Ærø;Københavns Kommune;soren@kk.dk;1;ja\r\n"
            + "\"Åse\nØstergaard\";\"Fællesskab; Andels\";;2;x\r\n"
            + "Bo Ibsen;;;;nej\r\n"
        let result = try Roster.read(Data(text.utf8), tableNumbers: tables)
        #expect(result.problems.isEmpty)
        #expect(result.entries == [
            RosterEntry(line: 2, name: "Søren Ærø", organisation: "Københavns Kommune", email: "soren@kk.dk",
                        tableNumber: 1, mayBeNamed: true),
            // A line break inside a name becomes a space: names are single-line.
            RosterEntry(line: 3, name: "Åse Østergaard", organisation: "Fællesskab; Andels", tableNumber: 2, mayBeNamed: true),
            RosterEntry(line: 5, name: "Bo Ibsen", mayBeNamed: false),
        ])
    }

    @Test func englishHeaderInAnotherOrder() throws {
        let text = "email,name,named,table\nanne@x.dk,Anne,yes,3\n"
        let result = try Roster.read(Data(text.utf8), tableNumbers: tables)
        #expect(result.entries == [RosterEntry(line: 2, name: "Anne", email: "anne@x.dk", tableNumber: 3, mayBeNamed: true)])
    }

    @Test func withoutHeaderTheColumnsAreInTheStandardOrder() throws {
        let result = try Roster.read(Data("Anne,KK,anne@kk.dk,2,1\n".utf8), tableNumbers: tables)
        #expect(result.entries == [RosterEntry(line: 1, name: "Anne", organisation: "KK", email: "anne@kk.dk",
                                               tableNumber: 2, mayBeNamed: true)])
    }

    @Test func everyBadLineIsReportedWithItsLineNumber() throws {
        let text = "navn,organisation,e-mail,bord,må nævnes\n"
            + "God Person,KK,god@kk.dk,1,ja\n"       // 2 ok
            + ",KK,x@kk.dk,1,ja\n"                    // 3 missing name
            + "Anne,KK,ikke-en-adresse,1,ja\n"        // 4 bad e-mail
            + "Bo,KK,,7,ja\n"                         // 5 no table 7
            + "Carl,KK,,to,ja\n"                      // 6 not a number
            + "Dorte,KK,,1,måske\n"                   // 7 bad yes/no
            + "Erik,KK\n"                             // 8 column count
            + "\"Finn\nHansen\",KK,,1,ja,ekstra\n"    // 9 column count (record spans 9-10)
            + "God Person,KK,GOD@kk.dk,2,nej\n"       // 11 same as line 2
        let result = try Roster.read(Data(text.utf8), tableNumbers: tables)
        #expect(result.entries.map(\.line) == [2])
        #expect(result.problems == [
            RosterProblem(line: 3, .rosterMissingName),
            RosterProblem(line: 4, .rosterBadEmail, ["ikke-en-adresse"]),
            RosterProblem(line: 5, .rosterNoSuchTable, ["7"], list: ["1–3"]),
            RosterProblem(line: 6, .rosterTableNotNumber, ["to"]),
            RosterProblem(line: 7, .rosterBadYesNo, ["måske"]),
            RosterProblem(line: 8, .rosterColumnCount, ["5", "2"]),
            RosterProblem(line: 9, .rosterColumnCount, ["5", "6"]),
            RosterProblem(line: 11, .rosterDuplicatePerson, ["2"]),
        ])
        #expect(result.problems[1].message(file: "r.csv", .en) == "r.csv:4: the e-mail address 'ikke-en-adresse' is not valid")
        #expect(result.problems[2].message(file: "r.csv", .da) == "r.csv:5: bord 7 findes ikke (arrangementet har bord 1–3)")
    }

    /// The tables an event has are listed as a sentence lists them: "1–3 og 5", never "1–3, 5".
    @Test func theEventsTablesAreListedWithOgAndAnd() throws {
        let text = "navn,organisation,e-mail,bord,må nævnes\nBo,KK,,7,ja\n"
        let result = try Roster.read(Data(text.utf8), tableNumbers: [1, 2, 3, 5, 8])
        #expect(result.problems[0].message(file: "r.csv", .da) == "r.csv:2: bord 7 findes ikke (arrangementet har bord 1–3, 5 og 8)")
        #expect(result.problems[0].message(file: "r.csv", .en) == "r.csv:2: table 7 does not exist (the event has tables 1–3, 5 and 8)")
        #expect(Language.da.list(["1", "2"]) == "1 og 2")
        #expect(Language.en.list(["1", "2", "3"]) == "1, 2 and 3")
        #expect(Language.da.list(["4"]) == "4" && Language.en.list([]) == "")
    }

    /// A line with several mistakes gets them all, in column order, so the
    /// file is fixed in one pass; the rejection counts lines, not problems.
    @Test func everyProblemOfALineIsReported() throws {
        let text = "navn,organisation,e-mail,bord,må nævnes\n"
            + ",KK,ikke-en-adresse,7,måske\n"          // 2: four problems
            + "Anne,KK,anne@,to,ja\n"                  // 3: two problems
            + "God Person,KK,god@kk.dk,1,ja\n"         // 4 ok
        let result = try Roster.read(Data(text.utf8), tableNumbers: tables)
        #expect(result.entries.map(\.line) == [4])
        #expect(result.problems == [
            RosterProblem(line: 2, .rosterMissingName),
            RosterProblem(line: 2, .rosterBadEmail, ["ikke-en-adresse"]),
            RosterProblem(line: 2, .rosterNoSuchTable, ["7"], list: ["1–3"]),
            RosterProblem(line: 2, .rosterBadYesNo, ["måske"]),
            RosterProblem(line: 3, .rosterBadEmail, ["anne@"]),
            RosterProblem(line: 3, .rosterTableNotNumber, ["to"]),
        ])
        #expect(result.badLines == 2)
    }

    @Test func invalidUTF8LineIsReported() throws {
        let bytes = Array("navn,organisation,e-mail,bord,må nævnes\nAnne,KK,,1,ja\n".utf8)
            + Array("S".utf8) + [0xF8] + Array("ren,KK,,1,ja\n".utf8)
        let result = try Roster.read(Data(bytes), tableNumbers: tables)
        #expect(result.entries.map(\.name) == ["Anne"])
        #expect(result.problems == [RosterProblem(line: 3, .rosterInvalidUTF8)])
    }

    @Test func structuralErrorsStopTheWholeFile() {
        #expect(throws: RosterProblem(line: 2, .rosterUnterminatedQuote)) {
            try Roster.read(Data("navn\n\"Anne\nBo\n".utf8), tableNumbers: [1])
        }
        #expect(throws: RosterProblem(line: 1, .rosterUnknownColumn, ["telefon", Roster.expectedColumns])) {
            try Roster.read(Data("navn,telefon\nAnne,123\n".utf8), tableNumbers: [1])
        }
        #expect(throws: RosterProblem(line: 1, .rosterUTF16)) {
            try Roster.read(Data([0xFF, 0xFE] + Array("n\0a\0v\0n\0".utf8)), tableNumbers: [1])
        }
        #expect(throws: RosterProblem(line: 1, .rosterEmpty)) {
            try Roster.read(Data("\n\n".utf8), tableNumbers: [1])
        }
    }

    @Test func controlCharactersAreRemovedFromNames() throws {
        let result = try Roster.read(Data("navn\n\"Anne\u{1B}[2J Bo\"\n".utf8), tableNumbers: [1])
        #expect(result.entries.first?.name == "Anne[2J Bo")
    }

    @Test func identityMatchesByEmailElseNameAndOrganisation() {
        let now = Date(timeIntervalSince1970: 0)
        let anne = Participant(id: UUID(), name: "Anne Ørsted", organisation: "KK", email: "anne@kk.dk", updatedAt: now)
        let bo = Participant(id: UUID(), name: "Bo", organisation: "Andelen", updatedAt: now)
        let people = [anne, bo]
        #expect(ParticipantIdentity(name: "Someone", organisation: "", email: "ANNE@kk.dk").match(in: people) == anne)
        #expect(ParticipantIdentity(name: "anne  ørsted", organisation: "kk", email: "").match(in: people) == anne)
        // Bo had no e-mail: the same name and organisation with an e-mail is still Bo.
        #expect(ParticipantIdentity(name: "BO", organisation: "andelen", email: "bo@a.dk").match(in: people) == bo)
        #expect(ParticipantIdentity(name: "Bo", organisation: "Other", email: "").match(in: people) == nil)
    }
}

@Test func multiTextCatalogueIsComplete() {
    #expect(Catalogue.problems(MultiText.self).isEmpty)
}
