import Foundation
import RundbordTestSupport
import Testing
import RundbordCore
import RundbordTemplates
@testable import RundbordHarvest

/// The harvest's content: does it answer the politician's questions?
@Suite struct HarvestContentTests {
    /// The initiative template lists an initiative's tables as a sentence does:
    /// "bord 1 og 3", "table 1 and 3", never "bord 1, 3".
    @Test(arguments: Language.allCases)
    func theInitiativeTemplateListsItsTablesWithOg(lang: Language) throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(language: lang)
        #expect(doc.initiatives[0].tables == [1, 3])
        let first = try #require((HarvestContext.make(doc, .markdown)["initiatives"] as? ContextList)?.first { _ in true } as? [String: Any])
        #expect(first["tables"] as? String == (lang == .da ? "1 og 3" : "1 and 3"))
        let line = try HarvestTemplates(language: lang).render("initiative", "md", context: first)
        #expect(line.contains(lang == .da ? ", bord 1 og 3," : ", table 1 and 3,"), "\(line)")
    }

    @Test func theHarvestAnswersTheSeedQuestions() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document()

        // What was said under each principle: every principle, notes grouped by kind.
        #expect(doc.principles.count == 5)
        #expect(doc.principles[0].kinds.map(\.kind) == [.point, .concern, .question, .quote])
        #expect(doc.notes.count == 5 + 1 + Fixture.hostileNotes.count + 10)
        #expect(!doc.notes.contains { $0.text == "SLETTET NOTAT" })
        // Agreement summed over tables.
        #expect(doc.principles[0].agreement == .init(agree: 14, partly: 5, disagree: 1, dontKnow: 1, total: 21, tablesReporting: 3))
        #expect(doc.agreementTotal.total == 29)

        // Which initiatives, ranked by dots; the same text from two tables is one initiative.
        #expect(doc.initiatives.map(\.dots) == [13, 11, 6, 6, 3, 3, 2, 0])
        // One number per initiative; a place shared by initiatives tied on dots and tables; none with 0 dots.
        #expect(doc.initiatives.map(\.rank) == Array(1...8))
        #expect(doc.initiatives.map(\.place) == ["1.", "2.", "3.–4.", "3.–4.", "5.", "6.", "7.", nil])
        #expect(doc.initiatives[4].dots == doc.initiatives[5].dots, "3 dots from two tables ranks above 3 dots from one")
        #expect(doc.initiatives[4].tables.count > doc.initiatives[5].tables.count)
        #expect(doc.initiatives[0].support == "støttet af 2 af 4 borde")
        let merged = doc.initiatives[0]
        #expect(merged.text == Fixture.mergedInitiativeTable1)
        #expect(merged.tables == [1, 3])
        #expect(merged.proposals.count == 2)
        #expect(merged.owners == ["Københavns Kommune"])
        #expect(merged.funding == .needsFunding && !merged.fundingDisputed)
        let disputed = doc.initiatives.first { $0.text.hasPrefix("Netværk") }
        #expect(disputed?.funding == .unclear && disputed?.fundingDisputed == true && disputed?.dots == 3)

        // Which need funding, which can start now, which are unclear.
        #expect(doc.funding.map(\.funding) == [.needsFunding, .canStartNow, .unclear])
        #expect(doc.funding.map(\.initiatives.count) == [3, 3, 2])

        // Who is to act.
        #expect(doc.owners.map(\.owner) == ["Københavns Kommune", "Kooperationen", "Merkur Andelskasse",
                                            "Selveje Danmark <admin@x>", "Kooperativt København"])
        #expect(doc.unowned.count == 3)

        // What happens next, and who receives it.
        #expect(doc.event.nextSteps == Fixture.nextSteps)
        #expect(doc.recipientCount == 3)
        #expect(doc.recipients == ["anne@example.dk", "bo@example.dk", "mallory@example.com"])

        // Names only for those who agreed.
        #expect(doc.participants.map(\.name) == [Fixture.named, Fixture.hostileName, "Carla Ünal", "Erik Ugyldig"])
        #expect(!doc.notes.contains { $0.speaker?.contains(Fixture.unnamed) == true })
        // Every organisation that took part, whatever its people chose: the roster's
        // (Bo's "Hemmelig Forening" though Bo is not named), the credited, the vision's.
        let vision = try fixture.store.event().vision
        #expect(doc.organisationsTakingPart.count == vision.organisations.count + 2)
        #expect(doc.organisationsTakingPart.contains("Hemmelig Forening") && doc.organisationsTakingPart.contains("Fiktiv Forening ApS"))
        #expect(Set(vision.organisations).isSubset(of: Set(doc.organisationsTakingPart)))
        #expect(doc.counts.organisations == doc.organisationsTakingPart.count)
        // The JSON's older list keeps its meaning: named participants' and credited organisations.
        #expect(doc.organisations == ["Fiktiv Forening ApS", "Kaffe Karma", "Kooperationen", "Merkur Andelskasse"])
        // Each initiative is credited to whom proposed it, when they may be named; the unnamed never.
        #expect(doc.initiatives.allSatisfy { !$0.proposedBy.contains { $0.contains(Fixture.unnamed) } })
    }

    /// A funding label inside a sentence ("; kan sættes i gang nu") starts
    /// lower-case; an acronym keeps its capitals; headings and table cells keep the label.
    @Test func aLabelMidSentenceIsNotCapitalised() {
        #expect(HarvestTypography.midSentence("Kan sættes i gang nu") == "kan sættes i gang nu")
        #expect(HarvestTypography.midSentence("Kræver finansiering") == "kræver finansiering")
        #expect(HarvestTypography.midSentence("EU-midler søges") == "EU-midler søges")
        #expect(HarvestTypography.midSentence("") == "")
    }

    /// "1 prik", "2 prikker": every count in the templates takes the word that goes with it.
    @Test func countsTakeTheWordThatGoesWithThem() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        // Table 2 alone: one table, an initiative with a single dot.
        let da = try Exporter.markdown(try fixture.document(tables: [2]), Fixture.settings())
        #expect(da.contains("ved 1 bord skrev"), "\(da)")
        #expect(da.contains("netværk for socialøkonomiske iværksættere — 1 prik;"), "\(da)")
        #expect(da.contains("— 11 prikker;"))
        #expect(da.contains("Enighed ved 1 af 1 bord:"), "\(da)")
        #expect(!da.contains(" 1 prikker") && !da.contains(" 1 borde"), "\(da)")
        let mail = try Exporter.mailBody(try fixture.document(tables: [2]), Fixture.settings())
        #expect(MailFlow.unflowed(mail).contains("ved 1 bord foreslog 3 indsatser"), "\(mail)")

        let en = try Exporter.markdown(try fixture.document(tables: [2], language: .en), Fixture.settings(.en))
        #expect(en.contains("at 1 table wrote"), "\(en)")
        #expect(en.contains("— 1 dot;"), "\(en)")
        #expect(en.contains("— 11 dots;"))
        // Every table: plurals, and the mail's recipients.
        let all = try Exporter.printText(try fixture.document(), Fixture.settings())
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(all.contains("ved 4 borde skrev"), "\(all)")
        #expect(all.contains("de 3 deltagere, der har oplyst"), "\(all)")
    }

    @Test func anonymousNamesNobodyInAnyFormat() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(anonymous: true)
        #expect(doc.participants.isEmpty)
        // An organisation is not a person: still credited and listed.
        #expect(doc.organisations.contains("Fiktiv Forening ApS"))
        #expect(doc.notes.allSatisfy { $0.speaker == nil || $0.speaker == "Fiktiv Forening ApS" })
        #expect(doc.notes.contains { $0.speaker == "Fiktiv Forening ApS" })
        // It says what it left out: every credit to a person, every participant.
        let credited = try doc.notes.filter { n in try fixture.store.note(id: n.id)?.speakerId != nil }
        #expect(credited.count > 5 && doc.privacy.creditsLeftOut == credited.count)
        #expect(doc.privacy.participantsLeftOut == 6)
        // Every organisation that took part, whatever its people chose: the roster's, the vision's.
        let visionOrganisations = try fixture.store.event().vision.organisations
        #expect(Set(visionOrganisations + ["Hemmelig Forening", "Fiktiv Forening ApS"]) == Set(doc.organisationsTakingPart))
        // A person is never shown as proposer; an organisation may be.
        #expect(doc.initiatives.allSatisfy { $0.proposedBy.allSatisfy { $0 == "Fiktiv Forening ApS" } })
        var settings = Fixture.settings()
        settings.excel = false
        for format in [ExportFormat.md, .txt, .csv, .json, .mailtext] {
            let text = String(decoding: try Exporter.render(doc, format, settings: settings), as: UTF8.self)
            for name in [Fixture.named, "Carla Ünal", Fixture.unnamed, "Mallory", "Erik Ugyldig", "Dorte Dobbelt"] {
                #expect(!text.contains(name), "\(format) names \(name)")
            }
        }
        let markdown = try Exporter.markdown(doc, Fixture.settings())
        #expect(markdown.contains("Opsamlingen er anonym: ingen deltagere er nævnt ved navn, men organisationer er. Udeladt er \(doc.privacy.creditsLeftOut) krediteringer af deltagere, 6 navne på deltagerlisten"), "\(markdown)")
        #expect(markdown.contains("Fiktiv Forening ApS, "))
    }

    @Test func tablesSelectsTablesAndRefusesUnknownOnes() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let doc = try fixture.document(tables: [1, 3])
        #expect(doc.tableNumbers == [1, 3])
        #expect(doc.notes.allSatisfy { [1, 3].contains($0.table) })
        #expect(doc.initiatives[0].dots == 13)
        #expect(doc.tables.map(\.number) == [1, 3])
        let markdown = try Exporter.markdown(doc, Fixture.settings())
        #expect(markdown.contains("Opsamlingen dækker kun bord\u{A0}1\u{A0}og\u{A0}3."))
        #expect(throws: RundbordError.self) { try fixture.document(tables: [9]) }
    }
}

