import Foundation
import RundbordTestSupport
import Testing
import RundbordTemplates
@testable import RundbordCore

@Suite("Templates")
struct TemplateTests {

    @Test func bundledVisionHasFivePrinciplesFromThePaper() throws {
        let vision = try TemplateLibrary().vision("faelles-vaerdier")
        #expect(vision.title == "Fælles Værdier, Fælles Vækst")
        #expect(vision.principles.count == 5)
        #expect(vision.principles[0].title == "Vi vil skabe et rummeligt og inkluderende erhvervsliv og arbejdsmarked")
        #expect(vision.principles[4].title == "Vi vil erfaringsudveksle med internationale storbyer og initiativer")
        for p in vision.principles {
            #expect((2...4).contains(p.questions.count), "\(p.id) has 2-4 guiding questions")
            #expect(!p.summary.isEmpty)
            #expect(p.minutes > 0)
        }
        #expect(vision.organisations.contains("Merkur Andelskasse"))
        #expect(vision.label(.needsFunding) == "Kræver finansiering")
        #expect(vision.label(.dontKnow) == "Ved ikke")
        #expect(vision.kindFromPrefix("!x")?.0 == .initiative)
        #expect(vision.kindFromPrefix("?x")?.0 == .question)
    }

    /// The binary carries a copy of Sources/RundbordTemplates/Templates/: it must be the same bytes,
    /// and every template file in the folder must be in the binary.
    @Test func embeddedTemplatesAreTheFilesInTemplatesFolder() throws {
        let folder = Binary.repoRoot.appendingPathComponent("Sources/RundbordTemplates/Templates")
        let onDisk = try TemplateLibrary(directory: folder).files()
        #expect(!onDisk.isEmpty)
        #expect(Set(onDisk.keys) == Set(EmbeddedTemplates.files.keys))
        for (name, data) in onDisk {
            #expect(EmbeddedTemplates.files[name].map { Data($0) } == data, "\(name) differs from the embedded copy")
        }
    }

    static let valid = """
        format: 1
        id: test
        language: en
        title: "T"
        principles:
          - id: a
            title: "A"
            questions: ["Q1", "Q2"]
            minutes: 10
        note_kinds:
          - { id: point, label: "Point", prefix: "" }
          - { id: initiative, label: "Initiative", prefix: "!" }
        funding: { needs_funding: N, can_start_now: C, unclear: U }
        agreement: { agree: A, partly: P, disagree: D, dont_know: K }
        """

    func load(_ text: String) throws(RundbordError) -> Vision {
        try TemplateLoader.load(data: Data(text.utf8), file: "t.yaml")
    }

    func message(_ text: String) -> String? {
        do { _ = try load(text); return nil } catch {
            #expect(error.exitCode == .dataError)
            return error.message(.en)
        }
    }

    @Test func minimalTemplateLoads() throws {
        let vision = try load(Self.valid)
        #expect(vision.principles.map(\.id) == ["a"])
        #expect(vision.principles[0].minutes == 10)
    }

    @Test func unknownKeyNamesLineColumnAndTheKnownKeys() {
        let text = Self.valid.replacingOccurrences(of: "    minutes: 10", with: "    minutes: 10\n    colour: red")
        #expect(message(text)?.hasPrefix("t.yaml:10:5: unknown key 'colour'; expected one of: id, title") == true)
    }

    @Test func missingTitleIsReported() {
        let text = Self.valid.replacingOccurrences(of: "title: \"T\"\n", with: "")
        #expect(message(text) == "t.yaml:1:1: missing key 'title' (the vision's title)")
    }

    @Test func wrongTypeIsReported() {
        let text = Self.valid.replacingOccurrences(of: "minutes: 10", with: "minutes: ti")
        #expect(message(text) == "t.yaml:9:14: 'minutes' must be a whole number of minutes")
        let list = Self.valid.replacingOccurrences(of: "questions: [\"Q1\", \"Q2\"]", with: "questions: Q1")
        #expect(message(list) == "t.yaml:8:16: 'questions' must be a list")
    }

    @Test func duplicatePrincipleIdsAreReported() {
        let text = Self.valid.replacingOccurrences(of: "note_kinds:", with: """
              - id: a
                title: "Again"
            note_kinds:
            """)
        #expect(message(text) == "t.yaml:10:9: id 'a' is already used (line 6)")
    }

