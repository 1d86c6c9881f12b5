import Foundation
import Testing
import RundbordCore

@Suite struct PersonNameTests {
    static let t = Date(timeIntervalSince1970: 0)
    static let henrik = Participant(id: UUID(), name: "Henrik Vestergaard-Lund", organisation: "Kontra Advokater",
                                    email: "hvl@kontra.example", updatedAt: t)
    static let sofie = Participant(id: UUID(), name: "Sofie Krag", organisation: "Ældre Sagen", updatedAt: t)
    static let aase = Participant(id: UUID(), name: "Åse Ørsted", organisation: "FRAK", updatedAt: t)
    static let peter1 = Participant(id: UUID(), name: "Peter Hansen", organisation: "Kooperationen", updatedAt: t)
    static let peter2 = Participant(id: UUID(), name: "Peter Hansen", organisation: "Merkur", updatedAt: t)
    static let bo = Participant(id: UUID(), name: "Bo", updatedAt: t)
    static let people = [henrik, sofie, aase, peter1, peter2, bo]

    @Test func namesMatchIgnoringCaseAccentsAndSpacing() {
        #expect(PersonName.key("Henrik Vestergaard-Lund") == PersonName.key("henrik  VESTERGAARD lund"))
        #expect(PersonName.key("Henrik Vestergaard-Lund") == PersonName.key("Henrik VestergaardLund"))
        #expect(PersonName.key("Åse Ørsted") == PersonName.key("ase orsted"))
        #expect(PersonName.key("Carla Ünal") == PersonName.key("CARLA UNAL"))
        #expect(PersonName.key("Åse Ørsted") != PersonName.key("Åse Ørstedt"))
    }

    @Test func aCreditNamesAPersonByNameNameAndOrganisationOrEmail() {
        let orgs = ["Kontra Advokater", "Københavns Kommune"]
        #expect(Credits.match("henrik vestergaard lund", people: Self.people, organisations: orgs) == .person(Self.henrik))
        #expect(Credits.match("Henrik Vestergaard-Lund, Kontra Advokater", people: Self.people, organisations: orgs)
                == .person(Self.henrik))
        #expect(Credits.match("HVL@kontra.example", people: Self.people, organisations: orgs) == .person(Self.henrik))
        #expect(Credits.match("åse ørsted", people: Self.people, organisations: orgs) == .person(Self.aase))
        // Two of the same name: the organisation tells them apart, else it is ambiguous.
        #expect(Credits.match("Peter Hansen, merkur", people: Self.people, organisations: orgs) == .person(Self.peter2))
        #expect(Credits.match("peter hansen", people: Self.people, organisations: orgs) == .ambiguous([Self.peter1, Self.peter2]))
        // A known organisation is an organisation.
        #expect(Credits.match("københavns  kommune", people: Self.people, organisations: orgs) == .organisation("Københavns Kommune"))
    }

    @Test func anUnknownNameGetsTheClosestRosterNames() {
        guard case .unknown(let closest) = Credits.match("Henrik Vestergård", people: Self.people, organisations: []) else {
            Issue.record("not unknown"); return
        }
        #expect(closest.first == Self.henrik)
        guard case .unknown(let typo) = Credits.match("Sofie Kragh", people: Self.people, organisations: []) else {
            Issue.record("not unknown"); return
        }
        #expect(typo.first == Self.sofie)
        #expect(Credits.match("Zacharias Xylofon", people: Self.people, organisations: []) == .unknown(closest: []))
    }

    @Test func namesAreFoundInFreeTextAsWholeWords() {
        let finder = NameFinder(people: Self.people)
        let text = "Forslag fra sofie  krag og Henrik Vestergaard Lund; Sofie Krags idé. Vi bor i Lund, og Bo vil bo der."
        let found = finder.mentions(in: text).map { (String(text[$0.range]), $0.genitive) }
        #expect(found.map(\.0) == ["sofie  krag", "Henrik Vestergaard Lund", "Sofie Krags", "Bo"])
        #expect(found.map(\.1) == [false, false, true, false])
        let redacted = finder.redact(text, hide: { !$0.contains(Self.henrik.id) }, word: { genitive, capital in
            (capital ? "En deltager" : "en deltager") + (genitive ? "s" : "")
        })
        #expect(redacted.text == "Forslag fra en deltager og Henrik Vestergaard Lund; en deltagers idé. Vi bor i Lund, og en deltager vil bo der.")
        #expect(redacted.replaced == 3)
        let start = finder.redact("Åse Ørsted foreslog det. sofie krag var enig", hide: { _ in true }, word: { _, capital in
            capital ? "En deltager" : "en deltager"
        })
        #expect(start.text == "En deltager foreslog det. En deltager var enig")
    }

    @Test func aFirstNameOrSurnameAloneAndAnEmailAddressAreFoundToo() {
        let finder = NameFinder(people: Self.people)
        let text = "Henrik sagde det, Vestergaard-Lunds kollega var enig; henrik var træt. "
            + "Skriv til HVL@kontra.example eller sofie.krag@mail.example. Krag og Lund, Sofie og Peter."
        let found = finder.mentions(in: text).map { String(text[$0.range]) }
        // "henrik" lower case is a word, not a name; "Lund" alone is a place.
        #expect(found == ["Henrik", "Vestergaard-Lunds", "HVL@kontra.example", "sofie.krag@mail.example", "Krag", "Sofie", "Peter"])
        #expect(finder.mentions(in: text).map(\.genitive) == [false, true, false, false, false, false, false])
        #expect(finder.mentions(in: "Peter")[0].participantIds.sorted { $0.uuidString < $1.uuidString }
                == [Self.peter1.id, Self.peter2.id].sorted { $0.uuidString < $1.uuidString })
        let redacted = finder.redact(text, hide: { !$0.contains(Self.sofie.id) && !$0.contains(Self.peter1.id) }, word: { genitive, capital in
            (capital ? "En deltager" : "en deltager") + (genitive ? "s" : "")
        })
        #expect(redacted.text == "En deltager sagde det, en deltagers kollega var enig; henrik var træt. "
                + "Skriv til en deltager eller sofie.krag@mail.example. Krag og Lund, Sofie og Peter.")
        // A whole name is still one mention, not a first name and a surname.
        #expect(finder.mentions(in: "Sofie Krag kom").map { String("Sofie Krag kom"[$0.range]) } == ["Sofie Krag"])
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func anErasedNameIsFoundFromItsDigestsAlone() {
        let stone = Tombstone(of: Self.henrik, erasedAt: Date(timeIntervalSince1970: 0))
        #expect(stone.matches(Participant(id: UUID(), name: "HENRIK vestergaard lund", organisation: "kontra advokater",
                                          updatedAt: Self.t)))
        #expect(stone.matches(Participant(id: UUID(), name: "H. V.-L.", email: "HVL@kontra.example", updatedAt: Self.t)))
        #expect(!stone.matches(Self.sofie))
        let text = "Henrik Vestergaard Lunds idé. Skriv til hvl@kontra.example eller henrik.vestergaard.lund@gmail.example."
        let scrubbed = Erasure.scrub(text, [stone], removedEmail: "(fjernet)") { genitive, capital in
            (capital ? "En deltager" : "en deltager") + (genitive ? "s" : "")
        }
        #expect(scrubbed == "En deltagers idé. Skriv til (fjernet) eller (fjernet).")
    }

    @Test func catalogueIsComplete() {
        #expect(Catalogue.problems(PrivacyText.self) == [])
    }
}