@Suite struct HarvestTemplateTests {
    @Test func catalogueIsComplete() {
        #expect(Catalogue.problems(HarvestText.self) == [])
    }

    @Test func everyHarvestTemplateIsEmbeddedWithIdenticalBytes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/RundbordTemplates/Templates/harvest").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 12)
        for name in names {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(EmbeddedTemplates.files["harvest/" + name].map { Data($0) } == onDisk, "\(name) not embedded or stale")
        }
        // Both languages have every template.
        let da = Set(names.filter { $0.contains(".da.") }.map { $0.replacingOccurrences(of: ".da.", with: ".") })
        let en = Set(names.filter { $0.contains(".en.") }.map { $0.replacingOccurrences(of: ".en.", with: ".") })
        #expect(da == en)
    }

    /// A folder with one edited template: it wins; the others come from the built-in set.
    @Test func templatesFolderOverridesFileByFile() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let folder = fixture.directory.appendingPathComponent("tpl/harvest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("Hej {{date}} & <{{counts.notes}}>\n".utf8)
            .write(to: folder.appendingPathComponent("mail.da.txt.mustache"))
        let library = TemplateLibrary(directory: fixture.directory.appendingPathComponent("tpl"))
        let settings = Fixture.settings(library: library)
        let doc = try fixture.document()
        let body = try Exporter.mailBody(doc, settings)
        // No HTML escaping: & < > stay as they are.
        #expect(body == "Hej 2024-11-06 & <\(doc.notes.count)>\n")
        #expect(try Exporter.markdown(doc, settings).hasPrefix("# Opsamling: "))
    }

    @Test func aBrokenTemplateNamesItsFileAndLine() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let folder = fixture.directory.appendingPathComponent("tpl/harvest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("harvest.da.md.mustache")
        try Data("# {{title}}\n\n{{#principles}}\n## {{title}}\n{{/principle}}\n".utf8).write(to: file)
        let settings = Fixture.settings(library: TemplateLibrary(directory: fixture.directory.appendingPathComponent("tpl")))
        let doc = try fixture.document()
        let error = caught { try Exporter.markdown(doc, settings) }
        #expect(error?.exitCode == .dataError)
        let message = error?.message(.en) ?? ""
        #expect(message.hasPrefix(file.path + ":5:"), "\(message)")
        #expect(message.contains("{{/principle}}"))
        // An unclosed tag too.
        try Data("# {{title}}\nline two {{oops\n".utf8).write(to: file)
        #expect(throws: RundbordError.self) { try Exporter.markdown(try fixture.document(), settings) }
    }
}