    @Test func emptyTitleIsReported() {
        let text = Self.valid.replacingOccurrences(of: "title: \"A\"", with: "title: \"  \"")
        #expect(message(text) == "t.yaml:7:12: 'title' must not be empty")
    }

    @Test func repeatedKeyIsReported() {
        let text = Self.valid.replacingOccurrences(of: "language: en", with: "language: en\nlanguage: da")
        #expect(message(text) == "t.yaml:3:1: key 'language' appears twice")
    }

    @Test func yamlSyntaxErrorHasAPosition() {
        let text = Self.valid.replacingOccurrences(of: "title: \"T\"", with: "title: \"T")
        let m = message(text) ?? ""
        #expect(m.hasPrefix("t.yaml:"), "\(m)")
        #expect(m.contains("invalid YAML"))
    }

    @Test func invalidUTF8IsReportedWithItsPosition() throws {
        var data = Data(Self.valid.replacingOccurrences(of: "title: \"T\"", with: "title: \"Tø\"").utf8)
        let ø = Data("ø".utf8)
        let range = try #require(data.range(of: ø))
        data.replaceSubrange(range, with: [0xF8]) // ø in Latin-1
        do {
            _ = try TemplateLoader.load(data: data, file: "latin1.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message(.en) == "latin1.yaml:4:10: the file is not valid UTF-8")
            #expect(error.exitCode == .dataError)
        }
    }

    @Test func requiredKindsAndUnknownKinds() {
        let noInitiative = Self.valid.replacingOccurrences(of: "  - { id: initiative, label: \"Initiative\", prefix: \"!\" }\n", with: "")
        #expect(message(noInitiative)?.contains("missing key 'initiative'") == true)
        let unknown = Self.valid.replacingOccurrences(of: "id: point", with: "id: remark")
        #expect(message(unknown)?.contains("'id' is 'remark'; expected point, idea") == true)
    }

    @Test func errorsAreInDanishByDefault() {
        let text = Self.valid.replacingOccurrences(of: "title: \"T\"\n", with: "")
        do { _ = try load(text) } catch {
            #expect(error.message(.da) == "t.yaml:1:1: mangler nøglen 'title' (visionens titel)")
        }
    }

    /// What a field should hold is said in the message's language, to the end.
    @Test func expectationsAreInTheMessagesLanguage() {
        func danish(_ text: String) -> String? {
            do { _ = try load(text); return nil } catch { return error.message(.da) }
        }
        let minutes = Self.valid.replacingOccurrences(of: "minutes: 10", with: "minutes: ti")
        #expect(danish(minutes) == "t.yaml:9:14: 'minutes' skal være et helt antal minutter")
        let range = Self.valid.replacingOccurrences(of: "minutes: 10", with: "minutes: 900")
        #expect(danish(range) == "t.yaml:9:14: 'minutes' har værdien '900'; forventede 1 til 240")
        let list = Self.valid.replacingOccurrences(of: "questions: [\"Q1\", \"Q2\"]", with: "questions: Q1")
        #expect(danish(list) == "t.yaml:8:16: 'questions' skal være en liste")
        let noInitiative = Self.valid.replacingOccurrences(of: "  - { id: initiative, label: \"Initiative\", prefix: \"!\" }\n", with: "")
        #expect(danish(noInitiative)?.hasSuffix("mangler nøglen 'initiative' (typen, der har finansiering og prikker)") == true)
        // libyaml's own words: translated when common, otherwise left out of the Danish.
        let colon = Self.valid.replacingOccurrences(of: "title: \"T\"", with: "title: T: U")
        #expect(danish(colon)?.hasSuffix("ugyldig YAML: et kolon (nøgle: værdi) er ikke tilladt her; sæt teksten i anførselstegn") == true,
                "\(danish(colon) ?? "")")
        #expect(message(colon)?.hasSuffix("invalid YAML: mapping values are not allowed in this context") == true)
        let quote = Self.valid.replacingOccurrences(of: "title: \"T\"", with: "title: \"T")
        let m = danish(quote) ?? ""
        #expect(m.contains("ugyldig YAML: ") && !m.contains("while") && !m.contains("found"), "\(m)")
    }
}