/// `CaseFold.caseInsensitive` gives what Foundation's folding gives, for
/// every letter of the Latin, Greek, Cyrillic, Armenian and Cherokee blocks,
/// ligatures and letter-like symbols, and for whole Danish and German texts.
@Suite struct CaseFoldTests {
    static func foundation(_ s: String) -> String { s.folding(options: [.caseInsensitive], locale: nil) }

    @Test func everyScalarFoldsAsFoundationFoldsIt() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x058F, 0x13A0...0x13FF, 0x1E00...0x1FFF, 0x2100...0x218F,
                                             0x2C00...0x2C7F, 0xA640...0xA69F, 0xAB70...0xABBF, 0xFB00...0xFB17, 0xFF01...0xFF5E]
        var differ: [String] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let s = "a" + String(Character(scalar)) + "b"
                if CaseFold.caseInsensitive(s) != Self.foundation(s) { differ.append(String(format: "U+%04X", value)) }
            }
        }
        #expect(differ.isEmpty, "\(differ.prefix(40))")
    }

    @Test func textsFoldAsFoundationFoldsThem() {
        for text in ["Fælles indkøbsportal for ØKF og Århus", "ÆBLEGRØD, ØL OG ÅLBORG", "Straße und STRASSE",
                     "ΣΟΦΙΑ ΣΑΣ", "İstanbul", "ᎠᏍᎦᏯ", "ﬁnanciering", "A\u{030A}lborg", "Emoji 🎉 ok", "   "] {
            #expect(CaseFold.caseInsensitive(text) == Self.foundation(text), "\(text)")
        }
        #expect(Curation.textKey("  Fælles   INDKØB ") == "fælles indkøb")
    }

    @Test func whiteSpaceCollapsesAsCharactersSplitIt() {
        let old = { (s: String) in s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        for text in ["", " ", "a", "  a  b\t\tc\n", "\r\nx\u{2003}y\u{00A0}z\u{3000}", "a \u{301}b", "a\u{301} b",
                     "x \u{200D}y", "hej 👍🏽 du", "👋 \u{1F3FD}x", "Fælles\u{2028}indkøb", "e\u{0301}\u{0301} \t ø"] {
            #expect(CaseFold.collapsingWhitespace(text) == old(text), "\(text.debugDescription)")
        }
    }
}