@Suite struct AtomicWriteTests {
    @Test func writesOwnerOnlyAndReplacesWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("opsamling.md").path
        try AtomicFile.write(Data("første".utf8), to: path)
        try AtomicFile.write(Data("anden".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "anden")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["opsamling.md"])
    }

    /// As root, chmod does not stop writes, so the unwritable folder is a
    /// path whose parent is a regular file (ENOTDIR): a real refusal by the
    /// kernel whoever runs the test.
    @Test func anUnwritableFolderIsAClearErrorAndTouchesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a-file")
        try Data("keep".utf8).write(to: file)
        let error = caught { try AtomicFile.write(Data("x".utf8), to: file.path + "/opsamling.md") }
        #expect(error?.exitCode == .cantCreate)
        #expect(error?.message(.en).contains("a-file/opsamling.md") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a-file"])
    }

    /// A write that fails half-way (the kernel's file size limit, EFBIG, as
    /// a full disk would give ENOSPC) through the real command: exit 74, the
    /// earlier export byte for byte as it was, no temporary file left.
    @Test func aWriteFailingHalfWayLeavesTheEarlierExport() throws {
        guard let rundbord = Tool.rundbord(), let sh = Tool.require("sh") else { return }
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let out = fixture.directory.appendingPathComponent("opsamling.md").path
        let earlier = Data("tidligere eksport\n".utf8)
        try earlier.write(to: URL(fileURLWithPath: out))
        // Enough notes for a harvest far over the limit below.
        let table = try fixture.store.table(number: 2)
        for i in 0..<400 {
            try fixture.store.save(note: Note(id: UUID(), tableId: table.id, principleId: table.principleIds[1], kind: .point,
                                              text: "Notat nummer \(i) om lokale værdikæder og indkøb med hjerne og hjerte",
                                              createdAt: Date(timeIntervalSince1970: 1_730_890_000 + Double(i))))
        }
        fixture.store.close()
        // ulimit -f counts 1024-byte blocks: 64 KiB lets SQLite open the file
        // (its 32 KiB shared-memory index) and is less than the harvest.
        let result = try Tool.run(sh, ["-c", "ulimit -f 64; exec \"$0\" export \"$1\" --format md --out \"$2\"",
                                       rundbord, fixture.path, out])
        #expect(result.status == 74, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains(out))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == earlier)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}

/// The error `body` throws, or nil (and a recorded issue) when it succeeds.
func caught(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> RundbordError? {
    do {
        try body()
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error as? RundbordError
    }
}

/// Quotes lose their marks and the white space around them as Foundation's
/// trimming would, without Foundation.
@Suite struct QuoteTrimTests {
    @Test func trimmingIsFoundations() {
        let texts = ["", " ", "\n\t a b \u{00A0}\u{2003}\n", "\u{2028}x\u{2029}", "\u{0085}y\r\n", " \u{301}z ", "«» ", "\u{3000}å\u{3000}"]
        for text in texts {
            #expect(String(HarvestTypography.trimmed(Substring(text), newlines: true)) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.debugDescription)")
            #expect(String(HarvestTypography.trimmed(Substring(text), newlines: false)) == text.trimmingCharacters(in: .whitespaces),
                    "\(text.debugDescription)")
        }
        #expect(HarvestTypography.quote("  \"Vi skal dele\"  ", .da) == "»Vi skal dele«")
        #expect(HarvestTypography.quote("\"", .en) == "“\"”")
        #expect(HarvestTypography.quote("» Ærø «", .da) == "»Ærø«")
    }
}

@Suite struct MarkdownForReadingTests {
    @Test func escapesShowAsTheirCharactersAndHardBreaksLoseTheirBackslash() {
        #expect(MarkdownEscape.forReading("6\\. november 2024") == "6. november 2024")
        #expect(MarkdownEscape.forReading("\\*ikke fed\\* \\\\ \\ø\\\n    næste") == "*ikke fed* \\ \\ø\n    næste")
        let note = "1. Vi skal *dele* [lokaler] & <b>"
        #expect(MarkdownEscape.forReading(MarkdownEscape.inline(note)) == note)
    }
}