@Suite("Catalogue")
struct CatalogueTests {
    @Test func everyCoreKeyHasBothLanguages() {
        #expect(Catalogue.problems(CoreText.self) == [])
        #expect(Catalogue.problems(TemplateText.self) == [])
        #expect(Catalogue.problems(SystemText.self) == [])
        #expect(Catalogue.problems(ParserText.self) == [])
        #expect(Catalogue.problems(ReliabilityText.self) == [])
    }

    /// The check itself must find a missing translation.
    @Test func theCheckFindsProblems() {
        enum Broken: String, CatalogueKey {
            case a, b, c, d
            static let table: [Broken: Translation] = [.a: .init("x {0}", "y"), .b: .init("", "z"),
                                                       .d: .init("{0} {0|bord}", "{0} {0|table|tables}")]
        }
        #expect(Catalogue.problems(Broken.self)
                == ["a: placeholders differ", "b: empty da", "c: missing", "d: {0|bord} needs two forms, one|other"])
    }

    /// `{N|one|other}` picks the word for the count; the text is filled in one
    /// pass, so an argument holding "{1}" is never filled again.
    @Test func pluralsAndArgumentsAreFilledOnce() {
        let text = "{0} {0|bord|borde}, {1} {1|prik|prikker} og {2}"
        #expect(Catalogue.fill(text, ["1", "2", "{1}"]) == "1 bord, 2 prikker og {1}")
        #expect(Catalogue.fill(text, ["0", "1", "x"]) == "0 borde, 1 prik og x")
        #expect(Catalogue.fill(text, ["12", "11", "æ"]) == "12 borde, 11 prikker og æ")
        // A tag without an argument, and braces around other text, stay as they are.
        #expect(Catalogue.fill("{0} {3} {x} {0|a|b} {", ["1"]) == "1 {3} {x} a {")
        #expect(Plural.form("indsats|indsatser", count: 1) == "indsats")
        #expect(Plural.form("indsats|indsatser", count: 7) == "indsatser")
        #expect(Plural.form("ingen bar", count: 7) == "ingen bar")
    }

    @Test func languageDetection() {
        #expect(Language.detect(arguments: [], environment: [:]) == .da)
        #expect(Language.detect(arguments: [], environment: ["LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.detect(arguments: [], environment: ["LANG": "C"]) == .da)
        #expect(Language.detect(arguments: ["x", "--lang", "en"], environment: ["LANG": "da_DK.UTF-8"]) == .en)
        #expect(Language.detect(arguments: ["--lang=da"], environment: ["LC_ALL": "en_US.UTF-8"]) == .da)
    }
}

@Suite("Text safety")
struct TextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(Sanitize.forTerminal("a\u{1B}[31mb") == "a␛[31mb")
        #expect(Sanitize.forTerminal("x\ny\u{7F}\u{9B}") == "x␤y␡�")
        #expect(Sanitize.forTerminal("Ærø å") == "Ærø å")
    }

    @Test func singleLinesCannotCarryHeaders() {
        #expect(Sanitize.line("Åse\r\nBcc: evil@example.com") == "Åse Bcc: evil@example.com")
        #expect(Sanitize.line("  a\u{0}b\t c  ") == "ab c")
    }

    @Test func displayWidthCountsColumnsNotBytes() {
        #expect(DisplayWidth.of("æøå ÆØÅ") == 7)
        #expect(DisplayWidth.of("a\u{30A}") == 1)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("日本") == 4)
    }

    @Test func emailAddresses() {
        #expect(EmailAddress.isValid("ase@frak.dk"))
        #expect(!EmailAddress.isValid("ase@frak"))
        #expect(!EmailAddress.isValid("a b@x.dk"))
        #expect(!EmailAddress.isValid("a@x.dk\r\nBcc: y@z.dk"))
        // A quote or a space followed by a combining mark is still a quote or a space.
        // (Kept out of #expect: the macro's copy of the source trips on them.)
        let combined = ["a\"\u{301}b@x.dk", "a \u{301}b@x.dk", "a<\u{301}b@x.dk"]
        for address in combined { #expect(!EmailAddress.isValid(address), "\(address.debugDescription)") }
        #expect(EmailAddress.isValid("søren.ærø@x.dk"))
    }
}
